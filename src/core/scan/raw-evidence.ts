/**
 * How sure the scanner is that an uncompressed tile region (raw.ts) is graphics. A region is found
 * by row coherence (each plane's row close to the row above), and much ROM data is coherent without
 * being pixels: tables of small numbers, sorted tables of 16-bit offsets and addresses, tile maps,
 * records padded with zeros. Measured on the fourteen homebrew ROMs, whose raw regions were
 * labelled by eye (PNG renders) and by hex dump (src/bench/homebrew-raw-labels.ts: 39 regions,
 * 9 of them planar graphics), against real graphics: the tile areas of two Kirby Super Star VRAM
 * dumps, in windows and planted in the same ROMs (over filler and over code and data). Marks
 * against a region, each a reason to call it `weak`:
 * - too little to tell: fewer than MIN_RAW_UNITS (40) distinct non-blank 16-byte units. Of the 27
 *   regions the scan reported before this module, 15 held 8-24: 10 tables and 5 pieces of real
 *   sheets (now found whole, the finder bridging more); with the generous finder, tables of padded
 *   records reach 32. A 25 % margin over that costs 1-2 % of the planted sheets (their pieces);
 * - small numbers, not pixels: the left half of the pixel rows (bits 7-4) holds under half of
 *   the set bits the right half holds (column balance < 0.5). Pixels fill both halves of a tile:
 *   VRAM windows of 1 KiB 0.66-1.00, labelled homebrew graphics 0.60-1.00; counts, flags, tile
 *   numbers and Mode 7 pixels (values 0-15) 0.00-0.47, VRAM tile maps 0.33-0.44;
 * - records or words in a blank table: more than 60 % of the units have a blank half (8 bytes of
 *   0x00 or 0xFF). VRAM windows of 1 KiB reach at most 40 %, generated sprite sheets (frames with
 *   empty margins) 55 %; sparse word tables 69-100 %;
 * - a sorted table: of consecutive little-endian 16-bit words that differ, more than 80 % rise
 *   (or fall). Pixel rows go up and down alike: VRAM windows 50-71 %, labelled graphics 50-57 %;
 *   tables of offsets and addresses 89-96 %.
 * With all four, no region labelled table, map, code or header in the homebrew ROMs is `strong`.
 * Without one of them 1 (half blank), 3 (column balance), 4 (sorted) or 8 (too few units) would
 * be; planted VRAM tiles are found as often with or without any of the last three, and without
 * the unit count 97 % instead of 93 % (but 4 % of the hits are false). Regions with no mark are
 * `strong`.
 *
 * Measured and not kept (they flipped no verdict once the four marks were in): runs of equal
 * steps (counters, ramps: all such regions also had another mark), one plane random while the
 * other is smooth (code; code regions are not found as regions in the first place), bytes whose
 * set bits form three or more runs, and the share of printable ASCII (graphics bytes are often
 * printable). Not usable: an interior row blank in nearly every unit (padded records: 100 %, but a
 * one-plane font 91 % and the VRAM text layer 94 %), and a stricter half-blank bar for small
 * regions (generated sprite sheets of 59 units reach 50 %).
 */

const POPCOUNT = (() => {
  const t = new Uint8Array(256);
  for (let v = 1; v < 256; v++) t[v] = (v & 1) + t[v >> 1]!;
  return t;
})();

function blankRun(data: Uint8Array, at: number, n: number): boolean {
  const first = data[at]!;
  if (first !== 0 && first !== 0xff) return false;
  for (let k = 1; k < n; k++) if (data[at + k] !== first) return false;
  return true;
}

export interface RawSignals {
  /** Non-blank 16-byte units measured. */
  units: number;
  /**
   * Set bits in the left half of the pixel rows (bits 7-4) against the right half (bits 3-0), the
   * smaller over the larger, over bytes other than 0x00/0xFF: near 1 for pixels, near 0 for small numbers.
   */
  columnBalance: number;
  /** Share of non-blank units with a blank half (8 bytes of 0x00 or 0xFF: rows 0-3 or 4-7 empty). */
  halfBlank: number;
  /** Of consecutive 16-bit little-endian words that differ, the share going the more common way (up or down). */
  sorted: number;
}

