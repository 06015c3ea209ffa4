/**
 * planInjection: PNG -> tiles in the target's depth -> compressed ('optimal'; raw stays raw) ->
 * in place when the new bytes fit in the old block plus the free bytes after it, else (allowed)
 * relocated to free space with every chosen pointer rewritten and the old block freed -> checksum
 * fixed -> verified by decoding the patched ROM. Pure: returns patches, writes nothing.
 */
import { encode } from '../hal';
import { computeChecksum } from '../rom/checksum';
import { offsetToSnes, snesMirrors } from '../rom/mapping';
import type { Rom } from '../rom/rom';
import { encodeTiles } from '../gfx/tiles';
import type { Rgb } from '../gfx/color';
import { formatSnes, hex } from '../format';
import { makePatch, type Patch } from '../edit/patch';
import type { BlockMove } from '../edit/edit-model';
import { fileFingerprint, type PlanSource } from './apply';
import { InjectionRefusedError } from './errors';
import { findFreeSpace, FREE_GUARD, type Padding } from './free-space';
import { imageTiles } from './image';
import { bankEnd, protectedRanges, where, type Range } from './layout';
import { findPointers, pointerBytes, readPointer, retarget } from './pointers';
import { readTarget, type CurrentBlock, type InjectTarget } from './target';
import { verifyPatched } from './verify';
import { applyWithChecksumFix } from './checksum-fix';

export interface InjectOptions {
  /** Move the block to free space when it does not fit in place. */
  relocate?: boolean;
  /** Headerless offsets of the 24-bit pointer slots to rewrite (chosen by the user). */
  pointers?: number[];
  /** Accept an image with a different tile count. */
  resize?: boolean;
  /** The target palette, for RGB(A) PNGs. */
  palette?: Rgb[];
  /** Map RGB colours not in the palette to the nearest one instead of refusing. */
  nearest?: boolean;
}

export interface InjectionSummary {
  /** Tiles in the new data. */
  tiles: number;
  /** Bytes the block occupied / occupies now (stream with terminator, or raw tiles). */
  oldSize: number;
  newSize: number;
  inPlace: boolean;
  /** Headerless offset of the block now, and its SNES address. */
  newRomOffset: number;
  newSnes: number | null;
  /** Slots found (or given) that point at the old block. */
  pointerCandidates: number[];
  pointersUpdated: number[];
  /** The byte freed space is filled with. */
  padding: Padding;
  /** The checksum the ROM holds afterwards. */
  checksum: number;
  verified: boolean;
}

