/**
 * The scanner's view of one codec, measured: at every offset of some bytes, the probe's cheap
 * candidate test, then a strict decode, then (for output of at least `minOutput` bytes) the
 * judge. Used by the unit test and the "codecs" bench group to count false positives on ROMs
 * without such data and in generated tables, and recall on streams hidden in those ROMs.
 */
import type { Codec } from '../types';

export interface ProbeHit {
  offset: number;
  consumed: number;
  size: number;
  confidence: 'strong' | 'weak';
  reasons: string[];
}

export interface ProbeTally {
  offsets: number;
  /** Offsets the candidate test let through. */
  candidates: number;
  /** Candidates that decoded (strict). */
  decoded: number;
  /** Decoded to at least `minOutput` bytes, so judged. */
  judged: number;
  strong: number;
}

export interface ProbeRun {
  tally: ProbeTally;
  /** Every judged candidate, in offset order. */
  hits: ProbeHit[];
}

/** Runs the probe of `codec` (which must have one) at every offset of `data` in [start, end). */
export function probeEveryOffset(codec: Codec, data: Uint8Array, minOutput: number, start = 0, end = data.length): ProbeRun {
  const probe = codec.probe;
  if (!probe) throw new RangeError(`codec "${codec.id}" has no probe`);
  const out = new Uint8Array(codec.maxOutput);
  const tally: ProbeTally = { offsets: end - start, candidates: 0, decoded: 0, judged: 0, strong: 0 };
  const hits: ProbeHit[] = [];
  for (let off = start; off < end; off++) {
    if (!probe.candidate(data, off, codec.maxOutput)) continue;
    tally.candidates++;
    const st = codec.decodeInto(data, off, out, { strict: true });
    if (!st.ok) continue;
    tally.decoded++;
    if (st.size < minOutput) continue;
    tally.judged++;
    const v = probe.judge(data, off, st.consumed, out.subarray(0, st.size));
    if (v.confidence === 'strong') tally.strong++;
    hits.push({ offset: off, consumed: st.consumed, size: st.size, confidence: v.confidence, reasons: v.reasons });
  }
  return { tally, hits };
}

export interface RecallScore {
  hidden: number;
  /** Hidden streams judged strong at their exact start with their exact length. */
  found: number;
  /**
   * Strong hits at another start that end where a hidden stream ends: a later command boundary
   * inside it, or stray bytes before it parsed into it. A scanner settles these to one block per
   * end (as src/core/scan/dedupe.ts does for HAL); they are counted, not scored.
   */
  alternates: number;
  /** Other strong hits: false positives. */
  stray: number;
  /** Hidden streams missed, with the probe's reasons (or why it never judged them). */
  missed: { offset: number; why: string }[];
}

/** Scores a probe run over a ROM with streams hidden at `blocks`. */
export function scoreRecall(run: ProbeRun, blocks: readonly { romOffset: number; consumed: number }[]): RecallScore {
  const byStart = new Map(run.hits.map((h) => [h.offset, h]));
  const sorted = [...blocks].sort((a, b) => a.romOffset - b.romOffset);
  const ends = new Set(sorted.map((b) => b.romOffset + b.consumed));
  const score: RecallScore = { hidden: blocks.length, found: 0, alternates: 0, stray: 0, missed: [] };
  for (const b of sorted) {
    const h = byStart.get(b.romOffset);
    if (h && h.confidence === 'strong' && h.consumed === b.consumed) score.found++;
    else
      score.missed.push({
        offset: b.romOffset,
        why: h ? `${h.confidence}, ${h.consumed} bytes: ${h.reasons.join('; ')}` : 'not judged (candidate or decode refused it)',
      });
  }
  const starts = new Set(sorted.map((b) => b.romOffset));
  for (const h of run.hits) {
    if (h.confidence !== 'strong' || starts.has(h.offset)) continue;
    if (ends.has(h.offset + h.consumed)) score.alternates++;
    else score.stray++;
  }
  return score;
}
