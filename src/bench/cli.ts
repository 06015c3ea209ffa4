/**
 * Bench group "cli": the command line as build pipelines use it, measured as whole processes
 * (wall time of spawning `node dist/cli.js ...` until it exits) beside bare `node -e 0` in the same
 * run, the variants alternated so a drift in machine load hits all alike:
 *   - start-up: `--version` and `info` on a 4 MiB ROM against `node -e 0` (target <= 1.3x);
 *   - the demo ROM's 44 blocks decoded by one batch process against 44 single-block processes;
 *   - the decoder's cold first pass over those 44 blocks in a fresh isolate (JIT not warmed up);
 *   - scan --jobs auto against the main thread (0), 1 and 2 workers on a 512 KiB ROM (the demo
 *     ROM) and generated 1, 2 and 4 MiB ROMs: where workers start to pay (the auto threshold).
 * Needs the built CLI (npm run build); without dist/cli.js the group says so and skips.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { buildDemoRom, demoRomLayout } from '../core/demo/demo-rom';
import { decode } from '../core/hal';
import { makeScanTestRom } from '../core/scan';
import { median, round, type BenchGroup, type BenchRow } from './harness';

/** dist/cli.js: beside this bundle (dist/cli-bench.js). */
function cliPath(): string | null {
  const p = join(__dirname, 'cli.js');
  return existsSync(p) ? p : null;
}

