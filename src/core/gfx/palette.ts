/**
 * Palettes as the SNES holds them: BGR555 words. From a CGRAM dump (512 bytes, 16 palettes of 16,
 * sprites use 8-15), from ROM bytes (32 bytes a palette), or the built-in grayscale.
 */
import { bgr555ToRgba, readBgr555 } from './color';
import { PaletteError } from './errors';
import { grayscaleRGBA } from './render';
import { hex } from '../format';

export interface Palette {
  name: string;
  /** BGR555 words. */
  colors: Uint16Array;
  /** Where it came from, e.g. { cgram: 'x.dmp', index: 8 }; carried into exported files. */
  source?: Record<string, string | number>;
}

export const CGRAM_SIZE = 512;
export const PALETTE_BYTES = 32;
/** The first CGRAM palette sprites use. */
export const OBJ_PALETTE_BASE = 8;

/** The 256 colours of a CGRAM dump. */
export function readCgram(bytes: Uint8Array): Uint16Array {
  if (bytes.length !== CGRAM_SIZE) throw new PaletteError(`a CGRAM dump is ${CGRAM_SIZE} bytes (256 BGR555 colours), this one is ${bytes.length}`);
  return readBgr555(bytes, 0, 256);
}

/** Palette `index` (0-15) of a CGRAM dump. */
export function cgramPalette(bytes: Uint8Array, index: number, name = `CGRAM Palette ${index}`): Palette {
  if (!Number.isInteger(index) || index < 0 || index > 15) throw new PaletteError(`CGRAM palette index must be 0-15, got ${index}`);
  const all = readCgram(bytes);
  return { name, colors: all.slice(index * 16, index * 16 + 16), source: { palette_index: index } };
}

/** `count` palettes of 16 colours read at `offset` in `data` (a headerless ROM, say). */
export function romPalettes(data: Uint8Array, offset: number, count = 1): Palette[] {
  if (!Number.isInteger(offset) || offset < 0 || offset + count * PALETTE_BYTES > data.length) {
    throw new PaletteError(`${count} palette(s) of ${PALETTE_BYTES} bytes at ${hex(offset, 1)} run past the end of the ${data.length}-byte data`);
  }
  const out: Palette[] = [];
  for (let p = 0; p < count; p++) {
    const at = offset + p * PALETTE_BYTES;
    out.push({ name: `ROM Palette ${hex(at, 1)}`, colors: readBgr555(data, at, 16), source: { rom_offset: at } });
  }
  return out;
}

/** Grayscale as BGR555 (5-bit steps, so 16 levels come out 0, 2, 4, ... 31). */
export function grayscalePalette(colors = 16): Palette {
  const out = new Uint16Array(colors);
  for (let i = 0; i < colors; i++) {
    const v = colors > 1 ? Math.round((i * 31) / (colors - 1)) : 0;
    out[i] = v | (v << 5) | (v << 10);
  }
  return { name: 'Grayscale', colors: out };
}

/** RGBA for rendering: full-range channels, or exact index x 17 (x 255/(n-1)) grayscale when `palette` is null. */
export function paletteRGBA(palette: Palette | null, colors = 16): Uint8Array {
  return palette ? bgr555ToRgba(palette.colors) : grayscaleRGBA(colors);
}
