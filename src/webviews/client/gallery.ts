/**
 * The sprite gallery: a virtualized grid (only visible cells exist and only visible thumbnails
 * are requested, so 1,000 blocks scroll smoothly), filters, sort, search, a palette picker and
 * keyboard navigation. Thumbnails arrive as indexed pixels and are coloured here.
 */
import { parseAddress } from '../../core/rom/address';
import { formatLocation } from '../../core/format';
import { COPIER_HEADER_SIZE } from '../../core/rom/copier-header';
import { formatPaletteId } from '../../core/gallery/palette-id';
import { planThumbRefresh } from '../../core/gallery/refresh';
import type { BlockMove as GalleryMove } from '../../core/edit/edit-model';
import { movedOffset } from '../../core/catalog/moves';
import { GRAYSCALE_ID, RAMP_ID, THUMB_MAX_TILES, type GalleryEntry, type PaletteOption, type RomView, type ScanStatus, type ThumbItem } from '../protocol';
import { ce, choiceSelect, el, formatBytes, hex, setChoices, type SelectControl } from './dom';
import { drawFit, paletteRgba, toBitmap } from './draw';
import { paletteLoadMenu, withPalette } from './palette-loader';
import { swatchSpans } from './palette-picker';
import type { Rpc } from './rpc';

/** Cells are at least this wide; the columns that fit share the pane's whole width. */
const MIN_CELL_W = 152;
/** The thumbnail grows with the cell, within these sides. */
const MIN_CANVAS = 128;
const MAX_CANVAS = 224;
/** Below the thumbnail: the name and three lines of facts. */
const TEXT_H = 76;
const BATCH = 24;
/** How long thumbnails the host said it would push are not asked for (then they are). */
const PUSH_WAIT_MS = 3000;
/** The palette choice that colours each sprite with its own catalog palette. */
export const AUTO = formatPaletteId({ kind: 'auto' });
const AUTO_LABEL = 'Auto (catalog palette)';

export type SortKey = 'offset' | 'size' | 'score' | 'tiles' | 'name';
export type KindFilter = 'all' | 'named' | 'hal' | 'raw';

export interface GalleryState {
  sort: SortKey;
  kind: KindFilter;
  search: string;
  /** Also show the scan's weak hits (off by default; the host remembers the choice per workspace). */
  showWeak?: boolean;
  paletteId: string;
  selected: number | null;
  scrollTop: number;
}

export interface GalleryCallbacks {
  open(entry: GalleryEntry): void;
  saveState(patch: Partial<GalleryState>): void;
  error(message: string): void;
  /** The first thumbnails were drawn (count, ms since the webview started). */
  firstPaint(count: number): void;
  /** A start-up mark (diagnosis: the body's data-marks). */
  mark?(name: string): void;
}

/** A cell in view: its element, its canvas, what its text shows and what its canvas shows. */
interface Slot {
  cell: HTMLElement;
  canvas: HTMLCanvasElement;
  /** The entry's facts the cell's text was made from (a change rebuilds the text, not the canvas). */
  facts: string;
  /** The thumbnail serial and palette the canvas was drawn with, or null (never drawn). */
  drawn: string | null;
}

/** "1 block", "2 blocks". */
const blocks = (n: number) => `${n} block${n === 1 ? '' : 's'}`;

/** The facts of an entry a cell shows: equal facts, equal text. */
function cellFacts(e: GalleryEntry): string {
  return JSON.stringify([e.name, e.source, e.kind, e.bpp, e.tiles, e.consumed, e.size, e.snes, e.fileOffset, e.pointer, e.score]);
}

