/**
 * The memory dump viewer's webview client: the VRAM as tiles (OBJ area marked), the sprites that
 * were on screen (each in its own CGRAM palette) and the OAM table. Talks to the host only through
 * src/webviews/dump-protocol.ts (request/response pairing from the ROM editor's Rpc) and keeps its
 * UI state with getState/setState. Pixels arrive indexed; colours are applied here.
 */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-badge/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import { OBJ_SIZE_MODES } from '../../core/dumps/oam';
import { OBJ_BASE_CANDIDATES, objTileAddress, spriteCellTile } from '../../core/dumps/vram-sheet';
import { renderIndexed } from '../../core/gfx/render';
import type { CompositeResult, DumpBpp, DumpEvent, DumpRequestMap, DumpView, FindSelection, ObselSettings, OamRow, SiblingKind, TilesResult } from '../dump-protocol';
import { MAX_FIND_TILES, WIDTH_CHOICES } from '../dump-protocol';
import { ce, choiceSelect, cssColor, el, hex } from '../client/dom';
import { drawZoomed, paletteRgba, toBitmap } from '../client/draw';
import { Rpc } from '../client/rpc';
import { OamTable } from './oam-table';

interface UiState {
  bpp: DumpBpp;
  widthTiles: number;
  /** 'gray' or 'cgram-N'; empty: CGRAM palette 8 when there is a CGRAM, else grayscale. */
  palette: string;
  zoom: number;
  selected: number | null;
  cursor: number;
  /** A run of VRAM tiles chosen with Shift (first, count), searched instead of the sprite; null: none. */
  range?: { first: number; count: number } | null;
}

// ---- protocol ----------------------------------------------------------------------------------

const rpc = new Rpc<DumpRequestMap, DumpEvent>();

const saved = (rpc.api.getState() as Partial<UiState> | undefined) ?? {};
let state: UiState = { bpp: 4, widthTiles: 16, palette: '', zoom: 2, selected: null, cursor: 0, ...saved };
function saveState(patch: Partial<UiState>): void {
  state = { ...state, ...patch };
  rpc.api.setState(state);
}

let view: DumpView | null = null;
let tiles: TilesResult | null = null;
let composite: CompositeResult | null = null;

const app = document.getElementById('app')!;
const errorBox = el('div', { class: 'error', role: 'alert', hidden: '' });
function showError(message: string): void {
  errorBox.textContent = message;
  errorBox.hidden = false;
}

// ---- header: the files ---------------------------------------------------------------------------

const title = el('h1', { id: 'dump-title' });
const files = el('div', { class: 'files', id: 'dump-files' });

function siblingLine(kind: SiblingKind, v: DumpView): HTMLElement {
  const label = kind === 'cgram' ? 'CGRAM' : 'OAM';
  const s = v[kind];
  const pick = ce('vscode-button', { id: `pick-${kind}`, secondary: '', 'aria-label': `Pick a ${label} dump` }, s.name ? 'Change…' : `Pick ${label} dump…`);
  pick.addEventListener('click', () => void pickSibling(kind));
  const line = el('div', { class: 'file-line', id: `file-${kind}` }, el('span', { class: 'file-kind' }, label));
  if (s.name && !s.problem) {
    line.append(el('span', { class: 'file-name', title: s.path ?? '' }, s.name), el('span', { class: 'dim' }, s.how === 'picked' ? '(picked)' : '(found by name)'));
  } else {
    const what =
      kind === 'cgram'
        ? 'so tiles and sprites are drawn in grayscale.'
        : 'so there are no on-screen sprites and no OAM table.';
    line.classList.add('missing');
    line.append(
      el('span', { class: 'warn', role: 'status' }, s.problem ? `${s.problem}, ${what}` : `No ${label} dump beside ${v.fileName} (none has ${kind === 'cgram' ? 'SnesCgRam or CGRAM' : 'SnesSpriteRam or OAM'} in its name), ${what}`),
    );
  }
  line.append(pick);
  return line;
}

function renderFiles(v: DumpView): void {
  title.textContent = v.fileName;
  document.title = v.fileName;
  const vramLine = el(
    'div',
    { class: 'file-line', id: 'file-vram' },
    el('span', { class: 'file-kind' }, 'VRAM'),
    el('span', { class: 'file-name' }, v.fileName),
    el('span', { class: 'dim' }, `${v.vramSize.toLocaleString('en-US')} bytes`),
  );
  if (!v.vramComplete) vramLine.append(el('span', { class: 'warn' }, `not a full 64 KiB VRAM dump: tiles only, no sprites`));
  files.replaceChildren(vramLine, siblingLine('cgram', v), siblingLine('oam', v));
}

