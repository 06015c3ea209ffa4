/**
 * Indexed images to PNG bytes (fast-png): an indexed PNG with the palette in PLTE and index 0
 * transparent (tRNS), or SpritePal's grayscale form (8-bit gray, value = index x 17 for 16 colours),
 * with the `.metadata.json` SpritePal writes beside it.
 */
import { encode } from 'fast-png';
import type { IndexedImage } from './arrange';
import { GfxError } from './errors';

export interface IndexedPngOptions {
  /** Index 0 transparent (tRNS alpha 0). Default true. */
  transparentZero?: boolean;
}

/** `paletteRGBA`: 4 bytes a colour (alpha ignored: opaque unless index 0 is transparent). */
export function encodeIndexedPng(image: IndexedImage, paletteRGBA: Uint8Array, opts: IndexedPngOptions = {}): Uint8Array {
  const colors = paletteRGBA.length >> 2;
  if (colors < 1 || colors > 256) throw new GfxError(`an indexed PNG holds 1-256 colours, the palette has ${colors}`);
  let max = 0;
  for (let i = 0; i < image.pixels.length; i++) if (image.pixels[i]! > max) max = image.pixels[i]!;
  if (max >= colors) throw new GfxError(`the image uses index ${max} but the palette has ${colors} colours`);
  const transparent = opts.transparentZero ?? true;
  const palette: number[][] = [];
  for (let i = 0; i < colors; i++) {
    const c = [paletteRGBA[i * 4]!, paletteRGBA[i * 4 + 1]!, paletteRGBA[i * 4 + 2]!];
    palette.push(transparent ? [...c, i === 0 ? 0 : 255] : c);
  }
  return encode({ width: image.width, height: image.height, data: image.pixels, depth: 8, channels: 1, palette });
}

/** SpritePal's grayscale-indexed PNG: gray = index x 255 / (colors - 1), i.e. x 17 for 4bpp. */
export function encodeGrayscalePng(image: IndexedImage, colors = 16): Uint8Array {
  if (colors < 2 || colors > 256 || 255 % (colors - 1) !== 0) throw new GfxError(`grayscale PNGs hold 2, 4, 16 or 256 levels, not ${colors}`);
  const step = 255 / (colors - 1);
  const data = new Uint8Array(image.pixels.length);
  for (let i = 0; i < data.length; i++) {
    const v = image.pixels[i]!;
    if (v >= colors) throw new GfxError(`pixel (${i % image.width}, ${Math.floor(i / image.width)}) has index ${v}, more than ${colors} grayscale levels hold`);
    data[i] = v * step;
  }
  return encode({ width: image.width, height: image.height, data, depth: 8, channels: 1 });
}

export interface ExtractionInfo {
  source_type: string;
  rom_source: string;
  rom_offset: string;
  sprite_name: string;
  compressed_size: number | null;
  tile_count: number;
  extraction_size: number;
  rom_title: string | null;
  rom_checksum: string | null;
  extraction_date: string;
}

/** SpritePal's `.metadata.json`: palettes by CGRAM number -> file name beside the sheet. */
export function formatMetadataJson(palettes: Record<string, string>, extraction: ExtractionInfo, defaultPalette: number | null = null): string {
  const keys = Object.keys(palettes)
    .map(Number)
    .sort((a, b) => a - b);
  const doc = {
    format_version: '1.0',
    palettes,
    default_palette: defaultPalette ?? (keys.includes(8) ? 8 : (keys[0] ?? 8)),
    extraction,
  };
  return JSON.stringify(doc, null, 2) + '\n';
}
