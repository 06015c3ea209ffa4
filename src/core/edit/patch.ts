/**
 * The one patch shape of SpritePal: bytes at a headerless ROM offset together with the bytes they
 * replace. Injection plans, checksum fixes, pixel edits and undo all use it; applying one checks
 * the bytes under it first, so a file that changed since the patch was made is refused, never
 * half-patched.
 */
import { hex } from '../format';
import { StaleRomError } from './errors';

export interface Patch {
  /** Headerless ROM offset (the copier header, when there is one, is added when applying). */
  romOffset: number;
  /** What the ROM held there when the patch was made. */
  before: Uint8Array;
  /** What the ROM holds there afterwards (same length as `before`). */
  after: Uint8Array;
}

/** A patch that turns `data[romOffset..]` (headerless) into `after`, remembering what was there. */
export function makePatch(data: Uint8Array, romOffset: number, after: Uint8Array): Patch {
  checkRange(romOffset, after.length, data.length);
  return { romOffset, before: data.slice(romOffset, romOffset + after.length), after: after.slice() };
}

/** The patches that undo `patches` (applied in reverse order, before and after swapped). */
export function invertPatches(patches: readonly Patch[]): Patch[] {
  return [...patches].reverse().map((p) => ({ romOffset: p.romOffset, before: p.after, after: p.before }));
}

function checkRange(romOffset: number, length: number, romSize: number): void {
  if (!Number.isInteger(romOffset) || romOffset < 0 || romOffset + length > romSize) {
    throw new RangeError(`patch of ${length} bytes at ROM offset ${hex(romOffset)} runs outside the ${romSize}-byte ROM`);
  }
}

/**
 * Throws StaleRomError unless every patch finds its `before` bytes, applying the patches in order
 * (a later patch may cover bytes an earlier one wrote). `base` is the copier header size.
 */
export function checkPatches(fileBytes: Uint8Array, base: number, patches: readonly Patch[]): void {
  const romSize = fileBytes.length - base;
  const written = new Map<number, number>();
  for (const p of patches) {
    checkRange(p.romOffset, p.after.length, romSize);
    if (p.before.length !== p.after.length)
      throw new RangeError(`patch at ROM offset ${hex(p.romOffset)} replaces ${p.before.length} bytes with ${p.after.length}`);
    for (let i = 0; i < p.before.length; i++) {
      const at = p.romOffset + i;
      const now = written.get(at) ?? fileBytes[base + at]!;
      if (now !== p.before[i]) {
        throw new StaleRomError(`the bytes at ROM offset ${hex(p.romOffset)} are not the ones the edit was made for: the file changed since it was opened`);
      }
    }
    if (patches.length > 1) for (let i = 0; i < p.after.length; i++) written.set(p.romOffset + i, p.after[i]!);
  }
}

/** Writes the patches into `fileBytes` in place, unchecked (see checkPatches). */
export function writePatches(fileBytes: Uint8Array, base: number, patches: readonly Patch[]): void {
  for (const p of patches) fileBytes.set(p.after, base + p.romOffset);
}

/** A checked copy of `fileBytes` with the patches applied; the input is never changed. */
export function patchedFile(fileBytes: Uint8Array, base: number, patches: readonly Patch[]): Uint8Array {
  checkPatches(fileBytes, base, patches);
  const out = fileBytes.slice();
  writePatches(out, base, patches);
  return out;
}

/** The on-disk byte ranges the patches cover (for cache invalidation). */
export function fileRanges(base: number, patches: readonly Patch[]): { start: number; end: number }[] {
  return patches.map((p) => ({ start: base + p.romOffset, end: base + p.romOffset + p.after.length }));
}
