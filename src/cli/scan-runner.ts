/**
 * How the CLI runs a scan: on the main thread or on worker threads, `--jobs n` or `auto`.
 *
 * `auto` (the default) scans on the main thread unless the ROM is large enough that workers save
 * more than they cost. A CLI run pays for its workers cold: each starts a thread, loads the
 * worker bundle and compiles the scanner again, and the ROM is copied into shared memory. Measured
 * as whole processes on this project's machine kind (2 vCPU, shared; the `cli` bench group's scan
 * rows), the main thread was as fast as or faster than 1 or 2 workers at 512 KiB, 1, 2 and 4 MiB
 * (4 MiB: 529 / 524 / 783 ms best of 7 for 0 / 1 / 2 workers; issue 19 saw 2 workers give nothing
 * over 1 at 4 MiB on a quiet machine). So workers start at 8 MiB (the largest SNES ROMs), where
 * half a scan outweighs their start-up; the gallery keeps its long-lived pool.
 */
import { availableParallelism } from 'node:os';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Mapping } from '../core/rom/mapping';
import { scanRom, type ScanState } from '../core/scan';
import { WorkerPool } from '../core/workers';
import { UsageError, stringOpt, type ParsedArgs } from './command';

/** ROMs from this size up scan on workers under `--jobs auto` (below it, on the main thread). */
export const AUTO_WORKERS_FROM = 8 << 20;

export type JobsChoice = number | 'auto';

/** `--jobs <n>|auto`: 0 means the main thread, no workers. */
export function jobsOption(args: ParsedArgs): JobsChoice {
  const v = stringOpt(args, 'jobs');
  if (v === undefined || v === 'auto') return 'auto';
  const n = /^\d+$/.test(v) ? Number(v) : NaN;
  if (!Number.isInteger(n) || n < 0 || n > 256) throw new UsageError(`--jobs must be auto or a whole number from 0 (main thread) to 256, got "${v}"`);
  return n;
}

/** Workers a scan of `size` bytes uses (0: the main thread). */
export function workersFor(choice: JobsChoice, size: number, cores = availableParallelism()): number {
  if (choice !== 'auto') return choice;
  return size < AUTO_WORKERS_FROM || cores < 2 ? 0 : cores;
}

/** dist/worker.js beside the CLI bundles; in an unbundled test build, the compiled worker entry. */
export function workerScript(): string {
  const candidates = [join(__dirname, 'worker.js'), join(__dirname, '..', 'core', 'workers', 'worker-main.js')];
  return candidates.find((p) => existsSync(p)) ?? candidates[0]!;
}

export interface CliScanOptions {
  jobs: JobsChoice;
  minTiles: number;
  includeRaw: boolean;
  mapping: Mapping;
  onProgress?: (done: number, total: number) => void;
}

/** Scans the headerless ROM bytes as `jobs` says; the pool (if any) is disposed before returning. */
export async function runScan(data: Uint8Array, opts: CliScanOptions): Promise<{ state: ScanState; workers: number }> {
  const workers = workersFor(opts.jobs, data.length);
  const pool = workers > 0 ? new WorkerPool({ script: workerScript(), size: workers }) : undefined;
  try {
    const state = await scanRom(data, { pool, minTiles: opts.minTiles, mapping: opts.mapping, includeRaw: opts.includeRaw, onProgress: opts.onProgress });
    return { state, workers };
  } finally {
    await pool?.dispose();
  }
}
