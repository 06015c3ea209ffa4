/**
 * The gallery behind one ROM document: catalog entries plus scan hits, the background scan (with
 * progress in the editor and a cancellable notification), thumbnails and whole blocks from the
 * worker pool, palettes, and PNG export. Shared by every webview panel on the document.
 */
import * as vscode from 'vscode';
import { applyMoves, movesBetween } from '../core/catalog/moves';
import type { BlockMove } from '../core/edit/edit-model';
import { hex } from '../core/format';
import { buildSpriteExport, spriteExportNames, spriteExportStem } from '../core/gfx/sprite-export';
import { bytesPerTile } from '../core/gfx/tiles';
import { editedBlocks, type Span } from '../core/edit-pixels/edited-blocks';
import { GRAYSCALE, manualEntry, mergeEntries, PaletteSet, Stamper, type KnownSprite } from '../core/gallery';
import type { ScanHit } from '../core/scan';
import { makeThumbnail } from '../core/thumbs/thumbnail';
import type { GalleryEntry, HostEvent, PaletteOption, PixelImage, RequestMap, ScanStatus, ThumbItem, TileView } from '../webviews/protocol';
import { loadPalette } from './palettes';
import type { RomDocument } from './rom-document';

export type { KnownSprite } from '../core/gallery';

export interface GalleryDeps {
  log: vscode.LogOutputChannel;
  /** Sends an event to every panel showing this document. */
  broadcast(e: HostEvent): void;
  /** Catalog entries for the document's ROM (bundled, imported and workspace). */
  knownSprites(doc: RomDocument): Promise<KnownSprite[]>;
  /** Saves a name for a block in the workspace catalog. */
  saveName?(doc: RomDocument, entry: GalleryEntry, name: string): Promise<void>;
  /** Where Export PNG remembers its folder (the workspace's state); without it, it asks every time. */
  memento?: vscode.Memento;
}

const EXPORT_FOLDER_KEY = 'spritepal.exportFolder';
const SHOW_WEAK_KEY = 'spritepal.gallery.showWeak';
const TILE_VIEW_KEY = 'spritepal.tiles.views';
/** ROMs whose Tiles tab view is remembered (the most recently left ones). */
const TILE_VIEWS_KEPT = 50;

export class GalleryController implements vscode.Disposable {
  private status: ScanStatus = { state: 'idle', done: 0, total: 0, found: 0, cached: false };
  private hits: ScanHit[] = [];
  private known: KnownSprite[] = [];
  private manual: GalleryEntry[] = [];
  private readonly palettes = new PaletteSet();
  private abort: AbortController | null = null;
  /** Counts content changes: a thumbnail decoded across one is not stamped. */
  private contentVersion = 0;
  /** Stamps of entries and thumbnails (core/gallery/stamp.ts). */
  private readonly stamper = new Stamper();
  private scanning: Promise<void> | null = null;
  private firstPaint: { count: number; ms: number } | null = null;
  private readonly subs: vscode.Disposable[] = [];
  /** The document's block moves as of the last content change (the next change's moves are the difference). */
  private moves: BlockMove[];
  /** Block moves not told to the webviews yet: the next entries event carries them. */
  private unsentMoves: BlockMove[] = [];

  constructor(
    private readonly doc: RomDocument,
    private readonly deps: GalleryDeps,
  ) {
    this.moves = doc.catalogMoves;
    this.subs.push(doc.onDidChangeContent(() => this.onContentChanged()));
  }

  /**
   * Entries, palettes and scan state; starts the background scan the first time. With catalog
   * entries to show, the scan waits until their first thumbnails are painted (or a second has
   * passed), so it does not compete with them for the workers.
   */
  async gallery(): Promise<RequestMap['gallery']['result']> {
    await this.loadKnown();
    if (this.status.state === 'idle' && !this.scanning) {
      // A finished scan of these bytes is shown at once, as if it had just run (nothing to start).
      const cached = await this.doc.session.cachedScan().catch(() => undefined);
      if (cached && this.status.state === 'idle') {
        this.hits = cached.hits;
        this.status = { state: 'done', done: cached.nextOffset, total: this.doc.session.rom.data.length, found: cached.hits.length, cached: true };
      }
    }
    if (this.status.state === 'idle' && !this.scanTimer) {
      if (this.known.length === 0) void this.startScan();
      else this.scanTimer = setTimeout(() => this.startDeferredScan(), 1000);
    }
    return { entries: this.stampedEntries(), palettes: this.paletteOptions(), scan: this.status, showWeak: this.showWeak(), tileView: this.tileView() };
  }