async function pickSibling(kind: SiblingKind): Promise<void> {
  try {
    const v = await rpc.request('pickSibling', { kind });
    if (v) await applyView(v);
  } catch (e) {
    showError((e as Error).message);
  }
}

// ---- VRAM tiles ------------------------------------------------------------------------------------


const bppSelect = choiceSelect('vram-bpp', 'Bit depth', [['2', '2bpp'], ['4', '4bpp'], ['8', '8bpp']], String(state.bpp), (v) => {
  saveState({ bpp: Number(v) as DumpBpp, cursor: 0 });
  void loadTiles();
});
const widthSelect = choiceSelect('vram-width', 'Width in tiles', WIDTH_CHOICES.map((w) => [String(w), `${w} tiles`]), String(state.widthTiles), (v) => {
  saveState({ widthTiles: Number(v) });
  void loadTiles();
});
const zoomSelect = choiceSelect('vram-zoom', 'Zoom', [1, 2, 3, 4].map((z) => [String(z), `${z}×`]), String(state.zoom), (v) => {
  saveState({ zoom: Number(v) });
  drawTiles();
});
const paletteHost = el('span', { class: 'palette-host' });
let paletteSelect: HTMLElement | null = null;
const swatches = el('canvas', { id: 'palette-swatches', class: 'swatches', width: '128', height: '8', role: 'img', 'aria-label': 'Colours of the chosen palette' });
const objLegend = el('span', { class: 'obj-legend', id: 'obj-legend' });
const objButton = ce('vscode-button', { id: 'vram-show-obj', secondary: '', 'aria-label': 'Move the tile cursor to the first OBJ tile' }, 'Go to OBJ tiles');
objButton.addEventListener('click', () => {
  if (!view) return;
  moveCursor(Math.floor(view.objBase / tileBytes()), true);
  tilesCanvas.focus();
});
const tileStatus = el('div', { class: 'dim cursor-line', id: 'vram-cursor', 'aria-live': 'polite' });
const tilesCanvas = el('canvas', {
  id: 'vram-canvas',
  class: 'vram-canvas',
  tabindex: '0',
  role: 'img',
  'aria-label': 'VRAM tiles; arrow keys move the tile cursor, Page Up/Down by 16 rows',
});

function paletteChoice(): string {
  if (state.palette === 'gray' || (state.palette.startsWith('cgram-') && view?.palettes)) return state.palette;
  return view?.palettes ? 'cgram-8' : 'gray';
}

function renderPaletteSelect(v: DumpView): void {
  const options: [string, string][] = [['gray', 'Grayscale']];
  if (v.palettes) for (let i = 0; i < 16; i++) options.push([`cgram-${i}`, `Palette ${i}${i >= 8 ? ' (OBJ)' : ''}`]);
  paletteSelect = choiceSelect('vram-palette', 'Palette', options, paletteChoice(), (value) => {
    saveState({ palette: value });
    drawTiles();
  });
  paletteHost.replaceChildren(paletteSelect);
}

/** RGBA of the chosen palette for the current depth (8bpp with CGRAM: all 256 CGRAM colours). */
function tilePalette(): Uint8Array {
  const choice = paletteChoice();
  if (choice === 'gray' || !view?.palettes) return paletteRgba(undefined, state.bpp);
  const index = Number(choice.slice('cgram-'.length));
  const colors = state.bpp === 8 ? view.palettes.flat() : view.palettes[index]!;
  return paletteRgba({ id: choice, label: choice, colors }, state.bpp);
}

function drawSwatches(): void {
  const rgba = tilePalette();
  const n = Math.min(16, rgba.length / 4);
  const ctx = swatches.getContext('2d')!;
  ctx.clearRect(0, 0, swatches.width, swatches.height);
  const w = swatches.width / n;
  for (let i = 0; i < n; i++) {
    ctx.fillStyle = `rgb(${rgba[i * 4]}, ${rgba[i * 4 + 1]}, ${rgba[i * 4 + 2]})`;
    ctx.fillRect(Math.round(i * w), 0, Math.ceil(w), swatches.height);
  }
}