/** The signals of data[offset, offset + size) read as 16-byte units (2bpp tiles, or 4bpp plane pairs). */
export function rawSignals(data: Uint8Array, offset: number, size: number): RawSignals {
  const end = offset + size - (size % 16);
  let left = 0;
  let right = 0;
  let up = 0;
  let down = 0;
  for (let i = offset; i < end; i++) {
    const v = data[i]!;
    if (v !== 0 && v !== 0xff) {
      left += POPCOUNT[v >> 4]!;
      right += POPCOUNT[v & 15]!;
    }
  }
  for (let i = offset; i + 4 <= end; i += 2) {
    const w = data[i]! | (data[i + 1]! << 8);
    const x = data[i + 2]! | (data[i + 3]! << 8);
    if (x > w) up++;
    else if (x < w) down++;
  }
  let units = 0;
  let halfBlank = 0;
  for (let u = offset; u < end; u += 16) {
    if (blankRun(data, u, 16)) continue;
    units++;
    if (blankRun(data, u, 8) || blankRun(data, u + 8, 8)) halfBlank++;
  }
  return {
    units,
    columnBalance: Math.min(left, right) / Math.max(1, left, right),
    halfBlank: halfBlank / Math.max(1, units),
    sorted: Math.max(up, down) / Math.max(1, up + down),
  };
}

/** Fewer distinct non-blank units than this (20 tiles at 4bpp) is too little to tell from a coherent table. */
export const MIN_RAW_UNITS = 40;
/** Below this column balance the bytes are small numbers, not pixels. */
export const MIN_COLUMN_BALANCE = 0.5;
/** Above this share of units with a blank half the bytes are records or words in a blank table. */
export const MAX_HALF_BLANK = 0.6;

/** Above this share of 16-bit words going one way the bytes are a sorted table (offsets, addresses). */
export const MAX_SORTED = 0.8;

export interface RawVerdict {
  confidence: 'strong' | 'weak';
  reasons: string[];
}

function pct(x: number): string {
  return `${Math.round(100 * x)} %`;
}

/** Whether the bytes carry a mark of a table (small numbers, half-blank units, sorted words), whatever their size. */
function tableMarks(s: RawSignals): string[] {
  const reasons: string[] = [];
  if (s.columnBalance < MIN_COLUMN_BALANCE) reasons.push(`low bits only (column balance ${s.columnBalance.toFixed(2)}): small numbers`);
  if (s.halfBlank > MAX_HALF_BLANK) reasons.push(`${pct(s.halfBlank)} of units half blank: records or a sparse table`);
  if (s.sorted > MAX_SORTED) reasons.push(`${pct(s.sorted)} of 16-bit words rise (or fall) in turn: a sorted table`);
  return reasons;
}

/** Window a region is cut into to find where tiles give way to a table (no 1 KiB window of the VRAM tile areas has a mark). */
export const SPLIT_WINDOW = 1024;

/**
 * Where to cut the region data[offset, offset + size): [start, end) parts, one per run of
 * SPLIT_WINDOW windows that agree on having a table's mark or not (the last window takes the
 * remainder). Tiles sit next to tables in a ROM, and a region running over both is graphics only
 * in part; cut, each part is judged by itself.
 */
export function splitRegion(data: Uint8Array, offset: number, size: number): [number, number][] {
  const end = offset + size;
  const windows = Math.floor(size / SPLIT_WINDOW);
  if (windows < 2) return [[offset, end]];
  const parts: [number, number][] = [];
  let previous: boolean | null = null;
  for (let w = 0; w < windows; w++) {
    const from = offset + w * SPLIT_WINDOW;
    const to = w === windows - 1 ? end : from + SPLIT_WINDOW;
    const marked = tableMarks(rawSignals(data, from, to - from)).length > 0;
    if (marked === previous) parts[parts.length - 1]![1] = to;
    else parts.push([from, to]);
    previous = marked;
  }
  return parts;
}

/** The verdict on the raw region data[offset, offset + size) holding `distinct` distinct non-blank units. */
export function judgeRaw(data: Uint8Array, offset: number, size: number, distinct: number): RawVerdict {
  const s = rawSignals(data, offset, size);
  const reasons: string[] = [];
  if (distinct < MIN_RAW_UNITS) reasons.push(`only ${distinct} distinct units`);
  reasons.push(...tableMarks(s));
  if (reasons.length) return { confidence: 'weak', reasons };
  return {
    confidence: 'strong',
    reasons: [
      `${distinct} distinct units`,
      `pixels across the row (column balance ${s.columnBalance.toFixed(2)})`,
      `words up and down alike (${pct(s.sorted)} one way)`,
    ],
  };
}
