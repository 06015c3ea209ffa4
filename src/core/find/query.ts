/**
 * What to look for, read from a VRAM dump: the tiles of one on-screen sprite (as OAM and OBSEL
 * place them) or a run of VRAM tiles, each with its VRAM tile number so a match can be aligned.
 */
import type { OamEntry } from '../dumps/oam';
import { objTileAddress, spriteCellTile, type ObjSettings } from '../dumps/vram-sheet';
import type { QueryTile } from './tile-search';

const SPRITE_BYTES_PER_TILE = 32;

/** The 4bpp tiles of a sprite, row by row (flips do not change the tiles, only how they are drawn). */
export function spriteQuery(vram: Uint8Array, entry: Pick<OamEntry, 'tile' | 'width' | 'height'>, settings: ObjSettings): QueryTile[] {
  const out: QueryTile[] = [];
  for (let row = 0; row < entry.height >> 3; row++) {
    for (let col = 0; col < entry.width >> 3; col++) {
      const at = objTileAddress(spriteCellTile(entry.tile, col, row), settings);
      if (at + SPRITE_BYTES_PER_TILE > vram.length) continue;
      out.push({ bytes: vram.slice(at, at + SPRITE_BYTES_PER_TILE), vramTile: at / SPRITE_BYTES_PER_TILE });
    }
  }
  return out;
}

/** `count` tiles of VRAM from tile `first` at a depth (bytes a tile = bpp x 8). */
export function vramRangeQuery(vram: Uint8Array, first: number, count: number, bpp: 2 | 4 | 8): QueryTile[] {
  const per = bpp * 8;
  const out: QueryTile[] = [];
  for (let t = first; t < first + count && (t + 1) * per <= vram.length; t++) out.push({ bytes: vram.slice(t * per, (t + 1) * per), vramTile: t });
  return out;
}
