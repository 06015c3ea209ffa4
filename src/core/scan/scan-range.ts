/**
 * The single-threaded scan of one range of offsets (what each worker runs on its chunk, and what
 * tests call directly): every offset is tried with the cheap parse (candidates.ts); survivors of
 * a plausible size are decoded (strict, into one reused buffer) and scored (score.ts); candidates
 * are then settled so each block is reported once at its true start (dedupe.ts).
 */
import { decodeInto, HAL_MAX_OUTPUT } from '../hal';
import { parseStream, type ParsedStream } from './candidates';
import { MIN_COMMANDS, streamShape } from './evidence';
import { sparseSheet } from './sparse-sheets';
import { mergeHits, selectHalHits } from './dedupe';
import { findRawRegions, rawRegionOps } from './raw';
import { looksLikeText, scoreTiles } from './score';
import { resolveRange, type ScanHit, type ScanOptions, type ScanState } from './types';

/**
 * Short streams (fewer than MIN_COMMANDS commands) decoding to blocks scoring below this are not
 * graphics enough to consider. Set below what sparse sheets reach (mostly blank tiles score
 * 0.4-0.5); a short stream whose output is a sparse sheet by its blank tiles (sparse-sheets.ts)
 * is kept down to EVIDENT_MIN_SCORE (half-blank 16-tile corpus sheets: 12 % scored 0.25-0.4).
 * Longer streams skip this floor: their own evidence (evidence.ts) decides how sure a
 * hit is, which the tile score alone cannot (hidden reference streams of sparse and VRAM sheets
 * scored 0.27-0.40, and barely compressing ones 0 by the ratio gate: 20 of 1,079 missed).
 */
export const MIN_HAL_SCORE = 0.4;
/**
 * The floor for streams of MIN_COMMANDS commands or more, with no compression-ratio gate: the
 * hidden reference streams scored 0.27 and up (sparse sheets, VRAM dumps); random bytes of 16
 * distinct units score about 0.15 (0.15 for diversity, near 0 for shape and ratio).
 */
export const EVIDENT_MIN_SCORE = 0.25;
/**
 * The work budget per offset of the range, in steps: commands read by the cheap parse plus
 * DECODE_WEIGHT per byte decoded (a decoded byte is also scored: it costs many parse steps).
 * Measured per 64 KiB chunk of the homebrew, generated and demo ROMs: at most 117 commands and
 * 12 decoded bytes per offset (2-8 commands in most), under 520 steps. A ROM where nearly every
 * offset starts a long valid stream (a fill byte with a terminator every 4 KiB) takes about
 * 1,500 commands and 16 Ki decoded bytes per offset.
 * Past the budget, each offset gets at most REDUCED_OUTPUT bytes of output; longer streams are
 * skipped and counted (ScanState.skipped). So a scan's work is bounded in proportion to the
 * ROM's size, and each candidate's by the 64 KiB a HAL stream can hold.
 */
export const WORK_PER_OFFSET = 1024;
export const DECODE_WEIGHT = 32;
/** Largest output tried per offset once the budget is spent. */
export const REDUCED_OUTPUT = 512;
/** Offsets tried between two cancellation checks. */
const CHECK_EVERY = 4096;
/** Offsets tried between two progress reports. */
const PROGRESS_EVERY = 16384;

export interface ScanRangeOptions extends ScanOptions {
  isCancelled?: () => boolean;
  onProgress?: (done: number, total: number) => void;
}

const buf = new Uint8Array(0x10000);
const parsed: ParsedStream = { size: 0, consumed: 0, work: 0 };

/** Work (steps) the last halCandidate call did: commands parsed, plus bytes decoded when it got that far. */
export let candidateWork = 0;

/**
 * The HAL block starting at `offset`, or null (too small, not tiles, or a bad stream). Streams
 * whose output would pass `maxOutput` are not tried (the work budget's per-candidate cap).
 */
export function halCandidate(data: Uint8Array, offset: number, minTiles: number, maxOutput = HAL_MAX_OUTPUT): ScanHit | null {
  const ok = parseStream(data, offset, parsed, maxOutput);
  candidateWork = parsed.work;
  if (!ok) return null;
  if (parsed.size % 16 !== 0 || parsed.size < minTiles * 16) return null;
  const st = decodeInto(data, offset, buf, { strict: true });
  candidateWork += st.ok ? DECODE_WEIGHT * st.size : 0;
  if (!st.ok) return null;
  if (looksLikeText(data, offset, st.consumed)) return null;
  // A stream of MIN_COMMANDS commands or more is judged by how it is built (evidence.ts) more than
  // by how tile-like its output looks: sparse sheets (scattered pixels) and dense ones that barely
  // compress (VRAM dumps, 940 bytes for 1,024) score below MIN_HAL_SCORE, and are kept down to
  // EVIDENT_MIN_SCORE (below it: output that is not tiles at all, such as compressed tile maps).
  const evident = parsed.work - 1 >= MIN_COMMANDS;
  const s = scoreTiles(buf, st.size, st.consumed, { ratioGate: !evident });
  if (s.score < EVIDENT_MIN_SCORE) return null;
  // A short stream needs MIN_HAL_SCORE unless its output is a sparse sheet (sparse-sheets.ts).
  if (!evident && s.score < MIN_HAL_SCORE && !sparseShort(data, offset, st.size)) return null;
  // The depth guess decides the tile count; a block big enough only at 2bpp is reported as 2bpp.
  const bpp = s.tiles >= minTiles ? s.bpp : 2;
  // Not judged yet (empty reasons): selectHalHits judges the few that survive settling.
  return {
    romOffset: offset,
    consumed: st.consumed,
    size: st.size,
    tiles: st.size / (bpp * 8),
    score: s.score,
    kind: 'hal',
    bpp,
    confidence: 'weak',
    reasons: [],
  };
}

/** Whether the short stream at `offset` (decoded into `buf`) is a sparse sheet (sparse-sheets.ts). */
function sparseShort(data: Uint8Array, offset: number, size: number): boolean {
  return sparseSheet(buf, size, streamShape(data, offset)) !== null;
}

/**
 * Tries every offset in [start, end) (streams may run past `end`). Stops early when `isCancelled`
 * says so: the state then covers [start, nextOffset) and `complete` is false.
 */
export function scanRange(data: Uint8Array, opts: ScanRangeOptions): ScanState {
  const r = resolveRange(data.length, opts);
  const total = r.end - r.start;
  const candidates: ScanHit[] = [];
  const budget = WORK_PER_OFFSET * total;
  let work = 0;
  let skipped = 0;
  let i = r.start;
  for (; i < r.end; i++) {
    if ((i - r.start) % CHECK_EVERY === 0 && i > r.start) {
      if (opts.isCancelled?.()) break;
      if ((i - r.start) % PROGRESS_EVERY === 0) opts.onProgress?.(i - r.start, total);
    }
    const reduced = work >= budget;
    const hit = halCandidate(data, i, r.minTiles, reduced ? REDUCED_OUTPUT : HAL_MAX_OUTPUT);
    work += candidateWork;
    if (hit) candidates.push(hit);
    else if (reduced && parsed.size > REDUCED_OUTPUT) skipped++;
  }
  const complete = i >= r.end;
  if (complete) opts.onProgress?.(total, total);
  const hal = selectHalHits(data, candidates);
  const raw = r.includeRaw ? findRawRegions(data, r.start, i, r.minTiles) : [];
  const state: ScanState = { hits: mergeHits(data, hal, raw, rawRegionOps(data, r.minTiles)), nextOffset: i, complete };
  if (skipped) state.skipped = skipped;
  return state;
}
