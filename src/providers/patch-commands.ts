/**
 * "SpritePal: Create Patch..." and "SpritePal: Apply Patch...", and the once-per-workspace
 * question of which file is a ROM's clean original (asked on its first edit, or when a patch is
 * first made). The core makes, checks and applies the patches (core/patch); this module asks the
 * questions and writes the files. Nothing is ever written over the ROM, the original or the patch:
 * an applied patch becomes a new unsaved ROM document (`untitled:`, saved through Save As) or a
 * new file the user chooses.
 */
import { posix } from 'node:path';
import * as vscode from 'vscode';
import { listBackups, writeFileAtomic } from '../core/io/atomic-file';
import {
  applyRomPatch,
  createRomPatch,
  OriginalError,
  PatchError,
  patchesBetween,
  readOriginal,
  recordOriginal,
  findOriginal,
  type PatchFormat,
  type PatchSummary,
  type WorkspaceFiles,
} from '../core/patch';
import { RomDocument } from './rom-document';
import { ROM_EDITOR_VIEW_TYPE, type RomEditorProvider } from './rom-editor-provider';

/** Arguments for scripted use (tests): what is given is not asked. */
export interface CreatePatchArgs {
  uri?: vscode.Uri;
  /** Use (and remember) this file as the clean original. */
  original?: vscode.Uri;
  format?: PatchFormat;
  output?: vscode.Uri;
}

export interface ApplyPatchArgs {
  rom?: vscode.Uri;
  patch?: vscode.Uri;
  /** Write the result to this file (never the ROM or the patch). */
  output?: vscode.Uri;
  /** Open the result as a new unsaved ROM document instead of writing a file. */
  untitled?: boolean;
  /** Open the written file in the ROM editor (default true). */
  open?: boolean;
}

export interface PatchCommandResult {
  /** The file written (a path), or the untitled document opened (its URI). */
  output?: string;
  summary?: PatchSummary;
  header?: 'none' | 'kept' | 'patched';
  refused?: string;
}

const ASKED_KEY = 'spritepal.originalAsked';
const KEEP_COPY = 'Keep a Copy of the File on Disk';
export const NEW_DOCUMENT = 'Open as a New Unsaved ROM';
/** Why an untitled ROM (a patch's result, not saved yet) has no changes or patches of its own. */
export const UNTITLED_HAS_NO_ORIGINAL = 'this ROM is new and unsaved: save it first, then choose its clean original (it is recorded by file name)';
export const SAVE_TO_FILE = 'Save to a File...';
const CHOOSE = 'Choose File...';

export function folderOf(uri: vscode.Uri): vscode.Uri {
  return vscode.workspace.getWorkspaceFolder(uri)?.uri ?? vscode.Uri.joinPath(uri, '..');
}

/** The edited ROM's key in originals.json: its path inside the folder. */
export function romKey(folder: vscode.Uri, uri: vscode.Uri): string {
  return posix.relative(folder.path, uri.path);
}

/** A path to store: relative inside the folder, absolute outside it. */
function storedPath(folder: vscode.Uri, uri: vscode.Uri): string {
  const rel = posix.relative(folder.path, uri.path);
  return rel.startsWith('..') || posix.isAbsolute(rel) ? uri.fsPath : rel;
}

