import * as assert from 'node:assert/strict';
import { lz4Bench } from '../../../src/bench/lz4';
import { sharedDir } from '../../support/shared';

describe('bench group lz4', () => {
  it('runs quickly: LZ4 decode and encode rows, the other codecs, the probe rows', async function () {
    this.timeout(120_000);
    const shared = sharedDir();
    const rows = await lz4Bench.run({ quick: true, sharedDir: shared, log: () => undefined });
    const keys = rows.map((r) => r.key);
    if (!shared) {
      assert.deepEqual(keys, ['lz4CorpusMissing']);
      return;
    }
    for (const key of [
      'lz4DecodeIntoSprite64kMBps',
      'lzsa1DecodeSprite64kMBps',
      'lzsa2DecodeKssCaveVram64kMBps',
      'zx0DecodeSprite64kMBps',
      'nesdougRleDecodeSprite64kMBps',
    ]) {
      const row = rows.find((r) => r.key === key);
      assert.ok(row && Number.isFinite(row.value) && row.value > 0, `${key}: ${row?.value}`);
    }
    // a quick run never runs lz4 -b: the row says so instead of comparing
    assert.ok(keys.includes('lz4CliMissing'));
    for (const key of [
      'lz4EncodeSprite64kVsLz4_12',
      'lz4EncodeCorpusVsLz4_12',
      'lz4ProbeHomebrewFramesExact',
      'zx0ProbeHomebrewStrong',
      'nesdougRleProbeNumericTablesStrong',
    ]) {
      const row = rows.find((r) => r.key === key)!;
      assert.equal(row.pass, true, `${key}: ${row.value} ${row.unit} (${row.note ?? ''})`);
    }
    assert.equal(rows.find((r) => r.key === 'lz4ProbeHomebrewFramesExact')!.value, 2, 'libsfx-Hello.sfc holds 2 frames');
  });
});
