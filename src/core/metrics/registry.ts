/**
 * The metrics registry: operation timings, counters, gauges, cache sources, errors by kind and
 * alerts, with its own cost measured. Disabled, every recording call returns at once and `time()`
 * calls the function directly, so monitoring off costs one property check.
 */
import { performance } from 'node:perf_hooks';
import { AlertEngine, type AlertRule } from './alerts';
import { OperationHistogram } from './histogram';
import {
  OPERATION_NAMES,
  SNAPSHOT_SCHEMA_VERSION,
  type AlertEvent,
  type CacheLevelOptions,
  type CacheSnapshot,
  type CacheStats,
  type Clock,
  type Disposable,
  type ErrorKind,
  type ErrorSnapshot,
  type MetricsSnapshot,
  type OperationName,
  type OperationSnapshot,
  type WorkSize,
} from './types';

export interface MetricsRegistryOptions {
  /** Default true. */
  enabled?: boolean;
  /** Wall clock (epoch ms) for timestamps, uptime and alert cooldowns. Default Date.now. */
  clock?: Clock;
  /** Monotonic ms for durations and the registry's own cost. Default performance.now. */
  hrtime?: () => number;
  /**
   * Estimated cost of one hrtime read, added to the instrumentation time of every hot-path call
   * (the one clock read its measurement cannot see). Default: calibrated for performance.now (once
   * per process), 0 for an injected hrtime.
   */
  clockCostMs?: number;
  /** Alert rules; default DEFAULT_ALERT_RULES. */
  rules?: readonly AlertRule[];
  cooldownMs?: number;
  /** Samples an operation needs before its alert rules may fire (default DEFAULT_MIN_SAMPLES in alerts.ts). */
  minAlertSamples?: number;
  /** How many fired alerts the snapshot keeps. Default 50. */
  maxAlerts?: number;
  /** Register memory.rssMB, memory.heapUsedMB and memory.arrayBuffersMB (MB = 2^20 bytes). Default true. */
  processGauges?: boolean;
}

type GaugeSource = number | (() => number);

/** One operation: its timings and the lowest duration an alert rule on it reacts to. */
class OperationSlot {
  readonly histogram = new OperationHistogram();
  constructor(public alertFloor: number) {}
}

interface CacheSource {
  stats: () => CacheStats;
  servesMissesOf: string | undefined;
}

const MAX_MESSAGE = 500;
const MB = 1024 * 1024;

export class MetricsRegistry {
  private on: boolean;
  private readonly clock: Clock;
  private readonly hr: () => number;
  /** Timing with performance.now: its read cost is the process's, calibrated by the first such registry. */
  private readonly defaultClock: boolean;
  /** NaN until calibrated (on first being enabled, so a registry created off costs nothing). */
  private clockCostMs: number;
  private readonly alerts: AlertEngine;
  private readonly gauges = new Map<string, GaugeSource>();
  private readonly caches = new Map<string, CacheSource>();
  private readonly operations = new Map<string, OperationSlot>();
  private counters = new Map<string, number>();
  private errors = new Map<string, ErrorSnapshot>();
  private instrumentationMs = 0;
  private workMs = 0;
  private snapshotMs = 0;
  private setupMs = 0;
  private startedAt: number;

  constructor(options: MetricsRegistryOptions = {}) {
    this.on = options.enabled ?? true;
    this.clock = options.clock ?? Date.now;
    this.hr = options.hrtime ?? (() => performance.now());
    this.defaultClock = options.hrtime === undefined;
    this.clockCostMs = options.clockCostMs ?? (options.hrtime ? 0 : NaN);
    this.alerts = new AlertEngine({
      rules: options.rules,
      clock: this.clock,
      cooldownMs: options.cooldownMs,
      maxHistory: options.maxAlerts ?? 50,
      minSamples: options.minAlertSamples,
    });
    if (this.on) this.prepare();
    this.startedAt = this.clock();
    if (options.processGauges ?? true) {
      this.gauge('memory.rssMB', () => process.memoryUsage.rss() / MB);
      this.gauge('memory.heapUsedMB', () => process.memoryUsage().heapUsed / MB);
      this.gauge('memory.arrayBuffersMB', () => process.memoryUsage().arrayBuffers / MB);
    }
  }

  get enabled(): boolean {
    return this.on;
  }

