/**
 * The HAL decoder's command loop (format doc §3/§4), tuned for V8. `decode.ts` wraps it in the
 * public API; test/unit/hal/reference-decoder.ts is the plain byte-by-byte version it is checked
 * against.
 *
 * What makes it fast (measured on the corpus, see the "decode" bench group):
 * - every bound is checked once per command (output limit, input left, copy source), so the inner
 *   loops only move bytes;
 * - bytes move four at a time through DataViews (unaligned 32-bit loads and stores, which
 *   TurboFan inlines), including the backwards copy (a big-endian load stored little-endian
 *   reverses four bytes) and fills (the byte or word repeated in a 32-bit value);
 * - short runs (1-3 raw bytes, one word, 4-8 copied bytes) take no loop at all, as a short
 *   loop's mispredicted exit costs more than its bytes;
 * - long copies go to the engine's memmove (`copyWithin`, `set`), which also keeps the first, not
 *   yet optimised pass (interpreter) short; fills stay in 8-byte steps (a `fill` call cost more);
 * - an overlapping forward copy (source `d` bytes behind, `d < n`) repeats a pattern of period `d`:
 *   4-byte steps are exact when `d >= 4`, and shorter periods go byte by byte.
 *
 * Bounded on any input: each command either fails or advances the input by at least one byte and
 * writes only below the output limit, which the caller checked `out` can hold.
 */
import { BITREV, MAX_OUTPUT } from './commands';
import type { HalDecodeReason } from './errors';

/** What the loop reports: never throws for a bad stream. */
export type DecodeStatus = { ok: true; size: number; consumed: number } | { ok: false; reason: HalDecodeReason; offset: number };

/**
 * From this many bytes on, a copy goes to a builtin (memmove) rather than 4-byte steps: a builtin
 * call costs about what 32-64 bytes of steps do; a raw run also allocates a subarray.
 */
const BULK_COPY = 48;
const BULK_RAW = 128;

// One DataView per array, kept while the same array comes back (a scanner decodes from one ROM
// into one buffer many times, and a fresh view per call would cost it ~0.1 us per offset); anything
// else gets a fresh view. The cost: the last input and output stay referenced until the next call
// with other arrays.
let srcArr: Uint8Array | null = null;
let srcView: DataView | null = null;
let outArr: Uint8Array | null = null;
let outView: DataView | null = null;

function viewOfSrc(a: Uint8Array): DataView {
  if (a !== srcArr) {
    srcArr = a;
    srcView = new DataView(a.buffer, a.byteOffset, a.byteLength);
  }
  return srcView!;
}

function viewOfOut(a: Uint8Array): DataView {
  if (a !== outArr) {
    outArr = a;
    outView = new DataView(a.buffer, a.byteOffset, a.byteLength);
  }
  return outView!;
}

function fail(reason: HalDecodeReason, offset: number): DecodeStatus {
  return { ok: false, reason, offset };
}

/**
 * Decodes the stream at `src[start]` into `out`, writing at most `max` bytes (the caller checked
 * `1 <= max <= 65536`, `max <= out.length` and `start >= 0`).
 */
