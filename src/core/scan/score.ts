/**
 * How much decoded bytes look like SNES planar tiles, 0..1. Signals:
 * - row coherence: in planar data a row's plane bytes rarely differ much from the row above
 *   (random or shifted bytes flip about half their bits); measured per 16-byte unit (a 2bpp
 *   tile, or either plane pair of a 4bpp tile) on the units that are not blank; or, when higher,
 *   pixel coherence (neighbouring pixels equal), which regular textures with full-width edges
 *   reach where row coherence does not;
 * - the compression ratio (graphics compress; bytes that look random do not);
 * - a tile-size multiple and a plausible length (checked by the caller before decoding);
 * - not blank (an all-zero or all-one block is padding, not graphics).
 * The bit depth: guessBpp (how the 16-byte units pair up into 4bpp tiles, if they do).
 */

const POPCOUNT = (() => {
  const t = new Uint8Array(256);
  for (let v = 1; v < 256; v++) t[v] = (v & 1) + t[v >> 1]!;
  return t;
})();

export interface TileScore {
  score: number;
  bpp: 2 | 4;
  tiles: number;
}

/** Coherence of one 16-byte unit, 0..1 (random bytes flip about half of the 112 bits compared). */
export function unitCoherence(data: Uint8Array, u: number): number {
  let flips = 0;
  for (let r = 0; r < 14; r += 2) flips += POPCOUNT[data[u + r]! ^ data[u + r + 2]!]! + POPCOUNT[data[u + r + 1]! ^ data[u + r + 3]!]!;
  return Math.max(0, 1 - flips / 40);
}

/**
 * Pixel coherence of one 16-byte unit, 0..1: how many horizontally and vertically neighbouring
 * pixels are equal, 0 at what random bytes give (three neighbours in four differ). Unlike
 * unitCoherence it forgives full-width edges (a texture's mortar line flips a whole row's bits
 * but is one edge per column), so regular textures score as the shapes they are.
 */
export function unitPixelCoherence(data: Uint8Array, u: number): number {
  let edges = 0;
  for (let r = 0; r < 8; r++) {
    const a = data[u + 2 * r]!;
    const b = data[u + 2 * r + 1]!;
    edges += POPCOUNT[((a ^ (a >> 1)) | (b ^ (b >> 1))) & 0x7f]!;
    if (r < 7) edges += POPCOUNT[(a ^ data[u + 2 * r + 2]!) | (b ^ data[u + 2 * r + 3]!)]!;
  }
  return Math.max(0, 1 - edges / PIXEL_EDGES_RANDOM);
}

const PIXEL_EDGES_RANDOM = 112 * 0.75;

/** A 32-bit hash of a 16-byte unit (FNV-1a), to count distinct units. */
function unitHash(data: Uint8Array, u: number): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < 16; k++) h = Math.imul(h ^ data[u + k]!, 0x01000193);
  return h >>> 0;
}

export function isBlank(data: Uint8Array, u: number): boolean {
  const first = data[u]!;
  if (first !== 0 && first !== 0xff) return false;
  for (let k = 1; k < 16; k++) if (data[u + k] !== first) return false;
  return true;
}

export interface Coherence {
  /** Mean coherence of the distinct non-blank units (a unit repeated counts once), -1 when none. */
  mean: number;
  /** The same for unitPixelCoherence. */
  pixel: number;
  /** Distinct non-blank units. */
  distinct: number;
  /** Non-blank units, repeats included. */
  nonBlank: number;
}

/** Coherence of data[start, start + size) by 16-byte units (2bpp tiles, or 4bpp plane pairs). */
export function coherence(data: Uint8Array, start: number, size: number, seen = new Set<number>()): Coherence {
  seen.clear();
  let sum = 0;
  let pixel = 0;
  let nonBlank = 0;
  for (let u = start; u + 16 <= start + size; u += 16) {
    if (isBlank(data, u)) continue;
    nonBlank++;
    const h = unitHash(data, u);
    if (seen.has(h)) continue;
    seen.add(h);
    sum += unitCoherence(data, u);
    pixel += unitPixelCoherence(data, u);
  }
  const n = seen.size;
  return { mean: n === 0 ? -1 : sum / n, pixel: n === 0 ? -1 : pixel / n, distinct: n, nonBlank };
}

