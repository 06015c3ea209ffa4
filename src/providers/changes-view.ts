/**
 * The Changes tab's data: the open document against its recorded clean original (core/patch
 * describeChanges), with the gallery's blocks and the document's catalog moves as what the bytes
 * belong to, so a relocated sprite is one row with its pointer beside it.
 */
import { hex } from '../core/errors';
import { decode } from '../core/hal';
import { describeChanges, movedPointers, OriginalError, readOriginal, type KnownBlock } from '../core/patch';
import { copierHeaderSize } from '../core/rom/copier-header';
import { CHANGE_PREVIEW_BYTES, MAX_CHANGE_ROWS, type ChangesData, type GalleryEntry } from '../webviews/protocol';
import { folderOf, romKey, workspaceFiles } from './patch-commands';
import type { RomDocument } from './rom-document';

/** Where each block now at an offset started in the original, following moves in order (A→B→C: C came from A). */
function origins(moves: readonly { from: number; to: number }[]): Map<number, number> {
  const origin = new Map<number, number>();
  for (const m of moves) {
    const first = origin.get(m.from) ?? m.from;
    origin.delete(m.from);
    origin.set(m.to, first);
  }
  return origin;
}

/** Bytes a HAL stream at `at` occupies, or `fallback` when none decodes there. */
function streamSize(bytes: Uint8Array, at: number, fallback: number): number {
  try {
    return decode(bytes, at).consumed;
  } catch {
    return fallback;
  }
}

/**
 * The gallery's blocks with where they were and are: an entry at a move's destination came from
 * its origin; an entry still at a moved block's old offset (the catalog follows moves on save)
 * went to its destination. One block per current offset, a moved one preferred.
 */
function blocksOf(entries: GalleryEntry[], original: Uint8Array, current: Uint8Array, origin: Map<number, number>): KnownBlock[] {
  const destination = new Map([...origin].map(([to, from]) => [from, to]));
  const blocks = new Map<number, KnownBlock>();
  for (const e of entries) {
    const name = e.name ?? `${e.kind === 'hal' ? 'compressed block' : 'tiles'} at ${e.snes ?? hex(e.fileOffset)}`;
    let before = { romOffset: e.romOffset, size: e.consumed };
    let after = { romOffset: e.romOffset, size: e.consumed };
    const from = origin.get(e.romOffset);
    const to = destination.get(e.romOffset);
    if (from !== undefined) before = { romOffset: from, size: e.kind === 'hal' ? streamSize(original, from, e.consumed) : e.consumed };
    else if (to !== undefined && !origin.has(e.romOffset)) {
      before = { romOffset: e.romOffset, size: e.kind === 'hal' ? streamSize(original, e.romOffset, e.consumed) : e.consumed };
      after = { romOffset: to, size: e.kind === 'hal' ? streamSize(current, to, e.consumed) : e.consumed };
    }
    const moved = before.romOffset !== after.romOffset;
    const known = blocks.get(after.romOffset);
    if (known && (known.before!.romOffset !== known.after!.romOffset || !moved)) continue;
    blocks.set(after.romOffset, { name, kind: 'sprite', before, after });
  }
  return [...blocks.values()];
}

export async function changesView(doc: RomDocument, entries: GalleryEntry[]): Promise<ChangesData> {
  const folder = folderOf(doc.uri);
  let record;
  try {
    record = await readOriginal(workspaceFiles(folder), romKey(folder, doc.uri));
  } catch (err) {
    if (err instanceof OriginalError) return { unavailable: err.message, original: null, rows: [], more: 0 };
    throw err;
  }
  const original = record.bytes.subarray(copierHeaderSize(record.bytes.length));
  const rom = doc.session.rom;
  const current = rom.data;
  const moves = origins(doc.catalogMoves);
  const pointers = new Set(movedPointers(original, current, [...moves].map(([to, from]) => ({ from, to })), rom.mapping));
  for (const e of entries) {
    if (!e.pointer) continue;
    try {
      pointers.add(rom.resolveAddress(e.pointer).romOffset);
    } catch {
      // A pointer the scan named but this mapping cannot place: nothing to label.
    }
  }
  const rows = describeChanges({ original, current, mapping: rom.mapping, headerOffset: rom.headerOffset, copierHeader: rom.copierHeaderSize, blocks: blocksOf(entries, original, current, moves), pointers: [...pointers] });
  return {
    unavailable: null,
    original: record.record.path,
    more: Math.max(0, rows.length - MAX_CHANGE_ROWS),
    rows: rows.slice(0, MAX_CHANGE_ROWS).map((r) => ({
      ...r,
      ranges: r.ranges.map((x) => {
        const n = Math.min(x.length, CHANGE_PREVIEW_BYTES);
        return { ...x, before: Array.from(original.subarray(x.romOffset, x.romOffset + n)), after: Array.from(current.subarray(x.romOffset, x.romOffset + n)) };
      }),
    })),
  };
}
