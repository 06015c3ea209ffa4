/**
 * Real ROMs with HAL streams hidden in them, for the scanner's precision and recall on real bytes
 * (tests and bench): the host's bytes stay as they are except where a stream is written, in the
 * three places a game's graphics sit next to other content:
 * - 'packed': back to back in the host's 0x00/0xFF filler;
 * - 'gaps': in the filler with 1..32 filler bytes between streams;
 * - 'data': over the host's own code and data, so real bytes come right before and after it.
 * Deterministic per seed. The streams are passed in (the tests read the reference encoder's
 * outputs and compress corpus slices), nothing is read here.
 */
import { Prng } from './prng';

export type HiddenPlace = 'packed' | 'gaps' | 'data';

export interface HiddenBlock {
  romOffset: number;
  consumed: number;
  place: HiddenPlace;
  /** Index of the stream in the list passed in. */
  stream: number;
}

export interface HiddenRom {
  data: Uint8Array;
  /** Sorted by offset. */
  blocks: HiddenBlock[];
}

/** Runs of one filler byte (0x00 or 0xFF) at least this long count as free space. */
const MIN_FILLER_RUN = 64;
/** A stream over data keeps this far from filler and from other streams: real bytes on both sides. */
const DATA_MARGIN = 64;

interface Run {
  start: number;
  end: number;
}

/** Runs of a single 0x00 or 0xFF byte, at least MIN_FILLER_RUN long. */
export function fillerRuns(data: Uint8Array): Run[] {
  const runs: Run[] = [];
  let i = 0;
  while (i < data.length) {
    const v = data[i]!;
    let j = i + 1;
    while (j < data.length && data[j] === v) j++;
    if ((v === 0 || v === 0xff) && j - i >= MIN_FILLER_RUN) runs.push({ start: i, end: j });
    i = j;
  }
  return runs;
}

function isFree(used: Uint8Array, start: number, end: number): boolean {
  if (start < 0 || end > used.length) return false;
  for (let i = start; i < end; i++) if (used[i]) return false;
  return true;
}

/**
 * `host` with each stream of `streams` written once, places taken in turn from `places`. A stream
 * that finds no room for its place is left out (the result lists only what was written).
 */
export interface HideOptions {
  /** Every block starts at a multiple of this (default 1: anywhere). Uncompressed tiles sit on a tile boundary. */
  align?: number;
  /** Filler bytes between 'gaps' blocks, [min, max] (default [1, 32]). */
  gap?: readonly [number, number];
}

export function hideBlocks(
  host: Uint8Array,
  streams: readonly Uint8Array[],
  seed: number,
  places: readonly HiddenPlace[] = ['packed', 'gaps', 'data'],
  opts: HideOptions = {},
): HiddenRom {
  const align = opts.align ?? 1;
  const [gapMin, gapMax] = opts.gap ?? [1, 32];
  const up = (p: number) => Math.ceil(p / align) * align;
  const rng = new Prng(seed);
  const data = host.slice();
  // 1 where a stream was written, or where a stream over data may not go (filler and its margin).
  const used = new Uint8Array(host.length);
  const filler = new Uint8Array(host.length);
  const runs = fillerRuns(host);
  for (const r of runs) filler.fill(1, Math.max(0, r.start - DATA_MARGIN), Math.min(host.length, r.end + DATA_MARGIN));
  const blocks: HiddenBlock[] = [];
  // Filler placement: a cursor per run, so 'packed' streams follow each other.
  const cursor = runs.map((r) => r.start + 16 + rng.int(0, 15));
  let lastRun = -1;
  streams.forEach((s, index) => {
    const place = places[index % places.length]!;
    let at = -1;
    if (place === 'data') {
      for (let tries = 0; tries < 200 && at < 0; tries++) {
        const p = up(rng.int(DATA_MARGIN, host.length - s.length - DATA_MARGIN - 1 - align + 1));
        if (isFree(filler, p - DATA_MARGIN, p + s.length + DATA_MARGIN) && isFree(used, p - DATA_MARGIN, p + s.length + DATA_MARGIN)) at = p;
      }
    } else {
      const gap = place === 'gaps' ? rng.int(gapMin, gapMax) : 0;
      // Prefer the run the last filler stream went to (back to back), else any run with room.
      const order = [lastRun, ...runs.map((_, k) => k)].filter((k) => k >= 0);
      for (const k of order) {
        const p = up(cursor[k]! + (place === 'gaps' ? gap : 0));
        if (p + s.length + 16 <= runs[k]!.end && isFree(used, p, p + s.length)) {
          at = p;
          lastRun = k;
          break;
        }
      }
    }
    if (at < 0) return;
    data.set(s, at);
    used.fill(1, at, at + s.length);
    if (place !== 'data') {
      const k = lastRun;
      cursor[k] = at + s.length;
    }
    blocks.push({ romOffset: at, consumed: s.length, place, stream: index });
  });
  blocks.sort((a, b) => a.romOffset - b.romOffset);
  return { data, blocks };
}

