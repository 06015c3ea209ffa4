/** The checks every codec's `encode` makes before and after its encoder runs (CodecEncodeError). */
import { CodecEncodeError, type CodecEncodeOptions } from '../types';

export interface EncodeLimits {
  id: string;
  /** Levels, the default first. */
  levels: readonly string[];
  /** Largest input in bytes. */
  maxInput: number;
}

/** The level to run, after checking the input and options; throws CodecEncodeError. */
export function checkEncode(limits: EncodeLimits, data: Uint8Array, opts: CodecEncodeOptions | undefined): string {
  const level = opts?.level ?? limits.levels[0]!;
  if (!limits.levels.includes(level)) throw new CodecEncodeError(limits.id, `unknown level "${String(level)}" (levels: ${limits.levels.join(', ')})`);
  if (data.length === 0) throw new CodecEncodeError(limits.id, 'cannot compress empty input');
  if (data.length > limits.maxInput) {
    throw new CodecEncodeError(limits.id, `input is ${data.length.toLocaleString('en-US')} bytes; at most ${limits.maxInput.toLocaleString('en-US')} fit`);
  }
  const maxSize = opts?.maxSize;
  if (maxSize !== undefined && (!Number.isInteger(maxSize) || maxSize < 1))
    throw new CodecEncodeError(limits.id, `maxSize must be a positive whole number, got ${maxSize}`);
  return level;
}

/** Returns `out`, or throws when it is over the caller's `maxSize`. */
export function checkSize(id: string, out: Uint8Array, opts: CodecEncodeOptions | undefined, level: string): Uint8Array {
  const maxSize = opts?.maxSize;
  if (maxSize !== undefined && out.length > maxSize) {
    throw new CodecEncodeError(id, `compressed stream is ${out.length} bytes, more than the limit of ${maxSize} bytes (level ${level})`);
  }
  return out;
}
