/**
 * How the CLI runs a scan: on the main thread or on worker threads, `--jobs n` or `auto`.
 *
 * `auto` (the default) scans on the main thread when the ROM is small enough that starting
 * workers costs more than they save. A worker costs about 40-60 ms of wall time to start and load
 * the scanner on this project's machine kind (2 vCPU), and a scan runs at roughly 0.5-1 ms per
 * 64 KiB chunk per core; the `cli` bench group measures both sides (scan --jobs auto / 1 / 2 on
 * 512 KiB and 4 MiB, whole processes). Above AUTO_WORKERS_FROM bytes, auto uses every core.
 */
import { availableParallelism } from 'node:os';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Mapping } from '../core/rom/mapping';
import { scanRom, type ScanState } from '../core/scan';
import { WorkerPool } from '../core/workers';
import { UsageError, stringOpt, type ParsedArgs } from './command';

/** ROMs from this size up scan on workers under `--jobs auto` (below it, on the main thread). */
export const AUTO_WORKERS_FROM = 1 << 20;

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
