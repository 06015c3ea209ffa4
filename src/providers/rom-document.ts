/**
 * The custom editor's document: the ROM bytes, undoable edits, save / save as / revert / backup
 * (hot exit), and a watcher that notices when the file changes on disk.
 */
import * as vscode from 'vscode';
import { RomSession } from '../core/session/rom-session';
import type { SessionServices } from '../core/session/services';
import { checkRomFileSize } from '../core/rom/rom';
import { writeFileAtomic } from '../core/io/atomic-file';
import { localStamp, readLocalFile } from '../core/io/local-file';
import { applyPatches, type RomEdit } from './rom-edit';

export interface DocumentDeps {
  log: vscode.LogOutputChannel;
  services: SessionServices;
  /** How many backups to keep when saving (setting spritepal.backups.keep). */
  backupsToKeep(): number;
}

interface DiskStamp {
  mtime: number;
  size: number;
}

async function readRomFile(uri: vscode.Uri): Promise<{ bytes: Uint8Array; stamp: DiskStamp; readOnly: boolean }> {
  const name = uri.path.split('/').pop();
  if (uri.scheme === 'file') {
    // Local files through Node: fast even while the workbench is still starting (local-file.ts).
    const f = await readLocalFile(uri.fsPath, 'a ROM file', (size) => checkRomFileSize(size, name));
    return { bytes: f.bytes, stamp: { mtime: f.mtime, size: f.size }, readOnly: f.writeProtected };
  }
  const st = await vscode.workspace.fs.stat(uri);
  if (st.type & vscode.FileType.Directory) throw new Error(`${uri.fsPath} is a directory, not a ROM file`);
  checkRomFileSize(st.size, name);
  const bytes = await vscode.workspace.fs.readFile(uri);
  return { bytes: new Uint8Array(bytes), stamp: { mtime: st.mtime, size: st.size }, readOnly: Boolean((st.permissions ?? 0) & vscode.FilePermission.Readonly) };
}

/** Modification time and size, from the same source readRomFile used (Node for local files). */
async function stampOf(uri: vscode.Uri): Promise<DiskStamp> {
  if (uri.scheme === 'file') return localStamp(uri.fsPath);
  const st = await vscode.workspace.fs.stat(uri);
  return { mtime: st.mtime, size: st.size };
}

function rangesOf(edit: RomEdit): { start: number; end: number }[] {
  return edit.patches.map((p) => ({ start: p.offset, end: p.offset + p.after.length }));
}

export class RomDocument implements vscode.CustomDocument {
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  /** Fires when the bytes change (edit, undo, redo, revert, reload): webviews refresh. */
  readonly onDidChangeContent = this.changeEmitter.event;
  private readonly editEmitter = new vscode.EventEmitter<vscode.CustomDocumentEditEvent<RomDocument>>();
  /** Fires for each new undoable edit (the provider forwards it to VS Code). */
  readonly onDidEdit = this.editEmitter.event;
  private readonly disposeEmitter = new vscode.EventEmitter<void>();
  /** Fires once when VS Code disposes the document (every editor on it closed). */
  readonly onDidDispose = this.disposeEmitter.event;
  private readonly disposables: vscode.Disposable[] = [this.changeEmitter, this.editEmitter];
  /** Applied edits, in order; `savedDepth` of them were applied when the file was last written or read. */
  private applied: RomEdit[] = [];
  private savedDepth = 0;
  private diskStamp: DiskStamp;
  private ignoreWatcherUntil = 0;

