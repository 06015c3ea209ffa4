/** Bench group "rom": opening a ROM (header detection) at 4, 8 and 32 MiB, and checksum throughput. */
import { buildRom } from '../core/rom/build';
import { computeChecksum } from '../core/rom/checksum';
import { Rom } from '../core/rom/rom';
import { mbPerSec, round, timeIt, type BenchGroup, type BenchRow } from './harness';

export const romBench: BenchGroup = {
  name: 'rom',
  description: 'Opening a ROM (header detection) for 4, 8 and 32 MiB ROMs; checksum throughput',
  async run(ctx) {
    const rows: BenchRow[] = [];
    const sizes: [string, number, 'lorom' | 'exhirom'][] = [
      ['4MiB', 4 * 1024 * 1024, 'lorom'],
      ['8MiB', 8 * 1024 * 1024, 'exhirom'],
      ['32MiB', 32 * 1024 * 1024, 'exhirom'],
    ];
    for (const [label, size, mapping] of sizes) {
      const file = buildRom({ mapping, size, title: `BENCH ${label}`, content: (d) => fillPseudoRandom(d, 0x10000, size - 0x20000) });
      const open = timeIt(() => new Rom(file), { minMs: ctx.quick ? 20 : 300 });
      rows.push({
        key: `openRom${label}Ms`,
        label: `open ${label} ROM (header detection)`,
        value: round(open.medianMs, 4),
        unit: 'ms',
        target: '< 1 ms',
        pass: open.medianMs < 1,
      });
      const rom = new Rom(file);
      const sum = timeIt(() => computeChecksum(rom.data, rom.headerOffset), { minMs: ctx.quick ? 20 : 300, minRuns: 3 });
      const mbs = mbPerSec(size, sum.medianMs);
      rows.push({ key: `checksum${label}MBps`, label: `checksum ${label}`, value: round(mbs, 0), unit: 'MB/s', target: '>= 1000 MB/s', pass: mbs >= 1000 });
    }
    return rows;
  },
};

/** Deterministic filler so the checksum pass reads real varied bytes. */
function fillPseudoRandom(data: Uint8Array, start: number, length: number): void {
  let x = 0x12345678;
  for (let i = start; i < start + length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    data[i] = x & 0xff;
  }
}
