/**
 * The optimal parse: the shortest stream, costed in encoded bytes, over every command the format
 * has (raw runs, byte/word/increasing fills with FF->00 wrap, and the three copies from any
 * already written source). A forward dynamic program over output positions 0..n:
 *
 * - Copies: from each position only the longest match per kind is needed (every prefix of a
 *   match is a match from the same source); exact, from the suffix-array MatchFinder.
 * - Every command costs one amount for counts 1-32 and another for 33-1024, so each (position,
 *   command) relaxes at most two ranges of end positions with a constant cost. The ranges go into
 *   a segment tree of "best offer" tags (update O(log n), point query O(log n)); word fills end at
 *   i + 2w, so they have one tree per parity, indexed by position / 2.
 * - Raw runs cost k+1 bytes for k <= 32 and k+2 up to 1024: cost[i] - i over a sliding window
 *   (monotone deques for the two windows).
 *
 * The result is never longer than the greedy stream (all of greedy's commands are candidates).
 */
import { CMD_RAW, CMD_WORD_FILL, MAX_COUNT, SHORT_MAX, StreamWriter, TERMINATOR } from './commands';
import { KIND_BACK, KIND_COPY, MatchFinder } from './match-finder';
import { byteRuns, increasingRuns, wordRuns } from './runs';

/** Packs an offer as cost * 2^21 + from * 8 + cmd, so one float compare picks the cheapest. */
const COST_UNIT = 2 ** 21;

/** Range offers, point queries of the cheapest (also the LZ4 optimal parse's). */
export class OfferTree {
  readonly size: number;
  readonly tag: Float64Array;

  constructor(points: number) {
    let s = 1;
    while (s < points) s *= 2;
    this.size = s;
    this.tag = new Float64Array(2 * s).fill(Infinity);
  }

  /** Offer `v` to every point in [l, r]. */
  offer(l: number, r: number, v: number): void {
    const tag = this.tag;
    l += this.size;
    r += this.size + 1;
    while (l < r) {
      if (l & 1) {
        if (v < tag[l]!) tag[l] = v;
        l++;
      }
      if (r & 1) {
        r--;
        if (v < tag[r]!) tag[r] = v;
      }
      l >>= 1;
      r >>= 1;
    }
  }

  best(p: number): number {
    const tag = this.tag;
    p += this.size;
    let m = tag[p]!;
    while (p > 1) {
      p >>= 1;
      if (tag[p]! < m) m = tag[p]!;
    }
    return m;
  }
}

