import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { decode, encode, HalEncodeError, HAL_CODEC_VERSION, type HalLevel } from '../../../src/core/hal';
import { SpritePalError } from '../../../src/core/errors';
import { bitrev8, randomBytes, spriteSheet } from './helpers';

const LEVELS: HalLevel[] = ['optimal', 'greedy', 'fast'];

function roundTrip(data: Uint8Array, level: HalLevel): Uint8Array {
  const stream = encode(data, { level, maxSize: 0x20000 });
  const r = decode(stream, 0, { strict: true });
  assert.equal(r.consumed, stream.length, `${level}: consumed`);
  assert.equal(r.data.length, data.length, `${level}: size`);
  assert.ok(Buffer.from(r.data).equals(Buffer.from(data)), `${level}: bytes`);
  return stream;
}

/** Each level, and optimal is never longer than greedy. */
function checkAll(data: Uint8Array): void {
  const sizes = LEVELS.map((l) => roundTrip(data, l).length);
  assert.ok(sizes[0]! <= sizes[1]!, `optimal ${sizes[0]} > greedy ${sizes[1]}`);
}

/** Structured inputs: runs, word runs, increasing runs (across FF), mirrored and repeated slices. */
const structured = fc
  .array(
    fc.oneof(
      fc.uint8Array({ minLength: 1, maxLength: 40 }),
      fc.record({ v: fc.integer({ min: 0, max: 255 }), n: fc.integer({ min: 1, max: 1500 }) }).map(({ v, n }) => new Uint8Array(n).fill(v)),
      fc
        .record({ a: fc.integer({ min: 0, max: 255 }), b: fc.integer({ min: 0, max: 255 }), n: fc.integer({ min: 1, max: 1200 }) })
        .map(({ a, b, n }) => Uint8Array.from({ length: 2 * n }, (_, k) => (k & 1 ? b : a))),
      fc
        .record({ v: fc.integer({ min: 0, max: 255 }), n: fc.integer({ min: 1, max: 600 }) })
        .map(({ v, n }) => Uint8Array.from({ length: n }, (_, k) => (v + k) & 0xff)),
      fc.integer({ min: 0, max: 3 }).map((k) => new Uint8Array([k])), // markers that get mirrored below
    ),
    { minLength: 1, maxLength: 12 },
  )
  .chain((parts) =>
    fc.array(fc.integer({ min: 0, max: 3 }), { minLength: parts.length, maxLength: parts.length }).map((mods) => {
      const out: number[] = [];
      parts.forEach((p, k) => {
        const mod = mods[k]!;
        const prev = out.slice(Math.max(0, out.length - 64));
        out.push(...p);
        if (mod === 1) out.push(...prev.map(bitrev8)); // a horizontally mirrored copy
        if (mod === 2) out.push(...prev.slice().reverse()); // a backwards copy
        if (mod === 3) out.push(...prev); // a repeat
      });
      return Uint8Array.from(out.slice(0, 65536));
    }),
  );

describe('HAL encode: round trips at every level', () => {
  it('edge sizes 1, 2, 3, 31-33, 1023-1025 of random, constant and increasing bytes', () => {
    for (const n of [1, 2, 3, 4, 5, 31, 32, 33, 64, 65, 1023, 1024, 1025, 2047, 2048, 2049, 2050, 4100]) {
      checkAll(randomBytes(n, n));
      checkAll(new Uint8Array(n).fill(0x5a));
      checkAll(Uint8Array.from({ length: n }, (_, k) => (0xf0 + k) & 0xff));
      checkAll(Uint8Array.from({ length: n }, (_, k) => (k & 1 ? 0x12 : 0x34)));
    }
  });

  it('65,535 and 65,536 bytes: zeros, a sprite sheet, random with a long repeat', () => {
    for (const n of [65535, 65536]) {
      checkAll(new Uint8Array(n));
      checkAll(spriteSheet(n, n));
    }
    const r = randomBytes(65536, 99);
    r.copyWithin(40000, 1000, 20000);
    roundTrip(r.subarray(0, 65000), 'optimal');
  });

  it('random inputs (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 3000 }), (data) => checkAll(data)),
      { numRuns: 60 },
    );
  });

  it('structured inputs: runs, word runs, increasing runs across FF, mirrored and reversed tiles (property)', () => {
    fc.assert(
      fc.property(structured, (data) => checkAll(data)),
      { numRuns: 120 },
    );
  });

  it('small alphabets stress tie-breaking and overlaps (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 1, maxLength: 2500 }), (arr) => checkAll(Uint8Array.from(arr))),
      { numRuns: 60 },
    );
  });

  it('uses the fill commands: long runs compress to a few bytes', () => {
    assert.equal(encode(new Uint8Array(65536), { level: 'greedy' }).length, 129); // 32 x EB FF 00 00 + FF
    assert.equal(encode(new Uint8Array(65536)).length, 129);
    assert.deepEqual([...encode(Uint8Array.from([0xfe, 0xff, 0, 1, 2, 3]))], [0x65, 0xfe, 0xff]); // increasing fill wraps
    assert.deepEqual([...encode(Uint8Array.from([0xfe, 0xff, 0, 1, 2, 3]), { level: 'greedy' })], [0x01, 0xfe, 0xff, 0x63, 0x00, 0xff]);
  });
});

