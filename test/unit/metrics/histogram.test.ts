import * as assert from 'node:assert/strict';
import { OperationHistogram } from '../../../src/core/metrics/histogram';

/** Within the histogram's precision: 3 significant figures (0.1 %) plus the 1 µs resolution. */
function near(actual: number, expected: number, what: string): void {
  const tolerance = expected * 0.001 + 0.001;
  assert.ok(Math.abs(actual - expected) <= tolerance, `${what}: ${actual} is not within ${tolerance} of ${expected}`);
}

describe('metrics: OperationHistogram', () => {
  it('reports percentiles of known samples within the histogram precision, with exact count and total', () => {
    const h = new OperationHistogram();
    for (let i = 1; i <= 1000; i++) h.record(i); // 1..1000 ms
    const s = h.snapshot();
    assert.equal(s.count, 1000);
    assert.equal(s.totalMs, 500_500);
    assert.equal(s.meanMs, 500.5);
    near(s.p50Ms, 500, 'p50');
    near(s.p95Ms, 950, 'p95');
    near(s.p99Ms, 990, 'p99');
    near(s.minMs, 1, 'min');
    near(s.maxMs, 1000, 'max');
    assert.equal(s.failures, 0);
  });

  it('resolves sub-millisecond durations to the microsecond and clamps below 1 µs', () => {
    const h = new OperationHistogram();
    h.record(0.25);
    h.record(0.0001);
    const s = h.snapshot();
    near(s.maxMs, 0.25, 'max');
    assert.equal(s.minMs, 0.001);
    assert.equal(s.count, 2);
    assert.equal(s.totalMs, 0.2501);
  });

  it('is all zeros and nulls before the first sample (no NaN, no sentinel min)', () => {
    const s = new OperationHistogram().snapshot();
    assert.deepEqual(s, {
      count: 0,
      failures: 0,
      totalMs: 0,
      meanMs: 0,
      minMs: 0,
      maxMs: 0,
      p50Ms: 0,
      p95Ms: 0,
      p99Ms: 0,
      bytes: 0,
      items: 0,
      mbPerSec: null,
      itemsPerSec: null,
    });
  });

  it('derives throughput only from the samples that reported bytes or items', () => {
    const h = new OperationHistogram();
    h.record(10, { bytes: 1_000_000 }); // 1 MB in 10 ms
    h.record(30, { bytes: 2_000_000 }); // 2 MB in 30 ms
    h.record(500); // no size: must not dilute MB/s
    h.record(20, { items: 4 });
    h.record(5, { bytes: 0, items: 0 }); // zero sizes count as no size
    const s = h.snapshot();
    assert.equal(s.bytes, 3_000_000);
    assert.equal(s.mbPerSec, 3 / 0.04);
    assert.equal(s.items, 4);
    assert.equal(s.itemsPerSec, 200);
  });

  it('counts buffered calls at once; reads and a full buffer put them into the histogram; reset() drops them', () => {
    const h = new OperationHistogram();
    for (let i = 1; i <= 300; i++) h.record(i === 300 ? 5000 : 1); // over two buffer loads, slowest last
    assert.equal(h.count, 300);
    const s = h.snapshot();
    assert.equal(s.count, 300);
    near(s.maxMs, 5000, 'max (the buffered tail)');
    near(s.minMs, 1, 'min');
    assert.equal(h.snapshot().count, 300, 'reading twice records nothing twice');
    h.record(7);
    h.reset();
    assert.equal(h.count, 0);
    h.record(3);
    assert.deepEqual([h.snapshot().count, h.snapshot().totalMs], [1, 3]);
    near(h.snapshot().maxMs, 3, 'only the call after the reset');
  });

  it('counts failures and clamps durations beyond an hour into the top bucket (total stays exact)', () => {
    const h = new OperationHistogram();
    h.record(7_200_000, undefined, true);
    const s = h.snapshot();
    assert.equal(s.failures, 1);
    assert.equal(s.totalMs, 7_200_000);
    near(s.maxMs, 3_600_000, 'max');
  });
});
