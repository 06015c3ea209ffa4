/**
 * What the sprites looked like on screen: every visible OAM entry drawn from VRAM tiles (4bpp) with
 * its own CGRAM palette, lower OAM index on top, onto the 256x224 screen. The OBJ tiles sit at a
 * byte base in VRAM (OBSEL bits 0-2 x 16 KiB; Kirby Super Star: 0xC000); tiles 256-511 sit
 * (nameSelect + 1) x 8 KiB further. `findObjBase` recovers the base from the dump itself.
 */
import { bgr555ToRgb } from '../gfx/color';
import { readCgram } from '../gfx/palette';
import { SpritePalError } from '../errors';
import { SCREEN_HEIGHT, SCREEN_WIDTH, type OamEntry } from './oam';

export const VRAM_SIZE = 0x10000;
/** Byte address of OBJ tiles in the real Kirby Super Star dumps (word 0x6000). */
export const DEFAULT_OBJ_BASE = 0xc000;
/** The bases OBSEL can select (its 3 base bits x 16 KiB, within 64 KiB of VRAM). */
export const OBJ_BASE_CANDIDATES = [0x0000, 0x4000, 0x8000, 0xc000];

export interface ObjSettings {
  /** Byte address of OBJ tile 0 in VRAM. */
  base: number;
  /** OBSEL name select (0-3): tiles 256-511 start (n + 1) x 0x2000 bytes after the base. */
  nameSelect?: number;
}

export class VramError extends SpritePalError {
  constructor(message: string) {
    super('vram', message);
    this.name = 'VramError';
  }
}

/** Byte address in VRAM of OBJ tile `tile` (0-511). */
export function objTileAddress(tile: number, settings: ObjSettings): number {
  const second = tile & 0x100 ? ((settings.nameSelect ?? 0) + 1) * 0x2000 : 0;
  return (settings.base + second + (tile & 0xff) * 32) & 0xffff;
}

/** The tile at cell (col, row) of a sprite: columns wrap within the 16-tile row, rows within the table. */
export function spriteCellTile(tile: number, col: number, row: number): number {
  return (tile & 0x100) | ((((tile >> 4) + row) & 15) << 4) | (((tile & 15) + col) & 15);
}

/** Calls `draw(sx, sy, value, cell)` for every pixel of the entry that lands on screen (value 0 included). */
function forEachPixel(vram: Uint8Array, e: OamEntry, settings: ObjSettings, draw: (sx: number, sy: number, value: number, cell: number) => void): void {
  const cols = e.width >> 3;
  const rows = e.height >> 3;
  for (let row = 0; row < rows; row++) {
    for (let col = 0; col < cols; col++) {
      const at = objTileAddress(spriteCellTile(e.tile, col, row), settings);
      const cell = e.index * 64 + row * 8 + col;
      for (let py = 0; py < 8; py++) {
        const ty = e.vflip ? 7 - py : py;
        const sy = (e.y + (e.vflip ? rows - 1 - row : row) * 8 + py) & 0xff;
        if (sy >= SCREEN_HEIGHT) continue;
        const p0 = vram[at + 2 * ty]!;
        const p1 = vram[at + 2 * ty + 1]!;
        const p2 = vram[at + 16 + 2 * ty]!;
        const p3 = vram[at + 17 + 2 * ty]!;
        for (let px = 0; px < 8; px++) {
          const sx = e.x + (e.hflip ? cols - 1 - col : col) * 8 + px;
          if (sx < 0 || sx >= SCREEN_WIDTH) continue;
          const bit = 7 - (e.hflip ? 7 - px : px);
          const v = ((p0 >> bit) & 1) | (((p1 >> bit) & 1) << 1) | (((p2 >> bit) & 1) << 2) | (((p3 >> bit) & 1) << 3);
          draw(sx, sy, v, cell);
        }
      }
    }
  }
}

function checkVram(vram: Uint8Array): void {
  if (vram.length !== VRAM_SIZE) throw new VramError(`a VRAM dump is ${VRAM_SIZE} bytes (64 KiB), this one is ${vram.length}`);
}

export interface SpriteScreen {
  width: number;
  height: number;
  rgba: Uint8ClampedArray;
  /** OAM indices drawn, in OAM order. */
  drawn: number[];
}