export function decodeLoop(src: Uint8Array, start: number, out: Uint8Array, max: number, strict: boolean): DecodeStatus {
  const sv = viewOfSrc(src);
  const ov = viewOfOut(out);
  const end = src.length;
  let ip = start;
  let o = 0;
  for (;;) {
    if (ip >= end) return fail('truncated', ip);
    const at = ip;
    const b = src[ip++]!;
    let cmd = b >> 5;
    let n: number;
    if (cmd === 7) {
      if (b === 0xff) return o === 0 ? fail('empty', at) : { ok: true, size: o, consumed: ip - start };
      if (ip >= end) return fail('truncated', at);
      cmd = (b >> 2) & 7;
      n = (((b & 3) << 8) | src[ip++]!) + 1;
    } else {
      n = (b & 0x1f) + 1;
    }
    const e = o + n;
    if (cmd === 0) {
      if (e > max) return fail('overflow', at);
      if (ip + n > end) return fail('truncated', at);
      if (n < 4) {
        // unrolled: a 1-3 byte loop costs a mispredicted exit more often than not
        out[o] = src[ip]!;
        if (n > 1) {
          out[o + 1] = src[ip + 1]!;
          if (n > 2) out[o + 2] = src[ip + 2]!;
        }
      } else if (n < BULK_RAW) {
        for (let k = 0; k < n - 4; k += 4) ov.setInt32(o + k, sv.getInt32(ip + k, true), true);
        ov.setInt32(e - 4, sv.getInt32(ip + n - 4, true), true); // the last 4, overlapping the steps
      } else out.set(src.subarray(ip, ip + n), o);
      ip += n;
      o = e;
    } else if (cmd >= 4) {
      // 4 (and 7, which executes like 4), 5, 6: a big-endian absolute source offset.
      if (e > max) return fail('overflow', at);
      if (ip + 2 > end) return fail('truncated', at);
      const off = (src[ip]! << 8) | src[ip + 1]!;
      ip += 2;
      if (cmd === 6) {
        if (off < n - 1) return fail('copy-before-start', at);
      } else if (off + n > MAX_OUTPUT) return fail('copy-past-end', at);
      if (off >= o) {
        if (strict) return fail('unwritten-source', at);
        copyUnwritten(out, cmd, o, off, n);
      } else if (n < 4 || (o - off < 4 && cmd !== 6)) {
        // Short, or a forward copy whose source runs fewer than 4 bytes behind: byte by byte.
        if (cmd === 4 || cmd === 7) for (let k = 0; k < n; k++) out[o + k] = out[off + k]!;
        else if (cmd === 5) for (let k = 0; k < n; k++) out[o + k] = BITREV[out[off + k]!]!;
        else for (let k = 0; k < n; k++) out[o + k] = out[off - k]!;
      } else if (cmd === 6) {
        // Reads off, off-1, ..., all below o (written): four at a time, reversed by the byte order.
        // The last step overlaps the one before; it rewrites the same values.
        for (let k = 0; k < n - 4; k += 4) ov.setInt32(o + k, ov.getInt32(off - k - 3, false), true);
        ov.setInt32(e - 4, ov.getInt32(off - n + 1, false), true);
      } else if (cmd === 5) {
        for (let k = 0; k < n - 4; k += 4) ov.setInt32(o + k, bitrev4(ov.getInt32(off + k, true)), true);
        ov.setInt32(e - 4, bitrev4(ov.getInt32(off + n - 4, true)), true);
      } else if (n <= 8) {
        // 4..8 bytes: two steps, no loop (the second overlaps the first when n < 8)
        ov.setInt32(o, ov.getInt32(off, true), true);
        ov.setInt32(e - 4, ov.getInt32(off + n - 4, true), true);
      } else if (o - off >= n && n >= BULK_COPY) {
        out.copyWithin(o, off, off + n);
      } else {
        // Source at least 4 bytes behind: each step reads bytes already final (a pattern of
        // period o - off when the source overlaps the output).
        let k = 0;
        for (; k < n - 8; k += 8) {
          ov.setInt32(o + k, ov.getInt32(off + k, true), true);
          ov.setInt32(o + k + 4, ov.getInt32(off + k + 4, true), true);
        }
        if (k < n - 4) ov.setInt32(o + k, ov.getInt32(off + k, true), true);
        ov.setInt32(e - 4, ov.getInt32(off + n - 4, true), true);
      }
      o = e;
    } else if (cmd === 2) {
      const e2 = o + 2 * n;
      if (e2 > max) return fail('overflow', at);
      if (ip + 2 > end) return fail('truncated', at);
      const a = src[ip]!;
      const c = src[ip + 1]!;
      ip += 2;
      if (n === 1) {
        out[o] = a;
        out[o + 1] = c;
      } else fill4(out, ov, o, e2, (a | (c << 8)) * 0x10001);
      o = e2;
    } else {
      // 1: byte fill; 3: increasing fill
      if (e > max) return fail('overflow', at);
      if (ip >= end) return fail('truncated', at);
      const v = src[ip++]!;
      if (cmd === 1) {
        // 8 bytes a step even for 1 KiB: `fill` costs more per call than it saves (zeros_64k +18 %)
        fill4(out, ov, o, e, v * 0x01010101);
      } else {
        for (let k = 0; k < n; k++) out[o + k] = (v + k) & 0xff;
      }
      o = e;
    }
  }
}

/** bitrev8 of each byte of a 32-bit word (swap adjacent bits, then pairs, then nibbles). */
function bitrev4(x: number): number {
  x = ((x >>> 1) & 0x55555555) | ((x & 0x55555555) << 1);
  x = ((x >>> 2) & 0x33333333) | ((x & 0x33333333) << 2);
  return ((x >>> 4) & 0x0f0f0f0f) | ((x & 0x0f0f0f0f) << 4);
}

/**
 * Writes the little-endian 32-bit pattern `w` over out[o, e): a byte (period 1) or a word (period
 * 2, and e - o even), so a last step ending at `e` stays in phase.
 */
function fill4(out: Uint8Array, ov: DataView, o: number, e: number, w: number): void {
  if (e - o < 4) {
    for (let p = o, s = 0; p < e; p++, s += 8) out[p] = (w >>> s) & 0xff;
    return;
  }
  let p = o;
  for (; p < e - 8; p += 8) {
    ov.setInt32(p, w, true);
    ov.setInt32(p + 4, w, true);
  }
  if (p < e - 4) ov.setInt32(p, w, true);
  ov.setInt32(e - 4, w, true);
}

/**
 * A copy whose source starts at or after `o`: every byte it reads at step k lies at or past `o + k`
 * (not written yet, so 0), except a backwards copy, which walks down into bytes written earlier,
 * possibly by itself.
 */
function copyUnwritten(out: Uint8Array, cmd: number, o: number, off: number, n: number): void {
  if (cmd !== 6) {
    out.fill(0, o, o + n);
    return;
  }
  for (let k = 0; k < n; k++) {
    const x = off - k;
    out[o + k] = x < o + k ? out[x]! : 0;
  }
}