async function loadTiles(): Promise<void> {
  try {
    tiles = await rpc.request('tiles', { bpp: state.bpp, widthTiles: state.widthTiles });
    drawTiles();
    // First time on this dump: start at the OBJ tiles (what the viewer is about).
    if (saved.cursor === undefined && tilesCanvas.dataset.ready !== 'true' && view) moveCursor(Math.floor(view.objBase / tileBytes()), true);
    else moveCursor(state.cursor);
    tilesCanvas.dataset.ready = 'true';
  } catch (e) {
    showError((e as Error).message);
  }
}

const tileBytes = () => state.bpp * 8;

/** Strokes the cells of tiles [from, to) as up to three rectangles (first partial row, full rows, last partial row). */
function runRects(from: number, to: number, w: number, cell: number): [number, number, number, number][] {
  const out: [number, number, number, number][] = [];
  if (to <= from) return out;
  const r0 = Math.floor(from / w);
  const r1 = Math.floor((to - 1) / w);
  const c0 = from % w;
  const c1 = ((to - 1) % w) + 1;
  if (r0 === r1) return [[c0 * cell, r0 * cell, (c1 - c0) * cell, cell]];
  out.push([c0 * cell, r0 * cell, (w - c0) * cell, cell]);
  if (r1 - r0 > 1) out.push([0, (r0 + 1) * cell, w * cell, (r1 - r0 - 1) * cell]);
  out.push([0, r1 * cell, c1 * cell, cell]);
  return out;
}

function drawTiles(): void {
  if (!tiles || !view) return;
  const z = state.zoom;
  drawZoomed(tilesCanvas, toBitmap(tiles.pixels, tiles.width, tiles.height, tilePalette()), z, false, '');
  const ctx = tilesCanvas.getContext('2d')!;
  const cell = 8 * z;
  const w = tiles.widthTiles;
  // The OBJ area (its two 256-tile tables): a tint and a border.
  const objRects = objTables(view).flatMap((r) => runRects(Math.floor(r.start / tileBytes()), Math.min(tiles!.tiles, Math.ceil(r.end / tileBytes())), w, cell));
  ctx.fillStyle = cssColor('--vscode-editor-findRangeHighlightBackground', 'rgba(128,128,128,0.15)');
  for (const [x, y, rw, rh] of objRects) ctx.fillRect(x, y, rw, rh);
  ctx.strokeStyle = cssColor('--vscode-editorInfo-foreground', '#3794ff');
  ctx.lineWidth = 1;
  for (const [x, y, rw, rh] of objRects) ctx.strokeRect(x + 0.5, y + 0.5, rw - 1, rh - 1);
  // The selected sprite's tiles (4bpp: the depth sprites use).
  const sel = selectedEntry();
  if (sel && state.bpp === 4) {
    ctx.strokeStyle = cssColor('--vscode-focusBorder', '#007fd4');
    ctx.lineWidth = 2;
    for (let row = 0; row < sel.height >> 3; row++) {
      for (let col = 0; col < sel.width >> 3; col++) {
        const t = objTileAddress(spriteCellTile(sel.tile, col, row), { base: view.objBase, nameSelect: view.obsel.nameSelect }) / 32;
        if (t < tiles.tiles) ctx.strokeRect((t % w) * cell + 1, Math.floor(t / w) * cell + 1, cell - 2, cell - 2);
      }
    }
  }
  // The range of tiles Find in ROM searches (Shift+click, Shift+arrows).
  if (state.range) {
    ctx.strokeStyle = cssColor('--vscode-editorWarning-foreground', '#cca700');
    ctx.lineWidth = 2;
    for (const [x, y, rw, rh] of runRects(state.range.first, Math.min(tiles.tiles, state.range.first + state.range.count), w, cell)) ctx.strokeRect(x + 1, y + 1, rw - 2, rh - 2);
  }
  // The keyboard cursor.
  if (document.activeElement === tilesCanvas) {
    const t = Math.min(state.cursor, tiles.tiles - 1);
    ctx.strokeStyle = cssColor('--vscode-editorCursor-foreground', cssColor('--vscode-foreground', '#ccc'));
    ctx.lineWidth = 2;
    ctx.setLineDash([3, 2]);
    ctx.strokeRect((t % w) * cell + 1, Math.floor(t / w) * cell + 1, cell - 2, cell - 2);
    ctx.setLineDash([]);
  }
  drawSwatches();
  const ranges = objTables(view);
  const spans = ranges[0]!.end === ranges[1]!.start ? [{ start: ranges[0]!.start, end: ranges[1]!.end }] : ranges;
  const how = view.obsel.base !== null ? 'chosen' : view.objBaseDetected ? 'found from the dump' : 'default';
  objLegend.textContent = `OBJ tiles ${spans.map((r) => `${hex(r.start, 4)}–${hex(Math.min(view!.vramSize, r.end) - 1, 4)}`).join(' and ')} (${how})`;
  describeCursor();
}

