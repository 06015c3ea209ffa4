/**
 * The LC_LZ2 encoder: the optimal parse (lunar/parse.ts) over byte, word and increasing fills and
 * repeats from any earlier address (the longest match per position, exact, from a suffix array:
 * shared/match-text.ts). The same command set and costs as sfc-comp's zelda_comp_2, so its streams
 * (../shared/fixtures/lz) are the size ours are.
 */
import { byteRuns, increasingRuns } from '../../hal/runs';
import { KIND_FORWARD, MatchText, SourceSet } from '../shared/match-text';
import { periodTwoRuns } from '../shared/runs';
import { emitParse, optimalParse, type Channel } from '../lunar/parse';

/** Channels in parse order: their commands, and the counts below which raw bytes cost no more. */
const CMD = [1, 2, 3, 4];
const MIN_COUNT = [2, 3, 2, 3];
/** A repeat shorter than this never saves a byte (2 address bytes and a header). */
const MIN_MATCH = 3;

export function encodeLz2(input: Uint8Array): Uint8Array {
  const n = input.length;
  const copyMax = new Int32Array(n);
  const copySrc = new Int32Array(n);
  const sources = new SourceSet(new MatchText(input), KIND_FORWARD);
  for (let i = 1; i < n; i++) {
    sources.insert(i - 1);
    const len = sources.longest(i);
    if (len >= MIN_MATCH) {
      copyMax[i] = len;
      copySrc[i] = sources.source;
    }
  }
  const channels: Channel[] = [
    { max: byteRuns(input), extra: 1 },
    { max: periodTwoRuns(input), extra: 2 },
    { max: increasingRuns(input, true), extra: 1 },
    { max: copyMax, extra: 2 },
  ];
  return emitParse(
    input,
    optimalParse(n, channels),
    {
      cmd: CMD,
      minCount: MIN_COUNT,
      operands(w, channel, at) {
        if (CMD[channel] === 4) {
          w.byte(copySrc[at]! >> 8);
          w.byte(copySrc[at]! & 0xff);
        } else {
          w.byte(input[at]!);
          if (CMD[channel] === 2) w.byte(input[at + 1]!);
        }
      },
    },
    'LC_LZ2',
  );
}
