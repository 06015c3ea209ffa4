/**
 * The single-threaded scan of one range of offsets (what each worker runs on its chunk, and what
 * tests call directly): every offset is tried with the cheap parse (candidates.ts); survivors of
 * a plausible size are decoded (strict, into one reused buffer) and scored (score.ts); candidates
 * are then settled so each block is reported once at its true start (dedupe.ts).
 */
import { decodeInto } from '../hal';
import { parseStream, type ParsedStream } from './candidates';
import { mergeHits, selectHalHits } from './dedupe';
import { findRawRegions, mergeRaw } from './raw';
import { looksLikeText, scoreTiles } from './score';
import { resolveRange, type ScanHit, type ScanOptions, type ScanState } from './types';

/** Decoded blocks scoring below this are not graphics enough to report. */
export const MIN_HAL_SCORE = 0.5;
/** Offsets tried between two cancellation checks. */
const CHECK_EVERY = 4096;
/** Offsets tried between two progress reports. */
const PROGRESS_EVERY = 16384;

export interface ScanRangeOptions extends ScanOptions {
  isCancelled?: () => boolean;
  onProgress?: (done: number, total: number) => void;
}

const buf = new Uint8Array(0x10000);
const parsed: ParsedStream = { size: 0, consumed: 0 };

/** The HAL block starting at `offset`, or null (too small, not tiles, or a bad stream). */
export function halCandidate(data: Uint8Array, offset: number, minTiles: number): ScanHit | null {
  if (!parseStream(data, offset, parsed)) return null;
  if (parsed.size % 16 !== 0 || parsed.size < minTiles * 16) return null;
  const st = decodeInto(data, offset, buf, { strict: true });
  if (!st.ok) return null;
  if (looksLikeText(data, offset, st.consumed)) return null;
  const s = scoreTiles(buf, st.size, st.consumed);
  if (s.score < MIN_HAL_SCORE) return null;
  // The depth guess decides the tile count; a block big enough only at 2bpp is reported as 2bpp.
  const bpp = s.tiles >= minTiles ? s.bpp : 2;
  return { romOffset: offset, consumed: st.consumed, size: st.size, tiles: st.size / (bpp * 8), score: s.score, kind: 'hal', bpp };
}

/**
 * Tries every offset in [start, end) (streams may run past `end`). Stops early when `isCancelled`
 * says so: the state then covers [start, nextOffset) and `complete` is false.
 */
export function scanRange(data: Uint8Array, opts: ScanRangeOptions): ScanState {
  const r = resolveRange(data.length, opts);
  const total = r.end - r.start;
  const candidates: ScanHit[] = [];
  let i = r.start;
  for (; i < r.end; i++) {
    if ((i - r.start) % CHECK_EVERY === 0 && i > r.start) {
      if (opts.isCancelled?.()) break;
      if ((i - r.start) % PROGRESS_EVERY === 0) opts.onProgress?.(i - r.start, total);
    }
    const hit = halCandidate(data, i, r.minTiles);
    if (hit) candidates.push(hit);
  }
  const complete = i >= r.end;
  if (complete) opts.onProgress?.(total, total);
  const hal = selectHalHits(data, candidates);
  const raw = r.includeRaw ? findRawRegions(data, r.start, i, r.minTiles) : [];
  return { hits: mergeHits(data, hal, raw, (a, b) => mergeRaw(data, a, b)), nextOffset: i, complete };
}
