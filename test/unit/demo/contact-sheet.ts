/**
 * A contact sheet of drawings: each sheet rendered with its palette at 2x on a checkerboard (so
 * transparency shows), in a grid, as RGBA PNG bytes. The demo tests write one for people to look at.
 */
import { encode } from 'fast-png';
import { bgr555ToRgba } from '../../../src/core/gfx/color';
import { renderIndexed } from '../../../src/core/gfx/render';

export interface SheetPicture {
  width: number;
  height: number;
  pixels: Uint8Array;
  colors: Uint16Array;
  /** Backgrounds show index 0 as the backdrop colour. */
  opaque: boolean;
}

export function contactSheet(pictures: SheetPicture[], scale = 2, maxWidth = 1100): Uint8Array {
  const pad = 6;
  const placed: Array<{ p: SheetPicture; x: number; y: number }> = [];
  let x = pad;
  let y = pad;
  let rowH = 0;
  let width = 0;
  for (const p of pictures) {
    const w = p.width * scale;
    if (x + w + pad > maxWidth && x > pad) {
      x = pad;
      y += rowH + pad;
      rowH = 0;
    }
    placed.push({ p, x, y });
    x += w + pad;
    rowH = Math.max(rowH, p.height * scale);
    width = Math.max(width, x);
  }
  const height = y + rowH + pad;
  const out = new Uint8Array(width * height * 4);
  for (let j = 0; j < height; j++)
    for (let i = 0; i < width; i++) {
      const v = ((i >> 3) + (j >> 3)) % 2 ? 0x50 : 0x60;
      out.set([v, v, v + 8, 255], (j * width + i) * 4);
    }
  for (const { p, x: px, y: py } of placed) {
    const rgba = renderIndexed(p.pixels, p.width, p.height, bgr555ToRgba(p.colors), { transparentZero: !p.opaque });
    for (let j = 0; j < p.height * scale; j++)
      for (let i = 0; i < p.width * scale; i++) {
        const s = (Math.floor(j / scale) * p.width + Math.floor(i / scale)) * 4;
        if (rgba[s + 3] === 0) continue;
        out.set(rgba.subarray(s, s + 4), ((py + j) * width + px + i) * 4);
      }
  }
  return encode({ width, height, data: out, channels: 4, depth: 8 });
}