  /** Turning monitoring off keeps what was recorded; nothing new is recorded until it is on again. */
  setEnabled(enabled: boolean): void {
    this.on = enabled;
    if (enabled) this.prepare();
  }

  /** The alert rules in force. */
  get rules(): AlertRule[] {
    return this.alerts.rules;
  }

  /**
   * Replaces the alert rules (e.g. thresholds from the settings), at once for every later call and
   * snapshot. A rule whose id stays keeps its cooldown state; `cooldownMs`, when given, is the
   * cooldown of rules without their own. Throws (changing nothing) on a rule whose warning
   * threshold exceeds its critical one. The alerts fired so far are kept.
   */
  setAlertRules(rules: readonly AlertRule[], cooldownMs?: number): void {
    this.alerts.setRules(rules, cooldownMs);
    for (const [name, slot] of this.operations) slot.alertFloor = this.alerts.operationFloor(name);
  }

  /**
   * Runs `fn`, recording its duration under `op` (also when it throws, as a failure). `size` is
   * what it processed, or a function of its result (e.g. the decoded length).
   */
  time<T>(op: OperationName, fn: () => T, size?: WorkSize | ((result: T) => WorkSize)): T {
    if (!this.on) return fn();
    const t0 = this.hr();
    let result: T;
    try {
      result = fn();
    } catch (e) {
      this.finish(op, t0, undefined, true);
      throw e;
    }
    this.finish(op, t0, size, false, result);
    return result;
  }

  /** The async twin of `time`: the duration runs until the promise settles. */
  timeAsync<T>(op: OperationName, fn: () => Promise<T>, size?: WorkSize | ((result: T) => WorkSize)): Promise<T> {
    if (!this.on) return fn();
    const t0 = this.hr();
    let promise: Promise<T>;
    try {
      promise = fn();
    } catch (e) {
      this.finish(op, t0, undefined, true);
      throw e;
    }
    return promise.then(
      (result) => {
        this.finish(op, t0, size, false, result);
        return result;
      },
      (e: unknown) => {
        this.finish(op, t0, undefined, true);
        throw e;
      },
    );
  }

  /** Records a duration measured elsewhere (e.g. reported by a worker). */
  record(op: OperationName, ms: number, size?: WorkSize, failed = false): void {
    if (!this.on || !(ms >= 0) || !Number.isFinite(ms)) return;
    const t0 = this.hr();
    this.workMs += ms;
    this.bookkeep(op, ms, size, failed);
    this.instrumentationMs += this.hr() - t0 + this.clockCostMs;
  }

  count(name: string, n = 1): void {
    if (!this.on) return;
    const t0 = this.hr();
    this.counters.set(name, (this.counters.get(name) ?? 0) + n);
    this.instrumentationMs += this.hr() - t0 + this.clockCostMs;
  }

  /**
   * A gauge: a callback sampled at snapshot time (registered whether or not monitoring is on), or
   * a value set now (ignored while off). Registering a name again replaces it.
   */
  gauge(name: string, source: number | (() => number)): Disposable {
    if (typeof source === 'number' && !this.on) return NOOP_DISPOSABLE;
    this.gauges.set(name, source);
    return { dispose: () => void (this.gauges.get(name) === source && this.gauges.delete(name)) };
  }

  /**
   * A cache level reporting its own stats; asked at snapshot time. Registering a name again
   * replaces it. A lower level of a tiered cache says whose misses it serves
   * (`{ servesMissesOf: 'memory' }`), so the overall hit rate counts each lookup once.
   */
  registerCache(name: string, source: () => CacheStats, options: CacheLevelOptions = {}): Disposable {
    const entry: CacheSource = { stats: source, servesMissesOf: options.servesMissesOf };
    this.caches.set(name, entry);
    return { dispose: () => void (this.caches.get(name) === entry && this.caches.delete(name)) };
  }

  /** Counts an error of `kind` and keeps its message as the last one. */
  error(kind: ErrorKind, error: unknown): void {
    if (!this.on) return;
    const t0 = this.hr();
    this.noteError(kind, error);
    this.instrumentationMs += this.hr() - t0 + this.clockCostMs;
  }

  onAlert(listener: (alert: AlertEvent) => void): Disposable {
    return this.alerts.onAlert(listener);
  }

