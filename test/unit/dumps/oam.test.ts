import * as assert from 'node:assert/strict';
import { isOnScreen, OamError, parseOam } from '../../../src/core/dumps/oam';
import { readShared, requireShared } from '../../support/shared';

/** Bit i of the OAM bytes (bit 0 = LSB of byte 0): an independent reading of the layout. */
function bit(oam: Uint8Array, i: number): number {
  return Math.floor(oam[Math.floor(i / 8)]! / 2 ** (i % 8)) % 2;
}
function bits(oam: Uint8Array, start: number, count: number): number {
  let v = 0;
  for (let k = count - 1; k >= 0; k--) v = v * 2 + bit(oam, start + k);
  return v;
}

/** Entry n, bit by bit: 32 bits in the low table, 2 in the high table at bit 4096 + 2n. */
function reference(oam: Uint8Array, n: number) {
  const lo = n * 32;
  const xHigh = bit(oam, 4096 + 2 * n);
  const size = bit(oam, 4096 + 2 * n + 1);
  const x9 = bits(oam, lo, 8) + 256 * xHigh;
  return {
    x: xHigh ? x9 - 512 : x9,
    y: bits(oam, lo + 8, 8),
    tile: bits(oam, lo + 16, 8) + 256 * bit(oam, lo + 24),
    palette: 8 + bits(oam, lo + 25, 3),
    priority: bits(oam, lo + 28, 2),
    hflip: bit(oam, lo + 30) === 1,
    vflip: bit(oam, lo + 31) === 1,
    large: size === 1,
  };
}

describe('dumps/oam', () => {
  it('decodes a hand-made entry: 9-bit signed X, palette from bits 1-3, high-table bits', () => {
    const oam = new Uint8Array(544);
    oam.set([0xf0, 100, 0x42, 0b1110_1011], 4 * 5); // sprite 5: V, H, priority 2, palette bits 101, tile bit 8
    oam[512 + 1] = 0b0000_0011 << 2; // sprite 5 is byte 1, bits 2-3: X bit 8 and large
    const e = parseOam(oam)[5]!;
    assert.deepEqual(
      {
        x: e.x,
        y: e.y,
        tile: e.tile,
        palette: e.palette,
        priority: e.priority,
        hflip: e.hflip,
        vflip: e.vflip,
        large: e.large,
        width: e.width,
        visible: e.visible,
      },
      { x: 0xf0 - 256, y: 100, tile: 0x142, palette: 13, priority: 2, hflip: true, vflip: true, large: true, width: 16, visible: false },
    );
    const small = parseOam(oam, { sizeMode: 5 })[0]!;
    assert.equal(small.width, 32);
  });

  it('knows what is on screen, with Y wrapping at 256', () => {
    assert.equal(isOnScreen(0, 0, 8, 8), true);
    assert.equal(isOnScreen(-8, 0, 8, 8), false);
    assert.equal(isOnScreen(-7, 0, 8, 8), true);
    assert.equal(isOnScreen(256, 0, 8, 8), false);
    assert.equal(isOnScreen(0, 223, 8, 8), true);
    assert.equal(isOnScreen(0, 224, 16, 16), false);
    assert.equal(isOnScreen(0, 240, 16, 16), false);
    assert.equal(isOnScreen(0, 241, 16, 16), true);
  });

  it('refuses wrong sizes and size modes', () => {
    assert.throws(() => parseOam(new Uint8Array(512)), OamError);
    assert.throws(() => parseOam(new Uint8Array(544), { sizeMode: 8 }), /0-7/);
  });

  describe('real Kirby Super Star dumps', () => {
    let shared = '';
    before(function () {
      shared = requireShared(this);
    });

    for (const file of ['Cave.SnesSpriteRam.dmp', 'SnesSpriteRam.OAM.dmp']) {
      it(`${file}: all 128 entries equal a bit-by-bit decoding`, () => {
        const oam = readShared(shared, 'fixtures', 'kss-mesen', file);
        const entries = parseOam(oam);
        assert.equal(entries.length, 128);
        entries.forEach((e, n) => {
          assert.equal(e.index, n);
          const { x, y, tile, palette, priority, hflip, vflip, large } = e;
          assert.deepEqual({ x, y, tile, palette, priority, hflip, vflip, large }, reference(oam, n), `entry ${n}`);
        });
      });
    }

    it('the cave scene has 18 sprites on screen, Kirby among them with palette 8', () => {
      const entries = parseOam(readShared(shared, 'fixtures', 'kss-mesen', 'Cave.SnesSpriteRam.dmp'));
      const visible = entries.filter((e) => e.visible);
      assert.deepEqual(
        visible.map((e) => e.index),
        [...Array(18).keys()],
      );
      assert.deepEqual([visible[5]!.x, visible[5]!.y, visible[5]!.tile, visible[5]!.large, visible[5]!.palette], [24, 83, 0, true, 8]);
      assert.equal(visible[12]!.palette, 11);
    });
  });
});
