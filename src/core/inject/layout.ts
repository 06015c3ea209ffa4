/**
 * Where data may live in a ROM: bank sizes (a block must not cross a LoROM 32 KiB / HiROM 64 KiB
 * bank boundary: the game reads it through one bank), the internal header (never free, never
 * written except the checksum pair), and how to name a place in messages.
 */
import { HEADER_BASES } from '../rom/header';
import { formatSnes, hex } from '../format';
import type { Mapping } from '../rom/mapping';
import type { Rom } from '../rom/rom';

export interface Range {
  /** Headerless offset of the first byte. */
  start: number;
  /** Headerless offset one past the last byte. */
  end: number;
}

/**
 * The bank a block must stay inside. HiROM-style mappings read 64 KiB a bank; LoROM, ExLoROM and
 * SA-1 (whose LoROM-style windows are 32 KiB) read 32 KiB. An unknown mapping gets the safer 32 KiB.
 */
export function bankSize(mapping: Mapping): number {
  return mapping === 'hirom' || mapping === 'exhirom' ? 0x10000 : 0x8000;
}

/** Offset one past the end of the bank holding `offset`. */
export function bankEnd(mapping: Mapping, offset: number): number {
  const size = bankSize(mapping);
  return (Math.floor(offset / size) + 1) * size;
}

/**
 * Ranges no injection may use: every place an internal header can sit (with the 16-byte extended
 * header before it), whichever one the detector chose, so a blank header area never looks free.
 */
export function protectedRanges(rom: Rom): Range[] {
  const out: Range[] = [];
  for (const base of Object.values(HEADER_BASES)) {
    if (base + 0x40 <= rom.data.length) out.push({ start: base - 0x10, end: base + 0x40 });
  }
  return out;
}

export function overlaps(a: Range, b: Range): boolean {
  return a.start < b.end && b.start < a.end;
}

/** "ROM offset 0x01F400 (file 0x01F600, $83:F400)": what a user can find in a hex editor or debugger. */
export function where(rom: Rom, romOffset: number): string {
  const parts: string[] = [];
  if (rom.copierHeaderSize) parts.push(`file ${hex(rom.fileOffsetOf(romOffset))}`);
  const snes = rom.snesOf(romOffset);
  if (snes !== null) parts.push(formatSnes(snes));
  return `ROM offset ${hex(romOffset)}${parts.length ? ` (${parts.join(', ')})` : ''}`;
}
