/**
 * The LZ4 optimal parse: the shortest block, costed in bytes, by dynamic programming over
 * positions. A sequence costs a token, the literal run's extra length bytes and literals, a 2-byte
 * offset and the match's extra length bytes; the offset costs the same at any distance, so the
 * longest match within the 64 KB window at each position, with every shorter length from the same
 * source, covers every choice (exact longest matches from WindowMatchFinder).
 *
 * - C[k]: cheapest cost of a prefix ending with a match at k (C[0] = 0).
 * - A[p]: cheapest cost of reaching p at the end of a literal run that started after a match (or at
 *   0). A run of L literals costs L + floor((L + 240) / 255) bytes (extra bytes start at 15, then
 *   one per 255), so with K(j) = C[j] - j - floor(j / 255):
 *   A[p] = p + floor((p + 240) / 255) + min over j <= p of K(j) - [j mod 255 > (p + 240) mod 255].
 *   A segment tree over the 255 residues of j holds the smallest K per residue: exact, O(log 255).
 * - A match of m bytes at p ends at p + m for A[p] + 3 + floor((m + 236) / 255): constant over
 *   ranges of m, so each match offers a few ranges to a segment tree of offers (HAL's OfferTree).
 *   Lengths past LONG_MATCH are offered at the full length only (exact below it; a longer match
 *   cut short is rarely cheaper, and offering every length would cost O(n^2 / 255) on long runs).
 * - End of block (format rules): the last match starts at least 12 bytes before the end and the
 *   last 5 bytes are literals, so matches start at p <= n - 12 and end at p + m <= n - 5.
 */
import { OfferTree } from '../../hal/encode-optimal';
import { WindowMatchFinder } from '../window-match-finder';

const MIN_MATCH = 4;
const MAX_OFFSET = 65535;
const LONG_MATCH = 18 + 255 * 4;
const RES = 255;
/** Packs (cost, position) so one float compare picks the cheapest (positions < 2^23). */
const UNIT = 2 ** 23;
/** K(j) can be negative (down to about -n * 256/255): shifted to stay positive when packed. */
const K_BIAS = 2 ** 23;

/** Minimum over the 255 residues, with range queries (a tiny segment tree, 256 leaves). */
class ResidueMin {
  private readonly t = new Float64Array(512).fill(Infinity);

  lower(r: number, v: number): void {
    let x = r + 256;
    while (x >= 1 && v < this.t[x]!) {
      this.t[x] = v;
      x >>= 1;
    }
  }

  /** Minimum over residues [l, r] (inclusive; Infinity when l > r). */
  min(l: number, r: number): number {
    let m = Infinity;
    const t = this.t;
    for (l += 256, r += 257; l < r; l >>= 1, r >>= 1) {
      if (l & 1) m = Math.min(m, t[l++]!);
      if (r & 1) m = Math.min(m, t[--r]!);
    }
    return m;
  }
}

/** The compressed block for `data` (one block holding all of it), or null when it would not be smaller. */
export function encodeBlock(data: Uint8Array): Uint8Array | null {
  const n = data.length;
  const cost = new Int32Array(n + 1);
  const litFrom = new Int32Array(n + 1);
  const matchFrom = new Int32Array(n + 1);
  const source = new Int32Array(n + 1);
  const offers = new OfferTree(n + 1);
  const residues = new ResidueMin();
  const finder = n >= 13 ? new WindowMatchFinder(data, [MAX_OFFSET]) : null;
  for (let p = 0; p <= n; p++) {
    // A match ends here: a sequence boundary.
    let boundary = p === 0;
    if (p > 0) {
      const best = offers.best(p);
      if (best < Infinity) {
        const c = Math.floor(best / UNIT);
        cost[p] = c;
        matchFrom[p] = best - c * UNIT;
        boundary = true;
      }
    }
    if (boundary) residues.lower(p % RES, (cost[p]! - p - Math.floor(p / RES) + K_BIAS) * UNIT + p);
    // The cheapest literal run ending at p.
    const pm = (p + 240) % RES;
    const low = residues.min(0, pm);
    const high = residues.min(pm + 1, RES - 1) - UNIT;
    const packed = low <= high ? low : high;
    const k = Math.floor(packed / UNIT);
    const from = packed - k * UNIT;
    const a = p + Math.floor((p + 240) / RES) + (k - K_BIAS);
    litFrom[p] = from;
    if (p === n) {
      cost[n] = a + 1; // the last sequence's token
      break;
    }
    if (!finder || p > n - 12) continue;
    let len = finder.longest(0, p);
    if (len > n - 5 - p) len = n - 5 - p;
    if (len < MIN_MATCH) continue;
    source[p] = finder.source;
    const base = a + 3;
    let lo = MIN_MATCH;
    for (let e = 0; lo <= len && lo <= LONG_MATCH; e++) {
      const hi = Math.min(len, e === 0 ? 18 : 18 + 255 * e);
      offers.offer(p + lo, p + hi, (base + e) * UNIT + p);
      lo = hi + 1;
    }
    if (len > LONG_MATCH) offers.offer(p + len, p + len, (base + Math.floor((len + 236) / RES)) * UNIT + p);
  }
  const size = cost[n]!;
  if (size >= n) return null;
  return emit(data, size, litFrom, matchFrom, source);
}

function writeLength(out: Uint8Array, o: number, rest: number): number {
  while (rest >= 255) {
    out[o++] = 255;
    rest -= 255;
  }
  out[o++] = rest;
  return o;
}

function emit(data: Uint8Array, size: number, litFrom: Int32Array, matchFrom: Int32Array, source: Int32Array): Uint8Array {
  const n = data.length;
  // Walk back: the last literal run, then (match, literal run) pairs to position 0.
  const seq: number[] = []; // triples: literal start, match start, match end
  let lit = litFrom[n]!;
  seq.push(lit, n, n);
  while (lit > 0) {
    const p = matchFrom[lit]!;
    const j = litFrom[p]!;
    seq.push(j, p, lit);
    lit = j;
  }
  const out = new Uint8Array(size);
  let o = 0;
  for (let s = seq.length - 3; s >= 0; s -= 3) {
    const j = seq[s]!;
    const p = seq[s + 1]!;
    const l = p - j;
    const m = seq[s + 2]! - p;
    const last = p === n;
    out[o++] = (Math.min(l, 15) << 4) | (last ? 0 : Math.min(m - MIN_MATCH, 15));
    if (l >= 15) o = writeLength(out, o, l - 15);
    out.set(data.subarray(j, p), o);
    o += l;
    if (last) break;
    const off = p - source[p]!;
    out[o++] = off & 0xff;
    out[o++] = off >> 8;
    if (m - MIN_MATCH >= 15) o = writeLength(out, o, m - MIN_MATCH - 15);
  }
  if (o !== size) throw new Error(`LZ4 optimal parse: emitted ${o} bytes, planned ${size}`);
  return out;
}
