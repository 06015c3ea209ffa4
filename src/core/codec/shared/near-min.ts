/**
 * Range minima for a dynamic program that walks positions downwards: positions are pushed in
 * decreasing order with their values, and a query asks for the smallest value among pushed
 * positions in [last pushed, limit]. A monotone stack (the prefix-minimum records seen from the
 * last pushed position) answers by binary search; each position is pushed and popped once.
 */
export class NearMin {
  private readonly pos: Int32Array;
  private readonly val: Int32Array;
  private top = 0;

  constructor(capacity: number) {
    this.pos = new Int32Array(capacity);
    this.val = new Int32Array(capacity);
  }

  /** Adds position `p` (below every position pushed before) with value `v`. */
  push(p: number, v: number): void {
    const val = this.val;
    let t = this.top;
    while (t > 0 && val[t - 1]! >= v) t--;
    this.pos[t] = p;
    val[t] = v;
    this.top = t + 1;
  }

  /**
   * The position of the smallest value among pushed positions <= `limit` (the stack must not be
   * empty and `limit` at least the last pushed position). Records deeper in the stack are farther
   * and smaller: the answer is the deepest one within the limit.
   */
  argmin(limit: number): number {
    const pos = this.pos;
    let lo = 0;
    let hi = this.top - 1; // pos[hi] <= limit holds
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pos[mid]! <= limit) hi = mid;
      else lo = mid + 1;
    }
    return pos[lo]!;
  }
}

/**
 * Sliding-window minimum over a window that moves down by one position per step (a monotone
 * deque): positions enter at the near end and leave at the far end.
 */
export class WindowMin {
  private readonly pos: Int32Array;
  private readonly val: Int32Array;
  private head = 0;
  private tail = 0;

  constructor(capacity: number) {
    this.pos = new Int32Array(capacity);
    this.val = new Int32Array(capacity);
  }

  /** Adds position `p` (below every position added before) with value `v`. */
  push(p: number, v: number): void {
    const val = this.val;
    let t = this.tail;
    while (t > this.head && val[t - 1]! >= v) t--;
    this.pos[t] = p;
    val[t] = v;
    this.tail = t + 1;
  }

  /** Drops positions above `limit`. */
  expire(limit: number): void {
    while (this.tail > this.head && this.pos[this.head]! > limit) this.head++;
  }

  get empty(): boolean {
    return this.tail === this.head;
  }

  /** Position of the smallest value in the window (not empty). */
  get best(): number {
    return this.pos[this.head]!;
  }

  /** The smallest value in the window (not empty). */
  get bestValue(): number {
    return this.val[this.head]!;
  }
}