  /**
   * Everything as plain JSON. Samples gauges and caches and, when enabled, checks the gauge alert
   * rules (e.g. memory) against the sampled values.
   */
  snapshot(): MetricsSnapshot {
    const t0 = this.hr();
    const at = this.clock();
    const gauges: Record<string, number | null> = {};
    for (const [name, source] of this.gauges) {
      let value: number | null = null;
      try {
        const v = typeof source === 'number' ? source : source();
        value = Number.isFinite(v) ? v : null;
      } catch (e) {
        if (this.on) this.noteError('metrics-source', `gauge ${name}: ${messageOf(e)}`);
      }
      gauges[name] = value;
    }
    const caches: Record<string, CacheSnapshot> = {};
    for (const [name, source] of this.caches) {
      let stats: CacheStats;
      try {
        stats = source.stats();
      } catch (e) {
        if (this.on) this.noteError('metrics-source', `cache ${name}: ${messageOf(e)}`);
        continue;
      }
      const c = cacheSnapshot(stats);
      if (source.servesMissesOf !== undefined) c.servesMissesOf = source.servesMissesOf;
      caches[name] = c;
    }
    if (this.on) {
      for (const name of this.alerts.watchedGauges()) {
        const v = gauges[name];
        if (v !== undefined && v !== null) this.alerts.checkGauge(name, v);
      }
    }
    const operations: Record<string, OperationSnapshot> = {};
    for (const [name, slot] of this.operations) {
      // Prepared but never called: not an operation of this session yet.
      if (slot.histogram.count > 0) operations[name] = slot.histogram.snapshot();
    }
    const snap: MetricsSnapshot = {
      schemaVersion: SNAPSHOT_SCHEMA_VERSION,
      timestamp: new Date(at).toISOString(),
      at,
      enabled: this.on,
      uptimeMs: Math.max(0, at - this.startedAt),
      overhead: {
        instrumentationMs: this.instrumentationMs,
        workMs: this.workMs,
        percent: this.workMs > 0 ? (this.instrumentationMs / this.workMs) * 100 : null,
        snapshotMs: this.snapshotMs,
        setupMs: this.setupMs,
      },
      operations,
      counters: Object.fromEntries(this.counters),
      gauges,
      caches,
      cacheTotals: cacheTotals(caches),
      errors: Object.fromEntries([...this.errors].map(([k, v]) => [k, { ...v }])),
      alerts: this.alerts.recent(),
      alertsFired: this.alerts.firedCount,
    };
    if (this.on) this.snapshotMs += this.hr() - t0;
    return snap;
  }

  /**
   * Forgets every recording (timings, counters, errors, alerts, overhead); keeps sources, rules and
   * listeners, and the operations' histograms (emptied in place, so nothing is set up again).
   */
  reset(): void {
    for (const slot of this.operations.values()) slot.histogram.reset();
    this.counters = new Map();
    this.errors = new Map();
    this.instrumentationMs = 0;
    this.workMs = 0;
    this.snapshotMs = 0;
    this.setupMs = 0;
    this.alerts.reset();
    this.startedAt = this.clock();
  }

  /**
   * On being created or enabled, before any call is timed: the clock-cost estimate (once) and the
   * histograms of the known operations, so no timed call pays for them. Their cost is `setupMs`.
   */
  private prepare(): void {
    if (Number.isNaN(this.clockCostMs))
      this.clockCostMs = this.defaultClock ? (defaultClockCostMs ??= calibrateClockCost(this.hr)) : calibrateClockCost(this.hr);
    const t0 = this.hr();
    for (const name of OPERATION_NAMES) {
      if (!this.operations.has(name)) this.operations.set(name, new OperationSlot(this.alerts.operationFloor(name)));
    }
    this.setupMs += this.hr() - t0;
  }

  /**
   * First call of an operation outside OPERATION_NAMES: its histogram is made now, and the making
   * is moved from the call's instrumentation time (which the caller's interval includes) to `setupMs`.
   */
  private addOperation(op: string): OperationSlot {
    const t0 = this.hr();
    const slot = new OperationSlot(this.alerts.operationFloor(op));
    this.operations.set(op, slot);
    const ms = this.hr() - t0;
    this.setupMs += ms;
    this.instrumentationMs -= ms;
    return slot;
  }

