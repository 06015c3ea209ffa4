import * as assert from 'node:assert/strict';
import { tilesToImage } from '../../../src/core/gfx/arrange';
import { arrangeImage, orderFits, positionOf, tileAt } from '../../../src/webviews/client/arrange-view';

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
});
