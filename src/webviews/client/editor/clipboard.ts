/**
 * The system clipboard for the editor's selections, as indexed PNGs (colour 0 transparent), where
 * the webview allows it (navigator.clipboard with images; otherwise the editor keeps its own copy).
 * A pasted PNG gives its indices when it is indexed, else each colour maps to the palette index
 * of the same colour (transparent pixels to 0); a colour not in the palette refuses the paste.
 */
import { decode } from 'fast-png';
import { encodeIndexedPng } from '../../../core/gfx/png-export';
import type { Region } from '../../../core/edit-pixels/tools';
import { cssRgb } from '../../../core/format';

/** Writes the region as an indexed PNG; false when the clipboard refused it. */
export async function copyRegionToClipboard(region: Region, rgb: number[]): Promise<boolean> {
  try {
    if (typeof ClipboardItem === 'undefined' || !navigator.clipboard?.write) return false;
    const pal = new Uint8Array(rgb.length * 4);
    rgb.forEach((c, i) => pal.set([(c >> 16) & 0xff, (c >> 8) & 0xff, c & 0xff, 255], i * 4));
    let max = 0;
    for (const v of region.pixels) max = Math.max(max, v);
    const colors = Math.max(rgb.length, max + 1);
    const full = new Uint8Array(colors * 4);
    full.set(pal.subarray(0, Math.min(pal.length, full.length)));
    const png = encodeIndexedPng(region, full);
    const blob = new Blob([png as Uint8Array<ArrayBuffer>], { type: 'image/png' });
    await navigator.clipboard.write([new ClipboardItem({ 'image/png': blob })]);
    return true;
  } catch {
    return false;
  }
}

/** The clipboard's PNG as a region, or null when there is none (or it cannot be read). */
export async function readClipboardRegion(rgb: number[], colors: number): Promise<Region | null> {
  if (!navigator.clipboard?.read) return null;
  const items = await navigator.clipboard.read();
  for (const item of items) {
    if (!item.types.includes('image/png')) continue;
    const png = decode(new Uint8Array(await (await item.getType('image/png')).arrayBuffer()));
    const { width, height } = png;
    const out = new Uint8Array(width * height);
    const data = png.data;
    if (png.palette && png.channels === 1) {
      for (let i = 0; i < out.length; i++) {
        if (data[i]! >= colors) throw new Error(`the pasted image uses colour ${data[i]}; this sprite has ${colors}`);
        out[i] = data[i]!;
      }
      return { width, height, pixels: out };
    }
    const ch = png.channels;
    for (let i = 0; i < out.length; i++) {
      const a = ch === 4 || ch === 2 ? data[i * ch + ch - 1]! : 255;
      if (a < 128) continue;
      const c = ch >= 3 ? (data[i * ch]! << 16) | (data[i * ch + 1]! << 8) | data[i * ch + 2]! : data[i * ch]! * 0x010101;
      const idx = rgb.slice(0, colors).findIndex((p, j) => j > 0 && p === c);
      if (idx < 0) throw new Error(`the pasted image has a colour (${cssRgb(c)}) not in the palette`);
      out[i] = idx;
    }
    return { width, height, pixels: out };
  }
  return null;
}
