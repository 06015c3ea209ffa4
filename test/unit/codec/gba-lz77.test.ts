import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { CodecDecodeError, CodecEncodeError, gbaLz77, type CodecDecodeOptions } from '../../../src/core/codec';
import { hexBytes, randomBytes, spriteSheet } from '../hal/helpers';
import { refGbaDecode, refGbaOptimalSize } from './reference';

const out = new Uint8Array(0x10000);

function failure(hex: string, opts?: CodecDecodeOptions): { reason: string; offset: number } {
  const src = hexBytes(hex);
  const st = gbaLz77.decodeInto(src, 0, out, opts);
  assert.ok(!st.ok, `${hex} should not decode`);
  assert.throws(
    () => gbaLz77.decode(src, 0, opts),
    (e: unknown) => e instanceof CodecDecodeError && e.reason === st.reason && e.offset === st.offset,
  );
  return { reason: st.reason, offset: st.offset };
}

/** Every match of a stream: [count, distance]. */
function matches(stream: Uint8Array): [number, number][] {
  const size = stream[1]! | (stream[2]! << 8) | (stream[3]! << 16);
  const found: [number, number][] = [];
  let ip = 4;
  let o = 0;
  while (o < size) {
    const flags = stream[ip++]!;
    for (let bit = 0x80; bit && o < size; bit >>= 1) {
      if (flags & bit) {
        const n = (stream[ip]! >> 4) + 3;
        found.push([n, ((stream[ip]! & 15) << 8) + stream[ip + 1]! + 1]);
        ip += 2;
        o += n;
      } else {
        ip++;
        o++;
      }
    }
  }
  return found;
}

describe('GBA LZ77 (type 0x10) decoder', () => {
  it('reads the 24-bit little-endian size, flags from bit 7 down, literals and matches (bytewise: an overlap repeats)', () => {
    // 12 bytes: literals a b c, a match of 9 from 3 back (b0: count 9 - 3 = 6, distance 3 - 1 = 2)
    const r = gbaLz77.decode(hexBytes('10 0c 00 00  10 61 62 63 60 02'));
    assert.equal(Buffer.from(r.data).toString('latin1'), 'abcabcabcabc');
    assert.equal(r.consumed, 10);
  });

  it('stops at the stated size: later flag bits and bytes are not read', () => {
    const r = gbaLz77.decode(hexBytes('10 02 00 00  00 41 42  99 99'));
    assert.deepEqual(Array.from(r.data), [0x41, 0x42]);
    assert.equal(r.consumed, 7);
  });

  it('a match running past the size is cut there (as the console does), or refused in strict mode', () => {
    assert.deepEqual(Array.from(gbaLz77.decode(hexBytes('10 05 00 00  20 61 62 f0 01')).data), [0x61, 0x62, 0x61, 0x62, 0x61]);
    assert.deepEqual(failure('10 05 00 00  20 61 62 f0 01', { strict: true }), { reason: 'past-size', offset: 7 });
  });

  it('refuses another tag, size 0, a size over the limit, a match before the output, and truncation', () => {
    assert.deepEqual(failure('11 04 00 00 00 01 02 03 04'), { reason: 'not-lz77', offset: 0 });
    assert.deepEqual(failure('11 04'), { reason: 'not-lz77', offset: 0 });
    assert.deepEqual(failure('10 04'), { reason: 'truncated', offset: 0 });
    assert.deepEqual(failure('10 00 00 00 00'), { reason: 'empty', offset: 1 });
    assert.deepEqual(failure('10 00 00 02 00'), { reason: 'overflow', offset: 1 });
    assert.deepEqual(failure('10 08 00 00 00', { maxOutput: 7 }), { reason: 'overflow', offset: 1 });
    assert.deepEqual(failure('10 08 00 00 40 61 00 01'), { reason: 'copy-before-start', offset: 6 });
    assert.deepEqual(failure('10 08 00 00 00 61'), { reason: 'truncated', offset: 6 });
    assert.deepEqual(failure('10 08 00 00 40 61 00'), { reason: 'truncated', offset: 6 });
    assert.deepEqual(failure('10 09 00 00 00 61 62 63 64 65 66 67 68'), { reason: 'truncated', offset: 13 });
  });

  it('takes sizes past 64 KiB when asked to (the header holds 24 bits)', () => {
    const big = new Uint8Array(0x12000).fill(7);
    const stream = gbaLz77.encode(big);
    assert.equal(gbaLz77.decodeInto(stream, 0, out).ok, false);
    assert.ok(Buffer.from(gbaLz77.decode(stream, 0, { maxOutput: 0x12000 }).data).equals(Buffer.from(big)));
  });
});

describe('GBA LZ77 encoder', function () {
  this.timeout(120_000);

  const input = fc.oneof(
    fc.uint8Array({ minLength: 1, maxLength: 2000, max: 3 }),
    fc.uint8Array({ minLength: 1, maxLength: 600 }),
    fc.tuple(fc.integer({ min: 1, max: 8192 }), fc.nat()).map(([n, s]) => spriteSheet(n, s + 1)),
    fc.tuple(fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 1, max: 5000 }), fc.nat()).map(([d, n, s]) => {
      // a block repeated at distance d (both sides of the 4,096-byte window)
      const a = randomBytes(d, s + 1);
      return Uint8Array.from({ length: d + n }, (_, k) => a[k % d]!);
    }),
  );

  for (const level of ['optimal', 'greedy']) {
    it(`${level}: decodes back (and the plain reference decoder agrees), VRAM-safe: no match from 1 byte back`, () => {
      fc.assert(
        fc.property(input, (data) => {
          const stream = gbaLz77.encode(data, { level });
          const back = gbaLz77.decode(stream, 0, { strict: true });
          assert.equal(back.consumed, stream.length);
          assert.ok(Buffer.from(back.data).equals(Buffer.from(data)));
          const ref = refGbaDecode(stream, 0);
          assert.ok(ref.ok && Buffer.from(ref.data).equals(Buffer.from(data)));
          for (const [, d] of matches(stream)) assert.ok(d >= 2, 'distance 1 is not VRAM-safe');
        }),
        { numRuns: 150 },
      );
    });
  }

  it('optimal is exactly the smallest VRAM-safe stream (brute force on small inputs) and never larger than greedy', () => {
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ minLength: 1, maxLength: 60, max: 2 }), fc.uint8Array({ minLength: 1, maxLength: 60 })), (data) => {
        const opt = gbaLz77.encode(data).length;
        assert.equal(opt, refGbaOptimalSize(data), Buffer.from(data).toString('hex'));
        assert.ok(opt <= gbaLz77.encode(data, { level: 'greedy' }).length);
      }),
      { numRuns: 300 },
    );
  });

  it('greedy takes the longest match at each position (40 zeros: 2 literals, matches of 18 and 18 from 2 back, 2 literals)', () => {
    const stream = gbaLz77.encode(new Uint8Array(40), { level: 'greedy' });
    assert.deepEqual(matches(stream), [
      [18, 2],
      [18, 2],
    ]);
    assert.equal(stream.length, 4 + 1 + 4 + 4);
  });

  it('refuses empty input, an unknown level and a stream over maxSize', () => {
    assert.throws(() => gbaLz77.encode(new Uint8Array(0)), CodecEncodeError);
    assert.throws(() => gbaLz77.encode(new Uint8Array(8), { level: 'best' }), /unknown level "best" \(levels: optimal, greedy\)/);
    assert.throws(() => gbaLz77.encode(randomBytes(100, 1), { maxSize: 50 }), /more than the limit of 50 bytes/);
  });
});
