/**
 * The edit model of an open ROM: the current bytes, the history of applied edits and a saved
 * marker. Like Microsoft's Hex Editor (a saved edit index rather than a count), the document is
 * clean only when the edit on top of the history is the one that was on top when the file was last
 * written or read; a count would call "save after two edits, undo one, make a new one" clean.
 *
 * Pure TypeScript over a small file interface, so every sequence (save/undo/new edit, redo after
 * save, revert, hot-exit restore, the file changing on disk while dirty or clean) is unit-tested
 * without VS Code. The host wires `undo`/`redo` of each handle to its own undo stack.
 */
import { copierHeaderSize } from '../rom/copier-header';
import { EditHistoryError } from './errors';
import { fileRanges, invertPatches, patchedFile, type Patch } from './patch';

/** A catalog entry that moved with an edit (a relocating inject): headerless offsets. */
export interface BlockMove {
  from: number;
  to: number;
}

/** One undoable change: patches (checked against the bytes they replace) and the catalog moves that go with them. */
export interface RomEdit {
  label: string;
  patches: Patch[];
  moves?: BlockMove[];
}

export interface DiskStamp {
  mtime: number;
  size: number;
}

/** How the model reaches the file (the extension passes Node or vscode.workspace.fs; tests pass memory). */
export interface RomFileAccess {
  read(): Promise<{ bytes: Uint8Array; stamp: DiskStamp; readOnly?: boolean }>;
  /** Writes the file (atomically, with a backup: the caller's business) and returns its new stamp. */
  write(bytes: Uint8Array): Promise<DiskStamp>;
  stamp(): Promise<DiskStamp>;
}

/** What a change on disk did: nothing (our own write, or no change), reloaded a clean document, or needs the user. */
export type DiskChange = 'none' | 'reloaded' | 'conflict';

export interface EditHandle {
  readonly edit: RomEdit;
  undo(): void;
  redo(): void;
}

/** Restored hot-exit state: the unsaved bytes and the catalog moves they carry. */
export interface RestoredState {
  bytes: Uint8Array;
  moves?: BlockMove[];
}

interface Entry {
  id: number;
  /** Id of the entry below it when it was applied (0: the bottom). */
  parent: number;
  edit: RomEdit;
  /** False once a revert or reload dropped it: its undo/redo no longer fit the bytes. */
  live: boolean;
}

/** The saved marker of a document restored from a hot-exit backup: matches no history state. */
const NEVER_SAVED = -1;

export type ChangeListener = (bytes: Uint8Array, fileRanges: { start: number; end: number }[] | undefined) => void;

export class EditModel {
  private stack: Entry[] = [];
  private savedId = 0;
  /** History depth when the file was last written or read (what VS Code's save point counts). */
  private savedDepthValue = 0;
  private nextId = 1;
  private restoredMoves: BlockMove[] = [];
  private diskStamp: DiskStamp;
  readOnly: boolean;

  private constructor(
    private current: Uint8Array,
    stamp: DiskStamp,
    readOnly: boolean,
    private readonly file: RomFileAccess,
    private readonly onChange: ChangeListener,
  ) {
    this.diskStamp = stamp;
    this.readOnly = readOnly;
  }

  /** Reads the file; with `restored`, starts from hot-exit bytes instead (dirty until saved). */
  static async open(file: RomFileAccess, restored: RestoredState | undefined, onChange: ChangeListener = () => {}): Promise<EditModel> {
    const disk = await file.read();
    const m = new EditModel(restored ? restored.bytes : disk.bytes, disk.stamp, disk.readOnly ?? false, file, onChange);
    if (restored) {
      m.savedId = NEVER_SAVED;
      m.restoredMoves = [...(restored.moves ?? [])];
    }
    return m;
  }

  /** The current file bytes (copier header included). Do not mutate: apply an edit. */
  get bytes(): Uint8Array {
    return this.current;
  }

  private get topId(): number {
    return this.stack.at(-1)?.id ?? 0;
  }

  get isDirty(): boolean {
    return this.topId !== this.savedId;
  }

  /** Edits in the history, bottom first. */
  get edits(): RomEdit[] {
    return this.stack.map((e) => e.edit);
  }

  get depth(): number {
    return this.stack.length;
  }

  get savedDepth(): number {
    return this.savedDepthValue;
  }

  /**
   * True when the document is dirty at the same history depth as the save: a host that counts
   * (VS Code's custom editors do) would call it clean and must be told it is not.
   */
  get dirtyAtSavedDepth(): boolean {
    return this.isDirty && this.depth === this.savedDepthValue;
  }

