/**
 * The benchmark harness behind `spritepal bench` / `npm run bench`. Every speed or size target of
 * the project lives in a group here (never in a timed unit test), and every number in the README
 * comes from this output. Ratios are measured side by side within one run.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

export interface BenchRow {
  /** Stable camelCase id; `--json` prints it as a key in `figures`. */
  key: string;
  label: string;
  value: number;
  unit: string;
  /** The goal, in words, e.g. "< 1 ms" or ">= 1000 MB/s". */
  target?: string;
  /** Whether the goal is met (undefined when there is no goal). */
  pass?: boolean;
  note?: string;
}

export interface BenchContext {
  /** Fewer repetitions (used by the unit test that checks the harness runs). */
  quick: boolean;
  /** ../shared when it exists beside the project, else null. */
  sharedDir: string | null;
  log(message: string): void;
}

export interface BenchGroup {
  name: string;
  description: string;
  run(ctx: BenchContext): Promise<BenchRow[]>;
}

export interface Timing {
  medianMs: number;
  minMs: number;
  runs: number;
}

/** Runs `fn` repeatedly (after a warm-up) for at least `minMs` and `minRuns`; median and best time. */
export function timeIt(fn: () => unknown, opts: { minMs?: number; minRuns?: number; maxRuns?: number; warmup?: number } = {}): Timing {
  const { minMs = 300, minRuns = 5, maxRuns = 10_000, warmup = 2 } = opts;
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  const start = performance.now();
  while (times.length < maxRuns && (times.length < minRuns || performance.now() - start < minMs)) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return summarize(times);
}

/** The async twin of timeIt. */
export async function timeItAsync(
  fn: () => Promise<unknown>,
  opts: { minMs?: number; minRuns?: number; maxRuns?: number; warmup?: number } = {},
): Promise<Timing> {
  const { minMs = 300, minRuns = 5, maxRuns = 10_000, warmup = 1 } = opts;
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  const start = performance.now();
  while (times.length < maxRuns && (times.length < minRuns || performance.now() - start < minMs)) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return summarize(times);
}

export function summarize(times: number[]): Timing {
  const sorted = [...times].sort((a, b) => a - b);
  return { medianMs: median(sorted), minMs: sorted[0] ?? 0, runs: times.length };
}

export function median(values: number[]): number {
  if (values.length === 0) return 0;
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** MB/s (10^6 bytes per second) for `bytes` processed in `ms`. */
export function mbPerSec(bytes: number, ms: number): number {
  return ms > 0 ? bytes / 1e6 / (ms / 1000) : Infinity;
}

export function round(n: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

/**
 * The HAL reference corpus in the shared fixtures: its folder and the sorted base names of its
 * inputs (`<name>.bin`), or the row that says it was skipped, under `missingKey`.
 */
export function halCorpus(ctx: BenchContext, missingKey: string): { dir: string; names: string[] } | { missing: BenchRow } {
  const dir = ctx.sharedDir ? join(ctx.sharedDir, 'fixtures', 'hal', 'corpus') : null;
  if (!dir || !existsSync(dir)) {
    return {
      missing: { key: missingKey, label: 'HAL corpus', value: 0, unit: 'files', note: 'skipped: shared/fixtures/hal/corpus not found (pass --shared <dir>)' },
    };
  }
  const names = readdirSync(dir)
    .filter((f) => f.endsWith('.bin'))
    .map((f) => f.slice(0, -4))
    .sort();
  return { dir, names };
}
