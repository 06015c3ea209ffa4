import * as assert from 'node:assert/strict';
import { codecsBench, CODEC_BENCH_CASES, runCodecCases } from '../../../src/bench/codecs';
import { decodeVia, type Codec } from '../../../src/core/codec';
import { sharedDir } from '../../support/shared';

describe('bench group codecs', () => {
  it('runs quickly: decode MB/s, encode size against sfc-comp (1.00x), the probe rows', async function () {
    this.timeout(300_000);
    const shared = sharedDir();
    const rows = await codecsBench.run({ quick: true, sharedDir: shared, log: () => undefined });
    const row = (key: string) => rows.find((r) => r.key === key);
    for (const c of CODEC_BENCH_CASES) {
      const tables = rows.find((r) => r.key.endsWith('ProbeTablesStrong') && r.label.startsWith(c.codec.id));
      assert.ok(tables && tables.value === 0 && tables.pass === true, `${c.codec.id} tables`);
    }
    if (!shared) {
      assert.ok(row('codecsCorpusMissing'));
      return;
    }
    for (const id of ['LcLz2', 'LcLz3']) {
      const vs = row(`${id}EncodeCorpusVsReference`)!;
      assert.equal(vs.value, 1, `${id}: ${vs.note}`);
      assert.equal(vs.pass, true);
      assert.ok(row(`${id}DecodeSprite8kMBps`)!.value > 0);
      assert.equal(row(`${id}ProbeHomebrewStrong`)!.value, 0);
      assert.ok(row(`${id}ProbeRecallPct`)!.value >= 90);
    }
    assert.ok(row('GbaLz77EncodeCorpusVsGreedy')!.value <= 1);
    assert.ok(row('GbaLz77ProbeNsPerOffset')!.value > 0);
  });

  it('takes any codec with a reference: one entry joins the group', async function () {
    this.timeout(60_000);
    const shared = sharedDir();
    if (!shared) this.skip();
    // a stand-in "codec" that stores bytes raw with a length prefix, checked against itself
    const decodeInto: Codec['decodeInto'] = (src, start, out) => {
      const n = src[start]! | (src[start + 1]! << 8) | (src[start + 2]! << 16);
      out.set(src.subarray(start + 3, start + 3 + n));
      return { ok: true, size: n, consumed: n + 3 };
    };
    const stored: Codec = {
      id: 'stored',
      name: 'stored',
      usedBy: ['test'],
      version: 'stored-1',
      maxOutput: 0x10000,
      selfDelimiting: true,
      levels: ['only'],
      defaultLevel: 'only',
      decodeInto,
      decode: decodeVia({ id: 'stored', maxOutput: 0x10000, decodeInto }),
      encode: (d) => Uint8Array.from([d.length & 0xff, (d.length >> 8) & 0xff, d.length >> 16, ...d]),
    };
    const rows = await runCodecCases({ quick: true, sharedDir: shared, log: () => undefined }, [{ codec: stored, baselineLevel: 'only' }]);
    assert.equal(rows.find((r) => r.key === 'StoredEncodeCorpusVsOnly')!.value, 1);
    assert.ok(rows.some((r) => r.key === 'StoredDecodeSprite64kMBps'));
  });
});
