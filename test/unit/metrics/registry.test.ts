import * as assert from 'node:assert/strict';
import { MetricsRegistry, type MetricsRegistryOptions } from '../../../src/core/metrics/registry';
import type { AlertEvent, MetricsSnapshot } from '../../../src/core/metrics/types';
import { DEFAULT_MIN_SAMPLES } from '../../../src/core/metrics/alerts';
import { FakeClock } from './fakes';

/** A registry on fake clocks: hrtime moves `step` ms per read (plus what the test adds), wall time by hand. */
function setup(options: MetricsRegistryOptions & { step?: number } = {}) {
  const wall = new FakeClock();
  const hr = { t: 0, reads: 0, step: options.step ?? 0 };
  const registry = new MetricsRegistry({
    processGauges: false,
    // One sample is enough here, so each test can show a rule firing; the minimum has its own test.
    minAlertSamples: 1,
    clock: wall.now,
    hrtime: () => {
      hr.reads++;
      return (hr.t += hr.step);
    },
    ...options,
  });
  /** A workload that takes `ms` on the fake hrtime. */
  const work =
    <T>(ms: number, value: T) =>
    (): T => {
      hr.t += ms;
      return value;
    };
  return { registry, wall, hr, work };
}

function sum(buf: Uint8Array): number {
  let s = 0;
  for (let i = 0; i < buf.length; i++) s += buf[i]!;
  return s;
}

