/**
 * A 2bpp 8x8 font drawn from 5x7 glyphs defined here (original), white with a drop shadow:
 * digits, capitals and punctuation, 48 tiles.
 */
import { Canvas } from './canvas';
import type { SpriteArt } from './sprite-art';
import { pal4 } from './backgrounds';

/** Each glyph: 7 rows of 5 bits, as base-32 digits (bit 4 = leftmost pixel). */
const GLYPHS: Record<string, string> = {
  ' ': '0000000',
  0: 'ehjlphe',
  1: '4c4444e',
  2: 'eh1248v',
  3: 'v2421he',
  4: '26aiv22',
  5: 'vgu11he',
  6: '68guhhe',
  7: 'v124888',
  8: 'ehhehhe',
  9: 'ehhf12c',
  A: 'ehhhvhh',
  B: 'uhhuhhu',
  C: 'ehggghe',
  D: 'sihhhis',
  E: 'vgguggv',
  F: 'vgguggg',
  G: 'ehgnhhf',
  H: 'hhhvhhh',
  I: 'e44444e',
  J: '7222iic',
  K: 'hikokih',
  L: 'ggggggv',
  M: 'hrllhhh',
  N: 'hpljhhh',
  O: 'ehhhhhe',
  P: 'uhhuggg',
  Q: 'ehhhlid',
  R: 'uhhukih',
  S: 'fgge11u',
  T: 'v444444',
  U: 'hhhhhhe',
  V: 'hhhhha4',
  W: 'hhhllla',
  X: 'hha4ahh',
  Y: 'hha4444',
  Z: 'v1248gv',
  '!': '4444404',
  '?': 'eh12404',
  '.': '00000cc',
  ',': '00000c8',
  ':': '0cc0cc0',
  '-': '000e000',
  "'": '4480000',
  '(': '2488842',
  ')': '8422248',
  '/': '01248g0',
};

const ORDER = " 0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ!?.,:-'()/";

export function fontGlyphRows(ch: string): number[] {
  const g = GLYPHS[ch];
  if (g === undefined) throw new Error(`no glyph for ${JSON.stringify(ch)}`);
  return [...g].map((d) => parseInt(d, 32));
}

export function font(): SpriteArt {
  const k = new Canvas(128, 24);
  [...ORDER].forEach((ch, i) => {
    const ox = (i % 16) * 8;
    const oy = Math.floor(i / 16) * 8;
    const rows = fontGlyphRows(ch);
    for (const [dx, dy, col] of [
      [1, 1, 1],
      [0, 0, 3],
    ] as const)
      rows.forEach((bits, y) => {
        for (let x = 0; x < 5; x++) if (bits & (16 >> x)) k.set(ox + 1 + x + dx, oy + y + dy, col === 3 && y >= 4 ? 2 : col);
      });
  });
  return { name: 'Font', kind: 'background', bpp: 2, palette: pal4('#000000', '#1e1b4b', '#c7d2fe', '#ffffff'), image: k, mirroredFrames: false };
}
