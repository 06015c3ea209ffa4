import * as assert from 'node:assert/strict';
import { CacheKeyError, cacheKey, canonicalJson, diskName, withRomHash } from '../../../src/core/cache/keys';
import { romContentHash } from '../../../src/core/cache/rom-hash';

const H1 = romContentHash(Uint8Array.of(1));
const H2 = romContentHash(Uint8Array.of(2));

describe('cache keys', () => {
  it('hashes ROM content with SHA-256', () => {
    assert.equal(romContentHash(new TextEncoder().encode('abc')), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    assert.notEqual(H1, H2);
  });

  it('ignores the order of parameters, at every level', () => {
    const a = cacheKey({ romHash: H1, kind: 'decode', offset: 0x1234, params: { bpp: 4, palette: { row: 2, bank: 1 }, tiles: [1, 2] }, codecVersion: 1 });
    const b = cacheKey({ codecVersion: 1, params: { tiles: [1, 2], palette: { bank: 1, row: 2 }, bpp: 4 }, offset: 0x1234, kind: 'decode', romHash: H1 });
    assert.equal(a.id, b.id);
    assert.equal(
      cacheKey({ romHash: H1, kind: 'thumb', params: { a: 1, b: undefined }, codecVersion: 1 }).id,
      cacheKey({ romHash: H1, kind: 'thumb', params: { a: 1 }, codecVersion: 1 }).id,
    );
  });

  it('changes with every part: codec version, ROM, kind, offset, parameter values, array order', () => {
    const base = { romHash: H1, kind: 'decode', offset: 16, params: { bpp: 4, tiles: [1, 2] }, codecVersion: 1 } as const;
    const ids = [
      base,
      { ...base, codecVersion: 2 },
      { ...base, codecVersion: '1' },
      { ...base, romHash: H2 },
      { ...base, kind: 'thumb' },
      { ...base, offset: 17 },
      { ...base, offset: undefined },
      { ...base, params: { bpp: 2, tiles: [1, 2] } },
      { ...base, params: { bpp: 4, tiles: [2, 1] } },
    ].map((p) => cacheKey(p).id);
    assert.equal(new Set(ids).size, ids.length);
  });

  it('cannot be confused by separators inside values', () => {
    const a = cacheKey({ romHash: H1, kind: 'decode', params: { x: 'a","b' }, codecVersion: 1 });
    const b = cacheKey({ romHash: H1, kind: 'decode', params: { x: 'a', b: '' }, codecVersion: 1 });
    assert.notEqual(a.id, b.id);
  });

  it('rejects bad parts with a CacheKeyError', () => {
    assert.throws(() => cacheKey({ romHash: 'ABC', kind: 'decode', codecVersion: 1 }), CacheKeyError);
    assert.throws(() => cacheKey({ romHash: H1, kind: 'decode', offset: -1, codecVersion: 1 }), /offset/);
    assert.throws(() => cacheKey({ romHash: H1, kind: 'decode', offset: 1.5, codecVersion: 1 }), /offset/);
    assert.throws(() => canonicalJson(Number.NaN), /finite/);
    assert.throws(() => canonicalJson(new Uint8Array(1)), /Uint8Array/);
    assert.throws(() => canonicalJson(undefined), /undefined/);
    assert.throws(() => canonicalJson(() => 1), /function/);
    assert.throws(
      () => canonicalJson(Object.create(null)),
      (e: Error) => e instanceof CacheKeyError && (e as CacheKeyError).code === 'cache-key',
    );
  });

  it('gives a filesystem-safe name and re-keys under another ROM hash', () => {
    const key = cacheKey({ romHash: H1, kind: 'decode', offset: 5, params: { 'a/b': '..\\x' }, codecVersion: 3 });
    assert.match(diskName(key.id), /^[0-9a-f]{64}$/);
    const moved = withRomHash(key, H2);
    assert.equal(moved.id, cacheKey({ ...key.parts, romHash: H2 }).id);
    assert.equal(moved.parts.offset, 5);
    assert.equal(key.parts.romHash, H1);
  });
});
