/**
 * Edits of a ROM document: byte patches with the bytes they replace, so undo and redo restore the
 * exact bytes. Pure data plus two helpers; no vscode import needed here.
 */
export interface BytePatch {
  /** On-disk file offset. */
  offset: number;
  before: Uint8Array;
  after: Uint8Array;
}

export interface RomEdit {
  label: string;
  patches: BytePatch[];
}

/** A patch that turns `bytes[offset..]` into `after`, remembering what was there. */
export function makePatch(bytes: Uint8Array, offset: number, after: Uint8Array): BytePatch {
  if (offset < 0 || offset + after.length > bytes.length) {
    throw new RangeError(`patch of ${after.length} bytes at ${offset} runs outside the ${bytes.length}-byte file`);
  }
  return { offset, before: bytes.slice(offset, offset + after.length), after: after.slice() };
}

export function applyPatches(bytes: Uint8Array, patches: readonly BytePatch[], direction: 'forward' | 'back'): void {
  const list = direction === 'forward' ? patches : [...patches].reverse();
  for (const p of list) bytes.set(direction === 'forward' ? p.after : p.before, p.offset);
}
