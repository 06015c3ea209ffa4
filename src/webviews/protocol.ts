/**
 * The one typed module of messages between the ROM editor's webview and the extension host,
 * shared by both sides. Requests carry an id and get exactly one response with the same id;
 * events flow from the host to the webview. Everything the webview sends is untrusted: the host
 * runs it through `parseWebviewRequest`, which accepts only well-formed requests of known methods.
 */

import type { BlockMove } from '../core/edit/edit-model';
import type { ChangeRange, ChangeRow } from '../core/patch/changes';
import type { RomInfo } from '../core/rom/rom';
import type { ThumbResult } from '../core/thumbs/thumbnail';
import type { Bpp, BlockKind, GalleryEntry, PaletteOption } from '../core/gallery';
import { formatPaletteId, isPaletteId, isRomPaletteId } from '../core/gallery/palette-id';
import { check, exactKeys, formatValue, isBpp, parseRequest, type RpcRequest, type RpcResponse, type Validator } from './validate';

/** What the webview shows of a ROM (plain JSON, no typed arrays): the core's RomInfo and the document's state. */
export interface RomView extends RomInfo {
  fileName: string;
  /** On-disk offset of the header (copier header included), null when there is none. */
  headerFileOffset: number | null;
  dirty: boolean;
  readOnly: boolean;
}

export type { Bpp, BlockKind, GalleryEntry } from '../core/gallery';
/** How tiles are laid out: 8x8 tiles in rows, or 16x16 sprites (tiles n, n+1, n+16, n+17). */
export type TileOrder = 'linear' | 'sprite16';

/** The id of the readable ramp Auto uses for blocks without a catalog palette. */
export const RAMP_ID = formatPaletteId({ kind: 'ramp' });
/** The id of exact grayscale (index x 17), what a block is drawn in without any palette. */
export const GRAYSCALE_ID = formatPaletteId({ kind: 'grayscale' });

export type { PaletteOption } from '../core/gallery';

export interface ScanStatus {
  state: 'idle' | 'running' | 'done' | 'cancelled' | 'failed';
  done: number;
  total: number;
  found: number;
  /** Served from the cache (no scanning happened). */
  cached: boolean;
  message?: string;
}

/** Indexed pixels (one palette index a byte): the core's thumbnail, as the worker made it. */
export type PixelImage = ThumbResult;

/** A thumbnail, or why there is none; `stamp` (gallery thumbnails): what it was made of (core/gallery/stamp.ts), null when unsure. */
export type ThumbItem = (PixelImage | { romOffset: number; error: string }) & { stamp?: string | null };

/** Most tiles of a block a gallery thumbnail shows (the webview asks for and the host pushes this size). */
export const THUMB_MAX_TILES = 256;
/** Thumbnails the host pushes right after the boot event: the first cells of a fresh gallery. */
export const BOOT_THUMBS = 24;

/** What the gallery request answers: entries (catalog + scan so far), palettes, the scan's state. */
export interface GalleryData {
  entries: GalleryEntry[];
  palettes: PaletteOption[];
  scan: ScanStatus;
  /** Whether weak scan hits are shown: the confidence filter, remembered per workspace. */
  showWeak: boolean;
  /** The Tiles tab's view of this ROM as last left (remembered per workspace and ROM), or null. */
  tileView: TileView | null;
}

/** The Tiles tab's place and settings (headerless ROM offsets; zoom 0: fit to the width). */
export interface TileView {
  offset: number;
  cursor: number;
  bpp: Bpp;
  widthTiles: number;
  order: TileOrder;
  zoom: number;
  paletteId: string | null;
}

/** A changed range with its first bytes before and after (the Changes tab's hex diff). */
export interface ChangeRangeView extends ChangeRange {
  before: number[];
  after: number[];
}

export interface ChangeRowView extends Omit<ChangeRow, 'ranges'> {
  ranges: ChangeRangeView[];
  /** A sprite row's block as the gallery draws it: what `changePreview` decodes before and after. */
  sprite?: ChangeSpriteRef;
}

/** A changed sprite: how to draw it, and where it was in the original and is now (null: none there). */
export interface ChangeSpriteRef {
  kind: BlockKind;
  bpp: Bpp;
  widthTiles: number;
  /** Tiles of a raw block (0 for HAL blocks: the stream says). */
  rawTiles: number;
  /** The sprite's palette (an id from the gallery's palettes), null for Auto's ramp. */
  paletteId: string | null;
  before: number | null;
  after: number | null;
}

