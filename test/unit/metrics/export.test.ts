import * as assert from 'node:assert/strict';
import { startPeriodicExport } from '../../../src/core/metrics/export';
import type { WriteResult } from '../../../src/core/metrics/rotation';
import type { MetricsSnapshot } from '../../../src/core/metrics/types';
import { MetricsRegistry } from '../../../src/core/metrics/registry';
import { FakeClock, FakeTimers } from './fakes';

describe('metrics: startPeriodicExport', () => {
  const registry = new MetricsRegistry({ processGauges: false, clockCostMs: 0 });

  it('writes a snapshot every interval until disposed', async () => {
    const timers = new FakeTimers(new FakeClock());
    const written: MetricsSnapshot[] = [];
    const rotator = { write: async (s: MetricsSnapshot): Promise<WriteResult> => (written.push(s), { path: `p${written.length}`, removed: [] }) };
    const exp = startPeriodicExport({ snapshot: () => registry.snapshot(), rotator, intervalMs: 60_000, timers });
    timers.advance(59_999);
    assert.equal(written.length, 0);
    timers.advance(1);
    await new Promise((r) => setImmediate(r)); // let the first write finish
    timers.advance(60_000);
    assert.equal(written.length, 2);
    exp.dispose();
    exp.dispose();
    assert.equal(timers.pending, 0);
    assert.equal(await exp.exportNow(), null);
  });

  it('skips a tick while a write is still running and reports failures to onError', async () => {
    const timers = new FakeTimers(new FakeClock());
    let release!: () => void;
    let calls = 0;
    const rotator = {
      write: (): Promise<WriteResult> => {
        calls++;
        if (calls === 1) return new Promise((resolve) => (release = () => resolve({ path: 'slow', removed: [] })));
        return Promise.reject(new Error('disk full'));
      },
    };
    const errors: unknown[] = [];
    const exp = startPeriodicExport({ snapshot: () => registry.snapshot(), rotator, intervalMs: 1000, timers, onError: (e) => errors.push(e) });
    const first = exp.exportNow();
    assert.equal(await exp.exportNow(), null, 'busy');
    release();
    assert.deepEqual(await first, { path: 'slow', removed: [] });
    assert.equal(await exp.exportNow(), null);
    assert.match(String(errors[0]), /disk full/);
    exp.dispose();
  });

  it('refuses a non-positive interval and works on real timers (unref, cleared on dispose)', () => {
    assert.throws(
      () => startPeriodicExport({ snapshot: () => registry.snapshot(), rotator: { write: async () => ({ path: '', removed: [] }) }, intervalMs: 0 }),
      /intervalMs/,
    );
    const exp = startPeriodicExport({
      snapshot: () => registry.snapshot(),
      rotator: { write: async () => ({ path: '', removed: [] }) },
      intervalMs: 3_600_000,
    });
    exp.dispose();
  });
});