/** VRAM byte ranges of OBJ tiles 0-255 and 256-511 (OBSEL name select puts the second one). */
function objTables(v: DumpView): { start: number; end: number; first: number }[] {
  const second = (v.objBase + (v.obsel.nameSelect + 1) * 0x2000) & 0xffff;
  return [
    { start: v.objBase, end: v.objBase + 0x2000, first: 0 },
    { start: second, end: second + 0x2000, first: 256 },
  ];
}

function describeCursor(): void {
  if (!tiles || !view) return;
  const t = Math.min(state.cursor, tiles.tiles - 1);
  const addr = t * tileBytes();
  const table = objTables(view).find((r) => addr >= r.start && addr < r.end);
  const objTile = table && state.bpp === 4 ? `, OBJ tile ${hex(table.first + (addr - table.start) / 32, 3)}` : '';
  tileStatus.textContent = `${tiles.tiles} tiles · tile ${t} at ${hex(addr, 4)} (word ${hex(addr >> 1, 4)})${objTile}`;
}

/** Shift held: the range from the cursor's old tile (or the range's anchor) to `to`. */
function extendRange(to: number): void {
  if (!tiles) return;
  const anchor = rangeAnchor ?? state.cursor;
  rangeAnchor = anchor;
  const t = Math.max(0, Math.min(tiles.tiles - 1, to));
  const first = Math.min(anchor, t);
  saveState({ range: { first, count: Math.min(MAX_FIND_TILES, Math.max(anchor, t) - first + 1) } });
  selectionChanged();
}
let rangeAnchor: number | null = null;

function clearRange(): void {
  rangeAnchor = null;
  if (!state.range) return;
  saveState({ range: null });
  selectionChanged();
}

function moveCursor(to: number, top = false): void {
  if (!tiles) return;
  const t = Math.max(0, Math.min(tiles.tiles - 1, to));
  saveState({ cursor: t });
  drawTiles();
  const cell = 8 * state.zoom;
  const x = (t % tiles.widthTiles) * cell;
  const y = Math.floor(t / tiles.widthTiles) * cell;
  const scroller = tilesCanvas.parentElement!;
  if (top || y < scroller.scrollTop) scroller.scrollTop = y;
  else if (y + cell > scroller.scrollTop + scroller.clientHeight) scroller.scrollTop = y + cell - scroller.clientHeight;
  if (x < scroller.scrollLeft) scroller.scrollLeft = x;
  else if (x + cell > scroller.scrollLeft + scroller.clientWidth) scroller.scrollLeft = x + cell - scroller.clientWidth;
}

tilesCanvas.addEventListener('keydown', (e) => {
  if (!tiles) return;
  const w = tiles.widthTiles;
  const moves: Record<string, number> = { ArrowRight: 1, ArrowLeft: -1, ArrowDown: w, ArrowUp: -w, PageDown: 16 * w, PageUp: -16 * w };
  if (e.key in moves) {
    e.preventDefault();
    if (e.shiftKey) extendRange(state.cursor + moves[e.key]!);
    else clearRange();
    moveCursor(state.cursor + moves[e.key]!);
  } else if (e.key === 'Escape') {
    clearRange();
    drawTiles();
  } else if (e.key === 'Home') {
    e.preventDefault();
    moveCursor(0);
  } else if (e.key === 'End') {
    e.preventDefault();
    moveCursor(tiles.tiles - 1);
  }
});
tilesCanvas.addEventListener('focus', () => drawTiles());
tilesCanvas.addEventListener('blur', () => drawTiles());
tilesCanvas.addEventListener('click', (e) => {
  if (!tiles) return;
  const r = tilesCanvas.getBoundingClientRect();
  const cell = 8 * state.zoom;
  const tx = Math.floor((e.clientX - r.left) / cell);
  const ty = Math.floor((e.clientY - r.top) / cell);
  if (tx < 0 || tx >= tiles.widthTiles) return;
  if (e.shiftKey) extendRange(ty * tiles.widthTiles + tx);
  else clearRange();
  moveCursor(ty * tiles.widthTiles + tx);
});