/** A changed sprite decoded from the original and from the document, and the palette to draw both with. */
export interface ChangePreview {
  before: ThumbItem | null;
  after: ThumbItem | null;
  palette: PaletteOption | null;
}

/** Most tiles a before/after image of the Changes tab shows. */
export const CHANGE_PREVIEW_TILES = 1024;

/** The Changes tab: what differs from the recorded clean original, or why it cannot be shown. */
export interface ChangesData {
  /** Why there is nothing to compare with (no original recorded, gone, changed), or null. */
  unavailable: string | null;
  /** The original's recorded path. */
  original: string | null;
  /** The original's CRC32 (8 hex digits: what a BPS patch made against it names as its source). */
  originalCrc32: string | null;
  /** What edits the document has ("2 edits since it was opened", "edits saved in the file before"), or null: none. */
  edits: string | null;
  rows: ChangeRowView[];
  /** Rows left out past the first MAX_CHANGE_ROWS. */
  more: number;
}

export const MAX_CHANGE_ROWS = 500;
/** Bytes of each range the hex diff shows. */
export const CHANGE_PREVIEW_BYTES = 64;

export type PaletteSource = { source: 'rom'; address: string } | { source: 'cgram'; index: number } | { source: 'palJson' } | { source: 'grayscale' };

/** Requests the webview may send, by method: params and result types. */
export interface RequestMap {
  /** The webview has loaded; the host answers with the current view. */
  ready: { params: Record<string, never>; result: RomView };
  /** Apply the checksum fix as an undoable edit. */
  fixChecksum: { params: Record<string, never>; result: { applied: boolean; checksum: number | null } };
  /** Gallery entries (catalog + scan so far), palettes and the scan's state. */
  gallery: { params: Record<string, never>; result: GalleryData };
  /** Thumbnails for visible entries: at most `maxTiles` tiles of each block. */
  thumbnails: { params: { offsets: number[]; maxTiles: number }; result: ThumbItem[] };
  /** A whole block at a chosen depth and width (the detail view). */
  block: { params: { romOffset: number; kind: BlockKind; bpp: Bpp; widthTiles: number; rawTiles: number }; result: ThumbItem };
  /** Raw tiles from any offset (the tile browser). */
  tiles: { params: { romOffset: number; bpp: Bpp; widthTiles: number; rows: number }; result: PixelImage };
  /** Try HAL decompression at an offset; on success the block joins the gallery. */
  decompressAt: { params: { romOffset: number }; result: GalleryEntry };
  /** Load a palette (the host asks for files where one is needed). Null: the user cancelled. */
  loadPalette: { params: PaletteSource; result: PaletteOption | null };
  /** Export PNG + .pal.json + .metadata.json (the host asks where). */
  exportPng: { params: { romOffset: number; bpp: Bpp; widthTiles: number; paletteId: string; order?: TileOrder }; result: { files: string[] } | null };
  /** What an address the user typed means in this ROM (`$BB:AAAA`, `BB:AAAA`, `0x…`, decimal): the core's parser. */
  resolveAddress: { params: { address: string }; result: { romOffset: number; fileOffset: number; snes: string | null; description: string } };
  /** Name the block in the workspace catalog (adds it when it is a scan hit). */
  rename: { params: { romOffset: number; name: string }; result: GalleryEntry };
  /** Run the injection flow for this block (the host asks the questions): applied, or why not (null: cancelled). */
  inject: { params: { romOffset: number }; result: { applied: boolean; refused: string | null } };
  /** Start or cancel the background scan. */
  scan: { params: { action: 'start' | 'cancel' }; result: ScanStatus };
  /** The Tiles tab's view changed: remembered for this ROM in this workspace (reopened or reloaded, it comes back). */
  setTileView: { params: TileView; result: { ok: true } };
  /** The confidence filter changed: remembered for this workspace (every ROM opened in it). */
  setShowWeak: { params: { showWeak: boolean }; result: { showWeak: boolean } };
  /** What differs from the clean original (the Changes tab). */
  changes: { params: Record<string, never>; result: ChangesData };
  /** A changed sprite decoded from the clean original (before) and the document (after). */
  changePreview: { params: ChangeSpriteRef; result: ChangePreview };
  /** Run "Set Clean Original..." for this ROM (the host asks which file); the path chosen, or null. */
  setOriginal: { params: Record<string, never>; result: { path: string | null } };
  /** Run "Create Patch..." for this ROM (the host asks the questions). */
  createPatch: { params: { format: 'bps' | 'ips' }; result: { output: string | null; refused: string | null } };
  /** The webview painted its first thumbnails (for the monitoring metrics). */
  painted: { params: { count: number; ms: number }; result: { ok: true } };
  /** One pen stroke of the sprite editor, applied as one undoable edit (see StrokeParams). */
  applyStroke: { params: StrokeParams; result: StrokeResult };
  /** One colour of a ROM palette (`rom:<offset>` ids), written as an undoable edit. */
  editPaletteColor: { params: { paletteId: string; index: number; color: number }; result: { applied: boolean; palette: PaletteOption } };
}

