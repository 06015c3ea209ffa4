import * as assert from 'node:assert/strict';
import { buildDemoDumps, DEMO_OBJ_BASE } from '../../../src/core/demo/demo-dumps';
import { parseOam } from '../../../src/core/dumps/oam';
import { findObjBase, renderSpriteScreen } from '../../../src/core/dumps/vram-sheet';

describe('demo memory dumps', () => {
  it('make a scene the dump tools read back: 12 large sprites on screen in 8 palettes, OBJ tiles at 0xC000', () => {
    const { vram, cgram, oam } = buildDemoDumps();
    assert.equal(vram.length, 65536);
    assert.equal(cgram.length, 512);
    assert.equal(oam.length, 544);
    const entries = parseOam(oam);
    const visible = entries.filter((e) => e.visible);
    assert.equal(visible.length, 12);
    assert.ok(visible.every((e) => e.large && e.width === 16));
    assert.deepEqual(
      [...new Set(visible.map((e) => e.palette))].sort((a, b) => a - b),
      [8, 9, 10, 11, 12, 13, 14, 15],
    );
    assert.equal(visible.filter((e) => e.hflip).length, 4);
    assert.equal(findObjBase(vram, entries).base, DEMO_OBJ_BASE);
    const screen = renderSpriteScreen(vram, cgram, entries, { base: DEMO_OBJ_BASE });
    let opaque = 0;
    for (let i = 3; i < screen.rgba.length; i += 4) if (screen.rgba[i] === 255) opaque++;
    assert.ok(opaque > 12 * 60, `${opaque} opaque pixels: the sprites are drawn`);
  });
});
