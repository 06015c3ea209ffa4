import * as assert from 'node:assert/strict';
import { AlertEngine, DEFAULT_ALERT_RULES, DEFAULT_COOLDOWN_MS, DEFAULT_MIN_SAMPLES, RSS_GAUGE, type AlertRule } from '../../../src/core/metrics/alerts';
import type { AlertEvent } from '../../../src/core/metrics/types';
import { FakeClock } from './fakes';

const slowScan: AlertRule = { id: 'slow-scan', subject: { operation: 'scan' }, warning: 100, critical: 500, cooldownMs: 10_000 };

describe('metrics: AlertEngine', () => {
  it("has SpritePal's default thresholds, memory on RSS in MB", () => {
    const byId = Object.fromEntries(DEFAULT_ALERT_RULES.map((r) => [r.id, [r.subject, r.warning, r.critical]]));
    assert.deepEqual(byId, {
      'rom-load': [{ operation: 'rom.open' }, 1000, 5000],
      extraction: [{ operation: 'hal.decode' }, 100, 500],
      thumbnail: [{ operation: 'thumbnail' }, 50, 200],
      'cache-lookup': [{ operation: 'cache.lookup' }, 10, 50],
      memory: [{ gauge: RSS_GAUGE }, 500, 1000],
    });
    assert.equal(RSS_GAUGE, 'memory.rssMB');
    assert.equal(new AlertEngine().rules.length, 5);
  });

  it('fires warning at the warning threshold and critical at the critical one, nothing below', () => {
    const clock = new FakeClock();
    const engine = new AlertEngine({ rules: [slowScan], clock: clock.now, cooldownMs: 0 });
    assert.deepEqual(engine.checkOperation('scan', 99.9), []);
    const [w] = engine.checkOperation('scan', 100);
    assert.deepEqual(w, {
      ruleId: 'slow-scan',
      level: 'warning',
      subject: 'scan',
      value: 100,
      threshold: 100,
      unit: 'ms',
      message: 'scan 100 ms reached the warning threshold of 100 ms',
      at: clock.t,
    });
    clock.advance(10_000);
    assert.equal(engine.checkOperation('scan', 612.25)[0]!.message, 'scan 612.3 ms reached the critical threshold of 500 ms');
    assert.deepEqual(engine.checkOperation('rom.open', 1e9), [], 'no rule watches rom.open here');
  });

  it('operation rules need a minimum of samples, counted by the caller', () => {
    const engine = new AlertEngine({ rules: [slowScan], minSamples: 3 });
    assert.deepEqual(engine.checkOperation('scan', 900, 1), []);
    assert.deepEqual(engine.checkOperation('scan', 900, 2), []);
    assert.equal(engine.checkOperation('scan', 900, 3)[0]!.level, 'critical');
    assert.equal(new AlertEngine({ rules: [slowScan] }).checkOperation('scan', 900, DEFAULT_MIN_SAMPLES - 1).length, 0);
  });

  it('stays quiet during the cooldown and fires again once it has passed', () => {
    const clock = new FakeClock();
    const engine = new AlertEngine({ rules: [slowScan], clock: clock.now });
    const fired: AlertEvent[] = [];
    engine.onAlert((a) => fired.push(a));
    engine.checkOperation('scan', 200);
    clock.advance(9_999);
    engine.checkOperation('scan', 200);
    clock.advance(1);
    engine.checkOperation('scan', 200);
    assert.deepEqual(
      fired.map((a) => a.at - fired[0]!.at),
      [0, 10_000],
    );
    assert.equal(engine.firedCount, 2);
  });

  it('lets a critical break through a warning cooldown, but not another critical', () => {
    const clock = new FakeClock();
    const engine = new AlertEngine({ rules: [slowScan], clock: clock.now });
    engine.checkOperation('scan', 200);
    clock.advance(1000);
    assert.equal(engine.checkOperation('scan', 900)[0]?.level, 'critical');
    clock.advance(1000);
    assert.deepEqual(engine.checkOperation('scan', 900), []);
    assert.deepEqual(engine.checkOperation('scan', 200), [], 'a warning after a critical waits too');
  });

  it('uses the default cooldown for rules without their own, per rule', () => {
    const clock = new FakeClock();
    const engine = new AlertEngine({ clock: clock.now });
    assert.equal(engine.checkOperation('thumbnail', 60).length, 1);
    assert.equal(engine.checkOperation('cache.lookup', 20).length, 1, 'another rule has its own cooldown');
    clock.advance(DEFAULT_COOLDOWN_MS - 1);
    assert.equal(engine.checkOperation('thumbnail', 60).length, 0);
    clock.advance(1);
    assert.equal(engine.checkOperation('thumbnail', 60).length, 1);
  });

  it('checks gauge rules by gauge name and lists the watched gauges', () => {
    const clock = new FakeClock();
    const engine = new AlertEngine({ clock: clock.now, rules: [{ id: 'queue', subject: { gauge: 'workers.queued' }, warning: 10, critical: 50 }] });
    assert.deepEqual(engine.watchedGauges(), ['workers.queued']);
    const [a] = engine.checkGauge('workers.queued', 12);
    assert.equal(a!.message, 'workers.queued 12 reached the warning threshold of 10');
    assert.deepEqual(engine.checkGauge('workers.busy', 1000), []);
  });

  it('keeps a bounded history, oldest dropped first, and resets it', () => {
    const clock = new FakeClock();
    const engine = new AlertEngine({ rules: [{ ...slowScan, cooldownMs: 0 }], clock: clock.now, maxHistory: 2 });
    for (const v of [100, 200, 300]) engine.checkOperation('scan', v);
    assert.deepEqual(
      engine.recent().map((a) => a.value),
      [200, 300],
    );
    assert.equal(engine.firedCount, 3);
    engine.reset();
    assert.deepEqual([engine.recent(), engine.firedCount], [[], 0]);
  });

  it('one throwing listener neither breaks the others nor the caller; disposed listeners hear nothing', () => {
    const clock = new FakeClock();
    const engine = new AlertEngine({ rules: [slowScan], clock: clock.now, cooldownMs: 0 });
    const heard: string[] = [];
    engine.onAlert(() => {
      throw new Error('listener bug');
    });
    const sub = engine.onAlert((a) => heard.push(a.level));
    const twice = (a: AlertEvent) => heard.push('again:' + a.level);
    engine.onAlert(twice);
    const second = engine.onAlert(twice);
    assert.equal(engine.checkOperation('scan', 600).length, 1);
    sub.dispose();
    second.dispose();
    clock.advance(20_000);
    engine.checkOperation('scan', 150);
    assert.deepEqual(heard, ['critical', 'again:critical', 'again:critical', 'again:warning']);
  });

  it('refuses a rule whose warning exceeds its critical threshold', () => {
    assert.throws(() => new AlertEngine({ rules: [{ ...slowScan, warning: 600 }] }), /warning \(600\) must not exceed critical \(500\)/);
  });
});
