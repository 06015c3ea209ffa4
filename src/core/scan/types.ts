/** The scanner's public shapes (re-exported by index.ts). Offsets are headerless ROM offsets. */

/**
 * How sure the scanner is that a hit is a real block (evidence.ts), most sure first:
 * - `pointer`: a pointer table of the ROM names its start (pointer-tables.ts);
 * - `strong`: the stream is built as an encoder builds one (enough commands, none wasteful,
 *   re-encodes to about its own size, not a copy of ROM bytes); for raw regions: enough distinct
 *   units and none of a table's marks (raw-evidence.ts);
 * - `weak`: something speaks against it (its reasons say what); shown only when asked.
 */
export type Confidence = 'pointer' | 'strong' | 'weak';
export const CONFIDENCES: readonly Confidence[] = ['pointer', 'strong', 'weak'];

/** What the CLI and the gallery show unless asked for more. */
export const DEFAULT_MIN_CONFIDENCE: Confidence = 'strong';

/** Whether `c` is at least as sure as `min` (pointer > strong > weak). */
export function meetsConfidence(c: Confidence, min: Confidence): boolean {
  return CONFIDENCES.indexOf(c) <= CONFIDENCES.indexOf(min);
}

/** The hits at least as sure as `min` (default: what is shown by default). */
export function reportedHits<T extends Pick<ScanHit, 'confidence'>>(hits: readonly T[], min: Confidence = DEFAULT_MIN_CONFIDENCE): T[] {
  return hits.filter((h) => meetsConfidence(h.confidence, min));
}

export interface ScanHit {
  /** Headerless ROM offset of the block's first byte (the CLI adds the copier header). */
  romOffset: number;
  /** Bytes the block occupies in the ROM (a HAL stream: up to and including its 0xFF terminator). */
  consumed: number;
  /** Decompressed size in bytes (for 'raw', equal to `consumed`). */
  size: number;
  /** Whole tiles at `bpp`. */
  tiles: number;
  /** How much the data looks like graphics, 0..1 (raw regions are capped lower: less confidence). */
  score: number;
  kind: 'hal' | 'raw';
  /** The likelier bit depth of the tiles. */
  bpp: 2 | 4;
  /**
   * Headerless offset of a pointer-table slot holding the block's SNES address, when the block
   * is in a table (pointer-tables.ts): evidence of its start, and where a game reads it from.
   */
  pointer?: number;
  confidence: Confidence;
  /** The evidence behind `confidence`, as short phrases ("412 commands", "only 3 commands"). */
  reasons: string[];
}

export interface ScanOptions {
  /** Smallest block to report, in tiles (default 16). */
  minTiles?: number;
  /** Also report uncompressed tile regions (kind 'raw', lower scores; confidence from raw-evidence.ts). */
  includeRaw?: boolean;
  /** First offset to try (default 0). */
  start?: number;
  /** Offset to stop trying at (exclusive, default the data length). Streams may run past it. */
  end?: number;
}

/** What a scan has found so far; JSON-serialisable, so it can be cached and resumed. */
export interface ScanState {
  /** Sorted by romOffset, each block once. */
  hits: ScanHit[];
  /** Every candidate offset below this one has been tried; a resumed scan starts here. */
  nextOffset: number;
  complete: boolean;
  /**
   * Candidate offsets not decoded because the scan's work budget ran out (a ROM where nearly
   * every offset starts a long valid stream); absent or 0 when every candidate was tried.
   */
  skipped?: number;
}

export const DEFAULT_MIN_TILES = 16;

/** Normalised options with defaults applied and the range clipped to the data. */
export interface ScanRange {
  minTiles: number;
  includeRaw: boolean;
  start: number;
  end: number;
}

export function resolveRange(length: number, opts: ScanOptions): ScanRange {
  const minTiles = opts.minTiles ?? DEFAULT_MIN_TILES;
  if (!Number.isInteger(minTiles) || minTiles < 1) throw new RangeError(`minTiles must be a whole number >= 1, got ${minTiles}`);
  const start = opts.start ?? 0;
  const end = Math.min(opts.end ?? length, length);
  if (!Number.isInteger(start) || start < 0) throw new RangeError(`start must be a non-negative integer, got ${start}`);
  if (!Number.isInteger(end) || end < 0) throw new RangeError(`end must be a non-negative integer, got ${end}`);
  return { minTiles, includeRaw: opts.includeRaw === true, start, end: Math.max(start, end) };
}
