/**
 * Free space: runs of 0xFF (erased EPROM) or 0x00 long enough for a block. A run that touches
 * data keeps `guard` bytes at that end, because a run of 0xFF right after a HAL block starts with
 * that block's 0xFF terminator, and data after a run may itself start with 0x00 or 0xFF. A block
 * never crosses a bank boundary (see layout.ts), never touches an internal header, and never
 * lands in an excluded range (the block being moved, pointer slots).
 */
import type { Rom } from '../rom/rom';
import { bankEnd, overlaps, protectedRanges, type Range } from './layout';

export type Padding = 0 | 0xff;

export interface FreeRun extends Range {
  padding: Padding;
}

/** Bytes kept unused at an end of a free run that touches data. */
export const FREE_GUARD = 16;

export interface FreeSpaceOptions {
  /** Ranges that are not free whatever they hold (headerless offsets). */
  exclude?: Range[];
  /** Bytes kept at an end of a run that touches data (default FREE_GUARD). */
  guard?: number;
  /** Only runs of this byte (default: 0xFF runs first, then 0x00 runs). */
  padding?: Padding;
  /** A further condition on a place (e.g. every pointer can address it). */
  accept?: (romOffset: number, length: number) => boolean;
}

export interface FreeSpace {
  /** Headerless offset where the block goes. */
  romOffset: number;
  length: number;
  padding: Padding;
  /** The whole free run the place was taken from (before guards). */
  run: FreeRun;
}

/** Maximal runs of 0x00 or 0xFF in `data[from, to)` that are at least `minLength` long. */
export function freeRuns(data: Uint8Array, minLength = 1, from = 0, to = data.length): FreeRun[] {
  const out: FreeRun[] = [];
  let i = from;
  while (i < to) {
    const b = data[i]!;
    if (b !== 0 && b !== 0xff) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < to && data[j] === b) j++;
    if (j - i >= minLength) out.push({ start: i, end: j, padding: b as Padding });
    i = j;
  }
  return out;
}

/** `run` minus every excluded range: the pieces left, in order. */
function subtract(run: FreeRun, exclude: Range[]): FreeRun[] {
  let pieces: FreeRun[] = [run];
  for (const ex of exclude) {
    const next: FreeRun[] = [];
    for (const p of pieces) {
      if (!overlaps(p, ex)) {
        next.push(p);
        continue;
      }
      if (ex.start > p.start) next.push({ ...p, end: ex.start });
      if (ex.end < p.end) next.push({ ...p, start: ex.end });
    }
    pieces = next;
  }
  return pieces;
}

/**
 * The first place (lowest offset; 0xFF runs before 0x00 runs unless `padding` says which) where
 * `length` bytes fit inside one bank, or null when there is none.
 */
export function findFreeSpace(rom: Rom, length: number, opts: FreeSpaceOptions = {}): FreeSpace | null {
  if (!Number.isInteger(length) || length < 1) throw new RangeError(`a block is at least 1 byte, got ${length}`);
  const data = rom.data;
  const guard = opts.guard ?? FREE_GUARD;
  const exclude = [...protectedRanges(rom), ...(opts.exclude ?? [])];
  const order: Padding[] = opts.padding === undefined ? [0xff, 0] : [opts.padding];
  const runs = freeRuns(data, length);
  for (const padding of order) {
    for (const run of runs) {
      if (run.padding !== padding) continue;
      for (const piece of subtract(run, exclude)) {
        // Guard the ends that touch data (not the start or end of the ROM).
        const start = piece.start > 0 ? piece.start + guard : 0;
        const end = piece.end < data.length ? piece.end - guard : piece.end;
        const at = placeIn(rom, start, end, length, opts.accept);
        if (at !== null) return { romOffset: at, length, padding, run };
      }
    }
  }
  return null;
}

/** The first start in [start, end) that keeps the block inside one bank and is accepted. */
function placeIn(rom: Rom, start: number, end: number, length: number, accept: FreeSpaceOptions['accept']): number | null {
  // Candidates: the start, then every 32 KiB step (bank starts, and HiROM's $8000 halves).
  for (let at = start; at + length <= end; at = (Math.floor(at / 0x8000) + 1) * 0x8000) {
    if (at + length > bankEnd(rom.mapping, at)) continue;
    if (!accept || accept(at, length)) return at;
  }
  return null;
}
