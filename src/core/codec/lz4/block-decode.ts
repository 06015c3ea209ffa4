/**
 * The LZ4 block decoder (lz4/lz4 doc/lz4_Block_format.md): sequences of a token (literal count in
 * the high nibble, match length - 4 in the low one, 15 meaning "more bytes follow, each adding up
 * to 255"), the literals, a 2-byte little-endian offset (1..65535) and the match. The last
 * sequence is literals only and ends exactly at the end of the block.
 *
 * Tuned like the HAL loop (src/core/hal/decode-loop.ts): bounds are checked once per sequence, bytes
 * move four at a time through DataViews, short runs take no loop, long ones go to the engine's
 * memmove. Bounded on any input: each sequence consumes at least one byte of the block.
 */
import { ViewCache } from '../view-cache';

const srcViews = new ViewCache();
const outViews = new ViewCache();

/** Why a block failed and where (set when `decodeBlock` returns -1; one decode at a time per thread). */
export const blockFailure = { reason: '', offset: 0 };

/** Past this many bytes a literal run goes to `set` and a far match to `copyWithin`. */
const BULK_LITERALS = 64;
const BULK_MATCH = 48;

function fail(reason: string, offset: number): number {
  blockFailure.reason = reason;
  blockFailure.offset = offset;
  return -1;
}

/**
 * Decodes the block `src[ip, end)` into `out` from `o`, writing below `limit`; matches may reach back
 * to `windowStart` (the block's own start for independent blocks, 0 for linked ones). Returns the
 * new output position, or -1 with `blockFailure` set ('overflow' when a sequence would write at or
 * past `limit`; the caller tells the output limit from the block limit). `strict` adds the format's
 * end-of-block rules, which every encoder follows: the last match starts at least 12 bytes before
 * the end of the block and the last 5 bytes are literals.
 */
export function decodeBlock(src: Uint8Array, ip: number, end: number, out: Uint8Array, o: number, limit: number, windowStart: number, strict: boolean): number {
  const sv = srcViews.of(src);
  const ov = outViews.of(out);
  let lastMatch = -1;
  for (;;) {
    if (ip >= end) return fail('missing-last-literals', ip);
    const at = ip;
    const token = src[ip++]!;
    let n = token >>> 4;
    if (n === 15) {
      let b: number;
      do {
        if (ip >= end) return fail('truncated-block', at);
        b = src[ip++]!;
        n += b;
      } while (b === 255);
    }
    if (n > 0) {
      if (n > end - ip) return fail('truncated-block', at);
      if (n > limit - o) return fail('overflow', at);
      if (n < 4) {
        out[o] = src[ip]!;
        if (n > 1) {
          out[o + 1] = src[ip + 1]!;
          if (n > 2) out[o + 2] = src[ip + 2]!;
        }
      } else if (n < BULK_LITERALS) {
        for (let k = 0; k < n - 4; k += 4) ov.setInt32(o + k, sv.getInt32(ip + k, true), true);
        ov.setInt32(o + n - 4, sv.getInt32(ip + n - 4, true), true);
      } else out.set(src.subarray(ip, ip + n), o);
      ip += n;
      o += n;
    }
    if (ip === end) {
      if (strict && lastMatch >= 0 && (n < 5 || lastMatch > o - 12)) return fail('end-conditions', at);
      return o;
    }
    if (end - ip < 2) return fail('truncated-block', at);
    const off = src[ip]! | (src[ip + 1]! << 8);
    ip += 2;
    if (off === 0) return fail('zero-offset', at);
    if (off > o - windowStart) return fail('offset-before-start', at);
    let m = (token & 15) + 4;
    if (m === 19) {
      let b: number;
      do {
        if (ip >= end) return fail('truncated-block', at);
        b = src[ip++]!;
        m += b;
      } while (b === 255);
    }
    if (m > limit - o) return fail('overflow', at);
    lastMatch = o;
    const s = o - off;
    const e = o + m;
    if (off >= 4) {
      if (m <= 8) {
        ov.setInt32(o, ov.getInt32(s, true), true);
        ov.setInt32(e - 4, ov.getInt32(s + m - 4, true), true);
      } else if (off >= m && m >= BULK_MATCH) out.copyWithin(o, s, s + m);
      else {
        // The source runs at least 4 bytes behind: every step reads bytes already final.
        let k = 0;
        for (; k < m - 8; k += 8) {
          ov.setInt32(o + k, ov.getInt32(s + k, true), true);
          ov.setInt32(o + k + 4, ov.getInt32(s + k + 4, true), true);
        }
        if (k < m - 4) ov.setInt32(o + k, ov.getInt32(s + k, true), true);
        ov.setInt32(e - 4, ov.getInt32(s + m - 4, true), true);
      }
    } else if (off === 1) out.fill(out[s]!, o, e);
    else for (let k = 0; k < m; k++) out[o + k] = out[s + k]!;
    o = e;
  }
}
