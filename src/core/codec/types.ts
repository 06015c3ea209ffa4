/**
 * One interface for every compression family (and for raw tiles, which are a codec too): what the
 * rest of the product needs from a format, and nothing else. A codec is one folder under
 * `src/core/codec/<id>/` exporting a `Codec`, and one line in the registry (registry.ts).
 *
 * Offsets are into the `src` array given (the scanner and the session give headerless ROM data).
 */
import { SpritePalError } from '../errors';
import { hex } from '../format';

/** A codec's id, as written in catalogs, caches, scan JSON, webview messages and `--codec`. */
export type CodecId = string;

/** Where decoding stopped and why. Reasons are short kebab-case words a codec defines. */
export interface CodecFailure {
  ok: false;
  /** Absolute offset in `src` of the failing command, header field or missing byte. */
  offset: number;
  reason: string;
}

export interface CodecSuccess {
  ok: true;
  /**
   * Decompressed bytes written to the start of `out`; 0 where the format has an empty stream (an
   * LZ4 frame without content, an RLE stream that is only its end marker). Callers that need
   * graphics (the scanner, the gallery) skip empty blocks.
   */
  size: number;
  /** Bytes of `src` the stream occupies, from `start` (header, terminator and checksums included). */
  consumed: number;
}

export type CodecStatus = CodecSuccess | CodecFailure;

export interface CodecDecodeOptions {
  /**
   * Output limit in bytes (default: the codec's `maxOutput`). A stream that would write past it
   * fails with reason 'overflow'; decoders never allocate beyond it.
   */
  maxOutput?: number;
  /**
   * The block's length in `src`, for codecs whose data does not say where it ends (raw tiles);
   * self-delimiting codecs ignore it, except as an upper bound on what they may read.
   */
  length?: number;
  /**
   * Refuse what no encoder writes although a console decoder would run it (a copy from output not
   * yet written, a reserved command): what the scanner asks for.
   */
  strict?: boolean;
}

export interface CodecEncodeOptions {
  /** One of the codec's `levels` (default: `defaultLevel`, the smallest output the codec can write). */
  level?: string;
  /** Largest acceptable output in bytes (e.g. the ROM slot): over it, a CodecEncodeError. */
  maxSize?: number;
}

export interface DecodedStream {
  data: Uint8Array;
  consumed: number;
}

/**
 * What the scanner asks a codec at each offset (never required: a codec without `probe` is not
 * searched for, but still decodes and encodes blocks a catalog or a user names).
 */
export interface CodecProbe {
  /**
   * The cheap test, run at every offset: false for nearly all of them, fast (no allocation).
   * True means "worth a real decode"; it may be wrong in that direction only.
   */
  candidate(src: Uint8Array, offset: number, maxOutput: number): boolean;
  /**
   * How sure a decoded candidate is a block an encoder wrote: structure of the stream (headers,
   * magic parsed in full, commands an encoder would choose), never thresholds fit to one file.
   * `decoded` is the output (`size` bytes). 'strong' is reported by default, 'weak' on request.
   */
  judge(src: Uint8Array, offset: number, consumed: number, decoded: Uint8Array): { confidence: 'strong' | 'weak'; reasons: string[] };
}

export interface Codec {
  id: CodecId;
  /** Human name ("LC_LZ2 (Lunar Compress)"). */
  name: string;
  /** Who uses it: games and tools, for `spritepal codecs` and the README. */
  usedBy: readonly string[];
  /** Bump when encoder output or decoder behaviour changes: caches key on it. */
  version: string;
  /** Default (and largest sensible) output limit in bytes. */
  maxOutput: number;
  /** Whether the stream says where it ends (false for raw: a block needs its length). */
  selfDelimiting: boolean;
  /** Encoder levels, smallest output first; empty when the codec cannot encode. */
  levels: readonly string[];
  defaultLevel?: string;
  /**
   * Decodes into the caller's buffer (at least `maxOutput` long; old contents do not matter) and
   * never throws for bad data: the hot-loop entry point. Bounded: it always ends, reads only `src`
   * and writes only `out[0..maxOutput)`.
   */
  decodeInto(src: Uint8Array, start: number, out: Uint8Array, opts?: CodecDecodeOptions): CodecStatus;
  /** Decodes the stream at `src[start]`; throws CodecDecodeError naming the failing offset. */
  decode(src: Uint8Array, start?: number, opts?: CodecDecodeOptions): DecodedStream;
  /** Compresses; throws CodecEncodeError (empty or oversized input, over `maxSize`, no encoder). */
  encode(data: Uint8Array, opts?: CodecEncodeOptions): Uint8Array;
  probe?: CodecProbe;
}

export class CodecDecodeError extends SpritePalError {
  constructor(
    readonly codec: CodecId,
    /** Absolute offset of the failing command (or of the missing byte). */
    readonly offset: number,
    readonly reason: string,
    detail = '',
  ) {
    super(`${codec}-decode`, `${codec} stream: ${reason.replace(/-/g, ' ')} at ${hex(offset)}${detail ? ` (${detail})` : ''}`);
    this.name = 'CodecDecodeError';
  }
}

export class CodecEncodeError extends SpritePalError {
  constructor(
    readonly codec: CodecId,
    message: string,
  ) {
    super(`${codec}-encode`, `${codec}: ${message}`);
    this.name = 'CodecEncodeError';
  }
}

/**
 * `decode` and a default-limited buffer from a codec's `decodeInto`: what most codecs need, so
 * each folder writes only its own loop. The buffer is shared per codec (one decode at a time per
 * thread, as everything here is synchronous) and the result is a copy.
 */
export function decodeVia(
  codec: Pick<Codec, 'id' | 'maxOutput' | 'decodeInto'>,
): (src: Uint8Array, start?: number, opts?: CodecDecodeOptions) => DecodedStream {
  let shared: Uint8Array | null = null;
  return (src, start = 0, opts) => {
    const max = opts?.maxOutput ?? codec.maxOutput;
    if (!Number.isInteger(max) || max < 1) throw new RangeError(`maxOutput must be a positive whole number, got ${max}`);
    const out = max <= codec.maxOutput ? (shared ??= new Uint8Array(codec.maxOutput)) : new Uint8Array(max);
    const st = codec.decodeInto(src, start, out, opts);
    if (!st.ok) throw new CodecDecodeError(codec.id, st.offset, st.reason);
    return { data: out.slice(0, st.size), consumed: st.consumed };
  };
}
