/**
 * The palette to show tiles in when nothing says which colours they use (a ROM without a
 * catalog): a 16-colour ramp whose brightness rises with the index, as SNES art is usually
 * shaded, through hues (deep blue, purple, red, orange, yellow, near white) so neighbouring indices
 * stay apart. Grayscale at index x 17 draws a 4bpp sprite's low indices near black: silhouettes.
 */
import { rgbToBgr555 } from './color';
import type { Palette } from './palette';

/** Stops of the ramp (0xRRGGBB), spread evenly over indices 1-15; index 0 is transparent. */
const STOPS = [0x2c1e6b, 0x5b2a8c, 0x8e3184, 0xbd3c6a, 0xe0554a, 0xf57f2a, 0xfbb12b, 0xf6dc5c, 0xfcf9d8];

function mix(a: number, b: number, t: number): [number, number, number] {
  const ch = (s: number) => Math.round(((a >> s) & 0xff) * (1 - t) + ((b >> s) & 0xff) * t);
  return [ch(16), ch(8), ch(0)];
}

export function readableRamp(): Palette {
  const colors = new Uint16Array(16);
  for (let i = 1; i < 16; i++) {
    const at = ((i - 1) / 14) * (STOPS.length - 1);
    const k = Math.min(STOPS.length - 2, Math.floor(at));
    const [r, g, b] = mix(STOPS[k]!, STOPS[k + 1]!, at - k);
    colors[i] = rgbToBgr555(r, g, b);
  }
  return { name: 'Readable ramp', colors, source: { generated: 'readable-ramp' } };
}