/** Slice sizes cut from the corpus: 16 to 256 tiles at 4bpp (32 to 512 at 2bpp). */
const SLICE_SIZES = [512, 1024, 2048, 4096, 8192] as const;

/**
 * Whether `bytes` hold graphics worth finding: at least a quarter of their 32-byte tiles not blank
 * and at least 4 distinct non-blank 16-byte units (a sparse sheet qualifies; padding does not).
 */
export function holdsGraphics(bytes: Uint8Array): boolean {
  let nonBlank = 0;
  for (let t = 0; t + 32 <= bytes.length; t += 32) {
    let blank = true;
    for (let k = 1; k < 32 && blank; k++) if (bytes[t + k] !== bytes[t]) blank = false;
    if (!blank || (bytes[t] !== 0 && bytes[t] !== 0xff)) nonBlank++;
  }
  const units = new Set<string>();
  for (let u = 0; u + 16 <= bytes.length && units.size < 4; u += 16) {
    const unit = bytes.subarray(u, u + 16);
    if (unit.every((v) => v === unit[0]) && (unit[0] === 0 || unit[0] === 0xff)) continue;
    units.add(unit.join(','));
  }
  return nonBlank * 4 >= bytes.length / 32 && units.size >= 4;
}

/**
 * `count` pieces drawn by `draw` (null: draw again; at most 50 draws a piece), each compressed by
 * `compress` (`k`: its index). Deterministic per seed.
 */
export function drawStreams(
  count: number,
  seed: number,
  draw: (rng: Prng) => Uint8Array | null,
  compress: (piece: Uint8Array, k: number) => Uint8Array,
): Uint8Array[] {
  const rng = new Prng(seed);
  const out: Uint8Array[] = [];
  for (let tries = 0; out.length < count && tries < count * 50; tries++) {
    const piece = draw(rng);
    if (piece) out.push(compress(piece, out.length));
  }
  return out;
}

/**
 * `count` slices of the uncompressed sheets in `sources` (32-byte aligned, `sizes` long: default SLICE_SIZES), each
 * holding graphics, compressed by `compress` (the caller's encoder, e.g. byte-exact inhal -1/-2).
 */
export function corpusSlices(
  sources: readonly Uint8Array[],
  count: number,
  seed: number,
  compress: (slice: Uint8Array, k: number) => Uint8Array,
  sizes: readonly number[] = SLICE_SIZES,
): Uint8Array[] {
  const draw = (rng: Prng): Uint8Array | null => {
    const src = rng.pick(sources);
    const size = rng.pick(sizes);
    if (size > src.length) return null;
    const at = 32 * rng.int(0, (src.length - size) / 32);
    const slice = src.subarray(at, at + size);
    return holdsGraphics(slice) ? slice : null;
  };
  return drawStreams(count, seed, draw, compress);
}

/** The HAL corpus sheets (shared/fixtures/hal/corpus) used as hidden blocks: real tile data. */
export const CORPUS_SHEETS = ['sprite_8k', 'sprite_16k', 'sprite_32k', 'sprite_64k', 'sparse_64k', 'kss_cave_vram_64k'] as const;

/**
 * The streams hidden in host number `host` for evaluation `seed`: a third of the reference
 * encoder's outputs (`<sheet>.inhal1.hal` / `.inhal2.hal`, rotating with the host) and
 * `slices` slices of the sheets (`<sheet>.bin`) compressed by `compress` (alternately with
 * inhal -1 and -2, byte-exact: our `fast` and `greedy`). `read` returns a corpus file's bytes.
 */
export function hiddenStreams(
  read: (name: string) => Uint8Array,
  host: number,
  seed: number,
  slices: number,
  compress: (slice: Uint8Array, level: 'fast' | 'greedy') => Uint8Array,
): Uint8Array[] {
  const inhal = CORPUS_SHEETS.flatMap((n) => [1, 2].map((l) => read(`${n}.inhal${l}.hal`)));
  const bins = CORPUS_SHEETS.map((n) => read(`${n}.bin`));
  const cut = corpusSlices(bins, slices, host * 7 + 1 + seed, (s, k) => compress(s, k % 2 ? 'greedy' : 'fast'));
  return [...inhal.filter((_, k) => (k + host) % 3 === 0), ...cut];
}