export interface InjectionPlan {
  /** Headerless patches, the checksum pair included; empty when unchanged. */
  patches: Patch[];
  unchanged: boolean;
  summary: InjectionSummary;
  /** The file the plan was made from (applyPlan refuses other bytes under the patches). */
  source: PlanSource;
  /** Where the block moved (a relocation): catalog entries follow it in the same edit. */
  moves: BlockMove[];
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/** The free bytes right after a block (a run of 0xFF or 0x00), usable to grow it in place. */
function trailingFree(rom: Rom, start: number, end: number): { free: number; padding: Padding | null } {
  const data = rom.data;
  const b = data[end];
  if (b !== 0 && b !== 0xff) return { free: 0, padding: null };
  let limit = Math.min(data.length, Math.max(end, bankEnd(rom.mapping, start)));
  for (const r of protectedRanges(rom)) if (r.start >= end) limit = Math.min(limit, r.start);
  let j = end;
  while (j < limit && data[j] === b) j++;
  // A run that stops at data (not at the bank end, the header or the ROM end) keeps a guard.
  const touchesData = j < limit;
  return { free: Math.max(0, j - end - (touchesData ? FREE_GUARD : 0)), padding: b };
}

function encodeBlock(kind: InjectTarget['kind'], data: Uint8Array, place: string): Uint8Array {
  if (kind === 'raw') return data;
  try {
    return encode(data, { level: 'optimal' });
  } catch (e) {
    throw new InjectionRefusedError('image', `image for ${place}: ${(e as Error).message}`);
  }
}

export function planInjection(rom: Rom, target: InjectTarget, png: Uint8Array, opts: InjectOptions = {}): InjectionPlan {
  const current = readTarget(rom, target);
  const place = placeOf(rom, target);
  const image = imageTiles(png, {
    bpp: target.bpp,
    tiles: current.tiles,
    widthTiles: target.widthTiles,
    resize: opts.resize,
    palette: opts.palette,
    nearest: opts.nearest,
    place,
  });
  return planTilePixels(rom, target, image, opts, current);
}

function placeOf(rom: Rom, target: InjectTarget): string {
  return `the ${target.kind === 'hal' ? 'HAL' : 'raw'} block at ${where(rom, target.romOffset)}`;
}

/**
 * The same plan from tile pixels (64 a tile) instead of a PNG: what a pixel edit in the editor
 * sends through. `current` is the target as readTarget read it (read again when not given).
 */
export function planTilePixels(
  rom: Rom,
  target: InjectTarget,
  image: { pixels: Uint8Array; tiles: number },
  opts: Pick<InjectOptions, 'relocate' | 'pointers'> = {},
  current: CurrentBlock = readTarget(rom, target),
): InjectionPlan {
  const source = fileFingerprint(rom.file);
  const place = placeOf(rom, target);
  const newData = concat(encodeTiles(image.pixels, target.bpp), current.tail);
  const start = target.romOffset;
  const oldEnd = start + current.size;
  const trailing = trailingFree(rom, start, oldEnd);
  const padding: Padding = trailing.padding ?? 0xff;

  if (equalBytes(newData, current.data)) {
    const checksum = rom.checksum?.stored ?? computeChecksum(rom.data, null);
    return {
      patches: [],
      unchanged: true,
      source,
      moves: [],
      summary: {
        tiles: image.tiles,
        oldSize: current.size,
        newSize: current.size,
        inPlace: true,
        newRomOffset: start,
        newSnes: offsetToSnes(rom.mapping, start),
        pointerCandidates: [],
        pointersUpdated: [],
        padding,
        checksum,
        verified: true,
      },
    };
  }

  const block = encodeBlock(target.kind, newData, place);
  const patches: Patch[] = [];
  let newOffset = start;
  let pointerCandidates: number[] = [];
  let pointersUpdated: number[] = [];
  const room = current.size + trailing.free;
  if (block.length <= room) {
    const bytes = new Uint8Array(Math.max(block.length, current.size)).fill(padding);
    bytes.set(block);
    patches.push(makePatch(rom.data, start, bytes));
  } else {
    if (!opts.relocate) {
      throw new InjectionRefusedError(
        'no-room',
        `the new data for ${place} is ${block.length} bytes; the block holds ${current.size} bytes with ${trailing.free} free after it (${room} in all): allow relocation to move it to free space`,
      );
    }
    const moved = relocate(rom, start, current.size, block.length, opts.pointers, place);
    newOffset = moved.romOffset;
    pointerCandidates = moved.candidates;
    pointersUpdated = moved.pointers.map((p) => p.slot);
    patches.push(makePatch(rom.data, newOffset, block));
    for (const p of moved.pointers) patches.push(makePatch(rom.data, p.slot, pointerBytes(p.value)));
    patches.push(makePatch(rom.data, start, new Uint8Array(current.size).fill(padding)));
  }

  const { data, checksum } = applyWithChecksumFix(rom, patches);
  verifyPatched({
    data,
    mapping: rom.mapping,
    headerOffset: rom.headerOffset,
    kind: target.kind,
    bpp: target.bpp,
    romOffset: newOffset,
    size: block.length,
    expected: newData,
    pixels: image.pixels,
    pointers: pointersUpdated,
  });

  return {
    patches,
    unchanged: false,
    source,
    moves: newOffset === start ? [] : [{ from: start, to: newOffset }],
    summary: {
      tiles: image.tiles,
      oldSize: current.size,
      newSize: block.length,
      inPlace: newOffset === start,
      newRomOffset: newOffset,
      newSnes: offsetToSnes(rom.mapping, newOffset),
      pointerCandidates,
      pointersUpdated,
      padding,
      checksum,
      verified: true,
    },
  };
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (b.length === 0) return a;
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

interface Relocation {
  romOffset: number;
  candidates: number[];
  pointers: { slot: number; value: number }[];
}

/** Where the block goes and which pointers change; refuses when either cannot be decided. */
function relocate(rom: Rom, start: number, oldSize: number, length: number, chosen: number[] | undefined, place: string): Relocation {
  const old: Range = { start, end: start + oldSize };
  if (rom.mapping === 'unknown') {
    throw new InjectionRefusedError('no-pointers', `cannot move ${place}: the ROM's mapping is unknown, so no pointer to it can be found or rewritten`);
  }
  if (!findFreeSpace(rom, length, { exclude: [old] })) {
    throw new InjectionRefusedError(
      'no-free-space',
      `no free space for the ${length}-byte block from ${place}: no run of 0xFF or 0x00 bytes holds it inside one ${bankSizeText(rom)} bank`,
    );
  }
  const oldSnes = offsetToSnes(rom.mapping, start)!;
  let candidates: number[];
  if (chosen && chosen.length > 0) {
    candidates = [...new Set(chosen)].sort((a, b) => a - b);
    for (const slot of candidates) checkSlot(rom, slot, start, old, place);
  } else {
    candidates = findPointers(rom, start, { exclude: [old] });
    if (candidates.length === 0) {
      throw new InjectionRefusedError(
        'no-pointers',
        `cannot move ${place}: no 24-bit pointer to ${formatSnes(oldSnes)} (or a mirror) was found, so nothing would find the moved data; give the pointer's location`,
      );
    }
    if (candidates.length > 1) {
      const list = candidates.map((c) => `${hex(c)} (${formatSnes(readPointer(rom.data, c))})`).join(', ');
      throw new InjectionRefusedError(
        'ambiguous-pointers',
        `moving ${place}: ${candidates.length} places hold a pointer to it, at ROM offsets ${list}; choose the ones to update`,
        candidates,
      );
    }
  }
  const slots = candidates.map((slot) => ({ slot, old: readPointer(rom.data, slot) }));
  const exclude: Range[] = [old, ...candidates.map((c) => ({ start: c, end: c + 3 }))];
  const space = findFreeSpace(rom, length, { exclude, accept: (at, len) => slots.every((s) => retarget(rom.mapping, s.old, at, len) !== null) });
  if (!space) {
    throw new InjectionRefusedError('no-free-space', `no free space for the ${length}-byte block from ${place} that its pointers can address`);
  }
  return {
    romOffset: space.romOffset,
    candidates,
    pointers: slots.map((s) => ({ slot: s.slot, value: retarget(rom.mapping, s.old, space.romOffset, length)! })),
  };
}

function checkSlot(rom: Rom, slot: number, start: number, old: Range, place: string): void {
  if (!Number.isInteger(slot) || slot < 0 || slot + 3 > rom.data.length) {
    throw new InjectionRefusedError('no-pointers', `pointer location ${slot} is outside the ${rom.data.length}-byte ROM`);
  }
  if (slot < old.end && old.start < slot + 3)
    throw new InjectionRefusedError('no-pointers', `the pointer location ${where(rom, slot)} is inside ${place} itself`);
  const value = readPointer(rom.data, slot);
  const at = offsetToSnes(rom.mapping, start)!;
  if (!snesMirrors(rom.mapping, start).includes(value)) {
    throw new InjectionRefusedError(
      'no-pointers',
      `the 24-bit value at ${where(rom, slot)} is ${formatSnes(value)}, not a pointer to ${place} (${formatSnes(at)} or a mirror)`,
    );
  }
}

function bankSizeText(rom: Rom): string {
  return bankEnd(rom.mapping, 0) === 0x10000 ? '64 KiB' : '32 KiB';
}
