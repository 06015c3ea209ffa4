import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { bgr555ToRgb, bgr555ToRgba, bgr555ToRgbSpritePal, expand5, readBgr555, reduce8, rgbToBgr555, writeBgr555 } from '../../../src/core/gfx/color';
import { cgramPalette, grayscalePalette, paletteRGBA, readCgram, romPalettes } from '../../../src/core/gfx/palette';
import { grayscaleRGBA, renderIndexed } from '../../../src/core/gfx/render';
import { PaletteError } from '../../../src/core/gfx/errors';

describe('gfx/color and palettes', () => {
  it('expands 5-bit channels to full range and back with v >> 3, both conventions', () => {
    assert.equal(expand5(31), 255);
    assert.equal(expand5(0), 0);
    assert.equal(expand5(16), 132);
    for (let c = 0; c < 32; c++) {
      assert.equal(reduce8(expand5(c)), c);
      assert.equal(reduce8(c << 3), c);
    }
    assert.deepEqual(bgr555ToRgb(0x001f), [255, 0, 0]);
    assert.deepEqual(bgr555ToRgb(0x03e0), [0, 255, 0]);
    assert.deepEqual(bgr555ToRgb(0x7c00), [0, 0, 255]);
    assert.deepEqual(bgr555ToRgbSpritePal(0x7fff), [248, 248, 248]);
  });

  it('round-trips every BGR555 colour through RGB', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0x7fff }), (c) => {
        assert.equal(rgbToBgr555(...bgr555ToRgb(c)), c);
        assert.equal(rgbToBgr555(...bgr555ToRgbSpritePal(c)), c);
      }),
    );
  });

  it('reads little-endian words, drops bit 15, and writes them back', () => {
    const w = readBgr555(new Uint8Array([0x34, 0x92, 0xff, 0x7f]), 0, 2);
    assert.deepEqual([...w], [0x1234, 0x7fff]);
    assert.deepEqual([...writeBgr555([0x1234, 0x7fff])], [0x34, 0x12, 0xff, 0x7f]);
    assert.deepEqual([...bgr555ToRgba([0x7fff])], [255, 255, 255, 255]);
  });

  it('takes palettes from CGRAM and ROM bytes', () => {
    const cg = new Uint8Array(512);
    for (let i = 0; i < 256; i++) {
      cg[2 * i] = i;
      cg[2 * i + 1] = i >> 3;
    }
    assert.equal(readCgram(cg).length, 256);
    const p9 = cgramPalette(cg, 9);
    assert.equal(p9.name, 'CGRAM Palette 9');
    assert.equal(p9.colors[0], (9 * 16) | (((9 * 16) >> 3) << 8));
    assert.throws(() => cgramPalette(cg, 16), PaletteError);
    assert.throws(() => readCgram(new Uint8Array(100)), /512 bytes/);
    const rom = romPalettes(cg, 32, 2);
    assert.equal(rom.length, 2);
    assert.deepEqual(rom[1]!.colors, cgramPalette(cg, 2).colors);
    assert.throws(() => romPalettes(cg, 500), /past the end/);
  });

  it('grayscale: BGR555 steps and exact x17 RGBA', () => {
    const g = grayscalePalette();
    assert.equal(g.colors[15], 0x7fff);
    assert.equal(g.colors[0], 0);
    const rgba = grayscaleRGBA(16);
    for (let i = 0; i < 16; i++) assert.equal(rgba[i * 4], i * 17);
    assert.deepEqual(
      paletteRGBA(null, 4).filter((_, i) => i % 4 === 0),
      new Uint8Array([0, 85, 170, 255]),
    );
    assert.deepEqual(paletteRGBA(g).subarray(60, 64), new Uint8Array([255, 255, 255, 255]));
    assert.equal(grayscalePalette(1).colors[0], 0);
  });

  it('renders indices to RGBA, index 0 transparent unless asked otherwise', () => {
    const pal = new Uint8Array([10, 20, 30, 255, 40, 50, 60, 255]);
    const out = renderIndexed(new Uint8Array([0, 1, 3]), 3, 1, pal);
    assert.deepEqual([...out], [0, 0, 0, 0, 40, 50, 60, 255, 40, 50, 60, 255]);
    const opaque = renderIndexed(new Uint8Array([0]), 1, 1, pal, { transparentZero: false });
    assert.deepEqual([...opaque], [10, 20, 30, 255]);
    assert.deepEqual([...renderIndexed(new Uint8Array([1]), 1, 1, new Uint8Array(0))], [0, 0, 0, 0]);
  });
});
