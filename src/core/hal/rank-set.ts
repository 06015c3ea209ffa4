/**
 * A set of integers 0..size-1 with predecessor / successor queries: a three-level bitset
 * (32-ary), so both queries are a handful of mask-and-count-leading-zeros steps.
 */
export class RankSet {
  private readonly l0: Int32Array;
  private readonly l1: Int32Array;
  private readonly l2: Int32Array;

  constructor(size: number) {
    this.l0 = new Int32Array((size >> 5) + 1);
    this.l1 = new Int32Array((size >> 10) + 1);
    this.l2 = new Int32Array((size >> 15) + 1);
  }

  add(r: number): void {
    this.l0[r >> 5]! |= 1 << (r & 31);
    this.l1[r >> 10]! |= 1 << ((r >> 5) & 31);
    this.l2[r >> 15]! |= 1 << ((r >> 10) & 31);
  }

  /** Removes r (a member or not): a sliding window of sources (the LZ4, LZSA and ZX0 encoders). */
  delete(r: number): void {
    const w = r >> 5;
    if ((this.l0[w]! &= ~(1 << (r & 31))) !== 0) return;
    const w1 = w >> 5;
    if ((this.l1[w1]! &= ~(1 << (w & 31))) !== 0) return;
    this.l2[w1 >> 5]! &= ~(1 << (w1 & 31));
  }

  /** Largest member < r, or -1. */
  prev(r: number): number {
    let w = r >> 5;
    let m = this.l0[w]! & ((1 << (r & 31)) - 1);
    if (m) return (w << 5) + 31 - Math.clz32(m);
    let w1 = w >> 5;
    m = this.l1[w1]! & ((1 << (w & 31)) - 1);
    if (!m) {
      let w2 = w1 >> 5;
      m = this.l2[w2]! & ((1 << (w1 & 31)) - 1);
      while (!m) {
        if (--w2 < 0) return -1;
        m = this.l2[w2]!;
      }
      w1 = (w2 << 5) + 31 - Math.clz32(m);
      m = this.l1[w1]!;
    }
    w = (w1 << 5) + 31 - Math.clz32(m);
    return (w << 5) + 31 - Math.clz32(this.l0[w]!);
  }

  /** Smallest member > r, or -1. */
  next(r: number): number {
    let w = r >> 5;
    let m = this.l0[w]! & above(r & 31);
    if (m) return (w << 5) + lowBit(m);
    let w1 = w >> 5;
    m = this.l1[w1]! & above(w & 31);
    if (!m) {
      let w2 = w1 >> 5;
      m = this.l2[w2]! & above(w1 & 31);
      while (!m) {
        if (++w2 >= this.l2.length) return -1;
        m = this.l2[w2]!;
      }
      w1 = (w2 << 5) + lowBit(m);
      m = this.l1[w1]!;
    }
    w = (w1 << 5) + lowBit(m);
    return (w << 5) + lowBit(this.l0[w]!);
  }
}

/** Bits strictly above bit b. */
function above(b: number): number {
  return b === 31 ? 0 : -1 << (b + 1);
}

function lowBit(m: number): number {
  return 31 - Math.clz32(m & -m);
}
