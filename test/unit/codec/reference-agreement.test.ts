import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { gbaLz77, lcLz2, lcLz3 } from '../../../src/core/codec';
import { refGbaDecode, refLunarDecode, type RefResult } from './reference';

const out = new Uint8Array(0x10000);

function agree(name: string, fast: ReturnType<typeof lcLz2.decodeInto>, ref: RefResult): void {
  assert.equal(fast.ok, ref.ok, `${name}: ok`);
  if (fast.ok && ref.ok) {
    assert.equal(fast.consumed, ref.consumed, `${name}: consumed`);
    assert.ok(Buffer.from(out.subarray(0, fast.size)).equals(Buffer.from(ref.data)), `${name}: output`);
  } else if (!fast.ok && !ref.ok) assert.equal(fast.offset, ref.offset, `${name}: failure offset`);
}

describe('the fast decode loops agree with plain byte-by-byte decoders on any stream', function () {
  this.timeout(120_000);
  const lunarToken = fc.oneof(
    fc.nat(255),
    fc.integer({ min: 0x80, max: 0xdf }),
    fc.constantFrom(0xe0, 0xe3, 0xe4, 0xe7, 0xeb, 0xef, 0xf0, 0xf3, 0xf7, 0xfb, 0xff),
    fc.constant(0),
  );

  for (const codec of [lcLz2, lcLz3]) {
    it(`${codec.id}, strict and lenient`, () => {
      fc.assert(
        fc.property(fc.array(lunarToken, { maxLength: 400 }), fc.boolean(), (arr, strict) => {
          const src = Uint8Array.from(arr);
          agree(codec.id, codec.decodeInto(src, 0, out, { strict }), refLunarDecode(src, 0, codec === lcLz3, strict));
        }),
        { numRuns: 3000 },
      );
    });
  }

  it('gba-lz77, strict', () => {
    const stream = fc
      .tuple(fc.integer({ min: 1, max: 300 }), fc.array(fc.oneof(fc.nat(255), fc.constantFrom(0, 0xff, 0x80, 0x0f)), { maxLength: 400 }))
      .map(([size, body]) => Uint8Array.from([0x10, size & 0xff, size >> 8, 0, ...body]));
    fc.assert(
      fc.property(stream, (src) => {
        agree('gba-lz77', gbaLz77.decodeInto(src, 0, out, { strict: true }), refGbaDecode(src, 0));
      }),
      { numRuns: 3000 },
    );
  });
});
