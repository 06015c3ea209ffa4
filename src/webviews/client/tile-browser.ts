/**
 * The tile browser (YY-CHR style): any part of the ROM as raw tiles at a chosen depth, width,
 * arrangement (8x8 rows or 16x16 sprites), zoom (1-8x, or fit to the pane's width) and palette
 * (its own picker, remembered). `+`/`-` move the view by one byte (to find where tiles align),
 * arrows move the cursor by a tile, Page Up/Down by a page; "Go to" takes any address form the
 * core understands; "Decompress from here" opens the block in a detail view beside the tiles.
 */
import { offsetToSnes } from '../../core/rom/mapping';
import { COPIER_HEADER_SIZE } from '../../core/rom/copier-header';
import { fileOffsetOf, formatLocation } from '../../core/format';
import type { Bpp, GalleryEntry, PaletteOption, PixelImage, RomView } from '../protocol';
import { arrangeImage, bandTiles, isOrder, ORDER_CHOICES, orderFits, positionOf, stepTile, tileAt, type TileOrder } from './arrange-view';
import { ce, choiceSelect, cssColor, el, type TextControl } from './dom';
import { drawZoomed, paletteRgba, toBitmap } from './draw';
import { PalettePicker } from './palette-picker';
import type { Rpc } from './rpc';

export interface TileBrowserState {
  /** Headerless ROM offset of the first byte shown (any byte: tiles need not align). */
  offset: number;
  bpp: Bpp;
  widthTiles: number;
  /** Headerless ROM offset of the cursor's tile. */
  cursor: number;
  /** 1-8, or 0: the largest that fits the pane's width. */
  zoom?: number;
  order?: TileOrder;
  /** The tile browser's own palette (an id of the editor's palettes); empty: the gallery's choice at first. */
  paletteId?: string;
}

export interface TileBrowserHooks {
  saveState(p: Partial<TileBrowserState>): void;
  /** "Decompress from here" found a block: show it beside the tiles. */
  openDetail(e: GalleryEntry): void;
  paletteLoaded(p: PaletteOption): void;
  paletteChosen(p: PaletteOption | undefined): void;
}

export const ROWS = 32;
const WIDTHS = [4, 8, 16, 32, 64];
const MAX_ZOOM = 8;

export class TileBrowser {
  readonly root: HTMLElement;
  private readonly canvas: HTMLCanvasElement;
  private readonly wrap: HTMLElement;
  private readonly where: HTMLElement;
  private readonly goto: TextControl;
  private readonly message: HTMLElement;
  private readonly picker: PalettePicker;
  private image: PixelImage | null = null;
  private loading = 0;

