import * as assert from 'node:assert/strict';
import { OAM_SIZE, parseOam } from '../../../src/core/dumps/oam';
import { objTileAddress } from '../../../src/core/dumps/vram-sheet';
import { objTables, runRects, spriteAt } from '../../../src/webviews/dump-client/geometry';

/** The cells (col,row) a list of rectangles covers, at one pixel a cell. */
function cells(rects: [number, number, number, number][]): Set<string> {
  const out = new Set<string>();
  for (const [x, y, w, h] of rects) {
    for (let r = y; r < y + h; r++)
      for (let c = x; c < x + w; c++) {
        const key = `${c},${r}`;
        assert.ok(!out.has(key), `cell ${key} is covered twice`);
        out.add(key);
      }
  }
  return out;
}

describe('dump viewer geometry', () => {
  it('outlines a run of tiles with at most three rectangles covering exactly its cells', () => {
    for (const w of [1, 3, 8, 16]) {
      for (let from = 0; from < 3 * w; from++) {
        for (let to = from; to <= from + 4 * w; to++) {
          const rects = runRects(from, to, w, 1);
          assert.ok(rects.length <= 3, `w ${w} [${from}, ${to}): ${rects.length} rectangles`);
          const want = new Set<string>();
          for (let t = from; t < to; t++) want.add(`${t % w},${Math.floor(t / w)}`);
          assert.deepEqual(cells(rects), want, `w ${w} [${from}, ${to})`);
        }
      }
    }
    assert.deepEqual(runRects(17, 18, 16, 8), [[8, 8, 8, 8]], 'scaled by the cell size');
  });

  it('places the two OBJ tables where the PPU reads tiles 0 and 256, wrapping in 64 KiB of VRAM', () => {
    for (const base of [0x0000, 0x4000, 0xc000]) {
      for (const nameSelect of [0, 1, 2, 3]) {
        const [low, high] = objTables({ objBase: base, obsel: { sizeMode: 0, nameSelect, base: null } });
        assert.equal(low!.start, objTileAddress(0, { base, nameSelect }));
        assert.equal(high!.start, objTileAddress(256, { base, nameSelect }));
        assert.equal(low!.end - low!.start, 256 * 32);
        assert.equal(high!.end - high!.start, 256 * 32);
        assert.deepEqual([low!.first, high!.first], [0, 256]);
      }
    }
  });

  it('finds the topmost visible sprite under a screen point, through the wrap at line 256', () => {
    const oam = new Uint8Array(OAM_SIZE);
    const put = (i: number, x: number, y: number) => oam.set([x, y, 0, 0], i * 4);
    for (let i = 0; i < 128; i++) put(i, 0, 240); // parked below the screen (8x8 at y 240: hidden)
    put(3, 100, 50);
    put(5, 104, 54); // overlaps sprite 3 at (104..107, 54..57)
    put(9, 20, 252); // wraps: lines 252-255 and 0-3
    const entries = parseOam(oam);
    assert.equal(spriteAt(entries, 105, 55)?.index, 3, 'the lower OAM index is drawn on top');
    assert.equal(spriteAt(entries, 110, 60)?.index, 5);
    assert.equal(spriteAt(entries, 21, 2)?.index, 9, 'the wrapped part at the top of the screen');
    assert.equal(spriteAt(entries, 21, 253)?.index, 9);
    assert.equal(spriteAt(entries, 2, 242), undefined, 'hidden sprites are not picked');
    assert.equal(spriteAt(entries, 200, 100), undefined);
    assert.equal(spriteAt(null, 105, 55), undefined);
  });
});
