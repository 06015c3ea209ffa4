/**
 * The longest VRAM-safe match at every position: a source 2 to 4,096 bytes back, at most 18
 * bytes long (exact, from the suffix array: shared/match-text.ts's windowed SourceTree).
 */
import { KIND_FORWARD, MatchText, SourceTree } from '../shared/match-text';
import { MAX_MATCH, MIN_DISTANCE, MIN_MATCH, WINDOW } from './format';

export interface Matches {
  /** Longest count at each position (0 when under MIN_MATCH). */
  len: Uint8Array;
  /** Its distance back (MIN_DISTANCE..WINDOW). */
  dist: Uint16Array;
}

export function longestMatches(input: Uint8Array): Matches {
  const n = input.length;
  const len = new Uint8Array(n);
  const dist = new Uint16Array(n);
  const tree = new SourceTree(new MatchText(input), KIND_FORWARD);
  for (let i = MIN_DISTANCE; i < n; i++) {
    tree.insert(i - MIN_DISTANCE);
    const l = tree.longest(i, i - WINDOW);
    if (l >= MIN_MATCH) {
      len[i] = l < MAX_MATCH ? l : MAX_MATCH;
      dist[i] = i - tree.source;
    }
  }
  return { len, dist };
}
