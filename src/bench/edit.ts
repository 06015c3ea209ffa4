/**
 * Bench group "edit": a pen stroke in the sprite editor to the ROM bytes that hold it (decode the
 * block, write the pixels, re-compress with 'optimal', plan in place or relocated, fix the
 * checksum, verify by decoding), on the demo ROM's largest sheet. The stroke must fit a frame's
 * budget: p95 under 50 ms. Also a palette colour edit.
 */
import { decodeTiles } from '../core/gfx/tiles';
import { tilesToImage } from '../core/gfx/arrange';
import { decode, encode } from '../core/hal';
import { linePoints } from '../core/edit-pixels/tools';
import { planPaletteColor, planStroke } from '../core/edit-pixels';
import { buildDemoRom, demoRomLayout } from '../core/demo/demo-rom';
import { Rom } from '../core/rom/rom';
import { round, type BenchGroup, type BenchRow } from './harness';

interface Percentiles {
  median: number;
  p95: number;
}

function percentilesOf(values: number[]): Percentiles {
  const v = [...values].sort((a, b) => a - b);
  return { median: v[Math.floor(v.length / 2)]!, p95: v[Math.min(v.length - 1, Math.ceil(v.length * 0.95) - 1)]! };
}

/**
 * Times `fn` `runs` times after `warmup` calls: wall-clock and process CPU time (ms), median and
 * 95th percentile. On a shared machine the CPU time shows the work when neighbours stretch the
 * wall clock.
 */
function percentiles(fn: () => unknown, runs: number, warmup: number): Percentiles & { cpu: Percentiles } {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  return { ...percentilesOf(times), cpu: percentilesOf(cpu) };
}

export const editBench: BenchGroup = {
  name: 'edit',
  description: 'Sprite editor: a pen stroke to ROM bytes on the largest demo sheet (target p95 < 50 ms); a palette colour edit',
  async run(ctx) {
    const rows: BenchRow[] = [];
    const rom = new Rom(buildDemoRom());
    const sheet = [...demoRomLayout().sprites].sort((a, b) => b.size - a.size)[0]!;
    const target = { romOffset: sheet.romOffset, kind: 'hal' as const, bpp: sheet.bpp };
    const image = tilesToImage(decodeTiles(decode(rom.data, sheet.romOffset).data, sheet.bpp), { widthTiles: sheet.widthTiles });
    // A short diagonal pen stroke through the middle of the sheet, in a colour the pixels do not hold.
    const cx = image.width >> 1;
    const cy = image.height >> 1;
    const changes: number[] = [];
    for (const [x, y] of linePoints(cx - 6, cy - 6, cx + 6, cy + 6)) {
      const i = y * image.width + x;
      const before = image.pixels[i]!;
      changes.push(i, before, before === 1 ? 2 : 1);
    }
    const stroke = { target, widthTiles: sheet.widthTiles, changes };
    const runs = ctx.quick ? 5 : 60;
    const t = percentiles(() => planStroke(rom, stroke, { relocate: true }), runs, ctx.quick ? 1 : 5);
    rows.push({
      key: 'strokeToBytesP95Ms',
      label: `stroke to bytes: ${changes.length / 3} pixels on "${sheet.name}" (${sheet.tiles} tiles, ${sheet.size} B, ${sheet.bpp}bpp), p95`,
      value: round(t.p95, 2),
      unit: 'ms',
      target: '< 50 ms',
      pass: t.p95 < 50,
      note: `median ${round(t.median, 2)} ms over ${runs} strokes`,
    });
    rows.push({
      key: 'strokeToBytesCpuP95Ms',
      label: 'stroke to bytes: process CPU time, p95',
      value: round(t.cpu.p95, 2),
      unit: 'ms',
      note: `median ${round(t.cpu.median, 2)} ms`,
    });
    const data = decode(rom.data, sheet.romOffset).data;
    const enc = percentiles(() => encode(data, { level: 'optimal' }), runs, ctx.quick ? 1 : 3);
    rows.push({
      key: 'strokeOptimalShareMs',
      label: `of which: 'optimal' re-compression of the ${data.length}-byte sheet, median`,
      value: round(enc.median, 2),
      unit: 'ms',
      note: `${round((100 * enc.median) / t.median, 0)} % of the stroke's median`,
    });
    const p = percentiles(() => planPaletteColor(rom, { paletteRomOffset: sheet.paletteRomOffset, index: 1, color: 0x1234 }), runs, 2);
    rows.push({
      key: 'paletteEditP95Ms',
      label: 'palette colour edit to bytes (checksum included), p95',
      value: round(p.p95, 2),
      unit: 'ms',
      note: `median ${round(p.median, 2)} ms`,
    });
    return rows;
  },
};