  constructor(
    private readonly rpc: Rpc,
    private state: TileBrowserState,
    palettes: PaletteOption[],
    initialPalette: string,
    private view: RomView,
    private readonly hooks: TileBrowserHooks,
  ) {
    this.goto = ce('vscode-textfield', {
      id: 'tiles-goto',
      class: 'field-offset',
      placeholder: '$C0:8000, 0x1F400…',
      'aria-label': 'Go to address: $BB:AAAA, BB:AAAA, 0x file offset or decimal',
    }) as TextControl;
    this.goto.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') void this.goTo(this.goto.value);
    });
    const bpp = choiceSelect(
      'tiles-bpp',
      'Bit depth',
      [
        ['2', '2bpp'],
        ['4', '4bpp'],
        ['8', '8bpp'],
      ],
      String(state.bpp),
      (v) => this.set({ bpp: Number(v) as Bpp }),
    );
    const width = choiceSelect(
      'tiles-width',
      'Width in tiles',
      WIDTHS.map((w): [string, string] => [String(w), `${w} tiles`]),
      String(state.widthTiles),
      (v) => this.set({ widthTiles: Number(v) }),
    );
    const order = choiceSelect('tiles-order', 'Arrangement', ORDER_CHOICES, this.order, (v) => {
      if (!isOrder(v)) return;
      this.state.order = v;
      this.hooks.saveState({ order: v });
      this.draw();
    });
    const zoom = choiceSelect(
      'tiles-zoom',
      'Zoom',
      [['0', 'Fit'], ...Array.from({ length: MAX_ZOOM }, (_, i): [string, string] => [String(i + 1), `${i + 1}×`])],
      String(state.zoom ?? 0),
      (v) => {
        this.state.zoom = Number(v);
        this.hooks.saveState({ zoom: this.state.zoom });
        this.draw();
      },
    );
    this.picker = new PalettePicker(rpc, 'tiles', palettes, state.paletteId || initialPalette, {
      chosen: (p) => {
        this.state.paletteId = p?.id;
        this.hooks.saveState({ paletteId: p?.id });
        this.hooks.paletteChosen(p);
        this.draw();
      },
      loaded: (p) => this.hooks.paletteLoaded(p),
      error: (m) => this.say(m, true),
    });
    const decompress = ce('vscode-button', { id: 'tiles-decompress' }, 'Decompress from here');
    decompress.addEventListener('click', () => void this.decompress());
    this.where = el('div', { class: 'dim cursor-line', id: 'tiles-cursor', 'aria-live': 'polite' });
    this.message = el('div', { class: 'detail-message', id: 'tiles-message', role: 'status' });
    this.canvas = el('canvas', {
      id: 'tiles-canvas',
      class: 'tiles-canvas',
      tabindex: '0',
      role: 'img',
      'aria-label': 'Raw tiles; arrows move the cursor by a tile, + and - move the view by one byte, Page Up/Down by a page, Enter decompresses at the cursor',
    });
    this.canvas.addEventListener('keydown', (e) => this.onKey(e));
    this.canvas.addEventListener('click', (e) => this.onClick(e));
    this.wrap = el('div', { class: 'canvas-wrap tiles-wrap' }, this.canvas);
    new ResizeObserver(() => {
      if ((this.state.zoom ?? 0) === 0 && Number(this.canvas.dataset.zoom) !== this.zoom) this.draw();
    }).observe(this.wrap);
    this.root = el(
      'section',
      { class: 'tile-browser', 'aria-label': 'Tile browser' },
      el(
        'div',
        { class: 'toolbar', role: 'toolbar', 'aria-label': 'Tile view' },
        el('label', { for: 'tiles-goto' }, 'Go to'),
        this.goto,
        bpp,
        width,
        order,
        zoom,
        this.picker.root,
        decompress,
      ),
      this.where,
      this.wrap,
      this.message,
    );
    void this.load();
  }

  private get order(): TileOrder {
    return this.state.order ?? 'linear';
  }

  private get tileBytes(): number {
    return this.state.bpp * 8;
  }

  private get pageBytes(): number {
    return this.tileBytes * this.state.widthTiles * ROWS;
  }

  /** The zoom in use: the chosen one, or the largest whole factor that fits the pane's width. */
  private get zoom(): number {
    const chosen = this.state.zoom ?? 0;
    if (chosen > 0) return Math.min(MAX_ZOOM, chosen);
    const avail = (this.wrap.clientWidth || this.root.clientWidth || 512) - 2;
    return Math.max(1, Math.min(MAX_ZOOM, Math.floor(avail / (this.state.widthTiles * 8))));
  }

  get palette(): PaletteOption | undefined {
    return this.picker.current;
  }

  setPalettes(palettes: PaletteOption[]): void {
    this.picker.setPalettes(palettes);
    this.draw();
  }

  setView(v: RomView): void {
    this.view = v;
    void this.load();
  }

  private say(text: string, error = false): void {
    this.message.textContent = text;
    this.message.classList.toggle('error-text', error);
  }

  private set(patch: Partial<TileBrowserState>): void {
    this.state = { ...this.state, ...patch };
    this.hooks.saveState(patch);
    void this.load();
  }

  private clampOffset(o: number): number {
    return Math.max(0, Math.min(this.view.romSize - 1, o));
  }

  /** Shows the tiles from `offset` (any byte), with the cursor on the first tile. */
  go(offset: number): void {
    const o = this.clampOffset(offset);
    this.set({ offset: o, cursor: o });
  }

  /** Moves the view by `delta` bytes, the cursor with it (the `+`/`-` nudge). */
  private nudge(delta: number): void {
    const o = this.clampOffset(this.state.offset + delta);
    const cursor = this.clampOffset(this.state.cursor + (o - this.state.offset));
    this.set({ offset: o, cursor });
  }

  /**
   * Page Down/Up: the view moves by a whole page, keeping its byte alignment, so Page Up undoes
   * Page Down exactly. The last page is the one that starts before the end (it may be partial);
   * Page Down there does nothing. Page Up within a page of the start goes to the start.
   */
  private page(dir: 1 | -1): void {
    const from = this.state.offset;
    const to = dir > 0 ? from + this.pageBytes : Math.max(0, from - this.pageBytes);
    if (to === from || to >= this.view.romSize) return;
    // The cursor keeps its place on the page, on a whole tile inside the ROM.
    const lastTile = to + Math.floor((this.view.romSize - 1 - to) / this.tileBytes) * this.tileBytes;
    this.set({ offset: to, cursor: Math.max(to, Math.min(lastTile, this.state.cursor + (to - from))) });
  }

  private async goTo(text: string): Promise<void> {
    if (!text.trim()) return;
    try {
      const r = await this.rpc.request('resolveAddress', { address: text });
      this.say(`Went to ${r.description}`);
      this.go(r.romOffset);
      this.goto.value = '';
      this.canvas.focus();
    } catch (e) {
      this.say((e as Error).message, true);
    }
  }

  private moveCursor(cursor: number): void {
    const c = this.clampOffset(cursor);
    if (c < this.state.offset || c >= this.state.offset + this.pageBytes) {
      // Off the page: scroll by whole bands (rows; in 16x16 order, rows of whole sprites), keeping
      // the view's byte alignment and every tile in its place in the arrangement.
      const bandBytes = this.tileBytes * bandTiles(this.state.widthTiles, this.order);
      const bands = Math.floor((c - this.state.offset) / bandBytes) - (c < this.state.offset ? 0 : this.pageBytes / bandBytes - 1);
      const offset = this.clampOffset(this.state.offset + bands * bandBytes);
      this.set({ offset: offset > c ? c : offset, cursor: c });
      return;
    }
    this.state.cursor = c;
    this.hooks.saveState({ cursor: c });
    this.draw();
  }

  private onKey(e: KeyboardEvent): void {
    const t = this.tileBytes;
    // Arrows move to the tile drawn beside the cursor, in the arrangement shown (16x16 sprites:
    // Down is the tile below on screen, not 16 tiles on in the ROM).
    const moves: Record<string, [number, number]> = { ArrowRight: [1, 0], ArrowLeft: [-1, 0], ArrowDown: [0, 1], ArrowUp: [0, -1] };
    if (e.key in moves) {
      e.preventDefault();
      const [dx, dy] = moves[e.key]!;
      const from = Math.floor((this.state.cursor - this.state.offset) / t);
      this.moveCursor(this.state.offset + stepTile(from, dx, dy, this.state.widthTiles, this.order) * t);
    } else if (e.key === 'PageDown' || e.key === 'PageUp') {
      e.preventDefault();
      this.page(e.key === 'PageDown' ? 1 : -1);
    } else if (e.key === '+' || e.key === '=') {
      e.preventDefault();
      this.nudge(1);
    } else if (e.key === '-' || e.key === '_') {
      e.preventDefault();
      this.nudge(-1);
    } else if (e.key === 'Home') {
      e.preventDefault();
      this.go(0);
    } else if (e.key === 'End') {
      e.preventDefault();
      this.go(Math.max(0, this.view.romSize - this.pageBytes));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      void this.decompress();
    }
  }

  private onClick(e: MouseEvent): void {
    if (!this.image) return;
    const r = this.canvas.getBoundingClientRect();
    const cell = 8 * this.zoom;
    const tile = tileAt(Math.floor((e.clientX - r.left) / cell), Math.floor((e.clientY - r.top) / cell), this.image.tiles, this.state.widthTiles, this.order);
    if (tile !== null) this.moveCursor(this.state.offset + tile * this.tileBytes);
    this.canvas.focus();
  }

  private async load(): Promise<void> {
    const ticket = ++this.loading;
    try {
      const image = await this.rpc.request('tiles', { romOffset: this.state.offset, bpp: this.state.bpp, widthTiles: this.state.widthTiles, rows: ROWS });
      if (ticket !== this.loading) return;
      // The host gives a page's tiles at most; its `tiles` is how many it drew.
      this.image = { ...image, tiles: Math.min(image.tiles, (image.width / 8) * (image.height / 8)) };
      this.draw();
      this.root.dataset.ready = 'true';
    } catch (e) {
      this.say((e as Error).message, true);
    }
  }

  private snes(romOffset: number): string {
    return formatLocation(offsetToSnes(this.view.mapping, romOffset), fileOffsetOf(romOffset, this.view.copierHeader ? COPIER_HEADER_SIZE : 0), 'with-file');
  }

  private draw(): void {
    if (!this.image) return;
    const zoom = this.zoom;
    const order = orderFits(this.order, this.image.width / 8) ? this.order : 'linear';
    const shown = arrangeImage(this.image, order);
    const color = cssColor('--vscode-focusBorder', '#007fd4');
    drawZoomed(this.canvas, toBitmap(shown.pixels, shown.width, shown.height, paletteRgba(this.palette, this.state.bpp)), zoom, false, color);
    const rel = this.state.cursor - this.state.offset;
    if (rel >= 0 && rel < this.pageBytes) {
      const [x, y] = positionOf(Math.floor(rel / this.tileBytes), this.image.width / 8, order);
      const ctx = this.canvas.getContext('2d')!;
      ctx.strokeStyle = color;
      ctx.lineWidth = 2;
      ctx.strokeRect(x * 8 * zoom + 1, y * 8 * zoom + 1, 8 * zoom - 2, 8 * zoom - 2);
    }
    this.canvas.dataset.zoom = String(zoom);
    this.canvas.dataset.order = order;
    this.root.dataset.offset = String(this.state.offset);
    this.root.dataset.cursor = String(this.state.cursor);
    const end = Math.min(this.view.romSize, this.state.offset + this.pageBytes) - 1;
    this.where.textContent = `${this.snes(this.state.offset)} – ${this.snes(end)} · cursor ${this.snes(this.state.cursor)} · ${zoom}×`;
  }

  private async decompress(): Promise<void> {
    try {
      const e = await this.rpc.request('decompressAt', { romOffset: this.state.cursor });
      this.say(`HAL block at ${this.snes(e.romOffset)}: ${e.consumed} bytes → ${e.size} bytes`);
      this.hooks.openDetail(e);
    } catch (err) {
      this.say(`Nothing decompresses at ${this.snes(this.state.cursor)}: ${(err as Error).message}`, true);
    }
  }

  focus(): void {
    this.canvas.focus();
  }
}
