import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { suffixArray, inverse, lcpArray } from '../../../src/core/hal/suffix-array';
import { MinIndex } from '../../../src/core/hal/min-index';
import { RankSet } from '../../../src/core/hal/rank-set';
import { KIND_BACK, KIND_BITREV, KIND_COPY, MatchFinder } from '../../../src/core/hal/match-finder';
import { byteRuns, increasingRuns, wordRuns } from '../../../src/core/hal/runs';
import { BITREV, headerSize } from '../../../src/core/hal/commands';
import { bitrev8, randomBytes } from './helpers';

function naiveSa(s: Int32Array): number[] {
  const idx = Array.from({ length: s.length }, (_, i) => i);
  const cmp = (a: number, b: number): number => {
    while (a < s.length && b < s.length) {
      if (s[a] !== s[b]) return s[a]! - s[b]!;
      a++;
      b++;
    }
    return a === s.length ? -1 : 1;
  };
  return idx.sort(cmp);
}

/** Brute-force longest match of a kind at i from p < i, with the lowest p among the longest. */
function bruteMatch(input: Uint8Array, kind: number, i: number): { len: number; p: number } {
  let best = 0;
  let bestP = -1;
  for (let p = 0; p < i; p++) {
    let k = 0;
    if (kind === KIND_COPY) while (i + k < input.length && input[p + k] === input[i + k]) k++;
    else if (kind === KIND_BITREV) while (i + k < input.length && input[p + k] === bitrev8(input[i + k]!)) k++;
    else while (i + k < input.length && k <= p && input[p - k] === input[i + k]) k++;
    if (k > best) {
      best = k;
      bestP = p;
    }
  }
  return { len: best, p: bestP };
}

