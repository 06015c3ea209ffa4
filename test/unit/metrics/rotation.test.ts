import * as assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MetricsRegistry } from '../../../src/core/metrics/registry';
import { DEFAULT_MAX_BYTES, DEFAULT_MAX_FILES, SnapshotRotator, nodeRotationFs, type RotationFs } from '../../../src/core/metrics/rotation';
import type { MetricsSnapshot } from '../../../src/core/metrics/types';
import { FakeClock } from './fakes';

describe('metrics: SnapshotRotator (real temp dir)', () => {
  let root: string;
  let dir: string;
  let clock: FakeClock;
  let registry: MetricsRegistry;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'spritepal-metrics-'));
    dir = join(root, 'exports'); // does not exist yet: the first write creates it
    clock = new FakeClock(Date.UTC(2025, 0, 2, 3, 4, 5, 678));
    registry = new MetricsRegistry({ processGauges: false, clock: clock.now });
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  /** A snapshot padded (through a counter name) to roughly `bytes` bytes of JSON. */
  function snapshot(padding = 0): MetricsSnapshot {
    const s = registry.snapshot();
    if (padding) s.counters['pad'.padEnd(padding, '.')] = 1;
    return s;
  }

  it('defaults to 7 files and 100 MB', () => {
    assert.deepEqual([DEFAULT_MAX_FILES, DEFAULT_MAX_BYTES], [7, 100 * 1024 * 1024]);
    const r = new SnapshotRotator({ dir });
    assert.deepEqual([r.maxFiles, r.maxBytes], [7, 100 * 1024 * 1024]);
  });

  it('writes the snapshot as JSON named by its timestamp, creating the folder', async () => {
    registry.record('scan', 12);
    const r = new SnapshotRotator({ dir });
    const { path, removed } = await r.write(registry.snapshot());
    assert.equal(path, join(dir, 'spritepal-metrics-2025-01-02T03-04-05-678Z.json'));
    assert.deepEqual(removed, []);
    const back = JSON.parse(readFileSync(path, 'utf8')) as MetricsSnapshot;
    assert.equal(back.operations.scan!.count, 1);
    assert.equal(back.schemaVersion, 1);
  });

  it('keeps at most maxFiles, removing the oldest, and leaves foreign files alone', async () => {
    const r = new SnapshotRotator({ dir, maxFiles: 3 });
    await r.write(snapshot());
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    writeFileSync(join(dir, 'spritepal-metrics-latest.json'), '{}');
    const names: string[] = [];
    const removed: string[] = [];
    for (let i = 0; i < 5; i++) {
      clock.advance(60_000);
      const w = await r.write(snapshot());
      names.push(w.path.slice(dir.length + 1));
      removed.push(...w.removed);
    }
    const kept = await r.files();
    assert.deepEqual(kept, names.slice(-3));
    assert.equal(removed.length, 3);
    assert.ok(readdirSync(dir).includes('notes.txt') && readdirSync(dir).includes('spritepal-metrics-latest.json'));
  });

  it('keeps the total size within maxBytes, removing the oldest, but always keeps the newest', async () => {
    const r = new SnapshotRotator({ dir, maxFiles: 100, maxBytes: 11_000 });
    for (let i = 0; i < 4; i++) {
      clock.advance(1000);
      await r.write(snapshot(3000));
    }
    const kept = await r.files();
    const sizes = kept.map((n) => readFileSync(join(dir, n)).length);
    assert.equal(kept.length, 3, `sizes ${sizes}`);
    assert.ok(sizes.reduce((a, b) => a + b, 0) <= 11_000);
    clock.advance(1000);
    const big = await r.write(snapshot(20_000));
    assert.equal(big.removed.length, 3);
    assert.deepEqual(await r.files(), [big.path.slice(dir.length + 1)]);
  });

  it('numbers snapshots taken in the same millisecond and orders them after the first', async () => {
    const r = new SnapshotRotator({ dir, maxFiles: 2 });
    const a = await r.write(snapshot());
    const b = await r.write(snapshot());
    const c = await r.write(snapshot());
    assert.ok(b.path.endsWith('678Z-1.json') && c.path.endsWith('678Z-2.json'));
    assert.deepEqual(c.removed, [a.path.slice(dir.length + 1)]);
  });

  it('tolerates files vanishing between listing and removal (another window rotating)', async () => {
    const r0 = new SnapshotRotator({ dir, maxFiles: 1 });
    const first = (await r0.write(snapshot())).path;
    clock.advance(1000);
    const vanishing: RotationFs = {
      ...nodeRotationFs,
      async stat(path) {
        if (path === first) rmSync(path);
        return nodeRotationFs.stat(path);
      },
    };
    const w = await new SnapshotRotator({ dir, maxFiles: 1, fs: vanishing }).write(snapshot());
    assert.deepEqual(w.removed, []);
    const gone: RotationFs = { ...nodeRotationFs, unlink: async (p) => (rmSync(p), nodeRotationFs.unlink(p)) };
    clock.advance(1000);
    const w2 = await new SnapshotRotator({ dir, maxFiles: 1, fs: gone }).write(snapshot());
    assert.equal(w2.removed.length, 1);
    assert.equal((await r0.files()).length, 1);
  });

  it('passes other file-system errors on', async () => {
    const failing: RotationFs = { ...nodeRotationFs, unlink: async () => Promise.reject(Object.assign(new Error('EPERM'), { code: 'EPERM' })) };
    const r = new SnapshotRotator({ dir, maxFiles: 1, fs: failing });
    await r.write(snapshot());
    clock.advance(1);
    await assert.rejects(r.write(snapshot()), /EPERM/);
    const badStat: RotationFs = { ...nodeRotationFs, stat: async () => Promise.reject(new Error('EIO')) };
    await assert.rejects(new SnapshotRotator({ dir, fs: badStat }).rotate(), /EIO/);
    writeFileSync(join(root, 'file'), '');
    await assert.rejects(nodeRotationFs.readdir(join(root, 'file')), /ENOTDIR/);
  });

  it('refuses limits that cannot hold a file', () => {
    assert.throws(() => new SnapshotRotator({ dir, maxFiles: 0 }), /maxFiles/);
    assert.throws(() => new SnapshotRotator({ dir, maxBytes: 0 }), /maxBytes/);
  });
});
