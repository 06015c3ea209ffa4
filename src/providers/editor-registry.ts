/**
 * Which custom-editor panels are open on which document, which document is active, and a promise
 * for a document that is about to open. Shared by the ROM editor and the dump viewer providers,
 * so commands ask one place instead of polling a provider or routing through a command.
 * (Modelled on the idea of vscode-hexeditor's registry, written for these providers.)
 */
import * as vscode from 'vscode';

export class EditorRegistry<Doc extends { readonly uri: vscode.Uri }> {
  private readonly panels = new Map<Doc, Set<vscode.WebviewPanel>>();
  private activeDoc: Doc | undefined;
  private readonly waiters = new Map<string, ((doc: Doc) => void)[]>();

  /** The document of the active editor tab, if any. */
  get active(): Doc | undefined {
    return this.activeDoc;
  }

  /** Documents with at least one open panel. */
  get documents(): Doc[] {
    return [...this.panels.keys()];
  }

  /** The active document, else the only open one. */
  get current(): Doc | undefined {
    const docs = this.documents;
    return this.activeDoc ?? (docs.length === 1 ? docs[0] : undefined);
  }

  panelsOf(doc: Doc): vscode.WebviewPanel[] {
    return [...(this.panels.get(doc) ?? [])];
  }

  find(uri: vscode.Uri): Doc | undefined {
    const key = uri.toString();
    return this.documents.find((d) => d.uri.toString() === key);
  }

  /**
   * The open document of `uri`, or the one that opens next on it. Rejects after `timeoutMs` (the
   * file did not open in this editor, e.g. it is not a ROM and shows an error page instead).
   */
  whenOpen(uri: vscode.Uri, timeoutMs = 10_000): Promise<Doc> {
    const open = this.find(uri);
    if (open) return Promise.resolve(open);
    const key = uri.toString();
    return new Promise<Doc>((resolve, reject) => {
      const timer = setTimeout(() => {
        const list = this.waiters.get(key) ?? [];
        const i = list.indexOf(done);
        if (i >= 0) list.splice(i, 1);
        if (list.length === 0) this.waiters.delete(key);
        reject(new Error(`${uri.fsPath} did not open in the editor within ${timeoutMs / 1000} s`));
      }, timeoutMs);
      const done = (doc: Doc) => {
        clearTimeout(timer);
        resolve(doc);
      };
      this.waiters.set(key, [...(this.waiters.get(key) ?? []), done]);
    });
  }

  /**
   * Records `panel` on `doc` until the panel is disposed: tracks whether it is active, forgets the
   * document with its last panel (then calls `onLastClosed`), and settles `whenOpen` promises.
   */
  add(doc: Doc, panel: vscode.WebviewPanel, onLastClosed?: () => void): void {
    const set = this.panels.get(doc) ?? new Set();
    set.add(panel);
    this.panels.set(doc, set);
    if (panel.active) this.activeDoc = doc;
    const key = doc.uri.toString();
    const waiting = this.waiters.get(key);
    this.waiters.delete(key);
    for (const w of waiting ?? []) w(doc);
    const sub = panel.onDidChangeViewState((e) => {
      if (e.webviewPanel.active) this.activeDoc = doc;
      else if (this.activeDoc === doc && !this.panelsOf(doc).some((p) => p.active)) this.activeDoc = undefined;
    });
    panel.onDidDispose(() => {
      sub.dispose();
      set.delete(panel);
      if (set.size === 0) {
        this.panels.delete(doc);
        if (this.activeDoc === doc) this.activeDoc = undefined;
        onLastClosed?.();
      }
    });
  }
}