/** Horizontal edges of row `r` of the 16-byte unit at `u`: bit x set where pixel x differs from pixel x + 1. */
function rowEdges(data: Uint8Array, u: number, r: number): number {
  const a = data[u + 2 * r]!;
  const b = data[u + 2 * r + 1]!;
  return ((a ^ (a >> 1)) | (b ^ (b >> 1))) & 0x7f;
}

/** Evidence for 4bpp beyond the shape test (see guessBpp). */
const DENSITY_Z = 3;
const DENSITY_T = 3;
const EDGE_GAIN = 0.17;
const EDGE_DENSITY_Z = 0.5;

/**
 * The bit depth of planar tiles, from how the 16-byte units pair up. A 4bpp tile is two units
 * (planes 0/1, then planes 2/3) of one image; at 2bpp every unit is its own tile, and a unit is
 * no closer to the one after it than to the one before. 4bpp when any of:
 * - shape: each tile's plane pairs share their shape (non-zero pixels) much more than a plane
 *   pair shares it with the next tile's (what 2bpp tiles in a row do);
 * - density: planes 2/3 hold fewer set bits than planes 0/1 in most tiles (sign test, z score)
 *   or on average (t statistic): palettes fill from low indices, so high planes are sparser,
 *   while at 2bpp even and odd tiles are alike;
 * - edges: the pixels where the colour changes along a row coincide between a tile's plane pairs
 *   (Jaccard index of the edge bits) clearly more than between a plane pair and the next tile's
 *   first one, with density leaning the same way. Neighbouring 2bpp tiles continue a shape but
 *   rarely put its edges at the same columns.
 */
export function guessBpp(data: Uint8Array, size: number): 2 | 4 {
  if (size % 32 !== 0) return 2;
  let within = 0;
  let across = 0;
  let sparser = 0;
  let denser = 0;
  let diffs = 0;
  let diffSum = 0;
  let diffSq = 0;
  const shared = [0, 0];
  const either = [0, 0];
  for (let t = 0; t + 32 <= size; t += 32) {
    const next = t + 32 + 32 <= size;
    let popA = 0;
    let popB = 0;
    for (let r = 0; r < 16; r += 2) {
      const a = data[t + r]! | data[t + r + 1]!;
      const b = data[t + 16 + r]! | data[t + 17 + r]!;
      within += POPCOUNT[a ^ b]!;
      if (next) across += POPCOUNT[b ^ (data[t + 32 + r]! | data[t + 33 + r]!)]!;
      popA += POPCOUNT[data[t + r]!]! + POPCOUNT[data[t + r + 1]!]!;
      popB += POPCOUNT[data[t + 16 + r]!]! + POPCOUNT[data[t + 17 + r]!]!;
      const ea = rowEdges(data, t, r >> 1);
      const eb = rowEdges(data, t + 16, r >> 1);
      shared[0]! += POPCOUNT[ea & eb]!;
      either[0]! += POPCOUNT[ea | eb]!;
      if (next) {
        const ec = rowEdges(data, t + 32, r >> 1);
        shared[1]! += POPCOUNT[eb & ec]!;
        either[1]! += POPCOUNT[eb | ec]!;
      }
    }
    if (popA !== popB) {
      if (popB < popA) sparser++;
      else denser++;
      diffs++;
      diffSum += popA - popB;
      diffSq += (popA - popB) * (popA - popB);
    }
  }
  const tiles = size / 32;
  // Normalise `across` to the same number of tiles (the last tile has no next one).
  const acrossPerTile = tiles > 1 ? across / (tiles - 1) : across;
  if (within / tiles < 0.62 * acrossPerTile) return 4;
  const z = diffs > 0 ? (sparser - denser) / Math.sqrt(diffs) : 0;
  if (z >= DENSITY_Z) return 4;
  if (diffs > 1) {
    const mean = diffSum / diffs;
    const variance = Math.max(1e-9, (diffSq - diffs * mean * mean) / (diffs - 1));
    if (mean / Math.sqrt(variance / diffs) >= DENSITY_T) return 4;
  }
  const gain = shared[0]! / Math.max(1, either[0]!) - shared[1]! / Math.max(1, either[1]!);
  return gain >= EDGE_GAIN && z >= EDGE_DENSITY_Z ? 4 : 2;
}

