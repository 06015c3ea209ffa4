/**
 * The Changes tab's data: the open document against its recorded clean original (core/patch
 * describeChanges), with the gallery's blocks and every block move since the original (those
 * saved in the workspace catalog, then the document's own) as what the bytes belong to, so a
 * relocated sprite is one row with its pointer beside it, after a save, close and reopen too. A
 * sprite row carries how the gallery draws it, and changePreview decodes it from the original and
 * from the document.
 */
import { formatLocation, hex } from '../core/format';
import type { BlockMove } from '../core/edit/edit-model';
import { decode } from '../core/hal';
import { describeChanges, movedPointers, type KnownBlock } from '../core/patch';
import { makeThumbnail } from '../core/thumbs/thumbnail';
import {
  CHANGE_PREVIEW_BYTES,
  CHANGE_PREVIEW_TILES,
  MAX_CHANGE_ROWS,
  RAMP_ID,
  type ChangePreview,
  type ChangesData,
  type ChangeSpriteRef,
  type GalleryEntry,
  type PaletteOption,
  type ThumbItem,
} from '../webviews/protocol';
import type { OriginalInfo, OriginalLookup } from './clean-original';
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
function blocksOf(
  entries: GalleryEntry[],
  original: Uint8Array,
  current: Uint8Array,
  origin: Map<number, number>,
): { block: KnownBlock; entry: GalleryEntry }[] {
  const destination = new Map([...origin].map(([to, from]) => [from, to]));
  const blocks = new Map<number, { block: KnownBlock; entry: GalleryEntry }>();
  for (const e of entries) {
    const name = e.name ?? `${e.kind === 'hal' ? 'compressed block' : 'tiles'} at ${formatLocation(e.snes, e.fileOffset)}`;
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
    const known = blocks.get(after.romOffset)?.block;
    if (known && (known.before!.romOffset !== known.after!.romOffset || !moved)) continue;
    blocks.set(after.romOffset, { block: { name, kind: 'sprite', before, after }, entry: e });
  }
  return [...blocks.values()];
}

const blockKey = (b: Pick<KnownBlock, 'before' | 'after'>) => `${b.before?.romOffset ?? '-'}:${b.after?.romOffset ?? '-'}`;

/** How the gallery draws a changed sprite's block, for the before/after view (none for other rows). */
function spriteRef(block: Pick<KnownBlock, 'before' | 'after'> | undefined, entry: GalleryEntry | undefined): { sprite?: ChangeSpriteRef } {
  if (!block || !entry) return {};
  return {
    sprite: {
      kind: entry.kind,
      bpp: entry.bpp,
      widthTiles: entry.widthTiles,
      rawTiles: entry.kind === 'raw' ? entry.tiles : 0,
      paletteId: entry.paletteId,
      before: block.before?.romOffset ?? null,
      after: block.after?.romOffset ?? null,
    },
  };
}

/**
 * The original each document's Changes tab was last listed against: a row's "before" image comes
 * from the same bytes as the rows on screen, and a click does not read and hash the whole original
 * file again (a 4 MiB ROM: a read and a SHA-256 per click). Listing the tab again replaces it.
 */
const listedOriginal = new WeakMap<RomDocument, OriginalInfo>();

/**
 * A changed sprite before and after: decoded from the clean original (inline: one bounded decode)
 * and from the document (through the session's thumbnail cache and workers, as the gallery does),
 * with the palette the gallery gives it (its catalog palette, else Auto's ramp).
 */
export async function changePreview(
  doc: RomDocument,
  ref: ChangeSpriteRef,
  palettes: PaletteOption[],
  originalOf: () => Promise<OriginalLookup>,
): Promise<ChangePreview> {
  const request = (romOffset: number) => ({
    romOffset,
    kind: ref.kind,
    bpp: ref.bpp,
    widthTiles: ref.widthTiles,
    maxTiles: CHANGE_PREVIEW_TILES,
    rawTiles: ref.kind === 'raw' ? Math.max(1, ref.rawTiles) : undefined,
  });
  let before: ThumbItem | null = null;
  if (ref.before !== null) {
    const original = listedOriginal.get(doc) ?? (await originalOf());
    if ('unavailable' in original) throw new Error(original.unavailable);
    const at = ref.before;
    if (at >= original.bytes.length) before = { romOffset: at, error: `${hex(at)} is past the end of the original (${original.bytes.length} bytes)` };
    else {
      try {
        before = makeThumbnail(original.bytes, request(at));
      } catch (err) {
        before = { romOffset: at, error: (err as Error).message };
      }
    }
  }
  let after: ThumbItem | null = null;
  if (ref.after !== null) {
    if (ref.after >= doc.session.rom.data.length) after = { romOffset: ref.after, error: `${hex(ref.after)} is past the end of the ROM` };
    else [after = null] = await doc.session.thumbnails([request(ref.after)], { priority: 20 });
  }
  const palette = palettes.find((p) => p.id === (ref.paletteId ?? RAMP_ID)) ?? palettes.find((p) => p.id === RAMP_ID) ?? null;
  return { before, after, palette };
}

/** What the Changes tab needs besides the document: its blocks, its original and every move since it. */
export interface ChangesContext {
  entries: GalleryEntry[];
  original: OriginalLookup;
  /** Block moves from the original to the document's bytes, in order. */
  moves: readonly BlockMove[];
  /** Whether the document has edits: its own since it was opened, or saved in its file before. */
  edits: string | null;
}

export async function changesView(doc: RomDocument, ctx: ChangesContext): Promise<ChangesData> {
  const recorded = ctx.original;
  const entries = ctx.entries;
  if ('unavailable' in recorded) {
    listedOriginal.delete(doc);
    return { unavailable: recorded.unavailable, original: null, originalCrc32: null, edits: ctx.edits, rows: [], more: 0 };
  }
  listedOriginal.set(doc, recorded);
  const original = recorded.bytes;
  const rom = doc.session.rom;
  const current = rom.data;
  const moves = origins(ctx.moves);
  const pointers = new Set(
    movedPointers(
      original,
      current,
      [...moves].map(([to, from]) => ({ from, to })),
      rom.mapping,
    ),
  );
  for (const e of entries) {
    if (!e.pointer) continue;
    try {
      pointers.add(rom.resolveAddress(e.pointer).romOffset);
    } catch {
      // A pointer the scan named but this mapping cannot place: nothing to label.
    }
  }
  const known = blocksOf(entries, original, current, moves);
  const entryOf = new Map(known.map((k) => [blockKey(k.block), k.entry]));
  const rows = describeChanges({
    original,
    current,
    mapping: rom.mapping,
    headerOffset: rom.headerOffset,
    copierHeader: rom.copierHeaderSize,
    blocks: known.map((k) => k.block),
    pointers: [...pointers],
  });
  return {
    unavailable: null,
    original: recorded.path,
    originalCrc32: recorded.crc32,
    edits: ctx.edits,
    more: Math.max(0, rows.length - MAX_CHANGE_ROWS),
    rows: rows.slice(0, MAX_CHANGE_ROWS).map((r) => ({
      ...r,
      ...spriteRef(r.block, r.block && entryOf.get(blockKey(r.block))),
      ranges: r.ranges.map((x) => {
        const n = Math.min(x.length, CHANGE_PREVIEW_BYTES);
        return { ...x, before: Array.from(original.subarray(x.romOffset, x.romOffset + n)), after: Array.from(current.subarray(x.romOffset, x.romOffset + n)) };
      }),
    })),
  };
}