/** Most pixels one stroke may change (a whole 64 KiB block of 2bpp tiles is 262144). */
export const MAX_STROKE_PIXELS = 262144;

/**
 * A stroke on the block shown in the detail view: its format as shown (as in `block`), the
 * image width in tiles, and the changed pixels as (image pixel index, before, after) triples.
 */
export interface StrokeParams {
  romOffset: number;
  kind: BlockKind;
  bpp: Bpp;
  rawTiles: number;
  widthTiles: number;
  changes: number[];
  /** What the stroke did, for the undo label ("Pencil", "Fill", ...). */
  tool: string;
}

/** Applied (where the block is now), or refused with the message Inject would give. */
export type StrokeResult = { applied: true; romOffset: number; inPlace: boolean; label: string } | { applied: false; refused: string };

export type Method = keyof RequestMap;

export type WebviewRequest<M extends Method = Method> = RpcRequest<RequestMap, M>;

export type HostResponse<M extends Method = Method> = RpcResponse<RequestMap, M>;

/**
 * Events the host pushes without being asked. `boot` and `thumbs` are pushed as soon as a panel's
 * HTML is set (and again when a hidden panel is shown: its webview is made anew): VS Code holds
 * them until the page has loaded, so a fresh webview starts with its data instead of asking for
 * it and waiting two round trips. The webview still asks when no boot arrives.
 */
export type HostEvent =
  | { kind: 'event'; event: 'boot'; data: { view: RomView; gallery: GalleryData; thumbOffsets: number[] } }
  | { kind: 'event'; event: 'thumbs'; data: ThumbItem[] }
  | { kind: 'event'; event: 'romChanged'; data: RomView }
  | { kind: 'event'; event: 'scanStatus'; data: ScanStatus }
  /** `moves`: blocks the change before these entries moved (a relocating injection, its undo or redo), in order. */
  | { kind: 'event'; event: 'entries'; data: { entries: GalleryEntry[]; palettes: PaletteOption[]; moves?: BlockMove[] } }
  | { kind: 'event'; event: 'showTab'; data: { tab: 'sprites' | 'tiles' | 'header' | 'changes'; romOffset?: number } };

export type HostMessage = HostResponse | HostEvent;

// ---- validation of untrusted input -------------------------------------------------------

const MAX_OFFSET = 64 * 1024 * 1024;

const int = (v: unknown, min: number, max: number) => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
const isKind = (v: unknown) => v === 'hal' || v === 'raw';

const offset = (v: unknown) => int(v, 0, MAX_OFFSET);

