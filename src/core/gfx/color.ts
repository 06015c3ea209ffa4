/**
 * SNES colour: BGR555 little-endian words (red bits 0-4, green 5-9, blue 10-14). To 8 bits a
 * channel with `(c << 3) | (c >> 2)` (full range), back with `v >> 3`, which recovers the 5-bit
 * value from both that and SpritePal's `c << 3` files (rounding v * 31 / 255 would not).
 */

export type Rgb = [number, number, number];

/** 5-bit channel to 8 bits, full range (31 -> 255). */
export function expand5(c: number): number {
  return ((c << 3) | (c >> 2)) & 0xff;
}

/** 8-bit channel to 5 bits. */
export function reduce8(v: number): number {
  return (v >> 3) & 0x1f;
}

export function bgr555ToRgb(c: number): Rgb {
  return [expand5(c & 0x1f), expand5((c >> 5) & 0x1f), expand5((c >> 10) & 0x1f)];
}

/** SpritePal's export convention: `c << 3` (multiples of 8, 31 -> 248). */
export function bgr555ToRgbSpritePal(c: number): Rgb {
  return [(c & 0x1f) << 3, ((c >> 5) & 0x1f) << 3, ((c >> 10) & 0x1f) << 3];
}

export function rgbToBgr555(r: number, g: number, b: number): number {
  return reduce8(r) | (reduce8(g) << 5) | (reduce8(b) << 10);
}

/** Reads `count` little-endian BGR555 words at `offset` (bit 15 cleared). */
export function readBgr555(bytes: Uint8Array, offset: number, count: number): Uint16Array {
  const out = new Uint16Array(count);
  for (let i = 0; i < count; i++) out[i] = (bytes[offset + 2 * i]! | (bytes[offset + 2 * i + 1]! << 8)) & 0x7fff;
  return out;
}

export function writeBgr555(colors: ArrayLike<number>): Uint8Array {
  const out = new Uint8Array(colors.length * 2);
  for (let i = 0; i < colors.length; i++) {
    out[2 * i] = colors[i]! & 0xff;
    out[2 * i + 1] = (colors[i]! >> 8) & 0x7f;
  }
  return out;
}

/** RGBA bytes (4 per colour, opaque) for a BGR555 palette, full-range channels. */
export function bgr555ToRgba(colors: ArrayLike<number>): Uint8Array {
  const out = new Uint8Array(colors.length * 4);
  for (let i = 0; i < colors.length; i++) {
    const [r, g, b] = bgr555ToRgb(colors[i]!);
    out.set([r, g, b, 255], i * 4);
  }
  return out;
}
