/**
 * The GBA LZ77 decode loop (format.ts). Bounded: it writes at most the stated size, which the
 * caller checked the buffer holds, and every item advances the input.
 */
import type { CodecStatus } from '../types';
import { copyForward, outViewOf } from '../shared/bytes';
import { GBA_LZ77_TAG, HEADER_SIZE, type GbaDecodeReason } from './format';

function fail(reason: GbaDecodeReason, offset: number): CodecStatus {
  return { ok: false, reason, offset };
}

/** Decodes into `out` (`max` bytes or more, checked by the caller); reads `src` below `end`. */
export function decodeGba(src: Uint8Array, start: number, out: Uint8Array, max: number, end: number, strict: boolean): CodecStatus {
  if (start + HEADER_SIZE > end) return fail(start < end && src[start] !== GBA_LZ77_TAG ? 'not-lz77' : 'truncated', start);
  if (src[start] !== GBA_LZ77_TAG) return fail('not-lz77', start);
  const size = src[start + 1]! | (src[start + 2]! << 8) | (src[start + 3]! << 16);
  if (size === 0) return fail('empty', start + 1);
  if (size > max) return fail('overflow', start + 1);
  const ov = outViewOf(out);
  let ip = start + HEADER_SIZE;
  let o = 0;
  while (o < size) {
    if (ip >= end) return fail('truncated', ip);
    const flags = src[ip++]!;
    for (let bit = 0x80; bit !== 0 && o < size; bit >>= 1) {
      if ((flags & bit) === 0) {
        if (ip >= end) return fail('truncated', ip);
        out[o++] = src[ip++]!;
        continue;
      }
      const at = ip;
      if (ip + 2 > end) return fail('truncated', at);
      const b = src[ip]!;
      const d = (((b & 0x0f) << 8) | src[ip + 1]!) + 1;
      ip += 2;
      let n = (b >> 4) + 3;
      if (d > o) return fail('copy-before-start', at);
      if (o + n > size) {
        if (strict) return fail('past-size', at);
        n = size - o;
      }
      copyForward(out, ov, o, o - d, n);
      o += n;
    }
  }
  return { ok: true, size, consumed: ip - start };
}
