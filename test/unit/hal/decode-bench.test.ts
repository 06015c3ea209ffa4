import * as assert from 'node:assert/strict';
import { decodeBench } from '../../../src/bench/decode';
import { sharedDir } from '../../support/shared';

describe('bench group decode', () => {
  it('runs quickly: the cold pass in a fresh process, MB/s per corpus file, every offset', async function () {
    this.timeout(120_000);
    const shared = sharedDir();
    const rows = await decodeBench.run({ quick: true, sharedDir: shared, log: () => undefined });
    const keys = rows.map((r) => r.key);
    assert.equal(keys[0], 'halDecodeColdFirstPassMs');
    assert.ok(rows[0]!.value > 0 && Number.isFinite(rows[0]!.value), `cold pass ${rows[0]!.value} ms`);
    assert.match(rows[0]!.note ?? '', /^\d+ bytes; second pass [\d.]+ ms$/);
    if (!shared) {
      assert.deepEqual(keys.slice(1), ['halDecodeCorpusMissing']);
      return;
    }
    // A quick run never builds exhal: the rows say so instead of comparing.
    assert.ok(keys.includes('halDecodeExhalMissing'));
    for (const name of ['Sprite64k', 'KssCaveVram64k', 'Zeros64k']) {
      for (const key of [`halDecode${name}MBps`, `halDecodeInto${name}MBps`]) {
        const row = rows.find((r) => r.key === key);
        assert.ok(row && Number.isFinite(row.value) && row.value > 0, `${key}: ${row?.value}`);
      }
    }
    const target = rows.find((r) => r.key === 'halDecodeIntoSprite64kMBps')!;
    assert.equal(target.target, '>= 1200 MB/s');
    assert.equal(typeof target.pass, 'boolean');
    assert.ok(rows.find((r) => r.key === 'halScanEveryOffsetNs')!.value > 0);
  });
});
