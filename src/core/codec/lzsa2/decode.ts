/**
 * LZSA2 raw blocks (emmanuel-marty/lzsa BlockFormat_LZSA2.md), as `lzsa -f2 -r` writes them.
 *
 *   token XYZ LL MMM | [literal length nibble/bytes] | literals | offset (by XYZ) | [match length nibble/bytes]
 *
 * Nibbles come from a shared byte: the first nibble read takes a new byte's high half, the next
 * one its low half. Lengths: L 0-2 literals, 3 then a nibble (3 + 0..14), 15 then a byte (18 +
 * 0..237, or 239 then a 16-bit count); M 0-6 is a match of M + 2, 7 then a nibble (9 + 0..14), 15
 * then a byte (24 + 0..231, or 233 then a 16-bit length, or 232: end of block).
 * Offsets (stored negated, unexpressed high bits 1):
 *   00Z  5-bit: a nibble gives bits 1-4, Z inverted bit 0            1..32
 *   01Z  9-bit: a byte gives bits 0-7, Z inverted bit 8               1..512
 *   10Z 13-bit: a nibble for bits 9-12, Z inverted bit 8, then a byte 513..8704
 *   110 16-bit: high byte, then low byte                              1..65536
 *   111 repeat the previous match's offset
 *
 * `strict` refuses what lzsa never writes: a longer length or offset form than the value needs,
 * an offset written out that equals the previous one (lzsa always uses the repeat form then), the
 * overlong length bytes, and an end not in lzsa's form (a repeat-offset token with the long match
 * length 232, and a zero low nibble when the last nibble byte has one left over).
 */
import { copyLiterals, copyMatch } from '../copy';
import { bitsOf, LoopResult } from '../evidence';

/** The end marker's evidence: offset mode and match field (6 bits), nibble 15 and byte 232. */
const END_BITS = 6 + 4 + 8;
/** Each offset form's first value and how many values its field holds (all canonical but the 9- and 16-bit forms' low ends). */
const FORM_LOW = [1, 33, 513, 8705];
const FORM_VALUES = [32, 512, 8192, 65536];

export const lzsa2Result = new LoopResult();
const r = lzsa2Result;
const fail = (reason: string, offset: number) => r.fail(reason, offset);

// The reader's state (one decode at a time per thread): the input, the next byte, its end, and
// the pending low nibble (-1: none).
let src: Uint8Array = new Uint8Array(0);
let ip = 0;
let end = 0;
let nib = -1;
const CUT = -1;

/** The next nibble, or CUT at the end of the input. */
function nibble(): number {
  if (nib >= 0) {
    const x = nib;
    nib = -1;
    return x;
  }
  if (ip >= end) return CUT;
  const b = src[ip++]!;
  nib = b & 15;
  return b >> 4;
}

/** How the last `length` was written: 0 nibble or byte, 1 the byte that makes 256 (a zero), 2 sixteen bits. */
let form = 0;

/**
 * A literal count (base 3) or match length (base 9) past its token field, as lzsa's decoder builds
 * it: base + nibble; nibble 15 adds a byte; a sum of 256 means 0, of 257 a 16-bit value follows.
 * CUT when the input ends.
 */
function length(base: number): number {
  const x = nibble();
  if (x < 0) return CUT;
  form = 0;
  if (x < 15) return base + x;
  if (ip >= end) return CUT;
  const v = base + 15 + src[ip++]!;
  if (v === 256) {
    form = 1;
    return 0;
  }
  if (v !== 257) return v;
  if (end - ip < 2) return CUT;
  form = 2;
  const w = src[ip]! | (src[ip + 1]! << 8);
  ip += 2;
  return w;
}

/**
 * Decodes into out[0, max) from input[start, stop): the size, or -1 with `lzsa2Result` telling why.
 * Strict decodes also weigh the evidence: each written-out offset had to be canonical for its form
 * and fall within the output so far.
 */
export function lzsa2Loop(input: Uint8Array, start: number, out: Uint8Array, max: number, stop: number, strict: boolean): number {
  r.begin(input, start, strict);
  src = input;
  ip = start;
  end = stop;
  nib = -1;
  let o = 0;
  let rep = 0;
  for (;;) {
    if (ip >= end) return fail('truncated', ip);
    const at = ip;
    const token = src[ip++]!;
    r.commands++;
    let n = (token >> 3) & 3;
    if (n === 3) {
      n = length(3);
      if (n < 0) return fail('truncated', at);
      // lzsa writes 18-255 with a byte and 256 up with 16 bits; never the zero byte
      if (strict && (form === 1 || (form === 2 ? n < 256 : n > 255))) return fail('non-canonical-length', at);
    }
    if (n > 0) {
      if (n > end - ip) return fail('truncated', at);
      if (n > max - o) return fail('overflow', at);
      copyLiterals(src, ip, out, o, n);
      ip += n;
      o += n;
    }
    // The offset, by the token's top three bits.
    const mode = token >> 5;
    let off = rep;
    if (mode < 6) {
      const z = (token >> 5) & 1;
      const x = mode < 2 || mode >= 4 ? nibble() : 0;
      if (x < 0) return fail('truncated', at);
      if (mode < 2) off = (((x << 1) | z) ^ 0x1e) + 1;
      else {
        if (ip >= end) return fail('truncated', at);
        const b = src[ip++]!;
        off = mode < 4 ? ((b | (z << 8)) ^ 0xff) + 1 : ((b | (x << 9) | (z << 8)) ^ 0x1eff) + 513;
      }
    } else if (mode === 6) {
      if (end - ip < 2) return fail('truncated', at);
      off = (((src[ip]! << 8) | src[ip + 1]!) ^ 0xffff) + 1;
      ip += 2;
    }
    let m = (token & 7) + 2;
    if (m === 9) {
      m = length(9);
      if (m < 0) return fail('truncated', at);
      if (m === 0) {
        // the end: lzsa writes it as a repeat-offset token and the byte 232, then a zero nibble
        if (strict && (form !== 1 || mode !== 7 || nib > 0)) return fail('end-marker-form', at);
        r.consumed = ip - start;
        if (form === 1) r.bits += END_BITS + (nib === 0 ? 4 : 0);
        return o;
      }
      if (strict && (form === 2 ? m < 256 : m > 255)) return fail('non-canonical-length', at);
    }
    if (off === 0) return fail('no-previous-offset', at);
    if (strict && mode < 7) {
      if (off === rep) return fail('repeat-offset-written-out', at);
      // the shortest form that holds the offset: 5, 9, 13 or 16 bits (XY = 00, 01, 10, 11)
      const shortest = off <= 32 ? 0 : off <= 512 ? 1 : off <= 8704 ? 2 : 3;
      if (mode >> 1 !== shortest) return fail('non-canonical-offset', at);
    }
    if (off > o) return fail('offset-before-start', at);
    if (m > max - o) return fail('overflow', at);
    if (strict) {
      if (mode < 7) {
        const f = mode >> 1;
        r.bits += bitsOf((Math.min(o, FORM_LOW[f]! + FORM_VALUES[f]! - 1) - FORM_LOW[f]! + 1) / FORM_VALUES[f]!);
      }
      r.copies++;
    }
    copyMatch(out, o, off, m);
    o += m;
    rep = off;
  }
}
