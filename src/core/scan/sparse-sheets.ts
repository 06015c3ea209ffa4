/**
 * Small and sparse sheets: a 16-tile sheet half of whose tiles are blank compresses to a handful
 * of commands (the blank tiles are one solid fill each, or one for a run of them), too few for the
 * command count alone to say it is not a chance parse (evidence.ts, MIN_COMMANDS). Its output
 * says it instead: whole blank tiles (16-byte units of 0x00 or 0xFF, at unit boundaries) beside
 * as many distinct non-blank ones (a quarter of the units or more), which literals, copies and solid fills write (pixel rows), not
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
 * A quarter or more of the output's units distinct and not blank: a small sheet's content is its
 * drawn tiles. A chance parse in bytes rich in 0x00/0xFF writes its bulk with one long solid fill
 * beside a handful of units (in random bytes with 10-75 % of 0x00/0xFF: 80-95 % blank, 4-11
 * distinct units, at most 20 % of the units); half-blank 16-tile sheets reach 25 % and more.
 */
export const MIN_DISTINCT_SHARE = 0.25;
/**
 * Patterned fills (evidence.ts: ramps, stripes of bytes other than 0x00/0xFF) write at most this
 * share of a sparse sheet's non-blank bytes (measured: at most 34 % in 129 short corpus sheets and
 * 20 short sheets made by code; 100 % in the one homebrew chance parse with blank units, a ramp table).
 */
export const MAX_PATTERNED_NONBLANK = 0.5;
/**
 * Graphics compress at most about this much (score.ts ratioScore falls to 0 here: a few long fills
 * are what garbage streams decode to); short sparse sheets measured reach 12.8:1, chance parses of
 * 0x00/0xFF-rich random bytes 30-100:1 (a dozen bytes for a kilobyte).
 */
export const MAX_RATIO = 16;
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
 * units blank and MIN_DISTINCT_SHARE distinct non-blank ones, patterned fills writing at most
 * MAX_PATTERNED_NONBLANK of the non-blank bytes, not nearly all literal bytes, and compressed at
 * most MAX_RATIO to 1.
 */
export function sparseSheet(out: Uint8Array, size: number, shape: Pick<StreamShape, 'bytes' | 'literal' | 'patterned'>): SparseSheet | null {
  const units = size >> 4;
  const coh = coherence(out, 0, size, seen);
  const blank = units - coh.nonBlank;
  if (blank < MIN_BLANK_SHARE * units || coh.distinct < MIN_DISTINCT_SHARE * units) return null;
  if (shape.patterned > MAX_PATTERNED_NONBLANK * 16 * coh.nonBlank) return null;
  if (shape.literal > MAX_LITERAL_SHARE * shape.bytes || size > MAX_RATIO * shape.bytes) return null;
  return { blank, units, distinct: coh.distinct };
}
