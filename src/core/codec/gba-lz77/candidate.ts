/**
 * The cheap test for GBA LZ77 at every offset: the tag byte 0x10 and a stated size within the
 * limit settle nearly every offset at once; the few left have their items walked (no output
 * written) and are refused at what no encoder writes: a first item that is a match (nothing to
 * copy yet), a match reaching before the output or past the stated size, and flag bits set after
 * the last item.
 */
import { GBA_LZ77_TAG, HEADER_SIZE } from './format';

export function gbaCandidate(src: Uint8Array, start: number, maxOutput: number): boolean {
  const end = src.length;
  if (src[start] !== GBA_LZ77_TAG || start + HEADER_SIZE >= end) return false;
  const size = src[start + 1]! | (src[start + 2]! << 8) | (src[start + 3]! << 16);
  if (size === 0 || size > maxOutput) return false;
  let ip = start + HEADER_SIZE;
  let o = 0;
  for (;;) {
    if (ip >= end) return false;
    const flags = src[ip++]!;
    for (let bit = 0x80; bit !== 0; bit >>= 1) {
      if (o >= size) return ip <= end && (flags & ((bit << 1) - 1)) === 0;
      if ((flags & bit) === 0) {
        ip++;
        o++;
        continue;
      }
      if (ip + 2 > end) return false;
      const b = src[ip]!;
      const d = (((b & 0x0f) << 8) | src[ip + 1]!) + 1;
      ip += 2;
      const n = (b >> 4) + 3;
      if (d > o || o + n > size) return false;
      o += n;
    }
    if (o >= size) return ip <= end;
  }
}
