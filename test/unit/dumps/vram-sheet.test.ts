import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { encode } from 'fast-png';
import { parseOam, type OamEntry } from '../../../src/core/dumps/oam';
import { DEFAULT_OBJ_BASE, findObjBase, objTileAddress, renderSpriteScreen, spriteCellTile, VramError } from '../../../src/core/dumps/vram-sheet';
import { readShared, requireShared } from '../../support/shared';

function entry(over: Partial<OamEntry>): OamEntry {
  return { index: 0, x: 0, y: 0, tile: 0, palette: 8, priority: 0, hflip: false, vflip: false, large: false, width: 8, height: 8, visible: true, ...over };
}

/** A 4bpp tile whose pixel (x, y) is `f(x, y)`, written into VRAM at `at`. */
function putTile(vram: Uint8Array, at: number, f: (x: number, y: number) => number): void {
  for (let y = 0; y < 8; y++)
    for (let x = 0; x < 8; x++) {
      const v = f(x, y);
      for (let p = 0; p < 4; p++) if ((v >> p) & 1) vram[at + (p >> 1) * 16 + 2 * y + (p & 1)]! |= 0x80 >> x;
    }
}

function pixel(s: { rgba: Uint8ClampedArray; width: number }, x: number, y: number): number[] {
  const o = (y * s.width + x) * 4;
  return [...s.rgba.subarray(o, o + 4)];
}