// ---- the sprites on screen ------------------------------------------------------------------------

const screenSummary = el('p', { class: 'dim', id: 'screen-summary' });
const compositeCanvas = el('canvas', { id: 'composite', class: 'composite', width: '256', height: '224', tabindex: '0', role: 'img', 'aria-label': 'Sprites on screen, 256 by 224; Left and Right arrows select the previous or next visible sprite' });
const overlay = el('canvas', { id: 'composite-overlay', class: 'composite-overlay', width: '256', height: '224', 'aria-hidden': 'true' });
const screenWrap = el('div', { class: 'screen-wrap' }, compositeCanvas, overlay);
const screenHost = el('div', { class: 'screen-host' }, screenWrap);
const selectionText = el('p', { class: 'selection', id: 'selection-text', 'aria-live': 'polite' });
const oamTable = new OamTable((index) => {
  saveState({ selected: index });
  // Choosing a sprite makes it what Find in ROM looks for.
  rangeAnchor = null;
  if (state.range && index !== null) saveState({ range: null });
  drawOverlay();
  drawTiles();
  describeSelection();
  selectionChanged();
});

// ---- Find in ROM ----------------------------------------------------------------------------------

const findButton = ce('vscode-button', { id: 'find-in-rom', 'aria-label': 'Find the selected tiles in an open ROM' }, 'Find in ROM…');
findButton.addEventListener('click', () => void findInRom());

/** What Find in ROM looks for: the Shift-chosen VRAM tiles, else the selected sprite. */
function currentSelection(): FindSelection | null {
  if (state.range) return { tiles: { first: state.range.first, count: state.range.count, bpp: state.bpp } };
  const e = selectedEntry();
  return e ? { sprite: e.index } : null;
}

function selectionChanged(): void {
  const sel = currentSelection();
  findButton.toggleAttribute('disabled', sel === null);
  findButton.title = !sel ? 'Select a sprite, or Shift+click VRAM tiles' : 'sprite' in sel ? `Find sprite ${sel.sprite}'s tiles in the open ROM` : `Find VRAM tiles ${sel.tiles.first}–${sel.tiles.first + sel.tiles.count - 1} in the open ROM`;
  findButton.dataset.selection = sel ? ('sprite' in sel ? `sprite:${sel.sprite}` : `tiles:${sel.tiles.first}:${sel.tiles.count}`) : '';
  void rpc.request('select', { selection: sel }).catch(() => undefined);
}

async function findInRom(): Promise<void> {
  const sel = currentSelection();
  if (!sel) return;
  try {
    await rpc.request('findInRom', sel);
  } catch (e) {
    showError(`Find in ROM: ${(e as Error).message}`);
  }
}

function selectedEntry(): OamRow | null {
  return state.selected !== null ? (view?.entries?.[state.selected] ?? null) : null;
}

/** The screen scale: the largest whole factor that fits the column (1-4). */
function screenZoom(): number {
  const avail = screenHost.clientWidth || 512;
  return Math.max(1, Math.min(3, Math.floor(avail / 256)));
}

/** The 256 CGRAM colours as RGBA (grayscale by colour index without CGRAM, like the CLI's sheet). */
function cgramRgba(): Uint8Array {
  const out = new Uint8Array(256 * 4);
  for (let i = 0; i < 256; i++) {
    const c = view?.palettes ? view.palettes[i >> 4]![i & 15]! : ((i & 15) * 17) * 0x010101;
    out.set([(c >> 16) & 0xff, (c >> 8) & 0xff, c & 0xff, 255], i * 4);
  }
  return out;
}

function drawComposite(): void {
  const z = screenZoom();
  const w = (view?.screen.width ?? 256) * z;
  const h = (view?.screen.height ?? 224) * z;
  for (const c of [compositeCanvas, overlay]) {
    c.width = w;
    c.height = h;
  }
  const ctx = compositeCanvas.getContext('2d')!;
  ctx.clearRect(0, 0, w, h);
  if (composite) {
    const rgba = renderIndexed(composite.pixels, composite.width, composite.height, cgramRgba(), { transparentZero: true });
    const bitmap = document.createElement('canvas');
    bitmap.width = composite.width;
    bitmap.height = composite.height;
    bitmap.getContext('2d')!.putImageData(new ImageData(rgba as Uint8ClampedArray<ArrayBuffer>, composite.width, composite.height), 0, 0);
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(bitmap, 0, 0, w, h);
  }
  compositeCanvas.dataset.zoom = String(z);
  compositeCanvas.dataset.ready = 'true';
  drawOverlay();
}

