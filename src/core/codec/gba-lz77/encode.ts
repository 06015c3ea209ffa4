/**
 * GBA LZ77 encoders (VRAM-safe, format.ts):
 * - 'optimal': the fewest bytes. A literal costs 1 byte and a match 2, plus one flag byte per 8
 *   items, so the cost depends on how many items came before: a forward dynamic program over
 *   (position, items so far mod 8), 8 states per position, relaxing the literal and every match
 *   count 3..longest (every prefix of the longest match is a match from the same source);
 * - 'greedy': the longest match at each position, else a literal (gfx4snes's parse; its tree
 *   search may pick other sources of the same length, so the bytes can differ, not the size).
 */
import { GBA_LZ77_TAG, HEADER_SIZE, MIN_MATCH } from './format';
import { longestMatches, type Matches } from './matches';

const STATES = 8;

/** Counts of the chosen items in order: 1 for a literal, 3..18 for a match. */
function optimalItems(n: number, m: Matches): number[] {
  const cost = new Int32Array((n + 1) * STATES).fill(0x7fffffff);
  const step = new Uint8Array((n + 1) * STATES); // the count of the item that reached this state
  cost[0] = 0;
  for (let i = 0; i < n; i++) {
    const longest = m.len[i]!;
    for (let k = 0; k < STATES; k++) {
      const c = cost[i * STATES + k]!;
      if (c === 0x7fffffff) continue;
      const base = c + (k === 0 ? 1 : 0);
      const next = (k + 1) & 7;
      let t = (i + 1) * STATES + next;
      if (base + 1 < cost[t]!) {
        cost[t] = base + 1;
        step[t] = 1;
      }
      for (let len = MIN_MATCH; len <= longest; len++) {
        t = (i + len) * STATES + next;
        if (base + 2 < cost[t]!) {
          cost[t] = base + 2;
          step[t] = len;
        }
      }
    }
  }
  let k = 0;
  for (let s = 1; s < STATES; s++) if (cost[n * STATES + s]! < cost[n * STATES + k]!) k = s;
  const items: number[] = [];
  for (let i = n; i > 0;) {
    const len = step[i * STATES + k]!;
    items.push(len);
    i -= len;
    k = (k + 7) & 7;
  }
  return items.reverse();
}

function greedyItems(n: number, m: Matches): number[] {
  const items: number[] = [];
  for (let i = 0; i < n;) {
    const len = m.len[i]! >= MIN_MATCH ? m.len[i]! : 1;
    items.push(len);
    i += len;
  }
  return items;
}

function write(input: Uint8Array, m: Matches, items: number[]): Uint8Array {
  const n = input.length;
  let size = HEADER_SIZE + Math.ceil(items.length / 8);
  for (const len of items) size += len === 1 ? 1 : 2;
  const out = new Uint8Array(size);
  out[0] = GBA_LZ77_TAG;
  out[1] = n & 0xff;
  out[2] = (n >> 8) & 0xff;
  out[3] = n >> 16;
  let op = HEADER_SIZE;
  let flagAt = 0;
  let i = 0;
  items.forEach((len, k) => {
    if (k % 8 === 0) flagAt = op++;
    if (len === 1) out[op++] = input[i]!;
    else {
      const d = m.dist[i]! - 1;
      out[flagAt] |= 0x80 >> (k % 8);
      out[op++] = ((len - 3) << 4) | (d >> 8);
      out[op++] = d & 0xff;
    }
    i += len;
  });
  return out;
}

export function encodeGba(input: Uint8Array, level: 'optimal' | 'greedy'): Uint8Array {
  const m = longestMatches(input);
  return write(input, m, level === 'optimal' ? optimalItems(input.length, m) : greedyItems(input.length, m));
}
