/**
 * The PNG offered for a target, as tile pixels. Image refusals (colours, palette, geometry) come
 * from gfx/png-import; here the tile count: the image must hold the target's tiles, or be the
 * sheet an export made (rows of `width` tiles, the unused cells of the last row blank).
 */
import { importPng } from '../gfx/png-import';
import { rgbToBgr555, type Rgb } from '../gfx/color';
import { TILE_PIXELS } from '../gfx/tiles';
import { SpritePalError } from '../errors';
import { InjectionRefusedError } from './errors';

export interface ImageOptions {
  bpp: 2 | 4 | 8;
  /** Tiles the target holds now. */
  tiles: number;
  widthTiles?: number;
  resize?: boolean;
  palette?: Rgb[];
  nearest?: boolean;
  /** Where the target is, for messages. */
  place: string;
}

export interface ImageTiles {
  /** 64 pixels a tile. */
  pixels: Uint8Array;
  tiles: number;
}

export function imageTiles(png: Uint8Array, opts: ImageOptions): ImageTiles {
  const refuse = (why: string) => new InjectionRefusedError('image', `image for ${opts.place}: ${why}`);
  let imported;
  try {
    const palette = opts.palette?.map(([r, g, b]) => rgbToBgr555(r, g, b));
    imported = importPng(png, { format: opts.bpp, palette, nearest: opts.nearest });
  } catch (e) {
    if (e instanceof SpritePalError) throw refuse(e.message);
    throw e;
  }
  const { width, height } = imported.image;
  const w = width / 8;
  const rows = height / 8;
  const cells = w * rows;
  const expected = opts.tiles;
  if (opts.resize) {
    if (opts.widthTiles !== undefined && w !== opts.widthTiles)
      throw refuse(`image is ${width}x${height}, but the sheet is ${opts.widthTiles * 8} pixels wide`);
    return { pixels: imported.tiles, tiles: cells };
  }
  const layout = opts.widthTiles ?? w;
  const wantRows = Math.ceil(expected / layout);
  if (w !== layout || (cells !== expected && rows !== wantRows)) {
    const want = opts.widthTiles === undefined ? `${expected} tiles` : `${layout * 8}x${wantRows * 8} (${expected} tiles, ${layout} a row)`;
    throw refuse(`image is ${width}x${height} (${cells} tiles), the target holds ${want}; pass resize to change the size`);
  }
  if (cells !== expected) {
    // An exported sheet: cells past the target's tiles are padding and must stay blank.
    const extra = imported.tiles.subarray(expected * TILE_PIXELS);
    const used = extra.findIndex((v) => v !== 0);
    if (used >= 0) {
      const cell = expected + Math.floor(used / TILE_PIXELS);
      throw refuse(
        `image is ${width}x${height} (${cells} cells) but the target holds ${expected} tiles, and cell ${cell} (past the last tile) is not blank; pass resize to change the size`,
      );
    }
  }
  return { pixels: imported.tiles.subarray(0, expected * TILE_PIXELS), tiles: expected };
}
