/** What is at the target now: the block's bytes in the ROM and the data they hold. */
import { decode } from '../hal';
import { bytesPerTile } from '../gfx/tiles';
import type { Rom } from '../rom/rom';
import { InjectionRefusedError } from './errors';
import { where } from './layout';

export interface InjectTarget {
  /** Headerless ROM offset of the block. */
  romOffset: number;
  kind: 'hal' | 'raw';
  bpp: 2 | 4 | 8;
  /** Tiles the block holds; required for raw blocks (HAL blocks say how long they are). */
  tiles?: number;
  /** Width of the image in tiles, when the image must have the exported layout. */
  widthTiles?: number;
}

export interface CurrentBlock {
  /** Bytes the block occupies in the ROM (the HAL stream with its terminator, or the raw tiles). */
  size: number;
  /** The data it holds (decompressed for HAL). */
  data: Uint8Array;
  /** Whole tiles in the data. */
  tiles: number;
  /** Data bytes after the last whole tile (kept as they are). */
  tail: Uint8Array;
}

export function readTarget(rom: Rom, target: InjectTarget): CurrentBlock {
  const { romOffset, kind, bpp } = target;
  const refuse = (why: string) => new InjectionRefusedError('target', `cannot inject at ${where(rom, romOffset)}: ${why}`);
  if (!Number.isInteger(romOffset) || romOffset < 0 || romOffset >= rom.data.length) {
    throw new InjectionRefusedError('target', `target offset ${romOffset} is outside the ${rom.data.length}-byte ROM`);
  }
  if (bpp !== 2 && bpp !== 4 && bpp !== 8) throw refuse(`bit depth ${String(bpp)} is not 2, 4 or 8`);
  const bpt = bytesPerTile(bpp);
  let data: Uint8Array;
  let size: number;
  if (kind === 'raw') {
    const tiles = target.tiles;
    if (tiles === undefined || !Number.isInteger(tiles) || tiles < 1) throw refuse('a raw block needs its tile count (1 or more)');
    size = tiles * bpt;
    if (romOffset + size > rom.data.length) throw refuse(`${tiles} tiles of ${bpt} bytes run past the end of the ROM`);
    data = rom.data.subarray(romOffset, romOffset + size);
  } else if (kind === 'hal') {
    try {
      const r = decode(rom.data, romOffset);
      data = r.data;
      size = r.consumed;
    } catch (e) {
      throw refuse(`no HAL stream there (${(e as Error).message})`);
    }
  } else throw refuse(`unknown kind "${String(kind)}" (hal or raw)`);
  const tiles = Math.floor(data.length / bpt);
  if (tiles === 0) throw refuse(`the block holds ${data.length} bytes, not one whole ${bpp}bpp tile`);
  return { size, data, tiles, tail: data.subarray(tiles * bpt) };
}
