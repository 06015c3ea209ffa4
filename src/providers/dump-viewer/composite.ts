/**
 * The on-screen sprites as indexed pixels for the webview: the same drawing as
 * `renderSpriteScreen` (src/core/dumps/vram-sheet.ts: visible entries, lowest OAM index on top,
 * flips, Y wrap, tiles by `objTileAddress`/`spriteCellTile`), but each pixel holds its CGRAM index
 * (palette x 16 + colour) instead of RGBA, 0 where nothing is drawn. The webview colours it with
 * the 256 CGRAM colours, so no RGBA or PNG crosses the message channel.
 */
import { SCREEN_HEIGHT, SCREEN_WIDTH, type OamEntry } from '../../core/dumps/oam';
import { objTileAddress, spriteCellTile, type ObjSettings } from '../../core/dumps/vram-sheet';
import { decode4bpp } from '../../core/gfx/tiles';

export interface IndexedComposite {
  width: number;
  height: number;
  /** CGRAM indices (128-255 for sprites), 0 transparent. */
  pixels: Uint8Array;
  /** OAM indices drawn, in OAM order. */
  drawn: number[];
}

export function spriteCompositeIndexed(vram: Uint8Array, entries: readonly OamEntry[], settings: ObjSettings): IndexedComposite {
  const pixels = new Uint8Array(SCREEN_WIDTH * SCREEN_HEIGHT);
  const visible = entries.filter((e) => e.visible);
  for (let k = visible.length - 1; k >= 0; k--) {
    const e = visible[k]!;
    const cols = e.width >> 3;
    const rows = e.height >> 3;
    for (let row = 0; row < rows; row++) {
      for (let col = 0; col < cols; col++) {
        const at = objTileAddress(spriteCellTile(e.tile, col, row), settings);
        const tile = decode4bpp(vram.subarray(at, at + 32), 1);
        for (let py = 0; py < 8; py++) {
          const sy = (e.y + (e.vflip ? rows - 1 - row : row) * 8 + py) & 0xff;
          if (sy >= SCREEN_HEIGHT) continue;
          const ty = e.vflip ? 7 - py : py;
          for (let px = 0; px < 8; px++) {
            const sx = e.x + (e.hflip ? cols - 1 - col : col) * 8 + px;
            if (sx < 0 || sx >= SCREEN_WIDTH) continue;
            const v = tile[ty * 8 + (e.hflip ? 7 - px : px)]!;
            if (v !== 0) pixels[sy * SCREEN_WIDTH + sx] = e.palette * 16 + v;
          }
        }
      }
    }
  }
  return { width: SCREEN_WIDTH, height: SCREEN_HEIGHT, pixels, drawn: visible.map((e) => e.index) };
}