describe('HAL internals', () => {
  it('suffix array and LCP match a naive construction (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 400 }), (arr) => {
        const s = Int32Array.from(arr);
        const sa = suffixArray(s, 3);
        assert.deepEqual([...sa], naiveSa(s));
        const lcp = lcpArray(s, sa, inverse(sa));
        for (let k = 1; k < s.length; k++) {
          let h = 0;
          while (sa[k - 1]! + h < s.length && sa[k]! + h < s.length && s[sa[k - 1]! + h] === s[sa[k]! + h]) h++;
          assert.equal(lcp[k], h);
        }
      }),
      { numRuns: 150 },
    );
    assert.equal(suffixArray(new Int32Array(0), 0).length, 0);
  });

  it('MinIndex answers min, prevLess and nextLess like a scan (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 1, maxLength: 700 }),
        fc.array(fc.tuple(fc.nat(), fc.nat(), fc.integer({ min: 0, max: 52 })), { minLength: 1, maxLength: 30 }),
        (arr, queries) => {
          const a = Int32Array.from(arr);
          const idx = new MinIndex(a);
          for (const [x, y, t] of queries) {
            const l = Math.min(x % a.length, y % a.length);
            const r = Math.max(x % a.length, y % a.length);
            assert.equal(idx.min(l, r), Math.min(...arr.slice(l, r + 1)));
            let prev = -1;
            for (let k = r - 1; k >= 0; k--)
              if (a[k]! < t) {
                prev = k;
                break;
              }
            assert.equal(idx.prevLess(r, t), prev);
            let next = -1;
            for (let k = l + 1; k < a.length; k++)
              if (a[k]! < t) {
                next = k;
                break;
              }
            assert.equal(idx.nextLess(l, t), next);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('RankSet answers prev and next like a sorted scan (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 70000 }),
        fc.array(fc.nat(), { maxLength: 60 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 40 }),
        (size, adds, queries) => {
          const set = new RankSet(size);
          const members = [...new Set(adds.map((a) => a % size))].sort((a, b) => a - b);
          for (const m of members) set.add(m);
          for (const q0 of queries) {
            const q = q0 % size;
            assert.equal(set.prev(q), [...members].reverse().find((m) => m < q) ?? -1);
            assert.equal(set.next(q), members.find((m) => m > q) ?? -1);
          }
        },
      ),
      { numRuns: 200 },
    );
    const big = new RankSet(196611);
    big.add(5);
    big.add(196600);
    assert.equal(big.next(6), 196600);
    assert.equal(big.prev(196600), 5);
    assert.equal(big.prev(5), -1);
    assert.equal(big.next(196600), -1);
  });

  it('MatchFinder finds the exact longest match and the lowest source of each kind (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(0x00, 0x01, 0x80, 0x81, 0x18), { minLength: 1, maxLength: 220 }), (arr) => {
        const input = Uint8Array.from(arr);
        const finder = new MatchFinder(input);
        const fwd = new MatchFinder(input, true);
        for (let i = 0; i < input.length; i++) {
          for (const kind of [KIND_COPY, KIND_BITREV, KIND_BACK]) {
            const want = bruteMatch(input, kind, i);
            const len = finder.longest(kind, i);
            assert.equal(len, want.len, `kind ${kind} at ${i}`);
            if (len > 0) {
              const p = finder.source;
              assert.ok(p < i, 'source before i');
              assert.equal(bruteLen(input, kind, p, i), len, 'source gives that length');
              assert.equal(finder.lowestSource(kind, i, len), want.p, `lowest source, kind ${kind} at ${i}`);
            }
          }
          assert.equal(fwd.longest(KIND_COPY, i), bruteMatch(input, KIND_COPY, i).len);
        }
        if (input.length > 1) assert.throws(() => finder.longest(KIND_COPY, 0), /backwards/);
      }),
      { numRuns: 80 },
    );
  });

  it('MatchFinder lowest source over large rank intervals (long zero runs)', () => {
    const input = new Uint8Array(3000);
    input.set([1, 2, 3, 0x80, 0x40, 0xc0], 1500);
    input.set([3, 2, 1], 2600);
    const finder = new MatchFinder(input);
    // The brute force is quadratic in the run length: a sample of positions through the runs plus
    // every position around the two non-zero islands keeps this test in seconds on a loaded machine.
    const positions = new Set<number>();
    for (let i = 0; i < input.length; i += 31) positions.add(i);
    for (const at of [1500, 2600]) for (let i = at - 12; i < at + 12; i++) positions.add(i);
    for (const i of [...positions].sort((a, b) => a - b)) {
      for (const kind of [KIND_COPY, KIND_BITREV, KIND_BACK]) {
        const want = bruteMatch(input, kind, i);
        const len = finder.longest(kind, i);
        assert.equal(len, want.len, `kind ${kind} at ${i}`);
        if (len > 0) assert.equal(finder.lowestSource(kind, i, Math.min(len, 1024)), bruteLowest(input, kind, i, Math.min(len, 1024)), `kind ${kind} at ${i}`);
      }
    }
  });

  it('run tables follow the format document §5 A', () => {
    const d = Uint8Array.from([5, 5, 5, 1, 2, 1, 2, 1, 0xfe, 0xff, 0, 1]);
    assert.deepEqual([...byteRuns(d)], [3, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
    assert.deepEqual([...wordRuns(d)], [1, 1, 1, 2, 2, 1, 1, 1, 1, 1, 1, 0]);
    assert.deepEqual([...increasingRuns(d, false)], [1, 1, 1, 2, 1, 2, 1, 1, 2, 1, 2, 1]);
    assert.deepEqual([...increasingRuns(d, true)], [1, 1, 1, 2, 1, 2, 1, 1, 4, 3, 2, 1]);
  });

  it('bit reversal table and header sizes', () => {
    assert.equal(BITREV[0x01], 0x80);
    assert.equal(BITREV[0x12], 0x48);
    for (let v = 0; v < 256; v++) assert.equal(BITREV[BITREV[v]!], v);
    assert.deepEqual([1, 32, 33, 1024].map(headerSize), [1, 1, 2, 2]);
    assert.equal(randomBytes(4, 0).length, 4);
  });
});

function bruteLen(input: Uint8Array, kind: number, p: number, i: number): number {
  let k = 0;
  if (kind === KIND_COPY) while (i + k < input.length && input[p + k] === input[i + k]) k++;
  else if (kind === KIND_BITREV) while (i + k < input.length && input[p + k] === bitrev8(input[i + k]!)) k++;
  else while (i + k < input.length && k <= p && input[p - k] === input[i + k]) k++;
  return k;
}

function bruteLowest(input: Uint8Array, kind: number, i: number, length: number): number {
  for (let p = 0; p < i; p++) if (bruteLen(input, kind, p, i) >= length) return p;
  return -1;
}
