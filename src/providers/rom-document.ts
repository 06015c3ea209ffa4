/**
 * The custom editor's document: VS Code's side of the core edit model (core/edit): the ROM bytes,
 * undoable edits with a saved marker, save / save as / revert / backup (hot exit), and a watcher
 * that reloads a clean document when the file changes on disk and asks when it is dirty.
 */
import * as vscode from 'vscode';
import { RomSession } from '../core/session/rom-session';
import type { SessionServices } from '../core/session/services';
import { checkRomFileSize } from '../core/rom/rom';
import { writeFileAtomic } from '../core/io/atomic-file';
import { localStamp, readLocalFile } from '../core/io/local-file';
import { EditModel, type BlockMove, type DiskStamp, type RomEdit, type RomFileAccess } from '../core/edit';
import { applyPlan, type InjectionPlan } from '../core/inject';
import { romContentHash } from '../core/cache/rom-hash';
import { copierHeaderSize } from '../core/rom/copier-header';

export interface DocumentDeps {
  log: vscode.LogOutputChannel;
  services: SessionServices;
  /** How many backups to keep when saving (setting spritepal.backups.keep). */
  backupsToKeep(): number;
  /** Called after the file was written by a save (the catalog records the ROM's identity and moves). */
  onDidSave?(doc: RomDocument): Promise<void>;
  /** Awaited before a save writes the file: the clean original is fixed first (it is kept from the bytes read at open). */
  beforeSave?(doc: RomDocument): Promise<void>;
  /** Called after Save As wrote `target`: the new file is recorded as an edited copy of the same original. */
  onDidSaveAs?(doc: RomDocument, target: vscode.Uri): Promise<void>;
}

export const RELOAD_CHOICE = 'Reload from Disk (discard mine)';
export const KEEP_CHOICE = 'Keep Mine';

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

/**
 * Whether a save is one the user asked for. VS Code does not tell a custom editor why it saves, so
 * this goes by the auto-save setting: with auto-save off every save is the user's; with
 * `afterDelay` a save that comes sooner than the delay after the last change cannot be the
 * auto-save; with `onFocusChange`/`onWindowChange` it cannot be told apart and counts as automatic.
 * An automatic save makes at most one backup a minute (atomic-file.ts); the user's always makes one.
 */
function saveLooksExplicit(target: vscode.Uri, lastChangeAt: number): boolean {
  const files = vscode.workspace.getConfiguration('files', target);
  const mode = files.get<string>('autoSave', 'off');
  if (mode === 'off') return true;
  if (mode === 'afterDelay') return Date.now() - lastChangeAt < Math.max(0, files.get<number>('autoSaveDelay', 1000) - 50);
  return false;
}

/** Writes a ROM file: atomically with backups for local files, through vscode.workspace.fs otherwise. */
async function writeRomFile(target: vscode.Uri, bytes: Uint8Array, deps: DocumentDeps, explicit = true): Promise<DiskStamp> {
  if (target.scheme === 'file') {
    const r = await writeFileAtomic(target.fsPath, bytes, { keepBackups: deps.backupsToKeep(), explicit });
    if (r.backupPath) deps.log.info(`saved ${target.fsPath} (backup ${r.backupPath})`);
    else if (r.unchanged) deps.log.info(`saved ${target.fsPath} (the file already held these bytes: nothing written)`);
    else if (r.backupSkipped === 'interval') deps.log.info(`saved ${target.fsPath} (automatic save: no backup, the newest is less than a minute old)`);
    else deps.log.info(`saved ${target.fsPath}`);
    if (r.followedSymlink) deps.log.info(`${target.fsPath} is a symbolic link: wrote ${r.writtenPath}`);
    if (r.prunedBackups.length) deps.log.info(`removed old backups: ${r.prunedBackups.join(', ')}`);
  } else {
    await vscode.workspace.fs.writeFile(target, bytes);
  }
  return stampOf(target);
}

/** The hot-exit sidecar beside a backup: the catalog moves the unsaved bytes carry. */
function movesUri(backup: vscode.Uri): vscode.Uri {
  return backup.with({ path: `${backup.path}.moves.json` });
}

async function readRestored(backupId: string, log: vscode.LogOutputChannel): Promise<{ bytes: Uint8Array; moves: BlockMove[] }> {
  const uri = vscode.Uri.parse(backupId);
  const bytes = new Uint8Array(await vscode.workspace.fs.readFile(uri));
  let moves: BlockMove[] = [];
  try {
    const raw: unknown = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(movesUri(uri))));
    if (Array.isArray(raw)) moves = raw.filter((m): m is BlockMove => Number.isInteger(m?.from) && Number.isInteger(m?.to) && m.from >= 0 && m.to >= 0);
  } catch (err) {
    if (!(err instanceof vscode.FileSystemError)) log.warn(`hot exit: the catalog moves beside ${uri.fsPath} are unreadable: ${(err as Error).message}`);
  }
  return { bytes, moves };
}

