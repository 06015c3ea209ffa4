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
 *    then an earlier start whose parse reaches the later one through several clean commands,
 *    then the best score less a penalty for an opening no tile sheet has (a ramp, a stripe of
 *    scattered bits: score.ts), then the opening with more blank bytes, then the earliest.
 * 2. Each survivor is judged once (evidence.ts: its confidence and reasons).
 * 3. Overlapping ranges with different ends: the surer wins (pointer, strong, weak), then the
 *    higher score (then the longer, then the earlier), since real blocks never overlap.
 *
 * Raw tile regions never overlap a HAL block; touching raw regions merge.
 */
import { decodeInto } from '../hal';
import { judgeStream } from './evidence';
import { openingBlanks, openingPenalty } from './score';
import { CONFIDENCES, type ScanHit } from './types';
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
  // An earlier start that explains more of the bytes without waste beats a better score: a
  // prefix of PREFIX_COMMANDS well-formed commands that ends exactly where the later start begins
  // is not chance (stray bytes before a block make one to three), while the later start of a
  // sparse sheet skips its blank opening rows and so scores higher.
  // Unless the evidence says otherwise: a weak earlier start does not replace a strong later one.
  const best = judge(data, cur!.hit);
  for (const earlier of ranked) {
    if (earlier === cur || earlier.waste > least || earlier.hit.romOffset >= best.romOffset) continue;
    if (best.romOffset - earlier.hit.romOffset < PREFIX_BYTES || prefixCommands(data, earlier.hit.romOffset, best.romOffset) < PREFIX_COMMANDS) continue;
    const judged = judge(data, earlier.hit);
    if (judged.confidence !== 'weak' || best.confidence === 'weak') return judged;
  }
  return best;
}

/**
 * Commands the parse from `from` takes to reach `to` exactly (a command boundary), or 0 when it
 * steps over `to` (then the two starts only share a terminator, not a stream).
 */
function prefixCommands(data: Uint8Array, from: number, to: number): number {
  let ip = from;
  let n = 0;
  while (ip < to) {
    const h = data[ip++]!;
    if (h === 0xff) return 0;
    const long = (h & 0xe0) === 0xe0;
    const cmd = long ? (h >> 2) & 7 : h >> 5;
    const count = long ? (((h & 3) << 8) | data[ip++]!) + 1 : (h & 0x1f) + 1;
    ip += cmd === 0 ? count : cmd === 1 || cmd === 3 ? 1 : 2;
    n++;
  }
  return ip === to ? n : 0;
}

/** Commands, and bytes, a start must explain beyond a later one's to win over a better score (a few short fills of stray bytes are chance). */
const PREFIX_COMMANDS = 4;
const PREFIX_BYTES = 24;

/** The hit with its verdict (evidence.ts); a hit judged before (it has reasons) is kept as is. */
function judge(data: Uint8Array, hit: ScanHit): ScanHit {
  if (hit.reasons.length > 0) return hit;
  const st = decodeInto(data, hit.romOffset, buf, { strict: true });
  if (!st.ok) return { ...hit, confidence: 'weak', reasons: ['does not decode'] };
  const v = judgeStream(data, hit.romOffset, buf, st.size);
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
  const settled = [...byEnd.values()].map((g) => judge(data, settleSameEnd(data, g)));
  const sureness = (h: ScanHit) => CONFIDENCES.indexOf(h.confidence);
  settled.sort((a, b) => sureness(a) - sureness(b) || b.score - a.score || b.consumed - a.consumed || a.romOffset - b.romOffset);
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