/** The shortest stream by brute force: every command, every count, every valid source. */
function bruteOptimalSize(d: Uint8Array): number {
  const n = d.length;
  const hdr = (k: number) => (k <= 32 ? 1 : 2);
  const best = new Array<number>(n + 1).fill(Infinity);
  best[0] = 0;
  for (let i = 0; i < n; i++) {
    const c = best[i]!;
    const relax = (j: number, cost: number) => {
      if (c + cost < best[j]!) best[j] = c + cost;
    };
    for (let k = 1; k <= Math.min(1024, n - i); k++) relax(i + k, hdr(k) + k);
    for (let k = 1; i + k <= n && k <= 1024 && d[i + k - 1] === d[i]; k++) relax(i + k, hdr(k) + 1);
    for (let k = 1; i + k <= n && k <= 1024 && d[i + k - 1] === ((d[i]! + k - 1) & 0xff); k++) relax(i + k, hdr(k) + 1);
    for (let w = 1; i + 2 * w <= n && w <= 1024 && d[i + 2 * w - 2] === d[i] && d[i + 2 * w - 1] === d[i + 1]; w++) relax(i + 2 * w, hdr(w) + 2);
    for (let p = 0; p < i; p++) {
      for (let k = 1; i + k <= n && k <= 1024 && d[p + k - 1] === d[i + k - 1]; k++) relax(i + k, hdr(k) + 2);
      for (let k = 1; i + k <= n && k <= 1024 && d[p + k - 1] === bitrev8(d[i + k - 1]!); k++) relax(i + k, hdr(k) + 2);
      for (let k = 1; i + k <= n && k <= 1024 && k <= p + 1 && d[p - k + 1] === d[i + k - 1]; k++) relax(i + k, hdr(k) + 2);
    }
  }
  return best[n]! + 1;
}

describe('HAL encode: optimal is the exact optimum', () => {
  it('matches a brute-force shortest path over every command, count and source (property)', () => {
    const byte = fc.constantFrom(0x00, 0x01, 0x02, 0x80, 0x40, 0xff, 0x11);
    fc.assert(
      fc.property(fc.array(byte, { minLength: 1, maxLength: 70 }), (arr) => {
        const d = Uint8Array.from(arr);
        assert.equal(encode(d).length, bruteOptimalSize(d));
      }),
      { numRuns: 200 },
    );
  });

  it('also with runs longer than 32 (both header sizes) (property)', () => {
    const chunk = fc.oneof(
      fc.record({ v: fc.constantFrom(0, 1, 0xfe), n: fc.integer({ min: 1, max: 70 }) }).map(({ v, n }) => new Array<number>(n).fill(v)),
      fc.record({ v: fc.constantFrom(0, 0xf0), n: fc.integer({ min: 1, max: 50 }) }).map(({ v, n }) => Array.from({ length: n }, (_, k) => (v + k) & 0xff)),
      fc.array(fc.constantFrom(0, 1, 0x80, 0xfe), { minLength: 1, maxLength: 8 }),
    );
    fc.assert(
      fc.property(fc.array(chunk, { minLength: 1, maxLength: 6 }), (chunks) => {
        const d = Uint8Array.from(chunks.flat().slice(0, 160));
        assert.equal(encode(d).length, bruteOptimalSize(d));
      }),
      { numRuns: 40 },
    );
  });
});