  /** The Tiles tab's view of this ROM as last left in this workspace, or null. */
  tileView(): TileView | null {
    const views = this.deps.memento?.get<Record<string, TileView>>(TILE_VIEW_KEY) ?? {};
    const v = views[this.doc.uri.toString()];
    return v && v.offset < this.doc.session.rom.data.length ? v : null;
  }

  async setTileView(view: TileView): Promise<{ ok: true }> {
    const views = { ...(this.deps.memento?.get<Record<string, TileView>>(TILE_VIEW_KEY) ?? {}) };
    const key = this.doc.uri.toString();
    delete views[key];
    views[key] = view; // the newest last: the oldest go first past the limit
    const keys = Object.keys(views);
    for (const k of keys.slice(0, Math.max(0, keys.length - TILE_VIEWS_KEPT))) delete views[k];
    await this.deps.memento?.update(TILE_VIEW_KEY, views);
    return { ok: true };
  }

  /** The confidence filter of this workspace: weak scan hits hidden unless the user asked for them. */
  showWeak(): boolean {
    return this.deps.memento?.get<boolean>(SHOW_WEAK_KEY) === true;
  }

  async setShowWeak(showWeak: boolean): Promise<{ showWeak: boolean }> {
    await this.deps.memento?.update(SHOW_WEAK_KEY, showWeak);
    return { showWeak: this.showWeak() };
  }

  private scanTimer: NodeJS.Timeout | undefined;

  private startDeferredScan(): void {
    clearTimeout(this.scanTimer);
    this.scanTimer = undefined;
    if (this.status.state === 'idle') void this.startScan();
  }

  private async loadKnown(): Promise<void> {
    this.known = await this.deps.knownSprites(this.doc).catch((e: Error) => {
      this.deps.log.warn(`could not read the catalog: ${e.message}`);
      return [];
    });
    for (const k of this.known) {
      if (k.paletteRomOffset === undefined) continue;
      try {
        this.palettes.addCatalogPalette(this.doc.session.rom, k.paletteRomOffset, k.name);
      } catch (e) {
        this.deps.log.warn(`catalog palette of ${k.name}: ${(e as Error).message}`);
      }
    }
  }

  /**
   * A ROM palette's option read again from the current bytes (after a colour edit, undo or redo),
   * keeping its label. Refuses ids that are not `rom:<offset>`.
   */
  romPaletteOption(paletteId: string): PaletteOption {
    return this.palettes.rereadRom(this.doc.session.rom, paletteId);
  }

  private paletteOptions(): PaletteOption[] {
    return this.palettes.options();
  }

  /**
   * The entries and palettes with the catalog read again, as the Changes tab labels and draws
   * them: no stamps hashed and no scan started (the gallery's own request does those).
   */
  async named(): Promise<{ entries: GalleryEntry[]; palettes: PaletteOption[] }> {
    await this.loadKnown();
    return { entries: this.entries(), palettes: this.paletteOptions() };
  }

  /** Catalog entries, scan hits and decompressed blocks, merged by offset (core/gallery). */
  entries(): GalleryEntry[] {
    return mergeEntries(this.doc.session.rom, this.hits, this.known, this.manual);
  }

  /** The entries as the webview gets them: each with its thumbnail's stamp (what it is made of). */
  private stampedEntries(): GalleryEntry[] {
    return this.stamper.entries(this.doc.session.rom.data, this.entries());
  }

  /** Sends the entries and palettes to every panel, with the block moves since the last entries event. */
  private broadcastEntries(): void {
    const moves = this.unsentMoves;
    this.unsentMoves = [];
    const data = { entries: this.stampedEntries(), palettes: this.paletteOptions(), ...(moves.length ? { moves } : {}) };
    this.deps.broadcast({ kind: 'event', event: 'entries', data });
  }

  private setStatus(patch: Partial<ScanStatus>): void {
    this.status = { ...this.status, ...patch };
    this.deps.broadcast({ kind: 'event', event: 'scanStatus', data: this.status });
  }

