/** Crafted snapshots for the pure formatting tests. */
import type { MetricsSnapshot, OperationSnapshot } from '../../../src/core/metrics/types';

export const AT = Date.UTC(2025, 5, 1, 12, 0, 0);

export function emptySnapshot(over: Partial<MetricsSnapshot> = {}): MetricsSnapshot {
  return {
    schemaVersion: 1,
    timestamp: new Date(AT).toISOString(),
    at: AT,
    enabled: true,
    uptimeMs: 0,
    overhead: { instrumentationMs: 0, workMs: 0, percent: null, snapshotMs: 0, setupMs: 0 },
    operations: {},
    counters: {},
    gauges: {},
    caches: {},
    cacheTotals: { hits: 0, misses: 0, bytes: 0, hitRate: null },
    errors: {},
    alerts: [],
    alertsFired: 0,
    ...over,
  };
}

export function op(over: Partial<OperationSnapshot> = {}): OperationSnapshot {
  return {
    count: 10,
    failures: 0,
    totalMs: 50,
    meanMs: 5,
    minMs: 1,
    maxMs: 20,
    p50Ms: 4,
    p95Ms: 12,
    p99Ms: 19.5,
    bytes: 0,
    items: 0,
    mbPerSec: null,
    itemsPerSec: null,
    ...over,
  };
}

/** A busy session: overhead 0.3 %, two cache levels at 92 % overall, gauges, errors and alerts. */
export function busySnapshot(): MetricsSnapshot {
  return emptySnapshot({
    uptimeMs: 125_000,
    overhead: { instrumentationMs: 1.2, workMs: 400, percent: 0.3, snapshotMs: 2, setupMs: 0 },
    operations: {
      'rom.open': op({ count: 2, p50Ms: 180, p95Ms: 240, p99Ms: 240, totalMs: 420, meanMs: 210, minMs: 180, maxMs: 240 }),
      'hal.decode': op({ count: 1500, failures: 3, bytes: 3 * 1024 * 1024, mbPerSec: 85.25 }),
      thumbnail: op({ count: 40, items: 40, itemsPerSec: 512 }),
    },
    counters: { 'rom.saves': 1234 },
    gauges: { 'workers.busy': 2, 'workers.queued': 5, 'memory.rssMB': 312.46, 'memory.heapUsedMB': 88, 'ui.panels': 3, 'workers.size': null },
    caches: {
      memory: { hits: 900, misses: 60, bytes: 12 * 1024 * 1024, entries: 300, hitRate: 0.9375 },
      disk: { hits: 20, misses: 20, bytes: 512, evictions: 4, hitRate: 0.5 },
    },
    cacheTotals: { hits: 920, misses: 80, bytes: 12 * 1024 * 1024 + 512, entries: 300, evictions: 4, hitRate: 0.92 },
    errors: { 'decode-failed': { count: 3, lastMessage: 'offset 0x1234: bad command', lastAt: AT - 1000 } },
    alerts: [
      {
        ruleId: 'thumbnail',
        level: 'warning',
        subject: 'thumbnail',
        value: 61.5,
        threshold: 50,
        unit: 'ms',
        message: 'thumbnail 61.5 ms reached the warning threshold of 50 ms',
        at: AT - 5000,
      },
      {
        ruleId: 'memory',
        level: 'critical',
        subject: 'memory.rssMB',
        value: 1100,
        threshold: 1000,
        unit: 'MB',
        message: 'memory.rssMB 1100 MB reached the critical threshold of 1000 MB',
        at: AT - 100,
      },
    ],
    alertsFired: 7,
  });
}
