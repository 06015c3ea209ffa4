/**
 * Bench group "hal": the HAL encoder on the reference corpus (shared/fixtures/hal/corpus; the
 * decoder has its own group, "decode"): for each level, ms per call and stream size per file,
 * with the ratio against greedy measured in the same run; the reference's figures (format doc §9, inhal at
 * 76b12ee, in-process C on this kind of machine) are printed beside ours.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { encode, type HalLevel } from '../core/hal';
import { halCorpus, round, timeIt, type BenchGroup, type BenchRow } from './harness';

/** Reference figures from the format document §9: inhal -2 / -1 ms per call. */
const REFERENCE: Record<string, { ms2: number; ms1: number }> = {
  sprite_8k: { ms2: 5.8, ms1: 3.0 },
  sprite_64k: { ms2: 289, ms1: 98 },
  sparse_64k: { ms2: 475, ms1: 134 },
  kss_cave_vram_64k: { ms2: 354, ms1: 138 },
};

const isTiles = (name: string) => !name.startsWith('random') && !name.startsWith('zeros');
const isSpriteSheet = (name: string) => name.startsWith('sprite_') || name.startsWith('sparse_');
const camel = (name: string) => name.replace(/(^|_)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase());

export const halBench: BenchGroup = {
  name: 'hal',
  description: 'HAL encoder on the reference corpus: per level ms per call, size, ratio to greedy; inhal beside',
  async run(ctx) {
    const rows: BenchRow[] = [];
    const corpus = halCorpus(ctx, 'halCorpusMissing');
    if ('missing' in corpus) {
      rows.push(corpus.missing);
      return rows;
    }
    const { dir, names } = corpus;
    const minMs = ctx.quick ? 20 : 400;
    const opts = { minMs, minRuns: ctx.quick ? 1 : 5, warmup: ctx.quick ? 1 : 3 };
    const totals = { optimal: 0, greedy: 0 };
    // Warm every path on every file first ("warm, in-process"), so the first file timed is not
    // also the one that pays for the JIT.
    for (let round = 0; round < (ctx.quick ? 1 : 3); round++) {
      for (const name of names) {
        const bin = new Uint8Array(readFileSync(join(dir, `${name}.bin`)));
        for (const level of ['greedy', 'fast', 'optimal'] as HalLevel[]) encode(bin, { level, maxSize: 0x20000 });
      }
    }

    for (const name of names) {
      const bin = new Uint8Array(readFileSync(join(dir, `${name}.bin`)));
      const ref1 = new Uint8Array(readFileSync(join(dir, `${name}.inhal1.hal`)));
      const ref2 = new Uint8Array(readFileSync(join(dir, `${name}.inhal2.hal`)));
      const ref = REFERENCE[name];
      const id = camel(name);

      const sizes: Partial<Record<HalLevel, number>> = {};
      for (const level of ['greedy', 'fast', 'optimal'] as HalLevel[]) {
        let stream = encode(bin, { level, maxSize: 0x20000 });
        const timing = timeIt(() => (stream = encode(bin, { level, maxSize: 0x20000 })), opts);
        sizes[level] = stream.length;
        const big = bin.length === 0x10000 && isTiles(name);
        const msTarget = level === 'greedy' ? 60 : level === 'optimal' ? 150 : undefined;
        const refMs = level === 'greedy' ? ref?.ms2 : level === 'fast' ? ref?.ms1 : undefined;
        rows.push({
          key: `hal${camel(level)}${id}Ms`,
          label: `${level} ${name}: ms per call`,
          value: round(timing.medianMs, 2),
          unit: 'ms',
          ...(big && msTarget ? { target: `< ${msTarget} ms`, pass: timing.medianMs < msTarget } : {}),
          ...(refMs
            ? { note: `inhal ${level === 'greedy' ? '-2' : '-1'}: ${refMs} ms` }
            : level === 'optimal'
              ? { note: 'inhal -3/-4: 45-175x the -2 time, buggy' }
              : {}),
        });
        if (level === 'optimal') {
          const ratio = (100 * (stream.length - sizes.greedy!)) / sizes.greedy!;
          const sheet = isSpriteSheet(name);
          rows.push({
            key: `halOptimal${id}Bytes`,
            label: `optimal ${name}: stream size`,
            value: stream.length,
            unit: 'B',
            target: `<= inhal -2 (${ref2.length} B)`,
            pass: stream.length <= ref2.length,
          });
          rows.push({
            key: `halOptimal${id}VsGreedyPct`,
            label: `optimal ${name}: size vs greedy`,
            value: round(ratio, 2),
            unit: '%',
            ...(sheet ? { target: '<= -2 %', pass: ratio <= -2 } : {}),
            note: 'inhal -3/-4 reach -1.2 to -1.7 % on tile data',
          });
          if (name.startsWith('sprite_')) {
            totals.optimal += stream.length;
            totals.greedy += sizes.greedy!;
          }
        } else {
          if (level === 'fast') {
            rows.push({
              key: `halFast${id}VsGreedyPct`,
              label: `fast ${name}: size vs greedy`,
              value: round((100 * (stream.length - sizes.greedy!)) / sizes.greedy!, 2),
              unit: '%',
            });
          }
          const refStream = level === 'greedy' ? ref2 : ref1;
          const same = stream.length === refStream.length && stream.every((v, k) => v === refStream[k]);
          rows.push({
            key: `hal${camel(level)}${id}Bytes`,
            label: `${level} ${name}: stream size`,
            value: stream.length,
            unit: 'B',
            target: `identical to inhal ${level === 'greedy' ? '-2' : '-1'} (${refStream.length} B)`,
            pass: same,
          });
        }
      }
    }
    if (totals.greedy > 0) {
      const ratio = (100 * (totals.optimal - totals.greedy)) / totals.greedy;
      rows.push({
        key: 'halOptimalSpriteSheetsVsGreedyPct',
        label: 'optimal, all sprite_* sheets: size vs greedy',
        value: round(ratio, 2),
        unit: '%',
        target: '<= -2 %',
        pass: ratio <= -2,
        note: `${totals.optimal} B vs ${totals.greedy} B; the exact optimum is about -3.0 %`,
      });
    }
    return rows;
  },
};
