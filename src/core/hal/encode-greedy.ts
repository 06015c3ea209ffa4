/**
 * inhal's one-pass greedy compressor, byte for byte (format doc §5): level "greedy" is `inhal -2`,
 * level "fast" is `inhal -1` (no increasing fill, no bit-reversed or backwards copy). Its quirks are
 * kept (the word-fill cap, no FF->00 wrap, decisions by covered length, ties to the run, then to
 * the earlier method, then to the lowest source); its bugs are not (the stream is always complete).
 *
 * The exact longest match with the lowest source comes from the suffix-array MatchFinder instead
 * of inhal's near-quadratic memmem scan.
 */
import { CMD_BYTE_FILL, CMD_INC_FILL, CMD_WORD_FILL, MAX_COUNT, StreamWriter, TERMINATOR } from './commands';
import { KIND_BACK, KIND_BITREV, KIND_COPY, MatchFinder } from './match-finder';
import { byteRuns, increasingRuns, wordRuns } from './runs';

export function encodeGreedy(input: Uint8Array, fast: boolean): Uint8Array {
  const n = input.length;
  const run8 = byteRuns(input);
  const words = wordRuns(input);
  const inc = fast ? null : increasingRuns(input, false);
  const finder = new MatchFinder(input, fast);
  const kinds = fast ? [KIND_COPY] : [KIND_COPY, KIND_BITREV, KIND_BACK];
  const w = new StreamWriter(n + (n >> 9) + 16);
  let litStart = 0;
  let litCount = 0;
  const flush = (): void => {
    if (litCount) w.raw(input, litStart, litCount);
    litCount = 0;
  };

  let i = 0;
  while (i < n) {
    const rem = n - i;
    let bestR = 0;
    let runCmd = 0;
    let L = Math.min(run8[i]!, MAX_COUNT);
    if (L > 2) {
      bestR = L;
      runCmd = CMD_BYTE_FILL;
    }
    L = 2 * Math.min(words[i]!, 1025);
    if (L >= 2048) L = 2048;
    else if (L > 1024) L = 1024;
    if (L > 2 && L > bestR) {
      bestR = L;
      runCmd = CMD_WORD_FILL;
    }
    if (inc) {
      L = Math.min(inc[i]!, MAX_COUNT);
      if (L > 2 && L > bestR) {
        bestR = L;
        runCmd = CMD_INC_FILL;
      }
    }
    let bestB = 0;
    let refKind = 0;
    if (bestR < MAX_COUNT && rem >= 4) {
      for (const kind of kinds) {
        L = Math.min(finder.longest(kind, i), MAX_COUNT);
        if (L >= 4 && L > bestB) {
          bestB = L;
          refKind = kind;
        }
      }
    }
    if (bestB > bestR) {
      flush();
      w.copy(4 + refKind, bestB, finder.lowestSource(refKind, i, bestB));
      i += bestB;
    } else if (bestR >= 3) {
      flush();
      w.header(runCmd, runCmd === CMD_WORD_FILL ? bestR >> 1 : bestR);
      w.byte(input[i]!);
      if (runCmd === CMD_WORD_FILL) w.byte(input[i + 1]!);
      i += bestR;
    } else {
      if (litCount === 0) litStart = i;
      litCount++;
      i++;
      if (litCount === MAX_COUNT) flush();
    }
  }
  flush();
  w.byte(TERMINATOR);
  return w.finish();
}
