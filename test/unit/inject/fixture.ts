/**
 * A generated LoROM with HAL and raw sprite blocks, a pointer table and free space, built in code
 * (never a committed binary). Everything not placed on purpose is noise, so it never looks free.
 *
 *   0x008000  pointer table: A at 0x008010; D at 0x008020 and 0x008030; mirror form of E at 0x008040
 *   0x010000  A: HAL, 20 tiles 4bpp, packed against noise (no room after it)
 *   0x018000  B: HAL, 32 tiles 4bpp, then 0xFF to the end of the bank (room to grow)
 *   0x020000  C: raw, 16 tiles 4bpp, packed against noise
 *   0x028000  D: HAL, 16 tiles 4bpp, packed against noise, two pointers
 *   0x029000  E: HAL, 16 tiles 2bpp, packed against noise, no pointer
 *   0x030000  a whole bank of 0xFF (free space)
 */
import { encode } from '../../../src/core/hal';
import { buildRom } from '../../../src/core/rom/build';
import { offsetToSnes } from '../../../src/core/rom/mapping';
import { encodeTiles } from '../../../src/core/gfx/tiles';
import { tilesToImage } from '../../../src/core/gfx/arrange';
import { encodeGrayscalePng, encodeIndexedPng } from '../../../src/core/gfx/png-export';
import { grayscaleRGBA } from '../../../src/core/gfx/render';

export const SIZE = 0x40000;
export const A = 0x010000;
export const B = 0x018000;
export const C = 0x020000;
export const D = 0x028000;
export const E = 0x029000;
export const FREE_BANK = 0x030000;
export const PTR_A = 0x008010;
export const PTR_D1 = 0x008020;
export const PTR_D2 = 0x008030;

/** Deterministic noise without runs of 0x00 or 0xFF. */
export function noise(data: Uint8Array, start: number, end: number, seed = 0x1234567): void {
  let x = seed;
  for (let i = start; i < end; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    let b = x & 0xff;
    if (b === 0 || b === 0xff) b = 0x5a;
    data[i] = b;
  }
}

/** Sprite-like tile pixels (shapes, so they compress), `tiles` tiles of 64 pixels, values < colors. */
export function spritePixels(tiles: number, colors = 16, seed = 1): Uint8Array {
  const out = new Uint8Array(tiles * 64);
  for (let t = 0; t < tiles; t++) {
    for (let y = 0; y < 8; y++) {
      for (let x = 0; x < 8; x++) {
        const inside = (x - 3.5) ** 2 + (y - 3.5) ** 2 < 10 + ((t + seed) % 5);
        out[t * 64 + y * 8 + x] = inside ? 1 + ((t * seed + (x >> 1) + y) % (colors - 1)) : 0;
      }
    }
  }
  return out;
}

/** Pixels that compress badly (noise in every pixel). */
export function noisyPixels(tiles: number, colors = 16, seed = 7): Uint8Array {
  const out = new Uint8Array(tiles * 64);
  let x = seed * 0x9e3779b9 || 1;
  for (let i = 0; i < out.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = (x >>> 24) % colors;
  }
  return out;
}

export const PIX_A = spritePixels(20);
export const PIX_B = spritePixels(32, 16, 3);
export const PIX_C = spritePixels(16, 16, 5);
export const PIX_D = spritePixels(16, 16, 9);
export const PIX_E = spritePixels(16, 4, 2);

function putPointer(data: Uint8Array, at: number, snes: number): void {
  data.set([snes & 0xff, (snes >> 8) & 0xff, snes >>> 16], at);
}

export interface Fixture {
  file: Uint8Array;
  sizeA: number;
  sizeB: number;
  sizeD: number;
  sizeE: number;
}

export function buildFixture(opts: { copierHeader?: boolean } = {}): Fixture {
  const streamA = encode(encodeTiles(PIX_A, 4));
  const streamB = encode(encodeTiles(PIX_B, 4));
  const streamD = encode(encodeTiles(PIX_D, 4));
  const streamE = encode(encodeTiles(PIX_E, 2));
  const file = buildRom({
    mapping: 'lorom',
    size: SIZE,
    title: 'INJECT FIXTURE',
    copierHeader: opts.copierHeader,
    content: (data) => {
      noise(data, 0x8, 0x7fb0);
      noise(data, 0x8000, FREE_BANK, 99);
      noise(data, FREE_BANK + 0x8000, SIZE, 5);
      putPointer(data, PTR_A, offsetToSnes('lorom', A)!);
      putPointer(data, PTR_D1, offsetToSnes('lorom', D)!);
      putPointer(data, PTR_D2, offsetToSnes('lorom', D)! & 0x7fffff); // the SlowROM mirror
      data.set(streamA, A);
      data.set(streamB, B);
      data.fill(0xff, B + streamB.length, B + 0x8000);
      data.set(encodeTiles(PIX_C, 4), C);
      data.set(streamD, D);
      data.set(streamE, E);
      data.fill(0xff, FREE_BANK, FREE_BANK + 0x8000);
    },
  });
  return { file, sizeA: streamA.length, sizeB: streamB.length, sizeD: streamD.length, sizeE: streamE.length };
}

/** The sheet an export writes: 16 tiles a row, grayscale index x 17 (x 85 for 2bpp). */
export function sheetPng(pixels: Uint8Array, colors = 16, widthTiles = 16): Uint8Array {
  return encodeGrayscalePng(tilesToImage(pixels, { widthTiles }), colors);
}

export function indexedPng(pixels: Uint8Array, colors = 16, widthTiles = 16): Uint8Array {
  return encodeIndexedPng(tilesToImage(pixels, { widthTiles }), grayscaleRGBA(colors));
}

/** Indices at which two byte arrays differ. */
export function diffIndices(a: Uint8Array, b: Uint8Array): number[] {
  const out: number[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) if (a[i] !== b[i]) out.push(i);
  return out;
}
