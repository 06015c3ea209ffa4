import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { bytesPerTile, checkFormat, colorsOf, decode4bpp, decodeTiles, encodeTiles, tileCount, type TileFormat } from '../../../src/core/gfx/tiles';
import { GfxError } from '../../../src/core/gfx/errors';

/** Independent reference: pixel (x, y) of a planar tile, plane by plane, bit by bit. */
function refPixel(tile: Uint8Array, bpp: number, x: number, y: number): number {
  let v = 0;
  for (let plane = 0; plane < bpp; plane++) {
    const byte = tile[(plane >> 1) * 16 + y * 2 + (plane & 1)]!;
    const bit = (byte >> (7 - x)) & 1;
    v += bit * 2 ** plane;
  }
  return v;
}

const FORMATS: TileFormat[] = [2, 4, 8, 'mode7'];

describe('gfx/tiles', () => {
  it('knows the sizes and colour counts of each format', () => {
    assert.deepEqual(FORMATS.map(bytesPerTile), [16, 32, 64, 64]);
    assert.deepEqual(FORMATS.map(colorsOf), [4, 16, 256, 256]);
    assert.equal(tileCount(100, 4), 3);
    assert.throws(() => checkFormat(3), GfxError);
  });

  it('decodes a hand-made 2bpp tile: bit 7 is the leftmost pixel, plane 1 is the odd byte', () => {
    const t = new Uint8Array(16);
    t[0] = 0b1000_0001; // row 0 plane 0
    t[1] = 0b1100_0000; // row 0 plane 1
    const px = decodeTiles(t, 2);
    assert.deepEqual([...px.subarray(0, 8)], [3, 2, 0, 0, 0, 0, 0, 1]);
    assert.ok(px.subarray(8).every((v) => v === 0));
  });

  it('decodes 4bpp planes 2/3 from bytes 16-31', () => {
    const t = new Uint8Array(32);
    t[16 + 2 * 3] = 0x80; // row 3, plane 2, leftmost pixel
    t[17 + 2 * 3] = 0x01; // row 3, plane 3, rightmost pixel
    const px = decodeTiles(t, 4);
    assert.equal(px[3 * 8 + 0], 4);
    assert.equal(px[3 * 8 + 7], 8);
  });

  for (const bpp of [2, 4, 8] as const) {
    it(`${bpp}bpp decode matches a bit-by-bit reference and encode inverts it`, () => {
      fc.assert(
        fc.property(fc.uint8Array({ minLength: 0, maxLength: bpp * 8 * 6 }), (raw) => {
          const n = tileCount(raw.length, bpp);
          const data = raw.subarray(0, n * bpp * 8);
          const px = decodeTiles(data, bpp);
          assert.equal(px.length, n * 64);
          for (let t = 0; t < n; t++) {
            const tile = data.subarray(t * bpp * 8);
            for (let y = 0; y < 8; y++) for (let x = 0; x < 8; x++) assert.equal(px[t * 64 + y * 8 + x], refPixel(tile, bpp, x, y));
          }
          assert.deepEqual(encodeTiles(px, bpp), data);
        }),
        { numRuns: 60 },
      );
    });
  }

  it('encodes any in-range pixels and decodes them back, every format', () => {
    for (const f of FORMATS) {
      fc.assert(
        fc.property(fc.array(fc.integer({ min: 0, max: colorsOf(f) - 1 }), { minLength: 64, maxLength: 64 * 4 }), (vals) => {
          const px = new Uint8Array(vals.slice(0, vals.length - (vals.length % 64)));
          assert.deepEqual(decodeTiles(encodeTiles(px, f), f), px);
        }),
        { numRuns: 30 },
      );
    }
  });

  it('decode4bpp can stop short of the data', () => {
    const data = new Uint8Array(32 * 4).map((_, i) => (i * 73 + 11) & 0xff);
    assert.deepEqual(decode4bpp(data, 2), decodeTiles(data, 4).subarray(0, 128));
  });

  it('mode7 tiles are linear: one byte a pixel', () => {
    const data = new Uint8Array(130).map((_, i) => i);
    const px = decodeTiles(data, 'mode7');
    assert.equal(px.length, 128);
    assert.deepEqual(px, data.subarray(0, 128));
  });

  it('refuses too few bytes, pixels out of range and partial tiles', () => {
    assert.throws(() => decodeTiles(new Uint8Array(32), 4, 2), /need 64 bytes/);
    assert.throws(() => decode4bpp(new Uint8Array(32), 2), /need 64 bytes/);
    assert.throws(() => encodeTiles(new Uint8Array(64).fill(4), 2), /index 4, more than 2bpp/);
    assert.throws(() => encodeTiles(new Uint8Array(65), 4), /multiple of 64/);
  });
});
