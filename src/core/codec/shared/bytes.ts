/**
 * Byte moves shared by the LZ-family decode loops (LC_LZ2, LC_LZ3, GBA LZ77): fills and copies
 * into a caller's output buffer, four bytes at a time through DataViews where that is exact (the
 * house style of src/core/hal/decode-loop.ts, measured there). Every function writes exactly
 * out[o, o + n) and reads only what its description says; the callers check the bounds once per
 * command, so none of these checks anything.
 */
import { BITREV } from '../../hal/commands';

export { BITREV };

// One DataView per array, kept while the same array comes back (a scanner decodes from one ROM
// into one buffer at every offset; a fresh view per call costs ~0.1 us). Two slots: input, output.
let srcArr: Uint8Array | null = null;
let srcView: DataView | null = null;
let outArr: Uint8Array | null = null;
let outView: DataView | null = null;

export function srcViewOf(a: Uint8Array): DataView {
  if (a !== srcArr) {
    srcArr = a;
    srcView = new DataView(a.buffer, a.byteOffset, a.byteLength);
  }
  return srcView!;
}

export function outViewOf(a: Uint8Array): DataView {
  if (a !== outArr) {
    outArr = a;
    outView = new DataView(a.buffer, a.byteOffset, a.byteLength);
  }
  return outView!;
}

/** From this many bytes on, a literal run goes to `set` (a subarray and a memmove) rather than 4-byte steps. */
const BULK_RAW = 128;
/** From this many bytes on, a non-overlapping copy goes to `copyWithin`. */
const BULK_COPY = 48;

/** out[o, o+n) = src[ip, ip+n). */
export function copyLiteral(out: Uint8Array, ov: DataView, o: number, src: Uint8Array, sv: DataView, ip: number, n: number): void {
  if (n < 4) {
    // unrolled: a 1-3 byte loop costs a mispredicted exit more often than not
    out[o] = src[ip]!;
    if (n > 1) {
      out[o + 1] = src[ip + 1]!;
      if (n > 2) out[o + 2] = src[ip + 2]!;
    }
  } else if (n < BULK_RAW) {
    for (let k = 0; k < n - 4; k += 4) ov.setInt32(o + k, sv.getInt32(ip + k, true), true);
    ov.setInt32(o + n - 4, sv.getInt32(ip + n - 4, true), true); // the last 4, overlapping the steps
  } else out.set(src.subarray(ip, ip + n), o);
}

/**
 * Writes the little-endian 32-bit pattern `w` over out[o, e), whose period divides 4 and starts
 * at `o` (a byte: period 1; two bytes: period 2). A tail shorter than a step goes byte by byte,
 * so any length keeps the phase.
 */
export function fillPattern(out: Uint8Array, ov: DataView, o: number, e: number, w: number): void {
  let p = o;
  for (; p <= e - 8; p += 8) {
    ov.setInt32(p, w, true);
    ov.setInt32(p + 4, w, true);
  }
  if (p <= e - 4) {
    ov.setInt32(p, w, true);
    p += 4;
  }
  for (let s = 0; p < e; p++, s += 8) out[p] = (w >>> s) & 0xff;
}

/** out[o + k] = (v + k) & 0xFF for k < n. */
export function fillIncreasing(out: Uint8Array, o: number, n: number, v: number): void {
  for (let k = 0; k < n; k++) out[o + k] = (v + k) & 0xff;
}

/**
 * out[o + k] = out[off + k] for k < n, byte by byte in meaning: with `off < o` and an overlap
 * (`o - off < n`) it repeats the pattern of period `o - off`. Needs `off < o`.
 */
export function copyForward(out: Uint8Array, ov: DataView, o: number, off: number, n: number): void {
  const d = o - off;
  if (n < 4 || d < 4) {
    for (let k = 0; k < n; k++) out[o + k] = out[off + k]!;
  } else if (n <= 8) {
    // 4..8 bytes: two steps, no loop (the second overlaps the first when n < 8)
    ov.setInt32(o, ov.getInt32(off, true), true);
    ov.setInt32(o + n - 4, ov.getInt32(off + n - 4, true), true);
  } else if (d >= n && n >= BULK_COPY) {
    out.copyWithin(o, off, off + n);
  } else {
    // Source at least 4 bytes behind: each step reads bytes already final.
    let k = 0;
    for (; k < n - 8; k += 8) {
      ov.setInt32(o + k, ov.getInt32(off + k, true), true);
      ov.setInt32(o + k + 4, ov.getInt32(off + k + 4, true), true);
    }
    if (k < n - 4) ov.setInt32(o + k, ov.getInt32(off + k, true), true);
    ov.setInt32(o + n - 4, ov.getInt32(off + n - 4, true), true);
  }
}

/** bitrev8 of each byte of a 32-bit word (swap adjacent bits, then pairs, then nibbles). */
function bitrev4(x: number): number {
  x = ((x >>> 1) & 0x55555555) | ((x & 0x55555555) << 1);
  x = ((x >>> 2) & 0x33333333) | ((x & 0x33333333) << 2);
  return ((x >>> 4) & 0x0f0f0f0f) | ((x & 0x0f0f0f0f) << 4);
}

/** out[o + k] = bitrev(out[off + k]) for k < n, byte by byte in meaning. Needs `off < o`. */
export function copyBitrev(out: Uint8Array, ov: DataView, o: number, off: number, n: number): void {
  if (n < 4 || o - off < 4) {
    for (let k = 0; k < n; k++) out[o + k] = BITREV[out[off + k]!]!;
    return;
  }
  for (let k = 0; k < n - 4; k += 4) ov.setInt32(o + k, bitrev4(ov.getInt32(off + k, true)), true);
  ov.setInt32(o + n - 4, bitrev4(ov.getInt32(off + n - 4, true)), true);
}

/**
 * out[o + k] = out[off - k] for k < n: the source read downwards. Needs `off < o` and
 * `off - n + 1 >= 0`, so it reads only bytes written before the command.
 */
export function copyBackward(out: Uint8Array, ov: DataView, o: number, off: number, n: number): void {
  if (n < 4) {
    for (let k = 0; k < n; k++) out[o + k] = out[off - k]!;
    return;
  }
  // a big-endian load stored little-endian reverses four bytes; the last step overlaps
  for (let k = 0; k < n - 4; k += 4) ov.setInt32(o + k, ov.getInt32(off - k - 3, false), true);
  ov.setInt32(o + n - 4, ov.getInt32(off - n + 1, false), true);
}

/**
 * A copy whose source starts at or after `o` (`off >= o`), in a lenient decode: bytes not written
 * yet read as 0 by rule (a console reads stale RAM there, which no decoder can know), so the
 * result does not depend on the buffer's old contents. A forward or bit-reversed copy then only
 * ever reads unwritten bytes; a backwards one walks down into bytes written before or by itself.
 */
export function copyUnwritten(out: Uint8Array, o: number, off: number, n: number, backward: boolean, bitrev: boolean): void {
  if (!backward) {
    out.fill(bitrev ? BITREV[0]! : 0, o, o + n);
    return;
  }
  for (let k = 0; k < n; k++) {
    const x = off - k;
    out[o + k] = x < o + k ? out[x]! : 0;
  }
}
