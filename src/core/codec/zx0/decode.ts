/**
 * ZX0 version 2 (einar-saukas/ZX0 README "File Format", dzx0.c; the format salvador writes by
 * default). Three kinds of block, told apart by one bit:
 *
 *   literals            0  Elias(length)  bytes...
 *   copy, last offset   0  Elias(length)             (only right after literals)
 *   copy, new offset    1  Elias(MSB(offset) + 1, data bits inverted)  byte  Elias(length - 1)
 *
 * The first block is literals and its bit is left out. Bits are read most significant first from
 * bytes taken from the stream as needed; the byte after a new offset's MSB holds the offset's low
 * 7 bits (inverted, in bits 7-1: offset = MSB * 128 - (byte >> 1)) and, in bit 0, the first bit of
 * the length that follows. Elias gamma is interlaced: a 0 control bit announces one more data bit,
 * a 1 ends it. An MSB value of 256 is the end of data. The last offset starts at 1.
 *
 * `strict` refuses what salvador never writes: offsets past its 32,640-byte window (an MSB above
 * 256), a new-offset copy right after literals whose offset equals the last one (salvador writes
 * the shorter last-offset form), and bits left set after the end marker.
 */
import { copyLiterals, copyMatch } from '../copy';
import { bitsOf, LoopResult } from '../evidence';

export const ZX0_MAX_OUTPUT = 0x10000;
/** The end marker's MSB value. */
export const ZX0_EOD = 256;
/** Longer Elias codes than this many data bits cannot be a length within the output limit. */
const MAX_ELIAS_BITS = 24;

// The bit reader's state (one decode at a time per thread).
let src: Uint8Array = new Uint8Array(0);
let ip = 0;
let end = 0;
let mask = 0;
let bits = 0;
/** Bit 0 of the offset byte, served as the next bit once (dzx0's "backtrack"). */
let pending = -1;

/** The next bit, or -1 at the end of input. */
function bit(): number {
  if (pending >= 0) {
    const b = pending;
    pending = -1;
    return b;
  }
  mask >>>= 1;
  if (mask === 0) {
    if (ip >= end) return -1;
    bits = src[ip++]!;
    mask = 0x80;
  }
  return bits & mask ? 1 : 0;
}

const CUT = -1;
const TOO_LONG = -2;

/**
 * An interlaced Elias gamma value (data bits XOR `invert`), or CUT (input ended) or TOO_LONG. The
 * bit reads are inlined but for a pending offset bit, which only the first bit can be: this runs at
 * every offset of a ROM, and in zero-filled regions reads the longest codes.
 */
function elias(invert: number): number {
  let v = 1;
  let first = pending >= 0;
  for (let k = 0; ; k++) {
    let c: number;
    if (first) {
      c = bit();
      first = false;
    } else {
      mask >>>= 1;
      if (mask === 0) {
        if (ip >= end) return CUT;
        bits = src[ip++]!;
        mask = 0x80;
      }
      c = bits & mask;
    }
    if (c !== 0) return v;
    mask >>>= 1;
    if (mask === 0) {
      if (ip >= end) return CUT;
      bits = src[ip++]!;
      mask = 0x80;
    }
    if (k >= MAX_ELIAS_BITS) return TOO_LONG;
    v = (v << 1) | ((bits & mask ? 1 : 0) ^ invert);
  }
}

function eliasFailure(v: number, at: number): number {
  return fail(v === CUT ? 'truncated' : 'length-too-long', at);
}

export const zx0Result = new LoopResult();
const r = zx0Result;
const fail = (reason: string, offset: number) => r.fail(reason, offset);

/** The end marker's evidence: the Elias code of 256, 8 control and 8 data bits, and its 1. */
const END_BITS = 17;