const VALIDATORS: Record<Method, Validator> = {
  ready: (p) => exactKeys(p, []),
  fixChecksum: (p) => exactKeys(p, []),
  gallery: (p) => exactKeys(p, []),
  thumbnails: (p) =>
    check(p, ['offsets', 'maxTiles'], {
      offsets: (v) => Array.isArray(v) && v.length <= 256 && v.every(offset),
      maxTiles: (v) => int(v, 1, 4096),
    }),
  block: (p) =>
    check(p, ['romOffset', 'kind', 'bpp', 'widthTiles', 'rawTiles'], {
      romOffset: offset,
      kind: isKind,
      bpp: isBpp,
      widthTiles: (v) => int(v, 1, 256),
      rawTiles: (v) => int(v, 0, 65536),
    }),
  tiles: (p) =>
    check(p, ['romOffset', 'bpp', 'widthTiles', 'rows'], { romOffset: offset, bpp: isBpp, widthTiles: (v) => int(v, 1, 64), rows: (v) => int(v, 1, 256) }),
  decompressAt: (p) => check(p, ['romOffset'], { romOffset: offset }),
  loadPalette: (p) => {
    if (p.source === 'rom') return check(p, ['source', 'address'], { address: (v) => typeof v === 'string' && v.length <= 32 });
    if (p.source === 'cgram') return check(p, ['source', 'index'], { index: (v) => int(v, 0, 15) });
    if (p.source === 'palJson' || p.source === 'grayscale') return exactKeys(p, ['source']);
    return `unknown palette source ${formatValue(p.source, 40)}`;
  },
  exportPng: (p) =>
    check(p, ['romOffset', 'bpp', 'widthTiles', 'paletteId', ...('order' in p ? ['order'] : [])], {
      romOffset: offset,
      bpp: isBpp,
      widthTiles: (v) => int(v, 1, 256),
      paletteId: isPaletteId,
      order: (v) => v === undefined || v === 'linear' || v === 'sprite16',
    }),
  resolveAddress: (p) => check(p, ['address'], { address: (v) => typeof v === 'string' && v.length <= 40 }),
  rename: (p) => check(p, ['romOffset', 'name'], { romOffset: offset, name: (v) => typeof v === 'string' && v.trim().length > 0 && v.length <= 100 }),
  inject: (p) => check(p, ['romOffset'], { romOffset: offset }),
  scan: (p) => check(p, ['action'], { action: (v) => v === 'start' || v === 'cancel' }),
  setShowWeak: (p) => check(p, ['showWeak'], { showWeak: (v) => typeof v === 'boolean' }),
  setTileView: (p) =>
    check(p, ['offset', 'cursor', 'bpp', 'widthTiles', 'order', 'zoom', 'paletteId'], {
      offset,
      cursor: offset,
      bpp: isBpp,
      widthTiles: (v) => int(v, 1, 64),
      order: (v) => v === 'linear' || v === 'sprite16',
      zoom: (v) => int(v, 0, 8),
      paletteId: (v) => v === null || isPaletteId(v),
    }),
  changes: (p) => exactKeys(p, []),
  changePreview: (p) =>
    check(p, ['kind', 'bpp', 'widthTiles', 'rawTiles', 'paletteId', 'before', 'after'], {
      kind: isKind,
      bpp: isBpp,
      widthTiles: (v) => int(v, 1, 256),
      rawTiles: (v) => int(v, 0, 65536),
      paletteId: (v) => v === null || (typeof v === 'string' && v.length <= 200),
      before: (v) => v === null || offset(v),
      after: (v) => v === null || offset(v),
    }),
  createPatch: (p) => check(p, ['format'], { format: (v) => v === 'bps' || v === 'ips' }),
  setOriginal: (p) => exactKeys(p, []),
  painted: (p) =>
    check(p, ['count', 'ms'], { count: (v) => int(v, 0, 10000), ms: (v) => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v < 3_600_000 }),
  applyStroke: (p) =>
    check(p, ['romOffset', 'kind', 'bpp', 'rawTiles', 'widthTiles', 'changes', 'tool'], {
      romOffset: offset,
      kind: isKind,
      bpp: isBpp,
      rawTiles: (v) => int(v, 0, 65536),
      widthTiles: (v) => int(v, 1, 256),
      changes: (v) =>
        Array.isArray(v) &&
        v.length % 3 === 0 &&
        v.length <= 3 * MAX_STROKE_PIXELS &&
        v.every((n, i) => (i % 3 === 0 ? int(n, 0, MAX_OFFSET) : int(n, 0, 255))),
      tool: (v) => typeof v === 'string' && /^[A-Za-z][A-Za-z ]{0,30}$/.test(v),
    }),
  editPaletteColor: (p) =>
    check(p, ['paletteId', 'index', 'color'], {
      paletteId: isRomPaletteId,
      index: (v) => int(v, 0, 15),
      color: (v) => int(v, 0, 0x7fff),
    }),
};

export type ParseResult = { ok: true; request: WebviewRequest } | { ok: false; reason: string };

/** Validates an untrusted message from the webview. */
export function parseWebviewRequest(raw: unknown): ParseResult {
  return parseRequest<Method>(raw, VALIDATORS) as ParseResult;
}
