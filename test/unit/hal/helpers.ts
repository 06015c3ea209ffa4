/** Shared helpers for the HAL tests. */
export function hexBytes(text: string): Uint8Array {
  const clean = text.replace(/\s+/g, '');
  const out = new Uint8Array(clean.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(clean.slice(2 * i, 2 * i + 2), 16);
  return out;
}

export function concat(...parts: (Uint8Array | number[])[]): Uint8Array {
  const total = parts.reduce((s, p) => s + p.length, 0);
  const out = new Uint8Array(total);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** Deterministic pseudo-random bytes (xorshift32). */
export function randomBytes(n: number, seed = 1): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed || 1;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

export function bitrev8(v: number): number {
  let r = 0;
  for (let b = 0; b < 8; b++) if (v & (1 << b)) r |= 0x80 >> b;
  return r;
}

/**
 * A synthetic 4bpp sprite sheet: 8x8 tiles of a few shapes, some flipped horizontally (bit-reversed
 * rows), some vertically (rows in reverse), lots of zero rows, repeated tiles.
 */
export function spriteSheet(bytes: number, seed = 7): Uint8Array {
  const out = new Uint8Array(bytes);
  const rnd = randomBytes(bytes, seed);
  const shapes: Uint8Array[] = [];
  for (let s = 0; s < 6; s++) {
    const t = new Uint8Array(32);
    for (let k = 0; k < 32; k++) t[k] = (k >> 1) % 4 === 0 ? 0 : rnd[s * 32 + k]! & rnd[(s * 32 + k + 7) % bytes]!;
    shapes.push(t);
  }
  for (let tile = 0; tile * 32 < bytes; tile++) {
    const kind = rnd[(tile * 13) % bytes]! % 5;
    const src = shapes[rnd[(tile * 7 + 3) % bytes]! % shapes.length]!;
    for (let k = 0; k < 32 && tile * 32 + k < bytes; k++) {
      let v = src[k]!;
      if (kind === 1) v = bitrev8(v);
      else if (kind === 2) v = src[(k & 0x11) | (14 - (k & 0x0e))]!;
      else if (kind === 3) v = 0;
      out[tile * 32 + k] = v;
    }
  }
  return out;
}
