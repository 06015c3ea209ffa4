/**
 * Sprite palettes written as named colour ramps ('#rrggbb', dark to light). Index 0 is the
 * transparent colour; the ramps take indices 1, 2, ... in the order given. `toBgr555` gives the
 * 16 words the ROM stores (unused slots black).
 */
import { rgbToBgr555 } from '../../gfx/color';

export type Ramps<K extends string> = Record<K, readonly string[]>;

export interface NamedPalette<K extends string> {
  /** '#rrggbb' for indices 0-15 (index 0 is the backdrop colour, shown only for backgrounds). */
  hex: string[];
  /** Palette indices of each ramp, dark to light. */
  c: Record<K, number[]>;
}

export function palette<K extends string>(ramps: Ramps<K>, backdrop = '#000000', size = 16): NamedPalette<K> {
  const hex = [backdrop];
  const c = {} as Record<K, number[]>;
  for (const key of Object.keys(ramps) as K[]) {
    c[key] = ramps[key].map((h) => {
      hex.push(h);
      return hex.length - 1;
    });
  }
  if (hex.length > size) throw new Error(`palette needs ${hex.length} colours, only ${size} fit`);
  while (hex.length < size) hex.push('#000000');
  return { hex, c };
}

export function toBgr555(hex: readonly string[]): Uint16Array {
  const out = new Uint16Array(16);
  hex.forEach((h, i) => {
    const v = parseInt(h.slice(1), 16);
    out[i] = rgbToBgr555((v >> 16) & 0xff, (v >> 8) & 0xff, v & 0xff);
  });
  return out;
}
