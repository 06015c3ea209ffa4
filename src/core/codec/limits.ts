/**
 * The argument checks every `decodeInto` here starts with (a programming error throws RangeError;
 * bad data never throws), and the bounds they give the loop: the output limit and how far in `src`
 * the stream may reach (`opts.length`, when a caller knows the block's extent, is an upper bound).
 */
import type { CodecDecodeOptions } from './types';

export interface DecodeLimits {
  /** Output limit in bytes. */
  max: number;
  /** Exclusive end of the readable input. */
  end: number;
}

export function decodeLimits(src: Uint8Array, start: number, out: Uint8Array, opts: CodecDecodeOptions | undefined, defaultMax: number): DecodeLimits {
  const max = opts?.maxOutput ?? defaultMax;
  if (!Number.isInteger(max) || max < 1) throw new RangeError(`maxOutput must be a positive whole number, got ${max}`);
  if (!Number.isInteger(start) || start < 0) throw new RangeError(`start must be a non-negative integer, got ${start}`);
  if (out.length < max) throw new RangeError(`output buffer holds ${out.length} bytes, needs ${max}`);
  const len = opts?.length;
  return { max, end: len === undefined ? src.length : Math.min(src.length, start + Math.max(0, len)) };
}