export class Gallery {
  readonly root: HTMLElement;
  private entries: GalleryEntry[] = [];
  private visible: GalleryEntry[] = [];
  palettes: PaletteOption[] = [];
  /** Thumbnails on hand, each with a serial number: a canvas shows one serial in one palette. */
  private readonly thumbs = new Map<number, { item: ThumbItem; serial: number }>();
  private serial = 0;
  /** Canvas draws since the start (tests count them: an edit redraws only what it changed). */
  private renders = 0;
  private readonly pending = new Set<number>();
  /** Thumbnails the host is pushing (boot): not asked for while they are on their way. */
  private readonly pushed = new Set<number>();
  private readonly cells = new Map<number, Slot>();
  private readonly scroller: HTMLElement;
  private readonly spacer: HTMLElement;
  private readonly status: HTMLElement;
  private readonly progress: HTMLElement;
  private readonly count: HTMLElement;
  private readonly paletteSelect: SelectControl;
  private readonly weakSelect: SelectControl;
  private readonly scanButton: HTMLElement;
  private columns = 1;
  private cellW = MIN_CELL_W;
  private cellH = MIN_CANVAS + TEXT_H;
  private canvasSide = MIN_CANVAS;
  private readonly swatches: HTMLElement;
  private rom: RomView | null = null;
  private frame = 0;
  private painted = false;
  /** Whether the grid has had its first layout with cells (a start-up mark). */
  private laidOut = false;
  private scan: ScanStatus = { state: 'idle', done: 0, total: 0, found: 0, cached: false };

  constructor(
    private readonly rpc: Rpc,
    private state: GalleryState,
    private readonly cb: GalleryCallbacks,
  ) {
    const search = ce('vscode-textfield', {
      id: 'gallery-search',
      placeholder: 'Name, or an address in a block ($C0:8000, 0x1F400)',
      'aria-label': 'Search by name, or by an address inside a block',
      value: state.search,
    });
    search.addEventListener('input', () => this.update({ search: (search as HTMLInputElement).value }));
    const sort = choiceSelect(
      'gallery-sort',
      'Sort by',
      [
        ['offset', 'Offset'],
        ['size', 'Size'],
        ['score', 'Score'],
        ['tiles', 'Tiles'],
        ['name', 'Name'],
      ],
      state.sort,
      (v) => this.update({ sort: v as SortKey }),
    );
    const kind = choiceSelect(
      'gallery-kind',
      'Show',
      [
        ['all', 'All blocks'],
        ['named', 'Named only'],
        ['hal', 'Compressed'],
        ['raw', 'Uncompressed'],
      ],
      state.kind,
      (v) => this.update({ kind: v as KindFilter }),
    );
    const weak = (this.weakSelect = choiceSelect(
      'gallery-confidence',
      'Confidence',
      [
        ['sure', 'Sure hits'],
        ['weak', 'Also weak hits'],
      ],
      state.showWeak ? 'weak' : 'sure',
      (v) => {
        this.update({ showWeak: v === 'weak' });
        // Remembered for the workspace: the next ROM opened here shows the same hits.
        void this.rpc.request('setShowWeak', { showWeak: v === 'weak' }).catch(() => undefined);
      },
    ));
    this.paletteSelect = choiceSelect('gallery-palette', 'Palette', [[AUTO, AUTO_LABEL]], AUTO, (v) => this.choosePalette(v));
    // A loaded palette is chosen here; errors in what was typed are shown in the form above the grid.
    const load = paletteLoadMenu(
      rpc,
      'gallery-load-palette',
      { show: (form) => this.root.insertBefore(form, this.scroller), errorsInForm: true },
      {
        loaded: (p) => {
          this.setPalettes(withPalette(this.palettes, p), p.id);
          this.choosePalette(p.id);
        },
        error: (m) => this.cb.error(m),
      },
    );
    this.count = el('span', { class: 'count', id: 'gallery-count', 'aria-live': 'polite' });
    // One line for the counts and the scan: the count element holds both (status is its scan part).
    this.status = el('span', { class: 'scan-status', id: 'scan-status' });
    this.swatches = el('span', { class: 'swatches', id: 'gallery-swatches', role: 'img' });
    this.progress = ce('vscode-progress-bar', { class: 'scan-progress', 'aria-label': 'Scan progress' });
    this.scanButton = ce('vscode-button', { id: 'scan-button', secondary: '' }, 'Cancel scan');
    this.scanButton.addEventListener('click', () => void this.toggleScan());
    const toolbar = el(
      'div',
      { class: 'toolbar', role: 'toolbar', 'aria-label': 'Gallery filters' },
      search,
      sort,
      kind,
      weak,
      this.paletteSelect,
      this.swatches,
      load,
    );
    const statusRow = el('div', { class: 'status-row' }, this.count, this.scanButton, this.progress);
    this.spacer = el('div', { class: 'spacer' });
    this.scroller = el('div', { class: 'grid-scroller', id: 'gallery-grid', tabindex: '0', role: 'listbox', 'aria-label': 'Sprites' }, this.spacer);
    this.scroller.addEventListener('scroll', () => this.schedule());
    this.scroller.addEventListener('keydown', (e) => this.onKey(e));
    new ResizeObserver(() => this.schedule()).observe(this.scroller);
    this.root = el('section', { class: 'gallery', 'aria-label': 'Sprite gallery' }, toolbar, statusRow, this.scroller);
  }