describe('metrics: MetricsRegistry', () => {
  describe('timing', () => {
    it('time() returns the value and records the duration, count and size under the operation', () => {
      const { registry, work } = setup();
      assert.equal(registry.time('hal.decode', work(12, 'ok'), { bytes: 4096 }), 'ok');
      registry.time('hal.decode', work(8, 'ok'), (r) => ({ bytes: r.length * 1000 }));
      const sizeBug = (): never => {
        throw new Error('size bug');
      };
      assert.equal(registry.time('hal.decode', work(0, 'still ok'), sizeBug), 'still ok', 'a throwing size function does not cost the result');
      const op = registry.snapshot().operations['hal.decode']!;
      assert.equal(op.count, 3);
      assert.equal(op.totalMs, 20);
      assert.equal(op.bytes, 6096);
      assert.equal(op.mbPerSec, 6096 / 1e6 / 0.02);
      assert.equal(op.failures, 0);
    });

    it('time() rethrows the very exception and records the call as a failure', () => {
      const { registry, hr } = setup();
      const boom = new Error('bad block');
      assert.throws(
        () =>
          registry.time(
            'hal.decode',
            () => {
              hr.t += 3;
              throw boom;
            },
            { bytes: 99 },
          ),
        (e) => e === boom,
      );
      const op = registry.snapshot().operations['hal.decode']!;
      assert.deepEqual([op.count, op.failures, op.totalMs, op.bytes], [1, 1, 3, 0]);
    });

    it('timeAsync() resolves with the value, rejects with the reason, and times until settlement', async () => {
      const { registry, hr } = setup();
      const value = await registry.timeAsync(
        'thumbnail',
        async () => {
          await Promise.resolve();
          hr.t += 40;
          return [1, 2, 3];
        },
        (r) => ({ items: r.length }),
      );
      assert.deepEqual(value, [1, 2, 3]);
      const reason = new Error('worker died');
      await assert.rejects(
        registry.timeAsync('thumbnail', async () => {
          hr.t += 10;
          throw reason;
        }),
        (e) => e === reason,
      );
      assert.throws(
        () =>
          registry.timeAsync('thumbnail', () => {
            throw reason;
          }),
        (e) => e === reason,
      );
      const op = registry.snapshot().operations.thumbnail!;
      assert.deepEqual([op.count, op.failures, op.totalMs, op.items, op.itemsPerSec], [3, 2, 50, 3, 3 / 0.04]);
    });

    it('record() takes durations measured elsewhere and ignores negative or non-finite ones', () => {
      const { registry } = setup();
      registry.record('scan', 250, { bytes: 4 * 1024 * 1024 });
      registry.record('scan', 50, undefined, true);
      registry.record('scan', -1);
      registry.record('scan', NaN);
      registry.record('scan', Infinity);
      const s = registry.snapshot();
      assert.deepEqual([s.operations.scan!.count, s.operations.scan!.failures, s.operations.scan!.totalMs], [2, 1, 300]);
      assert.equal(s.overhead.workMs, 300);
    });
  });

  describe('counters, gauges, caches, errors', () => {
    it('counts, samples gauge callbacks at snapshot time and keeps set values', () => {
      const { registry } = setup();
      registry.count('rom.saves');
      registry.count('rom.saves', 2);
      let busy = 1;
      registry.gauge('workers.busy', () => busy);
      registry.gauge('workers.size', 4);
      assert.deepEqual(registry.snapshot().gauges, { 'workers.busy': 1, 'workers.size': 4 });
      busy = 3;
      const s = registry.snapshot();
      assert.equal(s.gauges['workers.busy'], 3);
      assert.deepEqual(s.counters, { 'rom.saves': 3 });
    });

    it('disposing a gauge or cache removes it, but not a later registration under the same name', () => {
      const { registry } = setup();
      const first = registry.gauge('workers.queued', () => 1);
      registry.gauge('workers.queued', () => 2);
      first.dispose();
      assert.equal(registry.snapshot().gauges['workers.queued'], 2);
      const c = registry.registerCache('memory', () => ({ hits: 1, misses: 0, bytes: 0 }));
      c.dispose();
      c.dispose();
      assert.deepEqual(registry.snapshot().caches, {});
    });

    it('reports each cache level with its hit rate and the totals across levels', () => {
      const { registry } = setup();
      assert.equal(registry.snapshot().cacheTotals.hitRate, null);
      registry.registerCache('memory', () => ({ hits: 90, misses: 10, bytes: 1000, entries: 5 }));
      registry.registerCache('disk', () => ({ hits: 0, misses: 0, bytes: 500, evictions: 2 }));
      const s = registry.snapshot();
      assert.deepEqual(s.caches.memory, { hits: 90, misses: 10, bytes: 1000, entries: 5, hitRate: 0.9 });
      assert.deepEqual(s.caches.disk, { hits: 0, misses: 0, bytes: 500, evictions: 2, hitRate: null });
      assert.deepEqual(s.cacheTotals, { hits: 90, misses: 10, bytes: 1500, entries: 5, evictions: 2, hitRate: 0.9 });
    });

    it("a tiered cache: a lower level serves the front level's misses, so a reopen fully served by disk is 100 %", () => {
      const { registry } = setup();
      // Reopen: a fresh memory level misses all 44 lookups, disk serves every one of them.
      registry.registerCache('memory', () => ({ hits: 0, misses: 44, bytes: 4096, entries: 44 }));
      registry.registerCache('disk', () => ({ hits: 44, misses: 0, bytes: 8192, entries: 44 }), { servesMissesOf: 'memory' });
      const s = registry.snapshot();
      assert.deepEqual(s.caches.memory, { hits: 0, misses: 44, bytes: 4096, entries: 44, hitRate: 0 }, 'per-level stats as reported');
      assert.deepEqual(s.caches.disk, { hits: 44, misses: 0, bytes: 8192, entries: 44, hitRate: 1, servesMissesOf: 'memory' });
      assert.deepEqual(s.cacheTotals, { hits: 44, misses: 0, bytes: 12288, entries: 88, evictions: 0, hitRate: 1 });
    });

    it("a tiered cache: hits of every level over the first level's lookups; misses are what no level served", () => {
      const { registry } = setup();
      // 100 lookups: memory hits 70; of its 30 misses disk serves 20 and misses 10.
      registry.registerCache('disk', () => ({ hits: 20, misses: 10, bytes: 0 }), { servesMissesOf: 'memory' });
      registry.registerCache('memory', () => ({ hits: 70, misses: 30, bytes: 0 }));
      assert.deepEqual(registry.snapshot().cacheTotals, { hits: 90, misses: 10, bytes: 0, entries: 0, evictions: 0, hitRate: 0.9 });
      // A memory-only lookup (disk skipped) is a miss of memory that disk never saw: still a miss overall.
      registry.registerCache('memory', () => ({ hits: 70, misses: 31, bytes: 0 }));
      assert.deepEqual(registry.snapshot().cacheTotals, { hits: 90, misses: 11, bytes: 0, entries: 0, evictions: 0, hitRate: 90 / 101 });
    });

    it('a tiered cache: a lower level without its front level counts its own lookups; hits never exceed lookups', () => {
      const { registry } = setup();
      const memory = registry.registerCache('memory', () => ({ hits: 5, misses: 5, bytes: 0 }));
      registry.registerCache('disk', () => ({ hits: 3, misses: 1, bytes: 0 }), { servesMissesOf: 'memory' });
      memory.dispose();
      assert.deepEqual(registry.snapshot().cacheTotals, { hits: 3, misses: 1, bytes: 0, entries: 0, evictions: 0, hitRate: 0.75 });
      // Stats sampled a moment apart: disk already counts a hit memory's miss count does not show yet.
      registry.registerCache('memory', () => ({ hits: 5, misses: 2, bytes: 0 }));
      assert.deepEqual(registry.snapshot().cacheTotals, { hits: 8, misses: 0, bytes: 0, entries: 0, evictions: 0, hitRate: 1 });
      // A cycle has no first level to divide by: each level counts its own lookups.
      registry.registerCache('memory', () => ({ hits: 5, misses: 5, bytes: 0 }), { servesMissesOf: 'disk' });
      assert.equal(registry.snapshot().cacheTotals.misses, 6);
    });

    it('a throwing or non-finite source yields null or is left out, and is counted as a metrics-source error', () => {
      const { registry } = setup();
      registry.gauge('workers.busy', () => {
        throw new Error('pool gone');
      });
      registry.gauge('workers.queued', () => NaN);
      registry.registerCache('disk', () => {
        throw new Error('EACCES');
      });
      const s = registry.snapshot();
      assert.deepEqual(s.gauges, { 'workers.busy': null, 'workers.queued': null });
      assert.deepEqual(s.caches, {});
      assert.equal(s.errors['metrics-source']!.count, 2);
      assert.equal(s.errors['metrics-source']!.lastMessage, 'cache disk: EACCES');
    });

    it('counts errors by kind with the last message and time of each', () => {
      const { registry, wall } = setup();
      registry.error('decode-failed', new Error('offset 0x1234: bad command'));
      wall.advance(5000);
      registry.error('decode-failed', 'offset 0x2000: overrun');
      registry.error('worker-crash', { toString: () => 'exit code 1' });
      registry.error('webview-protocol', 'x'.repeat(2000));
      const e = registry.snapshot().errors;
      assert.deepEqual(e['decode-failed'], { count: 2, lastMessage: 'offset 0x2000: overrun', lastAt: wall.t });
      assert.equal(e['worker-crash']!.lastMessage, 'exit code 1');
      assert.equal(e['webview-protocol']!.lastMessage.length, 500);
    });

    it('registers the process memory gauges unless told not to', () => {
      const s = new MetricsRegistry({ clockCostMs: 0 }).snapshot();
      assert.ok(s.gauges['memory.rssMB']! > 0);
      assert.ok(s.gauges['memory.heapUsedMB']! > 0);
      assert.ok('memory.arrayBuffersMB' in s.gauges);
    });
  });

  describe('alerts', () => {
    it('checks each recorded operation against the default rules and tells the listeners', () => {
      const { registry, wall } = setup();
      const seen: AlertEvent[] = [];
      const sub = registry.onAlert((a) => seen.push(a));
      registry.record('rom.open', 900);
      registry.record('rom.open', 1200);
      assert.deepEqual(
        seen.map((a) => [a.ruleId, a.level, a.subject, a.value, a.threshold, a.at]),
        [['rom-load', 'warning', 'rom.open', 1200, 1000, wall.t]],
      );
      sub.dispose();
      registry.record('hal.decode', 600);
      assert.equal(seen.length, 1);
      const s = registry.snapshot();
      assert.deepEqual(
        s.alerts.map((a) => a.ruleId),
        ['rom-load', 'extraction'],
      );
      assert.equal(s.alertsFired, 2);
    });

    it('does not alert on the first samples after a start (cold disk, JIT warm-up): rules need DEFAULT_MIN_SAMPLES', () => {
      const { registry } = setup({ minAlertSamples: undefined });
      for (let i = 1; i < DEFAULT_MIN_SAMPLES; i++) registry.record('cache.lookup', 80);
      assert.equal(registry.snapshot().alertsFired, 0, `${DEFAULT_MIN_SAMPLES - 1} slow lookups are a cold start, not an alert`);
      registry.record('cache.lookup', 80);
      assert.deepEqual(
        registry.snapshot().alerts.map((a) => [a.ruleId, a.level]),
        [['cache-lookup', 'critical']],
      );
      registry.reset();
      registry.record('cache.lookup', 80);
      assert.equal(registry.snapshot().alertsFired, 0, 'a reset starts the count again');
    });

    it('checks gauge rules (RSS memory) on snapshot, and not while disabled', () => {
      const { registry } = setup();
      let rss = 300;
      registry.gauge('memory.rssMB', () => rss);
      assert.equal(registry.snapshot().alerts.length, 0);
      rss = 1500;
      registry.setEnabled(false);
      assert.equal(registry.snapshot().alerts.length, 0);
      registry.setEnabled(true);
      const s = registry.snapshot();
      assert.deepEqual(
        s.alerts.map((a) => [a.ruleId, a.level, a.unit]),
        [['memory', 'critical', 'MB']],
      );
    });

    it('uses custom rules, cooldown and a bounded alert list', () => {
      const { registry } = setup({ rules: [{ id: 'slow', subject: { operation: 'scan' }, warning: 1, critical: 1000 }], cooldownMs: 0, maxAlerts: 3 });
      for (let i = 0; i < 5; i++) registry.record('scan', 10 + i);
      const s = registry.snapshot();
      assert.deepEqual(
        s.alerts.map((a) => a.value),
        [12, 13, 14],
      );
      assert.equal(s.alertsFired, 5);
      assert.equal(registry.rules.length, 1);
    });
  });

  describe('alert rules at runtime', () => {
    const decode = { id: 'extraction', subject: { operation: 'hal.decode' }, warning: 100, critical: 500 } as const;

    it('setAlertRules() replaces the rules for every later call and snapshot; fired alerts are kept', () => {
      const { registry } = setup({ rules: [decode], cooldownMs: 0 });
      registry.record('hal.decode', 150);
      assert.equal(registry.snapshot().alertsFired, 1);
      registry.setAlertRules([{ ...decode, warning: 10, critical: 20 }]);
      registry.record('hal.decode', 15);
      registry.record('hal.decode', 9);
      const s = registry.snapshot();
      assert.deepEqual(
        s.alerts.map((a) => [a.level, a.value, a.threshold]),
        [
          ['warning', 150, 100],
          ['warning', 15, 10],
        ],
      );
      // Higher thresholds: what fired before no longer fires (the hot path's skip follows the rules).
      registry.setAlertRules([{ ...decode, warning: 1000, critical: 2000 }]);
      registry.record('hal.decode', 600);
      assert.equal(registry.snapshot().alertsFired, 2);
      assert.equal(registry.rules[0]!.warning, 1000);
    });

    it('a rule whose id stays keeps its cooldown; a new id starts without one', () => {
      const { registry, wall } = setup({ rules: [decode], cooldownMs: 60_000 });
      registry.record('hal.decode', 150);
      wall.advance(10_000);
      registry.setAlertRules([
        { ...decode, warning: 50 },
        { id: 'thumb', subject: { operation: 'thumbnail' }, warning: 5, critical: 50 },
      ]);
      registry.record('hal.decode', 150);
      registry.record('thumbnail', 6);
      assert.deepEqual(
        registry.snapshot().alerts.map((a) => a.ruleId),
        ['extraction', 'thumb'],
        'extraction is still cooling down',
      );
      registry.record('hal.decode', 700);
      assert.deepEqual(
        registry
          .snapshot()
          .alerts.map((a) => [a.ruleId, a.level])
          .at(-1),
        ['extraction', 'critical'],
        'a critical breaks through a warning cooldown',
      );
      wall.advance(60_000);
      registry.record('hal.decode', 150);
      assert.equal(registry.snapshot().alertsFired, 4, 'cooldown over');
    });

    it('a rule dropped and added again starts fresh; cooldownMs sets the default for rules without their own', () => {
      const { registry, wall } = setup({ rules: [decode], cooldownMs: 60_000 });
      registry.record('hal.decode', 150);
      registry.setAlertRules([]);
      registry.record('hal.decode', 150);
      assert.equal(registry.snapshot().alertsFired, 1, 'no rules, no alerts');
      registry.setAlertRules([decode], 1000);
      registry.record('hal.decode', 150);
      assert.equal(registry.snapshot().alertsFired, 2, 'dropped rules forget their cooldown');
      wall.advance(999);
      registry.record('hal.decode', 150);
      assert.equal(registry.snapshot().alertsFired, 2);
      wall.advance(1);
      registry.record('hal.decode', 150);
      assert.equal(registry.snapshot().alertsFired, 3, 'the new default cooldown of 1 s');
      registry.setAlertRules([{ ...decode, cooldownMs: 0 }]);
      registry.record('hal.decode', 150);
      assert.equal(registry.snapshot().alertsFired, 4, "a rule's own cooldown wins");
    });

    it('gauge rules follow too, and a bad rule list changes nothing', () => {
      const { registry } = setup({ rules: [], cooldownMs: 0 });
      let rss = 300;
      registry.gauge('memory.rssMB', () => rss);
      assert.equal(registry.snapshot().alertsFired, 0);
      registry.setAlertRules([{ id: 'memory', subject: { gauge: 'memory.rssMB' }, warning: 200, critical: 400, unit: 'MB' }]);
      assert.deepEqual(
        registry.snapshot().alerts.map((a) => [a.ruleId, a.level]),
        [['memory', 'warning']],
      );
      assert.throws(() => registry.setAlertRules([decode, { ...decode, id: 'bad', warning: 9, critical: 1 }]), RangeError);
      assert.throws(() => registry.setAlertRules([decode], -1), RangeError);
      assert.deepEqual(
        registry.rules.map((r) => r.id),
        ['memory'],
      );
      rss = 500;
      assert.equal(registry.snapshot().alerts.at(-1)!.level, 'critical');
    });
  });

  describe('disabled', () => {
    it('calls the function directly: no clock read, no bookkeeping, value and exception passed through', async () => {
      const { registry, hr } = setup({ enabled: false });
      const before = registry.snapshot();
      const readsBefore = hr.reads;
      let calls = 0;
      assert.equal(
        registry.time('hal.decode', () => (calls++, 42), { bytes: 10 }),
        42,
      );
      const boom = new Error('boom');
      assert.throws(
        () =>
          registry.time('hal.decode', () => {
            calls++;
            throw boom;
          }),
        (e) => e === boom,
      );
      assert.equal(await registry.timeAsync('scan', async () => (calls++, 'a')), 'a');
      await assert.rejects(
        registry.timeAsync('scan', () => (calls++, Promise.reject(boom))),
        (e) => e === boom,
      );
      registry.record('rom.open', 99_999);
      registry.count('saves');
      registry.error('worker-crash', 'gone');
      registry.gauge('workers.size', 4);
      assert.equal(calls, 4);
      assert.equal(hr.reads, readsBefore, 'no clock read while disabled');
      assert.equal(registry.enabled, false);
      assert.deepEqual(registry.snapshot(), before);
      assert.equal(before.enabled, false);
    });

    it('keeps what was recorded while on, records nothing while off, and resumes when on again', () => {
      const { registry } = setup();
      registry.record('scan', 5);
      registry.setEnabled(false);
      registry.record('scan', 5);
      assert.equal(registry.snapshot().operations.scan!.count, 1);
      registry.setEnabled(true);
      registry.record('scan', 5);
      assert.equal(registry.snapshot().operations.scan!.count, 2);
    });
  });

  describe('overhead', () => {
    it('accounts the bookkeeping time against the work time exactly on a deterministic clock', () => {
      // Every hrtime read advances 0.001 ms; each workload takes 10 ms; one unseen read costs 0.002 ms.
      const { registry, work } = setup({ step: 0.001, clockCostMs: 0.002 });
      for (let i = 0; i < 5; i++) registry.time('hal.decode', work(10, i));
      const o = registry.snapshot().overhead;
      // Per call: work = 10 + one read; instrumentation = one read (after the work) + the estimated unseen read.
      assert.ok(Math.abs(o.workMs - 5 * 10.001) < 1e-9, `workMs ${o.workMs}`);
      assert.ok(Math.abs(o.instrumentationMs - 5 * 0.003) < 1e-9, `instrumentationMs ${o.instrumentationMs}`);
      assert.ok(Math.abs(o.percent! - (0.015 / 50.005) * 100) < 1e-9);
      registry.count('x');
      registry.error('decode-failed', 'e');
      const after = registry.snapshot().overhead;
      assert.ok(Math.abs(after.instrumentationMs - (0.015 + 2 * 0.003)) < 1e-9, 'count and error are instrumentation too');
      assert.ok(after.snapshotMs > 0, 'snapshots are accounted separately');
      assert.equal(after.workMs, o.workMs);
    });

    it('is positive and bounded by the elapsed time with the real clock', () => {
      // No clock-cost estimate here: the measured intervals are disjoint and inside the elapsed time.
      const registry = new MetricsRegistry({ processGauges: false, clockCostMs: 0 });
      assert.equal(registry.snapshot().overhead.percent, null);
      const buf = new Uint8Array(1 << 20).fill(7);
      const t0 = performance.now();
      let total = 0;
      for (let i = 0; i < 20; i++) total += registry.time('hal.decode', () => sum(buf), { bytes: buf.length });
      const elapsed = performance.now() - t0;
      assert.equal(total, 20 * 7 * (1 << 20));
      const o = registry.snapshot().overhead;
      assert.ok(o.instrumentationMs > 0, 'some instrumentation time');
      assert.ok(o.workMs > 0, 'some work time');
      assert.ok(o.instrumentationMs + o.workMs <= elapsed, `instrumentation ${o.instrumentationMs} + work ${o.workMs} within elapsed ${elapsed}`);
      assert.ok(o.percent! > 0 && Number.isFinite(o.percent!));
    });

    it('estimates the unseen clock read only once enabled (a registry created off does not calibrate)', () => {
      const registry = new MetricsRegistry({ processGauges: false, enabled: false });
      assert.ok(Number.isNaN((registry as unknown as { clockCostMs: number }).clockCostMs));
      registry.setEnabled(true);
      const cost = (registry as unknown as { clockCostMs: number }).clockCostMs;
      assert.ok(cost > 0 && Number.isFinite(cost), `clock cost ${cost}`);
      registry.record('scan', 1);
      assert.ok(registry.snapshot().overhead.instrumentationMs >= cost);
    });
  });

  describe('setup', () => {
    it('prepares the known operations when created or enabled; they show only once called', () => {
      const { registry, hr } = setup({ step: 0.001 });
      const s = registry.snapshot();
      assert.deepEqual(s.operations, {});
      assert.ok(s.overhead.setupMs > 0, 'the preparation is accounted as setup');
      const reads = hr.reads;
      registry.record('rom.open', 5);
      assert.equal(hr.reads - reads, 2, 'a known operation: just the bookkeeping interval');
      assert.deepEqual(Object.keys(registry.snapshot().operations), ['rom.open']);
      const off = setup({ enabled: false, step: 0.001 });
      assert.equal(off.registry.snapshot().overhead.setupMs, 0, 'created off: nothing prepared');
      off.registry.setEnabled(true);
      assert.ok(off.registry.snapshot().overhead.setupMs > 0);
    });

    it("an unknown operation's first call: its histogram setup is counted as setup, not as that call's instrumentation", () => {
      const { registry, work } = setup({ step: 0.001 });
      const before = registry.snapshot().overhead;
      registry.time('custom.op', work(10, 1));
      const first = registry.snapshot().overhead;
      registry.time('custom.op', work(10, 1));
      const second = registry.snapshot().overhead;
      // Known call: one read after the work (0.001). First unknown call: that read plus the two
      // reads around the setup (their own cost stays instrumentation), minus the setup between them.
      assert.ok(Math.abs(first.instrumentationMs - before.instrumentationMs - 0.002) < 1e-9, `${first.instrumentationMs}`);
      assert.ok(Math.abs(first.setupMs - before.setupMs - 0.001) < 1e-9, `${first.setupMs}`);
      assert.ok(Math.abs(second.instrumentationMs - first.instrumentationMs - 0.001) < 1e-9);
      assert.equal(second.setupMs, first.setupMs);
      assert.equal(registry.snapshot().operations['custom.op']!.count, 2);
    });

    it('reset() empties the histograms in place (no new setup) and hides them until called again', () => {
      const { registry } = setup({ step: 0.001 });
      registry.record('custom.op', 3);
      registry.record('hal.decode', 4, { bytes: 10 });
      registry.reset();
      const s = registry.snapshot();
      assert.deepEqual(s.operations, {});
      assert.equal(s.overhead.setupMs, 0);
      registry.record('custom.op', 7);
      const after = registry.snapshot();
      assert.equal(after.overhead.setupMs, 0, 'the histogram was kept');
      const op = after.operations['custom.op']!;
      assert.deepEqual([op.count, op.totalMs, op.bytes], [1, 7, 0]);
      assert.ok(Math.abs(op.maxMs - 7) < 0.01 && Math.abs(op.minMs - 7) < 0.01, `only the new call: min ${op.minMs}, max ${op.maxMs}`);
    });
  });

  describe('snapshot and reset', () => {
    it('is plain JSON with a schema version and timestamp', () => {
      const { registry, wall } = setup();
      registry.record('hal.decode', 600, { bytes: 1000 });
      registry.count('n');
      registry.error('decode-failed', 'x');
      registry.gauge('workers.busy', () => 1);
      registry.registerCache('memory', () => ({ hits: 1, misses: 1, bytes: 2 }));
      wall.advance(1234);
      const s: MetricsSnapshot = registry.snapshot();
      assert.equal(s.schemaVersion, 1);
      assert.equal(s.timestamp, new Date(wall.t).toISOString());
      assert.equal(s.at, wall.t);
      assert.equal(s.uptimeMs, 1234);
      assert.deepEqual(JSON.parse(JSON.stringify(s)), s);
    });

    it('reset() forgets recordings and overhead but keeps sources, rules and listeners', () => {
      const { registry, wall } = setup();
      let alerts = 0;
      registry.onAlert(() => alerts++);
      registry.gauge('workers.busy', () => 2);
      registry.record('rom.open', 6000);
      registry.count('n');
      registry.error('worker-crash', 'x');
      wall.advance(100);
      registry.reset();
      const s = registry.snapshot();
      assert.deepEqual([s.operations, s.counters, s.errors, s.alerts, s.alertsFired, s.uptimeMs], [{}, {}, {}, [], 0, 0]);
      assert.deepEqual([s.overhead.workMs, s.overhead.instrumentationMs, s.overhead.percent], [0, 0, null]);
      assert.equal(s.gauges['workers.busy'], 2);
      registry.record('rom.open', 6000); // the cooldown was reset too
      assert.equal(alerts, 2);
    });
  });
});