/** Wall time of one process, ms; throws when it fails (a bench of a failing command means nothing). */
function runProcess(args: string[]): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited with ${r.status}: ${r.stderr?.toString().trim()}`);
  return ms;
}

/** Median wall time of each variant over `rounds` rounds, the variants' order rotated each round. */
function alternate(variants: Record<string, () => number>, rounds: number): Record<string, number> {
  const names = Object.keys(variants);
  const times: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < names.length; i++) {
      const n = names[(i + r) % names.length]!;
      times[n]!.push(variants[n]!());
    }
  }
  return Object.fromEntries(names.map((n) => [n, median(times[n]!)]));
}

// The cold-decode probe: this module run as a worker (a fresh isolate, nothing compiled yet)
// decodes the given blocks once, then once more, and reports both times.
interface ProbeData {
  probe: 'cold-decode';
  rom: Uint8Array;
  offsets: number[];
}
if (!isMainThread && (workerData as ProbeData | null)?.probe === 'cold-decode') {
  const { rom, offsets } = workerData as ProbeData;
  const pass = () => {
    const t0 = performance.now();
    for (const o of offsets) decode(rom, o);
    return performance.now() - t0;
  };
  const first = pass();
  parentPort!.postMessage({ first, second: pass() });
}

function coldDecode(rom: Uint8Array, offsets: number[]): Promise<{ first: number; second: number }> {
  return new Promise((resolve, reject) => {
    const w = new Worker(__filename, { workerData: { probe: 'cold-decode', rom, offsets } satisfies ProbeData });
    w.once('message', (m: { first: number; second: number }) => {
      resolve(m);
      void w.terminate();
    });
    w.once('error', reject);
  });
}

export const cliBench: BenchGroup = {
  name: 'cli',
  description: 'the CLI as whole processes beside node -e 0: start-up, batch vs single decodes, cold decode, scan --jobs auto vs 0/1/2',
  async run(ctx) {
    const cli = cliPath();
    if (!cli) return [{ key: 'cliMissing', label: 'CLI bundle', value: 0, unit: 'files', note: 'skipped: dist/cli.js not found (npm run build)' }];
    const rows: BenchRow[] = [];
    const dir = mkdtempSync(join(tmpdir(), 'spritepal-bench-cli-'));
    try {
      const demo = buildDemoRom();
      const demoPath = join(dir, 'demo.sfc');
      writeFileSync(demoPath, demo);
      const big = join(dir, 'big4.sfc');
      writeFileSync(big, makeScanTestRom({ size: 4 << 20, blocks: 96, seed: 400 }).data);
      const rounds = ctx.quick ? 2 : 15;

      // Start-up.
      const start = alternate(
        {
          node: () => runProcess(['-e', '0']),
          version: () => runProcess([cli, '--version']),
          info: () => runProcess([cli, 'info', big]),
        },
        rounds,
      );
      const vs = (ms: number) => ms / start.node!;
      rows.push({ key: 'cliNodeBareMs', label: `node -e 0 (median of ${rounds})`, value: round(start.node!, 1), unit: 'ms' });
      rows.push({ key: 'cliVersionMs', label: 'spritepal --version', value: round(start.version!, 1), unit: 'ms' });
      rows.push({
        key: 'cliVersionVsNode',
        label: 'spritepal --version vs node -e 0',
        value: round(vs(start.version!), 2),
        unit: 'x',
        target: '<= 1.3x',
        pass: vs(start.version!) <= 1.3,
      });
      rows.push({ key: 'cliInfoMs', label: 'spritepal info, 4 MiB ROM', value: round(start.info!, 1), unit: 'ms' });
      rows.push({
        key: 'cliInfoVsNode',
        label: 'spritepal info, 4 MiB ROM, vs node -e 0',
        value: round(vs(start.info!), 2),
        unit: 'x',
        target: '<= 1.3x',
        pass: vs(start.info!) <= 1.3,
      });

      // The demo ROM's 44 blocks: one batch process against one process per block.
      const offsets = demoRomLayout().sprites.map((s) => s.romOffset);
      const batchRounds = ctx.quick ? 1 : 3;
      const dec = alternate(
        {
          batch: () => runProcess([cli, 'decompress', demoPath, ...offsets.flatMap((o) => ['--offset', String(o)]), '--out-dir', join(dir, 'batch')]),
          single: () => offsets.reduce((ms, o) => ms + runProcess([cli, 'decompress', demoPath, '--offset', String(o), '-o', join(dir, `single-${o}.bin`)]), 0),
        },
        batchRounds,
      );
      rows.push({
        key: 'cliDecodeBatch44Ms',
        label: `decompress the demo ROM's ${offsets.length} blocks, one batch process`,
        value: round(dec.batch!, 0),
        unit: 'ms',
      });
      rows.push({ key: 'cliDecodeSingle44Ms', label: `the same, ${offsets.length} single-block processes`, value: round(dec.single!, 0), unit: 'ms' });
      rows.push({
        key: 'cliDecodeBatchSpeedup',
        label: `${offsets.length} single processes vs one batch`,
        value: round(dec.single! / dec.batch!, 1),
        unit: 'x',
        note: `exhal: 44 runs ~210 ms (issue 19)`,
      });

      // The decoder cold: a fresh isolate's first pass over the 44 blocks, then its second.
      const colds: { first: number; second: number }[] = [];
      for (let i = 0; i < (ctx.quick ? 1 : 5); i++) colds.push(await coldDecode(demo, offsets));
      const bytes = offsets.reduce((n, o) => n + decode(demo, o).data.length, 0);
      rows.push({
        key: 'halDemoColdFirstPassMs',
        label: `decode the demo ROM's ${offsets.length} blocks, first pass in a fresh isolate (median)`,
        value: round(median(colds.map((c) => c.first)), 2),
        unit: 'ms',
        note: `${bytes} bytes; second pass ${round(median(colds.map((c) => c.second)), 2)} ms`,
      });

      // scan --jobs: where workers pay for themselves.
      const scanRoms: [string, string][] = [['512 KiB demo ROM', demoPath]];
      for (const mib of ctx.quick ? [] : [1, 2]) {
        const p = join(dir, `scan${mib}.sfc`);
        writeFileSync(p, makeScanTestRom({ size: mib << 20, blocks: 24 * mib, seed: 400 + mib }).data);
        scanRoms.push([`${mib} MiB ROM`, p]);
      }
      scanRoms.push(['4 MiB ROM', big]);
      for (const [label, path] of scanRoms) {
        const jobs = ['auto', '0', '1', '2'];
        const t = alternate(Object.fromEntries(jobs.map((j) => [j, () => runProcess([cli, 'scan', path, '--jobs', j, '--json'])])), ctx.quick ? 1 : 5);
        const id = label.split(' ').slice(0, 2).join('');
        for (const j of jobs)
          rows.push({
            key: `cliScan${id}Jobs${j === 'auto' ? 'Auto' : j}Ms`,
            label: `scan ${label}, --jobs ${j}${j === '0' ? ' (main thread)' : ''}`,
            value: round(t[j]!, 0),
            unit: 'ms',
          });
        const best = Math.min(t['0']!, t['1']!, t['2']!);
        rows.push({
          key: `cliScan${id}AutoVsBest`,
          label: `scan ${label}: --jobs auto vs the fastest of 0, 1 and 2`,
          value: round(t.auto! / best, 2),
          unit: 'x',
          target: '<= 1.05x',
          pass: t.auto! / best <= 1.05,
        });
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    return rows;
  },
};
