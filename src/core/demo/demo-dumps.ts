/**
 * Emulator-style memory dumps of a scene made from the demo ROM's sprites (VRAM, CGRAM, OAM):
 * original content only, so the dump viewer can be shown and tested without game data.
 */
import { decode } from '../hal';
import { buildDemoRom, demoRomLayout } from './demo-rom';

export interface DemoDumps {
  vram: Uint8Array;
  cgram: Uint8Array;
  oam: Uint8Array;
}

/** Where the scene keeps its sprite tiles: VRAM byte 0xC000 (word 0x6000), as Kirby Super Star does. */
export const DEMO_OBJ_BASE = 0xc000;

/** Sprites on screen: [sheet, frame, x, y, hflip]. Sheets are 32-tile 16x16 animations. */
const SCENE: [number, number, number, number, boolean][] = [
  [0, 0, 40, 150, false],
  [0, 3, 64, 150, false],
  [1, 1, 100, 158, false],
  [1, 2, 124, 158, true],
  [2, 0, 160, 60, false],
  [2, 4, 190, 48, true],
  [3, 1, 210, 150, true],
  [4, 0, 30, 40, false],
  [4, 2, 52, 40, false],
  [5, 0, 120, 96, false],
  [6, 1, 150, 120, false],
  [7, 0, 230, 90, true],
];

export function buildDemoDumps(): DemoDumps {
  const rom = buildDemoRom();
  const sheets = demoRomLayout()
    .sprites.filter((s) => s.bpp === 4 && s.tiles === 32)
    .slice(0, 8);
  const vram = new Uint8Array(0x10000);
  const cgram = new Uint8Array(512);
  // BG palettes 0-7: a dim blue ramp, so CGRAM is not empty outside the sprite palettes.
  for (let i = 0; i < 128; i++) {
    const v = (i % 16) * 2;
    const c = (v >> 2) | ((v >> 1) << 5) | (Math.min(31, v + 4) << 10);
    cgram[i * 2] = c & 0xff;
    cgram[i * 2 + 1] = c >> 8;
  }
  sheets.forEach((s, i) => {
    // A 16-tile-wide, 2-row sheet is already in VRAM's 16x16 sprite order: frame k is n, n+1, n+16, n+17.
    vram.set(decode(rom, s.romOffset).data, DEMO_OBJ_BASE + i * 32 * 32);
    cgram.set(rom.subarray(s.paletteRomOffset, s.paletteRomOffset + 32), (8 + i) * 32);
  });
  const oam = new Uint8Array(544);
  for (let i = 0; i < 128; i++) {
    oam[i * 4] = 0;
    oam[i * 4 + 1] = 0xf0; // off screen (Y 240)
  }
  SCENE.forEach(([sheet, frame, x, y, hflip], i) => {
    const tile = sheet * 32 + frame * 2;
    oam[i * 4] = x & 0xff;
    oam[i * 4 + 1] = y;
    oam[i * 4 + 2] = tile & 0xff;
    oam[i * 4 + 3] = (hflip ? 0x40 : 0) | (3 << 4) | ((sheet & 7) << 1) | ((tile >> 8) & 1);
    // High table: bit 1 = large (16x16 in size mode 0), bit 0 = X bit 8.
    oam[512 + (i >> 2)]! |= (0x2 | ((x >> 8) & 1)) << ((i & 3) * 2);
  });
  return { vram, cgram, oam };
}
