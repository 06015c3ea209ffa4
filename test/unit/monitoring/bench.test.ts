import * as assert from 'node:assert/strict';
import { monitoringBench } from '../../../src/bench/monitoring';

describe('bench group monitoring: the gallery workload', () => {
  it('reports the on/off ratio and the reopen hit rate; the reopen is served from the disk cache', async () => {
    const logs: string[] = [];
    const rows = await monitoringBench.run({ quick: true, sharedDir: null, log: (m) => logs.push(m) });
    const byKey = new Map(rows.map((r) => [r.key, r]));
    for (const k of ['monitoringOverheadRatio', 'reopenCacheHitRate', 'galleryPassMsOn', 'galleryPassMsOff', 'reopenRegistryHitRate'])
      assert.ok(byKey.has(k), k);
    const ratio = byKey.get('monitoringOverheadRatio')!;
    assert.equal(ratio.target, '<= 1.01');
    assert.ok(Number.isFinite(ratio.value) && ratio.value > 0);
    // Counting, not timing: every lookup of the reopened session is answered by memory or disk.
    const hit = byKey.get('reopenCacheHitRate')!;
    assert.equal(hit.value, 1, hit.note);
    assert.equal(hit.pass, true);
    // The status bar's figure agrees: disk hits are memory misses served, not extra lookups.
    assert.equal(byKey.get('reopenRegistryHitRate')!.value, 1);
    assert.match(logs.join('\n'), /gallery: \d+ blocks/);
  });
});
