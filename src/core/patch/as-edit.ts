/**
 * An applied patch as one undoable edit: the byte ranges where the result differs from the ROM it
 * was applied to, each with the bytes it replaces (core/edit's Patch), so "Apply Patch" can open
 * the ROM as a new document and apply the patch on it as an edit the editor can undo and save.
 */
import { makePatch, type Patch } from '../edit/patch';
import { copierHeaderSize } from '../rom/copier-header';
import { diffRegions } from './changes';

/**
 * The edit patches turning the file `rom` into the file `result` (headerless offsets, as edits
 * use), or null when no byte-replacing edit can: the sizes differ (the patch grew or cut the ROM)
 * or the copier header itself changed.
 */
export function patchesBetween(rom: Uint8Array, result: Uint8Array): Patch[] | null {
  if (rom.length !== result.length) return null;
  const header = copierHeaderSize(rom.length);
  for (let i = 0; i < header; i++) if (rom[i] !== result[i]) return null;
  const before = rom.subarray(header);
  const after = result.subarray(header);
  // Adjacent differences are merged (diffRegions' small gap): fewer, slightly longer patches.
  return diffRegions(before, after).map((r) => makePatch(before, r.start, after.subarray(r.start, r.end)));
}
