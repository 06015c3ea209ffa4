/**
 * The drawing tools of the sprite editor, on indexed pixels (one palette index a byte): pencil
 * lines, rectangles, 4-way flood fill, rectangular selections (copy, cut, paste, move), flips and
 * quarter turns. Plain typed arrays only, no Node or DOM APIs: the webview bundles this module,
 * and the unit tests run it in Node.
 *
 * A `Sheet` is the detail view's image: `widthTiles` tiles a row, `tiles` tiles in all, so the
 * cells of a partial last row are outside the sprite and never drawn on. Every change goes
 * through a `Stroke`, which remembers each pixel's value before its first change: the stroke's
 * changes are what the host plans (pixel, before, after), and rolling back restores the pixels.
 */

export interface Sheet {
  width: number;
  height: number;
  pixels: Uint8Array;
  /** Tiles in the sprite (cells past them in the last row are not part of it). */
  tiles: number;
}

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A rectangle of pixels lifted out of a sheet (or pasted from the clipboard). */
export interface Region {
  width: number;
  height: number;
  pixels: Uint8Array;
}

/** True when (x, y) is a pixel of one of the sprite's tiles. */
export function inside(sheet: Sheet, x: number, y: number): boolean {
  if (!Number.isInteger(x) || !Number.isInteger(y) || x < 0 || y < 0 || x >= sheet.width || y >= sheet.height) return false;
  const perRow = sheet.width >> 3;
  return (y >> 3) * perRow + (x >> 3) < sheet.tiles;
}

/** The pixels one stroke changed, with the value each held before it. */
export class Stroke {
  private readonly before = new Map<number, number>();

  constructor(readonly sheet: Sheet) {}

  /** Sets one pixel; false (and nothing changes) outside the sprite. */
  set(x: number, y: number, value: number): boolean {
    if (!inside(this.sheet, x, y)) return false;
    const i = y * this.sheet.width + x;
    const old = this.sheet.pixels[i]!;
    if (old === value) return true;
    if (!this.before.has(i)) this.before.set(i, old);
    this.sheet.pixels[i] = value;
    return true;
  }

  get size(): number {
    return this.changes().length / 3;
  }

  /** (pixel, before, after) triples of the pixels that differ now, in pixel order. */
  changes(): number[] {
    const out: number[] = [];
    for (const i of [...this.before.keys()].sort((a, b) => a - b)) {
      const was = this.before.get(i)!;
      const now = this.sheet.pixels[i]!;
      if (was !== now) out.push(i, was, now);
    }
    return out;
  }

  /** Puts every changed pixel back. */
  rollback(): void {
    for (const [i, v] of this.before) this.sheet.pixels[i] = v;
    this.before.clear();
  }
}

/** The pixels of a line from (x0, y0) to (x1, y1), both ends included (Bresenham). */
export function linePoints(x0: number, y0: number, x1: number, y1: number): [number, number][] {
  const out: [number, number][] = [];
  const dx = Math.abs(x1 - x0);
  const dy = -Math.abs(y1 - y0);
  const sx = x0 < x1 ? 1 : -1;
  const sy = y0 < y1 ? 1 : -1;
  let err = dx + dy;
  let x = x0;
  let y = y0;
  for (;;) {
    out.push([x, y]);
    if (x === x1 && y === y1) return out;
    const e2 = 2 * err;
    if (e2 >= dy) {
      err += dy;
      x += sx;
    }
    if (e2 <= dx) {
      err += dx;
      y += sy;
    }
  }
}

/** The rectangle with corners (x0, y0) and (x1, y1), in either order. */
export function rectBetween(x0: number, y0: number, x1: number, y1: number): Rect {
  const x = Math.min(x0, x1);
  const y = Math.min(y0, y1);
  return { x, y, w: Math.abs(x1 - x0) + 1, h: Math.abs(y1 - y0) + 1 };
}

/** The outline of a rectangle (or every pixel of it when `filled`). */
export function rectPoints(r: Rect, filled = false): [number, number][] {
  const out: [number, number][] = [];
  for (let y = r.y; y < r.y + r.h; y++) {
    for (let x = r.x; x < r.x + r.w; x++) {
      if (filled || y === r.y || y === r.y + r.h - 1 || x === r.x || x === r.x + r.w - 1) out.push([x, y]);
    }
  }
  return out;
}

/** Draws points with one value; returns how many were inside the sprite. */
export function plot(stroke: Stroke, points: Iterable<[number, number]>, value: number): number {
  let n = 0;
  for (const [x, y] of points) if (stroke.set(x, y, value)) n++;
  return n;
}

/**
 * 4-way flood fill from (x, y): every pixel of the same value connected to it through its
 * neighbours (left, right, up, down) inside the sprite takes `value`. Returns the pixels filled.
 */