/** The file of an untitled document: its first bytes, never written (VS Code saves it with Save As). */
function untitledFile(uri: vscode.Uri, bytes: Uint8Array | undefined): RomFileAccess {
  if (!bytes) throw new Error(`${uri.path} has no contents: an untitled ROM is made by Apply Patch... and is gone once closed without saving`);
  checkRomFileSize(bytes.length, uri.path);
  const stamp = { mtime: 0, size: bytes.length };
  return {
    read: async () => ({ bytes, stamp }),
    write: () => Promise.reject(new Error(`${uri.path} is untitled: save it with Save As`)),
    stamp: async () => stamp,
  };
}

export class RomDocument implements vscode.CustomDocument {
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  /** Fires when the bytes change (edit, undo, redo, revert, reload): webviews refresh. */
  readonly onDidChangeContent = this.changeEmitter.event;
  private readonly editEmitter = new vscode.EventEmitter<vscode.CustomDocumentEditEvent<RomDocument>>();
  /** Fires for each new undoable edit (the provider forwards it to VS Code). */
  readonly onDidEdit = this.editEmitter.event;
  private readonly dirtyEmitter = new vscode.EventEmitter<void>();
  /**
   * Fires when the document is dirty at the depth of its save point: VS Code counts edits and would
   * call it clean, so the provider tells it with a content-change event.
   */
  readonly onDidBecomeDirtyAtSavePoint = this.dirtyEmitter.event;
  private readonly reloadEmitter = new vscode.EventEmitter<void>();
  /** Fires when the document was read again after the file changed on disk (its edits dropped). */
  readonly onDidReload = this.reloadEmitter.event;
  private readonly disposeEmitter = new vscode.EventEmitter<void>();
  /** Fires once when VS Code disposes the document (every editor on it closed). */
  readonly onDidDispose = this.disposeEmitter.event;
  private readonly disposables: vscode.Disposable[] = [this.changeEmitter, this.editEmitter, this.dirtyEmitter, this.reloadEmitter];
  private saving = 0;
  private changeWhileSaving = false;
  private asking = false;

