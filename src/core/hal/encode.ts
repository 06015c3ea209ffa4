/** The encoder entry point: input checks, the level switch and the size limit on the finished stream. */
import { MAX_OUTPUT } from './commands';
import { encodeGreedy } from './encode-greedy';
import { encodeOptimal } from './encode-optimal';
import { HalEncodeError } from './errors';

export type HalLevel = 'optimal' | 'greedy' | 'fast';
export const HAL_LEVELS: readonly HalLevel[] = ['optimal', 'greedy', 'fast'];

export interface EncodeOptions {
  /** 'optimal' (default, smallest), 'greedy' (= inhal -2) or 'fast' (= inhal -1). */
  level?: HalLevel;
  /** Largest acceptable stream in bytes, terminator included (default 65,536; e.g. the ROM slot). */
  maxSize?: number;
}

export function encode(data: Uint8Array, opts: EncodeOptions = {}): Uint8Array {
  const level = opts.level ?? 'optimal';
  if (!HAL_LEVELS.includes(level)) throw new HalEncodeError(`unknown level "${String(level)}" (levels: ${HAL_LEVELS.join(', ')})`);
  if (data.length === 0) throw new HalEncodeError('cannot compress empty input (HAL streams hold 1 to 65,536 bytes)');
  if (data.length > MAX_OUTPUT) throw new HalEncodeError(`input is ${data.length} bytes; HAL streams hold at most 65,536`);
  const maxSize = opts.maxSize ?? MAX_OUTPUT;
  if (!Number.isInteger(maxSize) || maxSize < 1) throw new HalEncodeError(`maxSize must be a positive whole number, got ${maxSize}`);
  const out = level === 'optimal' ? encodeOptimal(data) : encodeGreedy(data, level === 'fast');
  if (out.length > maxSize) throw new HalEncodeError(`compressed stream is ${out.length} bytes, more than the limit of ${maxSize} bytes (level ${level})`);
  return out;
}
