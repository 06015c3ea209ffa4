/**
 * The VRAM tiles section: its toolbar (depth, width, palette with swatches, zoom), the OBJ area
 * legend and the tile canvas with a keyboard cursor and a Shift-chosen range for Find in ROM.
 */
import { objTileAddress, spriteCellTile } from '../../core/dumps/vram-sheet';
import { hex } from '../../core/format';
import type { DumpBpp, DumpView, TilesResult } from '../dump-protocol';
import { MAX_FIND_TILES, WIDTH_CHOICES } from '../dump-protocol';
import { ce, choiceSelect, cssColor, el } from '../client/dom';
import { drawZoomed, paletteRgba, toBitmap } from '../client/draw';
import { objTables, runRects } from './geometry';
import type { DumpRpc, DumpState } from './state';

export interface VramViewHooks {
  /** The Shift-chosen range changed (Find in ROM looks for something else). */
  rangeChanged(): void;
  showError(message: string): void;
}

export class VramView {
  readonly root: HTMLElement;
  private tiles: TilesResult | null = null;
  private rangeAnchor: number | null = null;
  private readonly paletteHost = el('span', { class: 'palette-host' });
  private readonly swatches = el('canvas', {
    id: 'palette-swatches',
    class: 'swatches',
    width: '128',
    height: '8',
    role: 'img',
    'aria-label': 'Colours of the chosen palette',
  });
  private readonly objLegend = el('span', { class: 'obj-legend', id: 'obj-legend' });
  private readonly tileStatus = el('div', { class: 'dim cursor-line', id: 'vram-cursor', 'aria-live': 'polite' });
  private readonly canvas = el('canvas', {
    id: 'vram-canvas',
    class: 'vram-canvas',
    tabindex: '0',
    role: 'img',
    'aria-label': 'VRAM tiles; arrow keys move the tile cursor, Page Up/Down by 16 rows',
  });

  constructor(
    private readonly state: DumpState,
    private readonly rpc: DumpRpc,
    private readonly hooks: VramViewHooks,
  ) {
    const ui = state.ui;
    const bppSelect = choiceSelect(
      'vram-bpp',
      'Bit depth',
      [
        ['2', '2bpp'],
        ['4', '4bpp'],
        ['8', '8bpp'],
      ],
      String(ui.bpp),
      (v) => {
        state.save({ bpp: Number(v) as DumpBpp, cursor: 0 });
        void this.load();
      },
    );
    const widthSelect = choiceSelect(
      'vram-width',
      'Width in tiles',
      WIDTH_CHOICES.map((w) => [String(w), `${w} tiles`]),
      String(ui.widthTiles),
      (v) => {
        state.save({ widthTiles: Number(v) });
        void this.load();
      },
    );
    const zoomSelect = choiceSelect(
      'vram-zoom',
      'Zoom',
      [1, 2, 3, 4].map((z) => [String(z), `${z}×`]),
      String(ui.zoom),
      (v) => {
        state.save({ zoom: Number(v) });
        this.draw();
      },
    );
    const objButton = ce(
      'vscode-button',
      { id: 'vram-show-obj', secondary: '', 'aria-label': 'Move the tile cursor to the first OBJ tile' },
      'Go to OBJ tiles',
    );
    objButton.addEventListener('click', () => {
      if (!state.view) return;
      this.moveCursor(Math.floor(state.view.objBase / state.tileBytes()), true);
      this.canvas.focus();
    });
    this.root = el(
      'section',
      { class: 'vram-section', 'aria-labelledby': 'vram-title' },
      el('h2', { id: 'vram-title' }, 'VRAM tiles'),
      el('div', { class: 'toolbar', role: 'toolbar', 'aria-label': 'Tile view' }, bppSelect, widthSelect, this.paletteHost, this.swatches, zoomSelect),
      el('div', { class: 'legend' }, el('span', { class: 'obj-key', 'aria-hidden': 'true' }), this.objLegend, objButton),
      this.tileStatus,
      el('div', { class: 'vram-scroll' }, this.canvas),
    );
    this.listen();
  }

  /** A new view from the host: its palettes. */
  setView(v: DumpView): void {
    const options: [string, string][] = [['gray', 'Grayscale']];
    if (v.palettes) for (let i = 0; i < 16; i++) options.push([`cgram-${i}`, `Palette ${i}${i >= 8 ? ' (OBJ)' : ''}`]);
    const select = choiceSelect('vram-palette', 'Palette', options, this.paletteChoice(), (value) => {
      this.state.save({ palette: value });
      this.draw();
    });
    this.paletteHost.replaceChildren(select);
  }

