/**
 * Alert rules with warning and critical thresholds, a cooldown per rule and a bounded history.
 * Operation rules are checked against each recorded duration; gauge rules against the gauge value
 * sampled at snapshot time. Time comes from an injected clock so tests control cooldowns.
 */
import type { AlertEvent, AlertLevel, Clock, Disposable } from './types';
import { Emitter } from './emitter';

export interface AlertRule {
  id: string;
  /** What is watched: an operation's durations (ms) or a gauge's value. */
  subject: { operation: string } | { gauge: string };
  warning: number;
  critical: number;
  /** Shown with the values; default "ms" for operation rules, none for gauge rules. */
  unit?: string;
  /** After the rule fires, it stays quiet this long (a critical still breaks through a warning's cooldown). */
  cooldownMs?: number;
}

export const DEFAULT_COOLDOWN_MS = 60_000;

/**
 * Operation rules stay quiet until the operation has this many samples since the metrics started
 * (a window reload) or were reset: the first lookups after a reload hit a cold disk and code the
 * JIT has not compiled yet, and one slow first sample is not a problem worth an alert.
 */
export const DEFAULT_MIN_SAMPLES = 10;

/** The memory rule watches this gauge: resident set size in MB (2^20 bytes), buffers included. */
export const RSS_GAUGE = 'memory.rssMB';

/** SpritePal's thresholds. Memory is RSS, not heap: ROM and tile buffers live outside the JS heap. */
export const DEFAULT_ALERT_RULES: readonly AlertRule[] = [
  { id: 'rom-load', subject: { operation: 'rom.open' }, warning: 1000, critical: 5000, unit: 'ms' },
  { id: 'extraction', subject: { operation: 'hal.decode' }, warning: 100, critical: 500, unit: 'ms' },
  { id: 'thumbnail', subject: { operation: 'thumbnail' }, warning: 50, critical: 200, unit: 'ms' },
  { id: 'cache-lookup', subject: { operation: 'cache.lookup' }, warning: 10, critical: 50, unit: 'ms' },
  { id: 'memory', subject: { gauge: RSS_GAUGE }, warning: 500, critical: 1000, unit: 'MB' },
];

export interface AlertEngineOptions {
  rules?: readonly AlertRule[];
  clock?: Clock;
  /** How many fired alerts are kept (oldest dropped first). */
  maxHistory?: number;
  /** Cooldown for rules that do not set their own. */
  cooldownMs?: number;
  /** Samples an operation needs before its rules may fire (DEFAULT_MIN_SAMPLES). */
  minSamples?: number;
}

interface RuleState {
  rule: AlertRule;
  cooldownMs: number;
  unit: string;
  lastAt: number;
  lastLevel: AlertLevel | null;
}

export class AlertEngine {
  private byOperation = new Map<string, RuleState[]>();
  private byGauge = new Map<string, RuleState[]>();
  private states: RuleState[] = [];
  private readonly clock: Clock;
  private readonly maxHistory: number;
  private defaultCooldown: number;
  private readonly emitter = new Emitter<AlertEvent>();
  private history: AlertEvent[] = [];
  private fired = 0;
  private readonly minSamples: number;

  constructor(options: AlertEngineOptions = {}) {
    this.clock = options.clock ?? Date.now;
    this.minSamples = Math.max(1, options.minSamples ?? DEFAULT_MIN_SAMPLES);
    this.maxHistory = Math.max(1, options.maxHistory ?? 100);
    this.defaultCooldown = options.cooldownMs ?? DEFAULT_COOLDOWN_MS;
    this.setRules(options.rules ?? DEFAULT_ALERT_RULES);
  }

