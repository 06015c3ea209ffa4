/**
 * Small and sparse sheets: a 16-tile sheet half of whose tiles are blank compresses to a handful
 * of commands (the blank tiles are one solid fill each, or one for a run of them), too few for the
 * command count alone to say it is not a chance parse (evidence.ts, MIN_COMMANDS). Its output
 * says it instead: whole blank tiles (16-byte units of 0x00 or 0xFF, at unit boundaries) beside
 * distinct non-blank ones, which literals, copies and solid fills write (pixel rows), not
 * patterned fills. Chance parses of code, tables and random bytes write no blank unit (their fills
 * are stripes and their literals are the host's bytes), or write them beside ramps and stripes (a
 * table of increasing values between runs of zeros) or beside one raw command reading the host's
 * bytes (nearly all literal: uncompressed data read as a stream). The measurements are in evidence.ts.
 */
import type { StreamShape } from './evidence';
import { coherence } from './score';

/** A quarter or more of the output's 16-byte units blank: a sparse sheet. */
export const MIN_BLANK_SHARE = 0.25;
/**
 * Patterned fills (evidence.ts: ramps, stripes of bytes other than 0x00/0xFF) write at most this
 * share of a sparse sheet's non-blank bytes (measured: at most 34 % in 129 short corpus sheets and
 * 20 short sheets made by code; 100 % in the one homebrew chance parse with blank units, a ramp table).
 */
export const MAX_PATTERNED_NONBLANK = 0.5;
/**
 * Above this share of literal bytes a stream is uncompressed bytes read as one (code or data under
 * a raw header or two); the short sparse sheets measured read at most 96 %, all but 1 of 671 at most 95 %.
 */
export const MAX_LITERAL_SHARE = 0.95;

export interface SparseSheet {
  /** Blank 16-byte units of the output. */
  blank: number;
  /** All 16-byte units of the output. */
  units: number;
  /** Distinct non-blank units. */
  distinct: number;
}

const seen = new Set<number>();

/**
 * The evidence that a short stream's output (`size` bytes in `out`; `shape`: how the stream at
 * its start is built, evidence.ts streamShape) is a sparse sheet, or null: MIN_BLANK_SHARE of its
 * units blank, patterned fills writing at most MAX_PATTERNED_NONBLANK of the rest, and not nearly
 * all literal bytes.
 */
export function sparseSheet(out: Uint8Array, size: number, shape: Pick<StreamShape, 'bytes' | 'literal' | 'patterned'>): SparseSheet | null {
  const units = size >> 4;
  const coh = coherence(out, 0, size, seen);
  const blank = units - coh.nonBlank;
  if (blank < MIN_BLANK_SHARE * units || shape.patterned > MAX_PATTERNED_NONBLANK * 16 * coh.nonBlank) return null;
  if (shape.literal > MAX_LITERAL_SHARE * shape.bytes) return null;
  return { blank, units, distinct: coh.distinct };
}
