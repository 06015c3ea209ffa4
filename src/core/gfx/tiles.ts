/**
 * SNES tiles <-> pixel indices. Planar 2/4/8bpp (8x8, bit 7 of each plane byte is the leftmost
 * pixel; planes in pairs of 16 bytes, row r at bytes 2r / 2r+1) and linear 8bpp (Mode 7: one byte
 * a pixel). Decoded tiles are "tile pixels": 64 bytes a tile, row-major, tile after tile.
 */
import { GfxError } from './errors';

export type Bpp = 2 | 4 | 8;
/** A tile format: planar 2/4/8bpp, or 'mode7' (linear 8bpp). */
export type TileFormat = Bpp | 'mode7';

export const TILE_PIXELS = 64;

export function bytesPerTile(format: TileFormat): number {
  return format === 'mode7' ? 64 : format * 8;
}

/** Colours a tile can address. */
export function colorsOf(format: TileFormat): number {
  return format === 'mode7' ? 256 : 1 << format;
}

export function checkFormat(format: unknown): asserts format is TileFormat {
  if (format !== 2 && format !== 4 && format !== 8 && format !== 'mode7') throw new GfxError(`unknown tile format ${String(format)} (use 2, 4, 8 or mode7)`);
}

/** Whole tiles in `byteLength` bytes (a trailing partial tile is not counted). */
export function tileCount(byteLength: number, format: TileFormat): number {
  return Math.floor(byteLength / bytesPerTile(format));
}

/**
 * SPREAD_LO[b] / SPREAD_HI[b]: the 8 bits of b as 8 bytes (bit 7 -> byte 0), as two little-endian
 * words, so a row of a plane is two table reads and the planes combine with shifts and ors.
 */
const SPREAD_LO = new Uint32Array(256);
const SPREAD_HI = new Uint32Array(256);
for (let b = 0; b < 256; b++) {
  let lo = 0;
  let hi = 0;
  for (let x = 0; x < 4; x++) {
    lo |= ((b >> (7 - x)) & 1) << (8 * x);
    hi |= ((b >> (3 - x)) & 1) << (8 * x);
  }
  SPREAD_LO[b] = lo;
  SPREAD_HI[b] = hi;
}

/** Decodes every whole tile of `data`; returns 64 bytes a tile. */
export function decodeTiles(data: Uint8Array, format: TileFormat, count = tileCount(data.length, format)): Uint8Array {
  return decodeTilesInto(data, format, new Uint8Array(count * TILE_PIXELS), count);
}

/**
 * Decodes `count` tiles into `out` (at least count x 64 bytes, byte offset a multiple of 4), for
 * callers that reuse one buffer (thumbnails of many offsets). Returns `out`.
 */
export function decodeTilesInto(data: Uint8Array, format: TileFormat, out: Uint8Array, count = tileCount(data.length, format)): Uint8Array {
  checkFormat(format);
  const bpt = bytesPerTile(format);
  if (count * bpt > data.length) throw new GfxError(`${count} tiles of ${bpt} bytes need ${count * bpt} bytes, only ${data.length} given`);
  if (out.length < count * TILE_PIXELS || out.byteOffset % 4 !== 0)
    throw new GfxError(`output buffer needs ${count * TILE_PIXELS} bytes at a 4-byte aligned offset`);
  if (format === 'mode7') {
    out.set(data.subarray(0, count * 64));
    return out;
  }
  if (format === 4) return decode4bppInto(data, out, count);
  const words = new Uint32Array(out.buffer, out.byteOffset, count * 16);
  const L = SPREAD_LO;
  const H = SPREAD_HI;
  for (let t = 0; t < count; t++) {
    const src = t * bpt;
    const dst = t * 16;
    for (let r = 0; r < 8; r++) {
      const i = src + 2 * r;
      const a = data[i]!;
      const b = data[i + 1]!;
      let lo = L[a]! | (L[b]! << 1);
      let hi = H[a]! | (H[b]! << 1);
      if (format === 8) {
        for (let p = 1; p < 4; p++) {
          const c = data[i + p * 16]!;
          const e = data[i + p * 16 + 1]!;
          lo |= (L[c]! << (2 * p)) | (L[e]! << (2 * p + 1));
          hi |= (H[c]! << (2 * p)) | (H[e]! << (2 * p + 1));
        }
      }
      words[dst + 2 * r] = lo;
      words[dst + 2 * r + 1] = hi;
    }
  }
  if (!LITTLE_ENDIAN) swapWords(words);
  return out;
}

/** The 4bpp case unrolled (the hot path: most sprite data). Same result as decodeTiles(data, 4). */
export function decode4bpp(data: Uint8Array, count = tileCount(data.length, 4)): Uint8Array {
  if (count * 32 > data.length) throw new GfxError(`${count} tiles of 32 bytes need ${count * 32} bytes, only ${data.length} given`);
  return decode4bppInto(data, new Uint8Array(count * TILE_PIXELS), count);
}

function decode4bppInto(data: Uint8Array, out: Uint8Array, count: number): Uint8Array {
  const words = new Uint32Array(out.buffer, out.byteOffset, count * 16);
  const L = SPREAD_LO;
  const H = SPREAD_HI;
  for (let t = 0; t < count; t++) {
    const s = t * 32;
    const d = t * 16;
    for (let r = 0; r < 8; r++) {
      const i = s + 2 * r;
      const a = data[i]!;
      const b = data[i + 1]!;
      const c = data[i + 16]!;
      const e = data[i + 17]!;
      words[d + 2 * r] = L[a]! | (L[b]! << 1) | (L[c]! << 2) | (L[e]! << 3);
      words[d + 2 * r + 1] = H[a]! | (H[b]! << 1) | (H[c]! << 2) | (H[e]! << 3);
    }
  }
  if (!LITTLE_ENDIAN) swapWords(words);
  return out;
}

/** Encodes tile pixels (64 a tile) back to tile data. Pixel values must fit the format. */
export function encodeTiles(pixels: Uint8Array, format: TileFormat): Uint8Array {
  checkFormat(format);
  if (pixels.length % TILE_PIXELS !== 0) throw new GfxError(`tile pixels come 64 a tile; ${pixels.length} is not a multiple of 64`);
  const count = pixels.length / TILE_PIXELS;
  const bpt = bytesPerTile(format);
  const max = colorsOf(format);
  for (let i = 0; i < pixels.length; i++) {
    if (pixels[i]! >= max) throw new GfxError(`pixel ${i % 64} of tile ${(i / 64) | 0} has index ${pixels[i]}, more than ${format}bpp holds (0-${max - 1})`);
  }
  if (format === 'mode7') return pixels.slice();
  const out = new Uint8Array(count * bpt);
  const pairs = format >> 1;
  for (let t = 0; t < count; t++) {
    for (let r = 0; r < 8; r++) {
      const row = t * 64 + r * 8;
      for (let p = 0; p < pairs; p++) {
        let a = 0;
        let b = 0;
        for (let x = 0; x < 8; x++) {
          const v = pixels[row + x]! >> (2 * p);
          a |= (v & 1) << (7 - x);
          b |= ((v >> 1) & 1) << (7 - x);
        }
        out[t * bpt + p * 16 + 2 * r] = a;
        out[t * bpt + p * 16 + 2 * r + 1] = b;
      }
    }
  }
  return out;
}

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/* c8 ignore next 6 */
function swapWords(words: Uint32Array): void {
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    words[i] = ((w & 0xff) << 24) | ((w & 0xff00) << 8) | ((w >>> 8) & 0xff00) | (w >>> 24);
  }
}