  private constructor(
    readonly uri: vscode.Uri,
    readonly session: RomSession,
    private readonly model: EditModel,
    private readonly deps: DocumentDeps,
    /**
     * The file's bytes as read when the document was opened (undefined for an untitled one). After
     * hot exit the document starts from its backup's unsaved bytes; these are still the file's.
     */
    readonly openedFileBytes?: Uint8Array,
  ) {
    if (uri.scheme === 'file') {
      const folder = vscode.Uri.joinPath(uri, '..');
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, uri.path.split('/').pop()!));
      this.disposables.push(
        watcher,
        watcher.onDidChange(() => void this.onDiskChange()),
        watcher.onDidCreate(() => void this.onDiskChange()),
      );
    }
  }

  /**
   * Opens `uri`; an `untitled:` one (Apply Patch's result, never saved) starts from `untitled`, or
   * after hot exit from its backup: it has no file, and Save writes it through Save As.
   */
  static async open(uri: vscode.Uri, backupId: string | undefined, deps: DocumentDeps, untitled?: Uint8Array): Promise<RomDocument> {
    const holder: { session?: RomSession; changedAt: number; disk?: Uint8Array } = { changedAt: 0 };
    // Hot exit: the unsaved bytes (and their catalog moves) were written to the backup; the file on disk is unchanged.
    const restored = backupId ? await readRestored(backupId, deps.log) : undefined;
    const file: RomFileAccess =
      uri.scheme === 'untitled'
        ? untitledFile(uri, untitled ?? restored?.bytes)
        : {
            read: async () => {
              const r = await readRomFile(uri);
              holder.disk ??= r.bytes; // the file as it was when the document was opened
              return r;
            },
            write: (bytes) => writeRomFile(uri, bytes, deps, saveLooksExplicit(uri, holder.changedAt)),
            stamp: () => stampOf(uri),
          };
    const model = await EditModel.open(file, restored, (bytes, ranges) => {
      holder.changedAt = Date.now();
      holder.session?.update(bytes, ranges);
    });
    const name = uri.path.split('/').pop() ?? 'ROM';
    holder.session = RomSession.open(model.bytes, name, deps.services);
    return new RomDocument(uri, holder.session, model, deps, holder.disk);
  }

  get fileName(): string {
    return this.uri.path.split('/').pop() ?? this.uri.path;
  }

  get bytes(): Uint8Array {
    return this.session.bytes;
  }

  /** An `untitled:` document: no file behind it until Save As writes one. */
  get isUntitled(): boolean {
    return this.uri.scheme === 'untitled';
  }

  get isDirty(): boolean {
    return this.isUntitled || this.model.isDirty;
  }

  get readOnly(): boolean {
    return this.model.readOnly;
  }

  /**
   * SHA-256 of the headerless bytes the file held when last read (opened or reloaded): after hot
   * exit the document's own bytes are the backup's, not the file's. Null for an untitled document.
   */
  get fileHashWhenRead(): string | null {
    const read = this.lastRead;
    if (!read) return null;
    if (read === this.bytes) return this.session.romHash;
    return romContentHash(read.subarray(copierHeaderSize(read.length)));
  }

  private get lastRead(): Uint8Array | undefined {
    return this.reloaded ?? this.openedFileBytes;
  }

  private reloaded: Uint8Array | undefined;

  /** Edits in the document's history (applied since it was opened, not undone). */
  get editCount(): number {
    return this.model.depth;
  }

  /** Catalog moves of the edits since the file was opened, in order (the catalog applies them). */
  get catalogMoves(): BlockMove[] {
    return this.model.moves;
  }

  /**
   * Applies an edit (refused, nothing changed, when the bytes under a patch are not the ones it was
   * made for) and records it with VS Code so undo/redo restore the exact bytes.
   */
  applyEdit(edit: RomEdit): void {
    const handle = this.model.apply(edit);
    this.afterChange();
    this.editEmitter.fire({
      document: this,
      label: edit.label,
      undo: () => this.step(() => handle.undo()),
      redo: () => this.step(() => handle.redo()),
    });
  }

  /** Applies an injection plan through the core's applyPlan (its stale-file check included), as one edit. */
  applyInjection(plan: InjectionPlan, label: string): void {
    applyPlan(this.bytes, this.session.rom.copierHeaderSize, plan);
    this.applyEdit({ label, patches: plan.patches, moves: plan.moves });
  }

  private step(f: () => void): void {
    try {
      f();
    } catch (err) {
      this.deps.log.error(`${this.fileName}: ${(err as Error).message}`);
      void vscode.window.showErrorMessage(`SpritePal: ${(err as Error).message}`);
      throw err;
    }
    this.afterChange();
  }

  private afterChange(): void {
    this.changeEmitter.fire();
    if (this.model.dirtyAtSavedDepth) this.dirtyEmitter.fire();
  }

  async save(_token?: vscode.CancellationToken): Promise<void> {
    this.saving++;
    try {
      await this.deps.beforeSave?.(this);
      await this.model.save();
    } finally {
      this.saving--;
    }
    // A change seen while writing is looked at again now: our own write matches the saved stamp.
    if (this.saving === 0 && this.changeWhileSaving) {
      this.changeWhileSaving = false;
      void this.onDiskChange();
    }
    await this.deps.onDidSave?.(this);
  }

  async saveAs(target: vscode.Uri, _token?: vscode.CancellationToken): Promise<void> {
    await writeRomFile(target, this.bytes, this.deps);
    await this.deps.onDidSaveAs?.(this, target);
  }

  async revert(_token?: vscode.CancellationToken): Promise<void> {
    await this.model.revert();
    this.changeEmitter.fire();
  }

  async backup(destination: vscode.Uri, _token: vscode.CancellationToken): Promise<vscode.CustomDocumentBackup> {
    await vscode.workspace.fs.writeFile(destination, this.session.bytes);
    await vscode.workspace.fs.writeFile(movesUri(destination), new TextEncoder().encode(JSON.stringify(this.model.moves)));
    return {
      id: destination.toString(),
      delete: async () => {
        for (const u of [destination, movesUri(destination)]) {
          try {
            await vscode.workspace.fs.delete(u);
          } catch {
            /* already gone */
          }
        }
      },
    };
  }

  /** True when the file on disk is no longer what this document read or last saved. */
  changedOnDisk(): Promise<boolean> {
    return this.model.changedOnDisk();
  }

  private async onDiskChange(): Promise<void> {
    // Not a time window after a save: an outside write soon after one must still be seen. The
    // model compares the file's stamp with the one it wrote, so its own save reads as no change.
    if (this.saving > 0) {
      this.changeWhileSaving = true;
      return;
    }
    if (this.asking) return;
    const change = await this.model.diskChanged();
    if (change === 'none') return;
    if (change === 'reloaded') {
      this.deps.log.info(`${this.uri.fsPath} changed on disk: reloaded (the document had no unsaved changes)`);
      this.reloaded = this.bytes;
      this.reloadEmitter.fire();
      this.changeEmitter.fire();
      return;
    }
    this.deps.log.warn(`${this.uri.fsPath} changed on disk while it has unsaved changes: asking`);
    this.asking = true;
    try {
      const choice = await vscode.window.showWarningMessage(`${this.fileName} changed on disk, and you have unsaved changes.`, RELOAD_CHOICE, KEEP_CHOICE);
      this.deps.log.info(`${this.fileName} changed on disk: ${choice ?? 'no answer'} (unsaved changes kept unless reloaded)`);
      if (choice === RELOAD_CHOICE) {
        await this.model.reload();
        this.reloaded = this.bytes;
        this.reloadEmitter.fire();
        this.changeEmitter.fire();
        // VS Code still counts the edits: a soft revert makes it agree the document is clean.
        await vscode.commands.executeCommand('workbench.action.files.revert');
      } else if (choice === KEEP_CHOICE) {
        // Dirty until saved, whatever is undone: the disk holds none of this document's states.
        await this.model.keepMine();
        this.dirtyEmitter.fire();
      }
    } finally {
      this.asking = false;
    }
  }

  dispose(): void {
    this.disposeEmitter.fire();
    this.disposeEmitter.dispose();
    for (const d of this.disposables) d.dispose();
    void this.session.dispose();
  }
}
