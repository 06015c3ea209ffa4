/**
 * The gallery behind one ROM document: catalog entries plus scan hits, the background scan (with
 * progress in the editor and a cancellable notification), thumbnails and whole blocks from the
 * worker pool, palettes, and PNG export. Shared by every webview panel on the document.
 */
import * as vscode from 'vscode';
import { hex } from '../core/errors';
import { tilesToImage } from '../core/gfx/arrange';
import { encodeIndexedPng, formatMetadataJson } from '../core/gfx/png-export';
import { formatPalJson } from '../core/gfx/palette-files';
import { grayscalePalette, paletteRGBA } from '../core/gfx/palette';
import { decodeTiles, bytesPerTile } from '../core/gfx/tiles';
import { formatSnes } from '../core/rom/mapping';
import type { CatalogEntry } from '../core/catalog';
import type { ScanHit } from '../core/scan';
import { makeThumbnail } from '../core/thumbs/thumbnail';
import type { GalleryEntry, HostEvent, PaletteOption, PixelImage, RequestMap, ScanStatus, ThumbItem } from '../webviews/protocol';
import { GRAYSCALE, loadPalette, romPaletteChoice, type PaletteChoice } from './palettes';
import type { RomDocument } from './rom-document';

/**
 * A sprite the catalog knows (bundled, sprite_locations.json or the workspace catalog): its entry,
 * with the palette the gallery can show (one read from the ROM) as an offset.
 */
export interface KnownSprite extends Omit<CatalogEntry, 'palette'> {
  paletteRomOffset?: number;
}

export interface GalleryDeps {
  log: vscode.LogOutputChannel;
  /** Sends an event to every panel showing this document. */
  broadcast(e: HostEvent): void;
  /** Catalog entries for the document's ROM (bundled, imported and workspace). */
  knownSprites(doc: RomDocument): Promise<KnownSprite[]>;
  /** Saves a name for a block in the workspace catalog. */
  saveName?(doc: RomDocument, entry: GalleryEntry, name: string): Promise<void>;
}

export class GalleryController implements vscode.Disposable {
  private status: ScanStatus = { state: 'idle', done: 0, total: 0, found: 0, cached: false };
  private hits: ScanHit[] = [];
  private known: KnownSprite[] = [];
  private manual: GalleryEntry[] = [];
  private readonly palettes = new Map<string, PaletteChoice>([[GRAYSCALE.option.id, GRAYSCALE]]);
  private abort: AbortController | null = null;
  private scanning: Promise<void> | null = null;
  private firstPaint: { count: number; ms: number } | null = null;
  private readonly subs: vscode.Disposable[] = [];

