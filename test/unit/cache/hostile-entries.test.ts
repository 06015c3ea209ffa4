/**
 * Disk cache entries are hints, never trusted over the ROM (issue 18, item 9): a 1.5 GiB entry was
 * read whole before it was rejected, and an entry with a valid CRC but a forged payload served a
 * fake finished scan. Entries are now size-bounded before reading, checked against their kind's
 * schema, and a cached scan is served only when a sample of its hits still decodes.
 */
import * as assert from 'node:assert/strict';
import { closeSync, existsSync, ftruncateSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deserialize } from 'node:v8';
import { DiskCache } from '../../../src/core/cache/disk-cache';
import { encodeEntry } from '../../../src/core/cache/entry-file';
import { cacheKey, diskName } from '../../../src/core/cache/keys';
import { cachedValueProblem, sampleHits } from '../../../src/core/cache/schemas';
import { TieredCache } from '../../../src/core/cache/tiered-cache';
import { buildDemoRom } from '../../../src/core/demo/demo-rom';
import { RomSession } from '../../../src/core/session/rom-session';
import { createServices } from '../../../src/core/session/services';
import type { ScanState } from '../../../src/core/scan/types';

const HASH = 'c'.repeat(64);

describe('disk cache: hostile entries', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'spritepal-hostile-cache-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('deletes a 1.5 GiB entry file from its size, without reading it', async () => {
    const key = cacheKey({ romHash: HASH, kind: 'decode', offset: 0, codecVersion: 1 });
    const path = join(dir, diskName(key.id) + '.bin');
    const fd = openSync(path, 'w');
    ftruncateSync(fd, 1.5 * 1024 ** 3); // sparse
    closeSync(fd);
    const disk = new DiskCache({ dir, maxBytes: 256 << 20 });
    const before = process.memoryUsage().rss;
    assert.equal(await disk.get(key.id), undefined);
    assert.ok(process.memoryUsage().rss - before < 256 << 20, 'the file was not read');
    assert.equal(disk.stats().corrupt, 1);
    assert.equal(existsSync(path), false);
  });

  it('deletes an entry whose CRC holds but whose value has the wrong shape for its kind', async () => {
    const key = cacheKey({ romHash: HASH, kind: 'decode', offset: 0x100, codecVersion: 1 });
    await new DiskCache({ dir, maxBytes: 1 << 20 }).set(key.id, { data: 'not bytes', consumed: -1 });
    const cache = TieredCache.create({ memoryBytes: 1 << 20, dir });
    assert.equal(await cache.get(key), undefined);
    const s = cache.stats().disk!;
    assert.deepEqual([s.hits, s.misses, s.corrupt], [0, 1, 1]);
    assert.deepEqual(readdirSync(dir), []);
  });

  it('knows the shape of each kind, and allows fields it does not know', () => {
    const decodeParts = { romHash: HASH, kind: 'decode', offset: 0, codecVersion: 1 };
    assert.equal(cachedValueProblem(decodeParts, { data: Uint8Array.of(1), consumed: 3 }), null);
    assert.match(cachedValueProblem(decodeParts, Uint8Array.of(1))!, /not \{ data: bytes, consumed \}/);
    const thumb = { romOffset: 16, width: 8, height: 8, pixels: new Uint8Array(64), tiles: 1, consumed: 9, size: 32 };
    assert.equal(cachedValueProblem({ ...decodeParts, kind: 'thumb', offset: 16 }, thumb), null);
    assert.match(cachedValueProblem({ ...decodeParts, kind: 'thumb', offset: 32 }, thumb)!, /not the key's offset/);
    assert.match(cachedValueProblem({ ...decodeParts, kind: 'thumb', offset: 16 }, { ...thumb, pixels: new Uint8Array(3) })!, /pixels/);
    const hit = { romOffset: 4, consumed: 9, size: 32, tiles: 1, score: 0.5, kind: 'hal', bpp: 4, later: 'field' };
    const scan = { romHash: HASH, kind: 'scan', codecVersion: 1 };
    assert.equal(cachedValueProblem(scan, { hits: [hit], nextOffset: 9, complete: true, skipped: 0 }), null);
    assert.match(cachedValueProblem(scan, { hits: [hit, hit], nextOffset: 9, complete: true })!, /not sorted/);
    assert.match(cachedValueProblem(scan, { hits: [{ ...hit, score: 2 }], nextOffset: 9, complete: true })!, /score/);
    assert.match(cachedValueProblem(scan, { hits: [{ ...hit, romOffset: 2 ** 60 }], nextOffset: 9, complete: true })!, /offsets and sizes/);
    assert.equal(cachedValueProblem({ ...scan, kind: 'other' }, 'anything'), null);
    assert.deepEqual(sampleHits([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 4), [1, 4, 7, 10]);
    assert.deepEqual(sampleHits([1, 2], 4), [1, 2]);
  });

  it('does not serve a forged finished scan (valid CRC and shape, hits that do not decode)', async () => {
    const file = buildDemoRom();
    let services = createServices({ cacheDir: dir });
    const real = await RomSession.open(file, 'f.sfc', services).scan();
    assert.ok(real.hits.length >= 3, 'the real scan finds the blocks');
    await services.cache.flush();
    await services.dispose();
    // Forge the stored scan: same key, same shape, a valid CRC, hits moved by one byte.
    const forgedCount = { n: 0 };
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.bin'))) {
      const bytes = readFileSync(join(dir, name));
      const metaLen = bytes.readUInt32LE(8);
      const meta = JSON.parse(bytes.toString('utf8', 20, 20 + metaLen)) as { id: string };
      if (!meta.id.startsWith('["scan"')) continue;
      const state = deserialize(bytes.subarray(20 + metaLen)) as ScanState;
      const forged = { ...state, hits: state.hits.map((h) => ({ ...h, romOffset: h.romOffset + 1 })) };
      writeFileSync(join(dir, name), encodeEntry(meta, forged));
      forgedCount.n++;
    }
    assert.equal(forgedCount.n, 1);
    services = createServices({ cacheDir: dir });
    const session = RomSession.open(file, 'f.sfc', services);
    assert.equal(await session.cachedScan(), undefined, 'the forged scan is not shown');
    const again = await session.scan();
    assert.equal(again.cached, false, 'it is scanned again');
    assert.deepEqual(
      again.hits.map((h) => h.romOffset),
      real.hits.map((h) => h.romOffset),
    );
    await services.dispose();
  });
});
