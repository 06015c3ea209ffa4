/**
 * Reporting each block once, at its true start. A HAL block also "decodes" from offsets inside
 * it (its later command boundaries, or bytes that happen to parse until they meet one: the same
 * terminator, other output) and sometimes from a few bytes of unrelated data just before it (a
 * command or two that happen to end where the block, or one of its commands, begins). So
 * candidates are settled in two steps:
 *
 * 1. Same end (same terminator): only the candidates whose stream an encoder would have written
 *    compete (fewest places where a strictly shorter encoding was one local change away:
 *    waste.ts; a wrong start reads literals as commands and copies from shifted sources, and
 *    trips them). Of two, in offset order, the earlier explains more bytes and wins, unless the
 *    commands it reads before the later start are stray bytes: mostly patterned fills (code and
 *    tables in front of a block; evidence.ts strayFills). Only when those carry too little
 *    structure (fewer than PREFIX_COMMANDS headers, or nearly all literal bytes: chance, either
 *    stray bytes running into the block or a start a command into it) does what precedes each
 *    start decide, when only one of them is at a block boundary (after filler or another stream's
 *    terminator: boundary.ts); failing that the output decides: the better score less a penalty for an
 *    opening no tile sheet has (a ramp, a stripe of scattered bits: score.ts), then the earlier. (Deciding by score first, as before, lost the true
 *    start of sheets whose first commands write blank rows to a later start scoring higher.)
 * 2. Each survivor is judged once (evidence.ts: its confidence and reasons); a weak one yields to
 *    a strong later start with the same end.
 * 3. Overlapping ranges with different ends: the surer wins (pointer, strong, weak), then the
 *    higher score (then the longer, then the earlier), since real blocks never overlap.
 *
 * Raw tile regions never overlap a HAL block that is not weak (they are cut around it); overlapping raw regions merge.
 */
import { decodeInto } from '../hal';
import { atBoundary } from './boundary';
import { judgeStream, strayFills, streamShape, structuredPrefix } from './evidence';
import type { RawRegionOps } from './raw';
import { openingPenalty } from './score';
import { CONFIDENCES, type ScanHit } from './types';
import { countWaste } from './waste';

const buf = new Uint8Array(0x10000);

interface Ranked {
  hit: ScanHit;
  /** Places where an encoder would have written a shorter stream (waste.ts). */
  waste: number;
  /** The score, less a penalty for an opening no tile sheet has (score.ts). */
  adjusted: number;
}

function rank(data: Uint8Array, hit: ScanHit): Ranked {
  const st = decodeInto(data, hit.romOffset, buf, { strict: true });
  if (!st.ok) return { hit, waste: Infinity, adjusted: -1 };
  const adjusted = Math.round((hit.score - openingPenalty(buf, st.size)) * 1000) / 1000;
  return { hit, waste: countWaste(data, hit.romOffset, buf, st.size), adjusted };
}

/** Of two clean starts with one terminator, the likelier true start (see the module comment). */
function truerStart(data: Uint8Array, earlier: Ranked, later: Ranked, ends: ReadonlySet<number>): Ranked {
  const prefix = streamShape(data, earlier.hit.romOffset, later.hit.romOffset);
  if (strayFills(prefix)) return later;
  if (structuredPrefix(prefix)) return earlier;
  // Too few commands to tell by structure: what precedes each start (boundary.ts) decides when
  // only one of them is where a game stores a block (after filler or another block).
  const before = atBoundary(data, earlier.hit.romOffset, ends);
  if (before !== atBoundary(data, later.hit.romOffset, ends)) return before ? earlier : later;
  // A header or three, or nearly all literal bytes: chance either way (stray bytes in front, or a
  // start a command into the block), so the output decides: the better score, less the penalty
  // for an opening no sheet has; on a tie the earlier, which explains more bytes.
  return later.adjusted > earlier.adjusted ? later : earlier;
}

function settleSameEnd(data: Uint8Array, group: ScanHit[], ends: ReadonlySet<number>): ScanHit {
  if (group.length === 1) return group[0]!;
  group.sort((a, b) => a.romOffset - b.romOffset);
  const ranked = group.map((h) => rank(data, h));
  const least = Math.min(...ranked.map((r) => r.waste));
  const clean = ranked.filter((r) => r.waste === least);
  let cur = clean[0]!;
  for (const next of clean.slice(1)) cur = truerStart(data, cur, next, ends);
  const best = judge(data, cur.hit, ends);
  if (best.confidence !== 'weak') return best;
  // A weak start yields to a strong later one: what speaks against it is in what it adds.
  for (const later of clean) {
    if (later.hit.romOffset <= best.romOffset) continue;
    const judged = judge(data, later.hit, ends);
    if (judged.confidence !== 'weak') return judged;
  }
  return best;
}

