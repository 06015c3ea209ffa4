/**
 * The detail view of one block: pixel-exact zoom (1x-16x, nearest neighbour), a tile grid, width
 * and bit-depth controls, the block's facts, rename / add to catalog, export and inject.
 */
import type { Bpp, GalleryEntry, PaletteOption, PixelImage } from '../protocol';
import { ce, choiceSelect, cssColor, el, formatBytes, hex, type TextControl } from './dom';
import { drawZoomed, paletteRgba, toBitmap } from './draw';
import type { Rpc } from './rpc';

export interface DetailState {
  zoom: number;
  grid: boolean;
  widthTiles: number | null;
  bpp: Bpp | null;
}

export class DetailView {
  readonly root: HTMLElement;
  private readonly canvas: HTMLCanvasElement;
  private readonly facts: HTMLElement;
  private readonly message: HTMLElement;
  private image: PixelImage | null = null;
  private bpp: Bpp;
  private widthTiles: number;

  constructor(
    private readonly rpc: Rpc,
    private entry: GalleryEntry,
    private palette: PaletteOption | undefined,
    private state: DetailState,
    private readonly hooks: { close(): void; saveState(p: Partial<DetailState>): void; renamed(e: GalleryEntry): void },
  ) {
    this.bpp = state.bpp ?? entry.bpp;
    this.widthTiles = state.widthTiles ?? entry.widthTiles;
    this.canvas = el('canvas', { id: 'detail-canvas', class: 'detail-canvas', role: 'img', 'aria-label': `${entry.name ?? 'Block'} at ${entry.snes ?? hex(entry.fileOffset)}` });
    // A native range input: @vscode-elements/elements has no slider (styled with --vscode-* colours).
    const zoom = el('input', { type: 'range', min: '1', max: '16', step: '1', value: String(state.zoom), id: 'detail-zoom', 'aria-label': 'Zoom' });
    const zoomLabel = el('output', { for: 'detail-zoom', id: 'detail-zoom-label' }, `${state.zoom}x`);
    zoom.addEventListener('input', () => {
      this.state.zoom = Number(zoom.value);
      zoomLabel.textContent = `${this.state.zoom}x`;
      this.hooks.saveState({ zoom: this.state.zoom });
      this.draw();
    });
    const grid = ce('vscode-checkbox', { id: 'detail-grid', 'aria-label': 'Tile grid', ...(state.grid ? { checked: '' } : {}) }, 'Tile grid') as HTMLElement & { checked: boolean };
    grid.addEventListener('change', () => {
      this.state.grid = grid.checked;
      this.hooks.saveState({ grid: grid.checked });
      this.draw();
    });
    const width = ce('vscode-textfield', { type: 'number', min: '1', max: '64', value: String(this.widthTiles), id: 'detail-width', class: 'field-narrow', 'aria-label': 'Width in tiles' }) as TextControl;
    width.addEventListener('change', () => {
      const w = Math.max(1, Math.min(64, Math.round(Number(width.value)) || 16));
      width.value = String(w);
      this.widthTiles = w;
      this.hooks.saveState({ widthTiles: w });
      void this.load();
    });
    const bpp = choiceSelect('detail-bpp', 'Bit depth', [['2', '2bpp'], ['4', '4bpp'], ['8', '8bpp']], String(this.bpp), (v) => {
      this.bpp = Number(v) as Bpp;
      this.hooks.saveState({ bpp: this.bpp });
      void this.load();
    });
    const name = ce('vscode-textfield', { id: 'detail-name', value: entry.name ?? '', placeholder: 'Name this sprite', 'aria-label': 'Sprite name' });
    const rename = ce('vscode-button', { id: 'detail-rename', secondary: '' }, entry.source === 'catalog' ? 'Rename' : 'Add to catalog');
    rename.addEventListener('click', () => void this.rename((name as HTMLInputElement).value));
    const exportBtn = ce('vscode-button', { id: 'detail-export' }, 'Export PNG…');
    exportBtn.addEventListener('click', () => void this.exportPng());
    const inject = ce('vscode-button', { id: 'detail-inject', secondary: '' }, 'Inject…');
    inject.addEventListener('click', () => void this.rpc.request('inject', { romOffset: this.entry.romOffset }).catch((e: Error) => this.say(e.message, true)));
    const close = ce('vscode-button', { id: 'detail-close', secondary: '', 'aria-label': 'Close detail view' }, 'Close');
    close.addEventListener('click', () => this.hooks.close());
    this.facts = el('table', { class: 'facts', id: 'detail-facts' });
    this.message = el('div', { class: 'detail-message', role: 'status', 'aria-live': 'polite' });
    const controls = el(
      'div',
      { class: 'toolbar', role: 'toolbar', 'aria-label': 'View controls' },
      el('label', { for: 'detail-zoom' }, 'Zoom'),
      zoom,
      zoomLabel,
      grid,
      el('label', { for: 'detail-width' }, 'Width'),
      width,
      el('label', { for: 'detail-bpp' }, 'Depth'),
      bpp,
    );
    const actions = el('div', { class: 'toolbar actions' }, name, rename, exportBtn, inject, close);
    this.root = el(
      'section',
      { class: 'detail', id: 'detail', role: 'dialog', 'aria-label': `Sprite detail: ${entry.name ?? hex(entry.fileOffset)}` },
      el('h2', {}, entry.name ?? `Block at ${entry.snes ?? hex(entry.fileOffset)}`),
      controls,
      el('div', { class: 'detail-body' }, el('div', { class: 'canvas-wrap' }, this.canvas), this.facts),
      actions,
      this.message,
    );
    this.root.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') this.hooks.close();
      if ((e.key === '+' || e.key === '=') && this.state.zoom < 16) {
        zoom.value = String(this.state.zoom + 1);
        zoom.dispatchEvent(new Event('input'));
      }
      if (e.key === '-' && this.state.zoom > 1) {
        zoom.value = String(this.state.zoom - 1);
        zoom.dispatchEvent(new Event('input'));
      }
    });
    this.renderFacts();
    void this.load();
  }

  setPalette(p: PaletteOption | undefined): void {
    this.palette = p;
    this.draw();
  }

  private say(text: string, error = false): void {
    this.message.textContent = text;
    this.message.classList.toggle('error-text', error);
  }

  private async load(): Promise<void> {
    try {
      const r = await this.rpc.request('block', { romOffset: this.entry.romOffset, kind: this.entry.kind, bpp: this.bpp, widthTiles: this.widthTiles, rawTiles: this.entry.kind === 'raw' ? this.entry.tiles : 0 });
      if ('error' in r) {
        this.image = null;
        this.say(r.error, true);
        return;
      }
      this.image = r;
      this.renderFacts();
      this.draw();
      this.root.dataset.ready = 'true';
    } catch (e) {
      this.say((e as Error).message, true);
    }
  }

  private draw(): void {
    if (!this.image) return;
    const color = cssColor('--vscode-editorRuler-foreground', 'rgba(128,128,128,0.6)');
    drawZoomed(this.canvas, toBitmap(this.image.pixels, this.image.width, this.image.height, paletteRgba(this.palette, this.bpp)), this.state.zoom, this.state.grid, color);
  }

  private renderFacts(): void {
    const e = this.entry;
    const img = this.image;
    const rows: [string, string][] = [
      ['SNES address', e.snes ?? '—'],
      ['File offset', hex(e.fileOffset)],
      ['ROM offset', hex(e.romOffset)],
      ['Kind', e.kind === 'hal' ? 'HAL-compressed' : 'Uncompressed tiles'],
      ['Compressed', e.kind === 'hal' ? `${formatBytes(img?.consumed ?? e.consumed)} (${(img?.consumed ?? e.consumed).toLocaleString('en-US')} bytes)` : '—'],
      ['Decompressed', `${formatBytes(img?.size ?? e.size)} (${(img?.size ?? e.size).toLocaleString('en-US')} bytes)`],
      ['Tiles', `${img?.tiles ?? e.tiles} at ${this.bpp}bpp`],
      ['Ratio', e.kind === 'hal' && (img?.consumed ?? e.consumed) > 0 ? `${((img?.size ?? e.size) / (img?.consumed ?? e.consumed)).toFixed(2)} : 1` : '—'],
      ['Source', e.source === 'catalog' ? 'catalog' : e.source === 'scan' ? `scan (score ${e.score?.toFixed(2)})` : 'decompressed by hand'],
    ];
    if (e.pointer) rows.push(['Pointer', `in a table at ${e.pointer}`]);
    if (e.confidence) rows.push(['Confidence', `${e.confidence}: ${e.reasons.join('; ')}`]);
    if (e.notes) rows.push(['Notes', e.notes]);
    this.facts.replaceChildren(...rows.map(([k, v]) => el('tr', {}, el('th', { scope: 'row' }, k), el('td', {}, v))));
  }

  private async rename(name: string): Promise<void> {
    if (!name.trim()) return this.say('Type a name first.', true);
    try {
      const e = await this.rpc.request('rename', { romOffset: this.entry.romOffset, name: name.trim() });
      this.entry = e;
      this.hooks.renamed(e);
      this.root.querySelector('h2')!.textContent = e.name ?? '';
      this.say(`Saved "${e.name}" in the workspace catalog.`);
    } catch (err) {
      this.say((err as Error).message, true);
    }
  }

  private async exportPng(): Promise<void> {
    try {
      const r = await this.rpc.request('exportPng', { romOffset: this.entry.romOffset, bpp: this.bpp, widthTiles: this.widthTiles, paletteId: this.palette?.id ?? 'grayscale' });
      if (r) this.say(`Exported ${r.files.map((f) => f.split('/').pop()).join(', ')}`);
    } catch (err) {
      this.say((err as Error).message, true);
    }
  }

  focus(): void {
    (this.root.querySelector('#detail-zoom') as HTMLElement | null)?.focus();
  }
}
