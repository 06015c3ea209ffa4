import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { CodecEncodeError, lcLz2, lcLz3, type Codec } from '../../../src/core/codec';
import { bitrev8, randomBytes, spriteSheet } from '../hal/helpers';
import { refLunarDecode, refLunarOptimalSize } from './reference';

/** Inputs aimed at the formats' edges: runs and repeats at every count boundary and distance. */
const edgeInput = fc.oneof(
  // runs of one byte / two-byte patterns / ramps around 32, 33, 1,024, 1,025 bytes
  fc
    .tuple(fc.constantFrom(1, 2, 3, 31, 32, 33, 34, 1023, 1024, 1025, 2049), fc.nat(255), fc.constantFrom('byte', 'word', 'ramp', 'zero'))
    .map(([n, v, kind]) =>
      Uint8Array.from({ length: n }, (_, k) => (kind === 'zero' ? 0 : kind === 'byte' ? v : kind === 'word' ? (k % 2 ? v ^ 0x5a : v) : (v + k) & 0xff)),
    ),
  // a random block repeated at a chosen distance (1..300: both sides of LC_LZ3's 128), flipped or reversed
  fc.tuple(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 2, max: 1100 }), fc.nat(), fc.constantFrom('copy', 'flip', 'back')).map(([d, n, seed, kind]) => {
    const head = randomBytes(d, seed + 1);
    const out = new Uint8Array(d + n);
    out.set(head);
    for (let k = 0; k < n; k++) {
      const s = kind === 'back' ? d - 1 - (k % d) : k;
      const v = out[s]!;
      out[d + k] = kind === 'flip' ? bitrev8(v) : v;
    }
    return out;
  }),
  // sprite sheets and random bytes
  fc.tuple(fc.integer({ min: 1, max: 4096 }), fc.nat()).map(([n, seed]) => spriteSheet(n, seed + 1)),
  fc.uint8Array({ minLength: 1, maxLength: 700 }),
);

function roundTrip(codec: Codec, input: Uint8Array): Uint8Array {
  const stream = codec.encode(input);
  const back = codec.decode(stream, 0, { strict: true });
  assert.equal(back.consumed, stream.length);
  assert.ok(Buffer.from(back.data).equals(Buffer.from(input)), `${codec.id} round trip of ${input.length} bytes`);
  return stream;
}

for (const codec of [lcLz2, lcLz3]) {
  const lz3 = codec === lcLz3;
  describe(`${codec.id} encoder`, function () {
    this.timeout(120_000);

    it('decodes back to its input, strictly, for inputs at the format edges (property)', () => {
      fc.assert(
        fc.property(edgeInput, (input) => {
          roundTrip(codec, input);
        }),
        { numRuns: 250 },
      );
    });

    it('the fast decoder agrees with a plain byte-by-byte one on encoder output', () => {
      fc.assert(
        fc.property(edgeInput, (input) => {
          const stream = codec.encode(input);
          const ref = refLunarDecode(stream, 0, lz3);
          assert.ok(ref.ok && Buffer.from(ref.data).equals(Buffer.from(input)));
        }),
        { numRuns: 100 },
      );
    });

    it('is optimal: exactly the size of a brute-force search over every command, count and source (small inputs)', () => {
      fc.assert(
        fc.property(
          fc.oneof(
            fc.uint8Array({ minLength: 1, maxLength: 48, max: 3 }),
            fc.uint8Array({ minLength: 1, maxLength: 48 }),
            fc.tuple(fc.integer({ min: 1, max: 40 }), fc.nat()).map(([n, s]) => spriteSheet(n, s + 1)),
          ),
          (input) => {
            assert.equal(codec.encode(input).length, refLunarOptimalSize(input, lz3), `input ${Buffer.from(input).toString('hex')}`);
          },
        ),
        { numRuns: 200 },
      );
    });

    it('takes 64 KiB (the format limit), refuses more and empty input, honours maxSize and knows one level', () => {
      const full = spriteSheet(0x10000, 3);
      roundTrip(codec, full);
      assert.throws(
        () => codec.encode(new Uint8Array(0x10001)),
        (e: unknown) => e instanceof CodecEncodeError && /65,537 bytes/.test(e.message),
      );
      assert.throws(() => codec.encode(new Uint8Array(0)), CodecEncodeError);
      assert.throws(() => codec.encode(full, { level: 'fast' }), /unknown level "fast"/);
      assert.throws(() => codec.encode(full, { maxSize: 100 }), /more than the limit of 100 bytes/);
      assert.throws(() => codec.encode(full, { maxSize: 0 }), /maxSize/);
      assert.deepEqual(codec.levels, ['optimal']);
    });

    it('stores incompressible data as raw commands of 1,024 bytes', () => {
      const input = randomBytes(5000, 11);
      const stream = roundTrip(codec, input);
      assert.equal(stream.length, 5000 + 2 * 5 + 1); // 4 x 1,024 + 904: five long headers and the terminator
    });
  });
}
