/**
 * Range minimum over a fixed Int32Array, with "nearest index left/right whose value is below t".
 * Two levels: blocks of 16 scanned directly, and a sparse table over the block minima, so it
 * costs about n/16 * log(n/16) words instead of a full n log n table.
 */
const LOG = 4;
const B = 1 << LOG;

export class MinIndex {
  private readonly levels: Int32Array[] = [];
  private readonly blocks: number;

  constructor(private readonly a: Int32Array) {
    const n = a.length;
    this.blocks = (n + B - 1) >> LOG;
    const base = new Int32Array(this.blocks);
    for (let b = 0; b < this.blocks; b++) {
      let m = 0x7fffffff;
      const end = Math.min(n, (b + 1) << LOG);
      for (let k = b << LOG; k < end; k++) if (a[k]! < m) m = a[k]!;
      base[b] = m;
    }
    this.levels.push(base);
    for (let s = 1; 2 * s <= this.blocks; s *= 2) {
      const prev = this.levels[this.levels.length - 1]!;
      const cur = new Int32Array(this.blocks - 2 * s + 1);
      for (let x = 0; x < cur.length; x++) cur[x] = Math.min(prev[x]!, prev[x + s]!);
      this.levels.push(cur);
    }
  }

  /** Minimum of a[l..r] (inclusive, l <= r). */
  min(l: number, r: number): number {
    const a = this.a;
    let m = a[l]!;
    if (r - l < 2 * B) {
      for (let k = l + 1; k <= r; k++) if (a[k]! < m) m = a[k]!;
      return m;
    }
    const bl = (l + B - 1) >> LOG; // first whole block
    const br = ((r + 1) >> LOG) - 1; // last whole block
    for (let k = l; k < bl << LOG; k++) if (a[k]! < m) m = a[k]!;
    for (let k = (br + 1) << LOG; k <= r; k++) if (a[k]! < m) m = a[k]!;
    const lev = 31 - Math.clz32(br - bl + 1);
    const t = this.levels[lev]!;
    const x = Math.min(t[bl]!, t[br - (1 << lev) + 1]!);
    return x < m ? x : m;
  }

  /** Largest k < r with a[k] < t, or -1. */
  prevLess(r: number, t: number): number {
    const a = this.a;
    let k = r - 1;
    if (k < 0) return -1;
    const start = k & ~(B - 1);
    for (; k >= start; k--) if (a[k]! < t) return k;
    let b = start >> LOG; // blocks [0, b) remain
    for (let lev = this.levels.length - 1; lev >= 0; lev--) {
      const s = 1 << lev;
      if (b - s >= 0 && this.levels[lev]![b - s]! >= t) b -= s;
    }
    if (b === 0) return -1;
    for (k = (b << LOG) - 1; ; k--) if (a[k]! < t) return k;
  }

  /** Smallest k > r with a[k] < t, or -1. */
  nextLess(r: number, t: number): number {
    const a = this.a;
    const n = a.length;
    let k = r + 1;
    if (k >= n) return -1;
    const end = Math.min(n, (k | (B - 1)) + 1);
    for (; k < end; k++) if (a[k]! < t) return k;
    let b = end >> LOG; // blocks [b, blocks) remain
    if (end === n) return -1;
    for (let lev = this.levels.length - 1; lev >= 0; lev--) {
      const s = 1 << lev;
      if (b + s <= this.blocks && this.levels[lev]![b]! >= t) b += s;
    }
    if (b >= this.blocks) return -1;
    for (k = b << LOG; ; k++) if (a[k]! < t) return k;
  }
}