/** Fewest distinct non-blank 16-byte units a block must hold: fills alone make no graphics. */
export const MIN_DISTINCT_UNITS = 4;

const scratch = new Set<number>();

/**
 * 1 for compression ratios graphics usually reach (1.3..8); less towards 1 (incompressible, like
 * random bytes) and towards 16+ (a few long fills: what garbage streams decode to).
 */
function ratioScore(ratio: number): number {
  if (ratio < 1.3) return Math.max(0, (ratio - 1) / 0.3);
  if (ratio <= 8) return 1;
  return Math.max(0, 1 - (ratio - 8) / 8);
}

/**
 * Pixel coherence stands in for row coherence (when higher) scaled from PIXEL_FLOOR (what dithers
 * and noise reach) up: textures with full-width edges (brick, planks) pass, random bytes do not.
 */
const PIXEL_WEIGHT = 0.9;
const PIXEL_FLOOR = 0.3;

/** How shaped the units are, 0..1: row coherence, or pixel coherence above what dithers reach when higher. */
export function shapeOf(coh: Coherence): number {
  return Math.max(coh.mean, (PIXEL_WEIGHT * (coh.pixel - PIXEL_FLOOR)) / (1 - PIXEL_FLOOR));
}

export interface ScoreOptions {
  /**
   * Score 0 for a stream that does not compress (default true). Off where other evidence says the
   * bytes are a block (a pointer table names it): the ratio then only weighs in the score.
   */
  ratioGate?: boolean;
}

/** Score of `size` decoded bytes that took `consumed` bytes compressed (consumed = size for raw data). */
export function scoreTiles(data: Uint8Array, size: number, consumed: number, opts: ScoreOptions = {}): TileScore {
  const bpp = guessBpp(data, size);
  const tiles = Math.floor(size / (bpp * 8));
  const coh = coherence(data, 0, size, scratch);
  // Too few distinct units, or a stream of raw literals that does not compress (uncompressed
  // tiles read as one): not a HAL graphics block.
  if (coh.distinct < MIN_DISTINCT_UNITS || (opts.ratioGate !== false && size < consumed * 1.1)) return { score: 0, bpp, tiles };
  // Distinct share of the non-blank units: real sheets repeat little, garbage fills repeat a lot.
  const diversity = coh.distinct / coh.nonBlank;
  const shape = shapeOf(coh);
  let score = 0.7 * shape + 0.15 * ratioScore(size / consumed) + 0.15 * Math.min(1, diversity / 0.5);
  if (diversity < 0.25) score *= diversity / 0.25;
  return { score: Math.round(score * 1000) / 1000, bpp, tiles };
}

/** Increments in the first 32 bytes from which the opening counts as a ramp (an increasing fill). */
const RAMP_STEPS = 16;
const RAMP_PENALTY = 0.2;
const STRIPE_PENALTY = 0.1;

function blankByte(v: number): boolean {
  return v === 0 || v === 0xff;
}

/**
 * How much less likely decoded data is to be the start of a tile block because of how it opens,
 * as a score penalty: a ramp (v, v+1, v+2, ...: an increasing fill, which tiles rarely hold, read
 * from stray bytes), or a first 16-byte unit whose rows nearly all repeat one row that is not
 * made of blank bytes (a vertical stripe pattern: what a stray byte or word fill in front of, or
 * inside, a block writes: a row of scattered bits, or 32 bytes of one non-blank value; real
 * sheets open with blank rows or a shape's edges).
 */
