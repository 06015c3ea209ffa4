/**
 * Bench group "edit": a pen stroke in the sprite editor to the ROM bytes that hold it (decode the
 * block, write the pixels, re-compress with 'optimal', plan in place or relocated, fix the
 * checksum, verify by decoding), on the demo ROM's largest sheet. The stroke must fit a frame's
 * budget: p95 under 50 ms. Also a palette colour edit.
 */
import { decodeTiles } from '../core/gfx/tiles';
import { tilesToImage } from '../core/gfx/arrange';
import { decode } from '../core/hal';
import { linePoints } from '../core/edit-pixels/tools';
import { planPaletteColor, planStroke } from '../core/edit-pixels';
import { buildDemoRom, demoRomLayout } from '../core/demo/demo-rom';
import { Rom } from '../core/rom/rom';
import { round, type BenchGroup, type BenchRow } from './harness';

/** Times `fn` `runs` times after `warmup` calls; median and 95th percentile. */
function percentiles(fn: () => unknown, runs: number, warmup: number): { median: number; p95: number } {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)]!, p95: times[Math.min(times.length - 1, Math.ceil(times.length * 0.95) - 1)]! };
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
    const p = percentiles(() => planPaletteColor(rom, { paletteRomOffset: sheet.paletteRomOffset, index: 1, color: 0x1234 }), runs, 2);
    rows.push({ key: 'paletteEditP95Ms', label: 'palette colour edit to bytes (checksum included), p95', value: round(p.p95, 2), unit: 'ms', note: `median ${round(p.median, 2)} ms` });
    return rows;
  },
};
