/**
 * The LC_LZ3 encoder: the optimal parse (lunar/parse.ts) over byte and zero fills, word fills and
 * the three repeats (forward, bit-reversed, backwards), each from a source 1-128 bytes back (one
 * operand byte) or at any 15-bit address (two). The longest match per kind and source class comes
 * from one suffix array over input, bitrev(input) and reverse(input) (shared/match-text.ts). The
 * same command set and costs as sfc-comp's pokemon_gold_comp, so its streams are the size ours are.
 *
 * sfc-comp stops at 32 KiB of input (the 15-bit address); ours takes up to 64 KiB, with long
 * sources below 0x8000 and near ones anywhere.
 */
import { byteRuns } from '../../hal/runs';
import { KIND_BACKWARD, KIND_BITREV, KIND_FORWARD, MatchText, SourceSet, type MatchKind } from '../shared/match-text';
import { nearMatches } from './near-matches';
import { periodTwoRuns } from '../shared/runs';
import { emitParse, optimalParse, type Channel } from '../lunar/parse';

const KINDS: MatchKind[] = [KIND_FORWARD, KIND_BITREV, KIND_BACKWARD];
/** Long sources are 15-bit addresses. */
const LONG_LIMIT = 0x8000;
/** Channels: byte fill, zero fill, word fill, 3 near repeats, 3 long repeats. */
const CMD = [1, 3, 2, 4, 5, 6, 4, 5, 6];
const MIN_COUNT = [2, 1, 3, 2, 2, 2, 3, 3, 3];
const NEAR_CHANNEL = 3;
const LONG_CHANNEL = 6;

export function encodeLz3(input: Uint8Array): Uint8Array {
  const n = input.length;
  const run8 = byteRuns(input);
  const fill = new Int32Array(n);
  const zero = new Int32Array(n);
  for (let i = 0; i < n; i++) (input[i] === 0 ? zero : fill)[i] = run8[i]!;
  const text = new MatchText(input, { bitrev: true, backward: true });
  const near = nearMatches(input, text, 2);
  const sets = KINDS.map((k) => new SourceSet(text, k));
  const max = [...near.len, new Int32Array(n), new Int32Array(n), new Int32Array(n)];
  const src = [...near.src, new Int32Array(n), new Int32Array(n), new Int32Array(n)];
  for (let i = 1; i < n; i++) {
    for (let k = 0; k < 3; k++) {
      const set = sets[k]!;
      if (i - 1 < LONG_LIMIT) set.insert(i - 1);
      const far = set.longest(i);
      if (far > max[k]![i]! && far >= 3) {
        max[3 + k]![i] = far;
        src[3 + k]![i] = set.source;
      }
    }
  }
  const channels: Channel[] = [
    { max: fill, extra: 1 },
    { max: zero, extra: 0 },
    { max: periodTwoRuns(input), extra: 2 },
    ...max.map((m, c) => ({ max: m, extra: c < 3 ? 1 : 2 })),
  ];
  return emitParse(
    input,
    optimalParse(n, channels),
    {
      cmd: CMD,
      minCount: MIN_COUNT,
      operands(w, ch, at) {
        if (ch >= LONG_CHANNEL) {
          const s = src[ch - NEAR_CHANNEL]![at]!;
          w.byte(s >> 8);
          w.byte(s & 0xff);
        } else if (ch >= NEAR_CHANNEL) {
          w.byte(0x80 | (at - src[ch - NEAR_CHANNEL]![at]! - 1));
        } else if (CMD[ch] !== 3) {
          w.byte(input[at]!);
          if (CMD[ch] === 2) w.byte(input[at + 1]!);
        }
      },
    },
    'LC_LZ3',
  );
}