export interface HiddenScore {
  hidden: number;
  /** Hidden blocks reported at their exact start with their exact size (recall: found / hidden). */
  found: number;
  /** Hits reported (precision: found / reported). */
  reported: number;
}

/** Scores reported hits against the blocks hidden (exact start and size). */
export function scoreHidden(blocks: readonly { romOffset: number; consumed: number }[], hits: readonly { romOffset: number; consumed: number }[]): HiddenScore {
  const real = new Map(blocks.map((b) => [b.romOffset, b.consumed]));
  return { hidden: blocks.length, found: hits.filter((h) => real.get(h.romOffset) === h.consumed).length, reported: hits.length };
}

/**
 * The tile areas (byte ranges) of the Kirby Super Star VRAM dumps in shared/fixtures/kss-mesen:
 * background tiles, the 2bpp text layer's tiles and the sprite tiles, judged by eye from renders;
 * the rest of each dump is tile maps (0x9000-0xB000) or empty. Real uncompressed graphics to plant.
 */
export const VRAM_TILE_AREAS: readonly { file: string; ranges: readonly (readonly [number, number])[] }[] = [
  {
    file: 'Cave.SnesVideoRam.dmp',
    ranges: [
      [0x0000, 0x3000],
      [0x5800, 0x9000],
      [0xb000, 0x10000],
    ],
  },
  {
    file: 'SnesVideoRam.VRAM.dmp',
    ranges: [
      [0x0000, 0x9000],
      [0xb000, 0x10000],
    ],
  },
];

/** Sizes of the uncompressed slices planted: 32 to 256 tiles at 4bpp. */
const RAW_SLICE_SIZES = [1024, 2048, 4096, 8192] as const;

/**
 * `host` with `count` uncompressed slices of `sources` (tile areas: 32-byte aligned, 1-8 KiB,
 * holding graphics) planted on 32-byte boundaries, as uncompressed graphics sit in a ROM:
 * alternately in the filler (256-1024 filler bytes apart, so each is its own region) and over
 * the host's code and data.
 */
export function plantRawSlices(host: Uint8Array, sources: readonly Uint8Array[], count: number, seed: number): HiddenRom {
  const slices = corpusSlices(sources, count, seed, (s) => s.slice(), RAW_SLICE_SIZES);
  return hideBlocks(host, slices, seed + 1, ['gaps', 'data'], { align: 32, gap: [256, 1024] });
}

export interface RawPlantScore {
  planted: number;
  /** Planted slices a reported hit overlaps. */
  found: number;
  /** Planted slices a reported hit starts within one tile (32 bytes) of (from their first non-blank unit). */
  atStart: number;
  reported: number;
  /** Reported hits with at least half of their bytes in planted slices or in `alsoReal` (the host's own graphics). */
  real: number;
}

interface Span {
  romOffset: number;
  consumed: number;
}

function overlap(a: Span, start: number, end: number): number {
  return Math.max(0, Math.min(a.romOffset + a.consumed, end) - Math.max(a.romOffset, start));
}

/** The first 16-byte unit of data[start, end) that is not one repeated byte (a slice may open with blank tiles). */
function firstNonBlank(data: Uint8Array, start: number, end: number): number {
  let at = start;
  while (at + 16 <= end && data.subarray(at, at + 16).every((v) => v === data[at])) at += 16;
  return at;
}

/** Scores raw hits against planted slices; `alsoReal`: [start, end) ranges of the host's own graphics. */
export function scoreRawPlants(
  data: Uint8Array,
  blocks: readonly Span[],
  hits: readonly Span[],
  alsoReal: readonly (readonly [number, number])[] = [],
): RawPlantScore {
  let found = 0;
  let atStart = 0;
  for (const b of blocks) {
    const end = b.romOffset + b.consumed;
    const over = hits.filter((h) => overlap(h, b.romOffset, end) > 0);
    if (over.length) found++;
    const first = firstNonBlank(data, b.romOffset, end);
    if (over.some((h) => Math.abs(h.romOffset - first) <= 32)) atStart++;
  }
  const real = hits.filter((h) => {
    const inside = blocks.reduce((s, b) => s + overlap(h, b.romOffset, b.romOffset + b.consumed), 0) + alsoReal.reduce((s, [a, e]) => s + overlap(h, a, e), 0);
    return 2 * inside >= h.consumed;
  }).length;
  return { planted: blocks.length, found, atStart, reported: hits.length, real };
}
