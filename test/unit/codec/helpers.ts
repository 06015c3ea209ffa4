/** Shared helpers for the codec tests: bounded fuzzing, reference data in ../shared, byte builders. */
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { CodecDecodeError, type Codec } from '../../../src/core/codec/types';

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

/** Deterministic pseudo-random bytes (xorshift32). */
export function noise(n: number, seed = 1): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed || 1;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

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
      (which, edits, strict) => {
        let s = Array.from(seeds[which]!);
        for (const [pos, v, op] of edits) {
          const p = pos % (s.length + 1);
          if (op === 0) s[p % s.length] = v;
          else if (op === 1) s[p % s.length]! ^= 1 << (v & 7);
          else if (op === 2) s.splice(p, 0, v);
          else s = s.slice(0, Math.max(0, p));
        }
        checkStream(codec, Uint8Array.from(s), 0, codec.maxOutput, strict, out);
      },
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