export function openingPenalty(data: Uint8Array, size: number): number {
  const n = Math.min(32, size);
  let steps = 0;
  let same = 0;
  for (let i = 1; i < n; i++) {
    if (data[i] === ((data[i - 1]! + 1) & 0xff)) steps++;
    if (data[i] === data[i - 1]) same++;
  }
  if (steps >= RAMP_STEPS) return RAMP_PENALTY;
  if (size >= 16 && stripe(data)) return STRIPE_PENALTY;
  return n === 32 && same === 31 && !blankByte(data[0]!) ? STRIPE_PENALTY : 0;
}

/** One contiguous run of set bits, or none (a shape's edge in a planar row). */
function contiguous(v: number): boolean {
  const low = v & -v;
  return ((v + low) & v) === 0;
}

/** The first unit's rows nearly all repeat one row, and that row is not a shape's row. */
function stripe(data: Uint8Array): boolean {
  let repeats = 0;
  for (let r = 2; r < 16; r += 2) if (data[r] === data[r - 2] && data[r + 1] === data[r - 1]) repeats++;
  if (repeats < 6) return false;
  const row = data[2] === data[4] && data[3] === data[5] ? 2 : 14;
  return !(contiguous(data[row]!) && contiguous(data[row + 1]!));
}

/** Shares above which a stream is text, not a compressed block: printable ASCII (space to tilde), and that plus NUL (string ends). */
const TEXT_PRINTABLE = 0.8;
const TEXT_WITH_NUL = 0.95;
/** Streams shorter than this are too short to call text. */
const TEXT_MIN_BYTES = 24;

/**
 * Whether the `consumed` stream bytes at `offset` (its terminator aside) read as text: nearly all
 * printable ASCII, with NULs between strings, or holding a run of words (hasWords). Uppercase letters and spaces parse as short byte
 * and word fills, so a run of text "decodes" to striped rows that score like a tile texture; a
 * real graphics stream carries pixel bytes of every value, so it is never nearly all text.
 */
export function looksLikeText(data: Uint8Array, offset: number, consumed: number): boolean {
  const n = consumed - 1;
  if (n < TEXT_MIN_BYTES) return false;
  let printable = 0;
  let nul = 0;
  for (let i = offset; i < offset + n; i++) {
    const v = data[i]!;
    if (v >= 0x20 && v <= 0x7e) printable++;
    else if (v === 0) nul++;
  }
  return (printable >= TEXT_PRINTABLE * n && printable + nul >= TEXT_WITH_NUL * n) || hasWords(data, offset, n);
}

/** A run of this many bytes of words (letters, spaces, string-ending NULs) ... */
const WORDS_RUN = 32;
/** ... with at least this many spaces and letters among them is words. */
const WORD_SPACES = 4;
const WORD_LETTERS = 20;

/**
 * Whether the stream holds a run of words: letters, single spaces between them and single NULs
 * ending strings, WORDS_RUN long with WORD_SPACES spaces and WORD_LETTERS letters. That is a
 * stream that starts in code and runs on into a string table, whose words decode to striped
 * rows. Tile data in a compressed stream is not words: its literal runs carry pixel rows of every
 * value, and a lone bit-5 row (a space) four times within 32 bytes of letters is not a shape.
 */
function hasWords(data: Uint8Array, offset: number, n: number): boolean {
  let run = 0;
  let spaces = 0;
  let letters = 0;
  let previousLetter = false;
  for (let i = offset; i < offset + n; i++) {
    const v = data[i]!;
    const letter = (v >= 0x41 && v <= 0x5a) || (v >= 0x61 && v <= 0x7a);
    // A space or a NUL continues a run only right after a letter (no doubled separators).
    const separator = (v === 0x20 || v === 0) && previousLetter;
    if (letter || separator) {
      run++;
      if (letter) letters++;
      else if (v === 0x20) spaces++;
      if (run >= WORDS_RUN && spaces >= WORD_SPACES && letters >= WORD_LETTERS) return true;
    } else {
      run = 0;
      spaces = 0;
      letters = 0;
    }
    previousLetter = letter;
  }
  return false;
}
