import * as assert from 'node:assert/strict';
import { MetricsRegistry, RSS_GAUGE, type AlertRule } from '../../../src/core/metrics';
import { AlertWatcher } from '../../../src/providers/monitoring/alert-watcher';
import { FakeClock } from '../metrics/fakes';

const decodeRule: AlertRule = { id: 'extraction', subject: { operation: 'hal.decode' }, warning: 100, critical: 500, unit: 'ms', cooldownMs: 0 };
const memoryRule: AlertRule = { id: 'memory', subject: { gauge: RSS_GAUGE }, warning: 500, critical: 1000, unit: 'MB', cooldownMs: 0 };

function setup(rules: AlertRule[] = [decodeRule]) {
  const clock = new FakeClock();
  // The registry's own rules are far away, so only the watcher can fire.
  const registry = new MetricsRegistry({ clock: clock.now, hrtime: () => 0, processGauges: false, rules: [] });
  const watcher = new AlertWatcher({ rules, clock: clock.now });
  const sample = () => watcher.observe(registry.snapshot());
  return { clock, registry, watcher, sample };
}

describe('monitoring: AlertWatcher (settings thresholds over snapshots)', () => {
  it('one call in a window: judged by its exact duration', () => {
    const { registry, sample } = setup();
    registry.record('hal.decode', 99);
    assert.deepEqual(sample(), []);
    registry.record('hal.decode', 120);
    const fired = sample();
    assert.equal(fired.length, 1);
    assert.equal(fired[0]!.level, 'warning');
    assert.equal(fired[0]!.value, 120);
  });

  it('many calls: the new maximum when it rose, else the window mean', () => {
    const { registry, sample, clock } = setup();
    registry.record('hal.decode', 1);
    registry.record('hal.decode', 600);
    registry.record('hal.decode', 2);
    const [critical, ...more] = sample();
    assert.equal(more.length, 0);
    assert.equal(critical!.level, 'critical');
    assert.ok(Math.abs(critical!.value - 600) < 1, `the maximum (histogram precision): ${critical!.value}`);
    clock.advance(1000);
    // Max stays 600; the window's calls average 150: a warning (a lower bound of its slowest call).
    registry.record('hal.decode', 140);
    registry.record('hal.decode', 160);
    assert.deepEqual(sample().map((a) => [a.level, a.value]), [['warning', 150]]);
    // Nothing new: nothing judged again.
    assert.deepEqual(sample(), []);
  });

  it('uses the thresholds it was given, not the registry defaults, and new rules apply at once', () => {
    const { registry, sample, watcher } = setup([{ ...decodeRule, warning: 10, critical: 20 }]);
    registry.record('hal.decode', 15);
    assert.equal(sample()[0]?.threshold, 10);
    watcher.setRules([{ ...decodeRule, warning: 1000, critical: 2000 }]);
    registry.record('hal.decode', 15);
    assert.deepEqual(sample(), []);
    assert.equal(watcher.firedCount, 1, 'alerts fired under the old rules are kept');
  });

  it('checks gauge rules on every sample (memory)', () => {
    const { registry, sample } = setup([memoryRule]);
    let rss = 100;
    registry.gauge(RSS_GAUGE, () => rss);
    assert.deepEqual(sample(), []);
    rss = 1200;
    assert.deepEqual(sample().map((a) => a.level), ['critical']);
  });

  it('keeps the cooldown per rule', () => {
    const { registry, sample, clock } = setup([{ ...decodeRule, cooldownMs: 60_000 }]);
    registry.record('hal.decode', 200);
    assert.equal(sample().length, 1);
    clock.advance(30_000);
    registry.record('hal.decode', 200);
    assert.equal(sample().length, 0, 'cooling down');
    clock.advance(30_000);
    registry.record('hal.decode', 200);
    assert.equal(sample().length, 1);
  });

  it('apply() puts its alerts into the snapshot in place of the registry ones', () => {
    const clock = new FakeClock();
    const registry = new MetricsRegistry({ clock: clock.now, hrtime: () => 0, processGauges: false, rules: [{ ...decodeRule, warning: 1, critical: 2 }] });
    const watcher = new AlertWatcher({ rules: [decodeRule], clock: clock.now });
    registry.record('hal.decode', 50);
    const raw = registry.snapshot();
    assert.equal(raw.alertsFired, 1, 'the registry fired under its own rule');
    watcher.observe(raw);
    const shown = watcher.apply(raw);
    assert.equal(shown.alertsFired, 0);
    assert.deepEqual(shown.alerts, []);
    assert.equal(shown.operations, raw.operations);
  });

  it('a registry reset starts every operation from zero (and reset() forgets alerts)', () => {
    const { registry, sample, watcher, clock } = setup([{ ...decodeRule, warning: 50, critical: 500 }]);
    for (let i = 0; i < 5; i++) registry.record('hal.decode', 20);
    assert.deepEqual(sample(), []);
    clock.advance(5);
    registry.reset();
    for (let i = 0; i < 6; i++) registry.record('hal.decode', 30);
    // Six 30 ms calls since the reset: nothing to alert. Diffed against the 5 calls before the reset,
    // they would look like one call of 180 - 100 = 80 ms, over the 50 ms warning.
    assert.deepEqual(sample(), []);
    registry.record('hal.decode', 70);
    assert.equal(sample().length, 1);
    watcher.reset();
    assert.equal(watcher.firedCount, 0);
    assert.deepEqual(watcher.recent(), []);
  });

  it('monitoring off: nothing is judged', () => {
    const { registry, sample } = setup();
    registry.record('hal.decode', 700);
    registry.setEnabled(false);
    assert.deepEqual(sample(), []);
  });
});
