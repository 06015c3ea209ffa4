/**
 * One operation's timings: a log-linear histogram of whole microseconds for the percentiles (the
 * layout of an HDR histogram with 3 significant figures), plus exact running sums for total,
 * failures and the work processed (throughput), and the exact min and max.
 *
 * The counts live on the JS heap, in blocks of 1024 made on first use: an operation's durations
 * fall in a few powers of two, so it holds a few KB. (A perf_hooks histogram with the same range
 * and precision allocates about 190 KB of native memory per operation up front; seven of them per
 * registry, faulted in and later unmapped outside the garbage collector's accounting, cost more
 * around the timed work than the timing itself.) Recording is plain arithmetic and one increment.
 */
import type { OperationSnapshot, WorkSize } from './types';

/** One hour in microseconds: longer durations are clamped (and still counted in totalMs). */
const HIGHEST_US = 3_600_000_000;
/** Sub-buckets per power of two: values within 1/1024 (< 0.1 %); below 2 * SUB every microsecond has its own count. */
const SUB_BITS = 10;
const SUB = 1 << SUB_BITS;
/** Blocks of SUB counts: 2 for 0..2047 µs, then one per power of two up to HIGHEST_US (< 2^32). */
const BLOCKS = 2 + (31 - SUB_BITS);

/** The count slot of a duration in whole microseconds (1 <= us <= HIGHEST_US). */
function slotOf(us: number): number {
  if (us < 2 * SUB) return us;
  const shift = 31 - Math.clz32(us) - SUB_BITS;
  return ((shift + 1) << SUB_BITS) + (Math.floor(us / 2 ** shift) - SUB);
}

/** The middle of the durations a slot counts (its own value below 2 * SUB). */
function valueOf(slot: number): number {
  if (slot < 2 * SUB) return slot;
  const shift = (slot >>> SUB_BITS) - 1;
  const width = 2 ** shift;
  return ((slot & (SUB - 1)) + SUB) * width + (width - 1) / 2;
}

export class OperationHistogram {
  private readonly blocks: (Uint32Array | undefined)[] = new Array<Uint32Array | undefined>(BLOCKS).fill(undefined);
  private n = 0;
  private minUs = 0;
  private maxUs = 0;

  private totalMs = 0;
  private failures = 0;
  private bytes = 0;
  private bytesMs = 0;
  private items = 0;
  private itemsMs = 0;

  record(ms: number, size?: WorkSize, failed = false): void {
    const r = Math.round(ms * 1000);
    const us = r < 1 ? 1 : r > HIGHEST_US ? HIGHEST_US : r;
    const slot = slotOf(us);
    const block = (this.blocks[slot >>> SUB_BITS] ??= new Uint32Array(SUB));
    block[slot & (SUB - 1)]!++;
    if (this.n === 0 || us < this.minUs) this.minUs = us;
    if (us > this.maxUs) this.maxUs = us;
    this.n++;
    this.totalMs += ms;
    if (failed) this.failures++;
    if (size) {
      if (size.bytes !== undefined && size.bytes > 0) {
        this.bytes += size.bytes;
        this.bytesMs += ms;
      }
      if (size.items !== undefined && size.items > 0) {
        this.items += size.items;
        this.itemsMs += ms;
      }
    }
  }

  /** Calls recorded. */
  get count(): number {
    return this.n;
  }

  /** Forgets every recording, keeping the count blocks (no new allocation). */
  reset(): void {
    for (const b of this.blocks) b?.fill(0);
    this.n = 0;
    this.minUs = 0;
    this.maxUs = 0;
    this.totalMs = 0;
    this.failures = 0;
    this.bytes = 0;
    this.bytesMs = 0;
    this.items = 0;
    this.itemsMs = 0;
  }

  snapshot(): OperationSnapshot {
    const count = this.n;
    const [p50, p95, p99] = this.percentiles([50, 95, 99]);
    return {
      count,
      failures: this.failures,
      totalMs: this.totalMs,
      meanMs: count === 0 ? 0 : this.totalMs / count,
      minMs: this.minUs / 1000,
      maxMs: this.maxUs / 1000,
      p50Ms: p50! / 1000,
      p95Ms: p95! / 1000,
      p99Ms: p99! / 1000,
      bytes: this.bytes,
      items: this.items,
      mbPerSec: this.bytesMs > 0 ? this.bytes / 1e6 / (this.bytesMs / 1000) : null,
      itemsPerSec: this.itemsMs > 0 ? this.items / (this.itemsMs / 1000) : null,
    };
  }

  /**
   * Microseconds at each percentile (ascending): the value below which that share of the calls
   * fall, as an HDR histogram answers it (the slot reaching that count), kept within [min, max].
   */
  private percentiles(ps: readonly number[]): number[] {
    const out = ps.map(() => 0);
    if (this.n === 0) return out;
    let k = 0;
    let target = Math.max(1, Math.round((ps[0]! / 100) * this.n));
    let seen = 0;
    for (let b = 0; b < BLOCKS && k < ps.length; b++) {
      const block = this.blocks[b];
      if (!block) continue;
      for (let i = 0; i < SUB && k < ps.length; i++) {
        if (block[i] === 0) continue;
        seen += block[i]!;
        while (k < ps.length && seen >= target) {
          out[k] = Math.min(this.maxUs, Math.max(this.minUs, valueOf((b << SUB_BITS) + i)));
          k++;
          if (k < ps.length) target = Math.max(1, Math.round((ps[k]! / 100) * this.n));
        }
      }
    }
    return out;
  }
}
