/**
 * Exact longest matches for the three copy commands, from one suffix array over
 * `input | 256 | bitrev(input) | 257 | reverse(input) | 258` and its LCP array:
 *
 * - copy (4) at i: suffix i of the input against input suffixes p < i (overlap allowed);
 * - bit-reversed copy (5) at i: suffix i of bitrev(input) against input suffixes p < i;
 * - backwards copy (6) at i: suffix i of the input against reverse(input) at n-1-p, p < i, which
 *   reads in[p], in[p-1], ... and so is naturally capped at p + 1 bytes.
 *
 * The unique separators cap every match at the end of its part. Among candidates of one kind
 * (keyed by p, so "p < i" is "key < i"), the longest match is with the nearest candidate rank to
 * the left or right of the query's rank; the lowest p reaching a length L is the smallest key in
 * the rank interval whose LCP with the query is >= L.
 */
import { BITREV } from './commands';
import { MinIndex } from './min-index';
import { inverse, lcpArray, suffixArray } from './suffix-array';

export const KIND_COPY = 0;
export const KIND_BITREV = 1;
export const KIND_BACK = 2;

const NONE = 0x7fffffff;

export class MatchFinder {
  /** Source offset of the last `longest` answer. */
  source = 0;
  private readonly rank: Int32Array;
  private readonly lcp: MinIndex;
  private readonly keys: Int32Array[] = [];
  private readonly keyIndex: MinIndex[] = [];

  /** `forwardOnly` builds just the input part (enough for command 4: the fast level). */
  constructor(
    private readonly input: Uint8Array,
    forwardOnly = false,
  ) {
    const n = input.length;
    const len = forwardOnly ? n + 1 : 3 * n + 3;
    const text = new Int32Array(len);
    for (let i = 0; i < n; i++) text[i] = input[i]!;
    text[n] = 256;
    if (!forwardOnly) {
      for (let i = 0; i < n; i++) {
        text[n + 1 + i] = BITREV[input[i]!]!;
        text[2 * n + 2 + i] = input[n - 1 - i]!;
      }
      text[2 * n + 1] = 257;
      text[3 * n + 2] = 258;
    }
    const sa = suffixArray(text, forwardOnly ? 256 : 258);
    this.rank = inverse(sa);
    this.lcp = new MinIndex(lcpArray(text, sa, this.rank));
    const key0 = new Int32Array(len);
    const key2 = forwardOnly ? key0 : new Int32Array(len);
    for (let k = 0; k < len; k++) {
      const t = sa[k]!;
      key0[k] = t < n ? t : NONE;
      if (!forwardOnly) key2[k] = t >= 2 * n + 2 && t < 3 * n + 2 ? 3 * n + 1 - t : NONE;
    }
    const idx0 = new MinIndex(key0);
    this.keys = [key0, key0, key2];
    this.keyIndex = [idx0, idx0, forwardOnly ? idx0 : new MinIndex(key2)];
  }

  private queryRank(kind: number, i: number): number {
    return this.rank[kind === KIND_BITREV ? this.input.length + 1 + i : i]!;
  }

  /**
   * Length of the longest match of `kind` at `i` from a source p < i (0 when there is none); the
   * source is left in `this.source`. Not capped at 1,024: callers cap.
   */
  longest(kind: number, i: number): number {
    const r = this.queryRank(kind, i);
    const idx = this.keyIndex[kind]!;
    const keys = this.keys[kind]!;
    const pl = idx.prevLess(r, i);
    const pr = idx.nextLess(r, i);
    const lenL = pl >= 0 ? this.lcp.min(pl + 1, r) : 0;
    const lenR = pr >= 0 ? this.lcp.min(r + 1, pr) : 0;
    if (lenL >= lenR) {
      this.source = pl >= 0 ? keys[pl]! : 0;
      return lenL;
    }
    this.source = keys[pr]!;
    return lenR;
  }

  /** The lowest source p of `kind` whose match at `i` is at least `length` long (one must exist). */
  lowestSource(kind: number, i: number, length: number): number {
    const r = this.queryRank(kind, i);
    const a = this.lcp.prevLess(r + 1, length);
    const b = this.lcp.nextLess(r, length);
    return this.keyIndex[kind]!.min(a < 0 ? 0 : a, b < 0 ? this.rank.length - 1 : b - 1);
  }
}