  /** After the work: its duration, then the bookkeeping, timed (a size function of the result is bookkeeping too). */
  private finish<T>(op: string, t0: number, size: WorkSize | ((result: T) => WorkSize) | undefined, failed: boolean, result?: T): void {
    const t1 = this.hr();
    const ms = t1 - t0;
    this.workMs += ms;
    this.bookkeep(op, ms, failed ? undefined : sizeOf(size, result as T), failed);
    this.instrumentationMs += this.hr() - t1 + this.clockCostMs;
  }

  private bookkeep(op: string, ms: number, size: WorkSize | undefined, failed: boolean): void {
    const slot = this.operations.get(op) ?? this.addOperation(op);
    slot.histogram.record(ms, size, failed);
    // Below every rule's warning threshold nothing can fire: skip the rule lookup.
    if (ms >= slot.alertFloor) this.alerts.checkOperation(op, ms, slot.histogram.count);
  }

  private noteError(kind: string, error: unknown): void {
    const message = messageOf(error);
    const e = this.errors.get(kind);
    const at = this.clock();
    if (e) {
      e.count++;
      e.lastMessage = message;
      e.lastAt = at;
    } else this.errors.set(kind, { count: 1, lastMessage: message, lastAt: at });
  }
}

/** The work size for a result; a throwing size function costs the size, never the caller's result. */
function sizeOf<T>(size: WorkSize | ((result: T) => WorkSize) | undefined, result: T): WorkSize | undefined {
  if (typeof size !== 'function') return size;
  try {
    return size(result);
  } catch {
    return undefined;
  }
}

const NOOP_DISPOSABLE: Disposable = { dispose() {} };

function messageOf(error: unknown): string {
  const m = error instanceof Error ? error.message : String(error);
  return m.length > MAX_MESSAGE ? m.slice(0, MAX_MESSAGE - 1) + '…' : m;
}

function cacheSnapshot(s: CacheStats): CacheSnapshot {
  const lookups = s.hits + s.misses;
  const c: CacheSnapshot = { hits: s.hits, misses: s.misses, bytes: s.bytes, hitRate: lookups > 0 ? s.hits / lookups : null };
  if (s.entries !== undefined) c.entries = s.entries;
  if (s.evictions !== undefined) c.evictions = s.evictions;
  return c;
}

/**
 * All levels together: every level's hits against the lookups of the first levels. A level counts
 * as a first level unless the level whose misses it serves is in this snapshot (a missing or
 * failing front level, or a cycle, leaves it counting its own lookups).
 */
function cacheTotals(caches: Record<string, CacheSnapshot>): CacheSnapshot {
  let hits = 0;
  let lookups = 0;
  let bytes = 0;
  let entries = 0;
  let evictions = 0;
  for (const [name, c] of Object.entries(caches)) {
    hits += c.hits;
    if (isFirstLevel(caches, name)) lookups += c.hits + c.misses;
    bytes += c.bytes;
    entries += c.entries ?? 0;
    evictions += c.evictions ?? 0;
  }
  // Stats read at slightly different moments can make a lower level's hits run ahead of the front
  // level's misses; never report more hits than lookups.
  const misses = Math.max(0, lookups - hits);
  return cacheSnapshot({ hits, misses, bytes, entries, evictions });
}

/** Whether `name` is a lower level: its front level is in the snapshot and the chain of fronts ends (no cycle). */
function isFirstLevel(caches: Record<string, CacheSnapshot>, name: string): boolean {
  const front = caches[name]!.servesMissesOf;
  if (front === undefined || caches[front] === undefined) return true;
  const seen = new Set<string>([name]);
  for (let level: string | undefined = front; level !== undefined && caches[level] !== undefined; level = caches[level]!.servesMissesOf) {
    if (seen.has(level)) return true;
    seen.add(level);
  }
  return false;
}

/** performance.now's read cost, once calibrated (the same for every registry of the process). */
let defaultClockCostMs: number | undefined;

/**
 * The cost of one clock read: after a warm-up (so the call site is optimised, as it will be on the
 * hot path), the best of several batches of back-to-back reads. About 0.3 ms: once per process for
 * performance.now, once per registry for an injected clock.
 */
function calibrateClockCost(hr: () => number): number {
  for (let i = 0; i < 5000; i++) hr();
  let best = Infinity;
  for (let batch = 0; batch < 20; batch++) {
    const t0 = hr();
    for (let i = 0; i < 100; i++) hr();
    best = Math.min(best, (hr() - t0) / 101);
  }
  return best;
}
