/**
 * OAM (544 bytes): 128 four-byte entries (X low, Y, tile low, attributes VHPPCCCT) and a 32-byte
 * high table (2 bits a sprite: bit 0 = X bit 8, bit 1 = large). Sprite palettes are CGRAM 8-15:
 * `8 + ((attr >> 1) & 7)`. (SpritePal took `attr & 7` and swapped the high-table bits.)
 */
import { SpritePalError } from '../errors';

export const OAM_SIZE = 544;
export const SCREEN_WIDTH = 256;
export const SCREEN_HEIGHT = 224;

/** Small and large sprite sizes (width, height) for each OBSEL size mode 0-7 ($2101 bits 5-7). */
export const OBJ_SIZE_MODES: readonly (readonly [[number, number], [number, number]])[] = [
  [
    [8, 8],
    [16, 16],
  ],
  [
    [8, 8],
    [32, 32],
  ],
  [
    [8, 8],
    [64, 64],
  ],
  [
    [16, 16],
    [32, 32],
  ],
  [
    [16, 16],
    [64, 64],
  ],
  [
    [32, 32],
    [64, 64],
  ],
  [
    [16, 32],
    [32, 64],
  ],
  [
    [16, 32],
    [32, 32],
  ],
];

export interface OamEntry {
  index: number;
  /** -256..255 (9-bit signed). */
  x: number;
  /** 0..255 as stored; a sprite whose bottom passes 255 wraps to the top of the screen. */
  y: number;
  /** 0..511: tile number with the name-table bit (attribute bit 0) as bit 8. */
  tile: number;
  /** CGRAM palette 8-15. */
  palette: number;
  priority: number;
  hflip: boolean;
  vflip: boolean;
  large: boolean;
  width: number;
  height: number;
  /** Some part of the sprite lies on the 256x224 screen. */
  visible: boolean;
}

export class OamError extends SpritePalError {
  constructor(message: string) {
    super('oam', message);
    this.name = 'OamError';
  }
}

/** Whether a w x h sprite at (x, y) shows any pixel on the 256x224 screen (Y wraps at 256). */
export function isOnScreen(x: number, y: number, width: number, height: number): boolean {
  const horizontal = x < SCREEN_WIDTH && x + width > 0;
  const vertical = y < SCREEN_HEIGHT || y + height > 256;
  return horizontal && vertical;
}

export function parseOam(bytes: Uint8Array, opts: { sizeMode?: number } = {}): OamEntry[] {
  if (bytes.length !== OAM_SIZE) throw new OamError(`an OAM dump is ${OAM_SIZE} bytes (128 entries of 4 + a 32-byte high table), this one is ${bytes.length}`);
  const mode = opts.sizeMode ?? 0;
  const sizes = OBJ_SIZE_MODES[mode];
  if (!sizes) throw new OamError(`OBJ size mode must be 0-7, got ${mode}`);
  const out: OamEntry[] = [];
  for (let i = 0; i < 128; i++) {
    const [xLow, y, tileLow, attr] = [bytes[i * 4]!, bytes[i * 4 + 1]!, bytes[i * 4 + 2]!, bytes[i * 4 + 3]!];
    const high = (bytes[512 + (i >> 2)]! >> ((i & 3) * 2)) & 3;
    const x9 = xLow | ((high & 1) << 8);
    const x = x9 >= 256 ? x9 - 512 : x9;
    const large = (high & 2) !== 0;
    const [width, height] = sizes[large ? 1 : 0];
    out.push({
      index: i,
      x,
      y,
      tile: tileLow | ((attr & 1) << 8),
      palette: 8 + ((attr >> 1) & 7),
      priority: (attr >> 4) & 3,
      hflip: (attr & 0x40) !== 0,
      vflip: (attr & 0x80) !== 0,
      large,
      width,
      height,
      visible: isOnScreen(x, y, width, height),
    });
  }
  return out;
}
