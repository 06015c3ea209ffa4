/**
 * Bench group "decode": the HAL decoder on the reference corpus (shared/fixtures/hal/corpus).
 * - MB/s per file for `decode` (returns a copy) and `decodeInto` (the caller's buffer, as
 *   exhal_unpack does);
 * - exhal's C decoder on the same streams in the same run, when SPRITEPAL_EXHAL_SRC names a
 *   folder with exhal's source (compress.c, compress.h, memmem.c, e.g. a checkout of
 *   github.com/devinacker/exhal) and a C compiler (`cc`, or $CC) is on the PATH: a small harness
 *   is compiled into a temp folder and timed in alternating rounds with ours (the ratio is the
 *   median of the per-round ratios of median calls; the ratio of best calls is noted beside it,
 *   as on this shared machine the median moves with the neighbours' load more than the best
 *   does). Without it, the format document's §9 figures are noted;
 * - the first pass (cold JIT) over the demo ROM's 44 blocks in a fresh Node process;
 * - the scanner's pattern: decodeInto at every offset of a file with one reused buffer.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildDemoRom, demoRomLayout } from '../core/demo/demo-rom';
import { decode, decodeInto } from '../core/hal';
import { halCorpus, mbPerSec, median, round, timeIt, type BenchGroup, type BenchRow } from './harness';

/** exhal decode speeds from the format document §9 (in-process C, this machine kind, quiet). */
const REFERENCE_GBPS: Record<string, number> = { sprite_8k: 1.4, sprite_64k: 1.2, sparse_64k: 1.2, kss_cave_vram_64k: 1.0 };

const isTiles = (name: string) => !name.startsWith('random') && !name.startsWith('zeros');
const camel = (name: string) => name.replace(/(^|_)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase());

// The cold probe: this module run as a fresh process decodes the demo ROM's blocks twice and
// prints both times as JSON; nothing else has run in that process, so the first pass pays for
// parsing, the interpreter and the compiler.
const PROBE_ENV = 'SPRITEPAL_DECODE_COLD_PROBE';
if (process.env[PROBE_ENV]) {
  const rom = new Uint8Array(readFileSync(process.env[PROBE_ENV]!));
  const offsets = process.argv.slice(2).map(Number);
  const pass = () => {
    const t0 = performance.now();
    for (const o of offsets) decode(rom, o);
    return performance.now() - t0;
  };
  const first = pass();
  writeSync(1, JSON.stringify({ first, second: pass() }) + '\n');
  process.exit(0);
}