/** The hit with its verdict (evidence.ts); a hit judged before (it has reasons) is kept as is. */
function judge(data: Uint8Array, hit: ScanHit, ends: ReadonlySet<number>): ScanHit {
  if (hit.reasons.length > 0) return hit;
  const st = decodeInto(data, hit.romOffset, buf, { strict: true });
  if (!st.ok) return { ...hit, confidence: 'weak', reasons: ['does not decode'] };
  const v = judgeStream(data, hit.romOffset, buf, st.size, atBoundary(data, hit.romOffset, ends));
  return { ...hit, confidence: v.confidence, reasons: v.reasons };
}

function overlaps(a: ScanHit, b: ScanHit): boolean {
  return a.romOffset < b.romOffset + b.consumed && b.romOffset < a.romOffset + a.consumed;
}

/** Settles HAL candidates (see the module comment); returns the survivors sorted by offset. */
export function selectHalHits(data: Uint8Array, candidates: ScanHit[]): ScanHit[] {
  const byEnd = new Map<number, ScanHit[]>();
  for (const c of candidates) {
    const end = c.romOffset + c.consumed;
    const g = byEnd.get(end);
    if (g) g.push(c);
    else byEnd.set(end, [c]);
  }
  const ends = new Set(byEnd.keys());
  const settled = [...byEnd.values()].map((g) => judge(data, settleSameEnd(data, g, ends), ends));
  const sureness = (h: ScanHit) => CONFIDENCES.indexOf(h.confidence);
  settled.sort((a, b) => sureness(a) - sureness(b) || b.score - a.score || b.consumed - a.consumed || a.romOffset - b.romOffset);
  const kept: ScanHit[] = [];
  for (const h of settled) if (!kept.some((k) => overlaps(k, h))) kept.push(h);
  return kept.sort((a, b) => a.romOffset - b.romOffset);
}

/** A raw region re-judged over [start, end), or null when too little is left (raw.ts rawHit). */
export type RawTrim = (start: number, end: number) => ScanHit | null;

/** The parts of raw region `r` outside the HAL hits `sure` (each re-judged by `trim`), or none without `trim`. */
function outside(r: ScanHit, sure: ScanHit[], trim: RawTrim | undefined): ScanHit[] {
  const over = sure.filter((h) => overlaps(h, r)).sort((a, b) => a.romOffset - b.romOffset);
  if (over.length === 0) return [r];
  if (!trim) return [];
  const pieces: ScanHit[] = [];
  let from = r.romOffset;
  for (const h of [...over, null]) {
    // Whole 16-byte units only: the part before a block ends at the unit holding its start.
    const to = h ? Math.floor(h.romOffset / 16) * 16 : r.romOffset + r.consumed;
    const piece = to > from ? trim(from, to) : null;
    if (piece) pieces.push(piece);
    if (h) from = Math.max(from, Math.ceil((h.romOffset + h.consumed) / 16) * 16);
  }
  return pieces;
}

/**
 * Raw regions minus their bytes inside a HAL hit that is not weak (the parts left re-judged by
 * `trim`; without it a region overlapping one is dropped), overlapping ones merged; sorted by offset.
 * A weak HAL hit (a few commands that happen to parse) does not cut a raw region: real
 * uncompressed tiles parse as such streams now and then.
 */
export function settleRawHits(raw: ScanHit[], hal: ScanHit[], merge: (a: ScanHit, b: ScanHit) => ScanHit, trim?: RawTrim): ScanHit[] {
  const sure = hal.filter((h) => h.confidence !== 'weak');
  const sorted = raw.flatMap((r) => outside(r, sure, trim)).sort((a, b) => a.romOffset - b.romOffset);
  const out: ScanHit[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    // Overlapping only: touching regions are parts of one cut where tiles meet a table (raw-evidence.ts).
    if (last && last.romOffset + last.consumed > r.romOffset) out[out.length - 1] = merge(last, r);
    else out.push(r);
  }
  return out;
}

/** Merges two scan results' hits into one settled, sorted list (used across chunk borders). */
export function mergeHits(data: Uint8Array, a: ScanHit[], b: ScanHit[], rawOps: RawRegionOps): ScanHit[] {
  const all = [...a, ...b];
  const hal = selectHalHits(
    data,
    all.filter((h) => h.kind === 'hal'),
  );
  const raw = settleRawHits(
    all.filter((h) => h.kind === 'raw'),
    hal,
    (x, y) => rawOps.merge(x, y),
    (s, e) => rawOps.trim(s, e),
  );
  return [...hal, ...raw].sort((x, y) => x.romOffset - y.romOffset);
}
