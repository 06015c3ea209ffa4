/**
 * The HAL decoder (format doc §3/§4). Bounded and safe on any input: it never reads outside `src`
 * or writes outside the output limit, and every command advances the input, so it always ends.
 *
 * Differences from exhal, on purpose: truncated input is an error (exhal reads zero padding), and
 * bytes not yet written read as 0 *by rule* (exhal's zeroed buffer) rather than from the buffer,
 * so `decodeInto` works on a dirty, reused buffer without clearing it.
 */
import { BITREV, MAX_OUTPUT } from './commands';
import { HalDecodeError, type HalDecodeReason } from './errors';

export interface DecodeOptions {
  /** Reject copies whose source is not written yet (`off >= o`); inhal never writes one. */
  strict?: boolean;
  /** Output limit in bytes, 1..65,536 (default 65,536). A command writing past it is an 'overflow'. */
  maxOutput?: number;
}

/** What `decodeInto` reports: never throws for a bad stream. */
export type DecodeStatus =
  | { ok: true; size: number; consumed: number }
  | { ok: false; reason: HalDecodeReason; offset: number };

export interface DecodeResult {
  data: Uint8Array;
  /** Bytes of `src` the stream occupies, from `start` up to and including the 0xFF. */
  consumed: number;
}

function fail(reason: HalDecodeReason, offset: number): DecodeStatus {
  return { ok: false, reason, offset };
}

function limitOf(opts: DecodeOptions | undefined): number {
  const max = opts?.maxOutput ?? MAX_OUTPUT;
  if (!Number.isInteger(max) || max < 1 || max > MAX_OUTPUT) throw new RangeError(`maxOutput must be 1..65536, got ${max}`);
  return max;
}

/**
 * Decodes the stream at `src[start]` into `out` (at least `maxOutput` bytes long; its previous
 * contents do not matter) without throwing for bad streams and without allocating beyond the small
 * status object. The hot-loop entry point (e.g. a ROM scanner trying every offset with one buffer).
 */
export function decodeInto(src: Uint8Array, start: number, out: Uint8Array, opts?: DecodeOptions): DecodeStatus {
  const max = limitOf(opts);
  const strict = opts?.strict === true;
  if (!Number.isInteger(start) || start < 0) throw new RangeError(`start must be a non-negative integer, got ${start}`);
  if (out.length < max) throw new RangeError(`output buffer holds ${out.length} bytes, needs ${max}`);
  const end = src.length;
  let ip = start;
  let o = 0;
  for (;;) {
    if (ip >= end) return fail('truncated', ip);
    const at = ip;
    const b = src[ip++]!;
    if (b === 0xff) {
      if (o === 0) return fail('empty', at);
      return { ok: true, size: o, consumed: ip - start };
    }
    let cmd: number;
    let n: number;
    if ((b & 0xe0) === 0xe0) {
      if (ip >= end) return fail('truncated', at);
      cmd = (b >> 2) & 7;
      n = (((b & 3) << 8) | src[ip++]!) + 1;
    } else {
      cmd = b >> 5;
      n = (b & 0x1f) + 1;
    }
    switch (cmd) {
      case 0: {
        if (o + n > max) return fail('overflow', at);
        if (ip + n > end) return fail('truncated', at);
        // a plain loop beats subarray + set (an allocation and a call) up to a few hundred bytes
        if (n <= 256) for (let k = 0; k < n; k++) out[o + k] = src[ip + k]!;
        else out.set(src.subarray(ip, ip + n), o);
        ip += n;
        o += n;
        break;
      }
      case 1: {
        if (o + n > max) return fail('overflow', at);
        if (ip >= end) return fail('truncated', at);
        const v = src[ip++]!;
        if (n <= 64) for (let k = 0; k < n; k++) out[o + k] = v;
        else out.fill(v, o, o + n);
        o += n;
        break;
      }
      case 2: {
        if (o + 2 * n > max) return fail('overflow', at);
        if (ip + 2 > end) return fail('truncated', at);
        const a = src[ip]!;
        const c = src[ip + 1]!;
        ip += 2;
        for (let k = 0; k < n; k++) {
          out[o++] = a;
          out[o++] = c;
        }
        break;
      }
      case 3: {
        if (o + n > max) return fail('overflow', at);
        if (ip >= end) return fail('truncated', at);
        const v = src[ip++]!;
        for (let k = 0; k < n; k++) out[o + k] = (v + k) & 0xff;
        o += n;
        break;
      }
      default: {
        // 4 (and 7, which executes like 4), 5, 6: a big-endian absolute source offset.
        if (o + n > max) return fail('overflow', at);
        if (ip + 2 > end) return fail('truncated', at);
        const off = (src[ip]! << 8) | src[ip + 1]!;
        ip += 2;
        if (cmd === 6) {
          if (off < n - 1) return fail('copy-before-start', at);
        } else if (off + n > MAX_OUTPUT) return fail('copy-past-end', at);
        if (off >= o) {
          if (strict) return fail('unwritten-source', at);
          copyUnwritten(out, cmd, o, off, n);
        } else if (cmd === 6) {
          for (let k = 0; k < n; k++) out[o + k] = out[off - k]!;
        } else if (cmd === 5) {
          for (let k = 0; k < n; k++) out[o + k] = BITREV[out[off + k]!]!;
        } else if (off + n <= o && n >= 24) {
          out.copyWithin(o, off, off + n);
        } else {
          for (let k = 0; k < n; k++) out[o + k] = out[off + k]!;
        }
        o += n;
      }
    }
  }
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

let shared: Uint8Array | null = null;

/** Short text for an error message: the failing command's number, count and source. */
function describe(src: Uint8Array, at: number): string {
  const b = src[at];
  if (b === undefined) return 'end of input';
  if (b === 0xff) return 'terminator';
  const long = (b & 0xe0) === 0xe0;
  const cmd = long ? (b >> 2) & 7 : b >> 5;
  const second = src[at + 1];
  if (long && second === undefined) return `command ${cmd}, long header cut off`;
  const n = long ? (((b & 3) << 8) | second!) + 1 : (b & 0x1f) + 1;
  const opAt = at + (long ? 2 : 1);
  const source = cmd >= 4 && opAt + 1 < src.length ? `, source 0x${((src[opAt]! << 8) | src[opAt + 1]!).toString(16).toUpperCase().padStart(4, '0')}` : '';
  return `command ${cmd}, count ${n}${source}`;
}

/**
 * Decodes the HAL stream at `src[start]`. Returns the data and the number of bytes consumed
 * (terminator included); throws HalDecodeError naming the failing command's absolute offset.
 */
export function decode(src: Uint8Array, start = 0, opts?: DecodeOptions): DecodeResult {
  shared ??= new Uint8Array(MAX_OUTPUT);
  const st = decodeInto(src, start, shared, opts);
  if (!st.ok) throw new HalDecodeError(st.offset, st.reason, describe(src, st.offset));
  return { data: shared.slice(0, st.size), consumed: st.consumed };
}

/** Like `decode`, but returns null instead of throwing for a bad stream (the reason is dropped). */
export function tryDecode(src: Uint8Array, start = 0, opts?: DecodeOptions): DecodeResult | null {
  shared ??= new Uint8Array(MAX_OUTPUT);
  const st = decodeInto(src, start, shared, opts);
  return st.ok ? { data: shared.slice(0, st.size), consumed: st.consumed } : null;
}
