/**
 * The read-only custom editor for emulator memory dumps (`spritepal.dumpViewer`): one
 * DumpDocument per file, any number of webview panels on it. Messages from a webview are
 * validated against src/webviews/dump-protocol.ts; anything else is ignored and logged.
 */
import { EditorRegistry } from '../editor-registry';
import * as vscode from 'vscode';
import {
  parseDumpRequest,
  type DumpEvent,
  type DumpHostMessage,
  type DumpMethod,
  type DumpRequestMap,
  type FindSelection,
  type SiblingKind,
} from '../../webviews/dump-protocol';
import { runFindInRom, type RomSource } from './find-in-rom';
import { describeRejected, serveRequest } from '../serve-request';
import { DumpDocument, type DumpModel } from './dump-document';
import { dumpViewerHtml, dumpViewerOptions } from './html';

export const DUMP_VIEWER_VIEW_TYPE = 'spritepal.dumpViewer';

type Handler<M extends DumpMethod> = (
  doc: DumpDocument,
  params: DumpRequestMap[M]['params'],
) => Promise<DumpRequestMap[M]['result']> | DumpRequestMap[M]['result'];

export class DumpViewerProvider implements vscode.CustomReadonlyEditorProvider<DumpDocument> {
  /** Open dumps, their panels and the active one. */
  readonly registry = new EditorRegistry<DumpDocument>();
  /** Counted protocol violations (ignored messages). */
  protocolViolations = 0;
  /** What each document's viewer has selected (the "Find in ROM..." command searches for it). */
  private readonly selections = new Map<DumpDocument, FindSelection | null>();

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly log: vscode.LogOutputChannel,
    private readonly roms?: RomSource,
  ) {}

  /** The document of the active dump viewer tab, if any. */
  get activeDocument(): DumpDocument | undefined {
    return this.registry.active;
  }

  /** Documents with at least one open viewer. */
  get documents(): DumpDocument[] {
    return this.registry.documents;
  }

  async openCustomDocument(uri: vscode.Uri, _context: vscode.CustomDocumentOpenContext, _token: vscode.CancellationToken): Promise<DumpDocument> {
    return DumpDocument.open(uri, this.log);
  }

  resolveCustomEditor(doc: DumpDocument, panel: vscode.WebviewPanel, _token: vscode.CancellationToken): void {
    this.registry.add(doc, panel, () => this.selections.delete(doc));
    panel.webview.options = dumpViewerOptions(this.extensionUri);
    panel.webview.html = dumpViewerHtml(panel.webview, this.extensionUri, doc.fileName);

    // A reply can come after the panel closed (a slow pick): then there is no one to tell.
    let disposed = false;
    const post = (m: DumpHostMessage) => {
      if (!disposed) panel.webview.postMessage(m).then(undefined, () => undefined);
    };
    const subs: vscode.Disposable[] = [
      panel.webview.onDidReceiveMessage((raw) => void this.handleWebviewMessage(doc, raw, post)),
      doc.onDidChange(() => post({ kind: 'event', event: 'viewChanged', data: doc.view() } satisfies DumpEvent)),
    ];
    panel.onDidDispose(() => {
      disposed = true;
      for (const s of subs) s.dispose();
    });
  }

  private readonly handlers: { [M in DumpMethod]: Handler<M> } = {
    ready: (doc) => doc.view(),
    tiles: (doc, p) => doc.tiles(p.bpp, p.widthTiles),
    composite: (doc) => {
      const c = doc.model.composite;
      return c ? { width: c.width, height: c.height, pixels: c.pixels, drawn: c.drawn } : null;
    },
    pickSibling: (doc, p) => this.pickSibling(doc, p.kind),
    setObsel: async (doc, p) => {
      await doc.setObsel(p);
      return doc.view();
    },
    findInRom: async (doc, p) => ({ started: await this.findInRom(doc, p) }),
    select: (doc, p) => {
      this.selections.set(doc, p.selection);
      return { ok: true } as const;
    },
  };

  /** Searches an open ROM for the selection's tiles (see find-in-rom.ts). */
  async findInRom(doc: DumpDocument, selection?: FindSelection | null): Promise<boolean> {
    const sel = selection ?? this.selections.get(doc);
    if (!sel) {
      void vscode.window.showInformationMessage(
        'Select a sprite (on the screen or in the OAM table) or VRAM tiles (Shift+click for a range) first, then Find in ROM.',
      );
      return false;
    }
    if (!this.roms) throw new Error('Find in ROM needs the ROM editor, which is not available');
    return runFindInRom(doc.model, sel, this.roms, this.log);
  }

  /** The document of the active viewer, else the only one. */
  get currentDocument(): DumpDocument | undefined {
    return this.registry.current;
  }

  /** Asks for a CGRAM or OAM dump with an open dialog and uses it. Null: cancelled. */
  async pickSibling(doc: DumpDocument, kind: SiblingKind) {
    const label = kind === 'cgram' ? 'CGRAM' : 'OAM';
    const picked = await vscode.window.showOpenDialog({
      canSelectMany: false,
      canSelectFolders: false,
      defaultUri: vscode.Uri.joinPath(doc.model.vramUri, '..'),
      openLabel: `Use as ${label}`,
      title: `Pick the ${label} dump that goes with ${doc.fileName}`,
      filters: { 'Memory dumps': ['dmp', 'bin'], 'All files': ['*'] },
    });
    if (!picked?.[0]) return null;
    await doc.pick(kind, picked[0]);
    return doc.view();
  }

  /** Handles one raw message from a webview of `doc` (public so the integration tests can feed it garbage). */
  async handleWebviewMessage(doc: DumpDocument, raw: unknown, post: (m: DumpHostMessage) => void): Promise<void> {
    await serveRequest(raw, {
      parse: parseDumpRequest,
      handle: (method, params) => (this.handlers[method as DumpMethod] as Handler<DumpMethod>)(doc, params as DumpRequestMap[DumpMethod]['params']),
      post,
      rejected: (reason, message) => {
        this.protocolViolations++;
        this.log.warn(`dump viewer: ${describeRejected(reason, message)}`);
      },
      failed: (method, message) => this.log.error(`dump viewer: ${method} failed: ${message}`),
    });
  }

  /** The model of an open viewer: of `uri` when given, else the active one, else the only one. */
  model(uri?: vscode.Uri): DumpModel | undefined {
    return (uri ? this.registry.find(uri) : this.registry.current)?.model;
  }
}
