/**
 * 24-bit little-endian pointers (what games keep in their graphics tables): finding every slot
 * that holds the SNES address of a block (any of its mirrors), and rewriting one for a new place
 * in the same addressing form the game used.
 */
import { snesMirrors, snesToOffset, type Mapping } from '../rom/mapping';
import type { Rom } from '../rom/rom';
import { overlaps, type Range } from './layout';

export function readPointer(data: Uint8Array, at: number): number {
  return data[at]! | (data[at + 1]! << 8) | (data[at + 2]! << 16);
}

export function pointerBytes(snes: number): Uint8Array {
  return Uint8Array.of(snes & 0xff, (snes >>> 8) & 0xff, (snes >>> 16) & 0xff);
}

export interface FindPointersOptions {
  /** Ranges whose bytes are not pointers (the block itself, say). */
  exclude?: Range[];
}

/**
 * Headerless offsets of every 24-bit slot holding an SNES address (canonical or mirror) of the
 * byte at `romOffset`, in ROM order. Empty when the mapping is unknown (no SNES addresses).
 */
export function findPointers(rom: Rom, romOffset: number, opts: FindPointersOptions = {}): number[] {
  const targets = snesMirrors(rom.mapping, romOffset);
  if (targets.length === 0) return [];
  const data = rom.data;
  const lows = new Set(targets.map((t) => t & 0xff));
  const exclude = opts.exclude ?? [];
  const out: number[] = [];
  for (let i = 0; i + 3 <= data.length; i++) {
    if (!lows.has(data[i]!)) continue;
    if (!targets.includes(readPointer(data, i))) continue;
    if (exclude.some((r) => overlaps(r, { start: i, end: i + 3 }))) continue;
    out.push(i);
  }
  return out;
}

/** 'window': the bank maps only $8000-$FFFF (LoROM style); 'full': all 64 KiB (HiROM style). */
function form(mapping: Mapping, snes: number): 'window' | 'full' {
  return snesToOffset(mapping, snes & 0xff0000) === null ? 'window' : 'full';
}

/**
 * The address to store in a slot that held `oldValue` once the block moves to `newOffset`: the
 * same form (LoROM-style window or HiROM-style full bank) and, when possible, the same speed
 * half ($00-$7F vs $80-$FF), covering all `length` bytes inside one bank. Null when no such
 * address exists (the game could not read the block there through this pointer).
 */
export function retarget(mapping: Mapping, oldValue: number, newOffset: number, length: number): number | null {
  const want = form(mapping, oldValue);
  const options = snesMirrors(mapping, newOffset).filter((s) => form(mapping, s) === want);
  const ordered = [...options.filter((s) => (s & 0x800000) === (oldValue & 0x800000)), ...options];
  for (const s of ordered) {
    const last = s + length - 1;
    if (last >>> 16 === s >>> 16 && snesToOffset(mapping, last) === newOffset + length - 1) return s;
  }
  return null;
}
