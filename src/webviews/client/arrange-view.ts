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
  // Inverse of the sprite order: the 32-tile group of the cell's sprite row, then the tile within it.
  if (x < 0 || x >= widthTiles || y < 0) return null;
  const perRow = widthTiles >> 1;
  const sprite = Math.floor(y / 2) * perRow + (x >> 1);
  const i = (sprite >> 3) * 32 + (y & 1) * 16 + (sprite & 7) * 2 + (x & 1);
  return i < count ? i : null;
}

export function positionOf(i: number, widthTiles: number, order: TileOrder): [number, number] {
  return tilePosition(i, widthTiles, orderFits(order, widthTiles) ? order : 'linear');
}
