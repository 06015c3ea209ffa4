/**
 * Exact longest matches for the three copy commands, from one suffix array over
 * `input | 256 | bitrev(input) | 257 | reverse(input) | 258` and its LCP array:
 *
 * - copy (4) at i: suffix i of the input against input suffixes p < i (overlap allowed);
 * - bit-reversed copy (5) at i: suffix i of bitrev(input) against input suffixes p < i;
 * - backwards copy (6) at i: suffix i of the input against reverse(input) at n-1-p, p < i, which
 *   reads in[p], in[p-1], ... and so is naturally capped at p + 1 bytes.
 *
 * The unique separators cap every match at the end of its part. Queries come with i never
 * decreasing; before answering at i, the ranks of all sources p < i are in a RankSet per kind
 * (input suffixes for 4 and 5, reversed-input suffixes for 6). The longest match is with the
 * nearest member rank left or right of the query's rank (LCP = range minimum between them); the
 * lowest p reaching a length L is the smallest key in the rank interval whose LCP with the query
 * is >= L (keys: p for the candidates of a kind, "none" for every other suffix).
 */
import { BITREV } from './commands';
import { MinIndex } from './min-index';
import { RankSet } from './rank-set';
import { inverse, lcpArray, suffixArray } from './suffix-array';

export const KIND_COPY = 0;
export const KIND_BITREV = 1;
export const KIND_BACK = 2;

const NONE = 0x7fffffff;

export class MatchFinder {
  /** Rank of the source of the last `longest` answer (-1 for none); read through `source`. */
  private sourceRank = -1;
  private sourceKind = 0;
  private readonly rank: Int32Array;
  private readonly lcp: MinIndex;
  private readonly sa: Int32Array;
  private readonly keyIndex: (MinIndex | null)[] = [null, null];
  private readonly inputSet: RankSet;
  private readonly reversedSet: RankSet;
  /** Sources 0..inserted-1 are in the sets. */
  private inserted = 0;

  /** `forwardOnly` builds just the input part (enough for command 4: the fast level). */
  constructor(
    private readonly input: Uint8Array,
    forwardOnly = false,
  ) {
    const n = input.length;
    const len = forwardOnly ? n + 1 : 3 * n + 3;
    const text = new Int32Array(len);
    text.set(input);
    text[n] = 256;
    if (!forwardOnly) {
      const bitrev = BITREV;
      for (let i = 0; i < n; i++) {
        text[n + 1 + i] = bitrev[input[i]!]!;
        text[2 * n + 2 + i] = input[n - 1 - i]!;
      }
      text[2 * n + 1] = 257;
      text[3 * n + 2] = 258;
    }
    const sa = suffixArray(text, forwardOnly ? 256 : 258);
    this.rank = inverse(sa);
    this.lcp = new MinIndex(lcpArray(text, sa, this.rank));
    this.sa = sa;
    this.inputSet = new RankSet(len);
    this.reversedSet = forwardOnly ? this.inputSet : new RankSet(len);
  }

  /** Puts sources p < i into the sets (i never decreases between queries). */
  private insertUpTo(i: number): void {
    if (i < this.inserted) throw new Error(`MatchFinder queries must not go backwards (${i} after ${this.inserted})`);
    const rank = this.rank;
    const last = 3 * this.input.length + 1;
    const both = this.reversedSet !== this.inputSet;
    for (let p = this.inserted; p < i; p++) {
      this.inputSet.add(rank[p]!);
      if (both) this.reversedSet.add(rank[last - p]!);
    }
    this.inserted = i;
  }

  /**
   * Range-minimum indexes answering "lowest source in a rank interval": for copies and bit-reversed
   * copies the minimum suffix start itself (input suffixes start below every other part, so the
   * minimum of an interval holding one is the lowest p); for backwards copies the maximum start (the
   * largest reversed-input start is the lowest p), i.e. the minimum of the negated starts.
   */
  private buildKeyIndex(kind: number): MinIndex {
    const sa = this.sa;
    if (kind !== KIND_BACK) return new MinIndex(sa);
    const neg = new Int32Array(sa.length);
    for (let k = 0; k < sa.length; k++) neg[k] = -sa[k]!;
    return new MinIndex(neg);
  }

  private queryRank(kind: number, i: number): number {
    return this.rank[kind === KIND_BITREV ? this.input.length + 1 + i : i]!;
  }

  /**
   * Length of the longest match of `kind` at `i` from a source p < i (0 when there is none); the
   * source is left in `this.source`. Not capped at 1,024: callers cap.
   */
  longest(kind: number, i: number): number {
    if (i !== this.inserted) this.insertUpTo(i);
    const r = this.queryRank(kind, i);
    const set = kind === KIND_BACK ? this.reversedSet : this.inputSet;
    const pl = set.prev(r);
    const pr = set.next(r);
    const lenL = pl >= 0 ? this.lcp.min(pl + 1, r) : 0;
    const lenR = pr >= 0 ? this.lcp.min(r + 1, pr) : 0;
    this.sourceRank = lenL >= lenR ? pl : pr;
    this.sourceKind = kind;
    return lenL >= lenR ? lenL : lenR;
  }

  /**
   * Source offset of the last `longest` answer (0 when it found none). Looked up only on demand:
   * the suffix array read is a cache miss that short matches never need.
   */
  get source(): number {
    const at = this.sourceRank;
    if (at < 0) return 0;
    // a reversed-input suffix at 2n+2+(n-1-p) stands for source p
    return this.sourceKind === KIND_BACK ? 3 * this.input.length + 1 - this.sa[at]! : this.sa[at]!;
  }

  /** The lowest source p of `kind` whose match at `i` is at least `length` long (one must exist). */
  lowestSource(kind: number, i: number, length: number): number {
    const r = this.queryRank(kind, i);
    const a = this.lcp.prevLess(r + 1, length);
    const b = this.lcp.nextLess(r, length);
    const lo = a < 0 ? 0 : a;
    const hi = b < 0 ? this.sa.length - 1 : b - 1;
    const sa = this.sa;
    const back = kind === KIND_BACK;
    let t: number;
    if (hi - lo < 256) {
      // small interval (the usual case): scan it
      t = back ? -1 : NONE;
      for (let k = lo; k <= hi; k++) {
        const v = sa[k]!;
        if (back ? v > t : v < t) t = v;
      }
    } else {
      const slot = back ? 1 : 0;
      const idx = (this.keyIndex[slot] ??= this.buildKeyIndex(kind));
      t = back ? -idx.min(lo, hi) : idx.min(lo, hi);
    }
    return back ? 3 * this.input.length + 1 - t : t;
  }
}