function coldPass(romPath: string, offsets: number[]): { first: number; second: number } {
  const r = spawnSync(process.execPath, [__filename, ...offsets.map(String)], { env: { ...process.env, [PROBE_ENV]: romPath }, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`cold decode probe failed: ${r.stderr || r.error?.message}`);
  return JSON.parse(r.stdout) as { first: number; second: number };
}

/** The C harness: exhal_unpack timed per call on each file (65,536-byte zero-padded window, as exhal reads it). */
const HARNESS_C = String.raw`#define _POSIX_C_SOURCE 199309L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <time.h>
#include "compress.h"
static double now(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec * 1e3 + t.tv_nsec / 1e6; }
static int cmp(const void *a, const void *b) { double x = *(const double *)a, y = *(const double *)b; return x < y ? -1 : x > y; }
static uint8_t packed[DATA_SIZE], unpacked[DATA_SIZE];
static double times[100000];
int main(int argc, char **argv) {
  double minMs = atof(argv[1]);
  for (int i = 2; i < argc; i++) {
    FILE *f = fopen(argv[i], "rb");
    if (!f) { perror(argv[i]); return 1; }
    memset(packed, 0, sizeof packed);
    fread(packed, 1, DATA_SIZE, f);
    fclose(f);
    size_t size = 0;
    for (int w = 0; w < 20; w++) size = exhal_unpack(packed, unpacked, NULL);
    int runs = 0;
    double start = now();
    while (runs < 100000 && (runs < 20 || now() - start < minMs)) { double t0 = now(); size = exhal_unpack(packed, unpacked, NULL); times[runs++] = now() - t0; }
    qsort(times, runs, sizeof(double), cmp);
    double med = runs % 2 ? times[runs / 2] : (times[runs / 2 - 1] + times[runs / 2]) / 2;
    printf("%zu %.6f %.6f\n", size, med, times[0]);
  }
  return 0;
}
`;

/** Compiles the harness against SPRITEPAL_EXHAL_SRC; the binary's path, or why not. */
function buildExhal(dir: string): { bin: string } | { why: string } {
  const src = process.env.SPRITEPAL_EXHAL_SRC;
  if (!src) return { why: 'SPRITEPAL_EXHAL_SRC not set' };
  if (!existsSync(join(src, 'compress.c'))) return { why: `no compress.c in ${src}` };
  const harness = join(dir, 'exhal-decode.c');
  const bin = join(dir, 'exhal-decode');
  writeFileSync(harness, HARNESS_C);
  const cc = process.env.CC || 'cc';
  const r = spawnSync(cc, ['-std=c99', '-O3', '-I', src, '-o', bin, harness, join(src, 'compress.c'), join(src, 'memmem.c')], { encoding: 'utf8' });
  return r.status === 0 ? { bin } : { why: `${cc} failed: ${(r.stderr || r.error?.message || '').split('\n')[0]}` };
}

/** exhal's median and best ms per call for each file, from one harness process. */
function runExhal(bin: string, files: string[], minMs: number): { size: number; ms: number; best: number }[] {
  const r = spawnSync(bin, [String(minMs), ...files], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`exhal harness failed: ${r.stderr}`);
  return r.stdout
    .trim()
    .split('\n')
    .map((line) => {
      const [size, ms, best] = line.split(' ').map(Number);
      return { size: size!, ms: ms!, best: best! };
    });
}

export const decodeBench: BenchGroup = {
  name: 'decode',
  description: "HAL decoder: MB/s per corpus file, exhal's C side by side (SPRITEPAL_EXHAL_SRC), cold first pass over the demo ROM's 44 blocks, every offset",
  async run(ctx) {
    const rows: BenchRow[] = [];
    const tmp = mkdtempSync(join(tmpdir(), 'spritepal-bench-decode-'));
    try {
      // First, in a fresh process, before this one has decoded anything.
      const demo = buildDemoRom();
      const demoPath = join(tmp, 'demo.sfc');
      writeFileSync(demoPath, demo);
      const offsets = demoRomLayout().sprites.map((s) => s.romOffset);
      const colds: { first: number; second: number }[] = [];
      for (let i = 0; i < (ctx.quick ? 1 : 7); i++) colds.push(coldPass(demoPath, offsets));
      const demoBytes = offsets.reduce((n, o) => n + decode(demo, o).data.length, 0);
      rows.push({
        key: 'halDecodeColdFirstPassMs',
        label: `decode the demo ROM's ${offsets.length} blocks, first pass in a fresh process (median of ${colds.length})`,
        value: round(median(colds.map((c) => c.first)), 2),
        unit: 'ms',
        note: `${demoBytes} bytes; second pass ${round(median(colds.map((c) => c.second)), 2)} ms`,
      });

      const corpus = halCorpus(ctx, 'halDecodeCorpusMissing');
      if ('missing' in corpus) {
        rows.push(corpus.missing);
        return rows;
      }
      const { dir, names } = corpus;
      const files = names.map((n) => join(dir, `${n}.inhal2.hal`));
      const streams = files.map((f) => new Uint8Array(readFileSync(f)));
      const sizes = names.map((n) => readFileSync(join(dir, `${n}.bin`)).length);
      const exhal = ctx.quick ? { why: 'not in a quick run' } : buildExhal(tmp);
      const into = new Uint8Array(0x10000);
      // Warm every path on every file, so the first file timed does not also pay for the JIT.
      for (let r = 0; r < (ctx.quick ? 1 : 3); r++) {
        for (const s of streams) {
          for (let k = 0; k < 50; k++) {
            decodeInto(s, 0, into);
            decode(s);
          }
        }
      }

      const minMs = ctx.quick ? 10 : 60;
      const rounds = ctx.quick ? 1 : 7;
      const per = names.map(() => ({
        decode: [] as number[],
        into: [] as number[],
        intoBest: [] as number[],
        exhal: [] as number[],
        exhalBest: [] as number[],
        ratio: [] as number[],
        bestRatio: [] as number[],
      }));
      const totals = { ours: [] as number[], exhal: [] as number[], oursBest: [] as number[], exhalBest: [] as number[] };
      for (let r = 0; r < rounds; r++) {
        // exhal's round, then ours, so both see the same neighbours' load (alternating order).
        const runC = () => ('bin' in exhal ? runExhal(exhal.bin, files, minMs) : null);
        const c0 = r % 2 === 0 ? runC() : null;
        const timings = streams.map((s) => timeIt(() => decodeInto(s, 0, into), { minMs, minRuns: 20, warmup: 5 }));
        const ours = timings.map((t) => t.medianMs);
        const c = c0 ?? runC();
        streams.forEach((s, i) => {
          per[i]!.into.push(ours[i]!);
          per[i]!.intoBest.push(timings[i]!.minMs);
          per[i]!.decode.push(timeIt(() => decode(s), { minMs: minMs / 2, minRuns: 20, warmup: 5 }).medianMs);
          if (c) {
            if (c[i]!.size !== sizes[i]) throw new Error(`exhal decoded ${names[i]} to ${c[i]!.size} bytes, not ${sizes[i]}`);
            per[i]!.exhal.push(c[i]!.ms);
            per[i]!.exhalBest.push(c[i]!.best);
            per[i]!.ratio.push(c[i]!.ms / ours[i]!);
            per[i]!.bestRatio.push(c[i]!.best / timings[i]!.minMs);
          }
        });
        if (c) {
          totals.ours.push(ours.reduce((a, b) => a + b, 0));
          totals.exhal.push(c.reduce((a, b) => a + b.ms, 0));
          totals.oursBest.push(timings.reduce((a, b) => a + b.minMs, 0));
          totals.exhalBest.push(c.reduce((a, b) => a + b.best, 0));
        }
      }

      names.forEach((name, i) => {
        const id = camel(name);
        const p = per[i]!;
        const mbs = mbPerSec(sizes[i]!, median(p.decode));
        const mbsInto = mbPerSec(sizes[i]!, median(p.into));
        const ref = REFERENCE_GBPS[name];
        rows.push({
          key: `halDecode${id}MBps`,
          label: `decode ${name} (${sizes[i]} B), returns a copy`,
          value: round(mbs, 0),
          unit: 'MB/s',
          ...(isTiles(name) ? { target: '>= 500 MB/s', pass: mbs >= 500 } : {}),
        });
        rows.push({
          key: `halDecodeInto${id}MBps`,
          label: `decodeInto ${name}, the caller's buffer (as exhal_unpack)`,
          value: round(mbsInto, 0),
          unit: 'MB/s',
          ...(name === 'sprite_64k' ? { target: '>= 1200 MB/s', pass: mbsInto >= 1200 } : {}),
          note: `best call ${round(mbPerSec(sizes[i]!, Math.min(...p.intoBest)), 0)} MB/s${p.exhal.length ? '' : `; exhal ${ref ? `~${ref * 1000} MB/s (format doc §9)` : 'not measured'}`}`,
        });
        if (p.exhal.length) {
          const ratio = median(p.ratio);
          rows.push({
            key: `halDecodeExhal${id}MBps`,
            label: `exhal_unpack ${name}, same run`,
            value: round(mbPerSec(sizes[i]!, median(p.exhal)), 0),
            unit: 'MB/s',
            note: `best call ${round(mbPerSec(sizes[i]!, Math.min(...p.exhalBest)), 0)} MB/s${ref ? `; format doc §9: ~${ref * 1000} MB/s on a quiet machine` : ''}`,
          });
          rows.push({
            key: `halDecodeInto${id}VsExhal`,
            label: `decodeInto vs exhal_unpack, ${name} (median of ${p.ratio.length} paired rounds)`,
            value: round(ratio, 2),
            unit: 'x',
            target: '>= 1.0x',
            pass: ratio >= 1,
            note: `best call against best call: ${round(median(p.bestRatio), 2)}x`,
          });
        }
      });
      if (totals.exhal.length) {
        const ratios = totals.exhal.map((e, r) => e / totals.ours[r]!);
        const ratio = median(ratios);
        rows.push({
          key: 'halDecodeCorpusVsExhal',
          label: 'decodeInto vs exhal_unpack, whole corpus (time for all files, paired rounds)',
          value: round(ratio, 2),
          unit: 'x',
          target: '>= 1.0x',
          pass: ratio >= 1,
          note: `per-round ${ratios.map((x) => round(x, 2)).join(', ')}; best calls: ${round(median(totals.exhalBest.map((e, r) => e / totals.oursBest[r]!)), 2)}x`,
        });
      } else {
        rows.push({
          key: 'halDecodeExhalMissing',
          label: "exhal's C decoder, same run",
          value: 0,
          unit: 'files',
          note: `not measured: ${'why' in exhal ? exhal.why : ''}; compared with the format doc §9 figures instead`,
        });
      }

      // The scanner's pattern: try every offset of a file with one reused buffer (most fail fast).
      const scanName = names.includes('kss_cave_vram_64k') ? 'kss_cave_vram_64k' : names[0]!;
      const scanSrc = new Uint8Array(readFileSync(join(dir, `${scanName}.bin`)));
      const span = ctx.quick ? 2048 : scanSrc.length;
      const scan = timeIt(
        () => {
          for (let off = 0; off < span; off++) decodeInto(scanSrc, off, into);
        },
        { minMs: ctx.quick ? 20 : 400, minRuns: ctx.quick ? 1 : 3, warmup: 1 },
      );
      rows.push({
        key: 'halScanEveryOffsetNs',
        label: `decodeInto at every offset of ${scanName}.bin`,
        value: round((scan.medianMs * 1e6) / span, 0),
        unit: 'ns/offset',
        note: `${round(scan.medianMs, 1)} ms for ${span} offsets; exhal's sniff reads 64 KiB per offset`,
      });
      return rows;
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  },
};