  /** The workspace's confidence filter (the host remembers it): shown and applied, not sent back. */
  setShowWeak(showWeak: boolean): void {
    this.weakSelect.value = showWeak ? 'weak' : 'sure';
    if (showWeak !== (this.state.showWeak ?? false)) this.update({ showWeak });
  }

  /**
   * New entries (a scan, an edit, a rename; `moves`: the blocks the change moved). Thumbnails
   * whose stamp is unchanged stay on screen untouched; a moved block's thumbnail and cell follow
   * it, and a block moved with new bytes (a relocating injection) takes its cell and canvas along
   * to be drawn again there; only the others are asked for again (core/gallery/refresh.ts). A
   * changed palette recolours only the cells drawn in it.
   */
  setData(entries: GalleryEntry[], palettes: PaletteOption[], moves: GalleryMove[] = []): void {
    const held = new Map([...this.thumbs].map(([off, t]) => [off, 'error' in t.item ? null : t.item.stamp]));
    const plan = planThumbRefresh(held, entries, moves);
    for (const off of plan.dropped) this.thumbs.delete(off);
    const moving = plan.moved.map(([from, to]) => [to, this.thumbs.get(from), this.cells.get(from)] as const);
    const carrying = plan.carried.map(([from, to]) => [to, undefined, this.cells.get(from)] as const);
    for (const [from] of [...plan.moved, ...plan.carried]) {
      this.thumbs.delete(from);
      this.cells.delete(from);
    }
    for (const [to, thumb, slot] of moving) {
      this.thumbs.set(to, { item: { ...thumb!.item, romOffset: to }, serial: thumb!.serial });
      // The cell keeps its canvas; its text (the offsets) is made again where it is laid out.
      if (slot && !this.cells.has(to)) this.cells.set(to, { ...slot, facts: '' });
      else slot?.cell.remove();
    }
    for (const [to, , slot] of carrying) {
      // The block's own canvas goes along (any other cell there goes): it shows the old pixels
      // until it is drawn with the thumbnail at `to` (on hand, or asked for).
      if (!slot) continue;
      this.cells.get(to)?.cell.remove();
      this.cells.set(to, { ...slot, facts: '' });
    }
    this.entries = entries;
    // The selection follows a moved block (and with it the palette strip of Auto's choice).
    const selected = this.state.selected === null ? null : movedOffset(this.state.selected, moves);
    if (selected !== this.state.selected) {
      this.state.selected = selected;
      this.cb.saveState({ selected });
    }
    this.setPalettes(palettes);
    this.refilter();
  }