  constructor(
    private readonly doc: RomDocument,
    private readonly deps: GalleryDeps,
  ) {
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
    return { entries: this.entries(), palettes: this.paletteOptions(), scan: this.status };
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
      const id = `rom:${k.paletteRomOffset}`;
      if (this.palettes.has(id)) continue;
      try {
        this.palettes.set(id, romPaletteChoice(this.doc.session.rom, k.paletteRomOffset, `${k.name} (ROM ${hex(k.paletteRomOffset + this.doc.session.rom.copierHeaderSize)})`));
      } catch (e) {
        this.deps.log.warn(`catalog palette of ${k.name}: ${(e as Error).message}`);
      }
    }
  }

  private paletteOptions(): PaletteOption[] {
    return [...this.palettes.values()].map((p) => p.option);
  }

  entries(): GalleryEntry[] {
    const rom = this.doc.session.rom;
    const byOffset = new Map<number, GalleryEntry>();
    const base = (romOffset: number) => {
      const snes = rom.snesOf(romOffset);
      return { romOffset, fileOffset: romOffset + rom.copierHeaderSize, snes: snes === null ? null : formatSnes(snes) };
    };
    const pointerOf = (h: ScanHit | undefined) => {
      const snes = h?.pointer === undefined ? null : rom.snesOf(h.pointer);
      return snes === null ? null : formatSnes(snes);
    };
    const scanned = new Map(this.hits.map((h) => [h.romOffset, h]));
    for (const h of this.hits) {
      byOffset.set(h.romOffset, { ...base(h.romOffset), name: null, source: 'scan', kind: h.kind, bpp: h.bpp, tiles: h.tiles, consumed: h.consumed, size: h.size, score: h.score, pointer: pointerOf(h), confidence: h.confidence, reasons: h.reasons, widthTiles: 16, paletteId: null, notes: null });
    }
    for (const m of this.manual) if (!byOffset.has(m.romOffset)) byOffset.set(m.romOffset, m);
    for (const k of this.known) {
      const hit = byOffset.get(k.romOffset);
      const per = bytesPerTile(k.bpp);
      byOffset.set(k.romOffset, {
        ...base(k.romOffset),
        name: k.name,
        source: 'catalog',
        kind: k.kind,
        bpp: k.bpp,
        tiles: hit && hit.bpp === k.bpp ? hit.tiles : (k.tiles ?? (hit ? Math.floor(hit.size / per) : 0)),
        consumed: hit?.consumed ?? 0,
        size: hit?.size ?? (k.tiles ?? 0) * per,
        score: hit?.score ?? null,
        pointer: pointerOf(scanned.get(k.romOffset)),
        confidence: scanned.get(k.romOffset)?.confidence ?? null,
        reasons: scanned.get(k.romOffset)?.reasons ?? [],
        widthTiles: k.widthTiles ?? 16,
        paletteId: k.paletteRomOffset === undefined ? null : `rom:${k.paletteRomOffset}`,
        notes: k.notes ?? null,
      });
    }
    return [...byOffset.values()].sort((a, b) => a.romOffset - b.romOffset);
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
        this.deps.broadcast({ kind: 'event', event: 'entries', data: { entries: this.entries(), palettes: this.paletteOptions() } });
      } catch (err) {
        this.setStatus({ state: 'failed', message: (err as Error).message });
        this.deps.log.error(`scan of ${this.doc.fileName} failed: ${(err as Error).message}`);
      }
    };
    const done = Promise.resolve(
      vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `SpritePal: scanning ${this.doc.fileName} for graphics`, cancellable: true }, (p, t) => run(p, t)),
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
    // New bytes, new content hash: scan again (unchanged regions come from the cache quickly).
    this.cancelScan();
    void (this.scanning ?? Promise.resolve()).then(() => {
      this.status = { state: 'idle', done: 0, total: 0, found: 0, cached: false };
      void this.startScan();
    });
  }

  private entryAt(romOffset: number): GalleryEntry | undefined {
    return this.entries().find((e) => e.romOffset === romOffset);
  }

  async thumbnails(offsets: number[], maxTiles: number): Promise<ThumbItem[]> {
    const byOffset = new Map(this.entries().map((e) => [e.romOffset, e]));
    const requests = offsets.map((romOffset) => {
      const e = byOffset.get(romOffset);
      return { romOffset, kind: e?.kind ?? 'hal', bpp: e?.bpp ?? 4, widthTiles: e?.widthTiles ?? 16, maxTiles, rawTiles: e?.kind === 'raw' ? e.tiles : undefined } as const;
    });
    const out = await this.doc.session.thumbnails(requests, { priority: 10 });
    return out;
  }

  async block(p: RequestMap['block']['params']): Promise<ThumbItem> {
    const [r] = await this.doc.session.thumbnails([{ romOffset: p.romOffset, kind: p.kind, bpp: p.bpp, widthTiles: p.widthTiles, rawTiles: p.kind === 'raw' ? p.rawTiles : undefined }], { priority: 20 });
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
    const rom = this.doc.session.rom;
    const snes = rom.snesOf(romOffset);
    const entry: GalleryEntry = {
      romOffset,
      fileOffset: romOffset + rom.copierHeaderSize,
      snes: snes === null ? null : formatSnes(snes),
      name: null,
      source: 'manual',
      kind: 'hal',
      bpp: 4,
      tiles: Math.floor(block.data.length / 32),
      consumed: block.consumed,
      size: block.data.length,
      score: null,
      pointer: null,
      confidence: null,
      reasons: [],
      widthTiles: 16,
      paletteId: null,
      notes: null,
    };
    this.manual = [...this.manual.filter((m) => m.romOffset !== romOffset), entry];
    this.deps.broadcast({ kind: 'event', event: 'entries', data: { entries: this.entries(), palettes: this.paletteOptions() } });
    return this.entryAt(romOffset) ?? entry;
  }

  async loadPalette(p: RequestMap['loadPalette']['params']): Promise<PaletteOption | null> {
    const choice = await loadPalette(this.doc.session.rom, p);
    if (!choice) return null;
    this.palettes.set(choice.option.id, choice);
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
    const tiles = Math.floor(bytes.length / bytesPerTile(p.bpp));
    const image = tilesToImage(decodeTiles(bytes.subarray(0, tiles * bytesPerTile(p.bpp)), p.bpp, tiles), { widthTiles: Math.min(p.widthTiles, Math.max(1, tiles)) });
    const baseName = (entry?.name ?? `sprite_${hex(p.romOffset + rom.copierHeaderSize).slice(2)}`).replace(/[^\w.-]+/g, '_');
    const folder = vscode.Uri.joinPath(this.doc.uri, '..');
    const target = to ?? (await vscode.window.showSaveDialog({ defaultUri: vscode.Uri.joinPath(folder, `${baseName}.png`), filters: { 'PNG image': ['png'] }, title: 'Export sprite as PNG' }));
    if (!target) return null;
    const palette = choice.palette ?? grayscalePalette(16);
    const png = encodeIndexedPng(image, paletteRGBA(choice.palette, 1 << Math.min(p.bpp, 8)).subarray(0, 4 * Math.min(256, 1 << p.bpp)), { transparentZero: true });
    const stem = target.path.replace(/\.png$/i, '');
    const palUri = target.with({ path: `${stem}.pal.json` });
    const metaUri = target.with({ path: `${stem}.metadata.json` });
    const info = rom.info();
    const metadata = formatMetadataJson({ '8': palUri.path.split('/').pop()! }, {
      source_type: 'rom',
      rom_source: this.doc.fileName,
      rom_offset: hex(p.romOffset + rom.copierHeaderSize),
      sprite_name: entry?.name ?? baseName,
      compressed_size: consumed,
      tile_count: tiles,
      extraction_size: bytes.length,
      rom_title: info.title,
      rom_checksum: info.checksum ? hex(info.checksum.stored, 4) : null,
      extraction_date: new Date().toISOString(),
    }, 8);
    await vscode.workspace.fs.writeFile(target, png);
    await vscode.workspace.fs.writeFile(palUri, new TextEncoder().encode(formatPalJson({ ...palette, name: choice.option.label }, { rom: this.doc.fileName, palette: choice.option.id })));
    await vscode.workspace.fs.writeFile(metaUri, new TextEncoder().encode(metadata));
    this.deps.log.info(`exported ${target.fsPath} (+ .pal.json, .metadata.json)`);
    return { files: [target.fsPath, palUri.fsPath, metaUri.fsPath] };
  }

  async rename(romOffset: number, name: string): Promise<GalleryEntry> {
    const entry = this.entryAt(romOffset);
    if (!entry) throw new Error(`no block at ${hex(romOffset)} in the gallery`);
    if (!this.deps.saveName) throw new Error('renaming needs a workspace folder for .spritepal/catalog.json');
    await this.deps.saveName(this.doc, entry, name.trim());
    await this.loadKnown();
    this.deps.broadcast({ kind: 'event', event: 'entries', data: { entries: this.entries(), palettes: this.paletteOptions() } });
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

  get firstPaintTiming(): { count: number; ms: number } | null {
    return this.firstPaint;
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
