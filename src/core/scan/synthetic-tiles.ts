/**
 * Tile data made by code for test ROMs: sprite frames of shapes with shading and outlines,
 * gradients, dithered textures, horizontally mirrored frames and blank tiles, as SNES planar
 * 2bpp or 4bpp. Nothing here comes from a game.
 */
import type { Prng } from './prng';

type Painter = (x: number, y: number) => number;

/** One frame of `w` x `h` pixels (multiples of 8), colour indices below 2^bpp. */
function paintFrame(rng: Prng, w: number, h: number, bpp: 2 | 4): Uint8Array {
  const colors = (1 << bpp) - 1;
  const base = rng.int(1, Math.max(1, colors - 3));
  const outline = rng.int(1, colors);
  const cx = w / 2 + rng.int(-2, 2);
  const cy = h / 2 + rng.int(-2, 2);
  const rx = rng.int(Math.floor(w / 4), Math.floor(w / 2) - 1);
  const ry = rng.int(Math.floor(h / 4), Math.floor(h / 2) - 1);
  const shape = rng.int(0, 4);
  const inside = (x: number, y: number): boolean => {
    const dx = (x - cx) / rx;
    const dy = (y - cy) / ry;
    if (shape === 0) return dx * dx + dy * dy <= 1;
    if (shape === 1) return Math.abs(dx) <= 1 && Math.abs(dy) <= 1;
    if (shape === 2) return Math.abs(dx) + Math.abs(dy) <= 1;
    if (shape === 3) return Math.abs(dy) <= 1 && Math.abs(dx) <= 1 - (dy + 1) / 2; // triangle
    return dx * dx + dy * dy <= 1 && dx * dx + dy * dy >= 0.35; // ring
  };
  const shade = rng.int(0, 2);
  const paint: Painter = (x, y) => {
    if (!inside(x, y)) return 0;
    if (!inside(x - 1, y) || !inside(x + 1, y) || !inside(x, y - 1) || !inside(x, y + 1)) return outline;
    let c = base;
    if (shade === 1) c += Math.floor(((y - cy + ry) / (2 * ry)) * 3);
    else if (shade === 2 && ((x + y) & 1) === 0 && y > cy) c += 1;
    return Math.min(colors, Math.max(1, c));
  };
  const px = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) px[y * w + x] = paint(x, y);
  return px;
}

function gradientFrame(rng: Prng, w: number, h: number, bpp: 2 | 4): Uint8Array {
  const colors = 1 << bpp;
  const vertical = rng.next() < 0.5;
  const band = rng.int(2, 6);
  const px = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) px[y * w + x] = Math.floor((vertical ? y : x) / band) % colors;
  return px;
}

function mirror(px: Uint8Array, w: number, h: number): Uint8Array {
  const out = new Uint8Array(px.length);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) out[y * w + x] = px[y * w + (w - 1 - x)]!;
  return out;
}

/** Writes the 8x8 tile at (tx, ty) of a `w`-wide frame as planar tiles at `out[at]`. */
function planarTile(px: Uint8Array, w: number, tx: number, ty: number, bpp: 2 | 4, out: Uint8Array, at: number): void {
  for (let r = 0; r < 8; r++) {
    const planes = [0, 0, 0, 0];
    for (let x = 0; x < 8; x++) {
      const v = px[(ty * 8 + r) * w + tx * 8 + x]!;
      for (let p = 0; p < bpp; p++) if ((v >> p) & 1) planes[p]! |= 0x80 >> x;
    }
    out[at + 2 * r] = planes[0]!;
    out[at + 2 * r + 1] = planes[1]!;
    if (bpp === 4) {
      out[at + 16 + 2 * r] = planes[2]!;
      out[at + 16 + 2 * r + 1] = planes[3]!;
    }
  }
}

/** `tiles` tiles of sprite-like graphics at `bpp`, in frame order (16x16 or 32x32 frames). */
export function makeTiles(rng: Prng, tiles: number, bpp: 2 | 4): Uint8Array {
  const bytesPerTile = bpp * 8;
  const out = new Uint8Array(tiles * bytesPerTile);
  const side = rng.next() < 0.6 ? 16 : 32;
  let t = 0;
  let previous: Uint8Array | null = null;
  while (t < tiles) {
    const roll = rng.next();
    let px: Uint8Array;
    if (!previous)
      px = paintFrame(rng, side, side, bpp); // every block opens with a real frame
    else if (roll < 0.25) px = mirror(previous, side, side);
    else if (roll < 0.3) px = gradientFrame(rng, side, side, bpp);
    else if (roll < 0.33) px = new Uint8Array(side * side);
    else px = paintFrame(rng, side, side, bpp);
    previous = px;
    for (let ty = 0; ty < side / 8 && t < tiles; ty++) {
      for (let tx = 0; tx < side / 8 && t < tiles; tx++) planarTile(px, side, tx, ty, bpp, out, bytesPerTile * t++);
    }
  }
  return out;
}
