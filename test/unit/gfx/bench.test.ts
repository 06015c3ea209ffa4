import * as assert from 'node:assert/strict';
import { gfxBench } from '../../../src/bench/gfx';

describe('bench group gfx', () => {
  it('runs quickly and reports every figure with the 4bpp target', async () => {
    const rows = await gfxBench.run({ quick: true, sharedDir: null, log: () => undefined });
    const keys = rows.map((r) => r.key);
    for (const k of ['decode2bppMBps', 'decode4bppMBps', 'decode8bppMBps', 'decodeMode7MBps', 'decode4bppIntoMBps', 'pngEncodeSheetMs', 'pngDecodeSheetMs'])
      assert.ok(keys.includes(k), k);
    const t = rows.find((r) => r.key === 'decode4bppMBps')!;
    assert.equal(t.target, '>= 200 MB/s');
    assert.equal(typeof t.pass, 'boolean');
    assert.ok(rows.every((r) => Number.isFinite(r.value) && r.value > 0));
  });
});
