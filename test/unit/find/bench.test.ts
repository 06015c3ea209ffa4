import * as assert from 'node:assert/strict';
import { findBench } from '../../../src/bench/find';

describe('bench group find', () => {
  it('runs quickly and reports both searches with their targets', async function () {
    this.timeout(60_000);
    const rows = await findBench.run({ quick: true, sharedDir: null, log: () => undefined });
    assert.deepEqual(
      rows.map((r) => r.key),
      ['findRaw4MiBMs', 'findBlocks2MiBMs'],
    );
    for (const r of rows) {
      assert.ok(Number.isFinite(r.value) && r.value > 0, `${r.key} = ${r.value}`);
      assert.match(r.target ?? '', /planted copy found/);
      assert.equal(typeof r.pass, 'boolean');
    }
  });
});
