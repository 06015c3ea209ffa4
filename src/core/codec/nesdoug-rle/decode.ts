/**
 * The RLE of Doug Fraker's (nesdoug) SNES tools: the M1TE tile/map editor, the SPEZ sprite editor
 * and his R8C.py, unpacked on the console by his `unrle` routine (nesdoug/M1TE2 unrle.txt).
 *
 *   one-byte header  MM CCCCCC: mode M, count C + 1 (1-64)
 *   two-byte header  11 MM CCCC, CCCCCCCC: mode M, count C + 1 (1-4,096)
 *   mode 0 literal (count bytes follow), 1 run (one byte, repeated), 2 rising run (one byte, plus
 *   one each step, wrapping at 0xFF)
 *   F0 end of data; FF end of data, planar.
 *
 * "Planar" streams hold the even bytes of the data, then the odd ones (a tilemap's tile numbers,
 * then its attribute bytes, so each half runs long); after the end marker they are re-interleaved:
 * out[2i] = d[i], out[2i + 1] = d[half + i]. The tools pad odd-sized input with a zero first.
 * An odd or empty planar stream has no defined result (unrle would leave the last byte unwritten,
 * or loop 65,536 times): always refused.
 *
 * `strict` refuses what the tools never write (they all parse alike; encode.ts does too): end bytes
 * F1-FE (unrle takes them as planar), one-byte headers for counts over 32 and two-byte headers for
 * counts up to 32, runs of one byte, rising runs longer than 256 or wrapping past 0xFF, a literal
 * holding three equal or three rising bytes in a row (the tools end a literal there), a literal
 * after a literal or a run after a run of the same byte unless the first was as long as the
 * tools make them.
 */
import { copyLiterals } from '../copy';
import { bitsOf, LoopResult } from '../evidence';

/** unrle unpacks into one 64 KiB bank ($7F:0000) with a 16-bit index. */
export const RLE_MAX_OUTPUT = 0x10000;
export const END_LINEAR = 0xf0;
export const END_PLANAR = 0xff;
export const MAX_RUN = 4096;
export const MAX_RISE = 256;
/** The tools' longest literal command. */
export const MAX_LITERAL = 4094;
export const MODE_LITERAL = 0;
export const MODE_RUN = 1;
export const MODE_RISE = 2;

/**
 * Evidence bits of checks random headers pass by chance: a one-byte header's count within 32 (half
 * its field); a literal not following a literal (176 of 256 header bytes are not literals); the
 * end byte (2 of 256) and, planar, an even size.
 */
const SHORT_HEADER_BITS = 1;
const NOT_LITERAL_BITS = bitsOf(176 / 256);
const END_BITS = bitsOf(2 / 256);

export const rleResult = new LoopResult();
const r = rleResult;
const fail = (reason: string, offset: number) => r.fail(reason, offset);

/** The decoded halves before a planar re-interleave (allocated once). */
let scratch: Uint8Array | null = null;

/** Three equal or three rising (no wrap) bytes start at d[j] (j + 2 < end). */
export function tripleAt(d: Uint8Array, j: number): boolean {
  const a = d[j]!;
  const b = d[j + 1]!;
  const c = d[j + 2]!;
  return (a === b && b === c) || (b === a + 1 && c === b + 1);
}

/** Decodes into out[0, max) from src[start, end): the size, or -1 with `rleResult` telling why. */
export function rleLoop(src: Uint8Array, start: number, out: Uint8Array, max: number, end: number, strict: boolean): number {
  r.begin(src, start, strict);
  let ip = start;
  let o = 0;
  let prevMode = -1;
  let prevCount = 0;
  let prevValue = -1;
  for (;;) {
    if (ip >= end) return fail('truncated', ip);
    const at = ip;
    const h = src[ip++]!;
    if (h >= 0xf0) {
      if (h !== END_LINEAR && h !== END_PLANAR && strict) return fail('reserved-end-marker', at);
      if (h !== END_LINEAR) {
        if (o === 0 || o & 1) return fail('odd-planar-size', at);
        interleave(out, o);
        r.bits += 1;
      }
      r.bits += END_BITS;
      r.consumed = ip - start;
      return o;
    }
    r.commands++;
    let mode = h >> 6;
    let n: number;
    if (mode === 3) {
      if (ip >= end) return fail('truncated', at);
      mode = (h >> 4) & 3;
      n = (((h & 15) << 8) | src[ip++]!) + 1;
      if (strict && n <= 32) return fail('non-canonical-header', at);
    } else {
      n = (h & 63) + 1;
      if (strict) {
        if (n > 32) return fail('non-canonical-header', at);
        r.bits += SHORT_HEADER_BITS;
      }
    }
    if (n > max - o) return fail('overflow', at);
    if (mode === MODE_LITERAL) {
      if (n > end - ip) return fail('truncated', at);
      if (strict) {
        if (prevMode === MODE_LITERAL && prevCount < MAX_LITERAL) return fail('literal-after-literal', at);
        for (let j = ip; j + 2 < ip + n; j++) if (tripleAt(src, j)) return fail('run-inside-literal', at);
      }
      copyLiterals(src, ip, out, o, n);
      ip += n;
    } else {
      if (ip >= end) return fail('truncated', at);
      const v = src[ip++]!;
      if (strict) {
        if (n < 2) return fail('run-of-one', at);
        if (prevMode === MODE_LITERAL) r.bits += NOT_LITERAL_BITS;
        r.copies++;
      }
      if (mode === MODE_RUN) {
        if (strict && prevMode === MODE_RUN && v === prevValue && prevCount < MAX_RUN) return fail('run-after-same-run', at);
        out.fill(v, o, o + n);
      } else {
        if (strict) {
          if (n > MAX_RISE || v + n > 256) return fail('non-canonical-rise', at);
          r.bits += bitsOf((257 - n) / 256) + (n > 32 ? bitsOf(224 / 4096) : 0);
        }
        for (let k = 0; k < n; k++) out[o + k] = (v + k) & 0xff;
      }
      prevValue = v;
    }
    prevMode = mode;
    prevCount = n;
    o += n;
  }
}

/** out[0, size) holds the even bytes then the odd ones: put them back in order. */
function interleave(out: Uint8Array, size: number): void {
  if (!scratch || scratch.length < size) scratch = new Uint8Array(Math.max(size, RLE_MAX_OUTPUT));
  scratch.set(out.subarray(0, size));
  const half = size >> 1;
  for (let i = 0; i < half; i++) {
    out[2 * i] = scratch[i]!;
    out[2 * i + 1] = scratch[half + i]!;
  }
}
