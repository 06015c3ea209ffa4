/** The argument checks of every `decodeInto` (a caller's mistake throws RangeError; bad data never does). */
import type { CodecDecodeOptions } from '../types';

export interface DecodeLimits {
  /** Output limit in bytes. */
  max: number;
  /** Input end (exclusive): the array's end, or `start + length` when that is sooner. */
  end: number;
  strict: boolean;
}

/** Checks `start`, the buffer and the options against a codec's default and largest output limits. */
export function decodeLimits(
  src: Uint8Array,
  start: number,
  out: Uint8Array,
  opts: CodecDecodeOptions | undefined,
  defaultMax: number,
  largestMax: number,
): DecodeLimits {
  const max = opts?.maxOutput ?? defaultMax;
  if (!Number.isInteger(max) || max < 1 || max > largestMax) throw new RangeError(`maxOutput must be 1..${largestMax}, got ${max}`);
  if (!Number.isInteger(start) || start < 0) throw new RangeError(`start must be a non-negative integer, got ${start}`);
  if (out.length < max) throw new RangeError(`output buffer holds ${out.length} bytes, needs ${max}`);
  let end = src.length;
  const length = opts?.length;
  if (length !== undefined) {
    if (!Number.isInteger(length) || length < 0) throw new RangeError(`length must be a non-negative integer, got ${length}`);
    end = Math.min(end, start + length);
  }
  return { max, end, strict: opts?.strict === true };
}
