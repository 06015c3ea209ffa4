/**
 * Uncompressed tile regions (kind 'raw'): runs of 16-byte units on the absolute 16-byte grid that
 * look like planar tile rows (coherent rows), allowing blank stretches and a few noisy units
 * inside. Finding is deliberately generous (real sprite sheets have many detailed units: in the
 * Kirby Super Star VRAM dumps 30 % of the units are under the old 0.35 coherence bar, and sheets
 * came out in pieces); whether a region is graphics is judged by raw-evidence.ts (its
 * `confidence` and `reasons`), and the scan reports the kind only on request. Scores are scaled
 * down: less sure than a HAL block.
 *
 * A region belongs to the range holding its first unit and may run past the range's end, so a
 * chunked scan finds every region exactly once, whatever the chunk borders.
 */
import { coherence, guessBpp, unitCoherence, isBlank, shapeOf } from './score';
import { judgeRaw, splitRegion } from './raw-evidence';
import type { ScanHit } from './types';

/** A unit this coherent counts as tile-like (code: 11 % of units pass, Kirby Super Star VRAM tiles: 77 %). */
const GOOD_UNIT = 0.25;
/** Blank units a region may hold in a row (empty tiles inside a sheet). */
const MAX_BLANK_RUN = 8;
/** Units a region may hold in a row that are not tile-like, blank ones included (detailed or dithered tiles)... */
const MAX_BAD_RUN = 8;
/** ... of which at most this many are not blank. */
const MAX_BAD_UNITS = 5;
/** Raw regions report at most this score: less sure than a HAL block. */
const RAW_SCORE_SCALE = 0.6;
/** Regions scoring less are not tiles at all (shape under 0.33). */
const MIN_SCORE = 0.2;

const Unit = { Bad: 0, Blank: 1, Good: 2 } as const;
type Unit = (typeof Unit)[keyof typeof Unit];

function unitAt(data: Uint8Array, u: number): Unit {
  if (u < 0 || u + 16 > data.length) return Unit.Bad;
  if (isBlank(data, u)) return Unit.Blank;
  return unitCoherence(data, u) >= GOOD_UNIT ? Unit.Good : Unit.Bad;
}

/** Whether a run of `run` non-good units holding `bad` bad ones may sit inside a region. */
function bridgeable(run: number, bad: number): boolean {
  return bad === 0 ? run <= MAX_BLANK_RUN : run <= MAX_BAD_RUN && bad <= MAX_BAD_UNITS;
}

/** True when a good unit lies before `u` across a bridgeable run (so `u` continues a region). */
function continuesRegion(data: Uint8Array, u: number): boolean {
  let bad = 0;
  for (let k = 1; k <= Math.max(MAX_BLANK_RUN, MAX_BAD_RUN) + 1; k++) {
    const s = unitAt(data, u - 16 * k);
    if (s === Unit.Good) return true;
    if (s === Unit.Bad) bad++;
    if (!bridgeable(k, bad)) return false;
  }
  return false;
}

const seen = new Set<number>();

/** Raw tile regions whose first unit lies in [start, end); `minTiles` at the guessed depth. */
export function findRawRegions(data: Uint8Array, start: number, end: number, minTiles: number): ScanHit[] {
  const hits: ScanHit[] = [];
  let u = Math.ceil(start / 16) * 16;
  while (u < end) {
    if (unitAt(data, u) !== Unit.Good || continuesRegion(data, u)) {
      u += 16;
      continue;
    }
    // Extend over good units and bridgeable runs that a good unit follows.
    let last = u;
    let bad = 0;
    for (let v = u + 16; ; v += 16) {
      const s = unitAt(data, v);
      if (s === Unit.Good) {
        last = v;
        bad = 0;
        continue;
      }
      if (s === Unit.Bad) bad++;
      if (!bridgeable((v - last) / 16, bad) || v + 16 > data.length) break;
    }
    for (const [from, to] of splitRegion(data, u, last + 16 - u)) {
      const hit = rawHit(data, from, to - from, minTiles);
      if (hit) hits.push(hit);
    }
    u = last + 16;
  }
  return hits;
}

/** A raw hit for data[offset, offset + size), or null when it is too small or too repetitive. */
export function rawHit(data: Uint8Array, offset: number, size: number, minTiles: number): ScanHit | null {
  const view = data.subarray(offset, offset + size);
  let bpp = guessBpp(view, size);
  if (Math.floor(size / (bpp * 8)) < minTiles) bpp = 2;
  const tiles = Math.floor(size / (bpp * 8));
  if (tiles < minTiles) return null;
  const c = coherence(view, 0, size, seen);
  if (c.distinct < 4 || c.distinct < c.nonBlank / 4) return null;
  const score = Math.round(RAW_SCORE_SCALE * shapeOf(c) * 1000) / 1000;
  if (score < MIN_SCORE) return null;
  const verdict = judgeRaw(data, offset, size, c.distinct);
  return {
    romOffset: offset,
    consumed: size,
    size,
    tiles,
    score,
    kind: 'raw',
    bpp,
    confidence: verdict.confidence,
    reasons: [`uncompressed tile rows (coherence ${c.mean.toFixed(2)})`, ...verdict.reasons],
  };
}

/** How a scan of `data` merges and cuts raw regions when it settles its hits (dedupe.ts mergeHits). */
export interface RawRegionOps {
  /** Two overlapping raw regions as one (re-scored). */
  merge(a: ScanHit, b: ScanHit): ScanHit;
  /** The region over [start, end) re-judged, or null when too little is left. */
  trim(start: number, end: number): ScanHit | null;
}

export function rawRegionOps(data: Uint8Array, minTiles: number): RawRegionOps {
  return { merge: (a, b) => mergeRaw(data, a, b), trim: (s, e) => rawHit(data, s, e - s, minTiles) };
}

/** Two overlapping raw regions as one (re-scored). */
export function mergeRaw(data: Uint8Array, a: ScanHit, b: ScanHit): ScanHit {
  const start = Math.min(a.romOffset, b.romOffset);
  const end = Math.max(a.romOffset + a.consumed, b.romOffset + b.consumed);
  return rawHit(data, start, end - start, 1) ?? (a.score >= b.score ? a : b);
}
