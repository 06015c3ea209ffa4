/** Shared helpers for the codec tests: bounded fuzzing, reference data in ../shared, byte builders. */
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { probeScan, strongHits } from '../../../src/core/codec/probe-scan';
import { numericTables } from '../../../src/core/codec/synthetic-tables';
import { CodecDecodeError, type Codec } from '../../../src/core/codec/types';
import { mutated } from '../../support/mutate';
import { randomBytes } from '../hal/helpers';
import { requireShared } from '../../support/shared';

export function bytes(...parts: (number | string | Uint8Array | readonly number[])[]): Uint8Array {
  const out: number[] = [];
  for (const p of parts) {
    if (typeof p === 'number') out.push(p);
    else if (typeof p === 'string') for (const ch of p) out.push(ch.charCodeAt(0));
    else out.push(...p);
  }
  return Uint8Array.from(out);
}

export function ascii(data: Uint8Array): string {
  return String.fromCharCode(...data);
}

/** Deterministic pseudo-random bytes (xorshift32; the HAL tests' generator). */
export const noise = randomBytes;

/** Tile-like data: rows repeated, zero rows, a few shapes, some noise; compresses like graphics. */
export function tiles(n: number, seed = 3): Uint8Array {
  const rnd = noise(n + 64, seed);
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const tile = i >> 5;
    const row = (i >> 1) & 15;
    out[i] = rnd[tile % 7]! % 3 === 0 ? 0 : row % 3 === 0 ? rnd[(tile % 5) * 8 + (i & 1)]! : (rnd[i]! & 0x0f) | (tile & 0x30);
  }
  return out;
}

/**
 * Any input to `decodeInto` gives a result within the limit or a typed failure at an offset inside
 * the input; `decode` agrees (data, or a CodecDecodeError naming the same offset).
 */
export function checkStream(codec: Codec, src: Uint8Array, start: number, maxOutput: number, strict: boolean, out: Uint8Array): void {
  const canary = 0xa5;
  out[maxOutput] = canary;
  const st = codec.decodeInto(src, start, out, { maxOutput, strict });
  assert.equal(out[maxOutput], canary, 'wrote past maxOutput');
  if (st.ok) {
    assert.ok(st.size >= 0 && st.size <= maxOutput, `size ${st.size}`);
    assert.ok(st.consumed >= 1 && start + st.consumed <= src.length, `consumed ${st.consumed}`);
    const again = codec.decode(src, start, { maxOutput, strict });
    assert.equal(again.data.length, st.size);
    assert.equal(again.consumed, st.consumed);
  } else {
    assert.match(st.reason, /^[a-z0-9]+(-[a-z0-9]+)*$/, st.reason);
    assert.ok(st.offset >= start && st.offset <= src.length, `failure offset ${st.offset} outside the input`);
    assert.throws(
      () => codec.decode(src, start, { maxOutput, strict }),
      (e: unknown) => e instanceof CodecDecodeError && e.codec === codec.id && e.offset === st.offset && e.reason === st.reason,
    );
  }
}

/**
 * A bounded fuzz of a decoder: random streams, streams made of the codec's likely bytes, and valid
 * streams mutated (bytes set, bits flipped, bytes inserted, cut short). Every run must end (mocha's
 * timeout catches a hang) with a result or a typed failure, never writing past maxOutput.
 */
export function fuzzDecoder(codec: Codec, seeds: Uint8Array[], likely: number[], runs = 600): void {
  const out = new Uint8Array(codec.maxOutput + 1);
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 400 }), fc.nat(), fc.integer({ min: 1, max: 4096 }), fc.boolean(), (src, s, max, strict) =>
      checkStream(codec, src, src.length ? s % src.length : 0, max, strict, out),
    ),
    { numRuns: runs },
  );
  fc.assert(
    fc.property(
      fc.array(fc.oneof(fc.constantFrom(...likely), fc.nat(255)), { maxLength: 300 }),
      fc.integer({ min: 1, max: codec.maxOutput }),
      fc.boolean(),
      (arr, max, strict) => checkStream(codec, Uint8Array.from(arr), 0, max, strict, out),
    ),
    { numRuns: runs },
  );
  fc.assert(
    fc.property(
      fc.nat(seeds.length - 1),
      fc.array(fc.tuple(fc.nat(), fc.nat(255), fc.nat(3)), { minLength: 1, maxLength: 6 }),
      fc.boolean(),
      (which, edits, strict) => checkStream(codec, mutated(seeds[which]!, edits), 0, codec.maxOutput, strict, out),
    ),
    { numRuns: runs },
  );
}

/** encode then decode gives the input back, strictly, consuming the whole stream. */
export function roundTrips(codec: Codec, data: Uint8Array): Uint8Array {
  const enc = codec.encode(data);
  const dec = codec.decode(enc, 0, { strict: true });
  assert.equal(dec.consumed, enc.length, 'consumed the whole stream');
  assert.ok(Buffer.from(dec.data).equals(Buffer.from(data)), 'decodes to the input');
  return enc;
}

