/**
 * PNG -> indexed pixels for injection (png-chunks.ts checks, fast-png decodes). An indexed PNG gives its indices; a
 * grayscale one must hold exact multiples of 255 / (colours - 1) (x17 for 4bpp); an RGB(A) one maps
 * every colour to the target palette by BGR555 equality (or, asked, to the nearest colour).
 * Every refusal is a PngImportError naming the first offending pixels and how many there are.
 */
import { decode } from 'fast-png';
import { imageToTiles, type IndexedImage, type TileOrder } from './arrange';
import { rgbToBgr555 } from './color';
import { checkPng } from './png-chunks';
import { PngImportError } from './errors';
import { colorsOf, TILE_PIXELS, type TileFormat } from './tiles';

export interface PngImportOptions {
  format: TileFormat;
  /** BGR555 target palette; needed for RGB(A) images. */
  palette?: ArrayLike<number>;
  /** Map RGB colours to the nearest palette colour instead of refusing. */
  nearest?: boolean;
  /** Tiles the target holds; a different count is refused unless `allowResize`. */
  expectedTiles?: number;
  allowResize?: boolean;
  order?: TileOrder;
}

export interface PngImportResult {
  image: IndexedImage;
  /** 64 bytes a tile, ready for encodeTiles. */
  tiles: Uint8Array;
  tileCount: number;
  kind: 'indexed' | 'grayscale' | 'rgb';
  /** Pixels mapped to a colour that was not an exact match (nearest mode). */
  approximated: number;
}

const SHOW = 5;

/** Collects offending pixels: the first few by position, and the count. */
class Offenders {
  count = 0;
  readonly first: string[] = [];
  constructor(private readonly width: number) {}
  add(i: number, what: string): void {
    if (this.first.length < SHOW) this.first.push(`(${i % this.width}, ${Math.floor(i / this.width)}) ${what}`);
    this.count++;
  }
  check(problem: string): void {
    if (this.count === 0) return;
    throw new PngImportError(
      `${this.count} pixel${this.count === 1 ? '' : 's'} ${problem}; first: ${this.first.join(', ')}${this.count > this.first.length ? ', ...' : ''}`,
    );
  }
}

export function importPng(bytes: Uint8Array, opts: PngImportOptions): PngImportResult {
  // Chunk list, CRCs, dimensions and inflated size first (png-chunks.ts): fast-png gets only what passed.
  const checked = checkPng(bytes);
  let png;
  try {
    png = decode(checked.bytes);
  } catch (e) {
    throw new PngImportError(`not a readable PNG: ${(e as Error).message}`);
  }
  const { width, height } = png;
  if (width % 8 !== 0 || height % 8 !== 0) {
    const over = [
      width % 8 ? `width ${width} is ${width % 8} past a multiple of 8` : '',
      height % 8 ? `height ${height} is ${height % 8} past a multiple of 8` : '',
    ].filter(Boolean);
    throw new PngImportError(`image is ${width}x${height}: tiles are 8x8, so width and height must be multiples of 8 (${over.join('; ')})`);
  }
  const colors = colorsOf(opts.format);
  const n = width * height;
  const samples = unpack(png.data, width, height, png.channels, png.depth);
  const pixels = new Uint8Array(n);
  let kind: PngImportResult['kind'];
  let approximated = 0;
  if (png.palette && png.channels === 1) {
    kind = 'indexed';
    const bad = new Offenders(width);
    for (let i = 0; i < n; i++) {
      const v = samples[i]!;
      if (v >= colors) bad.add(i, `index ${v}`);
      pixels[i] = v;
    }
    bad.check(`with palette indices past ${colors - 1} (more colours than ${fmt(opts.format)} allows)`);
  } else if (png.channels <= 2) {
    kind = 'grayscale';
    const max = 2 ** png.depth - 1;
    const step = 255 / (colors - 1);
    const bad = new Offenders(width);
    for (let i = 0; i < n; i++) {
      const raw = samples[i * png.channels]!;
      if (png.channels === 2 && samples[i * 2 + 1] === 0) continue;
      // Scale to 8 bits exactly (4-bit 15 is 255, 16-bit 65535 is 255); anything inexact is refused.
      const index = (raw * 255) / max / step;
      if (Number.isInteger(index)) pixels[i] = index;
      else bad.add(i, `gray ${png.depth === 8 ? raw : `${raw} of ${max}`}`);
    }
    bad.check(`with gray values that are not exact multiples of ${step} (gray = index x ${step} for ${fmt(opts.format)})`);
  } else {
    kind = 'rgb';
    approximated = mapRgb(samples, png.channels, png.depth, width, n, opts, pixels);
  }
  const image = { width, height, pixels };
  const tileCount = (width / 8) * (height / 8);
  if (opts.expectedTiles !== undefined && tileCount !== opts.expectedTiles && !opts.allowResize) {
    throw new PngImportError(
      `image holds ${tileCount} tiles (${width / 8}x${height / 8}) but the target holds ${opts.expectedTiles}; pass resize to change the size`,
    );
  }
  const tiles = imageToTiles(image, { order: opts.order ?? 'linear', count: opts.order === 'sprite16' ? undefined : tileCount });
  return { image, tiles, tileCount: tiles.length / TILE_PIXELS, kind, approximated };
}