/**
 * Bits a valid new offset is worth when o bytes are written: -log2 of the chance that random bits
 * give an offset of at most o. An MSB with k bits below its leading one comes up with chance
 * 2^-(2k+1) (up to salvador's largest, 255), and the low byte's 7 bits are uniform; with
 * o = 128q + rest, MSBs 1..q always fit and MSB q + 1 fits for `rest` of its 128 low values.
 * Tabled once for o up to the window (32,768 values); past it the chance no longer changes.
 */
let offsetBitsTable: Float32Array | null = null;
const TABLE = 1 << 15;

function msbChance(msb: number): number {
  return msb > 255 ? 0 : 2 ** -(2 * (31 - Math.clz32(msb)) + 1);
}

function buildOffsetBits(): Float32Array {
  const t = new Float32Array(TABLE + 1);
  let cum = 0;
  for (let q = 0; q <= TABLE >> 7; q++) {
    if (q > 0) cum += msbChance(q);
    const next = msbChance(q + 1);
    for (let rest = 0; rest < 128 && (q << 7) + rest <= TABLE; rest++) t[(q << 7) + rest] = bitsOf(cum + (next * rest) / 128);
  }
  return t;
}

function offsetBits(o: number): number {
  offsetBitsTable ??= buildOffsetBits();
  return offsetBitsTable[o < TABLE ? o : TABLE]!;
}

/**
 * Decodes into out[0, max) from input[start, stop): the size, or -1 with `zx0Result` telling why.
 * Strict decodes also weigh the evidence: each new offset had to fall within the output so far.
 */
export function zx0Loop(input: Uint8Array, start: number, out: Uint8Array, max: number, stop: number, strict: boolean): number {
  r.begin(input, start, strict);
  src = input;
  ip = start;
  end = stop;
  mask = 0;
  bits = 0;
  pending = -1;
  let o = 0;
  let last = 1;
  // 0: literals, 1: copy from the last offset, 2: copy from a new offset
  let state = 0;
  let afterLiterals = false;
  for (;;) {
    const at = ip;
    r.commands++;
    if (state === 0) {
      const n = elias(0);
      if (n < 0) return eliasFailure(n, at);
      if (n > end - ip) return fail('truncated', at);
      if (n > max - o) return fail('overflow', at);
      copyLiterals(src, ip, out, o, n);
      ip += n;
      o += n;
      const b = bit();
      if (b < 0) return fail('truncated', ip);
      state = b === 1 ? 2 : 1;
      afterLiterals = true;
    } else if (state === 1) {
      const n = elias(0);
      if (n < 0) return eliasFailure(n, at);
      if (last > o) return fail('offset-before-start', at);
      if (n > max - o) return fail('overflow', at);
      r.copies++;
      copyMatch(out, o, last, n);
      o += n;
      const b = bit();
      if (b < 0) return fail('truncated', ip);
      state = b === 1 ? 2 : 0;
      afterLiterals = false;
    } else {
      const msb = elias(1);
      if (msb < 0) return eliasFailure(msb, at);
      if (msb === ZX0_EOD) {
        // salvador leaves the rest of the last bit byte clear
        if (strict && (bits & (mask - 1)) !== 0) return fail('end-marker-form', at);
        r.consumed = ip - start;
        r.bits += END_BITS + (31 - Math.clz32(mask));
        return o;
      }
      if (strict && msb > ZX0_EOD) return fail('offset-too-far', at);
      if (ip >= end) return fail('truncated', at);
      const lsb = src[ip++]!;
      const off = msb * 128 - (lsb >> 1);
      if (strict && afterLiterals && off === last) return fail('last-offset-written-out', at);
      pending = lsb & 1;
      const n = elias(0);
      if (n < 0) return eliasFailure(n, at);
      if (off > o) return fail('offset-before-start', at);
      if (n + 1 > max - o) return fail('overflow', at);
      if (strict) {
        r.bits += offsetBits(o);
        r.copies++;
      }
      copyMatch(out, o, off, n + 1);
      o += n + 1;
      last = off;
      const b = bit();
      if (b < 0) return fail('truncated', ip);
      state = b === 1 ? 2 : 0;
      afterLiterals = false;
    }
  }
}
