import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { decode, decodeInto, encode, HalDecodeError, type DecodeOptions } from '../../../src/core/hal';
import { randomBytes, spriteSheet } from './helpers';
import { mutated } from '../../support/mutate';

const REASONS = new Set(['truncated', 'overflow', 'copy-before-start', 'copy-past-end', 'empty', 'unwritten-source']);
const out = new Uint8Array(65536);

/** Any stream: a result that fits, or a typed error at an offset inside the stream. */
function check(src: Uint8Array, start: number, opts?: DecodeOptions): void {
  const st = decodeInto(src, start, out, opts);
  if (st.ok) {
    assert.ok(st.size >= 1 && st.size <= (opts?.maxOutput ?? 65536));
    assert.ok(st.consumed >= 1 && start + st.consumed <= src.length);
    assert.equal(src[start + st.consumed - 1], 0xff);
    const again = decode(src, start, opts);
    assert.equal(again.data.length, st.size);
    if (opts?.strict) assert.ok(Buffer.from(decode(src, start).data).equals(Buffer.from(again.data)), 'strict and lenient agree');
  } else {
    assert.ok(REASONS.has(st.reason), st.reason);
    assert.ok(st.offset >= start && st.offset <= src.length, `offset ${st.offset}`);
    assert.throws(
      () => decode(src, start, opts),
      (e: unknown) => e instanceof HalDecodeError && e.reason === st.reason && e.offset === st.offset,
    );
  }
}

describe('HAL decoder fuzz (a longer run: node scripts/fuzz-hal.mjs after node esbuild.mjs --tests)', () => {
  it('random streams: always a result or a typed error', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 0, maxLength: 600 }), fc.nat(), fc.boolean(), (src, s, strict) =>
        check(src, src.length ? s % src.length : 0, { strict }),
      ),
      { numRuns: 1500 },
    );
  });

  it('streams biased to copies, fills and long headers', () => {
    const token = fc.oneof(
      fc.constantFrom(0xff, 0xe0, 0xe7, 0xeb, 0xef, 0xf3, 0xf7, 0xfb, 0xfe, 0x9f, 0xbf, 0xdf),
      fc.integer({ min: 0x80, max: 0xdf }),
      fc.integer({ min: 0, max: 255 }),
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 300 }), fc.integer({ min: 1, max: 65536 }), (arr, maxOutput) => check(Uint8Array.from(arr), 0, { maxOutput })),
      { numRuns: 1500 },
    );
  });

  it('mutated valid streams (bit flips, cut, inserted and deleted bytes)', () => {
    const seeds = [encode(spriteSheet(4096, 3), { level: 'greedy' }), encode(spriteSheet(3000, 5)), encode(randomBytes(700, 9), { level: 'fast' })];
    fc.assert(
      fc.property(
        fc.nat(seeds.length - 1),
        fc.array(fc.tuple(fc.nat(), fc.nat(255), fc.nat(3)), { minLength: 1, maxLength: 8 }),
        fc.boolean(),
        (which, edits, strict) => check(mutated(seeds[which]!, edits), 0, { strict }),
      ),
      { numRuns: 800 },
    );
  });
});