  async load(): Promise<void> {
    const { state } = this;
    try {
      this.tiles = await this.rpc.request('tiles', { bpp: state.ui.bpp, widthTiles: state.ui.widthTiles });
      this.draw();
      // First time on this dump: start at the OBJ tiles (what the viewer is about).
      if (state.firstVisit && this.canvas.dataset.ready !== 'true' && state.view) this.moveCursor(Math.floor(state.view.objBase / state.tileBytes()), true);
      else this.moveCursor(state.ui.cursor);
      this.canvas.dataset.ready = 'true';
    } catch (e) {
      this.hooks.showError((e as Error).message);
    }
  }

  /** The OAM selection changed: a new Shift run starts at the cursor, and a chosen sprite (not a range) is what Find in ROM looks for. */
  selectionChanged(spriteChosen: boolean): void {
    this.rangeAnchor = null;
    if (spriteChosen && this.state.ui.range) this.state.save({ range: null });
  }

  private paletteChoice(): string {
    const { palette } = this.state.ui;
    const view = this.state.view;
    if (palette === 'gray' || (palette.startsWith('cgram-') && view?.palettes)) return palette;
    return view?.palettes ? 'cgram-8' : 'gray';
  }

  /** RGBA of the chosen palette for the current depth (8bpp with CGRAM: all 256 CGRAM colours). */
  private tilePalette(): Uint8Array {
    const choice = this.paletteChoice();
    const { bpp } = this.state.ui;
    const view = this.state.view;
    if (choice === 'gray' || !view?.palettes) return paletteRgba(undefined, bpp);
    const index = Number(choice.slice('cgram-'.length));
    const colors = bpp === 8 ? view.palettes.flat() : view.palettes[index]!;
    return paletteRgba({ id: choice, label: choice, colors }, bpp);
  }

  private drawSwatches(): void {
    const { swatches } = this;
    const rgba = this.tilePalette();
    const n = Math.min(16, rgba.length / 4);
    const ctx = swatches.getContext('2d')!;
    ctx.clearRect(0, 0, swatches.width, swatches.height);
    const w = swatches.width / n;
    for (let i = 0; i < n; i++) {
      ctx.fillStyle = `rgb(${rgba[i * 4]}, ${rgba[i * 4 + 1]}, ${rgba[i * 4 + 2]})`;
      ctx.fillRect(Math.round(i * w), 0, Math.ceil(w), swatches.height);
    }
  }

