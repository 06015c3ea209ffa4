/** The editor's drawing tools on indexed pixels (the module the webview bundles). */
import * as assert from 'node:assert/strict';
import {
  copyRegion,
  floodFill,
  flipRegion,
  inside,
  linePoints,
  moveRegion,
  pasteRegion,
  plot,
  rectBetween,
  rectPoints,
  rotateRegion,
  Stroke,
  tileRectAt,
  transformRect,
  clip,
  type Region,
  type Sheet,
} from '../../../src/core/edit-pixels/tools';

/** A sheet `widthTiles` tiles wide holding `tiles` tiles, all index `fill`. */
function sheet(widthTiles: number, tiles: number, fill = 0): Sheet {
  const rows = Math.ceil(tiles / widthTiles);
  return { width: widthTiles * 8, height: rows * 8, pixels: new Uint8Array(widthTiles * rows * 64).fill(fill), tiles };
}

const at = (s: Sheet, x: number, y: number) => s.pixels[y * s.width + x];

describe('edit-pixels: tools', () => {
  it('cells past the last tile are not part of the sprite', () => {
    const s = sheet(2, 3);
    assert.equal(inside(s, 15, 7), true);
    assert.equal(inside(s, 7, 15), true);
    assert.equal(inside(s, 8, 8), false);
    assert.equal(inside(s, -1, 0), false);
    assert.equal(new Stroke(s).set(9, 9, 1), false);
  });

  it('a stroke records each pixel once with its first value, and rolls back', () => {
    const s = sheet(1, 1);
    const st = new Stroke(s);
    st.set(1, 1, 3);
    st.set(1, 1, 4);
    st.set(2, 1, 5);
    st.set(2, 1, 0); // back to what it was: not a change
    assert.deepEqual(st.changes(), [9, 0, 4]);
    assert.equal(st.size, 1);
    st.rollback();
    assert.ok(s.pixels.every((v) => v === 0));
  });

  it('lines are connected and include both ends, in any direction', () => {
    for (const [x0, y0, x1, y1] of [
      [0, 0, 7, 3],
      [7, 3, 0, 0],
      [2, 7, 2, 0],
      [0, 5, 6, 5],
      [3, 3, 3, 3],
    ] as const) {
      const pts = linePoints(x0, y0, x1, y1);
      assert.deepEqual(pts[0], [x0, y0]);
      assert.deepEqual(pts[pts.length - 1], [x1, y1]);
      assert.equal(pts.length, Math.max(Math.abs(x1 - x0), Math.abs(y1 - y0)) + 1);
      for (let i = 1; i < pts.length; i++) assert.ok(Math.abs(pts[i]![0] - pts[i - 1]![0]) <= 1 && Math.abs(pts[i]![1] - pts[i - 1]![1]) <= 1);
    }
  });

  it('rectangles: outline and filled, corners in any order', () => {
    const r = rectBetween(5, 4, 1, 1);
    assert.deepEqual(r, { x: 1, y: 1, w: 5, h: 4 });
    assert.equal(rectPoints(r).length, 2 * 5 + 2 * 2);
    assert.equal(rectPoints(r, true).length, 20);
    const s = sheet(1, 1);
    assert.equal(plot(new Stroke(s), rectPoints(r), 2), 14);
    assert.equal(at(s, 1, 1), 2);
    assert.equal(at(s, 3, 2), 0);
  });

  it('flood fill is 4-way, stops at other colours and at the sprite edge', () => {
    const s = sheet(2, 3);
    // A diagonal wall of 1s from (0,4) to (4,0): the fill from (0,0) must not leak past it diagonally.
    const st = new Stroke(s);
    plot(st, linePoints(0, 4, 4, 0), 1);
    const n = floodFill(new Stroke(s), 0, 0, 7);
    assert.equal(n, 10); // the triangle above the wall: 4+3+2+1
    assert.equal(at(s, 0, 0), 7);
    assert.equal(at(s, 5, 5), 0);
    // The whole rest: 3 tiles of 64 minus the wall (5) and the triangle (10); the missing cell stays 0.
    const rest = floodFill(new Stroke(s), 5, 12, 2);
    assert.equal(rest, 3 * 64 - 15);
    assert.equal(at(s, 12, 12), 0);
    assert.equal(floodFill(new Stroke(s), 5, 12, 2), 0, 'same colour: nothing to fill');
    assert.equal(floodFill(new Stroke(s), 12, 12, 2), 0, 'outside the sprite');
  });

  it('flips and quarter turns of regions', () => {
    const r: Region = { width: 3, height: 2, pixels: Uint8Array.of(1, 2, 3, 4, 5, 6) };
    assert.deepEqual([...flipRegion(r, 'horizontal').pixels], [3, 2, 1, 6, 5, 4]);
    assert.deepEqual([...flipRegion(r, 'vertical').pixels], [4, 5, 6, 1, 2, 3]);
    const t = rotateRegion(r);
    assert.deepEqual([t.width, t.height], [2, 3]);
    assert.deepEqual([...t.pixels], [4, 1, 5, 2, 6, 3]);
    let back = r;
    for (let i = 0; i < 4; i++) back = rotateRegion(back);
    assert.deepEqual(back, r);
  });

  it('a tile flips and turns in place; a turn of a non-square selection is refused', () => {
    const s = sheet(2, 4);
    s.pixels[0] = 9; // (0, 0)
    const st = new Stroke(s);
    assert.ok(transformRect(st, tileRectAt(3, 3, 8), 'flipH'));
    assert.equal(at(s, 7, 0), 9);
    assert.ok(transformRect(st, tileRectAt(3, 3, 16), 'rotate'));
    assert.equal(at(s, 15, 7), 9); // (7, 0) turned clockwise in a 16x16: (15 - 0, 7)
    assert.ok(transformRect(st, tileRectAt(0, 0, 16), 'flipV'));
    assert.equal(at(s, 15, 8), 9);
    assert.equal(transformRect(st, { x: 0, y: 0, w: 4, h: 2 }, 'rotate'), false);
    st.rollback();
    assert.equal(at(s, 0, 0), 9);
  });

  it('selections copy, paste (colour 0 see-through when asked) and move', () => {
    const s = sheet(2, 4);
    const st = new Stroke(s);
    plot(st, rectPoints({ x: 0, y: 0, w: 2, h: 2 }, true), 3);
    s.pixels[0] = 0; // a hole in the 2x2 block
    const region = copyRegion(s, { x: 0, y: 0, w: 2, h: 2 });
    assert.deepEqual([...region.pixels], [0, 3, 3, 3]);
    plot(st, [[10, 10]], 5);
    pasteRegion(st, region, 10, 10, true);
    assert.equal(at(s, 10, 10), 5, 'colour 0 left the pixel under it');
    pasteRegion(st, region, 10, 10);
    assert.equal(at(s, 10, 10), 0);
    moveRegion(st, { x: 0, y: 0, w: 2, h: 2 }, 4, 0, 1);
    assert.deepEqual([at(s, 0, 0), at(s, 1, 1), at(s, 4, 0), at(s, 5, 1)], [1, 1, 0, 3]);
    assert.deepEqual(clip(s, { x: -2, y: 14, w: 5, h: 5 }), { x: 0, y: 14, w: 3, h: 2 });
    assert.equal(clip(s, { x: 20, y: 0, w: 2, h: 2 }), null);
  });
});
