/**
 * The detail view of one block: pixel-exact zoom (1x-16x, nearest neighbour), a tile grid, width
 * and bit-depth controls, the block's facts, rename / add to catalog, export and inject, and an
 * edit mode (toggle or `E`) that draws on the pixels (editor/pixel-editor.ts).
 */
import { GRAYSCALE_ID, type Bpp, type GalleryEntry, type PaletteOption, type PixelImage } from '../protocol';
import { formatLocation } from '../../core/format';
import { ce, choiceSelect, cssColor, el, formatBytes, hex, type TextControl } from './dom';
import { drawZoomed, paletteRgba, toBitmap } from './draw';
import type { Rpc } from './rpc';
import { arrangeImage, isOrder, ORDER_CHOICES, type TileOrder } from './arrange-view';
import { PixelEditor } from './editor/pixel-editor';

export interface DetailState {
  zoom: number;
  grid: boolean;
  widthTiles: number | null;
  bpp: Bpp | null;
  /** 8x8 rows or 16x16 sprites (also what Export PNG writes). */
  order?: TileOrder;
}

export class DetailView {
  readonly root: HTMLElement;
  private readonly canvas: HTMLCanvasElement;
  private readonly facts: HTMLElement;
  private readonly message: HTMLElement;
  private image: PixelImage | null = null;
  private bpp: Bpp;
  private widthTiles: number;
  private readonly zoomInput: HTMLInputElement;
  private readonly editToggle: HTMLElement;
  private editor: PixelEditor | null = null;
  /** The ROM changed while a stroke was in flight: reload when it is done. */
  private reloadWhenIdle = false;

