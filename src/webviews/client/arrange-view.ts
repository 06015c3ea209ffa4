/**
 * Tile arrangement in the webview: the host sends tiles in row order (`widthTiles` a row); the
 * 16x16 sprite order (tiles n, n+1, n+16, n+17 a sprite, as VRAM holds them) is the core's
 * arrangement (src/core/gfx/arrange.ts) applied here, so switching order never asks the host.
 */
import { imageToTiles, tilePosition, tilesToImage, type TileOrder } from '../../core/gfx/arrange';

export type { TileOrder };

export interface Pixels {
  width: number;
  height: number;
  pixels: Uint8Array;
}

export const ORDER_CHOICES: readonly (readonly [TileOrder, string])[] = [
  ['linear', '8×8 rows'],
  ['sprite16', '16×16 sprites'],
];

export const isOrder = (v: unknown): v is TileOrder => v === 'linear' || v === 'sprite16';

/** Whether `order` can be used at this width (16x16 sprites take two columns each). */
export function orderFits(order: TileOrder, widthTiles: number): boolean {
  return order === 'linear' || (widthTiles >= 2 && widthTiles % 2 === 0);
}

/** A row-order image (its width in tiles as laid out by the host) rearranged in `order`. */
export function arrangeImage<T extends Pixels>(image: T, order: TileOrder): T {
  const w = image.width / 8;
  if (order === 'linear' || !orderFits(order, w) || image.height % 8 !== 0) return image;
  const tiles = imageToTiles(image, { order: 'linear' });
  const out = tilesToImage(tiles, { widthTiles: w, order });
  return { ...image, width: out.width, height: out.height, pixels: out.pixels };
}

/** Where tile `i` of a page is drawn (in tile units), and which tile is drawn at a cell. */
export function tileAt(x: number, y: number, count: number, widthTiles: number, order: TileOrder): number | null {
  const o = orderFits(order, widthTiles) ? order : 'linear';
  if (o === 'linear') {
    const i = y * widthTiles + x;
    return x >= 0 && x < widthTiles && i >= 0 && i < count ? i : null;
  }
  if (x < 0 || x >= widthTiles || y < 0) return null;
  const i = spriteTileAt(x, y, widthTiles);
  return i < count ? i : null;
}

/**
 * Inverse of the sprite order: the 32-tile group of the cell's sprite row, then the tile within
 * it. Defined for any row, above the first too (negative tiles: the arrangement continued
 * upwards), which is what arrow keys need at a page's edge.
 */
function spriteTileAt(x: number, y: number, widthTiles: number): number {
  const perRow = widthTiles >> 1;
  const sprite = Math.floor(y / 2) * perRow + (x >> 1);
  return (sprite >> 3) * 32 + (y & 1) * 16 + (sprite & 7) * 2 + (x & 1);
}

/**
 * Tiles in one band of the arrangement: the view scrolls by whole bands, so the tiles keep their
 * places. Rows order: a row. 16x16 sprites: the rows that hold whole 32-tile groups (tiles n,
 * n+1, n+16, n+17 stay together: 2 rows at 16 tiles or more, 4 at 8, 8 at 4).
 */
export function bandTiles(widthTiles: number, order: TileOrder): number {
  if (order === 'linear' || !orderFits(order, widthTiles)) return widthTiles;
  let band = 2 * widthTiles;
  while (band % 32 !== 0) band += 2 * widthTiles;
  return band;
}

/**
 * The tile an arrow key reaches from tile `i` (relative to the view's first tile), moving
 * (dx, dy) cells in the arrangement as drawn: in 16x16 order Down goes to the tile drawn below,
 * not 16 stored tiles on. Left of the first column is the end of the row above, right of the
 * last the start of the row below. The result may be before 0 or past the page (the caller
 * scrolls).
 */
export function stepTile(i: number, dx: number, dy: number, widthTiles: number, order: TileOrder): number {
  if (order === 'linear' || !orderFits(order, widthTiles)) return i + dx + dy * widthTiles;
  let [x, y] = tilePosition(i, widthTiles, order);
  x += dx;
  y += dy;
  if (x < 0) [x, y] = [widthTiles - 1, y - 1];
  else if (x >= widthTiles) [x, y] = [0, y + 1];
  return spriteTileAt(x, y, widthTiles);
}

export function positionOf(i: number, widthTiles: number, order: TileOrder): [number, number] {
  return tilePosition(i, widthTiles, orderFits(order, widthTiles) ? order : 'linear');
}