/** Outlines the selected sprite (both parts when it wraps past the bottom of the 256-line space). */
function drawOverlay(): void {
  const ctx = overlay.getContext('2d')!;
  ctx.clearRect(0, 0, overlay.width, overlay.height);
  const e = selectedEntry();
  overlay.dataset.outlined = e ? String(e.index) : '';
  if (!e || !e.visible) return;
  const z = Number(compositeCanvas.dataset.zoom) || 1;
  const parts = [e.y, e.y + e.height > 256 ? e.y - 256 : null].filter((y): y is number => y !== null);
  for (const y of parts) {
    const rect: [number, number, number, number] = [e.x * z - 1, y * z - 1, e.width * z + 2, e.height * z + 2];
    ctx.lineWidth = 3;
    ctx.strokeStyle = cssColor('--vscode-editor-background', '#000');
    ctx.strokeRect(...rect);
    ctx.lineWidth = 1.5;
    ctx.strokeStyle = cssColor('--vscode-focusBorder', '#007fd4');
    ctx.strokeRect(...rect);
  }
}

function describeSelection(): void {
  const e = selectedEntry();
  selectionText.textContent = e
    ? `Sprite ${e.index}: ${e.width}×${e.height} at (${e.x}, ${e.y}), tile ${hex(e.tile, 3)}, palette ${e.palette}, priority ${e.priority}${e.hflip ? ', h-flipped' : ''}${e.vflip ? ', v-flipped' : ''}${e.visible ? '' : ' (off screen)'}`
    : 'Select a sprite in the table or on the screen.';
}

/** The topmost visible sprite (lowest OAM index) covering screen point (x, y). */
function spriteAt(x: number, y: number): OamRow | undefined {
  return view?.entries?.find((e) => e.visible && x >= e.x && x < e.x + e.width && (((y - e.y) & 0xff) < e.height));
}

compositeCanvas.addEventListener('click', (ev) => {
  const r = compositeCanvas.getBoundingClientRect();
  const z = Number(compositeCanvas.dataset.zoom) || 1;
  const hit = spriteAt(Math.floor((ev.clientX - r.left) / z), Math.floor((ev.clientY - r.top) / z));
  oamTable.select(hit?.index ?? null);
});
compositeCanvas.addEventListener('keydown', (ev) => {
  const visible = view?.entries?.filter((e) => e.visible) ?? [];
  if (!visible.length || (ev.key !== 'ArrowRight' && ev.key !== 'ArrowLeft')) return;
  ev.preventDefault();
  const at = visible.findIndex((e) => e.index === state.selected);
  const next = ev.key === 'ArrowRight' ? (at + 1) % visible.length : (at <= 0 ? visible.length : at) - 1;
  oamTable.select(visible[next]!.index);
});
new ResizeObserver(() => {
  if (Number(compositeCanvas.dataset.zoom) !== screenZoom()) drawComposite();
}).observe(screenHost);

// OBSEL ($2101) is in none of the dumps: sprite sizes, where tiles 256-511 start, and the base.
const sizeLabel = ([[sw, sh], [lw, lh]]: readonly [[number, number], [number, number]]) => `${sw}×${sh} and ${lw}×${lh}`;
const obselSelects = {
  sizeMode: choiceSelect('obsel-size', 'Sprite sizes (OBSEL size mode)', OBJ_SIZE_MODES.map((m, i) => [String(i), `${i}: ${sizeLabel(m)}`]), '0', (v) => void setObsel({ sizeMode: Number(v) })),
  nameSelect: choiceSelect('obsel-name', 'Tiles 256-511 (OBSEL name select)', [0, 1, 2, 3].map((n) => [String(n), `base + ${hex((n + 1) * 0x2000, 4)}`]), '0', (v) => void setObsel({ nameSelect: Number(v) })),
  base: choiceSelect('obsel-base', 'OBJ tile base', [['auto', 'Found from the dump'], ...OBJ_BASE_CANDIDATES.map((b): [string, string] => [String(b), hex(b, 4)])], 'auto', (v) => void setObsel({ base: v === 'auto' ? null : Number(v) })),
};

