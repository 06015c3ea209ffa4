/**
 * The LZ4 frame writer. Frame flags are the lz4 CLI's defaults (what `lz4 -12 file` writes and what
 * libSFX's build stores): version 01, independent blocks, a content checksum, no block checksums,
 * no content size, no dictionary, and the smallest block maximum size that holds the input (64 KB
 * for SNES-sized data; the CLI shrinks it the same way for small files). Data up to 4 MiB is one
 * block, so block independence costs nothing; the content checksum costs 4 bytes and is kept, as
 * it lets `lz4 -d` and our probe verify the whole frame. A block that would not be smaller than
 * its data is stored uncompressed (the high bit of the block size), as the format requires.
 */
import { checkEncodeArgs, checkEncodedSize } from '../encode-args';
import type { CodecEncodeOptions } from '../types';
import { encodeBlock } from './block-encode';
import { LZ4_MAX_OUTPUT } from './decode';
import { blockSizeIdFor, FLG_BLOCK_INDEPENDENT, FLG_CONTENT_CHECKSUM, FLG_VERSION_01, LZ4_MAGIC } from './frame';
import { xxh32 } from './xxhash32';

export const LZ4_LEVELS = ['optimal'] as const;

/** The frame flags this encoder writes (the lz4 CLI default). */
export const LZ4_FRAME_FLG = FLG_VERSION_01 | FLG_BLOCK_INDEPENDENT | FLG_CONTENT_CHECKSUM;

function putU32(out: Uint8Array, at: number, v: number): void {
  out[at] = v & 0xff;
  out[at + 1] = (v >>> 8) & 0xff;
  out[at + 2] = (v >>> 16) & 0xff;
  out[at + 3] = (v >>> 24) & 0xff;
}

export function encode(data: Uint8Array, opts: CodecEncodeOptions = {}): Uint8Array {
  checkEncodeArgs('lz4', LZ4_LEVELS, LZ4_MAX_OUTPUT, data, opts);
  const block = encodeBlock(data);
  const payload = block ?? data;
  // magic 4 + FLG BD HC 3 + block size 4 + payload + end mark 4 + content checksum 4
  const out = new Uint8Array(4 + 3 + 4 + payload.length + 4 + 4);
  putU32(out, 0, LZ4_MAGIC);
  out[4] = LZ4_FRAME_FLG;
  out[5] = blockSizeIdFor(data.length) << 4;
  out[6] = (xxh32(out, 4, 6) >>> 8) & 0xff;
  putU32(out, 7, (block ? 0 : 0x80000000) | payload.length);
  out.set(payload, 11);
  const tail = 11 + payload.length;
  putU32(out, tail, 0);
  putU32(out, tail + 4, xxh32(data));
  return checkEncodedSize('lz4', out, opts);
}
