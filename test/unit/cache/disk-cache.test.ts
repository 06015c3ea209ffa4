import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DiskCache, defaultCliCacheDir } from '../../../src/core/cache/disk-cache';
import { diskName } from '../../../src/core/cache/keys';

describe('DiskCache (L2)', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spritepal-disk-'));
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const fileOf = (id: string) => path.join(dir, diskName(id) + '.bin');

  it('round-trips byte arrays and structured values with their covered range', async () => {
    const cache = new DiskCache({ dir: path.join(dir, 'nested'), maxBytes: 1 << 20 });
    await cache.set('bytes', Uint8Array.of(1, 2, 3), { covers: { start: 10, end: 13 } });
    await cache.set('scan', { blocks: [{ offset: 5, pixels: new Uint8Array([9, 9]) }], map: new Map([['a', 1]]) });
    const bytes = await cache.get('bytes');
    assert.ok(bytes?.value instanceof Uint8Array);
    assert.deepEqual([...(bytes.value as Uint8Array)], [1, 2, 3]);
    assert.deepEqual(bytes.meta, { id: 'bytes', covers: { start: 10, end: 13 } });
    const scan = (await cache.get('scan'))!.value as { blocks: { offset: number; pixels: Uint8Array }[]; map: Map<string, number> };
    assert.equal(scan.blocks[0]!.offset, 5);
    assert.deepEqual([...scan.blocks[0]!.pixels], [9, 9]);
    assert.equal(scan.map.get('a'), 1);
    assert.equal(await cache.get('absent'), undefined);
    const s = cache.stats();
    assert.deepEqual([s.hits, s.misses, s.entries], [2, 1, 2]);
    const nested = (id: string) => fs.statSync(path.join(dir, 'nested', diskName(id) + '.bin')).size;
    assert.equal(s.bytes, nested('bytes') + nested('scan'));
    assert.deepEqual(
      fs.readdirSync(path.join(dir, 'nested')).filter((n) => n.endsWith('.tmp')),
      [],
      'no temp file is left',
    );
  });

  it('evicts least recently used files to stay within its total size (reads count as use)', async () => {
    const cache = new DiskCache({ dir, maxBytes: 3500 });
    await cache.set('a', new Uint8Array(1000));
    await cache.set('b', new Uint8Array(1000));
    await cache.set('c', new Uint8Array(1000));
    assert.ok(await cache.get('a'));
    await cache.set('d', new Uint8Array(1000));
    assert.equal(fs.existsSync(fileOf('b')), false, 'b was the least recently used');
    for (const id of ['a', 'c', 'd']) assert.ok(fs.existsSync(fileOf(id)), id);
    const s = cache.stats();
    assert.equal(s.evictions, 1);
    assert.equal(s.entries, 3);
    assert.ok(s.bytes <= 3500);
  });

  it('does not write an entry larger than the bound', async () => {
    const cache = new DiskCache({ dir, maxBytes: 100 });
    assert.equal(await cache.set('big', new Uint8Array(200)), false);
    assert.equal(fs.readdirSync(dir).length, 0);
  });

  it('lists an existing folder by recency (mtime) and removes stale temp files', async () => {
    const first = new DiskCache({ dir, maxBytes: 1 << 20 });
    for (const id of ['old', 'new']) await first.set(id, new Uint8Array(1000));
    fs.utimesSync(fileOf('old'), new Date(2000, 0, 1), new Date(2000, 0, 1));
    fs.utimesSync(fileOf('new'), new Date(2020, 0, 1), new Date(2020, 0, 1));
    const stale = path.join(dir, 'x.bin.1.ab.tmp');
    const fresh = path.join(dir, 'y.bin.1.cd.tmp');
    fs.writeFileSync(stale, 'partial');
    fs.utimesSync(stale, new Date(2000, 0, 1), new Date(2000, 0, 1));
    fs.writeFileSync(fresh, 'being written by another process');
    fs.mkdirSync(path.join(dir, 'subfolder'));

    const second = new DiskCache({ dir, maxBytes: 2100 });
    await second.set('third', new Uint8Array(100));
    assert.equal(fs.existsSync(fileOf('old')), false, 'the oldest file was evicted');
    assert.ok(fs.existsSync(fileOf('new')));
    assert.equal(fs.existsSync(stale), false);
    assert.ok(fs.existsSync(fresh));
    assert.equal(second.stats().entries, 2);
  });

  for (const [what, damage] of [
    ['truncated', (f: Buffer) => f.subarray(0, f.length - 1)],
    ['a flipped payload byte', (f: Buffer) => Buffer.from(f.map((b, i) => (i === f.length - 1 ? b ^ 0xff : b)))],
    ['shorter than a header', (f: Buffer) => f.subarray(0, 10)],
    ['garbage', () => Buffer.from('not a cache entry at all, no')],
    ['an unknown value type', (f: Buffer) => Buffer.from(f.map((b, i) => (i === 5 ? 9 : b)))],
  ] as const) {
    it(`treats a file that is ${what} as a miss and deletes it`, async () => {
      const cache = new DiskCache({ dir, maxBytes: 1 << 20 });
      await cache.set('k', Uint8Array.of(1, 2, 3, 4));
      fs.writeFileSync(fileOf('k'), damage(fs.readFileSync(fileOf('k'))));
      assert.equal(await cache.get('k'), undefined);
      assert.equal(fs.existsSync(fileOf('k')), false);
      const s = cache.stats();
      assert.deepEqual([s.corrupt, s.misses, s.entries, s.bytes], [1, 1, 0, 0]);
    });
  }

  it('treats another key’s file as a miss (the stored id must match)', async () => {
    const cache = new DiskCache({ dir, maxBytes: 1 << 20 });
    await cache.set('one', Uint8Array.of(1));
    fs.copyFileSync(fileOf('one'), fileOf('two'));
    assert.equal(await cache.get('two'), undefined);
    assert.ok(await cache.get('one'));
  });

  it('deletes and clears entries', async () => {
    const cache = new DiskCache({ dir, maxBytes: 1 << 20 });
    await cache.set('a', Uint8Array.of(1));
    await cache.set('b', Uint8Array.of(2));
    await cache.delete('a');
    assert.equal(await cache.get('a'), undefined);
    await cache.clear();
    assert.deepEqual(fs.readdirSync(dir), []);
    assert.deepEqual([cache.stats().entries, cache.stats().bytes], [0, 0]);
  });

  it('counts and throws write failures (folder is a file)', async () => {
    const notADir = path.join(dir, 'file');
    fs.writeFileSync(notADir, 'x');
    const cache = new DiskCache({ dir: notADir, maxBytes: 1000 });
    await assert.rejects(cache.set('a', Uint8Array.of(1)));
    await assert.rejects(cache.get('a'));
    assert.equal(cache.stats().errors, 2);
  });

  it('counts a failed write and leaves no temp file', async () => {
    const cache = new DiskCache({ dir, maxBytes: 1000 });
    await cache.set('a', Uint8Array.of(1));
    fs.mkdirSync(fileOf('b')); // rename onto a folder fails
    await assert.rejects(cache.set('b', Uint8Array.of(2)));
    assert.equal(cache.stats().errors, 1);
    assert.deepEqual(
      fs.readdirSync(dir).filter((n) => n.endsWith('.tmp')),
      [],
    );
  });

  it('picks the CLI cache folder from XDG_CACHE_HOME or the platform default', () => {
    assert.equal(defaultCliCacheDir({ XDG_CACHE_HOME: '/x/cache' }, 'linux', '/home/u'), path.join('/x/cache', 'spritepal'));
    assert.equal(defaultCliCacheDir({ XDG_CACHE_HOME: 'relative' }, 'linux', '/home/u'), path.join('/home/u', '.cache', 'spritepal'));
    assert.equal(defaultCliCacheDir({}, 'linux', '/home/u'), path.join('/home/u', '.cache', 'spritepal'));
    assert.equal(defaultCliCacheDir({}, 'darwin', '/Users/u'), path.join('/Users/u', 'Library', 'Caches', 'spritepal'));
    assert.equal(defaultCliCacheDir({ LOCALAPPDATA: '/appdata' }, 'win32', '/u'), path.join('/appdata', 'spritepal', 'cache'));
    assert.equal(defaultCliCacheDir({}, 'win32', '/u'), path.join('/u', 'AppData', 'Local', 'spritepal', 'cache'));
    assert.ok(defaultCliCacheDir().endsWith('spritepal'));
  });
});
