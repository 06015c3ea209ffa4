/**
 * The `spritepal.monitoring.*` settings as one plain object, and the alert rules they make. Pure
 * (no vscode import): the caller passes a getter over the configuration, so unit tests pass a map.
 * Out-of-range or mistyped values fall back to the default (or are clamped) and are reported as
 * problems for the log, never thrown: a bad setting must not stop the extension.
 */
import { DEFAULT_ALERT_RULES, DEFAULT_COOLDOWN_MS, DEFAULT_MAX_BYTES, DEFAULT_MAX_FILES, type AlertRule, type MetricsRegistry } from '../../core/metrics';

/** Reads one key under `spritepal.monitoring` (e.g. "alerts.romLoad.warningMs"); undefined when unset. */
export type SettingGetter = (key: string) => unknown;

export interface ThresholdPair {
  warning: number;
  critical: number;
}

export interface MonitoringSettings {
  enabled: boolean;
  /** By alert rule id (the ids of DEFAULT_ALERT_RULES). */
  thresholds: Record<string, ThresholdPair>;
  cooldownMs: number;
  /** Show a notification for critical alerts. */
  notifyCritical: boolean;
  periodicExport: boolean;
  exportIntervalMs: number;
  exportMaxFiles: number;
  exportMaxBytes: number;
}

/** Where each default rule's thresholds live in the settings (keys under spritepal.monitoring). */
export const THRESHOLD_KEYS: Record<string, { warning: string; critical: string }> = {
  'rom-load': { warning: 'alerts.romLoad.warningMs', critical: 'alerts.romLoad.criticalMs' },
  extraction: { warning: 'alerts.extraction.warningMs', critical: 'alerts.extraction.criticalMs' },
  thumbnail: { warning: 'alerts.thumbnail.warningMs', critical: 'alerts.thumbnail.criticalMs' },
  'cache-lookup': { warning: 'alerts.cacheLookup.warningMs', critical: 'alerts.cacheLookup.criticalMs' },
  memory: { warning: 'alerts.memory.warningMB', critical: 'alerts.memory.criticalMB' },
};

export const DEFAULT_EXPORT_INTERVAL_MINUTES = 60;
const MB = 1024 * 1024;

export interface ReadResult {
  settings: MonitoringSettings;
  /** One line per setting that was ignored or adjusted. */
  problems: string[];
}

export function readMonitoringSettings(get: SettingGetter): ReadResult {
  const problems: string[] = [];
  const bool = (key: string, fallback: boolean): boolean => {
    const v = get(key);
    if (v === undefined) return fallback;
    if (typeof v === 'boolean') return v;
    problems.push(`spritepal.monitoring.${key} must be true or false; using ${fallback}`);
    return fallback;
  };
  const num = (key: string, fallback: number, min: number, integer = false): number => {
    const v = get(key);
    if (v === undefined) return fallback;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < min || (integer && !Number.isInteger(v))) {
      problems.push(
        `spritepal.monitoring.${key} must be ${integer ? 'a whole number' : 'a number'} of at least ${min} (got ${JSON.stringify(v)}); using ${fallback}`,
      );
      return fallback;
    }
    return v;
  };

  const thresholds: Record<string, ThresholdPair> = {};
  for (const rule of DEFAULT_ALERT_RULES) {
    const keys = THRESHOLD_KEYS[rule.id];
    if (!keys) continue;
    const warning = num(keys.warning, rule.warning, 0);
    let critical = num(keys.critical, rule.critical, 0);
    if (critical < warning) {
      problems.push(`spritepal.monitoring.${keys.critical} (${critical}) is below ${keys.warning} (${warning}); using ${warning} for both`);
      critical = warning;
    }
    thresholds[rule.id] = { warning, critical };
  }
  const settings: MonitoringSettings = {
    enabled: bool('enabled', true),
    thresholds,
    cooldownMs: num('alerts.cooldownSeconds', DEFAULT_COOLDOWN_MS / 1000, 0) * 1000,
    notifyCritical: bool('alerts.notifyCritical', true),
    periodicExport: bool('export.periodic', false),
    exportIntervalMs: num('export.intervalMinutes', DEFAULT_EXPORT_INTERVAL_MINUTES, 1) * 60_000,
    exportMaxFiles: num('export.maxFiles', DEFAULT_MAX_FILES, 1, true),
    exportMaxBytes: num('export.maxSizeMB', DEFAULT_MAX_BYTES / MB, 1) * MB,
  };
  return { settings, problems };
}

/** SpritePal's rules with the thresholds and cooldown from the settings. */
export function alertRulesFromSettings(settings: Pick<MonitoringSettings, 'thresholds' | 'cooldownMs'>): AlertRule[] {
  return DEFAULT_ALERT_RULES.map((rule) => {
    const t = settings.thresholds[rule.id];
    return { ...rule, warning: t?.warning ?? rule.warning, critical: t?.critical ?? rule.critical, cooldownMs: settings.cooldownMs };
  });
}

/** Whether two rule lists would judge the same values the same way. */
export function sameRules(a: readonly AlertRule[], b: readonly AlertRule[]): boolean {
  return a.length === b.length && a.every((r, i) => JSON.stringify(r) === JSON.stringify(b[i]));
}

/**
 * Puts the settings' rules and cooldown into force in the registry when they differ from the
 * rules it has; returns the new rules, or null when nothing changed. Rules whose id stays keep
 * their cooldown state (see MetricsRegistry.setAlertRules).
 */
export function applyAlertSettings(
  metrics: Pick<MetricsRegistry, 'rules' | 'setAlertRules'>,
  settings: Pick<MonitoringSettings, 'thresholds' | 'cooldownMs'>,
): AlertRule[] | null {
  const rules = alertRulesFromSettings(settings);
  if (sameRules(rules, metrics.rules)) return null;
  metrics.setAlertRules(rules, settings.cooldownMs);
  return rules;
}