  private constructor(
    readonly uri: vscode.Uri,
    readonly session: RomSession,
    stamp: DiskStamp,
    public readOnly: boolean,
    private readonly deps: DocumentDeps,
  ) {
    this.diskStamp = stamp;
    if (uri.scheme === 'file') {
      const folder = vscode.Uri.joinPath(uri, '..');
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, uri.path.split('/').pop()!));
      this.disposables.push(watcher, watcher.onDidChange(() => void this.onDiskChange()), watcher.onDidCreate(() => void this.onDiskChange()));
    }
  }

  static async open(uri: vscode.Uri, backupId: string | undefined, deps: DocumentDeps): Promise<RomDocument> {
    const disk = await readRomFile(uri);
    let bytes = disk.bytes;
    if (backupId) {
      // Hot exit: the unsaved bytes were written to the backup; the file on disk is unchanged.
      bytes = new Uint8Array(await vscode.workspace.fs.readFile(vscode.Uri.parse(backupId)));
    }
    const name = uri.path.split('/').pop() ?? 'ROM';
    const doc = new RomDocument(uri, RomSession.open(bytes, name, deps.services), disk.stamp, disk.readOnly, deps);
    if (backupId) doc.savedDepth = -1; // restored from a backup: differs from disk until saved
    return doc;
  }

  get fileName(): string {
    return this.uri.path.split('/').pop() ?? this.uri.path;
  }

  get bytes(): Uint8Array {
    return this.session.bytes;
  }

  get isDirty(): boolean {
    return this.applied.length !== this.savedDepth;
  }

  /** Applies an edit and records it with VS Code so undo/redo restore the exact bytes. */
  applyEdit(edit: RomEdit): void {
    const bytes = this.session.bytes;
    applyPatches(bytes, edit.patches, 'forward');
    this.session.update(bytes, rangesOf(edit));
    this.applied.push(edit);
    this.changeEmitter.fire();
    this.editEmitter.fire({
      document: this,
      label: edit.label,
      undo: () => {
        applyPatches(this.session.bytes, edit.patches, 'back');
        this.session.update(this.session.bytes, rangesOf(edit));
        this.applied.pop();
        this.changeEmitter.fire();
      },
      redo: () => {
        applyPatches(this.session.bytes, edit.patches, 'forward');
        this.session.update(this.session.bytes, rangesOf(edit));
        this.applied.push(edit);
        this.changeEmitter.fire();
      },
    });
  }

  async save(_token?: vscode.CancellationToken): Promise<void> {
    await this.writeTo(this.uri);
    this.savedDepth = this.applied.length;
  }

  async saveAs(target: vscode.Uri, _token?: vscode.CancellationToken): Promise<void> {
    await this.writeTo(target);
  }

  private async writeTo(target: vscode.Uri): Promise<void> {
    const bytes = this.session.bytes;
    if (target.scheme === 'file') {
      this.ignoreWatcherUntil = Date.now() + 2000;
      const r = await writeFileAtomic(target.fsPath, bytes, { keepBackups: this.deps.backupsToKeep() });
      if (r.backupPath) this.deps.log.info(`saved ${target.fsPath} (backup ${r.backupPath})`);
      else this.deps.log.info(`saved ${target.fsPath}`);
      if (r.prunedBackups.length) this.deps.log.info(`removed old backups: ${r.prunedBackups.join(', ')}`);
    } else {
      await vscode.workspace.fs.writeFile(target, bytes);
    }
    if (target.toString() === this.uri.toString()) this.diskStamp = await stampOf(target);
  }

  async revert(_token?: vscode.CancellationToken): Promise<void> {
    const disk = await readRomFile(this.uri);
    this.session.update(disk.bytes);
    this.diskStamp = disk.stamp;
    this.readOnly = disk.readOnly;
    this.applied = [];
    this.savedDepth = 0;
    this.changeEmitter.fire();
  }

  async backup(destination: vscode.Uri, _token: vscode.CancellationToken): Promise<vscode.CustomDocumentBackup> {
    await vscode.workspace.fs.writeFile(destination, this.session.bytes);
    return {
      id: destination.toString(),
      delete: async () => {
        try {
          await vscode.workspace.fs.delete(destination);
        } catch {
          /* already gone */
        }
      },
    };
  }

  /** True when the file on disk is no longer what this document read or last saved. */
  async changedOnDisk(): Promise<boolean> {
    try {
      const st = await stampOf(this.uri);
      return st.mtime !== this.diskStamp.mtime || st.size !== this.diskStamp.size;
    } catch {
      return true;
    }
  }

  private async onDiskChange(): Promise<void> {
    if (Date.now() < this.ignoreWatcherUntil) return;
    if (!(await this.changedOnDisk())) return;
    if (!this.isDirty) {
      this.deps.log.info(`${this.uri.fsPath} changed on disk: reloading`);
      await this.revert();
      return;
    }
    const choice = await vscode.window.showWarningMessage(
      `${this.fileName} changed on disk, and you have unsaved changes.`,
      'Reload from Disk (discard mine)',
      'Keep Mine',
    );
    if (choice === 'Reload from Disk (discard mine)') await vscode.commands.executeCommand('workbench.action.files.revert');
  }

  dispose(): void {
    this.disposeEmitter.fire();
    this.disposeEmitter.dispose();
    for (const d of this.disposables) d.dispose();
    void this.session.dispose();
  }
}
