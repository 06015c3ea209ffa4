/**
 * Exact longest matches within sliding windows, for the LZ-family encoders here (LZ4, LZSA, ZX0):
 * the longest prefix of `input[i..]` that also starts at some source p with i - window <= p < i
 * (overlap allowed, as LZ copies run forward byte by byte), for one or more window sizes at once.
 *
 * Built on the HAL encoder's suffix structures (src/core/hal): one suffix array and LCP array over
 * the input, and per window a RankSet holding the ranks of the sources inside it. The longest match
 * is with the member nearest the query's rank on either side (LCP = range minimum between them).
 * Queries come with i never decreasing: sources enter as i passes them and leave as the window
 * moves on, so each query costs a few bitset steps.
 */
import { MinIndex } from '../hal/min-index';
import { RankSet } from '../hal/rank-set';
import { inverse, lcpArray, suffixArray } from '../hal/suffix-array';

export class WindowMatchFinder {
  private readonly rank: Int32Array;
  private readonly sa: Int32Array;
  private readonly lcp: MinIndex;
  private readonly sets: RankSet[];
  private readonly oldest: Int32Array;
  private inserted = 0;
  private sourceRank = -1;

  constructor(
    input: Uint8Array,
    private readonly windows: readonly number[],
  ) {
    const n = input.length;
    const text = new Int32Array(n + 1);
    text.set(input);
    text[n] = 256;
    this.sa = suffixArray(text, 256);
    this.rank = inverse(this.sa);
    this.lcp = new MinIndex(lcpArray(text, this.sa, this.rank));
    this.sets = windows.map(() => new RankSet(n + 1));
    this.oldest = new Int32Array(windows.length);
  }

  private advance(i: number): void {
    if (i < this.inserted) throw new Error(`WindowMatchFinder queries must not go backwards (${i} after ${this.inserted})`);
    const rank = this.rank;
    const sets = this.sets;
    for (let p = this.inserted; p < i; p++) for (const s of sets) s.add(rank[p]!);
    this.inserted = i;
    for (let k = 0; k < sets.length; k++) {
      const from = i - this.windows[k]!;
      for (let p = this.oldest[k]!; p < from; p++) sets[k]!.delete(rank[p]!);
      if (from > this.oldest[k]!) this.oldest[k] = from;
    }
  }

  /**
   * Length of the longest match at `i` from a source in window `k` (0 when none); the source is
   * then in `source`. Not capped: callers cap at the end of the input or the format's maximum.
   */
  longest(k: number, i: number): number {
    if (i !== this.inserted) this.advance(i);
    const r = this.rank[i]!;
    const set = this.sets[k]!;
    const pl = set.prev(r);
    const pr = set.next(r);
    const lenL = pl >= 0 ? this.lcp.min(pl + 1, r) : 0;
    const lenR = pr >= 0 ? this.lcp.min(r + 1, pr) : 0;
    this.sourceRank = lenL >= lenR ? pl : pr;
    return lenL >= lenR ? lenL : lenR;
  }

  /** The source of the last `longest` answer (meaningless when it was 0). */
  get source(): number {
    return this.sourceRank < 0 ? 0 : this.sa[this.sourceRank]!;
  }
}
