/**
 * The tile browser (YY-CHR style): any part of the ROM as raw tiles at a chosen depth and width,
 * paged with the keyboard, with "decompress from here" at the cursor.
 */
import type { Bpp, GalleryEntry, PaletteOption, PixelImage } from '../protocol';
import { ce, choiceSelect, cssColor, el, hex, type TextControl } from './dom';
import { drawZoomed, paletteRgba, toBitmap } from './draw';
import type { Rpc } from './rpc';

export interface TileBrowserState {
  offset: number;
  bpp: Bpp;
  widthTiles: number;
  cursor: number;
}

const ROWS = 32;
const ZOOM = 2;

export class TileBrowser {
  readonly root: HTMLElement;
  private readonly canvas: HTMLCanvasElement;
  private readonly where: HTMLElement;
  private readonly offsetInput: TextControl;
  private readonly message: HTMLElement;
  private image: PixelImage | null = null;

  constructor(
    private readonly rpc: Rpc,
    private state: TileBrowserState,
    private palette: PaletteOption | undefined,
    private readonly romSize: number,
    private readonly copierHeader: number,
    private readonly hooks: { saveState(p: Partial<TileBrowserState>): void; decompressed(e: GalleryEntry): void },
  ) {
    this.offsetInput = ce('vscode-textfield', { id: 'tiles-offset', class: 'field-offset', value: hex(state.offset + copierHeader), 'aria-label': 'File offset (hex)' }) as TextControl;
    this.offsetInput.addEventListener('change', () => {
      const v = parseInt(this.offsetInput.value.replace(/^0x/i, ''), 16);
      if (Number.isInteger(v) && v >= copierHeader && v - copierHeader < romSize) this.go(v - copierHeader);
      else this.say(`"${this.offsetInput.value}" is not a file offset in this ROM`, true);
    });
    const bpp = choiceSelect('tiles-bpp', 'Bit depth', [['2', '2bpp'], ['4', '4bpp'], ['8', '8bpp']], String(state.bpp), (v) => this.set({ bpp: Number(v) as Bpp }));
    const width = choiceSelect('tiles-width', 'Width in tiles', [8, 16, 32].map((w): [string, string] => [String(w), `${w} tiles`]), String(state.widthTiles), (v) => this.set({ widthTiles: Number(v) }));
    const decompress = ce('vscode-button', { id: 'tiles-decompress' }, 'Decompress from here');
    decompress.addEventListener('click', () => void this.decompress());
    this.where = el('span', { class: 'dim', id: 'tiles-cursor', 'aria-live': 'polite' });
    this.message = el('div', { class: 'detail-message', role: 'status' });
    this.canvas = el('canvas', { id: 'tiles-canvas', class: 'tiles-canvas', tabindex: '0', role: 'img', 'aria-label': 'Raw tiles; arrow keys move the cursor, Page Up/Down page' });
    this.canvas.addEventListener('keydown', (e) => this.onKey(e));
    this.canvas.addEventListener('click', (e) => {
      const r = this.canvas.getBoundingClientRect();
      const tx = Math.floor((e.clientX - r.left) / (8 * ZOOM));
      const ty = Math.floor((e.clientY - r.top) / (8 * ZOOM));
      this.moveCursor(this.state.offset + (ty * this.state.widthTiles + tx) * this.tileBytes);
    });
    this.root = el(
      'section',
      { class: 'tile-browser', 'aria-label': 'Tile browser' },
      el('div', { class: 'toolbar', role: 'toolbar' }, el('label', { for: 'tiles-offset' }, 'Offset'), this.offsetInput, el('label', { for: 'tiles-bpp' }, 'Depth'), bpp, el('label', { for: 'tiles-width' }, 'Width'), width, decompress, this.where),
      el('div', { class: 'canvas-wrap' }, this.canvas),
      this.message,
    );
    void this.load();
  }

  private get tileBytes(): number {
    return this.state.bpp * 8;
  }

  private get pageBytes(): number {
    return this.tileBytes * this.state.widthTiles * ROWS;
  }

  setPalette(p: PaletteOption | undefined): void {
    this.palette = p;
    this.draw();
  }

  /** The ROM's bytes changed (an edit, undo, redo): read the page again. */
  refresh(): Promise<void> {
    return this.load();
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

  go(offset: number): void {
    const o = Math.max(0, Math.min(this.romSize - 1, offset));
    this.set({ offset: o, cursor: o });
  }

  private moveCursor(cursor: number): void {
    const c = Math.max(0, Math.min(this.romSize - 1, cursor));
    if (c < this.state.offset || c >= this.state.offset + this.pageBytes) {
      const page = Math.max(0, c - (c % this.tileBytes) - Math.floor(ROWS / 2) * this.state.widthTiles * this.tileBytes);
      this.state.offset = page - (page % this.tileBytes);
      this.state.cursor = c;
      this.hooks.saveState({ offset: this.state.offset, cursor: c });
      void this.load();
      return;
    }
    this.state.cursor = c;
    this.hooks.saveState({ cursor: c });
    this.draw();
  }

  private onKey(e: KeyboardEvent): void {
    const t = this.tileBytes;
    const row = t * this.state.widthTiles;
    const moves: Record<string, number> = { ArrowRight: t, ArrowLeft: -t, ArrowDown: row, ArrowUp: -row, PageDown: this.pageBytes, PageUp: -this.pageBytes };
    if (e.key in moves) {
      e.preventDefault();
      if (e.key.startsWith('Page')) this.go(this.state.offset + moves[e.key]!);
      else this.moveCursor(this.state.cursor + moves[e.key]!);
    } else if (e.key === 'Home') {
      e.preventDefault();
      this.go(0);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      void this.decompress();
    }
  }

  private async load(): Promise<void> {
    try {
      this.image = await this.rpc.request('tiles', { romOffset: this.state.offset, bpp: this.state.bpp, widthTiles: this.state.widthTiles, rows: ROWS });
      this.offsetInput.value = hex(this.state.offset + this.copierHeader);
      this.draw();
      this.root.dataset.ready = 'true';
    } catch (e) {
      this.say((e as Error).message, true);
    }
  }

  private draw(): void {
    if (!this.image) return;
    const color = cssColor('--vscode-focusBorder', '#007fd4');
    drawZoomed(this.canvas, toBitmap(this.image.pixels, this.image.width, this.image.height, paletteRgba(this.palette, this.state.bpp)), ZOOM, false, color);
    const rel = this.state.cursor - this.state.offset;
    if (rel >= 0 && rel < this.pageBytes) {
      const tile = Math.floor(rel / this.tileBytes);
      const ctx = this.canvas.getContext('2d')!;
      ctx.strokeStyle = color;
      ctx.lineWidth = 2;
      ctx.strokeRect((tile % this.state.widthTiles) * 8 * ZOOM + 1, Math.floor(tile / this.state.widthTiles) * 8 * ZOOM + 1, 8 * ZOOM - 2, 8 * ZOOM - 2);
    }
    this.where.textContent = `cursor ${hex(this.state.cursor + this.copierHeader)}`;
  }

  private async decompress(): Promise<void> {
    try {
      const e = await this.rpc.request('decompressAt', { romOffset: this.state.cursor });
      this.say(`HAL block at ${hex(e.fileOffset)}: ${e.consumed} bytes → ${e.size} bytes`);
      this.hooks.decompressed(e);
    } catch (err) {
      this.say(`Nothing decompresses at ${hex(this.state.cursor + this.copierHeader)}: ${(err as Error).message}`, true);
    }
  }

  focus(): void {
    this.canvas.focus();
  }
}
