/**
 * The custom editor for SNES ROMs (`spritepal.romEditor`): one RomDocument per file, any number of
 * webview panels on it. Messages from a webview are validated against the protocol; anything
 * else is ignored and logged.
 */
import * as vscode from 'vscode';
import { changePreview, changesView, type ChangesContext } from './changes-view';
import { CleanOriginals, type OriginalInfo } from './clean-original';
import type { RomRecord } from '../core/catalog';
import type { PatchCommandResult } from './patch-commands';
import type { PatchFormat } from '../core/patch';
import type { RomEdit } from '../core/edit';
import { EditorRegistry } from './editor-registry';
import { BOOT_THUMBS, parseWebviewRequest, THUMB_MAX_TILES, type HostMessage, type Method, type RequestMap } from '../webviews/protocol';
import { describeRejected, serveRequest } from './serve-request';
import type { SessionServices } from '../core/session/services';
import { RomDocument } from './rom-document';
import { GalleryController } from './gallery-controller';
import type { CatalogAccess } from './catalog-access';
import { romView } from './rom-view';
import { formatSnes } from '../core/format';
import { PixelEditor } from './pixel-edit';
import { romEditorHtml, webviewOptions } from './webview-html';
import { errorPageHtml, parseErrorPageMessage, UnopenableRom } from './error-page';

export const ROM_EDITOR_VIEW_TYPE = 'spritepal.romEditor';

/** What an untitled ROM (Apply Patch's result) starts from. */
export interface UntitledContents {
  bytes: Uint8Array;
  /** Applied as its first undoable edit (null: the bytes are the result as they are). */
  edit: RomEdit | null;
  /** The catalog identity of the ROM it was made from, and the moves saved for that ROM's original. */
  record?: RomRecord;
  /** The clean original it was made from (the Changes tab compares with it). */
  original?: OriginalInfo;
}

type Handler<M extends Method> = (doc: RomDocument, params: RequestMap[M]['params']) => Promise<RequestMap[M]['result']> | RequestMap[M]['result'];

/** What the provider opens: a ROM, or a file that is not one (shown as an error page). */
type EditorDocument = RomDocument | UnopenableRom;

