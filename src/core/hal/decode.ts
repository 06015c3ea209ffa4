/**
 * The HAL decoder (format doc §3/§4). Bounded and safe on any input: it never reads outside `src`
 * or writes outside the output limit, and every command advances the input, so it always ends.
 *
 * Differences from exhal, on purpose: truncated input is an error (exhal reads zero padding), and
 * bytes not yet written read as 0 *by rule* (exhal's zeroed buffer) rather than from the buffer,
 * so `decodeInto` works on a dirty, reused buffer without clearing it.
 */
import { MAX_OUTPUT } from './commands';
import { decodeLoop, type DecodeStatus } from './decode-loop';
import { HalDecodeError } from './errors';
import { hex } from '../format';

export type { DecodeStatus };

export interface DecodeOptions {
  /** Reject copies whose source is not written yet (`off >= o`); inhal never writes one. */
  strict?: boolean;
  /** Output limit in bytes, 1..65,536 (default 65,536). A command writing past it is an 'overflow'. */
  maxOutput?: number;
}

export interface DecodeResult {
  data: Uint8Array;
  /** Bytes of `src` the stream occupies, from `start` up to and including the 0xFF. */
  consumed: number;
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
  return decodeLoop(src, start, out, max, strict);
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
  const source = cmd >= 4 && opAt + 1 < src.length ? `, source ${hex((src[opAt]! << 8) | src[opAt + 1]!, 4)}` : '';
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