  /** The palette choices; `chosen` (default: the current choice) stays chosen when it is among them. */
  setPalettes(palettes: PaletteOption[], chosen = this.state.paletteId || AUTO): void {
    this.palettes = palettes;
    const value = chosen === AUTO || palettes.some((p) => p.id === chosen) ? chosen : AUTO;
    setChoices(this.paletteSelect, [[AUTO, AUTO_LABEL], ...palettes.map((p): [string, string] => [p.id, p.label])], value);
    this.state.paletteId = value;
    this.paintSwatches();
  }

  /** The chosen palette's colours beside the picker (Auto: the selected block's palette). */
  private paintSwatches(): void {
    const p = this.paletteOf(this.state.selected === null ? undefined : this.entry(this.state.selected));
    this.swatches.setAttribute('aria-label', p ? `Colours of ${p.label}` : 'No palette');
    this.swatches.title = p?.label ?? '';
    this.swatches.replaceChildren(...swatchSpans(p?.colors ?? []));
  }

  /** The ROM's mapping and size: the search reads addresses with them. */
  setRom(v: RomView): void {
    this.rom = v;
  }

  setScan(s: ScanStatus): void {
    this.scan = s;
    const pct = s.total ? Math.round((s.done / s.total) * 100) : 0;
    const text: Record<ScanStatus['state'], string> = {
      idle: 'Scan not started',
      running: `Scanning… ${pct} %`,
      done: s.cached ? `Scan complete (from cache): ${blocks(s.found)}` : `Scan complete: ${blocks(s.found)}`,
      cancelled: `Scan cancelled at ${pct} % (${blocks(s.found)} so far)`,
      failed: `Scan failed: ${s.message ?? ''}`,
    };
    this.status.textContent = text[s.state];
    this.root.dataset.scan = s.state;
    this.renderCount();
    this.progress.toggleAttribute('hidden', s.state !== 'running');
    this.progress.setAttribute('value', String(pct / 100));
    this.scanButton.textContent = s.state === 'running' ? 'Cancel scan' : s.state === 'done' ? 'Rescan' : 'Resume scan';
    this.scanButton.toggleAttribute('hidden', s.state === 'done' && s.cached);
  }

  private async toggleScan(): Promise<void> {
    try {
      this.setScan(await this.rpc.request('scan', { action: this.scan.state === 'running' ? 'cancel' : 'start' }));
    } catch (e) {
      this.cb.error((e as Error).message);
    }
  }

  /**
   * The chosen palette; with Auto, the entry's catalog palette, or the readable ramp when it has
   * none (grayscale draws a 4bpp sprite's low indices near black). A 2bpp block takes every fifth
   * colour of the ramp, so its three colours span it.
   */
  paletteOf(e: GalleryEntry | undefined): PaletteOption | undefined {
    const id = this.state.paletteId === AUTO || !this.state.paletteId ? (e?.paletteId ?? RAMP_ID) : this.state.paletteId;
    const p = this.palettes.find((x) => x.id === id) ?? this.palettes.find((x) => x.id === GRAYSCALE_ID);
    if (p?.id === RAMP_ID && e?.bpp === 2) return { ...p, colors: [0, 5, 10, 15].map((i) => p.colors[i] ?? 0) };
    return p;
  }

  private choosePalette(id: string): void {
    this.update({ paletteId: id });
    this.paintSwatches();
    this.redrawAll();
  }

  private update(patch: Partial<GalleryState>): void {
    this.state = { ...this.state, ...patch };
    this.cb.saveState(patch);
    if ('search' in patch || 'sort' in patch || 'kind' in patch || 'showWeak' in patch) this.refilter();
  }

  /** The headerless offset a search names, when it reads as an address of this ROM (the core's parser). */
  private searchedOffset(q: string): number | null {
    if (!this.rom || !/^(\$?[0-9a-f]{1,2}:?[0-9a-f]{4}|0x[0-9a-f]+|[0-9]+)$/i.test(q)) return null;
    try {
      return parseAddress(q, { mapping: this.rom.mapping, romSize: this.rom.romSize, copierHeaderSize: this.rom.copierHeader ? COPIER_HEADER_SIZE : 0 })
        .romOffset;
    } catch {
      return null;
    }
  }

