/** The argument checks every encoder here starts and ends with. */
import { CodecEncodeError, type CodecEncodeOptions } from './types';

/** Level, empty or oversized input, and a sane maxSize; throws CodecEncodeError naming the codec. */
export function checkEncodeArgs(codec: string, levels: readonly string[], maxInput: number, data: Uint8Array, opts: CodecEncodeOptions): void {
  if (levels.length === 0) throw new CodecEncodeError(codec, 'SpritePal has no encoder for this format (it decodes only)');
  const level = opts.level ?? levels[0]!;
  if (!levels.includes(level)) throw new CodecEncodeError(codec, `unknown level "${level}" (levels: ${levels.join(', ')})`);
  if (data.length === 0) throw new CodecEncodeError(codec, 'cannot compress empty input');
  if (data.length > maxInput) throw new CodecEncodeError(codec, `input is ${data.length} bytes; the format holds at most ${maxInput}`);
  const maxSize = opts.maxSize;
  if (maxSize !== undefined && (!Number.isInteger(maxSize) || maxSize < 1))
    throw new CodecEncodeError(codec, `maxSize must be a positive whole number, got ${maxSize}`);
}

/** The finished stream, or a CodecEncodeError when it is over `maxSize`. */
export function checkEncodedSize(codec: string, out: Uint8Array, opts: CodecEncodeOptions): Uint8Array {
  if (opts.maxSize !== undefined && out.length > opts.maxSize) {
    throw new CodecEncodeError(codec, `compressed stream is ${out.length} bytes, more than the limit of ${opts.maxSize} bytes`);
  }
  return out;
}
