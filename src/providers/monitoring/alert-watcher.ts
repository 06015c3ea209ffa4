/**
 * Alerts with the thresholds from the settings. The registry's own alert engine is built once with
 * SpritePal's default rules and has no way to change them, so this watcher runs its own AlertEngine
 * (the core's) with the settings' rules and feeds it from the snapshots the views take anyway:
 *
 * - gauges (memory): every sampled value, exactly as the registry would;
 * - operations: once per sample window, the slowest duration the snapshot can prove happened in it:
 *   the exact duration when one call came in, the new maximum when the maximum rose, otherwise the
 *   window's mean (a lower bound of its slowest call).
 *
 * `apply(snapshot)` puts this watcher's alerts into the snapshot in place of the registry's, so the
 * status bar, the tree and the export all show the alerts of the rules in force.
 * Pure: no vscode import; time comes from the engine's injected clock.
 */
import { AlertEngine, type AlertEvent, type AlertRule, type Clock, type Disposable, type MetricsSnapshot } from '../../core/metrics';
import { Emitter } from '../../core/metrics';

interface OpState {
  count: number;
  totalMs: number;
  maxMs: number;
}

export interface AlertWatcherOptions {
  rules: readonly AlertRule[];
  clock?: Clock;
  /** How many alerts are kept for the views (oldest dropped first). Default 50. */
  maxHistory?: number;
}

export class AlertWatcher implements Disposable {
  private engine: AlertEngine;
  private engineSub: Disposable;
  private readonly clock: Clock | undefined;
  private readonly maxHistory: number;
  private readonly emitter = new Emitter<AlertEvent>();
  private ops = new Map<string, OpState>();
  /** When the registry's recording started (at - uptimeMs): a change means it was reset. */
  private startedAt: number | null = null;
  private history: AlertEvent[] = [];
  private fired = 0;

  constructor(options: AlertWatcherOptions) {
    this.clock = options.clock;
    this.maxHistory = Math.max(1, options.maxHistory ?? 50);
    this.engine = new AlertEngine({ rules: options.rules, clock: this.clock, maxHistory: 1 });
    this.engineSub = this.engine.onAlert((a) => this.note(a));
  }

  get rules(): AlertRule[] {
    return this.engine.rules;
  }

  /** New rules (settings changed): cooldowns start over, the alerts fired so far are kept. */
  setRules(rules: readonly AlertRule[]): void {
    const engine = new AlertEngine({ rules, clock: this.clock, maxHistory: 1 });
    this.engineSub.dispose();
    this.engine = engine;
    this.engineSub = engine.onAlert((a) => this.note(a));
  }

  onAlert(listener: (alert: AlertEvent) => void): Disposable {
    return this.emitter.on(listener);
  }

  /** Checks the rules against what happened since the previous snapshot; returns the alerts fired. */
  observe(s: MetricsSnapshot): AlertEvent[] {
    const before = this.fired;
    const startedAt = s.at - s.uptimeMs;
    if (this.startedAt !== null && startedAt !== this.startedAt) this.ops = new Map();
    this.startedAt = startedAt;
    if (s.enabled) {
      for (const [name, op] of Object.entries(s.operations)) {
        const prev = this.ops.get(name);
        const base = prev && prev.count <= op.count ? prev : { count: 0, totalMs: 0, maxMs: -Infinity };
        const calls = op.count - base.count;
        if (calls > 0) {
          const value = calls === 1 ? op.totalMs - base.totalMs : op.maxMs > base.maxMs ? op.maxMs : (op.totalMs - base.totalMs) / calls;
          this.engine.checkOperation(name, Math.max(0, value));
        }
      }
      for (const name of this.engine.watchedGauges()) {
        const v = s.gauges[name];
        if (typeof v === 'number') this.engine.checkGauge(name, v);
      }
    }
    // Operations missing from the snapshot were reset: forget them so they start from zero.
    this.ops = new Map(Object.entries(s.operations).map(([name, op]) => [name, { count: op.count, totalMs: op.totalMs, maxMs: op.maxMs }]));
    return this.history.slice(this.history.length - Math.min(this.fired - before, this.history.length));
  }

  /** The snapshot with this watcher's alerts in place of the registry's. */
  apply(s: MetricsSnapshot): MetricsSnapshot {
    return { ...s, alerts: this.history.slice(), alertsFired: this.fired };
  }

  recent(): AlertEvent[] {
    return this.history.slice();
  }

  get firedCount(): number {
    return this.fired;
  }

  /** Forgets the alerts, the cooldowns and the per-operation baselines (with a registry reset). */
  reset(): void {
    this.history = [];
    this.fired = 0;
    this.ops = new Map();
    this.startedAt = null;
    this.engine.reset();
  }

  dispose(): void {
    this.engineSub.dispose();
  }

  private note(a: AlertEvent): void {
    this.fired++;
    this.history.push(a);
    if (this.history.length > this.maxHistory) this.history.splice(0, this.history.length - this.maxHistory);
    this.emitter.fire(a);
  }
}
