/**
 * A ROM's clean original as the editor keeps it (the record itself is core/patch/original.ts):
 * fixed when a ROM is first opened in a workspace, from the bytes read then, before any edit can
 * reach the disk (auto-save writes about a second after an edit, and every save waits for this);
 * never taken from bytes an edit of this workspace wrote (a file `.spritepal/roms.json` knows as
 * edited has its original found among its backups instead). Read by the Changes tab and by
 * patches; changed with "SpritePal: Set Clean Original...", which lists the original in use first.
 */
import { posix } from 'node:path';
import * as vscode from 'vscode';
import { romContentHash } from '../core/cache/rom-hash';
import { listBackups, originalBackups } from '../core/io/atomic-file';
import { crc32, crcHex, findOriginal, keepOriginal, loadOriginals, OriginalError, readOriginal, recordOriginal, type WorkspaceFiles } from '../core/patch';
import { copierHeaderSize } from '../core/rom/copier-header';
import type { CatalogAccess } from './catalog-access';
import type { RomDocument } from './rom-document';

/** Why an untitled ROM (a patch's result, not saved yet) that does not know where it came from has no changes or patches of its own. */
export const UNTITLED_HAS_NO_ORIGINAL = 'this ROM is new and unsaved: save it first, then choose its clean original (it is recorded by file name)';
export const CHOOSE_FILE = 'Choose File...';
const UNKNOWN_SHOWN_KEY = 'spritepal.originalUnknownShown';

export function folderOf(uri: vscode.Uri): vscode.Uri {
  return vscode.workspace.getWorkspaceFolder(uri)?.uri ?? vscode.Uri.joinPath(uri, '..');
}

/** The edited ROM's key in originals.json: its path inside the folder. */
export function romKey(folder: vscode.Uri, uri: vscode.Uri): string {
  return posix.relative(folder.path, uri.path);
}

/** A path to store: relative inside the folder, absolute outside it. */
export function storedPath(folder: vscode.Uri, uri: vscode.Uri): string {
  const rel = posix.relative(folder.path, uri.path);
  return rel.startsWith('..') || posix.isAbsolute(rel) ? uri.fsPath : rel;
}

/** Workspace files over vscode.workspace.fs, paths relative to `folder` (absolute ones as they are). */
export function workspaceFiles(folder: vscode.Uri): WorkspaceFiles {
  const at = (p: string) => resolveStored(folder, p);
  return {
    async readFile(p) {
      try {
        return new Uint8Array(await vscode.workspace.fs.readFile(at(p)));
      } catch (err) {
        if (err instanceof vscode.FileSystemError && err.code === 'FileNotFound') return null;
        throw err;
      }
    },
    async writeFile(p, bytes) {
      const uri = at(p);
      await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, '..'));
      await vscode.workspace.fs.writeFile(uri, bytes);
    },
  };
}

/** A clean original's headerless bytes and how to name it: its recorded path, SHA-256 and CRC32 (what a BPS patch's source CRC is). */
export interface OriginalInfo {
  /** Headerless. */
  bytes: Uint8Array;
  /** The file's bytes (a copier header kept). */
  file: Uint8Array;
  path: string;
  sha256: string;
  crc32: string;
}

export type OriginalLookup = OriginalInfo | { unavailable: string };

const headerless = (file: Uint8Array) => file.subarray(copierHeaderSize(file.length));

export function originalInfo(path: string, file: Uint8Array): OriginalInfo {
  const bytes = headerless(file);
  return { bytes, file, path, sha256: romContentHash(bytes), crc32: crcHex(crc32(bytes)) };
}

/** Arguments for scripted use (tests): what is given is not asked. */
export interface SetOriginalArgs {
  uri?: vscode.Uri;
  original?: vscode.Uri;
}

export class CleanOriginals {
  private readonly fixing = new WeakMap<RomDocument, Promise<void>>();
  /** Untitled ROMs made by Apply Patch: the original they were made from (in memory, no file of their own). */
  private readonly untitled = new WeakMap<RomDocument, OriginalInfo>();

  constructor(
    private readonly memento: vscode.Memento,
    private readonly log: vscode.LogOutputChannel,
    private readonly catalog: CatalogAccess,
  ) {}

  /** A ROM was opened (its identity is attached): its original is fixed now unless one is recorded. */
  atOpen(doc: RomDocument): void {
    if (doc.isUntitled || doc.uri.scheme !== 'file') return;
    this.fixing.set(
      doc,
      this.fix(doc).catch((err: Error) => this.log.warn(`${doc.fileName}: could not keep its clean original: ${err.message}`)),
    );
  }

  /** Resolves once the original of `doc` is fixed (or could not be): saves wait for it. */
  whenFixed(doc: RomDocument): Promise<void> {
    return this.fixing.get(doc) ?? Promise.resolve();
  }

