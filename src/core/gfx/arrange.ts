/**
 * Tiles <-> an indexed image (one byte a pixel). Tiles go left to right, `widthTiles` a row
 * (default 16), or with `order: 'sprite16'` as 16x16 sprites whose tiles are n, n+1, n+16, n+17
 * (the VRAM layout: rows of 16 tiles, two rows a sprite), laid out widthTiles / 2 sprites a row.
 * With width 16 both orders give the same picture.
 */
import { GfxError } from './errors';
import { TILE_PIXELS } from './tiles';

export type TileOrder = 'linear' | 'sprite16';

export interface ArrangeOptions {
  /** Image width in tiles (default 16). */
  widthTiles?: number;
  order?: TileOrder;
}

export interface IndexedImage {
  width: number;
  height: number;
  /** One palette index a pixel, row-major. */
  pixels: Uint8Array;
}

export const DEFAULT_WIDTH_TILES = 16;

/** Where tile `i` goes, in tile units. */
export function tilePosition(i: number, widthTiles: number, order: TileOrder): [number, number] {
  if (order === 'linear') return [i % widthTiles, Math.floor(i / widthTiles)];
  const within = i & 31;
  const col = within & 15;
  const sprite = (i >> 5) * 8 + (col >> 1);
  const perRow = widthTiles >> 1;
  return [(sprite % perRow) * 2 + (col & 1), Math.floor(sprite / perRow) * 2 + (within >> 4)];
}

function options(opts: ArrangeOptions): { w: number; order: TileOrder } {
  const w = opts.widthTiles ?? DEFAULT_WIDTH_TILES;
  const order = opts.order ?? 'linear';
  if (!Number.isInteger(w) || w < 1) throw new GfxError(`width must be a whole number of tiles (1 or more), got ${w}`);
  if (order !== 'linear' && order !== 'sprite16') throw new GfxError(`unknown tile order "${String(order)}" (linear or sprite16)`);
  if (order === 'sprite16' && w % 2 !== 0) throw new GfxError(`16x16 sprite order needs an even width in tiles, got ${w}`);
  return { w, order };
}

/** Lays out decoded tile pixels (64 a tile) as an image; unused cells are index 0. */
export function tilesToImage(tilePixels: Uint8Array, opts: ArrangeOptions = {}): IndexedImage {
  const { w, order } = options(opts);
  if (tilePixels.length % TILE_PIXELS !== 0) throw new GfxError(`tile pixels come 64 a tile; ${tilePixels.length} is not a multiple of 64`);
  const count = tilePixels.length / TILE_PIXELS;
  let rows = 0;
  for (let i = 0; i < count; i++) rows = Math.max(rows, tilePosition(i, w, order)[1] + 1);
  const width = w * 8;
  const height = rows * 8;
  const pixels = new Uint8Array(width * height);
  for (let i = 0; i < count; i++) {
    const [tx, ty] = tilePosition(i, w, order);
    const base = ty * 8 * width + tx * 8;
    for (let r = 0; r < 8; r++) pixels.set(tilePixels.subarray(i * 64 + r * 8, i * 64 + r * 8 + 8), base + r * width);
  }
  return { width, height, pixels };
}

/**
 * The inverse: reads `count` tiles back out of an image whose width and height are multiples of
 * 8. Without a count, every tile that fits (for sprite16, the longest run of tiles from 0 inside).
 */
export function imageToTiles(image: IndexedImage, opts: { order?: TileOrder; count?: number } = {}): Uint8Array {
  const { width, height, pixels } = image;
  if (width % 8 !== 0 || height % 8 !== 0) throw new GfxError(`image is ${width}x${height}: width and height must be multiples of 8`);
  if (pixels.length !== width * height) throw new GfxError(`image claims ${width}x${height} but holds ${pixels.length} pixels`);
  const { w, order } = options({ widthTiles: width / 8, order: opts.order });
  const rows = height / 8;
  let count = opts.count;
  if (count === undefined) {
    count = 0;
    while (count < w * rows && tilePosition(count, w, order)[1] < rows) count++;
  }
  const out = new Uint8Array(count * TILE_PIXELS);
  for (let i = 0; i < count; i++) {
    const [tx, ty] = tilePosition(i, w, order);
    if (ty >= rows) throw new GfxError(`tile ${i} falls outside the ${width}x${height} image`);
    const base = ty * 8 * width + tx * 8;
    for (let r = 0; r < 8; r++) out.set(pixels.subarray(base + r * width, base + r * width + 8), i * 64 + r * 8);
  }
  return out;
}
