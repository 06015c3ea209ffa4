/**
 * One gallery entry a block, and how the entries are made: scan hits, blocks the user
 * decompressed by hand, and catalog entries merged by offset (a catalog entry names a hit and
 * keeps its measured sizes). Plain data, shared by the editor's host and webview.
 */
import { bytesPerTile } from '../gfx/tiles';
import { fileOffsetOf, formatSnes } from '../format';
import type { CatalogEntry } from '../catalog';
import type { ScanHit } from '../scan';
import { romPaletteId } from './palette-id';

export type BlockKind = 'hal' | 'raw';
export type Bpp = 2 | 4 | 8;

/** One sprite block in the gallery: a catalog entry, a scan hit, or both. */
export interface GalleryEntry {
  /** Headerless ROM offset: the entry's identity. */
  romOffset: number;
  /** On-disk offset (what a hex editor shows). */
  fileOffset: number;
  /** `$BB:AAAA`, null when the mapping is unknown. */
  snes: string | null;
  name: string | null;
  source: 'catalog' | 'scan' | 'manual';
  kind: BlockKind;
  bpp: Bpp;
  tiles: number;
  /** Compressed bytes (raw: the block's length). */
  consumed: number;
  /** Decompressed bytes. */
  size: number;
  /** Scanner confidence 0-1, null for catalog entries that were not scanned. */
  score: number | null;
  /** `$BB:AAAA` of a pointer-table slot that holds the block's address (found by the scan), or null. */
  pointer: string | null;
  /** How sure the scan is that the block is real ('pointer' > 'strong' > 'weak'), null when not scanned. */
  confidence: 'pointer' | 'strong' | 'weak' | null;
  /** The evidence behind `confidence` (short phrases), empty when not scanned. */
  reasons: string[];
  widthTiles: number;
  /** A palette the catalog pairs with this sprite (a palette id, palette-id.ts). */
  paletteId: string | null;
  notes: string | null;
  /**
   * What the block's thumbnail is made of (stamp.ts): equal stamps, equal thumbnails. Null when
   * not known yet (a catalog block never decoded). Absent where nobody needs it.
   */
  stamp?: string | null;
}

/**
 * A sprite the catalog knows (bundled, sprite_locations.json or the workspace catalog): its entry,
 * with the palette the gallery can show (one read from the ROM) as an offset.
 */
export interface KnownSprite extends Omit<CatalogEntry, 'palette'> {
  paletteRomOffset?: number;
}

/** What the entries need of the ROM: where an offset is, as the editor shows it. */
export interface RomPlace {
  readonly copierHeaderSize: number;
  snesOf(romOffset: number): number | null;
}

/** The three ways the editor says where a block is. */
export function placeOf(rom: RomPlace, romOffset: number): Pick<GalleryEntry, 'romOffset' | 'fileOffset' | 'snes'> {
  return { romOffset, fileOffset: fileOffsetOf(romOffset, rom.copierHeaderSize), snes: snesText(rom, romOffset) };
}

function snesText(rom: RomPlace, romOffset: number | undefined): string | null {
  return romOffset === undefined ? null : formatSnes(rom.snesOf(romOffset));
}

/** A scan hit as an unnamed entry. */
export function scanEntry(rom: RomPlace, h: ScanHit): GalleryEntry {
  return {
    ...placeOf(rom, h.romOffset),
    name: null,
    source: 'scan',
    kind: h.kind,
    bpp: h.bpp,
    tiles: h.tiles,
    consumed: h.consumed,
    size: h.size,
    score: h.score,
    pointer: snesText(rom, h.pointer),
    confidence: h.confidence,
    reasons: h.reasons,
    widthTiles: 16,
    paletteId: null,
    notes: null,
  };
}

/** A block the user decompressed by hand (the tile browser's "Decompress from here"), 4bpp. */
export function manualEntry(rom: RomPlace, romOffset: number, block: { consumed: number; size: number }): GalleryEntry {
  return {
    ...placeOf(rom, romOffset),
    name: null,
    source: 'manual',
    kind: 'hal',
    bpp: 4,
    tiles: Math.floor(block.size / bytesPerTile(4)),
    consumed: block.consumed,
    size: block.size,
    score: null,
    pointer: null,
    confidence: null,
    reasons: [],
    widthTiles: 16,
    paletteId: null,
    notes: null,
  };
}

/**
 * A catalog entry over what the scan measured at its offset (`hit`: the scan's or a manual
 * entry there): the catalog's name, kind, depth and palette; the scan's sizes when the depths
 * agree, else sizes from the catalog's tile count.
 */
function catalogEntry(rom: RomPlace, k: KnownSprite, hit: GalleryEntry | undefined, scanned: ScanHit | undefined): GalleryEntry {
  const per = bytesPerTile(k.bpp);
  return {
    ...placeOf(rom, k.romOffset),
    name: k.name,
    source: 'catalog',
    kind: k.kind,
    bpp: k.bpp,
    tiles: hit && hit.bpp === k.bpp ? hit.tiles : (k.tiles ?? (hit ? Math.floor(hit.size / per) : 0)),
    consumed: hit?.consumed ?? 0,
    size: hit?.size ?? (k.tiles ?? 0) * per,
    score: hit?.score ?? null,
    pointer: snesText(rom, scanned?.pointer),
    confidence: scanned?.confidence ?? null,
    reasons: scanned?.reasons ?? [],
    widthTiles: k.widthTiles ?? 16,
    paletteId: k.paletteRomOffset === undefined ? null : romPaletteId(k.paletteRomOffset),
    notes: k.notes ?? null,
  };
}

/**
 * The gallery's entries in ROM order, one an offset: scan hits, then manual blocks where the
 * scan found none, then catalog entries over either.
 */
export function mergeEntries(rom: RomPlace, hits: readonly ScanHit[], known: readonly KnownSprite[], manual: readonly GalleryEntry[]): GalleryEntry[] {
  const byOffset = new Map<number, GalleryEntry>();
  const scanned = new Map(hits.map((h) => [h.romOffset, h]));
  for (const h of hits) byOffset.set(h.romOffset, scanEntry(rom, h));
  for (const m of manual) if (!byOffset.has(m.romOffset)) byOffset.set(m.romOffset, m);
  for (const k of known) byOffset.set(k.romOffset, catalogEntry(rom, k, byOffset.get(k.romOffset), scanned.get(k.romOffset)));
  return [...byOffset.values()].sort((a, b) => a.romOffset - b.romOffset);
}
