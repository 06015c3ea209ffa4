/**
 * Rate-limits calls to `fn` to at most `perSecond`: a call when allowed runs at once; calls that
 * arrive too soon collapse into one trailing call with the latest arguments, which always runs.
 * Timers and clock are injectable so tests drive time.
 */
import type { Clock } from './types';

export interface ThrottleTimers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface Throttled<A extends unknown[]> {
  (...args: A): void;
  /** Runs a pending trailing call now. */
  flush(): void;
  /** Drops a pending trailing call; later calls do nothing. */
  dispose(): void;
}

const realTimers: ThrottleTimers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export function throttle<A extends unknown[]>(
  fn: (...args: A) => void,
  perSecond: number,
  options: { clock?: Clock; timers?: ThrottleTimers } = {},
): Throttled<A> {
  if (!(perSecond > 0)) throw new RangeError(`throttle: perSecond must be positive (got ${perSecond})`);
  const interval = 1000 / perSecond;
  const clock = options.clock ?? Date.now;
  const timers = options.timers ?? realTimers;
  let last = -Infinity;
  let pending: A | null = null;
  let handle: unknown = null;
  let disposed = false;

  const run = (args: A): void => {
    last = clock();
    fn(...args);
  };
  const fire = (): void => {
    handle = null;
    if (pending && !disposed) {
      const args = pending;
      pending = null;
      run(args);
    }
  };

  const throttled = ((...args: A) => {
    if (disposed) return;
    const wait = last + interval - clock();
    if (wait <= 0 && handle === null) {
      run(args);
      return;
    }
    pending = args;
    if (handle === null) handle = timers.setTimeout(fire, Math.max(0, wait));
  }) as Throttled<A>;
  throttled.flush = () => {
    if (handle !== null) timers.clearTimeout(handle);
    fire();
  };
  throttled.dispose = () => {
    disposed = true;
    pending = null;
    if (handle !== null) timers.clearTimeout(handle);
    handle = null;
  };
  return throttled;
}