  private async fix(doc: RomDocument): Promise<void> {
    const opened = doc.openedFileBytes;
    if (!opened || !vscode.workspace.isTrusted) return;
    const folder = folderOf(doc.uri);
    const files = workspaceFiles(folder);
    const key = romKey(folder, doc.uri);
    if (await findOriginal(files, key)) return;
    const { identity } = await this.catalog.record(doc);
    const openedHash = romContentHash(headerless(opened));
    // The -original backup (the file before SpritePal first saved it), oldest first.
    const kept = (await originalBackups(doc.uri.fsPath).catch(() => [] as string[])).sort();
    if (identity.original === openedHash) {
      // The file holds its own original (no edit of this workspace was saved into it): keep it.
      const holder = await this.firstHolding(kept, openedHash);
      const rec = await keepOriginal(files, key, { romName: doc.fileName, bytes: opened, holder: holder && storedPath(folder, vscode.Uri.file(holder)) });
      this.log.info(`${doc.fileName}: clean original kept as it was first opened here: ${rec.path} (SHA-256 ${rec.sha256.slice(0, 12)}…)`);
      return;
    }
    // The file holds edits saved before: its original is a backup or a file recorded for another ROM.
    const backups = [...kept, ...(await listBackups(doc.uri.fsPath).catch(() => [] as string[])).reverse()];
    const holder = await this.firstHolding(backups, identity.original);
    if (holder) {
      const rec = await recordOriginal(files, key, { path: storedPath(folder, vscode.Uri.file(holder)), bytes: (await files.readFile(holder))! });
      this.log.info(`${doc.fileName}: holds edits saved before; its clean original is the backup ${rec.path}`);
      return;
    }
    for (const [other, rec] of Object.entries((await loadOriginals(files)).roms)) {
      if (rec.sha256 !== identity.original) continue;
      const bytes = await files.readFile(rec.path).catch(() => null);
      if (bytes && romContentHash(headerless(bytes)) === rec.sha256) {
        await recordOriginal(files, key, { path: rec.path, bytes });
        this.log.info(`${doc.fileName}: holds edits saved before; its clean original is ${rec.path} (recorded for ${other})`);
        return;
      }
    }
    this.log.warn(`${doc.fileName}: holds edits saved before, and no file holding its original (SHA-256 ${identity.original.slice(0, 12)}…) was found`);
    const shown = this.memento.get<string[]>(UNKNOWN_SHOWN_KEY, []);
    if (shown.includes(key)) return;
    await this.memento.update(UNKNOWN_SHOWN_KEY, [...shown, key]);
    const set = 'Set Clean Original...';
    // Not awaited: saves and the Changes tab wait for this function, not for the user's answer.
    void vscode.window
      .showWarningMessage(
        `SpritePal: ${doc.fileName} holds edits saved before, and its clean original is not among its backups. Patches and the Changes tab need the unmodified ROM.`,
        set,
      )
      .then((answer) => (answer === set ? vscode.commands.executeCommand('spritepal.setCleanOriginal', { uri: doc.uri }) : undefined));
  }

  /** The first of `paths` whose headerless bytes hash `sha256`. */
  private async firstHolding(paths: string[], sha256: string): Promise<string | undefined> {
    for (const p of paths) {
      const bytes = await vscode.workspace.fs.readFile(vscode.Uri.file(p)).then(
        (b) => new Uint8Array(b),
        () => null,
      );
      if (bytes && romContentHash(headerless(bytes)) === sha256) return p;
    }
    return undefined;
  }

  /** An untitled ROM made by Apply Patch came from `original` (a file's path as shown, its bytes). */
  setUntitledOriginal(doc: RomDocument, original: OriginalInfo): void {
    this.untitled.set(doc, original);
  }

  /** The clean original of a document, checked against its recorded SHA-256, or why there is none. */
  async originalOf(doc: RomDocument): Promise<OriginalLookup> {
    const carried = this.untitled.get(doc);
    if (carried) return carried;
    if (doc.isUntitled || doc.uri.scheme !== 'file') return { unavailable: UNTITLED_HAS_NO_ORIGINAL };
    await this.whenFixed(doc);
    const folder = folderOf(doc.uri);
    try {
      const r = await readOriginal(workspaceFiles(folder), romKey(folder, doc.uri));
      return originalInfo(r.record.path, r.bytes);
    } catch (err) {
      if (err instanceof OriginalError) return { unavailable: err.message };
      throw err;
    }
  }