describe('HAL encode: inhal quirks reproduced by greedy and fast (format doc §5)', () => {
  const words = (count: number) => Uint8Array.from({ length: 2 * count }, (_, k) => (k & 1 ? 2 : 1));
  const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

  it('word fill cap: 1,025+ words take 2,048 bytes, 513-1,023 words only 1,024 bytes', () => {
    assert.equal(hex(encode(words(1100), { level: 'greedy' })), 'ebff0102' + 'e84b0102' + 'ff');
    assert.equal(hex(encode(words(600), { level: 'greedy' })), 'e9ff0102' + 'e8570102' + 'ff');
  });

  it('a run wins a tie against a copy of the same length', () => {
    // at 4: copy of 4 from 0 (AA AA AA AA) ties the byte fill of 4: the fill is written
    assert.equal(hex(encode(Uint8Array.from([0xaa, 0xaa, 0xaa, 0xaa, 0xaa, 0xaa, 0xaa, 0xaa]), { level: 'greedy' })), '27aaff');
    assert.equal(hex(encode(Uint8Array.from([9, 3, 7, 5, 9, 3, 7, 5]), { level: 'greedy' })), '0309030705' + '830000' + 'ff');
  });

  it('fast has no increasing fill, bit-reversed or backwards copy; greedy has them', () => {
    const inc = Uint8Array.from([0, 1, 2, 3, 4]);
    assert.equal(hex(encode(inc, { level: 'fast' })), '040001020304ff');
    assert.equal(hex(encode(inc, { level: 'greedy' })), '6400ff');
    const mirrored = Uint8Array.from([0x01, 0x02, 0x04, 0x08, 0x80, 0x40, 0x20, 0x10]);
    assert.equal(hex(encode(mirrored, { level: 'greedy' })), '0301020408' + 'a30000' + 'ff');
    const back = Uint8Array.from([5, 9, 3, 8, 8, 3, 9, 5]);
    assert.equal(hex(encode(back, { level: 'greedy' })), '0305090308' + 'c30003' + 'ff');
    assert.equal(hex(encode(back, { level: 'fast' })), '070509030808030905ff');
  });

  it('literals are flushed at 1,024 bytes; copies need 4 bytes and at least 4 remaining', () => {
    const r = randomBytes(1025, 77);
    const s = encode(r, { level: 'greedy' });
    assert.equal(hex(s.subarray(0, 2)), 'e3ff');
    assert.equal(s[1026], 0x00);
    assert.equal(s.length, 2 + 1024 + 2 + 1);
    assert.equal(hex(encode(Uint8Array.from([1, 5, 3, 1, 5, 3]), { level: 'greedy' })), '05010503010503ff');
  });
});

describe('HAL encode: input checks and the size limit', () => {
  it('rejects empty and oversized input with a HalEncodeError', () => {
    for (const level of LEVELS) {
      assert.throws(
        () => encode(new Uint8Array(0), { level }),
        (e: unknown) => e instanceof HalEncodeError && e instanceof SpritePalError && e.code === 'hal-encode' && /empty/.test(e.message),
      );
      assert.throws(() => encode(new Uint8Array(65537), { level }), /65537 bytes.*at most 65,536/);
    }
    assert.throws(() => encode(new Uint8Array(4), { level: 'best' as HalLevel }), /unknown level "best"/);
    assert.throws(() => encode(new Uint8Array(4), { maxSize: 0 }), /maxSize/);
  });

  it('checks maxSize on the finished stream and says both sizes', () => {
    const data = randomBytes(500, 3);
    const full = encode(data);
    assert.equal(encode(data, { maxSize: full.length }).length, full.length);
    assert.throws(
      () => encode(data, { maxSize: full.length - 1 }),
      (e: unknown) => e instanceof HalEncodeError && e.message.includes(`${full.length} bytes`) && e.message.includes(`${full.length - 1} bytes`),
    );
  });

  it('defaults the limit to 65,536: 64 KiB of random bytes does not fit at any level', () => {
    const r = randomBytes(65536, 5);
    for (const level of LEVELS) assert.throws(() => encode(r, { level }), /stream is 656\d\d bytes, more than the limit of 65536 bytes/);
    assert.equal(decode(encode(r, { level: 'fast', maxSize: 70000 })).data.length, 65536);
  });

  it('near the limit the stream is whole, never truncated (inhal bug §6.3)', () => {
    const n = 65440;
    const data = randomBytes(n, 11);
    data.copyWithin(n - 36, 100, 136);
    for (const level of LEVELS) {
      let stream: Uint8Array | null = null;
      try {
        stream = encode(data, { level });
      } catch (e) {
        assert.ok(e instanceof HalEncodeError);
        continue;
      }
      assert.equal(decode(stream).data.length, n);
    }
  });

  it('has a codec version for caches', () => {
    assert.match(HAL_CODEC_VERSION, /^hal-\d+/);
  });
});
