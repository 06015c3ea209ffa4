import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { CodecDecodeError, listCodecs, type Codec, type CodecDecodeOptions } from '../../../src/core/codec';
import { randomBytes, spriteSheet } from '../hal/helpers';

/** Bytes past the output limit that a decoder must never touch. */
const GUARD = 64;
const SENTINEL = 0xa7;
const buffers = new Map<number, Uint8Array>();

/**
 * One decode of `src` at `start`: decodeInto never throws and stays inside its limit; a success
 * is a real stream inside the input; a failure names an offset inside it; `decode` agrees,
 * throwing only CodecDecodeError; a strict success is a lenient one with the same output.
 */
function check(codec: Codec, src: Uint8Array, start: number, opts: CodecDecodeOptions): void {
  const max = opts.maxOutput!;
  let out = buffers.get(max);
  if (!out) buffers.set(max, (out = new Uint8Array(max + GUARD)));
  out.fill(SENTINEL, max);
  const st = codec.decodeInto(src, start, out, opts);
  for (let k = max; k < max + GUARD; k++) assert.equal(out[k], SENTINEL, `${codec.id} wrote past maxOutput ${max}`);
  const end = opts.length === undefined ? src.length : Math.min(src.length, start + opts.length);
  if (st.ok) {
    // Empty output is a real stream where the format has one (an LZ4 frame without content, an RLE
    // stream that is only its end marker); HAL's format has none and reports 'empty'.
    assert.ok(st.size >= 0 && st.size <= max, `${codec.id} size ${st.size}`);
    assert.ok(st.consumed >= 1 && start + st.consumed <= end, `${codec.id} consumed ${st.consumed}`);
    const again = codec.decode(src, start, opts);
    assert.equal(again.consumed, st.consumed);
    assert.ok(Buffer.from(again.data).equals(Buffer.from(out.subarray(0, st.size))), `${codec.id}: decode and decodeInto agree`);
    if (opts.strict) {
      const lenient = codec.decode(src, start, { ...opts, strict: false });
      assert.ok(Buffer.from(lenient.data).equals(Buffer.from(again.data)), `${codec.id}: strict and lenient agree`);
    }
  } else {
    assert.match(st.reason, /^[a-z0-9]+(-[a-z0-9]+)*$/);
    assert.ok(st.offset >= start && st.offset <= src.length, `${codec.id} failure offset ${st.offset} outside [${start}, ${src.length}]`);
    assert.throws(
      () => codec.decode(src, start, opts),
      (e: unknown) => e instanceof CodecDecodeError && e.codec === codec.id && e.reason === st.reason && e.offset === st.offset,
    );
  }
}

/** Streams the codec's own encoder wrote (to mutate), when it has one. */
function seeds(codec: Codec): Uint8Array[] {
  if (!codec.levels.length) return [randomBytes(300, 5)];
  const inputs = [spriteSheet(3000, 3), spriteSheet(700, 9), randomBytes(200, 4), new Uint8Array(1500)];
  return inputs.flatMap((input) => codec.levels.map((level) => codec.encode(input, { level })));
}

for (const codec of listCodecs()) {
  describe(`${codec.id} decoder fuzz (bounded: random and mutated streams)`, function () {
    this.timeout(120_000);
    const limit = Math.min(codec.maxOutput, 0x10000);
    const options = fc.record({
      strict: fc.boolean(),
      maxOutput: fc.oneof(fc.constant(limit), fc.integer({ min: 1, max: limit })),
      length: codec.selfDelimiting ? fc.option(fc.nat(2000), { nil: undefined }) : fc.nat(2000),
    });

    it('random bytes, and bytes biased to headers, tags and copies', () => {
      const token = fc.oneof(fc.nat(255), fc.constantFrom(0x00, 0x10, 0x1f, 0x20, 0x7f, 0x80, 0x9f, 0xa0, 0xdf, 0xe0, 0xe3, 0xe7, 0xef, 0xf3, 0xfc, 0xff));
      fc.assert(
        fc.property(fc.array(token, { maxLength: 600 }), fc.nat(), options, (arr, s, opts) => {
          const src = Uint8Array.from(arr);
          check(codec, src, src.length ? s % src.length : 0, opts);
        }),
        { numRuns: 1500 },
      );
    });

    it('mutated streams of its own encoder (bit flips, bytes set, cut, inserted and deleted)', () => {
      const streams = seeds(codec);
      fc.assert(
        fc.property(
          fc.nat(streams.length - 1),
          fc.array(fc.tuple(fc.nat(), fc.nat(255), fc.nat(4)), { minLength: 1, maxLength: 6 }),
          options,
          (which, edits, opts) => {
            const s = Array.from(streams[which]!);
            for (const [pos, v, op] of edits) {
              const p = pos % (s.length + 1);
              if (op === 0) s[p % s.length] = s[p % s.length]! ^ (1 << (v & 7));
              else if (op === 1) s[p % s.length] = v;
              else if (op === 2) s.splice(p, 0, v);
              else if (op === 3) s.splice(p % s.length, 1);
              else s.length = Math.max(1, p);
            }
            check(codec, Uint8Array.from(s), 0, opts);
          },
        ),
        { numRuns: 1000 },
      );
    });

    it('every offset of a sprite sheet and of its own streams (what a scanner feeds it)', () => {
      const data = Uint8Array.from([...spriteSheet(800, 2), ...seeds(codec)[0]!.subarray(0, 800)]);
      for (let start = 0; start < data.length; start++)
        check(codec, data, start, { strict: true, maxOutput: limit, length: codec.selfDelimiting ? undefined : 512 });
    });
  });
}
