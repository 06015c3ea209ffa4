import * as assert from 'node:assert/strict';
import { Canvas } from '../../../src/core/demo/art/canvas';
import { fontGlyphRows } from '../../../src/core/demo/art/font';
import { palette, toBgr555 } from '../../../src/core/demo/art/palette';
import { rng } from '../../../src/core/demo/art/random';
import { frames } from '../../../src/core/demo/art/sprite-art';
import { gapAfter, LOROM_BANK, placeBlocks } from '../../../src/core/demo/layout';
import { encodeSheet } from '../../../src/core/demo/sheet';

describe('demo art toolkit and layout', () => {
  it('draws shapes at pixel centres, clips at the edges and outlines what is drawn', () => {
    const c = new Canvas(8, 8);
    c.rect(-2, -2, 4, 4, 1);
    assert.equal(c.get(0, 0), 1);
    assert.equal(c.get(1, 1), 1);
    assert.equal(c.get(2, 2), 0);
    assert.equal(c.get(-1, 0), 0, 'outside reads as empty');
    c.paint(5, 5, 3);
    assert.equal(c.get(5, 5), 0, 'paint only touches drawn pixels');
    c.outline(2);
    assert.equal(c.get(2, 0), 2);
    assert.equal(c.get(0, 2), 2);
    assert.equal(c.get(2, 2), 0, 'no diagonal outline by default');
    const e = new Canvas(5, 5);
    e.set(2, 2, 1);
    e.outline(4, true);
    assert.equal(e.get(1, 1), 4, 'diagonal outline');
    assert.equal(e.get(0, 0), 0);
    const d = new Canvas(5, 5);
    d.line(0, 4, 4, 0, 1);
    for (let i = 0; i < 5; i++) assert.equal(d.get(i, 4 - i), 1);
    const p = new Canvas(4, 4);
    p.poly(
      [
        [0, 0],
        [4, 0],
        [4, 4],
        [0, 4],
      ],
      7,
    );
    assert.ok(p.px.every((v) => v === 7));
  });

  it('lays out frames with their mirrored copies after them', () => {
    const s = frames(8, 8, 2, (c, i) => c.set(i, 0, 1), { mirror: true, perRow: 2 });
    assert.equal(s.w, 16);
    assert.equal(s.h, 16);
    assert.equal(s.get(0, 0), 1);
    assert.equal(s.get(9, 0), 1);
    assert.equal(s.get(7, 8), 1, 'frame 0 mirrored');
    assert.equal(s.get(14, 8), 1, 'frame 1 mirrored');
  });

  it('builds palettes from named ramps and refuses too many colours', () => {
    const p = palette({ o: ['#000010'], r: ['#ff0000', '#00ff00'] }, '#123456');
    assert.deepEqual(p.c, { o: [1], r: [2, 3] });
    const words = toBgr555(p.hex);
    assert.equal(words[2], 0x1f);
    assert.equal(words[3], 0x1f << 5);
    assert.throws(() => palette({ a: Array<string>(16).fill('#ffffff') }), /needs 17 colours, only 16 fit/);
  });

  it('has a deterministic noise source and a glyph for each character it draws', () => {
    const a = rng(5);
    const b = rng(5);
    for (let i = 0; i < 10; i++) assert.equal(a(), b());
    assert.deepEqual(fontGlyphRows('I'), [14, 4, 4, 4, 4, 4, 14]);
    assert.throws(() => fontGlyphRows('~'), /no glyph/);
  });

  it('refuses sheets that are not whole tiles', () => {
    const art = { name: 'odd', kind: 'item' as const, bpp: 4 as const, palette: [], image: new Canvas(12, 8), mirroredFrames: false };
    assert.throws(() => encodeSheet(art), /not whole 8x8 tiles/);
  });

  it('places blocks without crossing banks, and refuses blocks that cannot fit', () => {
    const { offsets } = placeBlocks([0x7000, 0x2000, 0x100], 0, 0x20000);
    assert.equal(offsets[0], 0);
    assert.equal(offsets[1], LOROM_BANK, 'moved to the next bank');
    assert.ok(offsets[2]! > offsets[1]! + 0x2000 - 1);
    assert.throws(() => placeBlocks([0x8001], 0, 0x20000), /more than a LoROM bank/);
    assert.throws(() => placeBlocks([0x6000, 0x6000], 0, 0x8000), /do not fit/);
    const kinds = new Set(Array.from({ length: 14 }, (_, i) => gapAfter(i).type));
    assert.deepEqual(kinds, new Set(['none', 'free', 'data']));
  });
});
