import * as assert from 'node:assert/strict';
import { buildTreeModel, type TreeGroupModel } from '../../../src/core/metrics/tree-model';
import { AT, busySnapshot, emptySnapshot } from './snapshots';

function group(groups: TreeGroupModel[], id: string): TreeGroupModel {
  const g = groups.find((x) => x.id === id);
  assert.ok(g, `group ${id}`);
  return g;
}

function rows(g: TreeGroupModel): [string, string][] {
  return g.items.map((i) => [i.label, i.description]);
}

describe('metrics: tree model', () => {
  it('has the seven groups in order', () => {
    assert.deepEqual(
      buildTreeModel(emptySnapshot()).map((g) => g.label),
      ['Overview', 'Operations', 'Cache', 'Workers', 'Memory', 'Errors', 'Alerts'],
    );
  });

  it('overview: state, overhead, cache, totals, uptime, counters and unclaimed gauges', () => {
    const g = group(buildTreeModel(busySnapshot()), 'overview');
    assert.deepEqual(rows(g), [
      ['Monitoring', 'on'],
      ['Overhead', '0.3%'],
      ['Cache hit rate', '92%'],
      ['Operations timed', '1,542'],
      ['Uptime', '125.0 s'],
      ['Snapshot', new Date(AT).toISOString()],
      ['rom.saves', '1,234'],
      ['ui.panels', '3'],
    ]);
    assert.match(g.items[1]!.tooltip!, /1\.20 ms in instrumentation against 400 ms/);
  });

  it('operations: percentiles and count as the value, everything else in the tooltip', () => {
    const g = group(buildTreeModel(busySnapshot()), 'operations');
    assert.equal(g.description, '3');
    const decode = g.items.find((i) => i.label === 'hal.decode')!;
    assert.equal(decode.description, 'p50 4.00 ms · p95 12.00 ms · 1,500×');
    assert.equal(
      decode.tooltip,
      'hal.decode: 1,500 calls, 3 failed\np50 4.00 ms · p95 12.00 ms · p99 19.50 ms\nmin 1.00 ms · mean 5.00 ms · max 20.00 ms · total 50.00 ms\n3.0 MiB processed, 85.3 MB/s',
    );
    assert.match(g.items.find((i) => i.label === 'thumbnail')!.tooltip!, /40 items, 512\.0 \/s$/);
  });

  it('cache: each level then all levels together', () => {
    const g = group(buildTreeModel(busySnapshot()), 'cache');
    assert.deepEqual(rows(g), [
      ['memory', '94% · 12.0 MiB'],
      ['disk', '50% · 512 B'],
      ['All levels', '92% · 12.0 MiB'],
    ]);
    assert.equal(g.items[0]!.tooltip, '900 hits, 60 misses\n300 entries');
    assert.equal(g.items[1]!.tooltip, '20 hits, 20 misses\n4 evictions');
    assert.equal(g.description, '92%');
  });

  it('cache: a lower level says whose misses it serves; all levels say how they are counted', () => {
    const s = busySnapshot();
    s.caches.disk!.servesMissesOf = 'memory';
    const g = group(buildTreeModel(s), 'cache');
    assert.deepEqual(
      g.items.map((i) => i.label),
      ['memory', 'disk', 'All levels'],
    );
    assert.equal(g.items[1]!.tooltip, '20 hits, 20 misses\n4 evictions\nasked on the misses of memory');
    assert.equal(g.items[2]!.tooltip, '920 hits, 80 misses\n300 entries\n4 evictions\nhits of every level per lookup of the first level');
  });

  it('workers and memory: their gauges, unavailable ones said so', () => {
    const groups = buildTreeModel(busySnapshot());
    assert.deepEqual(rows(group(groups, 'workers')), [
      ['busy', '2'],
      ['queued', '5'],
      ['size', 'unavailable'],
    ]);
    assert.deepEqual(rows(group(groups, 'memory')), [
      ['rss (MB)', '312.5'],
      ['heapUsed (MB)', '88'],
    ]);
  });

  it('errors by kind with the last message; alerts newest first', () => {
    const groups = buildTreeModel(busySnapshot());
    const errors = group(groups, 'errors');
    assert.deepEqual(rows(errors), [['decode-failed', '3']]);
    assert.equal(errors.items[0]!.tooltip, `last (${new Date(AT - 1000).toISOString()}): offset 0x1234: bad command`);
    const alerts = group(groups, 'alerts');
    assert.equal(alerts.description, '7');
    assert.deepEqual(rows(alerts), [
      ['Critical: memory.rssMB', '1,100 MB'],
      ['Warning: thumbnail', '61.5 ms'],
    ]);
    assert.match(alerts.items[0]!.tooltip!, /\(rule memory\)$/);
  });

  it('errors: refused webview messages join the error kinds and the total; none adds no row', () => {
    const errors = group(buildTreeModel(busySnapshot(), { protocolViolations: 1200 }), 'errors');
    assert.deepEqual(rows(errors), [
      ['decode-failed', '3'],
      ['webview protocol', '1,200'],
    ]);
    assert.equal(errors.description, '1,203');
    assert.match(errors.items[1]!.tooltip!, /not part of its protocol/);
    const alone = group(buildTreeModel(emptySnapshot(), { protocolViolations: 2 }), 'errors');
    assert.deepEqual([alone.description, rows(alone)], ['2', [['webview protocol', '2']]]);
    assert.deepEqual(rows(group(buildTreeModel(busySnapshot(), { protocolViolations: 0 }), 'errors')), [['decode-failed', '3']]);
  });

  it('an empty snapshot gives empty groups with dashes, and says when monitoring is off', () => {
    const groups = buildTreeModel(emptySnapshot({ enabled: false }));
    assert.deepEqual(
      groups.filter((g) => g.id !== 'overview').map((g) => [g.id, g.items.length, g.description]),
      [
        ['operations', 0, ''],
        ['cache', 0, ''],
        ['workers', 0, ''],
        ['memory', 0, ''],
        ['errors', 0, ''],
        ['alerts', 0, ''],
      ],
    );
    const overview = group(groups, 'overview');
    assert.equal(overview.description, 'off');
    assert.deepEqual(rows(overview).slice(0, 3), [
      ['Monitoring', 'off'],
      ['Overhead', '—'],
      ['Cache hit rate', '—'],
    ]);
  });
});
