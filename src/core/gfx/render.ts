/**
 * Indexed pixels + palette -> RGBA. Plain typed arrays only (no Node APIs): the webview bundles this
 * to draw thumbnails on a canvas.
 */

export interface RenderOptions {
  /** Index 0 is transparent (sprites). Default true. */
  transparentZero?: boolean;
}

/**
 * `paletteRGBA` holds 4 bytes a colour. An index past the end of the palette wraps (index % colours),
 * as the SNES sees only the low bits of a 16-colour palette.
 */
export function renderIndexed(indices: Uint8Array, width: number, height: number, paletteRGBA: Uint8Array, opts: RenderOptions = {}): Uint8ClampedArray {
  const transparentZero = opts.transparentZero ?? true;
  const n = width * height;
  const out = new Uint8ClampedArray(n * 4);
  const colors = paletteRGBA.length >> 2;
  if (colors === 0) return out;
  const pal = new Uint32Array(256);
  const bytes = new Uint8Array(pal.buffer);
  for (let i = 0; i < 256; i++) bytes.set(paletteRGBA.subarray((i % colors) * 4, (i % colors) * 4 + 4), i * 4);
  if (transparentZero) pal[0] = 0;
  const words = new Uint32Array(out.buffer);
  for (let i = 0; i < n; i++) words[i] = pal[indices[i]!]!;
  return out;
}

/** Grayscale RGBA for a format with `colors` colours: index i -> i * 255 / (colors - 1) (x17 for 16). */
export function grayscaleRGBA(colors = 16): Uint8Array {
  const out = new Uint8Array(colors * 4);
  for (let i = 0; i < colors; i++) {
    const v = colors > 1 ? Math.round((i * 255) / (colors - 1)) : 0;
    out.set([v, v, v, 255], i * 4);
  }
  return out;
}
