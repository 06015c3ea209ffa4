/**
 * The L2 file format: a 20-byte header, a JSON meta block (the key id, the covered range) and the
 * payload (raw bytes for a Uint8Array, v8.serialize for anything else).
 *
 *   0  'SPC1'            magic
 *   4  u8  format        1
 *   5  u8  value type    0 bytes, 1 v8
 *   6  u16 reserved
 *   8  u32 meta length
 *  12  u32 payload length
 *  16  u32 CRC-32 of meta + payload
 *
 * `decodeEntry` returns null for anything that does not check out (truncated, corrupt, another
 * key's file): the cache treats it as a miss and deletes it.
 */
import { deserialize, serialize } from 'node:v8';
import { crc32 } from 'node:zlib';
import type { ByteRange } from './memory-cache';

const MAGIC = 0x31435053; // 'SPC1' little-endian
const FORMAT = 1;
const HEADER = 20;
const BYTES = 0;
const V8 = 1;

export interface EntryMeta {
  id: string;
  covers?: ByteRange;
}

export function encodeEntry(meta: EntryMeta, value: unknown): Buffer {
  const isBytes = value instanceof Uint8Array;
  const payload = isBytes ? value : serialize(value);
  const metaBytes = Buffer.from(JSON.stringify(meta), 'utf8');
  const out = Buffer.allocUnsafe(HEADER + metaBytes.length + payload.length);
  out.writeUInt32LE(MAGIC, 0);
  out.writeUInt8(FORMAT, 4);
  out.writeUInt8(isBytes ? BYTES : V8, 5);
  out.writeUInt16LE(0, 6);
  out.writeUInt32LE(metaBytes.length, 8);
  out.writeUInt32LE(payload.length, 12);
  metaBytes.copy(out, HEADER);
  out.set(payload, HEADER + metaBytes.length);
  out.writeUInt32LE(crc32(out.subarray(HEADER)), 16);
  return out;
}

export function decodeEntry(file: Buffer, expectedId: string): { meta: EntryMeta; value: unknown } | null {
  if (file.length < HEADER || file.readUInt32LE(0) !== MAGIC || file.readUInt8(4) !== FORMAT) return null;
  const type = file.readUInt8(5);
  const metaLen = file.readUInt32LE(8);
  const payloadLen = file.readUInt32LE(12);
  if (HEADER + metaLen + payloadLen !== file.length) return null;
  if (crc32(file.subarray(HEADER)) !== file.readUInt32LE(16)) return null;
  try {
    const meta = JSON.parse(file.toString('utf8', HEADER, HEADER + metaLen)) as EntryMeta;
    if (meta.id !== expectedId) return null;
    const payload = file.subarray(HEADER + metaLen);
    if (type === BYTES) return { meta, value: new Uint8Array(payload) };
    if (type === V8) return { meta, value: deserialize(payload) as unknown };
    return null;
  } catch {
    return null;
  }
}
