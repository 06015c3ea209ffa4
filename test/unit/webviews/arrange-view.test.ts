import * as assert from 'node:assert/strict';
import { tilesToImage } from '../../../src/core/gfx/arrange';
import { arrangeImage, bandTiles, orderFits, positionOf, stepTile, tileAt } from '../../../src/webviews/client/arrange-view';

describe('tile arrangement in the webview', () => {
  it('finds the tile drawn at each cell: the inverse of where the core puts it, in both orders', () => {
    for (const w of [2, 4, 8, 16, 32]) {
      for (const order of ['linear', 'sprite16'] as const) {
        const count = w * 32;
        for (let i = 0; i < count; i++) {
          const [x, y] = positionOf(i, w, order);
          assert.equal(tileAt(x, y, count, w, order), i, `w ${w} ${order} tile ${i} at (${x}, ${y})`);
        }
        assert.equal(tileAt(w, 0, count, w, order), null, 'past the right edge');
      }
    }
  });

  it('rearranges a row-order image into 16x16 sprites like the core, and leaves odd widths in rows', () => {
    const tiles = new Uint8Array(64 * 64).map((_, i) => Math.floor(i / 64) % 251);
    const rows = tilesToImage(tiles, { widthTiles: 8 });
    assert.deepEqual(arrangeImage(rows, 'sprite16').pixels, tilesToImage(tiles, { widthTiles: 8, order: 'sprite16' }).pixels);
    assert.equal(arrangeImage(rows, 'linear'), rows);
    const odd = tilesToImage(tiles, { widthTiles: 7 });
    assert.equal(arrangeImage(odd, 'sprite16'), odd);
    assert.deepEqual([orderFits('sprite16', 7), orderFits('sprite16', 8), orderFits('linear', 7)], [false, true, true]);
  });

  it('moves the cursor to the tile drawn beside it, in either order: Down in 16x16 order is the tile below on screen', () => {
    const keys: [number, number][] = [
      [1, 0],
      [-1, 0],
      [0, 1],
      [0, -1],
    ];
    for (const w of [2, 4, 6, 8, 16, 32, 64]) {
      for (const order of ['linear', 'sprite16'] as const) {
        const page = w * 32;
        const band = bandTiles(w, order);
        for (let i = 0; i < page; i++) {
          const [x, y] = positionOf(i, w, order);
          for (const [dx, dy] of keys) {
            let [tx, ty] = [x + dx, y + dy];
            if (tx < 0) [tx, ty] = [w - 1, ty - 1];
            if (tx >= w) [tx, ty] = [0, ty + 1];
            const j = stepTile(i, dx, dy, w, order);
            // Off the page (above or below), the view scrolls by whole bands: look at j from there.
            const bands = Math.floor(j / band);
            const [jx, jy] = positionOf(j - bands * band, w, order);
            assert.deepEqual([jx, jy + (bands * band) / w], [tx, ty], `w ${w} ${order}: tile ${i} at (${x}, ${y}) moved by (${dx}, ${dy})`);
          }
        }
      }
    }
    // The bug this replaces: Down in 16x16 order at 8 wide went 8 stored tiles on, drawn elsewhere.
    assert.deepEqual(positionOf(stepTile(0, 0, 1, 8, 'sprite16'), 8, 'sprite16'), [0, 1]);
    assert.notDeepEqual(positionOf(8, 8, 'sprite16'), [0, 1]);
  });

  it('scrolls by bands that keep every tile in its place: the arrangement repeats after one', () => {
    for (const w of [2, 4, 6, 8, 16, 32, 64]) {
      for (const order of ['linear', 'sprite16'] as const) {
        const band = bandTiles(w, order);
        assert.equal(band % w, 0, 'whole rows');
        assert.equal((w * 32) % band, 0, 'a page is whole bands');
        if (order === 'sprite16') assert.equal(band % 32, 0, 'whole 32-tile groups');
        for (let i = 0; i < 2 * band; i++) {
          const [x, y] = positionOf(i, w, order);
          assert.deepEqual(positionOf(i + band, w, order), [x, y + band / w], `w ${w} ${order} tile ${i}`);
        }
      }
    }
    assert.deepEqual(
      [bandTiles(16, 'sprite16'), bandTiles(8, 'sprite16'), bandTiles(4, 'sprite16'), bandTiles(7, 'sprite16'), bandTiles(8, 'linear')],
      [32, 32, 32, 7, 8],
    );
  });
});
