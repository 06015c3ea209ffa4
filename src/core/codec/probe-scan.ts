/**
 * A codec's probe tried at every offset of a buffer, as the scanner does: the candidate test, then
 * a strict decode, then (for streams of at least `minSize` bytes) the judge. What the probe tests
 * and benchmarks measure on real ROMs and generated data.
 */
import type { Codec } from './types';

export interface ProbeHit {
  offset: number;
  /** Bytes of the buffer the stream occupies. */
  consumed: number;
  /** Decoded bytes. */
  size: number;
  confidence: 'strong' | 'weak';
  reasons: string[];
}

export interface ProbeScan {
  /** Offsets the candidate test passed. */
  candidates: number;
  /** Of those, streams that decoded strictly to at least `minSize` bytes, with the judge's verdict. */
  hits: ProbeHit[];
}

export interface ProbeScanOptions {
  /** Shortest decoded stream worth judging (default 512). */
  minSize?: number;
  /** Output limit per decode (default the codec's). */
  maxOutput?: number;
  /** A buffer of at least `maxOutput` bytes to decode into (default: one allocated per call). */
  out?: Uint8Array;
}

export function probeScan(codec: Codec, src: Uint8Array, opts: ProbeScanOptions = {}): ProbeScan {
  const probe = codec.probe;
  if (!probe) throw new Error(`codec ${codec.id} has no probe`);
  const minSize = opts.minSize ?? 512;
  const maxOutput = opts.maxOutput ?? codec.maxOutput;
  const out = opts.out ?? new Uint8Array(maxOutput);
  const hits: ProbeHit[] = [];
  let candidates = 0;
  for (let offset = 0; offset < src.length; offset++) {
    if (!probe.candidate(src, offset, maxOutput)) continue;
    candidates++;
    const st = codec.decodeInto(src, offset, out, { strict: true, maxOutput });
    if (!st.ok || st.size < minSize) continue;
    const verdict = probe.judge(src, offset, st.consumed, out.subarray(0, st.size));
    hits.push({ offset, consumed: st.consumed, size: st.size, ...verdict });
  }
  return { candidates, hits };
}

/** The strong hits of a scan. */
export function strongHits(scan: ProbeScan): ProbeHit[] {
  return scan.hits.filter((h) => h.confidence === 'strong');
}

/**
 * One hit per end byte: the one that starts first. Self-delimiting streams that end at the same byte
 * overlap: every command boundary inside an RLE stream starts a shorter valid stream, and ZX0's
 * bit stream falls back into step when started a byte or two off. A scanner keeps one of them.
 */
export function firstPerEnd(hits: ProbeHit[]): ProbeHit[] {
  const byEnd = new Map<number, ProbeHit>();
  for (const h of hits) {
    const end = h.offset + h.consumed;
    const seen = byEnd.get(end);
    if (!seen || h.offset < seen.offset) byEnd.set(end, h);
  }
  return [...byEnd.values()].sort((a, b) => a.offset - b.offset);
}