  /** Catalog moves since the file was opened (restored ones first), in order. */
  get moves(): BlockMove[] {
    return [...this.restoredMoves, ...this.stack.flatMap((e) => e.edit.moves ?? [])];
  }

  private get base(): number {
    return copierHeaderSize(this.current.length);
  }

  private set(bytes: Uint8Array, patches: readonly Patch[] | undefined): void {
    const base = this.base;
    this.current = bytes;
    this.onChange(bytes, patches ? fileRanges(base, patches) : undefined);
  }

  /**
   * Applies an edit (refused with StaleRomError, nothing changed, when the bytes under a patch are
   * not its `before`) and returns the handle the host's undo stack calls.
   */
  apply(edit: RomEdit): EditHandle {
    const next = patchedFile(this.current, this.base, edit.patches);
    const entry: Entry = { id: this.nextId++, parent: this.topId, edit, live: true };
    this.stack.push(entry);
    this.set(next, edit.patches);
    return { edit, undo: () => this.undo(entry), redo: () => this.redo(entry) };
  }

  private undo(entry: Entry): void {
    if (!entry.live) throw new EditHistoryError(`cannot undo "${entry.edit.label}": the file was reloaded from disk since`);
    if (this.stack.at(-1) !== entry) throw new EditHistoryError(`cannot undo "${entry.edit.label}": it is not the last edit`);
    const patches = invertPatches(entry.edit.patches);
    const next = patchedFile(this.current, this.base, patches);
    this.stack.pop();
    this.set(next, patches);
  }

  private redo(entry: Entry): void {
    if (!entry.live) throw new EditHistoryError(`cannot redo "${entry.edit.label}": the file was reloaded from disk since`);
    if (this.topId !== entry.parent || this.stack.includes(entry)) throw new EditHistoryError(`cannot redo "${entry.edit.label}": the history has moved on`);
    const next = patchedFile(this.current, this.base, entry.edit.patches);
    this.stack.push(entry);
    this.set(next, entry.edit.patches);
  }

  private markSaved(stamp: DiskStamp): void {
    this.savedId = this.topId;
    this.savedDepthValue = this.depth;
    this.diskStamp = stamp;
  }

  /** Writes the current bytes to the file; the document is clean afterwards. */
  async save(): Promise<void> {
    const stamp = await this.file.write(this.current);
    this.markSaved(stamp);
  }

  /**
   * Back to the file on disk. Edits up to the saved marker stay in the history (VS Code keeps them
   * on its undo stack: the file holds them); later ones are dropped. When the marker is not in the
   * history (restored from a backup, or saved edits undone and replaced), every edit is dropped.
   */
  async revert(): Promise<void> {
    const disk = await this.file.read();
    const at = this.stack.findIndex((e) => e.id === this.savedId);
    const keep = this.savedId === 0 ? 0 : at + 1;
    if (this.savedId === NEVER_SAVED) this.restoredMoves = [];
    this.drop(keep);
    this.readOnly = disk.readOnly ?? false;
    this.markSaved(disk.stamp);
    this.set(disk.bytes, undefined);
  }

  /** Reads the file again after it changed on disk: the whole history is dropped (it no longer fits). */
  async reload(): Promise<void> {
    const disk = await this.file.read();
    this.drop(0);
    this.restoredMoves = [];
    this.readOnly = disk.readOnly ?? false;
    this.markSaved(disk.stamp);
    this.set(disk.bytes, undefined);
  }

  private drop(keep: number): void {
    for (const e of this.stack.slice(keep)) e.live = false;
    this.stack = this.stack.slice(0, keep);
  }

  /**
   * The user keeps the document after the file changed on disk: the change is acknowledged (not
   * asked about again), and no state of the history is what the disk holds any more, so the
   * document stays dirty until it is saved, even if every edit is undone.
   */
  async keepMine(): Promise<void> {
    this.diskStamp = await this.file.stamp();
    this.savedId = NEVER_SAVED;
    this.savedDepthValue = -1;
  }

  /** True when the file on disk is not what this model last read or wrote. */
  async changedOnDisk(): Promise<boolean> {
    try {
      const st = await this.file.stamp();
      return st.mtime !== this.diskStamp.mtime || st.size !== this.diskStamp.size;
    } catch {
      return true;
    }
  }

  /**
   * Call when the file may have changed on disk: a clean document reloads; a dirty one reports a
   * conflict, and the caller asks the user (an edit is never discarded silently).
   */
  async diskChanged(): Promise<DiskChange> {
    if (!(await this.changedOnDisk())) return 'none';
    if (this.isDirty) return 'conflict';
    await this.reload();
    return 'reloaded';
  }
}
