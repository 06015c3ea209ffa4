/**
 * LZSA1 raw blocks (emmanuel-marty/lzsa BlockFormat_LZSA1.md), as `lzsa -f1 -r` writes them.
 *
 *   token O LLL MMMM | [literal length byte(s)] | literals | offset low | [offset high if O] | [match length byte(s)]
 *
 * - L 0-6 literals; 7: one more byte b: 0-248 gives 7 + b, 250 then a byte gives 256 + it, 249
 *   then a 16-bit little-endian count.
 * - Offsets are stored negated: low byte (high byte 0xFF unless O is set), so 1..256 in one byte
 *   and up to 65536 in two.
 * - M 0-14 is a match of M + 3; 15: one more byte b: 0-237 gives 18 + b, 239 then a byte gives
 *   256 + it, 238 then a 16-bit length. A 16-bit length of 0 is the end of the block: lzsa ends a
 *   raw block with a last command whose offset byte is 00 and whose match length is EE 00 00.
 *
 * `strict` refuses what lzsa never writes: a longer length or offset form than the value needs,
 * the overlong literal/match bytes (251-255, 240-255), and an end marker not in lzsa's exact form.
 */
import { copyLiterals, copyMatch } from '../copy';
import { bitsOf, LoopResult } from '../evidence';

/** Raw blocks hold at most 64 KiB (lzsa refuses larger inputs with -r). */
export const LZSA_MAX_OUTPUT = 0x10000;
/**
 * The end marker's evidence: the token's O bit and match field (5 bits) and the bytes 00 EE 00 00.
 */
const END_BITS = 5 + 32;

export const lzsa1Result = new LoopResult();
const r = lzsa1Result;
const fail = (reason: string, offset: number) => r.fail(reason, offset);

/**
 * Decodes into out[0, max) from src[start, end): the size, or -1 with `lzsa1Result` telling why.
 * Strict decodes also weigh the evidence: each offset had to fall within the output so far.
 */
export function lzsa1Loop(src: Uint8Array, start: number, out: Uint8Array, max: number, end: number, strict: boolean): number {
  r.begin(src, start, strict);
  let ip = start;
  let o = 0;
  for (;;) {
    if (ip >= end) return fail('truncated', ip);
    const at = ip;
    const token = src[ip++]!;
    r.commands++;
    let n = (token >> 4) & 7;
    if (n === 7) {
      if (ip >= end) return fail('truncated', at);
      const b = src[ip++]!;
      if (b === 250) {
        if (ip >= end) return fail('truncated', at);
        n = 256 + src[ip++]!;
      } else if (b === 249) {
        if (end - ip < 2) return fail('truncated', at);
        n = src[ip]! | (src[ip + 1]! << 8);
        ip += 2;
        if (strict && n < 512) return fail('non-canonical-length', at);
      } else {
        if (strict && b > 248) return fail('non-canonical-length', at);
        n = 7 + b;
      }
    }
    if (n > 0) {
      if (n > end - ip) return fail('truncated', at);
      if (n > max - o) return fail('overflow', at);
      copyLiterals(src, ip, out, o, n);
      ip += n;
      o += n;
    }
    if (ip >= end) return fail('truncated', at);
    const low = src[ip++]!;
    let off: number;
    if (token & 0x80) {
      if (ip >= end) return fail('truncated', at);
      off = (((src[ip++]! << 8) | low) ^ 0xffff) + 1;
      if (strict && off <= 256) return fail('non-canonical-offset', at);
    } else off = (low ^ 0xff) + 1;
    let m = (token & 15) + 3;
    if (m === 18) {
      if (ip >= end) return fail('truncated', at);
      const b = src[ip++]!;
      if (b === 239) {
        if (ip >= end) return fail('truncated', at);
        m = 256 + src[ip++]!;
      } else if (b === 238) {
        if (end - ip < 2) return fail('truncated', at);
        m = src[ip]! | (src[ip + 1]! << 8);
        ip += 2;
        if (m === 0) {
          if (strict && ((token & 0x80) !== 0 || low !== 0)) return fail('end-marker-form', at);
          r.consumed = ip - start;
          r.bits += END_BITS;
          return o;
        }
        if (strict && m < 512) return fail('non-canonical-length', at);
      } else {
        if (strict && b > 237) return fail('non-canonical-length', at);
        m = 18 + b;
      }
    }
    if (off > o) return fail('offset-before-start', at);
    if (m > max - o) return fail('overflow', at);
    if (strict) {
      // a short offset is one of 256 values, a long one one of the 65,280 canonical ones
      r.bits += bitsOf(token & 0x80 ? (Math.min(o, 0x10000) - 256) / 0x10000 : Math.min(o, 256) / 256);
      r.copies++;
    }
    copyMatch(out, o, off, m);
    o += m;
  }
}
