/**
 * The longest match of each repeat kind from a source 1-128 bytes back (LC_LZ3's one-byte
 * source), at every position: one pass from the end of the input down, with a match length per
 * distance carried from the position after (a match at i from i - d is one byte longer than the
 * one at i + 1 from i + 1 - d when the bytes agree), so each position costs 128 steps per kind
 * and no search.
 *
 * Backwards repeats pair i + k with s - k, so what carries is the sum i + s, not the distance:
 * the match at i from s continues the one at i + 1 from s - 1, two bytes farther back. The two
 * sums that enter the window at each step (distances 127 and 128 from i, 129 and 130 from i + 1)
 * take their carried length from the suffix array (MatchText) instead.
 */
import { BITREV } from '../shared/bytes';
import { KIND_BACKWARD, type MatchText } from '../shared/match-text';

export const NEAR = 128;

export interface NearMatches {
  /** Per kind (forward, bit-reversed, backwards): the longest count at each position (0: none). */
  len: Int32Array[];
  /** Per kind: the source of that match. */
  src: Int32Array[];
}

/** Matches of at least `minLen` bytes (shorter ones are left 0). */
export function nearMatches(input: Uint8Array, text: MatchText, minLen: number): NearMatches {
  const n = input.length;
  const len = [new Int32Array(n), new Int32Array(n), new Int32Array(n)];
  const src = [new Int32Array(n), new Int32Array(n), new Int32Array(n)];
  const fwd = new Int32Array(NEAR + 1);
  const rev = new Int32Array(NEAR + 1);
  const sums = new Int32Array(256); // by (i + s) & 255: the live sums span 130 values
  for (let i = n - 1; i >= 1; i--) {
    const x = input[i]!;
    const xr = BITREV[x]!; // bitrev is its own inverse: x === bitrev(y) when y === bitrev(x)
    const top = i < NEAR ? i : NEAR;
    // one loop per kind: tight loops the engine compiles well (the kinds share nothing but `x`)
    let bf = 0;
    let bfd = 0;
    for (let d = 1; d <= top; d++) {
      const f = input[i - d] === x ? fwd[d]! + 1 : 0;
      fwd[d] = f;
      if (f > bf) {
        bf = f;
        bfd = d;
      }
    }
    let br = 0;
    let brd = 0;
    for (let d = 1; d <= top; d++) {
      const r = input[i - d] === xr ? rev[d]! + 1 : 0;
      rev[d] = r;
      if (r > br) {
        br = r;
        brd = d;
      }
    }
    let bb = 0;
    let bbd = 0;
    const last = i + 1 >= n;
    for (let d = 1; d <= top; d++) {
      const s = i - d;
      const slot = (i + s) & 255;
      let b = 0;
      if (input[s] === x) {
        // the match at i + 1 from s - 1 (none past the input's end or before its start)
        if (last || s === 0) b = 1;
        else if (d + 2 <= NEAR) b = sums[slot]! + 1;
        else b = text.lcpOf(text.rank[i + 1]!, text.sourceRank(KIND_BACKWARD, s - 1)) + 1;
      }
      sums[slot] = b;
      if (b > bb) {
        bb = b;
        bbd = d;
      }
    }
    // distances past `top` read before the input: nothing carries into them
    for (let d = top + 1; d <= NEAR; d++) fwd[d] = rev[d] = 0;
    if (bf >= minLen) {
      len[0]![i] = bf;
      src[0]![i] = i - bfd;
    }
    if (br >= minLen) {
      len[1]![i] = br;
      src[1]![i] = i - brd;
    }
    if (bb >= minLen) {
      len[2]![i] = bb;
      src[2]![i] = i - bbd;
    }
  }
  return { len, src };
}