  /**
   * Replaces the rules (all checked first: a bad rule changes nothing). A rule whose id was already
   * in force keeps its cooldown state (when it last fired, at which level), so applying the same
   * settings again, or new thresholds, does not repeat an alert just shown. `cooldownMs`, when
   * given, becomes the cooldown of rules that do not set their own.
   */
  setRules(rules: readonly AlertRule[], cooldownMs?: number): void {
    for (const rule of rules) {
      if (!(rule.warning <= rule.critical))
        throw new RangeError(`alert rule "${rule.id}": warning (${rule.warning}) must not exceed critical (${rule.critical})`);
    }
    if (cooldownMs !== undefined) {
      if (!(cooldownMs >= 0)) throw new RangeError(`alert cooldown must be at least 0 ms (got ${cooldownMs})`);
      this.defaultCooldown = cooldownMs;
    }
    const previous = new Map<string, RuleState>();
    for (const s of this.states) if (!previous.has(s.rule.id)) previous.set(s.rule.id, s);
    const states: RuleState[] = [];
    const byOperation = new Map<string, RuleState[]>();
    const byGauge = new Map<string, RuleState[]>();
    for (const rule of rules) {
      const kept = previous.get(rule.id);
      previous.delete(rule.id);
      const state: RuleState = {
        rule,
        cooldownMs: rule.cooldownMs ?? this.defaultCooldown,
        unit: rule.unit ?? ('operation' in rule.subject ? 'ms' : ''),
        lastAt: kept?.lastAt ?? 0,
        lastLevel: kept?.lastLevel ?? null,
      };
      states.push(state);
      const [map, key] = 'operation' in rule.subject ? [byOperation, rule.subject.operation] : [byGauge, rule.subject.gauge];
      const list = map.get(key);
      if (list) list.push(state);
      else map.set(key, [state]);
    }
    this.states = states;
    this.byOperation = byOperation;
    this.byGauge = byGauge;
  }

  /**
   * The lowest duration any rule on `operation` reacts to (its smallest warning threshold);
   * Infinity when no rule watches it. Below it a check cannot fire, so the hot path skips it.
   */
  operationFloor(operation: string): number {
    const states = this.byOperation.get(operation);
    let floor = Infinity;
    if (states) for (const s of states) floor = Math.min(floor, s.rule.warning);
    return floor;
  }

  get rules(): AlertRule[] {
    return this.states.map((s) => s.rule);
  }

  /**
   * Checks the operation rules for one recorded duration; returns the alerts fired. `samples` is
   * how many durations the operation has recorded so far, this one included: below the engine's
   * minimum nothing fires (a cold start is not an alert).
   */
  checkOperation(operation: string, ms: number, samples = Infinity): AlertEvent[] {
    if (samples < this.minSamples) return NONE;
    const states = this.byOperation.get(operation);
    return states ? this.check(states, operation, ms) : NONE;
  }

  /** Checks the gauge rules for one sampled value; returns the alerts fired. */
  checkGauge(gauge: string, value: number): AlertEvent[] {
    const states = this.byGauge.get(gauge);
    return states ? this.check(states, gauge, value) : NONE;
  }

  /** The names of the gauges some rule watches. */
  watchedGauges(): string[] {
    return [...this.byGauge.keys()];
  }

  onAlert(listener: (alert: AlertEvent) => void): Disposable {
    return this.emitter.on(listener);
  }

  /** The kept alerts, oldest first. */
  recent(): AlertEvent[] {
    return this.history.slice();
  }

  get firedCount(): number {
    return this.fired;
  }

  /** Forgets the history, the count and every cooldown. */
  reset(): void {
    this.history = [];
    this.fired = 0;
    for (const s of this.states) {
      s.lastAt = 0;
      s.lastLevel = null;
    }
  }

  private check(states: RuleState[], subject: string, value: number): AlertEvent[] {
    let out: AlertEvent[] | undefined;
    for (const s of states) {
      const level: AlertLevel | null = value >= s.rule.critical ? 'critical' : value >= s.rule.warning ? 'warning' : null;
      if (!level) continue;
      const now = this.clock();
      const cooling = s.lastLevel !== null && now - s.lastAt < s.cooldownMs;
      if (cooling && !(level === 'critical' && s.lastLevel === 'warning')) continue;
      s.lastAt = now;
      s.lastLevel = level;
      const threshold = level === 'critical' ? s.rule.critical : s.rule.warning;
      const alert: AlertEvent = {
        ruleId: s.rule.id,
        level,
        subject,
        value,
        threshold,
        unit: s.unit,
        message: `${subject} ${formatValue(value)}${s.unit && ' ' + s.unit} reached the ${level} threshold of ${formatValue(threshold)}${s.unit && ' ' + s.unit}`,
        at: now,
      };
      this.fired++;
      this.history.push(alert);
      if (this.history.length > this.maxHistory) this.history.splice(0, this.history.length - this.maxHistory);
      (out ??= []).push(alert);
      this.emitter.fire(alert);
    }
    return out ?? NONE;
  }
}

const NONE: AlertEvent[] = [];

function formatValue(v: number): string {
  return Number.isInteger(v) ? String(v) : v.toFixed(1);
}