  /**
   * After Save As wrote `target`: its clean original is the one `doc` has (a copy is kept when the
   * original has no file of its own, as an untitled patch result's may not).
   */
  async recordForSaveAs(doc: RomDocument, target: vscode.Uri): Promise<void> {
    if (target.scheme !== 'file' || !vscode.workspace.isTrusted) return;
    const o = await this.originalOf(doc);
    if ('unavailable' in o) return;
    const folder = folderOf(target);
    const files = workspaceFiles(folder);
    const file = await files.readFile(o.path).catch(() => null);
    const holder = file && romContentHash(headerless(file)) === o.sha256 ? o.path : undefined;
    const rec = await keepOriginal(files, romKey(folder, target), { romName: posix.basename(target.path), bytes: file ?? o.file, holder });
    this.log.info(`${posix.basename(target.path)}: clean original is ${rec.path} (from ${doc.fileName})`);
  }

  /**
   * "SpritePal: Set Clean Original...": the original in use first, then the ROM's `-original`
   * backup and its other backups (each with its CRC32, and whether it holds the ROM as first opened
   * here), or any file. Undefined when not answered.
   */
  async choose(args: SetOriginalArgs, doc: RomDocument, placeHolder?: string): Promise<OriginalInfo | undefined> {
    if (!vscode.workspace.isTrusted) throw new Error('choosing a clean original is disabled in untrusted workspaces');
    if (doc.isUntitled || doc.uri.scheme !== 'file') throw new Error(UNTITLED_HAS_NO_ORIGINAL);
    const folder = folderOf(doc.uri);
    const files = workspaceFiles(folder);
    const key = romKey(folder, doc.uri);
    let picked = args.original;
    if (!picked) {
      const { identity } = await this.catalog.record(doc);
      type Item = vscode.QuickPickItem & { uri?: vscode.Uri };
      const items: Item[] = [];
      const seen = new Set<string>();
      const add = async (uri: vscode.Uri, note: string, inUse = false) => {
        const bytes = await vscode.workspace.fs.readFile(uri).then(
          (b) => new Uint8Array(b),
          () => null,
        );
        if (!bytes) return;
        const info = originalInfo(storedPath(folder, uri), bytes);
        if (seen.has(info.sha256)) return;
        seen.add(info.sha256);
        const first = info.sha256 === identity.original ? 'the ROM as SpritePal first opened it here' : 'not the ROM as first opened here';
        items.push({
          label: `${inUse ? '$(check) ' : ''}${posix.basename(uri.path)}`,
          description: `CRC32 ${info.crc32}${inUse ? ' · in use' : ''}`,
          detail: `${info.path}: ${note}; ${first}`,
          uri,
        });
      };
      const current = await findOriginal(files, key).catch(() => null);
      if (current) await add(resolveStored(folder, current.path), 'the clean original in use', true);
      for (const b of (await originalBackups(doc.uri.fsPath).catch(() => [] as string[])).sort())
        await add(vscode.Uri.file(b), 'the file before SpritePal first saved it (kept until you delete it)');
      for (const b of (await listBackups(doc.uri.fsPath).catch(() => [] as string[])).reverse())
        await add(vscode.Uri.file(b), 'a backup SpritePal made when saving');
      items.push({ label: CHOOSE_FILE, description: 'the unmodified ROM, anywhere' });
      const pick = await vscode.window.showQuickPick(items, {
        title: `Clean original of ${doc.fileName}`,
        placeHolder: placeHolder ?? 'Patches and the Changes tab compare the ROM with this file',
        matchOnDetail: true,
      });
      if (!pick) return undefined;
      picked = pick.uri;
      if (!picked) {
        picked = (
          await vscode.window.showOpenDialog({
            canSelectMany: false,
            title: `The clean original of ${doc.fileName}`,
            defaultUri: vscode.Uri.joinPath(doc.uri, '..'),
            filters: { 'SNES ROMs': ['sfc', 'smc', 'swc', 'fig'], 'All files': ['*'] },
          })
        )?.[0];
        if (!picked) return undefined;
      }
    }
    const bytes = new Uint8Array(await vscode.workspace.fs.readFile(picked));
    // The ROM's own file changes with every save: a copy of it is kept instead.
    const rec =
      picked.toString() === doc.uri.toString()
        ? await keepOriginal(files, key, { romName: doc.fileName, bytes })
        : await recordOriginal(files, key, { path: storedPath(folder, picked), bytes });
    this.log.info(`${doc.fileName}: clean original set to ${rec.path} (SHA-256 ${rec.sha256.slice(0, 12)}…)`);
    return originalInfo(rec.path, bytes);
  }
}

/** A recorded path as a URI: relative ones inside `folder`. */
export function resolveStored(folder: vscode.Uri, path: string): vscode.Uri {
  return posix.isAbsolute(path) || /^[A-Za-z]:[\\/]/.test(path) ? vscode.Uri.file(path) : vscode.Uri.joinPath(folder, path);
}