describe('dumps/vram-sheet', () => {
  it('addresses tiles from the base, the second table after the name-select gap, cells wrapping in rows', () => {
    assert.equal(objTileAddress(1, { base: 0xc000 }), 0xc020);
    assert.equal(objTileAddress(0x100, { base: 0xc000 }), 0xe000);
    assert.equal(objTileAddress(0x100, { base: 0xc000, nameSelect: 1 }), 0x0000);
    assert.equal(spriteCellTile(0x0f, 1, 0), 0x00);
    assert.equal(spriteCellTile(0x1f2, 1, 1), 0x103);
    assert.equal(spriteCellTile(0x0f0, 0, 1), 0x000);
  });

  it('draws a 16x16 sprite with its palette, flips, clipping and lower index on top', () => {
    const vram = new Uint8Array(0x10000);
    const cgram = new Uint8Array(512);
    // palette 9 colour 1 = pure red, colour 2 = pure blue; palette 8 colour 3 = green
    cgram.set([0x1f, 0x00], (9 * 16 + 1) * 2);
    cgram.set([0x00, 0x7c], (9 * 16 + 2) * 2);
    cgram.set([0xe0, 0x03], (8 * 16 + 3) * 2);
    putTile(vram, 0xc000, (x, y) => (x === 0 && y === 0 ? 1 : 0)); // tile 0: one red dot top-left
    putTile(vram, 0xc000 + 17 * 32, () => 2); // tile 17: solid blue (bottom-right of a 16x16 at tile 0)
    putTile(vram, 0xc000 + 5 * 32, () => 3);
    const big = entry({ index: 1, x: 10, y: 20, palette: 9, large: true, width: 16, height: 16 });
    let s = renderSpriteScreen(vram, cgram, [big], { base: 0xc000 });
    assert.deepEqual(pixel(s, 10, 20), [255, 0, 0, 255]);
    assert.deepEqual(pixel(s, 11, 20), [0, 0, 0, 0]);
    assert.deepEqual(pixel(s, 18, 28), [0, 0, 255, 255]);
    s = renderSpriteScreen(vram, cgram, [{ ...big, hflip: true, vflip: true }], { base: 0xc000 });
    assert.deepEqual(pixel(s, 25, 35), [255, 0, 0, 255]);
    assert.deepEqual(pixel(s, 10, 20), [0, 0, 255, 255]);
    // an 8x8 at index 0 over the big one wins; an off-screen entry is skipped
    const top = entry({ index: 0, x: 18, y: 28, tile: 5 });
    s = renderSpriteScreen(vram, cgram, [top, big, entry({ index: 2, visible: false, tile: 5 })], { base: 0xc000 });
    assert.deepEqual(pixel(s, 18, 28), [0, 255, 0, 255]);
    assert.deepEqual(pixel(s, 0, 0), [0, 0, 0, 0]);
    assert.deepEqual(s.drawn, [0, 1]);
    // clipped at the left edge, wrapped from the bottom; grayscale without CGRAM
    s = renderSpriteScreen(vram, null, [entry({ x: -4, y: 252, tile: 5 })], { base: 0xc000 });
    assert.deepEqual(pixel(s, 0, 0), [51, 51, 51, 255]);
    assert.deepEqual(pixel(s, 3, 3), [51, 51, 51, 255]);
    assert.deepEqual(pixel(s, 4, 0), [0, 0, 0, 0]);
    assert.throws(() => renderSpriteScreen(new Uint8Array(10), null, [], { base: 0 }), VramError);
  });

  it('finds the base where sprite seams continue, and keeps the default without evidence', () => {
    const vram = new Uint8Array(0x10000);
    for (let i = 0; i < vram.length; i++) vram[i] = (i * 2654435761) >>> 27; // noise everywhere
    // at 0x4000: four 16x16 sprites of horizontal stripes continuing across the tile seams
    vram.fill(0, 0x4000, 0x4000 + 64 * 32);
    for (let t = 0; t < 64; t++) putTile(vram, 0x4000 + t * 32, (_x, y) => 1 + (y % 4));
    const entries = [0, 2, 4, 6].map((tile, i) => entry({ index: i, tile, x: i * 40, y: 50, large: true, width: 16, height: 16 }));
    const guess = findObjBase(vram, entries);
    assert.equal(guess.base, 0x4000);
    assert.equal(guess.confident, true);
    assert.equal(guess.scores.length, 4);
    const none = findObjBase(vram, []);
    assert.deepEqual([none.base, none.confident], [DEFAULT_OBJ_BASE, false]);
    assert.equal(findObjBase(vram, [], { fallback: 0x8000 }).base, 0x8000);
  });

  describe('real Kirby Super Star dumps: the on-screen sheet', () => {
    let shared = '';
    before(function () {
      shared = requireShared(this);
    });

    // Golden images: reviewed by eye once (Kirby, Poppy Bros. Jr. and a mask enemy in the cave; Kirby
    // with Poppy Bros. Jr. and a Waddle Doo in the other scene). SHA-256 of the RGBA pixels.
    const cases = [
      {
        vram: 'Cave.SnesVideoRam.dmp',
        cgram: 'Cave.SnesCgRam.dmp',
        oam: 'Cave.SnesSpriteRam.dmp',
        drawn: 18,
        sha: 'b4a78178114d83863a7fb378f01d0103b998c121d5bba4f6ce07c509da3d0387',
      },
      {
        vram: 'SnesVideoRam.VRAM.dmp',
        cgram: 'SnesCgRam.dmp',
        oam: 'SnesSpriteRam.OAM.dmp',
        drawn: 23,
        sha: '00a8b3b6eae71406acdac8732012f0c21f3fe166ec51a96f4f2e889be6643761',
      },
    ];
    for (const c of cases) {
      it(`${c.vram}: base found at 0xC000 and the sheet matches the reviewed golden`, () => {
        const read = (f: string) => readShared(shared, 'fixtures', 'kss-mesen', f);
        const vram = read(c.vram);
        const entries = parseOam(read(c.oam));
        const guess = findObjBase(vram, entries);
        assert.equal(guess.base, 0xc000);
        assert.equal(guess.confident, true);
        const s = renderSpriteScreen(vram, read(c.cgram), entries, { base: guess.base });
        const dir = resolve(process.cwd(), 'test-results');
        mkdirSync(dir, { recursive: true });
        writeFileSync(join(dir, `sheet-${c.vram}.png`), encode({ width: s.width, height: s.height, data: s.rgba, channels: 4 }));
        assert.deepEqual([s.width, s.height, s.drawn.length], [256, 224, c.drawn]);
        assert.equal(createHash('sha256').update(s.rgba).digest('hex'), c.sha, `see test-results/sheet-${c.vram}.png`);
      });
    }
  });
});