export function encodeOptimal(input: Uint8Array): Uint8Array {
  const n = input.length;
  const run8 = byteRuns(input);
  const words = wordRuns(input);
  const inc = increasingRuns(input, true);
  const finder = new MatchFinder(input);
  const sources = [new Int32Array(n), new Int32Array(n), new Int32Array(n)];
  const carryLen = new Int32Array(3);
  const carrySrc = new Int32Array(3);

  // Offers for end position j sit at j - 1 (j >= 1); word fills end at j >= 2, at (j >> 1) - 1.
  const tree = new OfferTree(n);
  const half = [new OfferTree(Math.max(1, n >> 1)), new OfferTree(Math.max(1, n >> 1))];
  const cost = new Int32Array(n + 1);
  const from = new Int32Array(n + 1);
  const cmdAt = new Uint8Array(n + 1);
  // Literal windows: q1 holds i in [j-32, j-1], q2 holds i in [j-1024, j-33], both by cost[i] - i.
  const q1 = new Int32Array(n + 1);
  const q2 = new Int32Array(n + 1);
  let h1 = 0;
  let t1 = 0;
  let h2 = 0;
  let t2 = 0;

  const offerRange = (t: OfferTree, base: number, count: number, c: number, packed: number): void => {
    // count k ends at slot base + k - 1: counts 1..32 cost c + header 1; 33..count cost c + header 2
    t.offer(base, base + Math.min(count, SHORT_MAX) - 1, (c + 1) * COST_UNIT + packed);
    if (count > SHORT_MAX) t.offer(base + SHORT_MAX, base + count - 1, (c + 2) * COST_UNIT + packed);
  };

  for (let j = 0; ; j++) {
    if (j > 0) {
      let i = j - 1;
      const vi = cost[i]! - i;
      while (t1 > h1 && cost[q1[t1 - 1]!]! - q1[t1 - 1]! >= vi) t1--;
      q1[t1++] = i;
      while (q1[h1]! < j - SHORT_MAX) h1++;
      i = j - SHORT_MAX - 1;
      if (i >= 0) {
        const v2 = cost[i]! - i;
        while (t2 > h2 && cost[q2[t2 - 1]!]! - q2[t2 - 1]! >= v2) t2--;
        q2[t2++] = i;
        while (q2[h2]! < j - MAX_COUNT) h2++;
      }
      const f1 = q1[h1]!;
      let best = cost[f1]! + (j - f1) + 1;
      let bestFrom = f1;
      let bestCmd = CMD_RAW;
      if (t2 > h2) {
        const f2 = q2[h2]!;
        const c2 = cost[f2]! + (j - f2) + 2;
        if (c2 < best) {
          best = c2;
          bestFrom = f2;
        }
      }
      let offer = j >= 2 ? Math.min(tree.best(j - 1), half[j & 1]!.best((j >> 1) - 1)) : tree.best(0);
      if (offer < Infinity) {
        const c = Math.floor(offer / COST_UNIT);
        if (c < best) {
          offer -= c * COST_UNIT;
          best = c;
          bestFrom = offer >> 3;
          bestCmd = offer & 7;
        }
      }
      cost[j] = best;
      from[j] = bestFrom;
      cmdAt[j] = bestCmd;
    }
    if (j === n) break;

    const c = cost[j]!;
    // Fills of 1 byte or 1 word cost exactly what raw bytes cost: only longer ones are offered.
    // byte fill (1) and increasing fill (3): 1 operand byte
    if (run8[j]! > 1) offerRange(tree, j, Math.min(run8[j]!, MAX_COUNT), c + 1, j * 8 + 1);
    if (inc[j]! > 1) offerRange(tree, j, Math.min(inc[j]!, MAX_COUNT), c + 1, j * 8 + 3);
    // word fill (2): 2 operand bytes, ends at j + 2w
    const w = Math.min(words[j]!, MAX_COUNT);
    if (w > 1) offerRange(half[j & 1]!, j >> 1, w, c + 2, j * 8 + CMD_WORD_FILL);
    // copies (4, 5, 6): 2 operand bytes; shorter than 3 never beats raw bytes. A match of more
    // than 1,024 at j-1 continues at j from the next source with at least 1,024: no query needed.
    for (let kind = KIND_COPY; kind <= KIND_BACK; kind++) {
      let len = carryLen[kind]! - 1;
      let src = carrySrc[kind]! + (kind === KIND_BACK ? -1 : 1);
      if (len < MAX_COUNT) {
        len = finder.longest(kind, j);
        if (len < 3) {
          carryLen[kind] = 0;
          continue;
        }
        src = finder.source;
      }
      carryLen[kind] = len;
      carrySrc[kind] = src;
      sources[kind]![j] = src;
      offerRange(tree, j, Math.min(len, MAX_COUNT), c + 2, j * 8 + 4 + kind);
    }
  }
  return emit(input, from, cmdAt, sources, cost[n]! + 1);
}

function emit(input: Uint8Array, from: Int32Array, cmdAt: Uint8Array, sources: Int32Array[], size: number): Uint8Array {
  const n = input.length;
  const ends: number[] = [];
  for (let j = n; j > 0; j = from[j]!) ends.push(j);
  const w = new StreamWriter(size);
  for (let e = ends.length - 1; e >= 0; e--) {
    const j = ends[e]!;
    const i = from[j]!;
    const cmd = cmdAt[j]!;
    const len = j - i;
    if (cmd === CMD_RAW) w.raw(input, i, len);
    else if (cmd === CMD_WORD_FILL) {
      w.header(cmd, len >> 1);
      w.byte(input[i]!);
      w.byte(input[i + 1]!);
    } else if (cmd <= 3) {
      w.header(cmd, len);
      w.byte(input[i]!);
    } else w.copy(cmd, len, sources[cmd - 4]![i]!);
  }
  w.byte(TERMINATOR);
  if (w.length !== size) throw new Error(`HAL optimal parse: emitted ${w.length} bytes, planned ${size}`);
  return w.finish();
}
