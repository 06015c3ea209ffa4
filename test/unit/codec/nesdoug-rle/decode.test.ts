import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { nesdougRleCodec } from '../../../../src/core/codec/nesdoug-rle';
import { wordLanes } from '../../../../src/core/codec/nesdoug-rle/encode';
import { firstPerEnd, probeScan, strongHits } from '../../../../src/core/codec/probe-scan';
import { bytes, commonCodecTests, expectDecode, expectStatus, noise, roundTrips, tiles } from '../helpers';

const codec = nesdougRleCodec;

const decodes = (src: Uint8Array, want: Uint8Array | string, strict = true) => expectDecode(codec, src, want, strict);
const refuses = (src: Uint8Array, reason: string, strict = true) => expectStatus(codec, src, reason, strict);

/** A tilemap: tile numbers in the even bytes, one attribute byte in the odd ones. */
function tilemap(entries: number, seed: number): Uint8Array {
  const n = noise(entries, seed);
  const out = new Uint8Array(entries * 2);
  for (let i = 0; i < entries; i++) {
    out[2 * i] = n[i]! % 3 === 0 ? 0 : n[i]!;
    out[2 * i + 1] = 0x20;
  }
  return out;
}

describe('nesdoug-rle decode: streams written by hand from unrle (M1TE2 unrle.txt)', () => {
  it('one-byte headers: literal, run, rising run; end F0', () => {
    // 03 = 4 literals, 42 = run of 3, 81 = rising run of 2 from '0'
    decodes(bytes(0x03, 'acbd', 0x42, 'z', 0x81, '0', 0xf0), 'acbdzzz01');
    decodes(bytes(0xf0), '');
  });

  it('two-byte headers: counts to 4,096 (literal C0, run D0, rising E0)', () => {
    const lit = Uint8Array.from({ length: 33 }, (_, i) => (i * 7) & 0xff); // no three equal or rising bytes
    decodes(
      bytes(0xc0, 0x20, lit, 0xdf, 0xff, 0x07, 0xe0, 0xff, 0x00, 0xf0),
      bytes(
        lit,
        new Uint8Array(4096).fill(7),
        Uint8Array.from({ length: 256 }, (_, i) => i),
      ),
    );
  });

  it('planar (FF): the even bytes, then the odd ones, are put back in order', () => {
    decodes(bytes(0x05, 'ACEace', 0xff), 'AaCcEe');
    // a tilemap's attribute half as one run
    decodes(bytes(0x03, 1, 5, 9, 2, 0x43, 0x20, 0xff), bytes(1, 0x20, 5, 0x20, 9, 0x20, 2, 0x20));
    refuses(bytes(0x04, 'ABCab', 0xff), 'odd-planar-size', false);
    refuses(bytes(0xff), 'odd-planar-size', false);
  });

  it('refuses bad streams: truncation anywhere, overflow', () => {
    const src = bytes(0x03, 'abcd', 0x42, 'z', 0xc0, 0x20, noise(33, 2), 0xf0);
    for (let n = 0; n < src.length; n++) refuses(src.subarray(0, n), 'truncated', false);
    const st = codec.decodeInto(bytes(0xdf, 0xff, 0, 0xf0), 0, new Uint8Array(0x10000), { maxOutput: 100 });
    assert.deepEqual(st, { ok: false, reason: 'overflow', offset: 0 });
  });

  it('strict refuses what the tools never write; unrle would run it', () => {
    const cases: [Uint8Array, string][] = [
      [bytes(0x01, 'ab', 0xf5), 'reserved-end-marker'],
      [
        bytes(
          0x20,
          noise(33, 3).map((b) => b & 0xfe),
          0xf0,
        ),
        'non-canonical-header',
      ], // one-byte header for 33
      [bytes(0xc0, 0x05, 'abcdef', 0xf0), 'non-canonical-header'], // two-byte header for 6
      [bytes(0x40, 'z', 0xf0), 'run-of-one'],
      [bytes(0xe1, 0x00, 0x00, 0xf0), 'non-canonical-rise'], // rising run of 257
      [bytes(0x81, 0xff, 0xf0), 'non-canonical-rise'], // wraps FF -> 00
      [bytes(0x03, 'abbb', 0xf0), 'run-inside-literal'],
      [bytes(0x03, 'a123', 0xf0), 'run-inside-literal'],
      [bytes(0x00, 'a', 0x00, 'b', 0xf0), 'literal-after-literal'],
      [bytes(0x41, 'z', 0x41, 'z', 0xf0), 'run-after-same-run'],
    ];
    for (const [src, reason] of cases) {
      refuses(src, reason, true);
      refuses(src, 'ok', false);
    }
    // unrle takes F1-FE as planar ends
    decodes(bytes(0x01, 'AB', 0xf7), 'AB', false);
  });

  it('encodes as the tools parse: runs of 2+, rising runs, literals up to three equal or rising bytes', () => {
    assert.deepEqual(Array.from(codec.encode(bytes('acbdzzz01'))), [0x03, 0x61, 0x63, 0x62, 0x64, 0x42, 0x7a, 0x81, 0x30, 0xf0]);
    assert.deepEqual(Array.from(codec.encode(bytes('abcdzzz'))), [0x83, 0x61, 0x42, 0x7a, 0xf0]);
    assert.deepEqual(Array.from(codec.encode(bytes('aab'))), [0x41, 0x61, 0x00, 0x62, 0xf0]);
    // tilemaps go planar (smaller), odd sizes stay linear
    assert.equal(roundTrips(codec, tilemap(512, 4)).at(-1), 0xff);
    assert.equal(roundTrips(codec, tilemap(512, 4).subarray(0, 1023)).at(-1), 0xf0);
  });

  commonCodecTests(codec, {
    seeds: () => [codec.encode(tiles(3000, 2)), codec.encode(tilemap(300, 3))],
    likely: [0xf0, 0xff, 0x00, 0x3f, 0x40, 0x7f, 0x80, 0xbf, 0xc0, 0xcf, 0xdf, 0xef],
    data: [
      fc.array(fc.constantFrom(0, 1, 2, 3, 0xff), { minLength: 1, maxLength: 9000 }).map((a) => Uint8Array.from(a)),
      fc.tuple(fc.integer({ min: 1, max: 2000 }), fc.nat()).map(([n, s]) => tilemap(n, s)),
    ],
  });

  it('probe: strong for tool-made streams with enough structure; word lanes give a table away', () => {
    assert.ok(roundTrips(codec, new Uint8Array(65536)).length < 60);
    const f = codec.encode(tiles(8192, 5));
    // every command boundary inside the stream starts a shorter stream ending at the same byte
    const hits = strongHits(probeScan(codec, bytes(noise(50, 1), f, noise(50, 2))));
    assert.ok(hits.length > 1 && hits.every((h) => h.offset >= 50 && h.offset + h.consumed === 50 + f.length));
    assert.deepEqual(
      firstPerEnd(hits).map((h) => [h.offset, h.consumed, h.size]),
      [[50, f.length, 8192]],
    );
    // a table whose bytes happen to parse as the tools' output is still told apart by its word lanes
    const table = Uint8Array.from({ length: 600 }, (_, i) => (i % 2 ? 0x03 : (0x5c - (i >> 1)) & 0xff));
    assert.match(wordLanes(table, 0, table.length) ?? '', /16-bit lanes/);
    assert.equal(wordLanes(f, 0, f.length), null);
  });
});
