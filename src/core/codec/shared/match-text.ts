/**
 * The text an LZ encoder searches for matches: `input | 256 | bitrev(input) | 257 | reverse(input)
 * | 258` (the last two parts only when asked for), its suffix array, ranks and LCP array (from
 * src/core/hal: SA-IS and Kasai). The unique separators stop every match at the end of its part.
 *
 * A match at output position i is the LCP of the input suffix i with a source suffix:
 * - a forward copy from p: the input suffix p (overlap allowed: it reads what it writes);
 * - a bit-reversed copy from p: the bitrev(input) suffix p;
 * - a backwards copy from p (reading p, p-1, ...): the reverse(input) suffix starting at input
 *   byte p, which ends after p + 1 bytes.
 */
import { inverse, lcpArray, suffixArray } from '../../hal/suffix-array';
import { MinIndex } from '../../hal/min-index';
import { RankSet } from '../../hal/rank-set';
import { BITREV } from './bytes';

export const KIND_FORWARD = 0;
export const KIND_BITREV = 1;
export const KIND_BACKWARD = 2;
export type MatchKind = typeof KIND_FORWARD | typeof KIND_BITREV | typeof KIND_BACKWARD;

export class MatchText {
  readonly n: number;
  readonly size: number;
  readonly rank: Int32Array;
  private readonly sa: Int32Array;
  private readonly lcp: MinIndex;

  constructor(input: Uint8Array, kinds: { bitrev?: boolean; backward?: boolean } = {}) {
    const n = input.length;
    this.n = n;
    const parts = kinds.backward ? 3 : kinds.bitrev ? 2 : 1;
    const text = new Int32Array(parts * (n + 1));
    text.set(input);
    text[n] = 256;
    if (parts >= 2) {
      for (let i = 0; i < n; i++) text[n + 1 + i] = BITREV[input[i]!]!;
      text[2 * n + 1] = 257;
    }
    if (parts === 3) {
      for (let i = 0; i < n; i++) text[2 * n + 2 + i] = input[n - 1 - i]!;
      text[3 * n + 2] = 258;
    }
    this.size = text.length;
    const sa = suffixArray(text, 258);
    this.sa = sa;
    this.rank = inverse(sa);
    this.lcp = new MinIndex(lcpArray(text, sa, this.rank));
  }

  /** Rank of the source suffix that a copy of `kind` from input position `p` reads. */
  sourceRank(kind: MatchKind, p: number): number {
    const n = this.n;
    return this.rank[kind === KIND_FORWARD ? p : kind === KIND_BITREV ? n + 1 + p : 3 * n + 1 - p]!;
  }

  /** The input position a source suffix of `kind` at rank `q` stands for. */
  sourceAt(kind: MatchKind, q: number): number {
    const t = this.sa[q]!;
    const n = this.n;
    return kind === KIND_FORWARD ? t : kind === KIND_BITREV ? t - n - 1 : 3 * n + 1 - t;
  }

  /** Longest common prefix of the suffixes at ranks a and b (a != b). */
  lcpOf(a: number, b: number): number {
    return a < b ? this.lcp.min(a + 1, b) : this.lcp.min(b + 1, a);
  }
}

/**
 * Every source of one kind inserted so far (each input position once, in any order), for the
 * longest match from any of them: the nearest member ranks left and right of the query's rank
 * (a bitset with predecessor / successor queries, src/core/hal/rank-set.ts).
 */
export class SourceSet {
  private readonly set: RankSet;
  /** The source of the last `longest` answer (-1 for none). */
  source = -1;

  constructor(
    private readonly text: MatchText,
    private readonly kind: MatchKind,
  ) {
    this.set = new RankSet(text.size);
  }

  insert(p: number): void {
    this.set.add(this.text.sourceRank(this.kind, p));
  }

  /** Length of the longest match at input position `i` from any inserted source (0: none), not capped. */
  longest(i: number): number {
    const text = this.text;
    const r = text.rank[i]!;
    const ql = this.set.prev(r);
    const qr = this.set.next(r);
    const lenL = ql >= 0 ? text.lcpOf(ql, r) : 0;
    const lenR = qr >= 0 ? text.lcpOf(r, qr) : 0;
    const useLeft = qr < 0 || (ql >= 0 && lenL >= lenR);
    const q = useLeft ? ql : qr;
    this.source = q >= 0 ? text.sourceAt(this.kind, q) : -1;
    return useLeft ? lenL : lenR;
  }
}

/**
 * The sources of one kind inserted so far, by the rank of their suffix, with "nearest rank to the
 * left / right whose source is at least `lo`" in O(log n): a max segment tree. Sources must be
 * inserted in increasing order (each insert then just overwrites its path with the new maximum),
 * which is how an encoder walks its input.
 */
export class SourceTree {
  private readonly width: number;
  private readonly tree: Int32Array;
  /** The source at the rank the last `longest` answer came from. */
  source = -1;

  constructor(
    private readonly text: MatchText,
    private readonly kind: MatchKind,
  ) {
    let w = 1;
    while (w < text.size) w *= 2;
    this.width = w;
    this.tree = new Int32Array(2 * w).fill(-1);
  }

  insert(p: number): void {
    const tree = this.tree;
    for (let x = this.text.sourceRank(this.kind, p) + this.width; x >= 1; x >>= 1) tree[x] = p;
  }

  /** Largest rank q < r holding a source >= lo, or -1. */
  private left(r: number, lo: number): number {
    const tree = this.tree;
    let x = r + this.width;
    for (;;) {
      if (x === 1) return -1;
      if (x & 1 && tree[x - 1]! >= lo) {
        x--;
        break;
      }
      x >>= 1;
    }
    while (x < this.width) x = tree[2 * x + 1]! >= lo ? 2 * x + 1 : 2 * x;
    return x - this.width;
  }

  /** Smallest rank q > r holding a source >= lo, or -1. */
  private right(r: number, lo: number): number {
    const tree = this.tree;
    let x = r + this.width;
    for (;;) {
      if (x === 1) return -1;
      if (!(x & 1) && tree[x + 1]! >= lo) {
        x++;
        break;
      }
      x >>= 1;
    }
    while (x < this.width) x = tree[2 * x]! >= lo ? 2 * x : 2 * x + 1;
    return x - this.width;
  }

  /**
   * Length of the longest match at input position `i` from an inserted source >= `lo` (0 when
   * there is none); its source is left in `this.source`. Not capped: callers cap.
   */
  longest(i: number, lo: number): number {
    if (lo < 0) lo = 0; // empty leaves hold -1
    const text = this.text;
    const r = text.rank[i]!;
    const ql = this.left(r, lo);
    const qr = this.right(r, lo);
    const lenL = ql >= 0 ? text.lcpOf(ql, r) : 0;
    const lenR = qr >= 0 ? text.lcpOf(r, qr) : 0;
    const useLeft = qr < 0 || (ql >= 0 && lenL >= lenR);
    const q = useLeft ? ql : qr;
    this.source = q >= 0 ? this.tree[q + this.width]! : -1;
    return useLeft ? lenL : lenR;
  }
}
