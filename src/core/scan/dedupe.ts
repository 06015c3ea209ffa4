/**
 * Reporting each block once, at its true start. A HAL block also "decodes" from offsets inside
 * it (its later command boundaries: the same terminator, less output) and sometimes from a few
 * bytes of unrelated data just before it (a command or two that happen to end where the block
 * begins). So candidates are settled in two steps:
 *
 * 1. Same end (same terminator): walking from the earliest start, keep the outer candidate unless
 *    the inner one scores higher. When the inner start is a command boundary of the outer parse,
 *    the bytes between them decode to a prefix of the outer output; a prefix that looks like the
 *    start of a tile block (blank, or coherent and varied, not one stray fill) lets the outer win
 *    even when it scores slightly lower.
 * 2. Overlapping ranges with different ends: the higher score wins (then the longer, then the
 *    earlier), since real blocks never overlap.
 *
 * Raw tile regions never overlap a HAL block; touching raw regions merge.
 */
import { decodeInto } from '../hal';
import { coherence, startQuality } from './score';
import type { ScanHit } from './types';

/** A block-like prefix may score this much below the inner candidate and still win. */
const REAL_PREFIX_MARGIN = 0.05;

const buf = new Uint8Array(0x10000);
const seen = new Set<number>();

/** Whether `inner` is a command boundary of the stream parsed from `outer`. */
function isBoundary(data: Uint8Array, outer: number, inner: number): boolean {
  let ip = outer;
  while (ip < inner) {
    const b = data[ip]!;
    if (b === 0xff) return false;
    const long = (b & 0xe0) === 0xe0;
    const cmd = long ? (b >> 2) & 7 : b >> 5;
    const n = long ? (((b & 3) << 8) | data[ip + 1]!) + 1 : (b & 0x1f) + 1;
    ip += (long ? 2 : 1) + (cmd === 0 ? n : cmd === 1 || cmd === 3 ? 1 : 2);
  }
  return ip === inner;
}

/**
 * Whether the output `outer` decodes before reaching `inner` (one of its command boundaries)
 * looks like the start of a tile block: mostly blank, or coherent and varied, and not a long run
 * of one stray fill value.
 */
function prefixLooksReal(data: Uint8Array, outer: ScanHit, inner: ScanHit): boolean {
  const k = outer.size - inner.size;
  if (k <= 0) return false;
  const st = decodeInto(data, outer.romOffset, buf, { strict: true });
  if (!st.ok || startQuality(buf, st.size) === 0) return false;
  let blank = 0;
  for (let i = 0; i < k; i++) if (buf[i] === 0 || buf[i] === 0xff) blank++;
  if (blank >= k / 2) return true;
  const c = coherence(buf, 0, k, seen);
  return c.distinct >= 2 && c.mean >= 0.6;
}

function settleSameEnd(data: Uint8Array, group: ScanHit[]): ScanHit {
  group.sort((a, b) => a.romOffset - b.romOffset);
  let cur = group[0]!;
  for (let i = 1; i < group.length; i++) {
    const next = group[i]!;
    const margin = isBoundary(data, cur.romOffset, next.romOffset) && prefixLooksReal(data, cur, next) ? REAL_PREFIX_MARGIN : 0;
    if (cur.score < next.score - margin) cur = next;
  }
  return cur;
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
