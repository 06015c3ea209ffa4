/**
 * LZ4 frame decoding: skippable frames before the frame are stepped over, then one frame is parsed
 * and decoded in full, with every check the format defines (header checksum always; block and
 * content checksums and the content size when the frame carries them). One frame, not a run of
 * concatenated ones: inside a ROM the next frame is another asset (libSFX packs them back to back).
 */
import { CodecDecodeError, type CodecDecodeOptions, type CodecStatus, type DecodedStream } from '../types';
import { decodeLimits } from '../limits';
import { blockFailure, decodeBlock } from './block-decode';
import {
  FLG_BLOCK_CHECKSUM,
  FLG_BLOCK_INDEPENDENT,
  FLG_CONTENT_CHECKSUM,
  LEGACY_MAGIC,
  LZ4_MAGIC,
  parseDescriptor,
  readU32,
  SKIPPABLE_MAGIC,
  SKIPPABLE_MASK,
  type FrameDescriptor,
} from './frame';
import { xxh32 } from './xxhash32';

/** Default output limit: 4 MiB, the largest block an LZ4 frame describes (and more than a SNES holds). */
export const LZ4_MAX_OUTPUT = 4 << 20;

const desc: FrameDescriptor = { flg: 0, blockMax: 0, contentSize: -1, dictId: 0, blocksAt: 0 };
const failAt = { offset: 0 };

function fail(reason: string, offset: number): CodecStatus {
  return { ok: false, reason, offset };
}

/** Decodes the frame at `src[start]` into `out` (the hot-loop entry point: never throws for bad data). */
export function decodeInto(src: Uint8Array, start: number, out: Uint8Array, opts?: CodecDecodeOptions): CodecStatus {
  const { max, end } = decodeLimits(src, start, out, opts, LZ4_MAX_OUTPUT);
  const strict = opts?.strict === true;
  let ip = start;
  for (;;) {
    if (end - ip < 4) return fail('truncated', ip);
    const magic = readU32(src, ip);
    if ((magic & SKIPPABLE_MASK) >>> 0 !== SKIPPABLE_MAGIC) break;
    if (end - ip < 8) return fail('truncated', ip);
    const size = readU32(src, ip + 4);
    if (size > end - ip - 8) return fail('truncated', ip);
    ip += 8 + size;
  }
  const frameAt = ip;
  const magic = readU32(src, ip);
  if (magic === LEGACY_MAGIC) return fail('legacy-frame', ip);
  if (magic !== LZ4_MAGIC) return fail('bad-magic', ip);
  const bad = parseDescriptor(src, frameAt, end, max, desc, failAt);
  if (bad) return fail(bad, failAt.offset);
  const flg = desc.flg;
  const blockMax = desc.blockMax;
  const blockChecksums = (flg & FLG_BLOCK_CHECKSUM) !== 0;
  const independent = (flg & FLG_BLOCK_INDEPENDENT) !== 0;
  ip = desc.blocksAt;
  let o = 0;
  for (;;) {
    if (end - ip < 4) return fail('truncated', ip);
    const word = readU32(src, ip);
    const at = ip;
    ip += 4;
    if (word === 0) break;
    const size = word & 0x7fffffff;
    if (size > blockMax) return fail('block-too-large', at);
    if (size + (blockChecksums ? 4 : 0) > end - ip) return fail('truncated', at);
    if (blockChecksums && xxh32(src, ip, ip + size) !== readU32(src, ip + size)) return fail('block-checksum', ip + size);
    if (word >>> 31) {
      if (size > max - o) return fail('overflow', at);
      out.set(src.subarray(ip, ip + size), o);
      o += size;
    } else {
      const limit = Math.min(max, o + blockMax);
      const next = decodeBlock(src, ip, ip + size, out, o, limit, independent ? o : 0, strict);
      if (next < 0) {
        const reason = blockFailure.reason === 'overflow' && limit < max ? 'block-overflow' : blockFailure.reason;
        return fail(reason, blockFailure.offset);
      }
      o = next;
    }
    ip += size + (blockChecksums ? 4 : 0);
  }
  if (flg & FLG_CONTENT_CHECKSUM) {
    if (end - ip < 4) return fail('truncated', ip);
    if (xxh32(out, 0, o) !== readU32(src, ip)) return fail('content-checksum', ip);
    ip += 4;
  }
  if (desc.contentSize >= 0 && desc.contentSize !== o) return fail('content-size', frameAt + 6);
  return { ok: true, size: o, consumed: ip - start };
}

/** Words for an error message beside the reason. */
function describe(src: Uint8Array, start: number, reason: string): string {
  switch (reason) {
    case 'needs-dictionary':
      return `frame needs dictionary ${desc.dictId.toString(16).toUpperCase().padStart(8, '0')}; SpritePal has no LZ4 dictionaries`;
    case 'legacy-frame':
      return 'the legacy lz4 format (lz4 -l) has no end mark, so a frame inside other data cannot be delimited';
    case 'bad-magic':
      return `a frame starts with 04 22 4D 18, found ${Array.from(src.subarray(start, start + 4), (b) => b.toString(16).toUpperCase().padStart(2, '0')).join(' ')}`;
    case 'bad-block-size':
      return 'block maximum size id must be 4..7 (64 KB..4 MB)';
    case 'content-too-large':
      return 'the frame says its content is larger than the output limit';
    default:
      return '';
  }
}

let shared: Uint8Array | null = null;

/** Decodes the frame at `src[start]`; throws CodecDecodeError naming the failing offset. */
export function decode(src: Uint8Array, start = 0, opts?: CodecDecodeOptions): DecodedStream {
  const max = opts?.maxOutput ?? LZ4_MAX_OUTPUT;
  const out = max <= LZ4_MAX_OUTPUT ? (shared ??= new Uint8Array(LZ4_MAX_OUTPUT)) : new Uint8Array(max);
  const st = decodeInto(src, start, out, opts);
  if (!st.ok) throw new CodecDecodeError('lz4', st.offset, st.reason, describe(src, st.offset, st.reason));
  return { data: out.slice(0, st.size), consumed: st.consumed };
}