  private refilter(): void {
    const q = this.state.search.trim().toLowerCase();
    // An address finds the blocks holding that byte (start to end of their bytes in the ROM), not hex substrings.
    const at = this.searchedOffset(q);
    const holds = (e: GalleryEntry) => at !== null && at >= e.romOffset && at < e.romOffset + Math.max(1, e.kind === 'raw' ? e.size : e.consumed || e.size);
    let list = this.entries.filter((e) => {
      // Weak scan hits (evidence against them) only when asked; named and catalog entries always.
      if (e.confidence === 'weak' && e.source === 'scan' && !this.state.showWeak) return false;
      if (this.state.kind === 'named' && !e.name) return false;
      if ((this.state.kind === 'hal' || this.state.kind === 'raw') && e.kind !== this.state.kind) return false;
      if (!q) return true;
      return Boolean(e.name?.toLowerCase().includes(q)) || holds(e);
    });
    const by: Record<SortKey, (a: GalleryEntry, b: GalleryEntry) => number> = {
      offset: (a, b) => a.romOffset - b.romOffset,
      size: (a, b) => b.size - a.size || a.romOffset - b.romOffset,
      score: (a, b) => (b.score ?? 2) - (a.score ?? 2) || a.romOffset - b.romOffset,
      tiles: (a, b) => b.tiles - a.tiles || a.romOffset - b.romOffset,
      name: (a, b) => (a.name ?? '\uffff').localeCompare(b.name ?? '\uffff') || a.romOffset - b.romOffset,
    };
    list = list.sort(by[this.state.sort]);
    this.visible = list;
    this.renderCount();
    // Cells stay (layout moves them, rebuilds a changed one's text and removes those out of view).
    this.schedule();
  }

  /** The one count line: what is shown, what the ROM has, and where the scan is. */
  private renderCount(): void {
    // Weak hits hidden by the confidence filter are not counted as blocks (they are only named).
    const weakHidden = this.state.showWeak ? 0 : this.entries.filter((e) => e.confidence === 'weak' && e.source === 'scan').length;
    const total = this.entries.length - weakHidden;
    const shown = this.visible.length;
    const catalogOnly = this.entries.filter((e) => e.source !== 'scan' && e.score === null).length;
    const what = shown === total ? blocks(total) : `${shown} of ${blocks(total)}`;
    const origin = catalogOnly > 0 && this.scan.state === 'done' ? ` (${total - catalogOnly} found by the scan, ${catalogOnly} from the catalog only)` : '';
    const weak = weakHidden > 0 ? ` · ${weakHidden} weak hit${weakHidden === 1 ? '' : 's'} hidden` : '';
    const scan: Record<ScanStatus['state'], string> = {
      idle: '',
      running: ` · scanning ${this.scan.total ? Math.round((this.scan.done / this.scan.total) * 100) : 0} %`,
      done: this.scan.cached ? ' · scanned (from cache)' : ' · scan complete',
      cancelled: ' · scan cancelled',
      failed: ` · scan failed: ${this.scan.message ?? ''}`,
    };
    this.count.textContent = `${what}${origin}${weak}${scan[this.scan.state]}`;
    this.count.title = this.status.textContent ?? '';
  }

