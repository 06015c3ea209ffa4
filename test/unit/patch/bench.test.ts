import * as assert from 'node:assert/strict';
import { patchBench } from '../../../src/bench/patch';
import { patchBenchPair, unrelatedPatchPair } from '../../../src/bench/patch-pair';
import { countChanged } from '../../../src/core/patch';
import { sharedDir } from '../../support/shared';

describe('bench group patch', () => {
  it('the pair is a 4 MiB ROM with scattered edits, the same for the same seed', () => {
    const a = patchBenchPair(null);
    const b = patchBenchPair(null);
    assert.equal(a.source.length, 4 * 1024 * 1024);
    assert.deepEqual(a.target, b.target);
    const changed = countChanged(a.source, a.target);
    assert.ok(changed > 20 && changed < 64 * 1024, `${changed} bytes differ`);
    const shared = sharedDir();
    if (shared) assert.match(patchBenchPair(shared).origin, /homebrew/);
  });

  it('the unrelated pair shares little: most of its bytes differ', () => {
    const shared = sharedDir();
    const pair = unrelatedPatchPair(shared, 1024 * 1024);
    assert.equal(pair.target.length, 1024 * 1024);
    assert.ok(countChanged(pair.source, pair.target) > pair.target.length / 2, pair.origin);
    if (shared) assert.match(pair.origin, /homebrew ROMs 1-7 .* against 8-14/);
  });

  it('runs quickly and reports the time and size rows with their targets', async () => {
    const rows = await patchBench.run({ quick: true, sharedDir: null, log: () => undefined });
    const keys = rows.map((r) => r.key);
    for (const k of [
      'patchBpsCreate4MiBMs',
      'patchBpsSizeVsChanged',
      'patchBpsApply4MiBMs',
      'patchIpsCreate4MiBMs',
      'patchIpsSizeVsChanged',
      'patchIpsApply4MiBMs',
      'patchBpsCreateUnrelatedMs',
      'patchBpsUnrelatedBytes',
      'patchBpsCreateRandomMs',
    ])
      assert.ok(keys.includes(k), k);
    assert.equal(rows.find((r) => r.key === 'patchBpsCreate4MiBMs')!.target, '< 200 ms');
    assert.ok(rows.every((r) => Number.isFinite(r.value) && r.value > 0));
  });
});
