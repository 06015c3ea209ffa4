/**
 * Bench group "scan": the ROM scanner on generated ROMs of 1, 2 and 4 MiB (HAL blocks hidden among
 * code-like bytes, tables, random data and padding): time on 2 workers, recall (real blocks found
 * at their true start with their exact size) and precision (reported hits that are real), and the
 * speed-up of 2 workers over 1, timed side by side in one run.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { makeScanTestRom, scanRom, type ScanHit, type ScanTestRom } from '../core/scan';
import { WorkerPool } from '../core/workers';
import { round, median, type BenchGroup, type BenchRow } from './harness';

/** dist/worker.js beside the CLI bundle, or the compiled worker entry in a test build. */
function workerScript(): string {
  const candidates = [join(__dirname, 'worker.js'), join(__dirname, '..', 'core', 'workers', 'worker-main.js')];
  return candidates.find((p) => existsSync(p)) ?? candidates[0]!;
}

function accuracy(rom: ScanTestRom, hits: ScanHit[]): { recall: number; precision: number } {
  const real = new Map(rom.blocks.map((b) => [b.romOffset, b.consumed]));
  const correct = hits.filter((h) => real.get(h.romOffset) === h.consumed).length;
  return { recall: rom.blocks.length ? correct / rom.blocks.length : 1, precision: hits.length ? correct / hits.length : 1 };
}

async function timeScan(rom: Uint8Array, pool: WorkerPool): Promise<{ ms: number; hits: ScanHit[] }> {
  const t0 = performance.now();
  const state = await scanRom(rom, { pool });
  return { ms: performance.now() - t0, hits: state.hits };
}

export const scanBench: BenchGroup = {
  name: 'scan',
  description: 'ROM scanner: time on 2 workers, recall and precision on generated 1/2/4 MiB ROMs; 1 vs 2 workers',
  async run(ctx) {
    const rows: BenchRow[] = [];
    const script = workerScript();
    const pool1 = new WorkerPool({ script, size: 1 });
    const pool2 = new WorkerPool({ script, size: 2 });
    try {
      const sizes = ctx.quick ? [1] : [1, 2, 4];
      for (const mib of sizes) {
        const rom = makeScanTestRom({ size: mib << 20, blocks: 24 * mib, seed: 100 + mib });
        await timeScan(rom.data, pool2); // warm-up: workers started, code compiled
        const runs: number[] = [];
        let hits: ScanHit[] = [];
        for (let i = 0; i < (ctx.quick ? 1 : 3); i++) {
          const r = await timeScan(rom.data, pool2);
          runs.push(r.ms);
          hits = r.hits;
        }
        const ms = median(runs);
        const { recall, precision } = accuracy(rom, hits);
        const target = mib === 4 ? { target: '< 5000 ms', pass: ms < 5000 } : {};
        rows.push({ key: `scan${mib}MiBMs`, label: `scan ${mib} MiB ROM, 2 workers`, value: round(ms, 0), unit: 'ms', ...target, note: `${rom.blocks.length} blocks, ${hits.length} hits` });
        rows.push({ key: `scan${mib}MiBRecall`, label: `recall ${mib} MiB (true start, exact size)`, value: round(100 * recall, 1), unit: '%', target: '100 %', pass: recall === 1 });
        rows.push({ key: `scan${mib}MiBPrecision`, label: `precision ${mib} MiB`, value: round(100 * precision, 1), unit: '%', target: '>= 90 %', pass: precision >= 0.9 });
      }
      // 1 vs 2 workers, alternated so both see the same machine state.
      const mib = ctx.quick ? 1 : 4;
      const rom = makeScanTestRom({ size: mib << 20, blocks: 24 * mib, seed: 200 });
      await timeScan(rom.data, pool1);
      const one: number[] = [];
      const two: number[] = [];
      for (let i = 0; i < (ctx.quick ? 1 : 3); i++) {
        one.push((await timeScan(rom.data, pool1)).ms);
        two.push((await timeScan(rom.data, pool2)).ms);
      }
      const speedup = median(one) / median(two);
      rows.push({ key: 'scan1WorkerMs', label: `scan ${mib} MiB ROM, 1 worker`, value: round(median(one), 0), unit: 'ms' });
      rows.push({ key: 'scan2WorkersMs', label: `scan ${mib} MiB ROM, 2 workers`, value: round(median(two), 0), unit: 'ms' });
      rows.push({ key: 'scanSpeedup2v1', label: '2 workers vs 1 (speed-up)', value: round(speedup, 2), unit: 'x', target: '>= 1.7x', pass: speedup >= 1.7 });
    } finally {
      await Promise.all([pool1.dispose(), pool2.dispose()]);
    }
    return rows;
  },
};
