/**
 * Periodic export: every `intervalMs`, takes a snapshot and hands it to a SnapshotRotator. A write
 * still running when the next tick comes makes that tick skip; failures go to `onError` (the caller
 * logs them), never thrown from a timer.
 */
import type { SnapshotRotator, WriteResult } from './rotation';
import type { Disposable, MetricsSnapshot } from './types';

export interface IntervalTimers {
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

export interface PeriodicExportOptions {
  snapshot: () => MetricsSnapshot;
  rotator: Pick<SnapshotRotator, 'write'>;
  intervalMs: number;
  onError?: (error: unknown) => void;
  timers?: IntervalTimers;
}

export interface PeriodicExport extends Disposable {
  /** Exports now (also what each tick does); resolves to null when a write was already running or after dispose. */
  exportNow(): Promise<WriteResult | null>;
}

const realTimers: IntervalTimers = {
  setInterval: (fn, ms) => {
    const h = setInterval(fn, ms);
    h.unref?.();
    return h;
  },
  clearInterval: (h) => clearInterval(h as ReturnType<typeof setInterval>),
};

export function startPeriodicExport(options: PeriodicExportOptions): PeriodicExport {
  if (!(options.intervalMs > 0)) throw new RangeError(`intervalMs must be positive (got ${options.intervalMs})`);
  const timers = options.timers ?? realTimers;
  let busy = false;
  let disposed = false;
  const exportNow = async (): Promise<WriteResult | null> => {
    if (busy || disposed) return null;
    busy = true;
    try {
      return await options.rotator.write(options.snapshot());
    } catch (e) {
      options.onError?.(e);
      return null;
    } finally {
      busy = false;
    }
  };
  const handle = timers.setInterval(() => void exportNow(), options.intervalMs);
  return {
    exportNow,
    dispose() {
      if (disposed) return;
      disposed = true;
      timers.clearInterval(handle);
    },
  };
}
