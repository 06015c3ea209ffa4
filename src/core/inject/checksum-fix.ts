/**
 * The last step of every planned write (an injection, a stroke, a palette colour): the patches
 * applied to a copy of the ROM, plus the patch that makes the header's checksum pair match the
 * result when the ROM has a header. One place, so every writer fixes the checksum the same way.
 */
import { makePatch, patchedFile, type Patch } from '../edit/patch';
import { checksumBytes, computeChecksum } from '../rom/checksum';
import type { Rom } from '../rom/rom';

/**
 * Appends the checksum-pair patch to `patches` (when the ROM has a header) and returns the
 * patched ROM data with the checksum it now holds (without a header: the computed sum).
 */
export function applyWithChecksumFix(rom: Rom, patches: Patch[]): { data: Uint8Array; checksum: number } {
  let data = patchedFile(rom.data, 0, patches);
  const checksum = computeChecksum(data, rom.headerOffset);
  if (rom.headerOffset !== null) {
    const pair = makePatch(rom.data, rom.headerOffset + 0x1c, checksumBytes(checksum));
    patches.push(pair);
    data = patchedFile(data, 0, [pair]);
  }
  return { data, checksum };
}
