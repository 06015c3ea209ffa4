/**
 * Where things go in the demo ROM (512 KiB LoROM, headerless offsets):
 *
 * | offset | SNES | what |
 * |---|---|---|
 * | 0x000000 | $00:8000 | RESET handler, then engine code, text, a sine table, a BG tilemap |
 * | 0x007FC0 | $00:FFC0 | internal header |
 * | 0x008000 | $01:8000 | sprite pointer table: 24-bit little-endian SNES addresses, one a sprite, then 00 00 00 |
 * | 0x008200 | $01:8200 | sprite palettes: 32 bytes (16 BGR555 colours) a sprite, same order |
 * | 0x009000 | $01:9000 | more code |
 * | 0x00C000 | $01:C000 | the font again, uncompressed 2bpp (raw graphics) |
 * | 0x010000 | $02:8000 | HAL-compressed sprite sheets, in table order; no block crosses a 32 KiB bank |
 *
 * Between sprite blocks: nothing (back to back), a run of free 0xFF bytes (a few of them several
 * KiB long, so the sheets span banks), or a small table of other data, in a fixed pattern. The rest of the ROM is free (0xFF).
 */
import { hex } from '../format';

export const DEMO_ROM_SIZE = 512 * 1024;
export const LOROM_BANK = 0x8000;
/** The text block (sprite names in ASCII) and what follows it in the first bank. */
export const TEXT_OFFSET = 0x002000;
export const SINE_TABLE_OFFSET = 0x002800;
export const POINTER_TABLE_OFFSET = 0x008000;
export const PALETTE_TABLE_OFFSET = 0x008200;
export const MAX_SPRITES = 64;
export const CODE2_OFFSET = 0x009000;
export const RAW_FONT_OFFSET = 0x00c000;
export const SPRITE_DATA_OFFSET = 0x010000;

export type Gap = { type: 'none' } | { type: 'free'; bytes: number } | { type: 'data'; bytes: number };

/** What follows sprite block `i`: a fixed, varied pattern. */
export function gapAfter(i: number): Gap {
  if (i % 7 === 6) return { type: 'free', bytes: 0x1800 + ((i * 331) % 0x800) };
  if (i % 5 === 2) return { type: 'data', bytes: 96 + ((i * 53) % 160) };
  if (i % 3 === 0) return { type: 'free', bytes: 16 + ((i * 37) % 240) };
  return { type: 'none' };
}

/**
 * Places blocks of the given lengths from `start`, moving a block to the next bank when it would
 * cross one, and leaving each gap after its block. Returns each block's offset and every data gap.
 */
export function placeBlocks(
  lengths: readonly number[],
  start: number,
  limit: number,
): { offsets: number[]; dataGaps: Array<{ offset: number; bytes: number }> } {
  const offsets: number[] = [];
  const dataGaps: Array<{ offset: number; bytes: number }> = [];
  let at = start;
  lengths.forEach((len, i) => {
    if (len > LOROM_BANK) throw new Error(`block ${i} is ${len} bytes, more than a LoROM bank holds`);
    if (Math.floor(at / LOROM_BANK) !== Math.floor((at + len - 1) / LOROM_BANK)) at = (Math.floor(at / LOROM_BANK) + 1) * LOROM_BANK;
    if (at + len > limit) throw new Error(`the demo sprites do not fit below ${hex(limit)}`);
    offsets.push(at);
    at += len;
    const gap = gapAfter(i);
    if (gap.type === 'free') at += gap.bytes;
    if (gap.type === 'data') {
      if (Math.floor(at / LOROM_BANK) !== Math.floor((at + gap.bytes - 1) / LOROM_BANK)) return;
      dataGaps.push({ offset: at, bytes: gap.bytes });
      at += gap.bytes;
    }
  });
  return { offsets, dataGaps };
}