/** The homebrew ROMs of ../shared/fixtures/homebrew (names and bytes). */
export function homebrewRoms(shared: string): { name: string; data: Uint8Array }[] {
  const dir = join(shared, 'fixtures', 'homebrew');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.sfc'))
    .sort()
    .map((name) => ({ name, data: new Uint8Array(readFileSync(join(dir, name))) }));
}

export { knownLz4Frames, type KnownFrame } from '../../../src/bench/lz4';

/** The corpus inputs (../shared/fixtures/hal/corpus/<name>.bin) by name. */
export function corpusInputs(shared: string): { name: string; data: Uint8Array }[] {
  const dir = join(shared, 'fixtures', 'hal', 'corpus');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.bin'))
    .sort()
    .map((f) => ({ name: f.slice(0, -4), data: new Uint8Array(readFileSync(join(dir, f))) }));
}

export interface CommonTestOptions {
  /** Valid streams for the mutation fuzz. */
  seeds: () => Uint8Array[];
  /** Bytes the codec's syntax gives meaning to, for the biased fuzz. */
  likely: number[];
  /** More kinds of data for the round-trip property. */
  data?: fc.Arbitrary<Uint8Array>[];
}

/**
 * What every codec without a magic number is held to, as mocha tests in the calling describe():
 * encode then decode gives the input back (property test, strict decode); a bounded fuzz; no strong
 * hit in generated 16-bit tables; and on ../shared, every corpus input round-trips and none of the
 * 14 homebrew ROMs (which hold none of these formats) gives a strong hit.
 */
export function commonCodecTests(codec: Codec, opts: CommonTestOptions): void {
  it('round-trips anything through the encoder (property test), strictly', () => {
    const kinds: fc.Arbitrary<Uint8Array>[] = [
      fc.uint8Array({ minLength: 1, maxLength: 2000 }),
      fc.tuple(fc.integer({ min: 1, max: 20_000 }), fc.nat()).map(([n, s]) => tiles(n, s)),
      ...(opts.data ?? []),
    ];
    fc.assert(
      fc.property(fc.oneof(...kinds), (data) => {
        roundTrips(codec, data);
      }),
      { numRuns: 100 },
    );
  });

  it('fuzz: never throws, hangs or writes past maxOutput', function () {
    this.timeout(120_000);
    fuzzDecoder(codec, opts.seeds(), opts.likely, 300);
  });

  it('probe: no strong stream in generated 16-bit numeric tables', () => {
    assert.deepEqual(strongHits(probeScan(codec, numericTables(1 << 16))), []);
  });

  describe('on the reference data in ../shared', () => {
    let shared: string;
    before(function () {
      shared = requireShared(this);
    });

    it('round-trips every corpus input', function () {
      this.timeout(60_000);
      for (const { data } of corpusInputs(shared)) roundTrips(codec, data);
    });

    it(`finds no strong stream in the 14 homebrew ROMs (none of them holds ${codec.id})`, function () {
      this.timeout(120_000);
      for (const rom of homebrewRoms(shared)) assert.deepEqual(strongHits(probeScan(codec, rom.data)), [], rom.name);
    });
  });
}

/** `codec.decode` of `src` (strict unless said) gives `want` (hex-compared) and consumes all of `src`. */
export function expectDecode(codec: Codec, src: Uint8Array, want: Uint8Array | string | readonly number[], strict = true): void {
  const d = codec.decode(src, 0, { strict });
  const w = typeof want === 'string' ? bytes(want) : Uint8Array.from(want);
  assert.equal(Buffer.from(d.data).toString('hex'), Buffer.from(w).toString('hex'));
  assert.equal(d.consumed, src.length);
}

/** `codec.decodeInto` of `src` gives 'ok' or the failure `reason`. */
export function expectStatus(codec: Codec, src: Uint8Array, reason: string, strict = true): void {
  const st = codec.decodeInto(src, 0, new Uint8Array(codec.maxOutput), { strict });
  assert.equal(st.ok ? 'ok' : st.reason, reason);
}

/**
 * A stream the test writes by hand, field by field, beside a model of what it decodes to: literal
 * bytes go to both, a copy (whose fields the test writes itself) extends the model.
 */
export class HandStream {
  readonly out: number[] = [];
  readonly want: number[] = [];

  lit(data: Uint8Array | string): this {
    const d = typeof data === 'string' ? bytes(data) : data;
    this.out.push(...d);
    this.want.push(...d);
    return this;
  }

  /** What a copy of `len` bytes from `off` back writes. */
  copies(off: number, len: number): this {
    for (let k = 0; k < len; k++) this.want.push(this.want[this.want.length - off]!);
    return this;
  }

  get bytes(): Uint8Array {
    return Uint8Array.from(this.out);
  }
}