/**
 * Draws the visible sprites onto a transparent 256x224 screen, lowest OAM index on top (the SNES
 * sprite order). Without CGRAM, colours are grayscale (index x 17).
 */
export function renderSpriteScreen(vram: Uint8Array, cgram: Uint8Array | null, entries: OamEntry[], settings: ObjSettings): SpriteScreen {
  checkVram(vram);
  const colors = cgram ? readCgram(cgram) : null;
  const rgba = new Uint8ClampedArray(SCREEN_WIDTH * SCREEN_HEIGHT * 4);
  const visible = entries.filter((e) => e.visible);
  for (let k = visible.length - 1; k >= 0; k--) {
    const e = visible[k]!;
    forEachPixel(vram, e, settings, (sx, sy, v) => {
      if (v === 0) return;
      const o = (sy * SCREEN_WIDTH + sx) * 4;
      const [r, g, b] = colors ? bgr555ToRgb(colors[e.palette * 16 + v]!) : [v * 17, v * 17, v * 17];
      rgba[o] = r;
      rgba[o + 1] = g;
      rgba[o + 2] = b;
      rgba[o + 3] = 255;
    });
  }
  return { width: SCREEN_WIDTH, height: SCREEN_HEIGHT, rgba, drawn: visible.map((e) => e.index) };
}

export interface BaseScore {
  base: number;
  /** How alike pixels across tile seams are, relative to pixels inside tiles (about 1 when right). */
  score: number;
  seamPairs: number;
}

export interface BaseGuess {
  base: number;
  /** False when no candidate stood out (too few multi-tile sprites): the default was kept. */
  confident: boolean;
  scores: BaseScore[];
}

/**
 * Finds the OBJ tile base from the dump: at the right base, neighbouring tiles of a sprite (and of
 * sprites built from several entries) continue each other, so pixels across tile seams agree about
 * as often as neighbours inside a tile; at a wrong base the seams are noise.
 */
export function findObjBase(vram: Uint8Array, entries: OamEntry[], opts: { nameSelect?: number; fallback?: number } = {}): BaseGuess {
  checkVram(vram);
  const visible = entries.filter((e) => e.visible);
  const scores: BaseScore[] = OBJ_BASE_CANDIDATES.map((base) => {
    const value = new Int16Array(SCREEN_WIDTH * SCREEN_HEIGHT).fill(-1);
    const owner = new Int32Array(SCREEN_WIDTH * SCREEN_HEIGHT).fill(-1);
    for (let k = visible.length - 1; k >= 0; k--) {
      forEachPixel(vram, visible[k]!, { base, nameSelect: opts.nameSelect }, (sx, sy, v, cell) => {
        value[sy * SCREEN_WIDTH + sx] = v;
        owner[sy * SCREEN_WIDTH + sx] = cell;
      });
    }
    let seamSame = 0;
    let seamPairs = 0;
    let innerSame = 0;
    let innerPairs = 0;
    for (let y = 0; y < SCREEN_HEIGHT; y++) {
      for (let x = 0; x < SCREEN_WIDTH; x++) {
        const i = y * SCREEN_WIDTH + x;
        if (owner[i]! < 0) continue;
        for (const j of [x + 1 < SCREEN_WIDTH ? i + 1 : -1, y + 1 < SCREEN_HEIGHT ? i + SCREEN_WIDTH : -1]) {
          if (j < 0 || owner[j]! < 0 || (value[i] === 0 && value[j] === 0)) continue;
          const same = value[i] === value[j] ? 1 : 0;
          if (owner[j] === owner[i]) {
            innerSame += same;
            innerPairs++;
          } else {
            seamSame += same;
            seamPairs++;
          }
        }
      }
    }
    const score = seamPairs && innerSame ? seamSame / seamPairs / (innerSame / innerPairs) : 0;
    return { base, score, seamPairs };
  });
  const ranked = [...scores].sort((a, b) => b.score - a.score);
  const best = ranked[0]!;
  const second = ranked[1]!;
  const confident = best.seamPairs >= 32 && best.score >= 0.75 && best.score - second.score >= 0.2;
  return { base: confident ? best.base : (opts.fallback ?? DEFAULT_OBJ_BASE), confident, scores };
}
