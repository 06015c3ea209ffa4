import * as assert from 'node:assert/strict';
import { MetricsRegistry, RSS_GAUGE } from '../../../src/core/metrics';
import { applyAlertSettings, readMonitoringSettings } from '../../../src/providers/monitoring/settings';
import { FakeClock } from '../metrics/fakes';

const settingsOf = (values: Record<string, unknown>) => readMonitoringSettings((key) => values[key]).settings;

function setup() {
  const clock = new FakeClock();
  // Created with SpritePal's defaults, as the services make it; the settings are applied after.
  const registry = new MetricsRegistry({ clock: clock.now, hrtime: () => 0, processGauges: false, minAlertSamples: 1 }); // each sample judged: the minimum has its own test
  return { clock, registry };
}

describe("monitoring: the settings' alert rules in the registry", () => {
  it('puts the thresholds in force for every later call, judged by its exact duration', () => {
    const { registry } = setup();
    const rules = applyAlertSettings(registry, settingsOf({ 'alerts.extraction.warningMs': 10, 'alerts.extraction.criticalMs': 20 }));
    assert.ok(rules, 'the thresholds differ from the defaults');
    registry.record('hal.decode', 9);
    registry.record('hal.decode', 15);
    registry.record('hal.decode', 25);
    const s = registry.snapshot();
    assert.deepEqual(
      s.alerts.map((a) => [a.ruleId, a.level, a.value, a.threshold]),
      [
        ['extraction', 'warning', 15, 10],
        ['extraction', 'critical', 25, 20],
      ],
    );
  });

  it('changes nothing (and says so) when the settings give the rules already in force', () => {
    const { registry } = setup();
    const settings = settingsOf({ 'alerts.cooldownSeconds': 5 });
    assert.ok(applyAlertSettings(registry, settings));
    assert.equal(applyAlertSettings(registry, settings), null);
    assert.equal(applyAlertSettings(registry, settingsOf({ 'alerts.cooldownSeconds': 5 })), null);
    assert.ok(applyAlertSettings(registry, settingsOf({ 'alerts.cooldownSeconds': 6 })));
    assert.ok(registry.rules.every((r) => r.cooldownMs === 6000));
  });

  it('the cooldown from the settings applies, and a rule keeps it across a threshold change', () => {
    const { registry, clock } = setup();
    applyAlertSettings(registry, settingsOf({ 'alerts.cooldownSeconds': 60 }));
    registry.record('thumbnail', 60);
    clock.advance(30_000);
    applyAlertSettings(registry, settingsOf({ 'alerts.cooldownSeconds': 60, 'alerts.thumbnail.warningMs': 40 }));
    registry.record('thumbnail', 45);
    assert.equal(registry.snapshot().alertsFired, 1, 'the thumbnail rule is still cooling down');
    clock.advance(30_000);
    registry.record('thumbnail', 45);
    assert.deepEqual(
      registry.snapshot().alerts.map((a) => a.threshold),
      [50, 40],
    );
  });

  it('gauge thresholds (memory) apply on the next snapshot; alerts fired under the old rules are kept', () => {
    const { registry } = setup();
    let rss = 300;
    registry.gauge(RSS_GAUGE, () => rss);
    applyAlertSettings(registry, settingsOf({ 'alerts.cooldownSeconds': 0 }));
    registry.record('rom.open', 1500);
    assert.equal(registry.snapshot().alertsFired, 1);
    applyAlertSettings(registry, settingsOf({ 'alerts.cooldownSeconds': 0, 'alerts.memory.warningMB': 100, 'alerts.memory.criticalMB': 200 }));
    const s = registry.snapshot();
    assert.deepEqual(
      s.alerts.map((a) => [a.ruleId, a.level]),
      [
        ['rom-load', 'warning'],
        ['memory', 'critical'],
      ],
    );
    rss = 50;
    assert.equal(registry.snapshot().alertsFired, 2);
  });
});
