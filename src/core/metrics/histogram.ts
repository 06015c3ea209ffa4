/**
 * One operation's timings: a Node perf_hooks histogram (HDR, 3 significant figures) for the
 * percentiles, plus exact running sums for total, failures and the work processed (throughput).
 * Durations are recorded in whole microseconds (the histogram takes integers >= 1).
 */
import { createHistogram, type RecordableHistogram } from 'node:perf_hooks';
import type { OperationSnapshot, WorkSize } from './types';

/** One hour in microseconds: longer durations are clamped (and still counted in totalMs). */
const HIGHEST_US = 3_600_000_000;

export class OperationHistogram {
  private readonly h: RecordableHistogram = createHistogram({ lowest: 1, highest: HIGHEST_US, figures: 3 });
  private totalMs = 0;
  private failures = 0;
  private bytes = 0;
  private bytesMs = 0;
  private items = 0;
  private itemsMs = 0;

  record(ms: number, size?: WorkSize, failed = false): void {
    const us = Math.round(ms * 1000);
    this.h.record(us < 1 ? 1 : us > HIGHEST_US ? HIGHEST_US : us);
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
    return this.h.count;
  }

  /** Forgets every recording, keeping the histogram (no new allocation). */
  reset(): void {
    this.h.reset();
    this.totalMs = 0;
    this.failures = 0;
    this.bytes = 0;
    this.bytesMs = 0;
    this.items = 0;
    this.itemsMs = 0;
  }

  snapshot(): OperationSnapshot {
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
}