export class RomEditorProvider implements vscode.CustomEditorProvider<EditorDocument> {
  private readonly editEmitter = new vscode.EventEmitter<
    vscode.CustomDocumentEditEvent<EditorDocument> | vscode.CustomDocumentContentChangeEvent<EditorDocument>
  >();
  /**
   * Edits (undoable), plus a content change when the document is dirty where VS Code's edit count
   * says clean (saved, undone, edited anew): VS Code tells the two apart at run time.
   */
  readonly onDidChangeCustomDocument = this.editEmitter.event as vscode.Event<vscode.CustomDocumentEditEvent<EditorDocument>>;
  /** Open ROM documents, their panels and the active one. */
  readonly registry = new EditorRegistry<RomDocument>();
  /**
   * What the webview's "Inject..." and "Create patch" buttons run: set by registerInjectCommands and
   * registerPatchCommands (the same code as their commands, called directly).
   */
  readonly actions: {
    inject?: (args: { uri: vscode.Uri; romOffset: number }) => Promise<{ applied: boolean; refused?: string }>;
    createPatch?: (args: { uri: vscode.Uri; format: PatchFormat }) => Promise<PatchCommandResult>;
    setOriginal?: (args: { uri: vscode.Uri }) => Promise<{ path: string; crc32: string } | undefined>;
  } = {};
  /**
   * First bytes of `untitled:` ROM documents about to open (Apply Patch's), the edit to apply on
   * them, and where they came from (the original's identity and file), by URI; taken on open.
   */
  private readonly untitledContents = new Map<string, UntitledContents>();
  /** Untitled documents not shown yet: the edit that makes them what they are (null: they are dirty as they are). */
  private readonly untitledFirstEdit = new WeakMap<RomDocument, RomEdit | null>();
  /** Counted protocol violations (the monitoring view shows them). */
  protocolViolations = 0;
  /** Each ROM's clean original: fixed at first open, read by the Changes tab and patches. */
  readonly originals: CleanOriginals;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly log: vscode.LogOutputChannel,
    readonly services: SessionServices,
    readonly catalog: CatalogAccess,
  ) {
    this.originals = new CleanOriginals(context.workspaceState, log, catalog);
  }

  static register(context: vscode.ExtensionContext, log: vscode.LogOutputChannel, services: SessionServices, catalog: CatalogAccess): RomEditorProvider {
    const provider = new RomEditorProvider(context, log, services, catalog);
    context.subscriptions.push(
      vscode.window.registerCustomEditorProvider(ROM_EDITOR_VIEW_TYPE, provider, {
        webviewOptions: { retainContextWhenHidden: false },
        supportsMultipleEditorsPerDocument: true,
      }),
      provider.editEmitter,
    );
    return provider;
  }

  /** The document of the active ROM editor tab, if any. */
  get activeDocument(): RomDocument | undefined {
    return this.registry.active;
  }

  /**
   * The ROM `uri` names (opened in this editor first when needed), or without `uri` the active one,
   * else one the user picks (`title` heads the dialog). Undefined: the user cancelled.
   */
  async documentFor(uri: vscode.Uri | undefined, title: string): Promise<RomDocument | undefined> {
    if (!uri) {
      if (this.registry.active) return this.registry.active;
      const picked = await vscode.window.showOpenDialog({ canSelectMany: false, title, filters: { 'SNES ROMs': ['sfc', 'smc', 'swc', 'fig'] } });
      if (!picked?.[0]) return undefined;
      uri = picked[0];
    }
    const open = this.registry.find(uri);
    if (open) return open;
    const opening = this.registry.whenOpen(uri);
    await vscode.commands.executeCommand('vscode.openWith', uri, ROM_EDITOR_VIEW_TYPE);
    return opening.catch(() => {
      throw new Error(`could not open ${uri.fsPath} in the ROM editor`);
    });
  }

  /**
   * Brings the ROM editor on `doc` to the front and opens the block at `romOffset` in its detail
   * view (`sprites`), or shows the Tiles tab there (`tiles`). A webview made anew by this (its tab
   * was hidden) gets the event after its boot data: VS Code holds messages until the page loads.
   */
  async revealBlock(doc: RomDocument, romOffset: number, tab: 'sprites' | 'tiles'): Promise<void> {
    await vscode.commands.executeCommand('vscode.openWith', doc.uri, ROM_EDITOR_VIEW_TYPE);
    const panels = this.registry.panelsOf(doc);
    const target = panels.find((p) => p.active) ?? panels.find((p) => p.visible) ?? panels[0];
    await target?.webview.postMessage({ kind: 'event', event: 'showTab', data: { tab, romOffset } } satisfies HostMessage);
  }

  /**
   * Opens a new unsaved ROM document (an `untitled:` URI named `name` in `folder`, where Save As
   * then offers to write it; numbered when the name is taken): `bytes`, with `edit` applied as its
   * first undoable edit when given (so Save As leaves it clean and undo gives `bytes` back).
   */
  async openUntitled(folder: vscode.Uri, name: string, contents: UntitledContents): Promise<RomDocument> {
    const dot = name.lastIndexOf('.');
    const at = (file: string) => vscode.Uri.from({ scheme: 'untitled', path: vscode.Uri.joinPath(folder, file).path });
    // Its own name: not an open document's, and not a file's in the folder (Save As offers it there).
    const exists = (uri: vscode.Uri) =>
      Promise.resolve(vscode.workspace.fs.stat(vscode.Uri.file(uri.path))).then(
        () => true,
        () => false,
      );
    let uri = at(name);
    for (let n = 2; this.registry.find(uri) || this.untitledContents.has(uri.toString()) || (await exists(uri)); n++) {
      uri = at(dot > 0 ? `${name.slice(0, dot)}-${n}${name.slice(dot)}` : `${name}-${n}`);
    }
    const key = uri.toString();
    this.untitledContents.set(key, contents);
    const opening = this.registry.whenOpen(uri);
    try {
      await vscode.commands.executeCommand('vscode.openWith', uri, ROM_EDITOR_VIEW_TYPE);
    } finally {
      this.untitledContents.delete(key);
    }
    return opening;
  }

  /** All open ROM documents. */
  get documents(): RomDocument[] {
    return this.registry.documents;
  }

  async openCustomDocument(uri: vscode.Uri, context: vscode.CustomDocumentOpenContext, _token: vscode.CancellationToken): Promise<EditorDocument> {
    this.services.pool?.warm(); // thumbnails and the scan need the workers in a moment
    let doc: RomDocument;
    const pending = context.backupId ? undefined : this.untitledContents.get(uri.toString());
    this.untitledContents.delete(uri.toString());
    const untitled = pending?.bytes ?? context.untitledDocumentData;
    try {
      doc = await RomDocument.open(
        uri,
        context.backupId,
        {
          log: this.log,
          services: this.services,
          backupsToKeep: () => vscode.workspace.getConfiguration('spritepal').get<number>('backups.keep', 5),
          onDidSave: (d) => this.catalog.recordSave(d),
          beforeSave: (d) => this.originals.whenFixed(d),
          onDidSaveAs: async (d, target) => {
            await this.catalog.recordSaveAs(d, target);
            await this.originals.recordForSaveAs(d, target).catch((e: Error) => this.log.warn(`clean original of ${target.fsPath}: ${e.message}`));
          },
        },
        untitled,
      );
    } catch (err) {
      const reason = (err as Error).message;
      const line = `cannot open ${uri.fsPath} as a ROM: ${reason}`;
      this.log.error(line);
      this.services.metrics.error('rom-open-failed', reason);
      return new UnopenableRom(uri, reason, line);
    }
    if (doc.isUntitled) this.untitledFirstEdit.set(doc, pending?.edit ?? null);
    if (pending?.original) this.originals.setUntitledOriginal(doc, pending.original);
    this.log.info(`opened ${uri.fsPath}: ${doc.session.rom.mapping}, "${doc.session.rom.detection.fields?.title ?? '(no header)'}"`);
    await this.catalog.attach(doc, pending?.record).catch((e: Error) => this.log.warn(`ROM identity of ${doc.fileName}: ${e.message}`));
    // Before any edit can reach the disk: the ROM as read now is its clean original, unless one is recorded.
    this.originals.atOpen(doc);
    doc.onDidEdit((e) => this.editEmitter.fire(e));
    doc.onDidBecomeDirtyAtSavePoint(() => this.editEmitter.fire({ document: doc }));
    doc.onDidReload(() => void this.catalog.attach(doc).catch((e: Error) => this.log.warn(`ROM identity of ${doc.fileName}: ${e.message}`)));
    doc.onDidDispose(() => {
      this.galleries.get(doc)?.dispose();
      this.galleries.delete(doc);
    });
    return doc;
  }

  async resolveCustomEditor(doc: EditorDocument, panel: vscode.WebviewPanel, _token: vscode.CancellationToken): Promise<void> {
    if (doc instanceof UnopenableRom) {
      this.showErrorPage(doc, panel);
      return;
    }
    this.registry.add(doc, panel);
    const first = this.untitledFirstEdit.get(doc);
    if (first !== undefined) {
      // Unsaved from the start (VS Code knows the document now): it asks before closing it, backs
      // it up for hot exit, and saves it through Save As. An edit (undoable) where there is one:
      // VS Code calls a document clean after Save As only when its edits made it dirty.
      this.untitledFirstEdit.delete(doc);
      if (first) doc.applyEdit(first);
      else this.editEmitter.fire({ document: doc });
    }
    panel.webview.options = webviewOptions(this.context.extensionUri);
    panel.webview.html = romEditorHtml(panel.webview, this.context.extensionUri, doc.fileName);

    const post = (m: HostMessage) => {
      // An answer that comes after the panel closed has nowhere to go (the getter throws then).
      if (!closed) void panel.webview.postMessage(m);
    };
    let closed = false;
    void this.pushBoot(doc, post);
    let visible = panel.visible;
    const subs: vscode.Disposable[] = [
      panel.webview.onDidReceiveMessage((raw) => void this.handleWebviewMessage(doc, raw, post)),
      doc.onDidChangeContent(() => post({ kind: 'event', event: 'romChanged', data: this.view(doc) })),
      panel.onDidChangeViewState((e) => {
        // A hidden panel's webview is gone (no retainContextWhenHidden): shown again, it starts anew.
        if (e.webviewPanel.visible && !visible) void this.pushBoot(doc, post);
        visible = e.webviewPanel.visible;
      }),
    ];
    panel.onDidDispose(() => {
      closed = true;
      for (const s of subs) s.dispose();
    });
  }

  private showErrorPage(doc: UnopenableRom, panel: vscode.WebviewPanel): void {
    panel.webview.options = { enableScripts: true, localResourceRoots: [] };
    panel.webview.html = errorPageHtml(doc);
    const sub = panel.webview.onDidReceiveMessage((raw) => {
      const m = parseErrorPageMessage(raw);
      if (!m) {
        this.protocolViolations++;
        this.log.warn('error page: ignored a message that is not part of its protocol');
      } else if (m.kind === 'showLog') this.log.show(true);
      else void vscode.commands.executeCommand('workbench.action.reopenWithEditor', doc.uri);
    });
    panel.onDidDispose(() => sub.dispose());
  }

  /**
   * Pushes what a fresh webview needs first (protocol.ts, `boot`): the view, the gallery and then
   * the first thumbnails, worked out while the page loads. A failure is only logged: the webview
   * asks for the same data itself when no boot arrives.
   */
  private async pushBoot(doc: RomDocument, post: (m: HostMessage) => void): Promise<void> {
    try {
      const g = this.gallery(doc);
      const gallery = await g.gallery();
      // The entries come sorted by offset: a fresh gallery's first cells.
      const thumbOffsets = gallery.entries.slice(0, BOOT_THUMBS).map((e) => e.romOffset);
      post({ kind: 'event', event: 'boot', data: { view: this.view(doc), gallery, thumbOffsets } });
      if (thumbOffsets.length > 0) post({ kind: 'event', event: 'thumbs', data: await g.thumbnails(thumbOffsets, THUMB_MAX_TILES) });
    } catch (err) {
      this.log.warn(`could not prepare ${doc.fileName} for its editor (the webview will ask): ${(err as Error).message}`);
    }
  }

  private view(doc: RomDocument) {
    return romView(doc.session, doc.fileName, { dirty: doc.isDirty, readOnly: doc.readOnly });
  }

  private readonly handlers: { [M in Method]: Handler<M> } = {
    ready: (doc) => this.view(doc),
    fixChecksum: (doc) => this.fixChecksum(doc),
    gallery: (doc) => this.gallery(doc).gallery(),
    setShowWeak: (doc, p) => this.gallery(doc).setShowWeak(p.showWeak),
    setTileView: (doc, p) => this.gallery(doc).setTileView(p),
    thumbnails: (doc, p) => this.gallery(doc).thumbnails(p.offsets, p.maxTiles),
    block: (doc, p) => this.gallery(doc).block(p),
    tiles: (doc, p) => this.gallery(doc).tiles(p),
    decompressAt: (doc, p) => this.gallery(doc).decompressAt(p.romOffset),
    loadPalette: (doc, p) => this.gallery(doc).loadPalette(p),
    exportPng: (doc, p) => this.gallery(doc).exportPng(p),
    rename: (doc, p) => this.gallery(doc).rename(p.romOffset, p.name),
    resolveAddress: (doc, p) => {
      const r = doc.session.rom.resolveAddress(p.address);
      return { romOffset: r.romOffset, fileOffset: r.fileOffset, snes: formatSnes(r.snes), description: r.description };
    },
    inject: async (doc, p) => {
      if (!this.actions.inject) throw new Error('injection is not available');
      const r = await this.actions.inject({ uri: doc.uri, romOffset: p.romOffset });
      return { applied: r.applied, refused: r.refused ?? null };
    },
    scan: async (doc, p) => {
      const g = this.gallery(doc);
      if (p.action === 'cancel') return g.cancelScan();
      void g.startScan();
      return g.scanStatus;
    },
    changes: async (doc) => changesView(doc, await this.changesContext(doc)),
    changePreview: async (doc, p) => changePreview(doc, p, (await this.gallery(doc).named()).palettes, () => this.originals.originalOf(doc)),
    createPatch: async (doc, p) => {
      if (!this.actions.createPatch) throw new Error('patches are not available');
      const r = await this.actions.createPatch({ uri: doc.uri, format: p.format });
      return { output: r.output ?? null, refused: r.refused ?? null };
    },
    setOriginal: async (doc) => {
      if (!this.actions.setOriginal) throw new Error('choosing a clean original is not available');
      const r = await this.actions.setOriginal({ uri: doc.uri });
      return { path: r?.path ?? null };
    },
    painted: (doc, p) => {
      this.gallery(doc).painted(p.count, p.ms);
      return { ok: true } as const;
    },
    applyStroke: (doc, p) => this.pixelEditor.applyStroke(doc, p),
    editPaletteColor: (doc, p) => this.pixelEditor.editPaletteColor(doc, p),
  };

  /** The Changes tab's view of a document: its blocks, its clean original and every move since that original. */
  private async changesContext(doc: RomDocument): Promise<ChangesContext> {
    const [named, original, record] = await Promise.all([this.gallery(doc).named(), this.originals.originalOf(doc), this.catalog.record(doc)]);
    // Moves saved for the ROM's original describe it only when it is the clean original compared with.
    const sameOriginal = 'unavailable' in original || original.sha256 === record.identity.original;
    const moves = sameOriginal ? await this.catalog.moves(doc) : doc.catalogMoves;
    const n = doc.editCount;
    const savedBefore = !doc.isUntitled && record.identity.original !== (doc.fileHashWhenRead ?? record.identity.current);
    const edits = n > 0 ? `${n} edit${n === 1 ? '' : 's'} since it was opened` : savedBefore ? 'edits saved in its file before' : null;
    return { entries: named.entries, original, moves, edits };
  }

  /** The sprite editor's strokes and palette colours (pixel-edit.ts). */
  private readonly pixelEditor = new PixelEditor({
    nameOf: (doc, romOffset) =>
      this.gallery(doc)
        .entries()
        .find((e) => e.romOffset === romOffset)?.name ?? null,
    paletteOption: (doc, id) => this.gallery(doc).romPaletteOption(id),
  });

  private readonly galleries = new Map<RomDocument, GalleryController>();

  /** The gallery of a document (made on first use, disposed with the document). */
  gallery(doc: RomDocument): GalleryController {
    let g = this.galleries.get(doc);
    if (!g) {
      g = new GalleryController(doc, {
        log: this.log,
        broadcast: (e) => {
          for (const panel of this.registry.panelsOf(doc)) void panel.webview.postMessage(e);
        },
        knownSprites: (d) => this.catalog.knownSprites(d),
        saveName: (d, entry, name) => this.catalog.saveName(d, entry, name),
        memento: this.context.workspaceState,
      });
      this.galleries.set(doc, g);
    }
    return g;
  }

  /** Handles one raw message from a webview of `doc` (public so the integration tests can feed it garbage). */
  async handleWebviewMessage(doc: RomDocument, raw: unknown, post: (m: HostMessage) => void): Promise<void> {
    await serveRequest(raw, {
      parse: parseWebviewRequest,
      handle: (method, params) => (this.handlers[method as Method] as Handler<Method>)(doc, params as RequestMap[Method]['params']),
      post,
      rejected: (reason, message) => {
        this.protocolViolations++;
        this.services.metrics.error('webview-protocol', reason);
        this.log.warn(describeRejected(reason, message));
      },
      failed: (method, message) => this.log.error(`${method} failed: ${message}`),
    });
  }

  /** Writes the computed checksum pair as an undoable edit. */
  fixChecksum(doc: RomDocument): { applied: boolean; checksum: number | null } {
    const rom = doc.session.rom;
    const state = rom.checksum;
    if (!state) throw new Error(`${doc.fileName} has no internal header, so it has no checksum to fix`);
    if (state.valid) return { applied: false, checksum: state.computed };
    if (!vscode.workspace.isTrusted) throw new Error('editing ROMs is disabled in untrusted workspaces');
    doc.applyEdit({ label: 'Fix Checksum', patches: [rom.fixedChecksumPatch()!] });
    return { applied: true, checksum: state.computed };
  }

  /** Runs a document operation; a failure is logged to the output channel before VS Code shows it. */
  private async logged<T>(what: string, f: () => Promise<T>): Promise<T> {
    try {
      return await f();
    } catch (err) {
      this.log.error(`${what} failed: ${(err as Error).message}`);
      throw err;
    }
  }

  async saveCustomDocument(doc: EditorDocument, token: vscode.CancellationToken): Promise<void> {
    if (doc instanceof UnopenableRom) return;
    await this.logged(`saving ${doc.uri.fsPath}`, () => doc.save(token));
    this.refresh(doc);
  }

  async saveCustomDocumentAs(doc: EditorDocument, destination: vscode.Uri, token: vscode.CancellationToken): Promise<void> {
    if (doc instanceof UnopenableRom) return;
    await this.logged(`saving ${doc.uri.fsPath} as ${destination.fsPath}`, () => doc.saveAs(destination, token));
  }

  async revertCustomDocument(doc: EditorDocument, token: vscode.CancellationToken): Promise<void> {
    if (doc instanceof UnopenableRom) return;
    await this.logged(`reverting ${doc.uri.fsPath}`, () => doc.revert(token));
  }

  async backupCustomDocument(
    doc: EditorDocument,
    context: vscode.CustomDocumentBackupContext,
    token: vscode.CancellationToken,
  ): Promise<vscode.CustomDocumentBackup> {
    if (doc instanceof UnopenableRom) return { id: '', delete: () => {} };
    return this.logged(`backing up ${doc.uri.fsPath} (hot exit)`, () => doc.backup(context.destination, token));
  }

  /** Tells every panel on `doc` to show it again (the header, the Changes tab): its original changed, or it was saved. */
  refresh(doc: RomDocument): void {
    for (const panel of this.registry.panelsOf(doc))
      void panel.webview.postMessage({ kind: 'event', event: 'romChanged', data: this.view(doc) } satisfies HostMessage);
  }
}
