/**
 * One operation's timings: a Node perf_hooks histogram (HDR, 3 significant figures) for the
 * percentiles, plus exact running sums for total, failures and the work processed (throughput).
 * Durations are recorded in whole microseconds (the histogram takes integers >= 1).
 *
 * A call's duration goes into a small typed-array buffer; the buffer is emptied into the histogram
 * when it fills (on that call) and before any read. Between real work a lone native record call is
 * cache-cold (hundreds of ns); a batch of them runs warm (tens of ns each).
 */
import { createHistogram, type RecordableHistogram } from 'node:perf_hooks';
import type { OperationSnapshot, WorkSize } from './types';

/** One hour in microseconds: longer durations are clamped (and still counted in totalMs). */
const HIGHEST_US = 3_600_000_000;
/** Durations buffered before they go into the histogram (fits a Uint32Array: HIGHEST_US < 2^32). */
const BATCH = 128;

export class OperationHistogram {
  private readonly h: RecordableHistogram = createHistogram({ lowest: 1, highest: HIGHEST_US, figures: 3 });
  private readonly pending = new Uint32Array(BATCH);
  private pendingCount = 0;

  private totalMs = 0;
  private failures = 0;
  private bytes = 0;
  private bytesMs = 0;
  private items = 0;
  private itemsMs = 0;

  constructor() {
    // The counts (about 190 KB) come from the allocator untouched: the first record landing on each
    // page would fault it in (tens of µs) inside a timed call. Clearing them now commits the pages
    // here, with the rest of the setup, instead.
    this.h.reset();
  }

  record(ms: number, size?: WorkSize, failed = false): void {
    const us = Math.round(ms * 1000);
    this.pending[this.pendingCount++] = us < 1 ? 1 : us > HIGHEST_US ? HIGHEST_US : us;
    if (this.pendingCount === BATCH) this.flush();
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
    return this.h.count + this.pendingCount;
  }

  /** Forgets every recording, keeping the histogram (no new allocation). */
  reset(): void {
    this.pendingCount = 0;
    this.h.reset();
    this.totalMs = 0;
    this.failures = 0;
    this.bytes = 0;
    this.bytesMs = 0;
    this.items = 0;
    this.itemsMs = 0;
  }

  snapshot(): OperationSnapshot {
    this.flush();
    const count = this.h.count;
    const us = (v: number): number => (count === 0 ? 0 : v / 1000);
    return {
      count,
      failures: this.failures,
      totalMs: this.totalMs,
      meanMs: count === 0 ? 0 : this.totalMs / count,
      minMs: us(this.h.min),
      maxMs: us(this.h.max),
      p50Ms: us(this.h.percentile(50)),
      p95Ms: us(this.h.percentile(95)),
      p99Ms: us(this.h.percentile(99)),
      bytes: this.bytes,
      items: this.items,
      mbPerSec: this.bytesMs > 0 ? this.bytes / 1e6 / (this.bytesMs / 1000) : null,
      itemsPerSec: this.itemsMs > 0 ? this.items / (this.itemsMs / 1000) : null,
    };
  }

  private flush(): void {
    for (let i = 0; i < this.pendingCount; i++) this.h.record(this.pending[i]!);
    this.pendingCount = 0;
  }
}
