/**
 * Test ROMs with known blocks, for the scanner's tests and bench: HAL-compressed tile blocks
 * (2bpp and 4bpp, 16..512 tiles, made by code; compressed at the optimal and the greedy level)
 * hidden at unaligned offsets among code-like bytes, tables, random data and padding, sometimes
 * back to back. Optionally also uncompressed tile regions (for the 'raw' kind). Deterministic per seed.
 */
import { encode } from '../hal';
import { Prng } from './prng';
import { fillGap } from './synthetic-filler';
import { makeTiles } from './synthetic-tiles';

export interface ScanTestRomOptions {
  /** ROM size in bytes. */
  size: number;
  /** Number of HAL blocks to hide. */
  blocks: number;
  seed: number;
  /** Uncompressed tile regions to add as well (default 0). */
  rawRegions?: number;
}

export interface KnownBlock {
  romOffset: number;
  consumed: number;
  /** Decompressed size. */
  size: number;
  tiles: number;
  bpp: 2 | 4;
}

export interface KnownRawRegion {
  romOffset: number;
  size: number;
  bpp: 2 | 4;
}

export interface ScanTestRom {
  data: Uint8Array;
  /** The hidden HAL blocks, sorted by offset. */
  blocks: KnownBlock[];
  /** The uncompressed tile regions, sorted by offset. */
  raw: KnownRawRegion[];
}

interface Piece {
  bytes: Uint8Array;
  block?: Omit<KnownBlock, 'romOffset'>;
  raw?: Omit<KnownRawRegion, 'romOffset'>;
}

function tileCountFor(rng: Prng): number {
  return Math.round(16 * Math.pow(32, rng.next())); // 16..512, log-uniform
}

export function makeScanTestRom(opts: ScanTestRomOptions): ScanTestRom {
  const rng = new Prng(opts.seed);
  const pieces: Piece[] = [];
  for (let b = 0; b < opts.blocks; b++) {
    const bpp = rng.next() < 0.5 ? 2 : 4;
    const tiles = tileCountFor(rng);
    const data = makeTiles(rng, tiles, bpp);
    const bytes = encode(data, { level: rng.next() < 0.5 ? 'optimal' : 'greedy' });
    pieces.push({ bytes, block: { consumed: bytes.length, size: data.length, tiles, bpp } });
  }
  for (let r = 0; r < (opts.rawRegions ?? 0); r++) {
    const bpp = rng.next() < 0.5 ? 2 : 4;
    const bytes = makeTiles(rng, rng.int(32, 256), bpp);
    pieces.push({ bytes, raw: { size: bytes.length, bpp } });
  }
  // Shuffle so blocks and raw regions interleave.
  for (let i = pieces.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [pieces[i], pieces[j]] = [pieces[j]!, pieces[i]!];
  }
  const used = pieces.reduce((s, p) => s + p.bytes.length, 0);
  if (used > opts.size * 0.9) throw new RangeError(`${pieces.length} blocks need ${used} bytes: too many for a ${opts.size}-byte ROM`);
  // Split the free space into gaps before, between (a tenth of them empty: blocks back to back) and after.
  const weights = pieces.map(() => (rng.next() < 0.1 ? 0 : 0.2 + rng.next()));
  weights.push(0.2 + rng.next());
  const total = weights.reduce((s, w) => s + w, 0);
  const free = opts.size - used;
  const gaps = weights.map((w) => Math.floor((free * w) / total));
  gaps[gaps.length - 1]! += free - gaps.reduce((s, g) => s + g, 0);

  const data = new Uint8Array(opts.size);
  const blocks: KnownBlock[] = [];
  const raw: KnownRawRegion[] = [];
  let at = 0;
  for (let i = 0; i < pieces.length; i++) {
    fillGap(rng, data, at, at + gaps[i]!);
    at += gaps[i]!;
    const p = pieces[i]!;
    if (p.raw) {
      // Uncompressed graphics sit on a 32-byte boundary (as DMA sources do); the slack comes off the last gap.
      const slack = (32 - (at % 32)) % 32;
      fillGap(rng, data, at, at + slack);
      at += slack;
      gaps[gaps.length - 1]! -= slack;
    }
    data.set(p.bytes, at);
    if (p.block) blocks.push({ romOffset: at, ...p.block });
    if (p.raw) raw.push({ romOffset: at, ...p.raw });
    at += p.bytes.length;
  }
  fillGap(rng, data, at, opts.size);
  return { data, blocks, raw };
}
