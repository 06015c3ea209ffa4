/**
 * The typed messages between the memory dump viewer's webview and the extension host, shared by
 * both sides (the ROM editor has its own, src/webviews/protocol.ts). Requests carry an id and get
 * exactly one response with the same id; events flow from the host to the webview. Everything the
 * webview sends is untrusted: the host runs it through `parseDumpRequest`, which accepts only
 * well-formed requests of known methods.
 */

import { OBJ_SIZE_MODES, type OamEntry } from '../core/dumps/oam';
import { OBJ_BASE_CANDIDATES } from '../core/dumps/vram-sheet';
import { check, exactKeys, isBpp, parseRequest, type RpcRequest, type RpcResponse, type Validator } from './validate';

export type DumpBpp = 2 | 4 | 8;
export type SiblingKind = 'cgram' | 'oam';

/** One OAM entry as the table shows it: the core's parse, as is. */
export type OamRow = OamEntry;

/** A companion dump: where it is (null when none was found or picked), and what went wrong reading it. */
export interface SiblingView {
  name: string | null;
  path: string | null;
  /** Found beside the VRAM dump by name, or picked by the user. */
  how: 'name' | 'picked' | null;
  /** Why it could not be used (wrong size, unreadable), null when fine or absent. */
  problem: string | null;
}

/**
 * The OBSEL register ($2101) as the viewer uses it: it is not in a VRAM, CGRAM or OAM dump, so the
 * user sets it (the defaults fit most games; the base is found from the dump unless chosen).
 */
export interface ObselSettings {
  /** Size mode 0-7: the small and large sprite sizes (0: 8x8 and 16x16). */
  sizeMode: number;
  /** Name select 0-3: tiles 256-511 start (n + 1) x 0x2000 bytes after the base. */
  nameSelect: number;
  /** Byte address of OBJ tile 0 (0x0000, 0x4000, 0x8000 or 0xC000), or null: found from the dump. */
  base: number | null;
}

export const DEFAULT_OBSEL: ObselSettings = { sizeMode: 0, nameSelect: 0, base: null };

/** What the webview shows of a dump set (plain JSON, no typed arrays). */
export interface DumpView {
  fileName: string;
  vramSize: number;
  /** A full 64 KiB VRAM dump: sprites can be drawn from it. */
  vramComplete: boolean;
  cgram: SiblingView;
  oam: SiblingView;
  /** CGRAM's 16 palettes of 16 colours as 0xRRGGBB, null without CGRAM. */
  palettes: number[][] | null;
  /** All 128 OAM entries, null without OAM. */
  entries: OamRow[] | null;
  /** The OBSEL settings in use (as chosen; `objBase` is the base they resolve to). */
  obsel: ObselSettings;
  /** Byte address of OBJ tile 0 in VRAM. */
  objBase: number;
  /** The base was found from the dump (false: the default, or chosen by the user). */
  objBaseDetected: boolean;
  screen: { width: number; height: number };
  /** Bumped on every change (a sibling picked, a file changed on disk). */
  revision: number;
}

/** Indexed pixels, one palette index a byte. */
export interface IndexedPixels {
  width: number;
  height: number;
  pixels: Uint8Array;
}

export interface TilesResult extends IndexedPixels {
  tiles: number;
  bpp: DumpBpp;
  widthTiles: number;
}

/** The sprite composite: pixels are CGRAM indices (palette x 16 + colour), 0 transparent. */
export interface CompositeResult extends IndexedPixels {
  /** OAM indices drawn, in OAM order. */
  drawn: number[];
}

/** What "Find in ROM..." looks for: one OAM entry's tiles, or a run of VRAM tiles at a depth. */
export type FindSelection = { sprite: number } | { tiles: { first: number; count: number; bpp: DumpBpp } };

/** Most VRAM tiles one search takes (a 64 KiB VRAM holds 2048 4bpp tiles). */
export const MAX_FIND_TILES = 1024;

