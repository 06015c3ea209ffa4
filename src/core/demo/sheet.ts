/** A drawing as SNES tile data: the sheet image cut into 8x8 tiles left to right, top to bottom. */
import { imageToTiles } from '../gfx/arrange';
import { encodeTiles } from '../gfx/tiles';
import { toBgr555 } from './art/palette';
import type { SpriteArt } from './art/sprite-art';

export interface EncodedSheet {
  /** Planar tile data (bpp x 8 bytes a tile). */
  data: Uint8Array;
  tiles: number;
  widthTiles: number;
  /** 16 BGR555 colours (32 bytes in ROM). */
  colors: Uint16Array;
}

export function encodeSheet(art: SpriteArt): EncodedSheet {
  const { w, h, px } = art.image;
  if (w % 8 !== 0 || h % 8 !== 0) throw new Error(`${art.name}: the sheet is ${w}x${h}, not whole 8x8 tiles`);
  const tilePixels = imageToTiles({ width: w, height: h, pixels: px });
  const data = encodeTiles(tilePixels, art.bpp);
  return { data, tiles: tilePixels.length / 64, widthTiles: w / 8, colors: toBgr555(art.palette) };
}
