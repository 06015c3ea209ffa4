import * as assert from 'node:assert/strict';
import { cacheKey } from '../../../src/core/cache/keys';
import { MemoryCache, valueBytes } from '../../../src/core/cache/memory-cache';
import { romContentHash } from '../../../src/core/cache/rom-hash';

const parts = cacheKey({ romHash: romContentHash(Uint8Array.of(0)), kind: 'decode', codecVersion: 1 }).parts;

describe('MemoryCache (L1)', () => {
  it('evicts the least recently used entries to stay within its byte bound', () => {
    const cache = new MemoryCache({ maxBytes: 1000 });
    cache.set('a', { value: new Uint8Array(400), parts });
    cache.set('b', { value: new Uint8Array(400), parts });
    assert.ok(cache.get('a'), 'a is now the most recently used');
    cache.set('c', { value: new Uint8Array(400), parts });
    assert.equal(cache.get('b'), undefined, 'b was the least recently used');
    assert.ok(cache.get('a'));
    assert.ok(cache.get('c'));
    const s = cache.stats();
    assert.equal(s.bytes, 800);
    assert.equal(s.entries, 2);
    assert.equal(s.evictions, 1);
    assert.equal(s.hits, 3);
    assert.equal(s.misses, 1);
    assert.equal(s.hitRate, 0.75);
  });

  it('does not keep a value larger than the bound', () => {
    const cache = new MemoryCache({ maxBytes: 100 });
    assert.equal(cache.set('big', { value: new Uint8Array(101), parts }), false);
    assert.equal(cache.stats().entries, 0);
    assert.equal(cache.set('ok', { value: { n: 1 }, parts }), true);
    assert.equal(cache.delete('ok'), true);
    cache.set('x', { value: 'x', parts });
    cache.clear();
    assert.equal(cache.stats().bytes, 0);
  });

  it('sizes byte arrays by length and objects by about their JSON size', () => {
    assert.equal(valueBytes(new Uint8Array(123)), 123);
    assert.equal(valueBytes(new ArrayBuffer(7)), 7);
    const obj = {
      blocks: [
        { offset: 1, size: 2 },
        { offset: 3, size: 4 },
      ],
      name: 'abc',
    };
    const json = JSON.stringify(obj).length;
    assert.ok(Math.abs(valueBytes(obj) - json) <= json * 0.25, `${valueBytes(obj)} vs JSON ${json}`);
    assert.equal(valueBytes({ pixels: new Uint8Array(1000) }) > 1000, true, 'binary inside objects counts its bytes');
    assert.ok(valueBytes(new Map([['k', new Uint8Array(50)]])) >= 50);
    assert.equal(valueBytes(null), 4);
    const deep: Record<string, unknown> = {};
    let cur = deep;
    for (let i = 0; i < 100; i++) cur = cur.next = {};
    assert.ok(Number.isFinite(valueBytes(deep)));
  });

  it('reports a zero hit rate before any lookup', () => {
    assert.equal(new MemoryCache({ maxBytes: 10 }).stats().hitRate, 0);
  });
});
