/**
 * Reporting each block once, at its true start. A HAL block also "decodes" from offsets inside
 * it (its later command boundaries, or bytes that happen to parse until they meet one: the same
 * terminator, other output) and sometimes from a few bytes of unrelated data just before it (a
 * command or two that happen to end where the block, or one of its commands, begins). So
 * candidates are settled in two steps:
 *
 * 1. Same end (same terminator): the candidate whose stream an encoder would have written wins
 *    (fewest places where a strictly shorter encoding was one local change away: waste.ts; a
 *    wrong start reads literals as commands and copies from shifted sources, and trips them),
 *    then the best score less a penalty for an opening no tile sheet has (a ramp, a stripe of
 *    scattered bits: score.ts), then the opening with more blank bytes, then the earliest.
 * 2. Overlapping ranges with different ends: the higher score wins (then the longer, then the
 *    earlier), since real blocks never overlap.
 *
 * Raw tile regions never overlap a HAL block; touching raw regions merge.
 */
import { decodeInto } from '../hal';
import { openingBlanks, openingPenalty } from './score';
import type { ScanHit } from './types';
import { countWaste } from './waste';

const buf = new Uint8Array(0x10000);

interface Ranked {
  hit: ScanHit;
  /** Places where an encoder would have written a shorter stream (waste.ts). */
  waste: number;
  /** The score, less a penalty for an opening no tile sheet has (score.ts). */
  adjusted: number;
  blanks: number;
}

function rank(data: Uint8Array, hit: ScanHit): Ranked {
  const st = decodeInto(data, hit.romOffset, buf, { strict: true });
  if (!st.ok) return { hit, waste: Infinity, adjusted: -1, blanks: 0 };
  const adjusted = Math.round((hit.score - openingPenalty(buf, st.size)) * 1000) / 1000;
  return { hit, waste: countWaste(data, hit.romOffset, buf, st.size), adjusted, blanks: openingBlanks(buf, st.size) };
}

function settleSameEnd(data: Uint8Array, group: ScanHit[]): ScanHit {
  if (group.length === 1) return group[0]!;
  group.sort((a, b) => a.romOffset - b.romOffset);
  const ranked = group.map((h) => rank(data, h));
  const least = Math.min(...ranked.map((r) => r.waste));
  let cur: Ranked | null = null;
  for (const next of ranked) {
    if (next.waste > least) continue;
    if (!cur || cur.adjusted < next.adjusted || (cur.adjusted === next.adjusted && cur.blanks < next.blanks)) cur = next;
  }
  return cur!.hit;
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
  const settled = [...byEnd.values()].map((g) => settleSameEnd(data, g));
  settled.sort((a, b) => b.score - a.score || b.consumed - a.consumed || a.romOffset - b.romOffset);
  const kept: ScanHit[] = [];
  for (const h of settled) if (!kept.some((k) => overlaps(k, h))) kept.push(h);
  return kept.sort((a, b) => a.romOffset - b.romOffset);
}

/** Raw regions minus those overlapping a HAL hit, touching ones merged; sorted by offset. */
export function settleRawHits(raw: ScanHit[], hal: ScanHit[], merge: (a: ScanHit, b: ScanHit) => ScanHit): ScanHit[] {
  const sorted = raw.filter((r) => !hal.some((h) => overlaps(h, r))).sort((a, b) => a.romOffset - b.romOffset);
  const out: ScanHit[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && last.romOffset + last.consumed >= r.romOffset) out[out.length - 1] = merge(last, r);
    else out.push(r);
  }
  return out;
}

/** Merges two scan results' hits into one settled, sorted list (used across chunk borders). */
export function mergeHits(data: Uint8Array, a: ScanHit[], b: ScanHit[], mergeRaw: (x: ScanHit, y: ScanHit) => ScanHit): ScanHit[] {
  const all = [...a, ...b];
  const hal = selectHalHits(
    data,
    all.filter((h) => h.kind === 'hal'),
  );
  const raw = settleRawHits(
    all.filter((h) => h.kind === 'raw'),
    hal,
    mergeRaw,
  );
  return [...hal, ...raw].sort((x, y) => x.romOffset - y.romOffset);
}
