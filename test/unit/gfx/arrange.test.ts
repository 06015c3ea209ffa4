import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { imageToTiles, tilePosition, tilesToImage, type TileOrder } from '../../../src/core/gfx/arrange';
import { GfxError } from '../../../src/core/gfx/errors';

/** Tile pixels where every pixel of tile t is (t + 1) & 0xff and pixel positions are marked. */
function numbered(count: number): Uint8Array {
  const px = new Uint8Array(count * 64);
  for (let t = 0; t < count; t++) for (let p = 0; p < 64; p++) px[t * 64 + p] = (t * 7 + p) & 0xff;
  return px;
}

describe('gfx/arrange', () => {
  it('lays tiles out 16 a row by default', () => {
    const img = tilesToImage(numbered(20));
    assert.equal(img.width, 128);
    assert.equal(img.height, 16);
    // tile 17 is at tile cell (1, 1): its pixel (2, 3) is image pixel (8 + 2, 8 + 3)
    assert.equal(img.pixels[(8 + 3) * 128 + 8 + 2], (17 * 7 + 3 * 8 + 2) & 0xff);
    // cells past the last tile stay 0
    assert.equal(img.pixels[15 * 128 + 127], 0);
  });

  it('sprite16 order keeps n, n+1, n+16, n+17 together as one 16x16 sprite', () => {
    assert.deepEqual(tilePosition(0, 4, 'sprite16'), [0, 0]);
    assert.deepEqual(tilePosition(1, 4, 'sprite16'), [1, 0]);
    assert.deepEqual(tilePosition(16, 4, 'sprite16'), [0, 1]);
    assert.deepEqual(tilePosition(17, 4, 'sprite16'), [1, 1]);
    assert.deepEqual(tilePosition(2, 4, 'sprite16'), [2, 0]);
    assert.deepEqual(tilePosition(4, 4, 'sprite16'), [0, 2]); // third sprite starts the second sprite row
    assert.deepEqual(tilePosition(32, 4, 'sprite16'), [0, 8]); // sprite 8 (second group of 32 tiles)
    // with width 16 the two orders agree
    for (let i = 0; i < 64; i++) assert.deepEqual(tilePosition(i, 16, 'sprite16'), tilePosition(i, 16, 'linear'));
  });

  it('round-trips every order and width', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 70 }), fc.integer({ min: 1, max: 20 }), fc.constantFrom<TileOrder>('linear', 'sprite16'), (count, w, order) => {
        const width = order === 'sprite16' ? w * 2 : w;
        const px = numbered(count);
        const img = tilesToImage(px, { widthTiles: width, order });
        assert.equal(img.width, width * 8);
        assert.deepEqual(imageToTiles(img, { order, count }), px);
      }),
      { numRuns: 150 },
    );
  });

  it('without a count reads every tile that fits', () => {
    const img = tilesToImage(numbered(32));
    assert.equal(imageToTiles(img).length, 32 * 64);
    const s = tilesToImage(numbered(32), { widthTiles: 4, order: 'sprite16' });
    assert.equal(s.height, 8 * 8);
    assert.deepEqual(imageToTiles(s, { order: 'sprite16' }), numbered(32));
  });

  it('refuses bad geometry', () => {
    assert.throws(() => tilesToImage(numbered(1), { widthTiles: 0 }), GfxError);
    assert.throws(() => tilesToImage(numbered(1), { widthTiles: 3, order: 'sprite16' }), /even width/);
    assert.throws(() => tilesToImage(numbered(1), { order: 'zigzag' as TileOrder }), /unknown tile order/);
    assert.throws(() => tilesToImage(new Uint8Array(10)), /multiple of 64/);
    assert.throws(() => imageToTiles({ width: 12, height: 8, pixels: new Uint8Array(96) }), /multiples of 8/);
    assert.throws(() => imageToTiles({ width: 8, height: 8, pixels: new Uint8Array(10) }), /holds 10 pixels/);
    assert.throws(() => imageToTiles({ width: 8, height: 8, pixels: new Uint8Array(64) }, { count: 2 }), /outside/);
  });
});