  constructor(
    private readonly rpc: Rpc,
    private entry: GalleryEntry,
    private palette: PaletteOption | undefined,
    private state: DetailState,
    private readonly hooks: {
      close(): void;
      saveState(p: Partial<DetailState>): void;
      renamed(e: GalleryEntry): void;
      /** Where a block that moved to `romOffset` is, in the ROM's other address forms (the ROM's mapping and copier header). */
      locate(romOffset: number): Pick<GalleryEntry, 'snes' | 'fileOffset'>;
    },
  ) {
    this.bpp = state.bpp ?? entry.bpp;
    this.widthTiles = state.widthTiles ?? entry.widthTiles;
    this.canvas = el('canvas', {
      id: 'detail-canvas',
      class: 'detail-canvas',
      role: 'img',
      'aria-label': `${entry.name ?? 'Block'} at ${formatLocation(entry.snes, entry.fileOffset)}`,
    });
    // A native range input: @vscode-elements/elements has no slider (styled with --vscode-* colours).
    const zoom = el('input', { type: 'range', min: '1', max: '16', step: '1', value: String(state.zoom), id: 'detail-zoom', 'aria-label': 'Zoom' });
    const zoomLabel = el('output', { for: 'detail-zoom', id: 'detail-zoom-label' }, `${state.zoom}x`);
    this.zoomInput = zoom;
    zoom.addEventListener('input', () => {
      this.state.zoom = Number(zoom.value);
      zoomLabel.textContent = `${this.state.zoom}x`;
      this.hooks.saveState({ zoom: this.state.zoom });
      this.draw();
    });
    const grid = ce('vscode-checkbox', { id: 'detail-grid', 'aria-label': 'Tile grid', ...(state.grid ? { checked: '' } : {}) }, 'Tile grid') as HTMLElement & {
      checked: boolean;
    };
    grid.addEventListener('change', () => {
      this.state.grid = grid.checked;
      this.hooks.saveState({ grid: grid.checked });
      this.draw();
    });
    const width = ce('vscode-textfield', {
      type: 'number',
      min: '1',
      max: '64',
      value: String(this.widthTiles),
      id: 'detail-width',
      class: 'field-narrow',
      'aria-label': 'Width in tiles',
    }) as TextControl;
    width.addEventListener('change', () => {
      const w = Math.max(1, Math.min(64, Math.round(Number(width.value)) || 16));
      width.value = String(w);
      this.widthTiles = w;
      this.hooks.saveState({ widthTiles: w });
      void this.load();
    });
    const bpp = choiceSelect(
      'detail-bpp',
      'Bit depth',
      [
        ['2', '2bpp'],
        ['4', '4bpp'],
        ['8', '8bpp'],
      ],
      String(this.bpp),
      (v) => {
        this.bpp = Number(v) as Bpp;
        this.hooks.saveState({ bpp: this.bpp });
        void this.load();
      },
    );
    const order = choiceSelect('detail-order', 'Arrangement', ORDER_CHOICES, state.order ?? 'linear', (v) => {
      if (!isOrder(v)) return;
      this.state.order = v;
      this.hooks.saveState({ order: v });
      this.draw();
    });
    const name = ce('vscode-textfield', { id: 'detail-name', value: entry.name ?? '', placeholder: 'Name this sprite', 'aria-label': 'Sprite name' });
    const rename = ce('vscode-button', { id: 'detail-rename', secondary: '' }, entry.source === 'catalog' ? 'Rename' : 'Add to catalog');
    rename.addEventListener('click', () => void this.rename((name as HTMLInputElement).value));
    const exportBtn = ce('vscode-button', { id: 'detail-export' }, 'Export PNG…');
    exportBtn.addEventListener('click', () => void this.exportPng());
    const inject = ce('vscode-button', { id: 'detail-inject', secondary: '' }, 'Inject…');
    inject.addEventListener('click', () => void this.inject());
    this.editToggle = ce('vscode-button', { id: 'detail-edit', secondary: '', 'aria-pressed': 'false', title: 'Draw on this sprite (E)' }, 'Edit');
    this.editToggle.addEventListener('click', () => this.toggleEdit());
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
      order,
      this.editToggle,
    );
    const actions = el('div', { class: 'toolbar actions' }, name, rename, exportBtn, inject, close);
    this.root = el(
      'section',
      { class: 'detail', id: 'detail', role: 'dialog', 'aria-label': `Sprite detail: ${entry.name ?? hex(entry.fileOffset)}` },
      el('h2', {}, entry.name ?? `Block at ${formatLocation(entry.snes, entry.fileOffset)}`),
      controls,
      el('div', { class: 'detail-body' }, el('div', { class: 'canvas-wrap' }, this.canvas), this.facts),
      actions,
      this.message,
    );
    this.root.addEventListener('keydown', (e) => this.onKey(e));
    this.renderFacts();
    void this.load();
  }

  /** The ROM offset of the block shown. */
  get romOffset(): number {
    return this.entry.romOffset;
  }

  /**
   * The gallery's entry for the block shown, after a change (a move, a rescan, a rename): the
   * facts follow it. The chosen width and depth stay.
   */
  setEntry(e: GalleryEntry): void {
    const moved = e.romOffset !== this.entry.romOffset;
    this.entry = e;
    this.canvas.setAttribute('aria-label', `${e.name ?? 'Block'} at ${formatLocation(e.snes, e.fileOffset)}`);
    this.renderFacts();
    if (moved) void this.refresh(); // its pixels are where it is now
  }

  setPalette(p: PaletteOption | undefined): void {
    this.palette = p;
    this.editor?.setPalette(p, this.bpp);
    this.draw();
  }

  private onKey(e: KeyboardEvent): void {
    // Keys typed into a text or number field are the field's (the zoom slider is not one).
    const t = e.target as HTMLElement | null;
    if ((t instanceof HTMLInputElement && t.type !== 'range') || t?.tagName.startsWith('VSCODE-TEXT')) return;
    if (this.editor?.handleKey(e)) {
      e.preventDefault();
      return;
    }
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === 'Escape') {
      if (this.editor) this.toggleEdit();
      else this.hooks.close();
    } else if (e.key === 'e' || e.key === 'E') this.toggleEdit();
    else if (e.key === '+' || e.key === '=' || e.key === ']') this.setZoom(this.state.zoom + 1);
    else if (e.key === '-' || e.key === '[') this.setZoom(this.state.zoom - 1);
  }

  private setZoom(z: number): void {
    if (z < 1 || z > 16) return;
    this.zoomInput.value = String(z);
    this.zoomInput.dispatchEvent(new Event('input'));
  }

  /** Edit mode on or off: the drawing tools, the palette strip and a surface over the canvas. */
  private toggleEdit(): void {
    const wrap = this.canvas.parentElement!;
    if (this.editor) {
      this.editor.toolbar.remove();
      this.editor.overlay.remove();
      this.editor = null;
      wrap.classList.remove('editing');
      this.editToggle.setAttribute('aria-pressed', 'false');
      this.editToggle.toggleAttribute('secondary', true);
      delete this.root.dataset.editing;
      this.draw(); // back to the chosen arrangement
      if (this.reloadWhenIdle) void this.refresh();
      return;
    }
    const editor = new PixelEditor(this.rpc, {
      image: () => this.image,
      format: () => ({
        romOffset: this.entry.romOffset,
        kind: this.entry.kind,
        bpp: this.bpp,
        rawTiles: this.entry.kind === 'raw' ? this.entry.tiles : 0,
        widthTiles: Math.max(1, (this.image?.width ?? 8) / 8),
      }),
      zoom: () => this.state.zoom,
      redraw: () => this.draw(),
      say: (text, error) => this.say(text, error),
      moved: (romOffset) => {
        // Every address of the block follows it (the gallery's entry for it comes later).
        this.entry = { ...this.entry, romOffset, ...this.hooks.locate(romOffset) };
        this.renderFacts();
        void this.load();
      },
      idle: () => {
        if (this.reloadWhenIdle) void this.refresh();
      },
    });
    editor.setPalette(this.palette, this.bpp);
    this.editor = editor;
    wrap.classList.add('editing');
    wrap.append(editor.overlay);
    this.root.querySelector('.detail-body')!.before(editor.toolbar);
    this.editToggle.setAttribute('aria-pressed', 'true');
    this.editToggle.toggleAttribute('secondary', false);
    this.root.dataset.editing = 'true';
    this.draw(); // in the stored tile order while editing (see draw())
    editor.overlay.focus();
  }

  /** The ROM's bytes changed (a stroke, undo, redo, revert): decode the block again. */
  async refresh(): Promise<void> {
    if (this.editor?.busy) {
      this.reloadWhenIdle = true;
      return;
    }
    this.reloadWhenIdle = false;
    await this.load();
  }

  private say(text: string, error = false): void {
    this.message.textContent = text;
    this.message.classList.toggle('error-text', error);
  }

  private async load(): Promise<void> {
    try {
      const r = await this.rpc.request('block', {
        romOffset: this.entry.romOffset,
        kind: this.entry.kind,
        bpp: this.bpp,
        widthTiles: this.widthTiles,
        rawTiles: this.entry.kind === 'raw' ? this.entry.tiles : 0,
      });
      if ('error' in r) {
        this.image = null;
        this.say(r.error, true);
        return;
      }
      this.image = r;
      this.renderFacts();
      this.draw();
      this.editor?.setPalette(this.palette, this.bpp);
      this.root.dataset.ready = 'true';
      this.root.dataset.loads = String(Number(this.root.dataset.loads ?? 0) + 1);
    } catch (e) {
      this.say((e as Error).message, true);
    }
  }

  private draw(): void {
    if (!this.image) return;
    const color = cssColor('--vscode-editorRuler-foreground', 'rgba(128,128,128,0.6)');
    // The pixel editor works in the block's own tile order: while editing, the sprite is shown as
    // stored (8x8 rows), so a canvas pixel is the pixel the stroke changes.
    const order = this.editor ? 'linear' : (this.state.order ?? 'linear');
    const shown = arrangeImage(this.image, order);
    drawZoomed(this.canvas, toBitmap(shown.pixels, shown.width, shown.height, paletteRgba(this.palette, this.bpp)), this.state.zoom, this.state.grid, color);
    this.canvas.dataset.order = order;
    this.editor?.drawOverlay();
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

  /** Inject...: the host asks the questions; a refusal is shown here whole (a notification cuts long ones short). */
  private async inject(): Promise<void> {
    this.say('');
    try {
      const r = await this.rpc.request('inject', { romOffset: this.entry.romOffset });
      if (r.refused) this.say(`Not injected: ${r.refused}`, true);
      else if (r.applied) this.say('Injected (an undoable edit).');
    } catch (err) {
      this.say(`Not injected: ${(err as Error).message}`, true);
    }
  }

  private async exportPng(): Promise<void> {
    try {
      const r = await this.rpc.request('exportPng', {
        romOffset: this.entry.romOffset,
        bpp: this.bpp,
        widthTiles: this.widthTiles,
        paletteId: this.palette?.id ?? GRAYSCALE_ID,
        order: this.state.order ?? 'linear',
      });
      if (r) this.say(`Exported ${r.files.map((f) => f.split('/').pop()).join(', ')}`);
    } catch (err) {
      this.say((err as Error).message, true);
    }
  }

  focus(): void {
    (this.root.querySelector('#detail-zoom') as HTMLElement | null)?.focus();
  }
}
