/**
 * What every RomSession of one process shares: the metrics registry, the two-level cache and the
 * worker pool. The extension makes one set at activation (disk cache in its global storage); a
 * CLI command makes one per run, in memory only (no disk cache: each run reads its ROM once);
 * tests make their own. Disposed once, at the end.
 */
import { TieredCache } from '../cache';
import { MetricsRegistry } from '../metrics';
import { WorkerPool } from '../workers';
import type { Disposable } from '../workers';

export interface SessionServices {
  metrics: MetricsRegistry;
  cache: TieredCache;
  /** Null: everything runs inline (no worker script available, or jobs = 0). */
  pool: WorkerPool | null;
  dispose(): Promise<void>;
}

export interface ServicesOptions {
  /** Absolute path of the bundled worker script (dist/worker.js); absent: no pool. */
  workerScript?: string;
  /** Worker count (default: all cores). */
  jobs?: number;
  /** L2 cache folder; absent: memory only. */
  cacheDir?: string;
  memoryCacheBytes?: number;
  diskCacheBytes?: number;
  metricsEnabled?: boolean;
}

export const DEFAULT_MEMORY_CACHE_BYTES = 128 * 1024 * 1024;

export function createServices(opts: ServicesOptions = {}): SessionServices {
  const metrics = new MetricsRegistry({ enabled: opts.metricsEnabled ?? true });
  const cache = TieredCache.create({ memoryBytes: opts.memoryCacheBytes ?? DEFAULT_MEMORY_CACHE_BYTES, dir: opts.cacheDir, diskBytes: opts.diskCacheBytes });
  const pool = opts.workerScript && opts.jobs !== 0 ? new WorkerPool({ script: opts.workerScript, size: opts.jobs }) : null;
  const subs: Disposable[] = [
    metrics.registerCache('memory', () => {
      const s = cache.stats().memory;
      return { hits: s.hits, misses: s.misses, bytes: s.bytes, entries: s.entries, evictions: s.evictions };
    }),
  ];
  if (opts.cacheDir) {
    subs.push(
      metrics.registerCache(
        'disk',
        () => {
          const s = cache.stats().disk;
          return s ? { hits: s.hits, misses: s.misses, bytes: s.bytes, entries: s.entries, evictions: s.evictions } : { hits: 0, misses: 0, bytes: 0 };
        },
        { servesMissesOf: 'memory' },
      ),
    );
  }
  if (pool) {
    subs.push(
      metrics.gauge('workers.size', () => pool.stats().size),
      metrics.gauge('workers.busy', () => pool.stats().busy),
      metrics.gauge('workers.queued', () => pool.stats().queued),
      metrics.gauge('workers.completed', () => pool.stats().completed),
      metrics.gauge('workers.crashed', () => pool.stats().crashed),
      pool.onEvent((e) => {
        if (e.type === 'worker-stopped' && e.reason === 'crash') metrics.error('worker-crash', `a worker thread crashed and was replaced`);
      }),
    );
  }
  let disposed = false;
  return {
    metrics,
    cache,
    pool,
    async dispose() {
      if (disposed) return;
      disposed = true;
      for (const s of subs) s.dispose();
      await cache.flush();
      cache.dispose();
      await pool?.dispose();
    },
  };
}