function fmt(format: TileFormat): string {
  return format === 'mode7' ? 'Mode 7 (8bpp)' : `${format}bpp`;
}

function mapRgb(samples: ArrayLike<number>, channels: number, depth: number, width: number, n: number, opts: PngImportOptions, pixels: Uint8Array): number {
  const palette = opts.palette;
  if (!palette || palette.length === 0)
    throw new PngImportError('an RGB image needs the target palette to map its colours to indices (or export it as an indexed PNG)');
  const colors = colorsOf(opts.format);
  const shift = depth === 16 ? 8 : 0;
  // Exact lookup: BGR555 -> first index, preferring 1..n-1 over 0 for opaque pixels (0 is transparent).
  const lookup = new Map<number, number>();
  for (let i = Math.min(palette.length, colors) - 1; i >= 1; i--) lookup.set(palette[i]! & 0x7fff, i);
  const zero = palette[0]! & 0x7fff;
  const distinct = new Map<number, number>();
  const missing = new Offenders(width);
  const missingColors = new Set<number>();
  let approximated = 0;
  for (let i = 0; i < n; i++) {
    const p = i * channels;
    if (channels === 4 && samples[p + 3]! >> shift === 0) {
      pixels[i] = 0;
      continue;
    }
    const c = rgbToBgr555(samples[p]! >> shift, samples[p + 1]! >> shift, samples[p + 2]! >> shift);
    if (!distinct.has(c)) distinct.set(c, i);
    let index = lookup.get(c) ?? (c === zero ? 0 : -1);
    if (index < 0) {
      if (opts.nearest) {
        index = nearestIndex(c, palette, colors);
        approximated++;
      } else {
        missing.add(i, `${hexRgb(samples, p, shift)}`);
        missingColors.add(c);
        continue;
      }
    }
    pixels[i] = index;
  }
  if (distinct.size > colors) {
    // The colours to fix are the ones the palette does not hold (a few stray pixels, typically),
    // not whichever came 17th in reading order; each is named at its first pixel.
    const strays = [...distinct].filter(([c]) => !lookup.has(c) && c !== zero);
    const named = (strays.length > 0 ? strays : [...distinct].slice(colors)).slice(0, SHOW);
    const at = named.map(([, i]) => `(${i % width}, ${Math.floor(i / width)}) ${hexRgb(samples, i * channels, shift)}`).join(', ');
    const which =
      strays.length > 0
        ? `${strays.length === 1 ? '1 colour is' : `${strays.length} colours are`} not in the target palette: ${at}${strays.length > named.length ? ', ...' : ''}`
        : `first beyond the limit: ${at}`;
    throw new PngImportError(`image has ${distinct.size} distinct colours, more than the ${colors} ${fmt(opts.format)} allows; ${which}`);
  }
  missing.check(`with colours not in the target palette (${missingColors.size} distinct)`);
  return approximated;
}

function hexRgb(samples: ArrayLike<number>, p: number, shift: number): string {
  return '#' + [0, 1, 2].map((k) => (samples[p + k]! >> shift).toString(16).padStart(2, '0')).join('');
}

function nearestIndex(c: number, palette: ArrayLike<number>, colors: number): number {
  const r = c & 31;
  const g = (c >> 5) & 31;
  const b = (c >> 10) & 31;
  let best = 0;
  let bestD = Infinity;
  for (let i = 0; i < Math.min(palette.length, colors); i++) {
    const q = palette[i]!;
    const d = (r - (q & 31)) ** 2 + (g - ((q >> 5) & 31)) ** 2 + (b - ((q >> 10) & 31)) ** 2;
    // Strictly smaller, and index 0 (transparent) only when nothing else is as close.
    if (d < bestD || (best === 0 && d === bestD && i > 0)) {
      best = i;
      bestD = d;
    }
  }
  return best;
}

/** One sample a channel; PNGs under 8 bits a sample arrive packed, MSB first, rows byte-aligned. */
function unpack(data: ArrayLike<number>, width: number, height: number, channels: number, depth: number): ArrayLike<number> {
  if (depth >= 8) return data;
  const out = new Uint8Array(width * height * channels);
  const rowBytes = Math.ceil((width * channels * depth) / 8);
  const mask = (1 << depth) - 1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width * channels; x++) {
      const bit = x * depth;
      const byte = data[y * rowBytes + (bit >> 3)]!;
      out[y * width * channels + x] = (byte >> (8 - depth - (bit & 7))) & mask;
    }
  }
  return out;
}
