/**
 * Indexed pixels + the current palette -> canvas. The host sends indices only, so a palette
 * change recolours every thumbnail here without asking the host to decode anything again.
 */
import { renderIndexed } from '../../core/gfx/render';
import type { PaletteOption } from '../protocol';

export function paletteRgba(p: PaletteOption | undefined, bpp: number): Uint8Array {
  const colors = 1 << Math.min(bpp, 8);
  const out = new Uint8Array(colors * 4);
  for (let i = 0; i < colors; i++) {
    let c: number;
    if (p && i < p.colors.length) c = p.colors[i]!;
    else {
      // Beyond the palette's 16 colours (8bpp): a grayscale ramp, like the host's exports.
      const v = Math.round((i * 255) / (colors - 1));
      c = (v << 16) | (v << 8) | v;
    }
    out[i * 4] = (c >> 16) & 0xff;
    out[i * 4 + 1] = (c >> 8) & 0xff;
    out[i * 4 + 2] = c & 0xff;
    out[i * 4 + 3] = 255;
  }
  return out;
}

/** An offscreen canvas holding the image at 1x. */
export function toBitmap(pixels: Uint8Array, width: number, height: number, palette: Uint8Array): HTMLCanvasElement {
  const c = document.createElement('canvas');
  c.width = Math.max(1, width);
  c.height = Math.max(1, height);
  const rgba = renderIndexed(pixels, width, height, palette, { transparentZero: true });
  c.getContext('2d')!.putImageData(new ImageData(rgba as Uint8ClampedArray<ArrayBuffer>, width, height), 0, 0);
  return c;
}

/** Draws a bitmap into `target`, scaled by an integer factor that fits (nearest neighbour), centred. */
export function drawFit(target: HTMLCanvasElement, bitmap: HTMLCanvasElement): void {
  const ctx = target.getContext('2d')!;
  ctx.clearRect(0, 0, target.width, target.height);
  ctx.imageSmoothingEnabled = false;
  const scale = Math.max(1, Math.floor(Math.min(target.width / bitmap.width, target.height / bitmap.height))) || 1;
  let w = bitmap.width * scale;
  let h = bitmap.height * scale;
  if (w > target.width || h > target.height) {
    const f = Math.min(target.width / bitmap.width, target.height / bitmap.height);
    w = Math.floor(bitmap.width * f);
    h = Math.floor(bitmap.height * f);
  }
  ctx.drawImage(bitmap, Math.floor((target.width - w) / 2), Math.floor((target.height - h) / 2), w, h);
}

/** Draws at an exact zoom, with an optional 8x8 tile grid. */
export function drawZoomed(target: HTMLCanvasElement, bitmap: HTMLCanvasElement, zoom: number, grid: boolean, gridColor: string): void {
  target.width = bitmap.width * zoom;
  target.height = bitmap.height * zoom;
  const ctx = target.getContext('2d')!;
  ctx.imageSmoothingEnabled = false;
  ctx.clearRect(0, 0, target.width, target.height);
  ctx.drawImage(bitmap, 0, 0, target.width, target.height);
  if (!grid || zoom < 2) return;
  ctx.strokeStyle = gridColor;
  ctx.lineWidth = 1;
  ctx.beginPath();
  for (let x = 8 * zoom; x < target.width; x += 8 * zoom) {
    ctx.moveTo(x + 0.5, 0);
    ctx.lineTo(x + 0.5, target.height);
  }
  for (let y = 8 * zoom; y < target.height; y += 8 * zoom) {
    ctx.moveTo(0, y + 0.5);
    ctx.lineTo(target.width, y + 0.5);
  }
  ctx.stroke();
}