  draw(): void {
    const { tiles, canvas, state } = this;
    const view = state.view;
    if (!tiles || !view) return;
    const ui = state.ui;
    const z = ui.zoom;
    const tileBytes = state.tileBytes();
    drawZoomed(canvas, toBitmap(tiles.pixels, tiles.width, tiles.height, this.tilePalette()), z, false, '');
    const ctx = canvas.getContext('2d')!;
    const cell = 8 * z;
    const w = tiles.widthTiles;
    // The OBJ area (its two 256-tile tables): a tint and a border.
    const objRects = objTables(view).flatMap((r) => runRects(Math.floor(r.start / tileBytes), Math.min(tiles.tiles, Math.ceil(r.end / tileBytes)), w, cell));
    ctx.fillStyle = cssColor('--vscode-editor-findRangeHighlightBackground', 'rgba(128,128,128,0.15)');
    for (const [x, y, rw, rh] of objRects) ctx.fillRect(x, y, rw, rh);
    ctx.strokeStyle = cssColor('--vscode-editorInfo-foreground', '#3794ff');
    ctx.lineWidth = 1;
    for (const [x, y, rw, rh] of objRects) ctx.strokeRect(x + 0.5, y + 0.5, rw - 1, rh - 1);
    // The selected sprite's tiles (4bpp: the depth sprites use).
    const sel = state.selectedEntry();
    if (sel && ui.bpp === 4) {
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
    if (ui.range) {
      ctx.strokeStyle = cssColor('--vscode-editorWarning-foreground', '#cca700');
      ctx.lineWidth = 2;
      for (const [x, y, rw, rh] of runRects(ui.range.first, Math.min(tiles.tiles, ui.range.first + ui.range.count), w, cell))
        ctx.strokeRect(x + 1, y + 1, rw - 2, rh - 2);
    }
    // The keyboard cursor.
    if (document.activeElement === canvas) {
      const t = Math.min(ui.cursor, tiles.tiles - 1);
      ctx.strokeStyle = cssColor('--vscode-editorCursor-foreground', cssColor('--vscode-foreground', '#ccc'));
      ctx.lineWidth = 2;
      ctx.setLineDash([3, 2]);
      ctx.strokeRect((t % w) * cell + 1, Math.floor(t / w) * cell + 1, cell - 2, cell - 2);
      ctx.setLineDash([]);
    }
    this.drawSwatches();
    const ranges = objTables(view);
    const spans = ranges[0]!.end === ranges[1]!.start ? [{ start: ranges[0]!.start, end: ranges[1]!.end }] : ranges;
    const how = view.obsel.base !== null ? 'chosen' : view.objBaseDetected ? 'found from the dump' : 'default';
    this.objLegend.textContent = `OBJ tiles ${spans.map((r) => `${hex(r.start, 4)}–${hex(Math.min(view.vramSize, r.end) - 1, 4)}`).join(' and ')} (${how})`;
    this.describeCursor();
  }

  private describeCursor(): void {
    const { tiles, state } = this;
    if (!tiles || !state.view) return;
    const t = Math.min(state.ui.cursor, tiles.tiles - 1);
    const addr = t * state.tileBytes();
    const table = objTables(state.view).find((r) => addr >= r.start && addr < r.end);
    const objTile = table && state.ui.bpp === 4 ? `, OBJ tile ${hex(table.first + (addr - table.start) / 32, 3)}` : '';
    this.tileStatus.textContent = `${tiles.tiles} tiles · tile ${t} at ${hex(addr, 4)} (word ${hex(addr >> 1, 4)})${objTile}`;
  }

  /** Shift held: the range from the cursor's old tile (or the range's anchor) to `to`. */
  private extendRange(to: number): void {
    if (!this.tiles) return;
    const anchor = this.rangeAnchor ?? this.state.ui.cursor;
    this.rangeAnchor = anchor;
    const t = Math.max(0, Math.min(this.tiles.tiles - 1, to));
    const first = Math.min(anchor, t);
    this.state.save({ range: { first, count: Math.min(MAX_FIND_TILES, Math.max(anchor, t) - first + 1) } });
    this.hooks.rangeChanged();
  }

  private clearRange(): void {
    this.rangeAnchor = null;
    if (!this.state.ui.range) return;
    this.state.save({ range: null });
    this.hooks.rangeChanged();
  }

  private moveCursor(to: number, top = false): void {
    const { tiles } = this;
    if (!tiles) return;
    const t = Math.max(0, Math.min(tiles.tiles - 1, to));
    this.state.save({ cursor: t });
    this.draw();
    const cell = 8 * this.state.ui.zoom;
    const x = (t % tiles.widthTiles) * cell;
    const y = Math.floor(t / tiles.widthTiles) * cell;
    const scroller = this.canvas.parentElement!;
    if (top || y < scroller.scrollTop) scroller.scrollTop = y;
    else if (y + cell > scroller.scrollTop + scroller.clientHeight) scroller.scrollTop = y + cell - scroller.clientHeight;
    if (x < scroller.scrollLeft) scroller.scrollLeft = x;
    else if (x + cell > scroller.scrollLeft + scroller.clientWidth) scroller.scrollLeft = x + cell - scroller.clientWidth;
  }

  private listen(): void {
    const { canvas } = this;
    canvas.addEventListener('keydown', (e) => {
      const { tiles } = this;
      if (!tiles) return;
      const w = tiles.widthTiles;
      const cursor = this.state.ui.cursor;
      const moves: Record<string, number> = { ArrowRight: 1, ArrowLeft: -1, ArrowDown: w, ArrowUp: -w, PageDown: 16 * w, PageUp: -16 * w };
      if (e.key in moves) {
        e.preventDefault();
        if (e.shiftKey) this.extendRange(cursor + moves[e.key]!);
        else this.clearRange();
        this.moveCursor(cursor + moves[e.key]!);
      } else if (e.key === 'Escape') {
        this.clearRange();
        this.draw();
      } else if (e.key === 'Home') {
        e.preventDefault();
        this.moveCursor(0);
      } else if (e.key === 'End') {
        e.preventDefault();
        this.moveCursor(tiles.tiles - 1);
      }
    });
    canvas.addEventListener('focus', () => this.draw());
    canvas.addEventListener('blur', () => this.draw());
    canvas.addEventListener('click', (e) => {
      const { tiles } = this;
      if (!tiles) return;
      const r = canvas.getBoundingClientRect();
      const cell = 8 * this.state.ui.zoom;
      const tx = Math.floor((e.clientX - r.left) / cell);
      const ty = Math.floor((e.clientY - r.top) / cell);
      if (tx < 0 || tx >= tiles.widthTiles) return;
      if (e.shiftKey) this.extendRange(ty * tiles.widthTiles + tx);
      else this.clearRange();
      this.moveCursor(ty * tiles.widthTiles + tx);
    });
  }
}
