import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AlertEngine, DEFAULT_ALERT_RULES, DEFAULT_COOLDOWN_MS, DEFAULT_MAX_BYTES, DEFAULT_MAX_FILES } from '../../../src/core/metrics';
import { alertRulesFromSettings, readMonitoringSettings, sameRules, THRESHOLD_KEYS } from '../../../src/providers/monitoring/settings';

const from = (values: Record<string, unknown>) => (key: string) => values[key];

describe('monitoring settings', () => {
  it("unset settings give SpritePal's defaults: thresholds, 60 s cooldown, export off, 7 files / 100 MB", () => {
    const { settings, problems } = readMonitoringSettings(from({}));
    assert.deepEqual(problems, []);
    assert.equal(settings.enabled, true);
    assert.deepEqual(settings.thresholds, {
      'rom-load': { warning: 1000, critical: 5000 },
      extraction: { warning: 100, critical: 500 },
      thumbnail: { warning: 50, critical: 200 },
      'cache-lookup': { warning: 10, critical: 50 },
      memory: { warning: 500, critical: 1000 },
    });
    assert.equal(settings.cooldownMs, DEFAULT_COOLDOWN_MS);
    assert.equal(settings.periodicExport, false);
    assert.equal(settings.exportIntervalMs, 60 * 60_000);
    assert.equal(settings.exportMaxFiles, DEFAULT_MAX_FILES);
    assert.equal(settings.exportMaxBytes, DEFAULT_MAX_BYTES);
    assert.equal(settings.notifyCritical, true);
    const rules = alertRulesFromSettings(settings);
    assert.deepEqual(
      rules.map(({ cooldownMs: _c, ...r }) => r),
      DEFAULT_ALERT_RULES.map((r) => ({ ...r })),
      'the same rules as the registry defaults',
    );
    assert.ok(rules.every((r) => r.cooldownMs === DEFAULT_COOLDOWN_MS));
  });

  it('maps every threshold setting to its rule, and the cooldown to every rule', () => {
    const values: Record<string, unknown> = {
      'alerts.cooldownSeconds': 5,
      enabled: false,
      'export.periodic': true,
      'export.intervalMinutes': 2,
      'export.maxFiles': 3,
      'export.maxSizeMB': 1.5,
    };
    let n = 1;
    for (const keys of Object.values(THRESHOLD_KEYS)) {
      values[keys.warning] = n;
      values[keys.critical] = n * 10;
      n++;
    }
    const { settings, problems } = readMonitoringSettings(from(values));
    assert.deepEqual(problems, []);
    const rules = alertRulesFromSettings(settings);
    n = 1;
    for (const rule of rules) {
      assert.equal(rule.warning, n, rule.id);
      assert.equal(rule.critical, n * 10, rule.id);
      assert.equal(rule.cooldownMs, 5000);
      n++;
    }
    assert.equal(rules.length, Object.keys(THRESHOLD_KEYS).length);
    assert.equal(settings.enabled, false);
    assert.equal(settings.periodicExport, true);
    assert.equal(settings.exportIntervalMs, 120_000);
    assert.equal(settings.exportMaxFiles, 3);
    assert.equal(settings.exportMaxBytes, 1.5 * 1024 * 1024);
  });

  it('falls back (and says so) on wrong types and out-of-range values; never throws', () => {
    const { settings, problems } = readMonitoringSettings(
      from({ enabled: 'yes', 'alerts.romLoad.warningMs': -1, 'alerts.thumbnail.criticalMs': Number.NaN, 'export.maxFiles': 2.5, 'export.intervalMinutes': 0 }),
    );
    assert.equal(settings.enabled, true);
    assert.equal(settings.thresholds['rom-load']!.warning, 1000);
    assert.equal(settings.thresholds.thumbnail!.critical, 200);
    assert.equal(settings.exportMaxFiles, 7);
    assert.equal(settings.exportIntervalMs, 3_600_000);
    assert.equal(problems.length, 5);
    assert.match(problems.join('\n'), /spritepal\.monitoring\.alerts\.romLoad\.warningMs/);
  });

  it('a critical threshold below the warning one is raised to it, so the alert engine accepts the rules', () => {
    const { settings, problems } = readMonitoringSettings(from({ 'alerts.extraction.warningMs': 300, 'alerts.extraction.criticalMs': 200 }));
    assert.deepEqual(settings.thresholds.extraction, { warning: 300, critical: 300 });
    assert.equal(problems.length, 1);
    assert.doesNotThrow(() => new AlertEngine({ rules: alertRulesFromSettings(settings) }));
  });

  it('sameRules tells changed thresholds apart', () => {
    const a = alertRulesFromSettings(readMonitoringSettings(from({})).settings);
    assert.equal(sameRules(a, alertRulesFromSettings(readMonitoringSettings(from({})).settings)), true);
    assert.equal(sameRules(a, alertRulesFromSettings(readMonitoringSettings(from({ 'alerts.memory.warningMB': 600 })).settings)), false);
    assert.equal(sameRules(a, alertRulesFromSettings(readMonitoringSettings(from({ 'alerts.cooldownSeconds': 1 })).settings)), false);
  });

  it('package.json contributes every setting with the defaults the code uses', () => {
    const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', '..', 'package.json'), 'utf8')) as {
      contributes: { configuration: { properties: Record<string, { default: unknown }> } };
    };
    const props = pkg.contributes.configuration.properties;
    const defaults: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(props)) if (k.startsWith('spritepal.monitoring.')) defaults[k.slice('spritepal.monitoring.'.length)] = v.default;
    const read = readMonitoringSettings(from(defaults));
    assert.deepEqual(read.problems, []);
    assert.deepEqual(read.settings, readMonitoringSettings(from({})).settings, 'package.json defaults = code defaults');
    for (const keys of Object.values(THRESHOLD_KEYS)) {
      assert.ok(keys.warning in defaults && keys.critical in defaults, `${keys.warning} / ${keys.critical} are contributed`);
    }
    for (const k of [
      'enabled',
      'alerts.cooldownSeconds',
      'alerts.notifyCritical',
      'export.periodic',
      'export.intervalMinutes',
      'export.maxFiles',
      'export.maxSizeMB',
    ])
      assert.ok(k in defaults, `${k} is contributed`);
  });
});
