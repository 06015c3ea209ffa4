/**
 * A block of the ROM as indexed pixels: HAL-decoded (or raw) tile data, decoded at a bit depth
 * and laid out `widthTiles` wide. The webview colours these with whatever palette is current, so
 * a palette change never decodes again. Runs in the worker threads and inline alike.
 */
import { decode } from '../hal';
import { tilesToImage } from '../gfx/arrange';
import { bytesPerTile, decodeTiles, type Bpp } from '../gfx/tiles';
import { SpritePalError } from '../errors';

export interface ThumbRequest {
  romOffset: number;
  kind: 'hal' | 'raw';
  bpp: Bpp;
  widthTiles: number;
  /** Draw at most this many tiles (a thumbnail of a big sheet shows its start). */
  maxTiles?: number;
  /** For raw blocks: how many tiles the block holds. */
  rawTiles?: number;
}

export interface ThumbResult {
  romOffset: number;
  width: number;
  height: number;
  /** One palette index a pixel, row-major. */
  pixels: Uint8Array;
  /** Tiles in the whole block (not only those drawn). */
  tiles: number;
  /** Compressed bytes consumed (raw: the block's length). */
  consumed: number;
  /** Decompressed bytes. */
  size: number;
}

export function makeThumbnail(data: Uint8Array, req: ThumbRequest): ThumbResult {
  const per = bytesPerTile(req.bpp);
  let bytes: Uint8Array;
  let consumed: number;
  if (req.kind === 'hal') {
    const r = decode(data, req.romOffset);
    bytes = r.data;
    consumed = r.consumed;
  } else {
    const tiles = req.rawTiles ?? 0;
    if (!Number.isInteger(tiles) || tiles < 1) throw new SpritePalError('thumbnail', 'a raw block needs its tile count');
    const end = Math.min(data.length, req.romOffset + tiles * per);
    bytes = data.subarray(req.romOffset, end);
    consumed = bytes.length;
  }
  const tiles = Math.floor(bytes.length / per);
  const drawn = Math.max(1, Math.min(tiles, req.maxTiles ?? tiles));
  const src = tiles === 0 ? new Uint8Array(per) : bytes.subarray(0, drawn * per);
  const image = tilesToImage(decodeTiles(src, req.bpp, drawn), { widthTiles: Math.max(1, Math.min(req.widthTiles, drawn)) });
  return { romOffset: req.romOffset, width: image.width, height: image.height, pixels: image.pixels, tiles, consumed, size: bytes.length };
}
