import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { cacheKey } from '../../../src/core/cache/keys';
import { TieredCache } from '../../../src/core/cache/tiered-cache';

describe('TieredCache write-behind (put / flush)', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spritepal-behind-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('serves a put value from memory at once and writes the disk level behind; flush waits for it', async () => {
    const cache = TieredCache.create({ memoryBytes: 1 << 20, dir });
    const key = cacheKey({ romHash: 'a'.repeat(64), kind: 'decode', offset: 16, params: {}, codecVersion: 't' });
    // A decoded block as the session stores it (create() checks L2 values against their kind).
    cache.put(key, { data: Uint8Array.of(1, 2, 3), consumed: 4 }, { covers: { start: 16, end: 20 } });
    assert.deepEqual([...((await cache.get<{ data: Uint8Array }>(key))?.data ?? [])], [1, 2, 3], 'memory has it synchronously');
    await cache.flush();
    const files = fs.readdirSync(dir).filter((f) => !f.startsWith('.'));
    assert.equal(files.length, 1, 'the disk level was written');
    cache.dispose();
    // A new cache on the same folder (a reopen) finds it on disk.
    const again = TieredCache.create({ memoryBytes: 1 << 20, dir });
    assert.deepEqual([...((await again.get<{ data: Uint8Array }>(key))?.data ?? [])], [1, 2, 3]);
    assert.equal(again.stats().disk!.hits, 1);
    again.dispose();
  });

  it('flush with nothing pending returns, and a memory-only cache never writes', async () => {
    const memoryOnly = TieredCache.create({ memoryBytes: 1 << 20 });
    const key = cacheKey({ romHash: 'b'.repeat(64), kind: 'scan', params: { minTiles: 16 }, codecVersion: 't' });
    memoryOnly.put(key, { hits: [] });
    await memoryOnly.flush();
    assert.deepEqual(await memoryOnly.get(key), { hits: [] });
    assert.equal(memoryOnly.stats().disk, null);
  });
});
