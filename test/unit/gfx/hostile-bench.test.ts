import * as assert from 'node:assert/strict';
import { hostileBench } from '../../../src/bench/hostile';

describe('bench group hostile', () => {
  it('builds every bomb and reports each as refused cleanly (the timing and memory targets are the bench output)', async () => {
    const rows = await hostileBench.run({ quick: true, sharedDir: null, log: () => undefined });
    const keys = rows.map((r) => r.key);
    for (const k of ['png40000', 'pngIccp', 'png16384', 'pngIdatBomb', 'pngIdatBombMax']) {
      const time = rows.find((r) => r.key === `${k}Ms`);
      assert.ok(time && keys.includes(`${k}MB`), k);
      assert.match(time.note!, k === 'pngIccp' ? /imported, chunk skipped/ : /; refused cleanly;/, k);
      assert.equal(time.target, '< 100 ms');
    }
    assert.ok(rows.every((r) => Number.isFinite(r.value) && r.value >= 0));
  });
});
