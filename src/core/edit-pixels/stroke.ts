/**
 * A pen stroke in the editor, as ROM patches: the pixels it changed (in the detail view's image,
 * `widthTiles` wide, tiles left to right) are written into the block's tile pixels, and the tiles
 * go through the injection pipeline (planTilePixels): raw tiles encoded in place, a HAL block
 * re-compressed with 'optimal', in place or relocated with its pointers rewritten, the checksum
 * fixed, verified by decoding. The plan's patches are then cut down to the bytes that differ, so
 * a raw block's edit touches only the changed rows' bytes and the undo record stays small.
 */
import { hex } from '../format';
import { colorsOf, decodeTiles, TILE_PIXELS } from '../gfx/tiles';
import type { Patch } from '../edit/patch';
import { InjectionRefusedError, planTilePixels, readTarget, type InjectOptions, type InjectionPlan, type InjectTarget } from '../inject';
import type { Rom } from '../rom/rom';

export interface Stroke {
  target: InjectTarget;
  /** Width of the edited image in tiles (the detail view's layout). */
  widthTiles: number;
  /**
   * The changed pixels as triples: image pixel index (y * widthTiles * 8 + x), the index it held
   * before the stroke, the index it holds now. A "before" that is not what the ROM holds means
   * the view was stale: the stroke is refused rather than drawn over bytes the user did not see.
   */
  changes: readonly number[];
}

export interface StrokePlan {
  plan: InjectionPlan;
  /** The block's tile pixels after the stroke (64 a tile). */
  pixels: Uint8Array;
}

/** Where image pixel `index` lives in tile pixels (64 a tile), or -1 outside the block's tiles. */
export function tilePixelIndex(index: number, widthTiles: number, tiles: number): number {
  const width = widthTiles * 8;
  const x = index % width;
  const y = Math.floor(index / width);
  const tile = Math.floor(y / 8) * widthTiles + Math.floor(x / 8);
  if (index < 0 || tile >= tiles) return -1;
  return tile * TILE_PIXELS + (y % 8) * 8 + (x % 8);
}

/** The block's tile pixels with the stroke's changes written in; refuses what cannot be drawn. */
export function strokePixels(current: Uint8Array, tiles: number, stroke: Pick<Stroke, 'widthTiles' | 'changes'>, bpp: 2 | 4 | 8, place: string): Uint8Array {
  const refuse = (why: string) => new InjectionRefusedError('image', `stroke on ${place}: ${why}`);
  const { widthTiles, changes } = stroke;
  if (!Number.isInteger(widthTiles) || widthTiles < 1) throw refuse(`width ${widthTiles} is not a whole number of tiles`);
  if (changes.length % 3 !== 0) throw refuse(`changes come as (pixel, before, after) triples; ${changes.length} numbers given`);
  const max = colorsOf(bpp);
  const out = current.slice();
  for (let i = 0; i < changes.length; i += 3) {
    const [index, before, after] = [changes[i]!, changes[i + 1]!, changes[i + 2]!];
    const at = Number.isInteger(index) ? tilePixelIndex(index, widthTiles, tiles) : -1;
    if (at < 0) throw refuse(`pixel ${index} is outside the block's ${tiles} tiles (${widthTiles} a row)`);
    if (!Number.isInteger(after) || after < 0 || after >= max) throw refuse(`colour index ${after} is not one of the ${max} a ${bpp}bpp tile holds`);
    if (current[at] !== before) throw refuse(`pixel ${index} holds index ${current[at]}, the view showed ${before}: the block changed since it was drawn`);
    out[at] = after;
  }
  return out;
}

/**
 * Patches cut down to the bytes they change (before != after), so an edit writes and remembers
 * only what changes. Runs closer than `join` bytes stay one patch.
 */
export function minimalPatches(patches: readonly Patch[], join = 8): Patch[] {
  const out: Patch[] = [];
  for (const p of patches) {
    const { before, after } = p;
    const n = after.length;
    let i = 0;
    while (i < n) {
      while (i < n && after[i] === before[i]) i++;
      if (i >= n) break;
      let end = i + 1;
      let same = 0;
      for (let j = end; j < n && same <= join; j++) {
        if (after[j] === before[j]) same++;
        else {
          same = 0;
          end = j + 1;
        }
      }
      out.push({ romOffset: p.romOffset + i, before: before.slice(i, end), after: after.slice(i, end) });
      i = end;
    }
  }
  return out;
}

/** Plans one stroke: the patches (minimal, checksum pair included) and the pixels they hold. */
export function planStroke(rom: Rom, stroke: Stroke, opts: Pick<InjectOptions, 'relocate' | 'pointers'> = {}): StrokePlan {
  const { target } = stroke;
  const current = readTarget(rom, target);
  const place = `the ${target.kind === 'hal' ? 'HAL' : 'raw'} block at ${hex(target.romOffset)}`;
  const before = decodeTiles(current.data, target.bpp, current.tiles);
  const pixels = strokePixels(before, current.tiles, stroke, target.bpp, place);
  const plan = planTilePixels(rom, target, { pixels, tiles: current.tiles }, opts, current);
  return { plan: { ...plan, patches: minimalPatches(plan.patches) }, pixels };
}
