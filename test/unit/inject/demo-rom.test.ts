/** The pipeline on the project's demo ROM: every sprite round-trips unchanged; an edit relocates. */
import * as assert from 'node:assert/strict';
import { decode } from '../../../src/core/hal';
import { decodeTiles } from '../../../src/core/gfx/tiles';
import { buildDemoRom, demoRomLayout } from '../../../src/core/demo/demo-rom';
import { Rom } from '../../../src/core/rom/rom';
import { applyPlan, planInjection } from '../../../src/core/inject';
import { indexedPng, noisyPixels } from './fixture';

describe('inject: demo ROM', function () {
  this.timeout(20000);
  const file = buildDemoRom();
  const rom = new Rom(file, 'demo.sfc');
  const layout = demoRomLayout();

  it('every sprite exported and injected unchanged is no change at all', () => {
    assert.ok(layout.sprites.length > 0);
    for (const s of layout.sprites) {
      const { data } = decode(rom.data, s.romOffset);
      const pixels = decodeTiles(data, s.bpp);
      const png = indexedPng(pixels, 1 << s.bpp, s.widthTiles);
      const plan = planInjection(rom, { romOffset: s.romOffset, kind: 'hal', bpp: s.bpp, widthTiles: s.widthTiles }, png, {});
      assert.equal(plan.unchanged, true, s.name);
      assert.deepEqual(applyPlan(file, rom.copierHeaderSize, plan), file);
    }
  });

  it('an edit that no longer fits moves through the pointer table', () => {
    const s = layout.sprites.find((x) => x.bpp === 4 && x.tiles <= 64)!;
    const edited = noisyPixels(s.tiles);
    const png = indexedPng(edited, 16, s.widthTiles);
    const target = { romOffset: s.romOffset, kind: 'hal' as const, bpp: 4 as const, widthTiles: s.widthTiles };
    const plan = planInjection(rom, target, png, { relocate: true });
    const slot = layout.pointerTable.romOffset + s.index * layout.pointerTable.entryBytes;
    assert.equal(plan.summary.inPlace, false, `${s.name}: noise does not compress into the old block`);
    assert.deepEqual(plan.summary.pointersUpdated, [slot]);
    const out = new Rom(applyPlan(file, rom.copierHeaderSize, plan));
    const ptr = out.data[slot]! | (out.data[slot + 1]! << 8) | (out.data[slot + 2]! << 16);
    assert.equal(out.resolveAddress(`$${ptr.toString(16).padStart(6, '0')}`).romOffset, plan.summary.newRomOffset);
    assert.ok(
      out.data.subarray(s.romOffset, s.romOffset + s.consumed).every((b) => b === plan.summary.padding),
      'old block freed',
    );
    assert.deepEqual(decodeTiles(decode(out.data, plan.summary.newRomOffset).data, 4), edited);
    assert.ok(out.checksum!.valid);
  });
});