  private schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.layout();
    });
  }

  /** Creates the cells in view (plus a row above and below), removes the rest, asks for thumbnails. */
  private layout(): void {
    const width = this.scroller.clientWidth || MIN_CELL_W;
    this.columns = Math.max(1, Math.floor(width / MIN_CELL_W));
    // The columns share the whole width (no empty band at the right); the thumbnail grows with them.
    const cellW = Math.floor(width / this.columns);
    if (cellW !== this.cellW) {
      this.cellW = cellW;
      this.canvasSide = Math.max(MIN_CANVAS, Math.min(MAX_CANVAS, cellW - 24));
      this.cellH = this.canvasSide + TEXT_H;
      for (const { cell } of this.cells.values()) cell.remove();
      this.cells.clear();
    }
    const CELL_W = this.cellW;
    const CELL_H = this.cellH;
    const rows = Math.ceil(this.visible.length / this.columns);
    this.spacer.style.height = `${rows * CELL_H}px`;
    this.root.dataset.columns = String(this.columns);
    this.root.dataset.cellWidth = String(CELL_W);
    const first = Math.max(0, Math.floor(this.scroller.scrollTop / CELL_H) - 1);
    const last = Math.min(rows, Math.ceil((this.scroller.scrollTop + this.scroller.clientHeight) / CELL_H) + 1);
    const want = new Set<number>();
    const missing: number[] = [];
    for (let r = first; r < last; r++) {
      for (let c = 0; c < this.columns; c++) {
        const i = r * this.columns + c;
        const e = this.visible[i];
        if (!e) break;
        want.add(e.romOffset);
        let slot = this.cells.get(e.romOffset);
        if (!slot || slot.facts !== cellFacts(e)) {
          const made = this.makeCell(e, slot?.canvas);
          if (slot) slot.cell.replaceWith(made.cell);
          else this.spacer.append(made.cell);
          slot = { ...made, drawn: slot?.drawn ?? null };
          this.cells.set(e.romOffset, slot);
        }
        slot.cell.setAttribute('aria-posinset', String(i + 1));
        slot.cell.setAttribute('aria-setsize', String(this.visible.length));
        this.paint(e, slot);
        slot.cell.style.transform = `translate(${c * CELL_W}px, ${r * CELL_H}px)`;
        if (!this.thumbs.has(e.romOffset) && !this.pending.has(e.romOffset) && !this.pushed.has(e.romOffset)) missing.push(e.romOffset);
      }
    }
    for (const [off, slot] of this.cells) {
      if (!want.has(off)) {
        slot.cell.remove();
        this.cells.delete(off);
      }
    }
    this.markSelected();
    if (!this.laidOut && this.cells.size > 0) {
      this.laidOut = true;
      this.cb.mark?.('layout');
    }
    this.checkFirstPaint();
    if (missing.length) void this.fetch(missing);
    this.cb.saveState({ scrollTop: this.scroller.scrollTop });
  }

  /** A cell for an entry; with `kept`, around that canvas (left as it is drawn). */
  private makeCell(e: GalleryEntry, kept?: HTMLCanvasElement): Omit<Slot, 'drawn'> {
    const side = this.canvasSide;
    const canvas = kept ?? el('canvas', { width: String(side), height: String(side), class: 'thumb', 'aria-hidden': 'true' });
    canvas.style.width = canvas.style.height = `${side}px`;
    const title = e.name ?? (e.kind === 'raw' ? 'Uncompressed tiles' : 'Compressed block');
    const where = e.snes ? `${e.snes} · ${hex(e.fileOffset)}` : hex(e.fileOffset);
    const sizes = e.kind === 'hal' ? (e.consumed ? `${formatBytes(e.consumed)} → ${formatBytes(e.size)}` : '…') : formatBytes(e.size);
    const facts = `${e.bpp}bpp · ${e.tiles} tiles`;
    const cell = el(
      'div',
      {
        class: `cell ${e.source}`,
        role: 'option',
        id: `cell-${e.romOffset}`,
        'data-offset': String(e.romOffset),
        'aria-label': `${title}, ${facts}, ${where}`,
      },
      canvas,
      el('div', { class: 'name' }, title),
      // The depth first, in its own element: it is never the part an ellipsis cuts.
      el('div', { class: 'facts' }, el('span', { class: 'bpp' }, `${e.bpp}bpp`), ` · ${e.tiles} tiles`),
      el('div', { class: 'facts where' }, formatLocation(e.snes, e.fileOffset)),
      el('div', { class: 'facts dim sizes' }, sizes),
    );
    cell.style.width = `${this.cellW - 8}px`;
    cell.style.height = `${this.cellH - 8}px`;
    // The whole name and every fact, whatever the cell's width cuts off.
    cell.title = [
      title,
      `${facts} · ${e.kind === 'hal' ? 'HAL-compressed' : 'uncompressed'}`,
      where,
      sizes,
      e.pointer ? `pointer in a table at ${e.pointer}` : '',
      e.score !== null ? `scan score ${e.score.toFixed(2)}` : '',
    ]
      .filter(Boolean)
      .join('\n');
    cell.addEventListener('click', () => {
      this.selectEntry(e.romOffset);
      this.scroller.focus();
    });
    cell.addEventListener('dblclick', () => this.cb.open(e));
    return { cell, canvas, facts: cellFacts(e) };
  }

  /**
   * Draws a cell's thumbnail unless its canvas already shows this thumbnail in this palette
   * (then nothing is drawn: kept thumbnails are not re-rendered). Without a thumbnail the canvas
   * keeps what it shows until the new one comes.
   */
  private paint(e: GalleryEntry, slot: Slot): void {
    const { cell, canvas } = slot;
    const t = this.thumbs.get(e.romOffset);
    if (!t) {
      cell.dataset.state = 'loading';
      return;
    }
    const item = t.item;
    if ('error' in item) {
      cell.dataset.state = 'error';
      if (!cell.title.endsWith(item.error)) cell.title = `${cell.title}\n${item.error}`;
      if (slot.drawn !== null) canvas.getContext('2d')!.clearRect(0, 0, canvas.width, canvas.height);
      slot.drawn = null;
      return;
    }
    if (e.kind === 'hal' && !e.consumed) {
      // A catalog entry the scan did not report: its sizes come with the decoded thumbnail.
      const sizes = cell.querySelector('.sizes');
      if (sizes) sizes.textContent = `${formatBytes(item.consumed)} → ${formatBytes(item.size)}`;
      if (sizes) cell.title = cell.title.replace('…', sizes.textContent ?? '');
    }
    const palette = this.paletteOf(e);
    const key = `${t.serial}|${e.bpp}|${palette?.id ?? ''}|${palette?.colors.join(',') ?? ''}`;
    cell.dataset.state = 'ready';
    if (slot.drawn === key) return;
    drawFit(canvas, toBitmap(item.pixels, item.width, item.height, paletteRgba(palette, e.bpp)));
    slot.drawn = key;
    this.renders++;
    canvas.dataset.renders = String(Number(canvas.dataset.renders ?? 0) + 1);
    this.root.dataset.renders = String(this.renders);
  }

  /** Draws the cells in view again where their thumbnail or palette changed. */
  private redrawAll(): void {
    for (const [off, slot] of this.cells) {
      const e = this.visible.find((v) => v.romOffset === off);
      if (e) this.paint(e, slot);
    }
  }

  /** Requests thumbnails in batches, all in flight at once (the host renders them in parallel). */
  private async fetch(offsets: number[]): Promise<void> {
    const batches: number[][] = [];
    for (let i = 0; i < offsets.length; i += BATCH) batches.push(offsets.slice(i, i + BATCH));
    await Promise.all(batches.map((batch) => this.fetchBatch(batch)));
  }

  private async fetchBatch(batch: number[]): Promise<void> {
    for (const o of batch) this.pending.add(o);
    try {
      this.acceptThumbnails(await this.rpc.request('thumbnails', { offsets: batch, maxTiles: THUMB_MAX_TILES }));
    } catch (err) {
      this.cb.error(`thumbnails: ${(err as Error).message}`);
    } finally {
      for (const o of batch) this.pending.delete(o);
    }
  }

  /** The host will push these thumbnails (boot): do not ask for them unless they fail to come. */
  expectThumbnails(offsets: number[]): void {
    const waiting = offsets.filter((o) => !this.thumbs.has(o));
    for (const o of waiting) this.pushed.add(o);
    setTimeout(() => {
      for (const o of waiting) this.pushed.delete(o);
      this.schedule();
    }, PUSH_WAIT_MS);
  }

  /** Thumbnails from the host (asked for or pushed): kept, and drawn where their cell is in view. */
  acceptThumbnails(items: ThumbItem[]): void {
    const byOffset = new Map(this.visible.map((e) => [e.romOffset, e]));
    for (const item of items) {
      this.thumbs.set(item.romOffset, { item, serial: ++this.serial });
      this.pushed.delete(item.romOffset);
      const slot = this.cells.get(item.romOffset);
      const e = byOffset.get(item.romOffset);
      if (slot && e) this.paint(e, slot);
    }
    this.checkFirstPaint();
  }

  /** Reports once when the first 20 cells of the grid (or all, when fewer) are drawn. */
  private checkFirstPaint(): void {
    if (this.painted) return;
    const wanted = Math.min(20, this.visible.length);
    if (wanted === 0) return;
    const ready = this.visible.slice(0, wanted).filter((e) => this.cells.get(e.romOffset)?.cell.dataset.state === 'ready').length;
    if (ready >= wanted) {
      this.painted = true;
      this.cb.firstPaint(wanted);
    }
  }

  // ---- selection and keyboard -----------------------------------------------------------

  private selectEntry(romOffset: number | null): void {
    this.state.selected = romOffset;
    this.cb.saveState({ selected: romOffset });
    this.markSelected();
    this.paintSwatches();
  }

  private markSelected(): void {
    for (const [off, { cell }] of this.cells) {
      const on = off === this.state.selected;
      cell.classList.toggle('selected', on);
      cell.setAttribute('aria-selected', String(on));
    }
    if (this.state.selected !== null) this.scroller.setAttribute('aria-activedescendant', `cell-${this.state.selected}`);
    else this.scroller.removeAttribute('aria-activedescendant');
  }

  private onKey(e: KeyboardEvent): void {
    const n = this.visible.length;
    if (n === 0) return;
    let i = this.visible.findIndex((v) => v.romOffset === this.state.selected);
    const CELL_H = this.cellH;
    const pageRows = Math.max(1, Math.floor(this.scroller.clientHeight / CELL_H));
    const moves: Record<string, number> = {
      ArrowRight: 1,
      ArrowLeft: -1,
      ArrowDown: this.columns,
      ArrowUp: -this.columns,
      PageDown: this.columns * pageRows,
      PageUp: -this.columns * pageRows,
    };
    if (e.key in moves) i = i < 0 ? 0 : Math.max(0, Math.min(n - 1, i + moves[e.key]!));
    else if (e.key === 'Home') i = 0;
    else if (e.key === 'End') i = n - 1;
    else if (e.key === 'Enter' && i >= 0) {
      this.cb.open(this.visible[i]!);
      e.preventDefault();
      return;
    } else return;
    e.preventDefault();
    this.selectEntry(this.visible[i]!.romOffset);
    const row = Math.floor(i / this.columns);
    const top = row * CELL_H;
    if (top < this.scroller.scrollTop) this.scroller.scrollTop = top;
    else if (top + CELL_H > this.scroller.scrollTop + this.scroller.clientHeight) this.scroller.scrollTop = top + CELL_H - this.scroller.clientHeight;
    this.schedule();
  }

  restoreScroll(): void {
    this.scroller.scrollTop = this.state.scrollTop;
    this.schedule();
  }

  focus(): void {
    this.scroller.focus();
  }

  entry(romOffset: number): GalleryEntry | undefined {
    return this.entries.find((e) => e.romOffset === romOffset);
  }

  /** The palette for an entry (the detail view and tile browser use the same choice). */
  paletteFor(e?: GalleryEntry): PaletteOption | undefined {
    return this.paletteOf(e);
  }

  /** Drawn thumbnails (for tests: canvas pixels are read from the DOM). */
  get drawnCount(): number {
    return [...this.cells.values()].filter((c) => c.cell.dataset.state === 'ready').length;
  }
}
