import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { BITREV } from '../../../src/core/codec/shared/bytes';
import { KIND_BACKWARD, KIND_BITREV, KIND_FORWARD, MatchText, SourceSet, type MatchKind } from '../../../src/core/codec/shared/match-text';
import { nearMatches } from '../../../src/core/codec/lc-lz3/near-matches';
import { longestMatches } from '../../../src/core/codec/gba-lz77/matches';
import { randomBytes } from '../hal/helpers';

/** How many bytes from i a copy of `kind` from source s writes correctly (uncapped). */
function matchLength(input: Uint8Array, kind: MatchKind, i: number, s: number): number {
  let k = 0;
  for (; i + k < input.length; k++) {
    const from = kind === KIND_BACKWARD ? s - k : s + k;
    if (from < 0) break;
    const v = kind === KIND_BITREV ? BITREV[input[from]!]! : input[from]!;
    if (v !== input[i + k]) break;
  }
  return k;
}

/** Inputs with many matches at many distances: a small alphabet, with blocks repeated, flipped and reversed. */
const matchy = fc.oneof(
  fc.uint8Array({ minLength: 1, maxLength: 400, max: 3 }),
  fc.tuple(fc.integer({ min: 2, max: 200 }), fc.integer({ min: 1, max: 300 }), fc.nat()).map(([d, n, seed]) => {
    const head = randomBytes(d, seed + 1).map((b) => b & 7);
    const out = new Uint8Array(d + n);
    out.set(head);
    for (let k = 0; k < n; k++) out[d + k] = k % 3 === 0 ? BITREV[out[k]!]! : k % 3 === 1 ? out[d - 1 - (k % d)]! : out[k]!;
    return out;
  }),
);

describe('match finders (checked against brute force)', function () {
  this.timeout(120_000);

  it('near matches (LC_LZ3: 1..128 bytes back): the longest per kind at every position, and a source that gives it', () => {
    fc.assert(
      fc.property(matchy, (input) => {
        const text = new MatchText(input, { bitrev: true, backward: true });
        const near = nearMatches(input, text, 2);
        for (let i = 1; i < input.length; i++) {
          [KIND_FORWARD, KIND_BITREV, KIND_BACKWARD].forEach((kind, k) => {
            let best = 0;
            for (let d = 1; d <= Math.min(128, i); d++) best = Math.max(best, matchLength(input, kind as MatchKind, i, i - d));
            assert.equal(near.len[k]![i], best >= 2 ? best : 0, `kind ${kind} at ${i}`);
            if (best >= 2) assert.equal(matchLength(input, kind as MatchKind, i, near.src[k]![i]!), best);
          });
        }
      }),
      { numRuns: 60 },
    );
  });

  it('any-source matches (LC_LZ2, LC_LZ3 long sources): the longest from every earlier position', () => {
    fc.assert(
      fc.property(matchy, (input) => {
        const text = new MatchText(input, { bitrev: true, backward: true });
        for (const kind of [KIND_FORWARD, KIND_BITREV, KIND_BACKWARD] as MatchKind[]) {
          const set = new SourceSet(text, kind);
          for (let i = 1; i < input.length; i++) {
            set.insert(i - 1);
            let best = 0;
            for (let s = 0; s < i; s++) best = Math.max(best, matchLength(input, kind, i, s));
            const len = set.longest(i);
            assert.equal(len, best, `kind ${kind} at ${i}`);
            if (best > 0) assert.equal(matchLength(input, kind, i, set.source), best);
          }
        }
      }),
      { numRuns: 40 },
    );
  });

  it('GBA window matches: 2 to 4,096 bytes back, at most 18, at every position', () => {
    const check = (input: Uint8Array) => {
      const m = longestMatches(input);
      for (let i = 0; i < input.length; i++) {
        let best = 0;
        for (let d = 2; d <= Math.min(4096, i); d++) best = Math.max(best, Math.min(18, matchLength(input, KIND_FORWARD, i, i - d)));
        assert.equal(m.len[i], best >= 3 ? best : 0, `at ${i}`);
        if (best >= 3) assert.equal(Math.min(18, matchLength(input, KIND_FORWARD, i, i - m.dist[i]!)), best);
      }
    };
    fc.assert(fc.property(matchy, check), { numRuns: 60 });
    // the window's edges: a block seen 4,096 bytes back is found, one seen 4,097 back is not
    const block = randomBytes(20, 9);
    const input = randomBytes(4200, 7);
    input.set(block, 0);
    input.set(block, 4096);
    const other = randomBytes(10, 11);
    input.set(other, 40);
    input.set(other, 40 + 4097);
    const m = longestMatches(input);
    assert.equal(m.len[4096], 18);
    assert.equal(m.dist[4096], 4096);
    assert.equal(m.len[4137], 0);
  });
});
