/**
 * A greedy parse with one step of lookahead ("lazy" matching) for the LZ formats whose encoders
 * here are not optimal (LZSA1, LZSA2, ZX0): at each position the best match by estimated bits saved,
 * from exact longest matches in each offset class (WindowMatchFinder) and, where the format has
 * one, the repeat of the last offset; a match is put off by one literal when the next position
 * offers a clearly better one. Each format then writes the sequences in its own syntax.
 */
import { WindowMatchFinder } from './window-match-finder';

export interface LzSequence {
  /** Literals data[litStart, litStart + litLen), then a match of `len` bytes from `off` back (len 0: none, the end). */
  litStart: number;
  litLen: number;
  off: number;
  len: number;
}

export interface ParseCosts {
  minMatch: number;
  /** Largest match length the format writes (its length field's limit). */
  maxMatch: number;
  /** Offset classes, nearest first: largest offset of each, and the bits its offset costs. */
  windows: readonly number[];
  offsetBits: readonly number[];
  /** Bits a match costs besides its offset (token share, length field), by length. */
  matchBits(len: number): number;
  /** Bits of a repeat-last-offset match (undefined: the format has none). */
  repeatBits?: (len: number) => number;
  /** Whether a repeat may only follow literals (ZX0) rather than any match (LZSA2). */
  repeatAfterLiteralsOnly?: boolean;
  /** Shortest repeat match. */
  minRepeat?: number;
}

interface Choice {
  off: number;
  len: number;
  gain: number;
}

export function greedyParse(data: Uint8Array, costs: ParseCosts): LzSequence[] {
  const n = data.length;
  const finder = new WindowMatchFinder(data, costs.windows);
  const seqs: LzSequence[] = [];
  let litStart = 0;
  let last = 0;
  const best = (i: number, afterLiterals: boolean): Choice => {
    const pick: Choice = { off: 0, len: 0, gain: 0 };
    const room = Math.min(n - i, costs.maxMatch);
    for (let k = 0; k < costs.windows.length; k++) {
      const len = Math.min(finder.longest(k, i), room);
      if (len < costs.minMatch) continue;
      const gain = 8 * len - costs.offsetBits[k]! - costs.matchBits(len);
      if (gain > pick.gain) Object.assign(pick, { off: i - finder.source, len, gain });
    }
    if (costs.repeatBits && last > 0 && last <= i && (afterLiterals || !costs.repeatAfterLiteralsOnly)) {
      let len = 0;
      while (len < room && data[i + len] === data[i + len - last]) len++;
      const gain = 8 * len - costs.repeatBits(len);
      if (len >= (costs.minRepeat ?? costs.minMatch) && gain >= pick.gain) Object.assign(pick, { off: last, len, gain });
    }
    return pick;
  };
  for (let i = 0; i < n;) {
    const lits = i - litStart;
    const here = best(i, lits > 0);
    if (here.len === 0 || (i + 1 < n && best(i + 1, true).gain > here.gain + 8)) {
      i++;
      continue;
    }
    seqs.push({ litStart, litLen: lits, off: here.off, len: here.len });
    last = here.off;
    i += here.len;
    litStart = i;
  }
  seqs.push({ litStart, litLen: n - litStart, off: 0, len: 0 });
  return seqs;
}
