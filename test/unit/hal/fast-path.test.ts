/**
 * The tuned decoder (4-byte steps, overlapped last steps, builtins for long runs) against the plain
 * byte-by-byte reference decoder: same status (reason and offset included) and same bytes, on
 * random streams, on command sequences aimed at the fast path's edges (counts around its step
 * sizes and thresholds, copies 1..9 bytes behind the output, sources not written yet), and on the
 * corpus, whole and mutated.
 */
import * as assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { decodeInto, type DecodeOptions } from '../../../src/core/hal';
import { readShared, requireShared } from '../../support/shared';
import { referenceDecode } from './reference-decoder';

/** A dirty output buffer: the fast path must not depend on what it held. */
const out = new Uint8Array(0x10000);

function same(src: Uint8Array, start: number, opts: DecodeOptions = {}, into: Uint8Array = out): void {
  into.fill(0xa5);
  const fast = decodeInto(src, start, into, opts);
  const ref = referenceDecode(src, start, opts);
  assert.deepEqual(fast, ref.status);
  if (fast.ok) {
    const a = Buffer.from(into.buffer, into.byteOffset, fast.size);
    const b = Buffer.from(ref.out.buffer, 0, fast.size);
    if (!a.equals(b)) {
      let k = 0;
      while (a[k] === b[k]) k++;
      assert.fail(`output differs at byte ${k} of ${fast.size}: ${a[k]} vs ${b[k]}`);
    }
  }
}

interface Cmd {
  cmd: number;
  n: number;
  long: boolean;
  /** For copies: how the source is chosen relative to the output position. */
  src: { kind: 'behind' | 'at-or-after' | 'anywhere'; v: number };
  bytes: number[];
}

/** Counts around the fast path's seams: < 4, 4-step and 8-step tails, the builtin thresholds, the maximum. */
const count = fc.oneof(
  fc.integer({ min: 1, max: 12 }),
  fc.integer({ min: 28, max: 36 }),
  fc.integer({ min: 44, max: 70 }),
  fc.integer({ min: 124, max: 132 }),
  fc.integer({ min: 1, max: 1024 }),
  fc.constantFrom(1017, 1020, 1023, 1024),
);

const command: fc.Arbitrary<Cmd> = fc.record({
  cmd: fc.oneof(fc.integer({ min: 0, max: 7 }), fc.constantFrom(4, 5, 6)),
  n: count,
  long: fc.boolean(),
  src: fc.oneof(
    fc.record({ kind: fc.constant('behind' as const), v: fc.integer({ min: 1, max: 9 }) }),
    fc.record({ kind: fc.constant('behind' as const), v: fc.integer({ min: 1, max: 2000 }) }),
    fc.record({ kind: fc.constant('at-or-after' as const), v: fc.integer({ min: 0, max: 40 }) }),
    fc.record({ kind: fc.constant('anywhere' as const), v: fc.integer({ min: 0, max: 0xffff }) }),
  ),
  bytes: fc.array(fc.nat(255), { minLength: 2, maxLength: 2 }),
});

/** Serialises commands, choosing copy sources from the output position each command starts at. */
function build(cmds: Cmd[], rawBytes: Uint8Array, end: 'ff' | 'none' | 'cut'): Uint8Array {
  const s: number[] = [];
  let o = 0;
  let r = 0;
  for (const c of cmds) {
    const long = c.long || c.n > 32 || c.cmd === 7;
    const m = c.n - 1;
    if (long) s.push(0xe0 | (c.cmd << 2) | (m >> 8), m & 0xff);
    else s.push((c.cmd << 5) | m);
    if (c.cmd === 0) for (let k = 0; k < c.n; k++) s.push(rawBytes[r++ % rawBytes.length]!);
    else if (c.cmd === 1 || c.cmd === 3) s.push(c.bytes[0]!);
    else if (c.cmd === 2) s.push(c.bytes[0]!, c.bytes[1]!);
    else {
      const off = c.src.kind === 'behind' ? Math.max(0, o - c.src.v) : c.src.kind === 'at-or-after' ? o + c.src.v : c.src.v;
      s.push((off >> 8) & 0xff, off & 0xff);
    }
    o += c.cmd === 2 ? 2 * c.n : c.n;
  }
  if (end === 'ff') s.push(0xff);
  else if (end === 'cut') s.length = Math.max(0, s.length - 1);
  return Uint8Array.from(s);
}

describe('HAL decoder fast path = the byte-by-byte reference', () => {
  it('command sequences at the fast path edges (counts, short distances, unwritten sources)', () => {
    fc.assert(
      fc.property(
        fc.array(command, { minLength: 1, maxLength: 40 }),
        fc.uint8Array({ minLength: 1, maxLength: 64 }),
        fc.constantFrom('ff', 'ff', 'ff', 'none', 'cut') as fc.Arbitrary<'ff' | 'none' | 'cut'>,
        fc.boolean(),
        fc.oneof(fc.constant(0x10000), fc.integer({ min: 1, max: 0x10000 })),
        (cmds, raw, end, strict, maxOutput) => same(build(cmds, raw, end), 0, { strict, maxOutput }),
      ),
      { numRuns: 1500 },
    );
  });

  it('random bytes from any start', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 800 }), fc.nat(), fc.boolean(), (src, s, strict) => same(src, s % src.length, { strict })),
      { numRuns: 1500 },
    );
  });

  it('input and output that are views at odd offsets into larger buffers, alternating', () => {
    fc.assert(
      fc.property(
        fc.array(command, { minLength: 1, maxLength: 20 }),
        fc.uint8Array({ minLength: 1, maxLength: 32 }),
        fc.nat(7),
        fc.nat(7),
        (cmds, raw, a, b) => {
          const stream = build(cmds, raw, 'ff');
          const big = new Uint8Array(stream.length + 16);
          big.set(stream, a + 1);
          const src = big.subarray(a + 1, a + 1 + stream.length);
          const into = new Uint8Array(0x10000 + 16).subarray(b + 1, b + 1 + 0x10000);
          same(src, 0, {}, into);
          same(stream, 0); // a different array each time: the cached views must follow
          same(src, 0, {}, into);
        },
      ),
      { numRuns: 300 },
    );
  });

  describe('on the corpus (shared/fixtures/hal/corpus)', function () {
    let dir = '';
    let streams: Uint8Array[] = [];
    before(function () {
      dir = join(requireShared(this), 'fixtures', 'hal', 'corpus');
      streams = readdirSync(dir)
        .filter((f) => f.endsWith('.hal'))
        .sort()
        .map((f) => readShared(dir, f));
    });

    it('every stream, strict and lenient', () => {
      assert.ok(streams.length >= 16, `only ${streams.length} streams`);
      for (const s of streams) {
        same(s, 0);
        same(s, 0, { strict: true });
      }
    });

    it('mutated streams (bytes changed, inserted, deleted, cut)', () => {
      fc.assert(
        fc.property(fc.nat(), fc.array(fc.tuple(fc.nat(), fc.nat(255), fc.nat(3)), { minLength: 1, maxLength: 6 }), (which, edits) => {
          let s = Array.from(streams[which % streams.length]!);
          for (const [pos, v, op] of edits) {
            const p = pos % (s.length + 1);
            if (op === 0) s[p % s.length] = v;
            else if (op === 1) s.splice(p, 0, v);
            else if (op === 2) s.splice(p % s.length, 1);
            else s = s.slice(0, Math.max(1, p));
          }
          same(Uint8Array.from(s), 0);
        }),
        { numRuns: 300 },
      );
    });
  });
});