async function setObsel(patch: Partial<ObselSettings>): Promise<void> {
  if (!view) return;
  try {
    await applyView(await rpc.request('setObsel', { ...view.obsel, ...patch }));
  } catch (e) {
    showError((e as Error).message);
  }
}

function renderObsel(v: DumpView): void {
  const set = (el: HTMLElement, value: string) => ((el as unknown as { value: string }).value = value);
  set(obselSelects.sizeMode, String(v.obsel.sizeMode));
  set(obselSelects.nameSelect, String(v.obsel.nameSelect));
  set(obselSelects.base, v.obsel.base === null ? 'auto' : String(v.obsel.base));
}

const screenSection = el(
  'section',
  { class: 'screen-section', 'aria-labelledby': 'screen-title' },
  el('h2', { id: 'screen-title' }, 'Sprites on screen'),
  el('div', { class: 'toolbar', role: 'toolbar', 'aria-label': 'OBSEL settings' }, obselSelects.sizeMode, obselSelects.nameSelect, obselSelects.base),
  screenSummary,
  screenHost,
  el('div', { class: 'toolbar selection-bar' }, selectionText, findButton),
  el('h2', { id: 'oam-title' }, 'OAM'),
  oamTable.root,
);

async function loadComposite(): Promise<void> {
  if (!view) return;
  try {
    composite = view.entries && view.vramComplete ? await rpc.request('composite', {}) : null;
  } catch (e) {
    composite = null;
    showError((e as Error).message);
  }
  const visible = view.entries?.filter((e) => e.visible).length ?? 0;
  screenSummary.textContent = composite
    ? `${visible} of 128 sprites on screen, each in its own palette${view.palettes ? '' : ' (grayscale: no CGRAM)'}; OBJ tiles at ${hex(view.objBase, 4)} (${view.obsel.base !== null ? 'chosen' : view.objBaseDetected ? 'found from the dump' : 'default: no base stood out'}).`
    : view.entries
      ? 'The VRAM dump is not 64 KiB, so the sprites cannot be drawn.'
      : 'No OAM dump: pick one above to see the sprites that were on screen.';
  screenHost.hidden = !composite;
  drawComposite();
}

// ---- layout and start ---------------------------------------------------------------------------

const vramSection = el(
  'section',
  { class: 'vram-section', 'aria-labelledby': 'vram-title' },
  el('h2', { id: 'vram-title' }, 'VRAM tiles'),
  el('div', { class: 'toolbar', role: 'toolbar', 'aria-label': 'Tile view' }, bppSelect, widthSelect, paletteHost, swatches, zoomSelect),
  el('div', { class: 'legend' }, el('span', { class: 'obj-key', 'aria-hidden': 'true' }), objLegend, objButton),
  tileStatus,
  el('div', { class: 'vram-scroll' }, tilesCanvas),
);

async function applyView(v: DumpView): Promise<void> {
  view = v;
  renderFiles(v);
  renderPaletteSelect(v);
  renderObsel(v);
  oamTable.setEntries(v.entries ?? []);
  screenSection.querySelector('#oam-title')!.toggleAttribute('hidden', !v.entries);
  oamTable.root.hidden = !v.entries;
  if (state.selected !== null && !v.entries?.[state.selected]) saveState({ selected: null });
  describeSelection();
  await Promise.all([loadTiles(), loadComposite()]);
  document.body.dataset.revision = String(v.revision);
}

// A theme change swaps the CSS variables (and the body's class): redraw what the canvases took from them.
new MutationObserver(() => {
  drawTiles();
  drawOverlay();
}).observe(document.body, { attributes: true, attributeFilter: ['class', 'data-vscode-theme-id'] });

rpc.onEvent((m) => {
  // A change this panel asked for was applied from the response already.
  if (m.event === 'viewChanged' && m.data.revision !== view?.revision) void applyView(m.data);
});

async function start(): Promise<void> {
  try {
    const v = await rpc.request('ready', {});
    app.replaceChildren(
      el('header', { class: 'dump-header' }, title, files),
      errorBox,
      el('div', { class: 'dump-layout' }, vramSection, screenSection),
    );
    await applyView(v);
    if (state.selected !== null) oamTable.select(state.selected, true);
    selectionChanged();
    document.body.dataset.ready = 'true';
  } catch (e) {
    app.replaceChildren(errorBox);
    showError(`Could not show this dump: ${(e as Error).message}`);
  }
}

void start();
