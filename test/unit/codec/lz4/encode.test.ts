import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { lz4Codec } from '../../../../src/core/codec/lz4';
import { CodecEncodeError } from '../../../../src/core/codec/types';
import { bytes, noise, roundTrips, tiles } from '../helpers';

describe('lz4 encode', () => {
  it('writes the lz4 CLI default frame: version 01, independent blocks, content checksum, smallest block size', () => {
    const f = roundTrips(lz4Codec, tiles(4096));
    assert.deepEqual(Array.from(f.subarray(0, 6)), [0x04, 0x22, 0x4d, 0x18, 0x64, 0x40]);
    assert.equal(roundTrips(lz4Codec, new Uint8Array(70_000))[5], 0x50, '256 KB blocks past 64 KB');
    assert.equal(roundTrips(lz4Codec, new Uint8Array(300_000))[5], 0x60, '1 MB blocks past 256 KB');
  });

  it('stores data that does not compress (block size bit 31), as the format requires', () => {
    const data = noise(3000, 2);
    const f = roundTrips(lz4Codec, data);
    assert.equal(f[10]! & 0x80, 0x80);
    assert.equal(f.length, 3000 + 19);
    // under 13 bytes nothing can be compressed at all
    assert.equal(roundTrips(lz4Codec, bytes('aaaaaaaaaaaa')).length, 12 + 19);
  });

  it('compresses runs and repeats to a few bytes (long lengths, offset 1)', () => {
    assert.ok(roundTrips(lz4Codec, new Uint8Array(65536)).length < 300);
    const pattern = noise(64, 9);
    const periodic = new Uint8Array(16384).map((_, i) => pattern[i % 64]!);
    assert.ok(roundTrips(lz4Codec, periodic).length < 64 + 100);
  });

  it('round-trips anything (property test)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ minLength: 1, maxLength: 3000 }),
          fc.array(fc.constantFrom(0, 1, 2, 0xff), { minLength: 1, maxLength: 3000 }).map((a) => Uint8Array.from(a)),
          fc.tuple(fc.integer({ min: 1, max: 40_000 }), fc.nat()).map(([n, s]) => tiles(n, s)),
        ),
        (data) => {
          roundTrips(lz4Codec, data);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('a match can reach 65,535 bytes back and no further', () => {
    // 40 unique bytes, then a filler that compresses (a 64-byte pattern), then the 40 bytes again
    const head = noise(40, 1);
    const pattern = noise(64, 2);
    const filler = (n: number) => new Uint8Array(n).map((_, i) => pattern[i % 64]!);
    const near = roundTrips(lz4Codec, bytes(head, filler(65_535 - 40), head, noise(100, 3)));
    const far = roundTrips(lz4Codec, bytes(head, filler(65_536 - 40), head, noise(100, 3)));
    // the 40 repeated bytes cost 3 (a token share, the offset) within reach, 40 past it
    assert.ok(far.length - near.length >= 30, `${far.length} vs ${near.length}`);
  });

  it('refuses empty or oversized input, unknown levels, and streams over maxSize', () => {
    assert.throws(
      () => lz4Codec.encode(new Uint8Array(0)),
      (e: unknown) => e instanceof CodecEncodeError && /empty/.test(e.message),
    );
    assert.throws(
      () => lz4Codec.encode(new Uint8Array((4 << 20) + 1)),
      (e: unknown) => e instanceof CodecEncodeError && /at most/.test(e.message),
    );
    assert.throws(() => lz4Codec.encode(bytes(1, 2, 3), { level: 'fast' }), /unknown level "fast"/);
    assert.throws(() => lz4Codec.encode(noise(100), { maxSize: 50 }), /more than the limit of 50 bytes/);
    assert.throws(() => lz4Codec.encode(noise(100), { maxSize: 0 }), /maxSize must be a positive whole number/);
    assert.equal(lz4Codec.encode(noise(100), { maxSize: 119 }).length, 119);
  });

  it('describes itself for the registry', () => {
    assert.equal(lz4Codec.id, 'lz4');
    assert.deepEqual(lz4Codec.levels, ['optimal']);
    assert.equal(lz4Codec.defaultLevel, 'optimal');
    assert.equal(lz4Codec.selfDelimiting, true);
    assert.ok(lz4Codec.usedBy.some((u) => /libSFX/.test(u)));
  });
});
