/**
 * The probe measures of issue 23, shared by the unit test and the "codecs" bench group: false
 * positives in real ROMs without such data and in generated 16-bit tables, and recall on streams
 * hidden in those ROMs (into 0x00/0xFF filler and over code) at their exact start and length.
 */
import { corpusSlices, hideBlocks } from '../../scan/hidden-blocks';
import type { Codec } from '../types';
import { numericTables, TABLE_KINDS } from './numeric-tables';
import { probeEveryOffset, scoreRecall, type RecallScore } from './probe-every-offset';

/** The smallest block the measures judge: 16 tiles of 4bpp. */
export const MIN_BLOCK = 512;

/** Strong hits in the tables of each seed: all kinds mixed, then each kind alone (64 KiB each). */
export function tableStrongHits(codec: Codec, seeds: readonly number[]): { bytes: number; judged: number; strong: number } {
  let bytes = 0;
  let judged = 0;
  let strong = 0;
  for (const seed of seeds) {
    for (const kinds of [TABLE_KINDS, ...TABLE_KINDS.map((k) => [k])]) {
      const data = numericTables(seed, 0x10000, kinds);
      const run = probeEveryOffset(codec, data, MIN_BLOCK);
      bytes += data.length;
      judged += run.tally.judged;
      strong += run.tally.strong;
    }
  }
  return { bytes, judged, strong };
}

/**
 * Recall in `host`: `references` (whole reference streams) and `slices` slices of the sheets in
 * `sheets` compressed by the codec (its levels in turn) hidden in it, then a probe run over it.
 */
export function hiddenRecall(
  codec: Codec,
  host: Uint8Array,
  sheets: readonly Uint8Array[],
  references: readonly Uint8Array[],
  slices: number,
  seed: number,
): RecallScore {
  const levels = codec.levels.length ? codec.levels : [undefined];
  const cut = corpusSlices(sheets, slices, seed, (s, k) => codec.encode(s, { level: levels[k % levels.length] }));
  const hidden = hideBlocks(host, [...references, ...cut], seed);
  return scoreRecall(probeEveryOffset(codec, hidden.data, MIN_BLOCK), hidden.blocks);
}
