import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DiskCache } from '../../../src/core/cache/disk-cache';
import { cacheKey, type CacheKey } from '../../../src/core/cache/keys';
import { MemoryCache } from '../../../src/core/cache/memory-cache';
import { romContentHash } from '../../../src/core/cache/rom-hash';
import { TieredCache } from '../../../src/core/cache/tiered-cache';

const OLD = romContentHash(Uint8Array.of(1));
const NEW = romContentHash(Uint8Array.of(2));
const decodeKey = (romHash: string, offset: number): CacheKey => cacheKey({ romHash, kind: 'decode', offset, params: { bpp: 4 }, codecVersion: 1 });
const scanKey = (romHash: string): CacheKey => cacheKey({ romHash, kind: 'scan', params: {}, codecVersion: 1 });

describe('TieredCache', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spritepal-tiered-'));
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const make = (memoryBytes = 1 << 20) =>
    new TieredCache({ memory: new MemoryCache({ maxBytes: memoryBytes }), disk: new DiskCache({ dir, maxBytes: 1 << 20 }) });

  it('promotes an L2 hit to L1 and counts hits and misses per level', async () => {
    const key = decodeKey(OLD, 0x100);
    await make().set(key, Uint8Array.of(7, 7), { covers: { start: 0x100, end: 0x120 } });

    const cache = make(); // a fresh L1, the same folder: like reopening the ROM
    assert.deepEqual([...(await cache.get<Uint8Array>(key))!], [7, 7]);
    let s = cache.stats();
    assert.deepEqual([s.memory.hits, s.memory.misses, s.disk!.hits, s.disk!.misses], [0, 1, 1, 0]);
    assert.equal(s.memory.entries, 1, 'promoted');
    assert.equal(s.memory.bytes, 2);

    assert.ok(await cache.get(key));
    assert.equal(await cache.get(decodeKey(OLD, 0x200)), undefined);
    s = cache.stats();
    assert.deepEqual([s.memory.hits, s.memory.misses, s.disk!.hits, s.disk!.misses], [1, 2, 1, 1]);
    assert.equal(s.memory.hitRate, 1 / 3);
    assert.equal(s.disk!.hitRate, 0.5);
    assert.equal(s.disk!.entries, 1);
    assert.ok(s.disk!.bytes > 2);

    assert.equal(cache.invalidateRange(OLD, 0x110, 0x111), 1, 'the promoted entry kept its covered range');
  });

  it('shows a cached scan at once when the ROM is reopened', async () => {
    let computed = 0;
    const scan = async () => {
      computed++;
      return { blocks: [{ offset: 0x8000, size: 0x400 }] };
    };
    assert.deepEqual(await make().getOrCompute(scanKey(OLD), scan), { blocks: [{ offset: 0x8000, size: 0x400 }] });
    assert.deepEqual(await make().getOrCompute(scanKey(OLD), scan), { blocks: [{ offset: 0x8000, size: 0x400 }] });
    assert.equal(computed, 1);
  });

  it('getOrCompute computes once for concurrent callers and caches the result', async () => {
    const cache = make();
    let computed = 0;
    const compute = async () => {
      computed++;
      await new Promise((r) => setTimeout(r, 10));
      return Uint8Array.of(computed);
    };
    const key = decodeKey(OLD, 0);
    const [a, b] = await Promise.all([cache.getOrCompute(key, compute), cache.getOrCompute(key, compute)]);
    assert.equal(a, b);
    assert.equal(computed, 1);
    assert.equal(await cache.getOrCompute(key, compute), a);
    assert.equal(computed, 1);
    await assert.rejects(
      cache.getOrCompute(decodeKey(OLD, 1), () => Promise.reject(new Error('decode failed'))),
      /decode failed/,
    );
    assert.equal(await cache.get(decodeKey(OLD, 1)), undefined, 'a failed computation is not cached');
  });

  it('works without a disk level', async () => {
    const cache = new TieredCache({ memory: new MemoryCache({ maxBytes: 100 }) });
    await cache.set(decodeKey(OLD, 0), 'x');
    assert.equal(await cache.get(decodeKey(OLD, 0)), 'x');
    assert.equal(await cache.get(decodeKey(OLD, 1)), undefined);
    assert.equal(cache.stats().disk, null);
  });

  it('keeps working when the disk level fails (counted, not thrown)', async () => {
    const file = path.join(dir, 'not-a-folder');
    fs.writeFileSync(file, 'x');
    const cache = new TieredCache({ memory: new MemoryCache({ maxBytes: 1000 }), disk: new DiskCache({ dir: file, maxBytes: 1000 }) });
    await cache.set(decodeKey(OLD, 0), 'x');
    assert.equal(await cache.get(decodeKey(OLD, 0)), 'x');
    assert.equal(await cache.get(decodeKey(OLD, 1)), undefined);
    assert.equal(cache.stats().disk!.errors, 2);
  });

  it('carryOver copies exactly the entries an edit did not touch under the new hash', async () => {
    const cache = make();
    await cache.set(decodeKey(OLD, 0x000), 'before', { covers: { start: 0x000, end: 0x100 } });
    await cache.set(decodeKey(OLD, 0x100), 'edited', { covers: { start: 0x100, end: 0x200 } });
    await cache.set(decodeKey(OLD, 0x200), 'touching end', { covers: { start: 0x200, end: 0x300 } });
    await cache.set(decodeKey(OLD, 0x400), 'second edit', { covers: { start: 0x400, end: 0x500 } });
    await cache.set(scanKey(OLD), { blocks: [] }); // whole ROM
    await cache.set(decodeKey(NEW, 0x800), 'other rom', { covers: { start: 0x800, end: 0x900 } });

    const carried = cache.carryOver(OLD, NEW, [
      { start: 0x180, end: 0x200 },
      { start: 0x4ff, end: 0x500 },
    ]);
    assert.equal(carried, 2);
    assert.equal(await cache.get(decodeKey(NEW, 0x000)), 'before');
    assert.equal(await cache.get(decodeKey(NEW, 0x200)), 'touching end', '[0x180,0x200) does not overlap [0x200,0x300)');
    assert.equal(await cache.get(decodeKey(NEW, 0x100)), undefined);
    assert.equal(await cache.get(decodeKey(NEW, 0x400)), undefined);
    assert.equal(await cache.get(scanKey(NEW)), undefined, 'a whole-ROM entry is never carried');
    assert.equal(await cache.get(decodeKey(OLD, 0x100)), 'edited', 'the old content keeps its entries');
    assert.equal(cache.invalidateRange(NEW, 0, 1), 1, 'carried entries keep their covered range');
    assert.equal(cache.carryOver(OLD, OLD, []), 0);
  });

  it('invalidateRange drops overlapping and whole-ROM entries and stops trusting L2 for that hash', async () => {
    const cache = make();
    await cache.set(decodeKey(OLD, 0x000), 'keep', { covers: { start: 0x000, end: 0x100 } });
    await cache.set(decodeKey(OLD, 0x100), 'drop', { covers: { start: 0x100, end: 0x200 } });
    await cache.set(scanKey(OLD), { blocks: [] });
    await cache.set(decodeKey(NEW, 0x100), 'other rom', { covers: { start: 0x100, end: 0x200 } });

    assert.equal(cache.invalidateRange(OLD, 0x0ff + 1, 0x101), 2);
    assert.equal(await cache.get(decodeKey(OLD, 0x000)), 'keep');
    assert.equal(await cache.get(decodeKey(OLD, 0x100)), undefined, 'not read back from L2, which has the pre-edit value');
    assert.equal(await cache.get(scanKey(OLD)), undefined);
    assert.equal(await cache.get(decodeKey(NEW, 0x100)), 'other rom');

    await cache.set(decodeKey(OLD, 0x100), 'recomputed', { covers: { start: 0x100, end: 0x200 } });
    assert.equal(await make().get(decodeKey(OLD, 0x100)), 'drop', 'the edited-in-place value never reached L2');
  });

  it('create assembles memory-only or two-level caches', async () => {
    const memoryOnly = TieredCache.create({ memoryBytes: 100 });
    assert.equal(memoryOnly.stats().disk, null);
    const both = TieredCache.create({ memoryBytes: 100, dir: path.join(dir, 'l2') });
    await both.set(decodeKey(OLD, 0), Uint8Array.of(1));
    assert.equal(both.stats().disk!.entries, 1);
    assert.equal(fs.readdirSync(path.join(dir, 'l2')).length, 1);
  });

  it('dispose empties L1 and keeps L2', async () => {
    const cache = make();
    await cache.set(decodeKey(OLD, 0), 'v');
    cache.dispose();
    assert.equal(cache.stats().memory.entries, 0);
    assert.equal(cache.stats().disk!.entries, 1);
  });
});