/** Workspace files over vscode.workspace.fs, paths relative to `folder` (absolute ones as they are). */
export function workspaceFiles(folder: vscode.Uri): WorkspaceFiles {
  const at = (p: string) => (posix.isAbsolute(p) || /^[A-Za-z]:[\\/]/.test(p) ? vscode.Uri.file(p) : vscode.Uri.joinPath(folder, p));
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

async function writeResult(uri: vscode.Uri, bytes: Uint8Array): Promise<void> {
  if (uri.scheme === 'file') await writeFileAtomic(uri.fsPath, bytes);
  else await vscode.workspace.fs.writeFile(uri, bytes);
}

const sameFile = (a: vscode.Uri, b: vscode.Uri) => a.toString() === b.toString();

/**
 * Asks which file is the clean original of `doc` and records it: a copy of the file on disk
 * (before unsaved edits), one of its save backups, or any file. Undefined when not answered.
 */
async function chooseOriginal(doc: RomDocument, log: vscode.LogOutputChannel, why: string): Promise<{ bytes: Uint8Array } | undefined> {
  const folder = folderOf(doc.uri);
  type Item = vscode.QuickPickItem & { uri?: vscode.Uri; copy?: boolean };
  const items: Item[] = [];
  if (doc.uri.scheme === 'file') {
    items.push({
      label: KEEP_COPY,
      description: `saved beside it as ${copyName(doc.uri)}`,
      detail: 'Right if the file on disk has none of your changes yet (before the first save).',
      copy: true,
    });
    // Oldest first: the backup of the first save holds the ROM as it was before any edit.
    const backups = (await listBackups(doc.uri.fsPath).catch(() => [] as string[])).reverse();
    for (const b of backups) items.push({ label: posix.basename(b), description: 'a backup SpritePal made when saving', uri: vscode.Uri.file(b) });
  }
  items.push({ label: CHOOSE, description: 'the unmodified ROM, anywhere' });
  const pick = await vscode.window.showQuickPick(items, { title: `Which file is the clean original of ${doc.fileName}?`, placeHolder: why });
  if (!pick) return undefined;
  let uri = pick.uri;
  let bytes: Uint8Array;
  if (pick.copy) {
    bytes = new Uint8Array(await vscode.workspace.fs.readFile(doc.uri));
    uri = vscode.Uri.joinPath(doc.uri, '..', copyName(doc.uri));
    await writeResult(uri, bytes);
  } else {
    if (!uri) {
      const picked = await vscode.window.showOpenDialog({
        canSelectMany: false,
        title: `The clean original of ${doc.fileName}`,
        filters: { 'SNES ROMs': ['sfc', 'smc', 'swc', 'fig'], 'All files': ['*'] },
      });
      uri = picked?.[0];
      if (!uri) return undefined;
    }
    bytes = new Uint8Array(await vscode.workspace.fs.readFile(uri));
  }
  const rec = await recordOriginal(workspaceFiles(folder), romKey(folder, doc.uri), { path: storedPath(folder, uri), bytes });
  log.info(`${doc.fileName}: clean original is ${rec.path} (SHA-256 ${rec.sha256})`);
  return { bytes };
}

function copyName(uri: vscode.Uri): string {
  const name = posix.basename(uri.path);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? `${name.slice(0, dot)}.original${name.slice(dot)}` : `${name}.original`;
}

/** The recorded original's bytes; asks when there is none usable and the user may be asked. */
async function originalBytes(doc: RomDocument, log: vscode.LogOutputChannel, args: CreatePatchArgs, scripted: boolean): Promise<Uint8Array | string> {
  const folder = folderOf(doc.uri);
  const files = workspaceFiles(folder);
  if (args.original) {
    const bytes = new Uint8Array(await vscode.workspace.fs.readFile(args.original));
    await recordOriginal(files, romKey(folder, doc.uri), { path: storedPath(folder, args.original), bytes });
    return bytes;
  }
  try {
    return (await readOriginal(files, romKey(folder, doc.uri))).bytes;
  } catch (err) {
    if (!(err instanceof OriginalError)) throw err;
    if (scripted) return err.message;
    const chosen = await chooseOriginal(doc, log, err.message);
    return chosen ? chosen.bytes : err.message;
  }
}

async function createPatch(editor: RomEditorProvider, log: vscode.LogOutputChannel, args: CreatePatchArgs): Promise<PatchCommandResult> {
  // Given an output, the call is scripted (tests): no questions, refusals only returned.
  const scripted = Boolean(args.output);
  const refuse = (why: string): PatchCommandResult => {
    log.warn(`create patch: ${why}`);
    if (!scripted) void vscode.window.showErrorMessage(`SpritePal: ${why}`);
    return { refused: why };
  };
  if (!vscode.workspace.isTrusted) return refuse('making patches is disabled in untrusted workspaces');
  const doc = await editor.documentFor(args.uri, 'Choose the modified ROM to make a patch from');
  if (!doc) return { refused: 'no ROM chosen' };
  if (doc.isUntitled) return refuse(`no patch made: ${UNTITLED_HAS_NO_ORIGINAL}`);
  const original = await originalBytes(doc, log, args, scripted);
  if (typeof original === 'string') return refuse(`no patch made: ${original}`);
  let format = args.format;
  if (!format) {
    const pick = await vscode.window.showQuickPick(
      [
        { label: 'BPS', description: 'checked by CRC32: refuses the wrong ROM; any size (recommended)', format: 'bps' as const },
        { label: 'IPS', description: 'the old format: no checks, files up to 16 MiB', format: 'ips' as const },
      ],
      { title: `Patch format for ${doc.fileName}` },
    );
    if (!pick) return { refused: 'no format chosen' };
    format = pick.format;
  }
  const stem = doc.fileName.replace(/\.[^.]+$/, '');
  const output =
    args.output ??
    (await vscode.window.showSaveDialog({
      title: 'Save the patch',
      defaultUri: vscode.Uri.joinPath(doc.uri, '..', `${stem}.${format}`),
      filters: { [format.toUpperCase()]: [format] },
    }));
  if (!output) return { refused: 'no file chosen' };
  if (sameFile(output, doc.uri)) return refuse('the patch cannot be written over the ROM');
  let made;
  try {
    made = createRomPatch(original, doc.bytes, format);
  } catch (err) {
    if (err instanceof PatchError) return refuse(err.message);
    throw err;
  }
  await writeResult(output, made.patch);
  const s = made.summary;
  const text = `${format.toUpperCase()} patch ${posix.basename(output.path)}: ${s.patchSize} bytes for ${s.changedBytes} changed bytes${doc.isDirty ? ' (includes unsaved edits)' : ''}`;
  log.info(`${doc.fileName}: ${text}`);
  if (!scripted) void vscode.window.showInformationMessage(`SpritePal: ${text}`);
  return { output: output.fsPath, summary: s };
}

async function applyPatch(editor: RomEditorProvider, log: vscode.LogOutputChannel, args: ApplyPatchArgs): Promise<PatchCommandResult> {
  const scripted = Boolean(args.rom && args.patch && (args.output || args.untitled));
  const refuse = (why: string): PatchCommandResult => {
    log.warn(`apply patch: ${why}`);
    if (!scripted) void vscode.window.showErrorMessage(`SpritePal: ${why}`);
    return { refused: why };
  };
  let romUri = args.rom ?? editor.activeDocument?.uri;
  if (!romUri)
    romUri = (
      await vscode.window.showOpenDialog({ canSelectMany: false, title: 'Choose the ROM to patch', filters: { 'SNES ROMs': ['sfc', 'smc', 'swc', 'fig'] } })
    )?.[0];
  if (!romUri) return { refused: 'no ROM chosen' };
  const patchUri =
    args.patch ?? (await vscode.window.showOpenDialog({ canSelectMany: false, title: 'Choose the patch', filters: { Patches: ['bps', 'ips'] } }))?.[0];
  if (!patchUri) return { refused: 'no patch chosen' };
  const open = editor.documents.find((d) => sameFile(d.uri, romUri!));
  const rom = open ? open.bytes : new Uint8Array(await vscode.workspace.fs.readFile(romUri));
  let applied;
  try {
    applied = applyRomPatch(rom, new Uint8Array(await vscode.workspace.fs.readFile(patchUri)));
  } catch (err) {
    if (err instanceof PatchError) return refuse(`${posix.basename(patchUri.path)}: ${err.message}`);
    throw err;
  }
  const name = posix.basename(romUri.path);
  const dot = name.lastIndexOf('.');
  const suggested = dot > 0 ? `${name.slice(0, dot)}.patched${name.slice(dot)}` : `${name}.patched`;
  let untitled = args.untitled === true && !args.output;
  if (!args.output && !args.untitled) {
    const pick = await vscode.window.showQuickPick(
      [
        { label: NEW_DOCUMENT, description: 'unsaved: Save asks where to write it', untitled: true },
        { label: SAVE_TO_FILE, description: 'a new file; the ROM and the patch are never written over', untitled: false },
      ],
      { title: `Apply ${posix.basename(patchUri.path)} to ${name}: where should the result go?` },
    );
    if (!pick) return { refused: 'no destination chosen' };
    untitled = pick.untitled;
  }
  if (untitled) {
    // The ROM, with the patch applied on it as one undoable edit (when it only replaces bytes).
    const patches = patchesBetween(rom, applied.bytes);
    const edit = patches && patches.length > 0 ? { label: `Apply ${posix.basename(patchUri.path)}`, patches } : null;
    const doc = await editor.openUntitled(vscode.Uri.joinPath(romUri, '..'), suggested, edit ? rom.slice() : applied.bytes, edit);
    log.info(`applied ${posix.basename(patchUri.path)} to ${name}: opened ${doc.uri.path} unsaved (${applied.bytes.length} bytes, header ${applied.header})`);
    return { output: doc.uri.toString(), summary: applied.summary, header: applied.header };
  }
  const output =
    args.output ??
    (await vscode.window.showSaveDialog({
      title: 'Save the patched ROM',
      defaultUri: vscode.Uri.joinPath(romUri, '..', suggested),
      filters: { 'SNES ROMs': ['sfc', 'smc'] },
    }));
  if (!output) return { refused: 'no file chosen' };
  if (sameFile(output, romUri) || sameFile(output, patchUri)) return refuse('the result is never written over the ROM or the patch: choose another file');
  await writeResult(output, applied.bytes);
  log.info(`applied ${posix.basename(patchUri.path)} to ${name}: wrote ${output.fsPath} (${applied.bytes.length} bytes, header ${applied.header})`);
  if (args.open !== false) await vscode.commands.executeCommand('vscode.openWith', output, ROM_EDITOR_VIEW_TYPE);
  return { output: output.fsPath, summary: applied.summary, header: applied.header };
}

/** On a ROM's first edit, asks once per workspace which file is its clean original (unless known). */
async function askOnFirstEdit(context: vscode.ExtensionContext, doc: RomDocument, log: vscode.LogOutputChannel): Promise<void> {
  // An untitled ROM (Apply Patch's result) has no place for a record until it is saved.
  if (!vscode.workspace.isTrusted || doc.isUntitled) return;
  const folder = folderOf(doc.uri);
  const key = romKey(folder, doc.uri);
  const asked = context.workspaceState.get<string[]>(ASKED_KEY, []);
  if (asked.includes(key)) return;
  await context.workspaceState.update(ASKED_KEY, [...asked, key]);
  if (await findOriginal(workspaceFiles(folder), key).catch(() => null)) return;
  const answer = await vscode.window.showInformationMessage(
    `SpritePal: which file is the clean original of ${doc.fileName}? Patches are made against it.`,
    KEEP_COPY,
    CHOOSE,
    'Not Now',
  );
  if (answer === KEEP_COPY || answer === CHOOSE) {
    const chosen = await chooseOriginal(doc, log, 'Patches of this ROM are made against this file');
    if (!chosen) log.info(`${doc.fileName}: no clean original chosen (asked again when a patch is made)`);
  }
}

export function registerPatchCommands(context: vscode.ExtensionContext, editor: RomEditorProvider, log: vscode.LogOutputChannel): void {
  const fail =
    (what: string) =>
    (e: Error): PatchCommandResult => {
      log.error(`${what}: ${e.message}`);
      void vscode.window.showErrorMessage(`SpritePal: ${e.message}`);
      return { refused: e.message };
    };
  const create = (args: CreatePatchArgs): Promise<PatchCommandResult> => createPatch(editor, log, args).catch(fail('create patch'));
  editor.actions.createPatch = create;
  context.subscriptions.push(
    vscode.commands.registerCommand('spritepal.createPatch', (args?: CreatePatchArgs) => create(args ?? {})),
    vscode.commands.registerCommand('spritepal.applyPatch', (args?: ApplyPatchArgs) => applyPatch(editor, log, args ?? {}).catch(fail('apply patch'))),
    editor.onDidChangeCustomDocument(
      (e) =>
        e.document instanceof RomDocument &&
        void askOnFirstEdit(context, e.document, log).catch((err: Error) => log.warn(`clean original question: ${err.message}`)),
    ),
  );
}