/** Requests the webview may send, by method: params and result types. */
export interface DumpRequestMap {
  /** The webview has loaded; the host answers with the current view. */
  ready: { params: Record<string, never>; result: DumpView };
  /** The whole VRAM dump as tiles at a depth and width. */
  tiles: { params: { bpp: DumpBpp; widthTiles: number }; result: TilesResult };
  /** The on-screen sprites (null without OAM or with a partial VRAM dump). */
  composite: { params: Record<string, never>; result: CompositeResult | null };
  /** Ask the user for a CGRAM or OAM dump (an open dialog). Null: cancelled. */
  pickSibling: { params: { kind: SiblingKind }; result: DumpView | null };
  /** Use these OBSEL settings (sprite sizes, name select, base) from now on. */
  setObsel: { params: ObselSettings; result: DumpView };
  /** Search the open ROM for these tiles (the host asks which ROM, shows the matches, opens the chosen one). */
  findInRom: { params: FindSelection; result: { started: boolean } };
  /** What is selected now (the "Find in ROM..." command searches for it). */
  select: { params: { selection: FindSelection | null }; result: { ok: true } };
}

export type DumpMethod = keyof DumpRequestMap;

export type DumpRequest<M extends DumpMethod = DumpMethod> = RpcRequest<DumpRequestMap, M>;

export type DumpResponse<M extends DumpMethod = DumpMethod> = RpcResponse<DumpRequestMap, M>;

/** Events the host pushes without being asked. */
export type DumpEvent = { kind: 'event'; event: 'viewChanged'; data: DumpView };

export type DumpHostMessage = DumpResponse | DumpEvent;

// ---- validation of untrusted input -------------------------------------------------------

export const WIDTH_CHOICES = [8, 16, 32, 64] as const;

const isWidth = (v: unknown) => typeof v === 'number' && (WIDTH_CHOICES as readonly number[]).includes(v);

const isInt = (v: unknown, min: number, max: number) => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;

function findSelectionProblem(v: unknown): string | null {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return 'a selection is an object';
  const sel = v as Record<string, unknown>;
  if ('sprite' in sel) return check(sel, ['sprite'], { sprite: (n) => isInt(n, 0, 127) });
  if ('tiles' in sel) {
    const shape = exactKeys(sel, ['tiles']);
    if (shape) return shape;
    const t = sel.tiles;
    if (typeof t !== 'object' || t === null || Array.isArray(t)) return 'tiles is an object';
    return check(t as Record<string, unknown>, ['first', 'count', 'bpp'], {
      first: (n) => isInt(n, 0, 0xffff),
      count: (n) => isInt(n, 1, MAX_FIND_TILES),
      bpp: isBpp,
    });
  }
  return 'a selection names a sprite or tiles';
}

const VALIDATORS: Record<DumpMethod, Validator> = {
  ready: (p) => exactKeys(p, []),
  tiles: (p) => check(p, ['bpp', 'widthTiles'], { bpp: isBpp, widthTiles: isWidth }),
  composite: (p) => exactKeys(p, []),
  pickSibling: (p) => check(p, ['kind'], { kind: (v) => v === 'cgram' || v === 'oam' }),
  setObsel: (p) =>
    check(p, ['sizeMode', 'nameSelect', 'base'], {
      sizeMode: (v) => Number.isInteger(v) && (v as number) >= 0 && (v as number) < OBJ_SIZE_MODES.length,
      nameSelect: (v) => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 3,
      base: (v) => v === null || OBJ_BASE_CANDIDATES.includes(v as number),
    }),
  findInRom: (p) => findSelectionProblem(p),
  select: (p) => {
    const shape = exactKeys(p, ['selection']);
    return shape ?? (p.selection === null ? null : findSelectionProblem(p.selection));
  },
};

export type DumpParseResult = { ok: true; request: DumpRequest } | { ok: false; reason: string };

/** Validates an untrusted message from the dump viewer's webview. */
export function parseDumpRequest(raw: unknown): DumpParseResult {
  return parseRequest<DumpMethod>(raw, VALIDATORS) as DumpParseResult;
}