  /** Starts (or resumes) the background scan, with a cancellable progress notification. */
  startScan(): Promise<void> {
    if (this.scanning) return this.scanning;
    const abort = new AbortController();
    this.abort = abort;
    this.setStatus({ state: 'running', done: 0, total: this.doc.session.rom.data.length, cached: false, message: undefined });
    const run = async (progress?: vscode.Progress<{ message?: string; increment?: number }>, token?: vscode.CancellationToken) => {
      token?.onCancellationRequested(() => abort.abort());
      let reported = 0;
      let lastEvent = 0;
      try {
        const state = await this.doc.session.scan({
          signal: abort.signal,
          priority: 0,
          onProgress: (done, total) => {
            const pct = total ? (done / total) * 100 : 100;
            progress?.report({ increment: pct - reported, message: `${Math.round(pct)} %` });
            reported = pct;
            const now = Date.now();
            if (now - lastEvent > 100 || done === total) {
              lastEvent = now;
              this.setStatus({ done, total });
            }
          },
        });
        this.hits = state.hits;
        this.setStatus({ state: state.complete ? 'done' : 'cancelled', done: state.nextOffset, found: state.hits.length, cached: state.cached });
        this.broadcastEntries();
      } catch (err) {
        this.setStatus({ state: 'failed', message: (err as Error).message });
        this.deps.log.error(`scan of ${this.doc.fileName} failed: ${(err as Error).message}`);
      }
    };
    const done = Promise.resolve(
      vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `SpritePal: scanning ${this.doc.fileName} for graphics`, cancellable: true },
        (p, t) => run(p, t),
      ),
    ).then(() => {
      this.scanning = null;
      this.abort = null;
    });
    this.scanning = done;
    return done;
  }

  cancelScan(): ScanStatus {
    this.abort?.abort();
    return this.status;
  }

  private onContentChanged(): void {
    this.contentVersion++;
    // ROM palettes follow the bytes (a colour edit, its undo or redo): read them again.
    this.palettes.rereadAllRom(this.doc.session.rom);
    // An edit inside known blocks (a stroke, its undo or redo): decode those blocks again, no rescan.
    const touched = this.editedBlocks();
    // Blocks this change moved (a relocating injection, its undo or redo): the webviews are told
    // with the next entries event, so a block's thumbnail goes along with it. The catalog read
    // again says where the names are; until then they are moved here, so an entries event sent
    // before that (a cancelled scan's) already has each name where its block went.
    const now = this.doc.catalogMoves;
    const moves = movesBetween(this.moves, now);
    this.moves = now;
    if (moves.length) {
      this.known = applyMoves(this.known, moves);
      this.unsentMoves.push(...moves);
    }
    // Catalog entries follow moved blocks (and undo moves them back): names first, then one
    // entries event (after the edited blocks are measured again, so their stamps are final).
    void this.loadKnown().then(() => (touched ? this.redecode(touched) : this.broadcastEntries()));
    if (touched) return;
    // New bytes, new content hash: scan again (unchanged regions come from the cache quickly).
    this.cancelScan();
    void (this.scanning ?? Promise.resolve()).then(() => {
      this.status = { state: 'idle', done: 0, total: 0, found: 0, cached: false };
      void this.startScan();
    });
  }

  /** The blocks the last edit touched when it stayed inside known blocks (and the checksum, ROM palettes) of a finished scan; else null. */
  private editedBlocks(): number[] | null {
    const session = this.doc.session;
    const ranges = session.lastEditedRanges;
    if (!ranges || this.status.state !== 'done' || this.scanning) return null;
    const rom = session.rom;
    const h = rom.copierHeaderSize;
    const also: Span[] = this.palettes.romSpans();
    if (rom.headerOffset !== null) also.push({ start: rom.headerOffset + 0x1c, end: rom.headerOffset + 0x20 });
    const starts = [...this.hits.map((x) => x.romOffset), ...this.known.map((k) => k.romOffset)];
    return editedBlocks(
      ranges.map((r) => ({ start: r.start - h, end: r.end - h })),
      starts,
      also,
      rom.data.length,
    );
  }

  /** Decodes edited HAL blocks again so their sizes follow the bytes; a block that no longer decodes means a rescan. */
  private async redecode(offsets: number[]): Promise<void> {
    try {
      for (const off of offsets) {
        const i = this.hits.findIndex((x) => x.romOffset === off);
        if (i < 0 || this.hits[i]!.kind !== 'hal') continue;
        const hit = this.hits[i]!;
        const block = await this.doc.session.decodeBlock(off);
        this.hits[i] = { ...hit, consumed: block.consumed, size: block.data.length, tiles: Math.floor(block.data.length / bytesPerTile(hit.bpp)) };
      }
      this.broadcastEntries();
    } catch (e) {
      this.deps.log.info(`an edited block no longer decodes (${(e as Error).message}): scanning again`);
      this.status = { state: 'idle', done: 0, total: 0, found: 0, cached: false };
      void this.startScan();
    }
  }

  private entryAt(romOffset: number): GalleryEntry | undefined {
    return this.entries().find((e) => e.romOffset === romOffset);
  }

  /**
   * Thumbnails of entries, each with its stamp: what it was made of, so after an edit the
   * webview keeps those whose stamp did not change. A thumbnail decoded while the bytes changed
   * gets no stamp (the webview asks again). A HAL block's decoded length is learned here.
   */
  async thumbnails(offsets: number[], maxTiles: number): Promise<ThumbItem[]> {
    const byOffset = new Map(this.entries().map((e) => [e.romOffset, e]));
    const requests = offsets.map((romOffset) => {
      const e = byOffset.get(romOffset);
      return {
        romOffset,
        kind: e?.kind ?? 'hal',
        bpp: e?.bpp ?? 4,
        widthTiles: e?.widthTiles ?? 16,
        maxTiles,
        rawTiles: e?.kind === 'raw' ? e.tiles : undefined,
      } as const;
    });
    const version = this.contentVersion;
    const out = await this.doc.session.thumbnails(requests, { priority: 10 });
    const data = this.doc.session.rom.data;
    return out.map((item, i) => {
      const r = requests[i]!;
      if ('error' in item || version !== this.contentVersion) return { ...item, stamp: null };
      return { ...item, stamp: this.stamper.thumbnail(data, r, item.consumed, byOffset.get(r.romOffset)) };
    });
  }

  async block(p: RequestMap['block']['params']): Promise<ThumbItem> {
    const [r] = await this.doc.session.thumbnails(
      [{ romOffset: p.romOffset, kind: p.kind, bpp: p.bpp, widthTiles: p.widthTiles, rawTiles: p.kind === 'raw' ? p.rawTiles : undefined }],
      { priority: 20 },
    );
    return r!;
  }

  tiles(p: RequestMap['tiles']['params']): PixelImage {
    const data = this.doc.session.rom.data;
    if (p.romOffset >= data.length) throw new Error(`offset ${hex(p.romOffset)} is past the end of the ROM`);
    const count = Math.max(1, Math.min(p.widthTiles * p.rows, Math.floor((data.length - p.romOffset) / bytesPerTile(p.bpp))));
    return makeThumbnail(data, { romOffset: p.romOffset, kind: 'raw', bpp: p.bpp, widthTiles: p.widthTiles, rawTiles: count });
  }

  async decompressAt(romOffset: number): Promise<GalleryEntry> {
    const block = await this.doc.session.decodeBlock(romOffset);
    const entry = manualEntry(this.doc.session.rom, romOffset, { consumed: block.consumed, size: block.data.length });
    this.manual = [...this.manual.filter((m) => m.romOffset !== romOffset), entry];
    this.broadcastEntries();
    return this.entryAt(romOffset) ?? entry;
  }

  async loadPalette(p: RequestMap['loadPalette']['params']): Promise<PaletteOption | null> {
    const choice = await loadPalette(this.doc.session.rom, p);
    if (!choice) return null;
    this.palettes.add(choice);
    return choice.option;
  }

  /** Exports the block; asks where with a save dialog unless `to` is given (scripted use). */
  async exportPng(p: RequestMap['exportPng']['params'], to?: vscode.Uri): Promise<{ files: string[] } | null> {
    const entry = this.entryAt(p.romOffset);
    const rom = this.doc.session.rom;
    const choice = this.palettes.get(p.paletteId) ?? GRAYSCALE;
    const raw = entry?.kind === 'raw';
    let bytes: Uint8Array;
    let consumed: number | null = null;
    if (raw) bytes = rom.data.subarray(p.romOffset, p.romOffset + (entry?.size ?? 0));
    else {
      const b = await this.doc.session.decodeBlock(p.romOffset);
      bytes = b.data;
      consumed = b.consumed;
    }
    const fileOffset = rom.fileOffsetOf(p.romOffset);
    const baseName = spriteExportStem(entry?.name ?? null, fileOffset);
    const folder = to ? undefined : await this.exportFolder();
    if (!to && !folder) return null;
    const target = to ?? (await freeName(folder!, baseName));
    const stem = target.path.replace(/\.png$/i, '');
    const names = spriteExportNames(stem);
    const palUri = target.with({ path: names.palJson });
    const metaUri = target.with({ path: names.metadataJson });
    const info = rom.info();
    const files = buildSpriteExport(
      {
        romSource: this.doc.fileName,
        romTitle: info.title,
        romChecksum: info.checksum?.stored ?? null,
        fileOffset,
        data: bytes,
        consumed,
        bpp: p.bpp,
        widthTiles: p.widthTiles,
        order: p.order,
        palette: choice.palette,
        paletteName: choice.option.label,
        paletteSource: { rom: this.doc.fileName, palette: choice.option.id },
        name: entry?.name ?? null,
      },
      stem,
    );
    await vscode.workspace.fs.writeFile(target, files.png);
    await vscode.workspace.fs.writeFile(palUri, new TextEncoder().encode(files.palJson));
    await vscode.workspace.fs.writeFile(metaUri, new TextEncoder().encode(files.metadataJson));
    this.deps.log.info(`exported ${target.fsPath} (+ .pal.json, .metadata.json)`);
    if (!to) void this.exported(target);
    return { files: [target.fsPath, palUri.fsPath, metaUri.fsPath] };
  }

  /**
   * The export folder: the one chosen before in this workspace (while it exists), else asked for
   * once (starting beside the ROM) and remembered.
   */
  private async exportFolder(): Promise<vscode.Uri | undefined> {
    const remembered = this.deps.memento?.get<string>(EXPORT_FOLDER_KEY);
    if (remembered) {
      const uri = vscode.Uri.parse(remembered);
      const isFolder = await Promise.resolve(vscode.workspace.fs.stat(uri)).then(
        (st) => (st.type & vscode.FileType.Directory) !== 0,
        () => false,
      );
      if (isFolder) return uri;
    }
    const picked = await vscode.window.showOpenDialog({
      canSelectFiles: false,
      canSelectFolders: true,
      canSelectMany: false,
      defaultUri: vscode.Uri.joinPath(this.doc.uri, '..'),
      openLabel: 'Export Here',
      title: 'Choose the folder for exported sprites (remembered for this workspace)',
    });
    if (!picked?.[0]) return undefined;
    await this.deps.memento?.update(EXPORT_FOLDER_KEY, picked[0].toString());
    return picked[0];
  }

  /** Tells where the files went, with the two things one does next. */
  private async exported(png: vscode.Uri): Promise<void> {
    const reveal = 'Reveal in Explorer';
    const open = 'Open PNG';
    // Inside the workspace: the path from its folder; elsewhere: the whole path.
    const answer = await vscode.window.showInformationMessage(
      `Exported ${vscode.workspace.asRelativePath(png)} (with .pal.json and .metadata.json).`,
      reveal,
      open,
    );
    if (answer === reveal) await vscode.commands.executeCommand('revealInExplorer', png);
    if (answer === open) await vscode.commands.executeCommand('vscode.open', png);
  }

  async rename(romOffset: number, name: string): Promise<GalleryEntry> {
    const entry = this.entryAt(romOffset);
    if (!entry) throw new Error(`no block at ${hex(romOffset)} in the gallery`);
    if (!this.deps.saveName) throw new Error('renaming needs a workspace folder for .spritepal/catalog.json');
    await this.deps.saveName(this.doc, entry, name.trim());
    await this.loadKnown();
    this.broadcastEntries();
    return this.entryAt(romOffset)!;
  }

  /** The first thumbnails were painted: recorded once per document (and in the metrics). */
  painted(count: number, ms: number): void {
    if (this.scanTimer) this.startDeferredScan();
    if (this.firstPaint) return;
    this.firstPaint = { count, ms };
    this.doc.session.services.metrics.record('gallery.firstPaint', ms, { items: count });
    this.deps.log.info(`first ${count} thumbnails of ${this.doc.fileName} painted ${ms.toFixed(0)} ms after the editor opened`);
  }

  get scanStatus(): ScanStatus {
    return this.status;
  }

  dispose(): void {
    clearTimeout(this.scanTimer);
    this.abort?.abort();
    for (const s of this.subs) s.dispose();
  }
}

/**
 * `<base>.png` in `folder`, or `<base>-2.png`, `<base>-3.png`... when taken: an export never writes
 * over a PNG that may hold the user's edits.
 */
async function freeName(folder: vscode.Uri, base: string): Promise<vscode.Uri> {
  const exists = (u: vscode.Uri) =>
    Promise.resolve(vscode.workspace.fs.stat(u)).then(
      () => true,
      () => false,
    );
  for (let n = 1; ; n++) {
    const uri = vscode.Uri.joinPath(folder, `${base}${n === 1 ? '' : `-${n}`}.png`);
    if (!(await exists(uri))) return uri;
  }
}