export function floodFill(stroke: Stroke, x: number, y: number, value: number): number {
  const sheet = stroke.sheet;
  if (!inside(sheet, x, y)) return 0;
  const w = sheet.width;
  const from = sheet.pixels[y * w + x]!;
  if (from === value) return 0;
  const stack = [y * w + x];
  let n = 0;
  while (stack.length > 0) {
    const i = stack.pop()!;
    if (sheet.pixels[i] !== from) continue;
    const px = i % w;
    const py = (i - px) / w;
    stroke.set(px, py, value);
    n++;
    if (px > 0 && inside(sheet, px - 1, py)) stack.push(i - 1);
    if (px + 1 < w && inside(sheet, px + 1, py)) stack.push(i + 1);
    if (inside(sheet, px, py - 1)) stack.push(i - w);
    if (inside(sheet, px, py + 1)) stack.push(i + w);
  }
  return n;
}

/** The rectangle clipped to the sheet, or null when nothing of it is left. */
export function clip(sheet: Sheet, r: Rect): Rect | null {
  const x = Math.max(0, r.x);
  const y = Math.max(0, r.y);
  const w = Math.min(sheet.width, r.x + r.w) - x;
  const h = Math.min(sheet.height, r.y + r.h) - y;
  return w > 0 && h > 0 ? { x, y, w, h } : null;
}

/** A copy of the pixels under `r` (pixels outside the sprite read as 0). */
export function copyRegion(sheet: Sheet, r: Rect): Region {
  const out = new Uint8Array(r.w * r.h);
  for (let y = 0; y < r.h; y++) {
    for (let x = 0; x < r.w; x++) {
      if (inside(sheet, r.x + x, r.y + y)) out[y * r.w + x] = sheet.pixels[(r.y + y) * sheet.width + r.x + x]!;
    }
  }
  return { width: r.w, height: r.h, pixels: out };
}

/** Fills `r` with one value (cut leaves the background index behind). */
export function fillRect(stroke: Stroke, r: Rect, value: number): void {
  plot(stroke, rectPoints(r, true), value);
}

/**
 * Draws a region with its top-left at (x, y). With `transparentZero`, index 0 in the region
 * leaves the pixel under it as it is (as a sprite's colour 0 shows what is behind it).
 */
export function pasteRegion(stroke: Stroke, region: Region, x: number, y: number, transparentZero = false): void {
  for (let ry = 0; ry < region.height; ry++) {
    for (let rx = 0; rx < region.width; rx++) {
      const v = region.pixels[ry * region.width + rx]!;
      if (transparentZero && v === 0) continue;
      stroke.set(x + rx, y + ry, v);
    }
  }
}

/** Moves the pixels under `r` by (dx, dy); the uncovered pixels take `background`. */
export function moveRegion(stroke: Stroke, r: Rect, dx: number, dy: number, background: number): void {
  const lifted = copyRegion(stroke.sheet, r);
  fillRect(stroke, r, background);
  pasteRegion(stroke, lifted, r.x + dx, r.y + dy);
}

export function flipRegion(region: Region, axis: 'horizontal' | 'vertical'): Region {
  const { width: w, height: h } = region;
  const out = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const sx = axis === 'horizontal' ? w - 1 - x : x;
      const sy = axis === 'vertical' ? h - 1 - y : y;
      out[y * w + x] = region.pixels[sy * w + sx]!;
    }
  }
  return { width: w, height: h, pixels: out };
}

/** A quarter turn clockwise (the region's width and height swap). */
export function rotateRegion(region: Region): Region {
  const { width: w, height: h } = region;
  const out = new Uint8Array(w * h);
  // Pixel (x, y) goes to (h - 1 - y, x) in the h-wide result.
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) out[x * h + (h - 1 - y)] = region.pixels[y * w + x]!;
  return { width: h, height: w, pixels: out };
}

/**
 * Flips or turns the pixels under `r` in place. A turn needs a square (a selection that is not
 * square would change shape: the caller lifts it and pastes the result instead). Returns false
 * when the turn was refused.
 */
export function transformRect(stroke: Stroke, r: Rect, op: 'flipH' | 'flipV' | 'rotate'): boolean {
  if (op === 'rotate' && r.w !== r.h) return false;
  const region = copyRegion(stroke.sheet, r);
  const out = op === 'rotate' ? rotateRegion(region) : flipRegion(region, op === 'flipH' ? 'horizontal' : 'vertical');
  pasteRegion(stroke, out, r.x, r.y);
  return true;
}

/** The 8x8 or 16x16 tile cell (aligned to its size) holding pixel (x, y). */
export function tileRectAt(x: number, y: number, size: 8 | 16): Rect {
  return { x: Math.floor(x / size) * size, y: Math.floor(y / size) * size, w: size, h: size };
}
