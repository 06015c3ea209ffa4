/**
 * The shapes shared by the metrics modules: operation and error names, what a cache reports, and the
 * plain JSON snapshot every consumer (status bar, tree view, export, tests) reads.
 */

/** The operations the extension times; an enabled registry prepares their histograms up front. */
export const OPERATION_NAMES = ['rom.open', 'hal.decode', 'hal.encode', 'thumbnail', 'scan', 'inject', 'cache.lookup'] as const;

/** The operations the extension times. Other names are allowed (the `string & {}` keeps completion). */
export type OperationName = (typeof OPERATION_NAMES)[number] | (string & {});

/** Error kinds counted by `MetricsRegistry.error`. Other names are allowed. */
export type ErrorKind = 'decode-failed' | 'injection-refused' | 'webview-protocol' | 'worker-crash' | 'metrics-source' | (string & {});

/** What an operation processed, for derived throughput (MB/s, items/s). */
export interface WorkSize {
  bytes?: number;
  items?: number;
}

/** What a cache level reports when the snapshot asks it. */
export interface CacheStats {
  hits: number;
  misses: number;
  /** Bytes currently held. */
  bytes: number;
  entries?: number;
  evictions?: number;
}

export interface Disposable {
  dispose(): void;
}

/** Milliseconds from some origin; wall clock (epoch ms) for timestamps and alert cooldowns. */
export type Clock = () => number;

export interface OperationSnapshot {
  count: number;
  /** Calls whose function threw (their duration is still recorded). */
  failures: number;
  /** Exact sum of the recorded durations. */
  totalMs: number;
  meanMs: number;
  minMs: number;
  maxMs: number;
  /** Percentiles from the operation's histogram (3 significant figures, microsecond resolution; min and max exact). */
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  bytes: number;
  items: number;
  /** 10^6 bytes per second over the calls that reported bytes; null when none did. */
  mbPerSec: number | null;
  /** Items per second over the calls that reported items; null when none did. */
  itemsPerSec: number | null;
}

/** How a cache source relates to the others (`MetricsRegistry.registerCache`). */
export interface CacheLevelOptions {
  /**
   * The name of the level in front of this one: this level is asked only on that level's misses
   * (an L2 behind an L1). Its lookups are then already counted as the front level's lookups, so the
   * overall hit rate divides by the first level's lookups only.
   */
  servesMissesOf?: string;
}

export interface CacheSnapshot extends CacheStats {
  /** hits / (hits + misses); null before the first lookup. */
  hitRate: number | null;
  /** Per level: the level whose misses this one serves (as registered), when it is one. */
  servesMissesOf?: string;
}

export interface ErrorSnapshot {
  count: number;
  lastMessage: string;
  /** Epoch ms of the last one. */
  lastAt: number;
}

export type AlertLevel = 'warning' | 'critical';

export interface AlertEvent {
  ruleId: string;
  level: AlertLevel;
  /** The operation or gauge the rule watches. */
  subject: string;
  value: number;
  threshold: number;
  unit: string;
  message: string;
  /** Epoch ms (from the registry's clock). */
  at: number;
}

export interface OverheadSnapshot {
  /** Time spent in the registry's own bookkeeping on the hot path (time/record/count/error). */
  instrumentationMs: number;
  /** Time spent in the instrumented work (the durations the registry recorded). */
  workMs: number;
  /** instrumentationMs / workMs * 100; null before any work was recorded. */
  percent: number | null;
  /** Time spent building snapshots (on demand, off the hot path; not part of `percent`). */
  snapshotMs: number;
  /**
   * One-time setup, not part of `percent`: creating an operation's histogram (for the known
   * operation names when the registry is created or enabled, for any other name on its first call).
   */
  setupMs: number;
}

export const SNAPSHOT_SCHEMA_VERSION = 1;

/** Everything the registry knows, as plain JSON (no NaN, no Infinity, no class instances). */
export interface MetricsSnapshot {
  schemaVersion: typeof SNAPSHOT_SCHEMA_VERSION;
  /** ISO 8601 time of the snapshot. */
  timestamp: string;
  /** The same time in epoch ms. */
  at: number;
  enabled: boolean;
  /** Since the registry was created or last reset. */
  uptimeMs: number;
  overhead: OverheadSnapshot;
  operations: Record<string, OperationSnapshot>;
  counters: Record<string, number>;
  /** Gauge values sampled at snapshot time; null when the callback threw or returned a non-finite number. */
  gauges: Record<string, number | null>;
  caches: Record<string, CacheSnapshot>;
  /**
   * All cache levels together: hits of every level against the lookups of the first levels (those
   * serving no other registered level's misses), so a front-level miss that a lower level serves is
   * one lookup and one hit; misses = lookups - hits. Bytes, entries and evictions are summed.
   */
  cacheTotals: CacheSnapshot;
  errors: Record<string, ErrorSnapshot>;
  /** The most recent alerts, oldest first (bounded). */
  alerts: AlertEvent[];
  /** All alerts fired since creation or reset, including those dropped from `alerts`. */
  alertsFired: number;
}
