/** Geometry of the dump viewer's canvases, apart from the DOM (pure, unit-tested): tile runs, the OBJ area, sprites on screen. */
import type { DumpView, OamRow } from '../dump-protocol';

export type Rect = [x: number, y: number, width: number, height: number];

/** The cells of tiles [from, to) as up to three rectangles (first partial row, full rows, last partial row). */
export function runRects(from: number, to: number, w: number, cell: number): Rect[] {
  const out: Rect[] = [];
  if (to <= from) return out;
  const r0 = Math.floor(from / w);
  const r1 = Math.floor((to - 1) / w);
  const c0 = from % w;
  const c1 = ((to - 1) % w) + 1;
  if (r0 === r1) return [[c0 * cell, r0 * cell, (c1 - c0) * cell, cell]];
  out.push([c0 * cell, r0 * cell, (w - c0) * cell, cell]);
  if (r1 - r0 > 1) out.push([0, (r0 + 1) * cell, w * cell, (r1 - r0 - 1) * cell]);
  out.push([0, r1 * cell, c1 * cell, cell]);
  return out;
}

/** VRAM byte ranges of OBJ tiles 0-255 and 256-511 (OBSEL name select puts the second one). */
export function objTables(v: Pick<DumpView, 'objBase' | 'obsel'>): { start: number; end: number; first: number }[] {
  const second = (v.objBase + (v.obsel.nameSelect + 1) * 0x2000) & 0xffff;
  return [
    { start: v.objBase, end: v.objBase + 0x2000, first: 0 },
    { start: second, end: second + 0x2000, first: 256 },
  ];
}

/** The topmost visible sprite (lowest OAM index) covering screen point (x, y); sprites wrap past line 255. */
export function spriteAt(entries: readonly OamRow[] | null | undefined, x: number, y: number): OamRow | undefined {
  return entries?.find((e) => e.visible && x >= e.x && x < e.x + e.width && ((y - e.y) & 0xff) < e.height);
}
