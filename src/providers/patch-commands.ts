/**
 * "SpritePal: Create Patch...", "SpritePal: Apply Patch..." and "SpritePal: Set Clean Original...".
 * The core makes, checks and applies the patches (core/patch); clean-original.ts keeps each ROM's
 * original; this module asks the questions and writes the files. Nothing is ever written over the
 * ROM, the original or the patch: an applied patch becomes a new unsaved ROM document (`untitled:`,
 * saved through Save As) or a new file the user chooses. Apply Patch asks which ROM to patch (the
 * clean original first, and a BPS patch's own source marked), warns before an IPS patch goes onto
 * a ROM with edits, and gives an untitled result the identity and block moves of the ROM it came
 * from, so the catalog's names follow the patch's relocations there too.
 */
import { posix } from 'node:path';
import * as vscode from 'vscode';
import { romContentHash } from '../core/cache/rom-hash';
import { headerKey, movesBetween, type RomRecord } from '../core/catalog';
import type { BlockMove } from '../core/edit/edit-model';
import { writeFileAtomic } from '../core/io/atomic-file';
import {
  applyRomPatch,
  createRomPatch,
  crc32,
  crcHex,
  detectPatchFormat,
  PatchError,
  patchesBetween,
  readBpsHeader,
  type PatchFormat,
  type PatchSummary,
} from '../core/patch';
import { copierHeaderSize } from '../core/rom/copier-header';
import { Rom } from '../core/rom';
import { originalInfo, type OriginalInfo, type SetOriginalArgs } from './clean-original';
import { RomDocument } from './rom-document';
import { ROM_EDITOR_VIEW_TYPE, type RomEditorProvider } from './rom-editor-provider';

export { UNTITLED_HAS_NO_ORIGINAL } from './clean-original';

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

export const NEW_DOCUMENT = 'Open as a New Unsaved ROM';
export const SAVE_TO_FILE = 'Save to a File...';
export const APPLY_ANYWAY = 'Apply Anyway';
const CHOOSE_ROM = 'Choose File...';

async function writeResult(uri: vscode.Uri, bytes: Uint8Array): Promise<void> {
  if (uri.scheme === 'file') await writeFileAtomic(uri.fsPath, bytes);
  else await vscode.workspace.fs.writeFile(uri, bytes);
}

const sameFile = (a: vscode.Uri, b: vscode.Uri) => a.toString() === b.toString();
const headerless = (file: Uint8Array) => file.subarray(copierHeaderSize(file.length));

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
  if (args.original) await editor.originals.choose({ original: args.original }, doc);
  let found = await editor.originals.originalOf(doc);
  if ('unavailable' in found) {
    if (scripted || doc.isUntitled) return refuse(`no patch made: ${found.unavailable}`);
    const chosen = await editor.originals.choose({}, doc, found.unavailable);
    if (!chosen) return refuse(`no patch made: ${found.unavailable}`);
    found = chosen;
    editor.refresh(doc);
  }
  const original = found;
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
      defaultUri: vscode.Uri.joinPath(doc.uri.scheme === 'file' ? doc.uri : vscode.Uri.file(doc.uri.path), '..', `${stem}.${format}`),
      filters: { [format.toUpperCase()]: [format] },
    }));
  if (!output) return { refused: 'no file chosen' };
  if (sameFile(output, doc.uri)) return refuse('the patch cannot be written over the ROM');
  let made;
  try {
    made = createRomPatch(original.bytes, doc.bytes, format);
  } catch (err) {
    if (err instanceof PatchError) return refuse(err.message);
    throw err;
  }
  await writeResult(output, made.patch);
  const s = made.summary;
  const text = `${format.toUpperCase()} patch ${posix.basename(output.path)}: ${s.patchSize} bytes for ${s.changedBytes} changed bytes against ${posix.basename(original.path)} (CRC32 ${original.crc32})${doc.isDirty ? ', unsaved edits included' : ''}`;
  log.info(`${doc.fileName}: ${text}`);
  if (!scripted) void vscode.window.showInformationMessage(`SpritePal: ${text}`);
  return { output: output.fsPath, summary: s };
}

/** A ROM a patch can be applied to: its bytes, where it came from, and what it is. */
interface PatchBase {
  /** The file's bytes (a copier header kept). */
  bytes: Uint8Array;
  /** The name and folder the result is offered under (`<name>.patched.sfc` beside it). */
  name: string;
  folder: vscode.Uri;
  /** Its catalog identity and every block move from its original to these bytes. */
  record: RomRecord;
  /** The clean original it came from, when known (the result's Changes tab compares with it). */
  original: OriginalInfo | null;
  /** What edits it has (null: none): an IPS patch warns before going onto it. */
  edits: string | null;
}

/** A ROM file's base: its identity from the workspace (an edited copy SpritePal saved, else its own original). */
async function fileBase(editor: RomEditorProvider, uri: vscode.Uri): Promise<PatchBase> {
  const bytes = new Uint8Array(await vscode.workspace.fs.readFile(uri));
  const name = posix.basename(uri.path);
  const sha = romContentHash(headerless(bytes));
  const saved = await editor.catalog.recordOfContent(uri, sha).catch(() => null);
  const header = headerKey(new Rom(bytes, name));
  return {
    bytes,
    name,
    folder: vscode.Uri.joinPath(uri, '..'),
    record: { identity: { header, original: saved?.original ?? sha, current: sha }, baseMoves: saved?.moves ?? [] },
    original: saved ? null : originalInfo(vscode.workspace.asRelativePath(uri), bytes),
    edits: saved ? 'edits SpritePal saved into it' : null,
  };
}

/** An open ROM's base: its bytes now (unsaved edits included), its identity and all its moves. */
async function documentBase(editor: RomEditorProvider, doc: RomDocument): Promise<PatchBase> {
  const [record, moves, original] = await Promise.all([editor.catalog.record(doc), editor.catalog.moves(doc), editor.originals.originalOf(doc)]);
  const n = doc.editCount;
  const savedBefore = record.identity.original !== (doc.fileHashWhenRead ?? record.identity.current);
  return {
    bytes: doc.bytes,
    name: doc.fileName,
    folder: vscode.Uri.joinPath(doc.uri.scheme === 'file' ? doc.uri : vscode.Uri.file(doc.uri.path), '..'),
    record: { identity: { ...record.identity, current: doc.session.romHash }, baseMoves: moves },
    original: 'unavailable' in original ? null : original,
    edits: n > 0 ? `${n} edit${n === 1 ? '' : 's'}${doc.isDirty ? ', unsaved' : ''}` : savedBefore ? 'edits saved in its file' : null,
  };
}

/** A clean original as a base: the ROM it belongs to names the result. */
function originalBase(doc: RomDocument, o: OriginalInfo, header: RomRecord['identity']['header']): PatchBase {
  return {
    bytes: o.file,
    name: doc.fileName,
    folder: vscode.Uri.joinPath(doc.uri.scheme === 'file' ? doc.uri : vscode.Uri.file(doc.uri.path), '..'),
    record: { identity: { header, original: o.sha256, current: o.sha256 }, baseMoves: [] },
    original: o,
    edits: null,
  };
}

/**
 * Which ROM the patch goes onto: the clean originals of the open ROMs first (the active one's
 * first), then the open ROMs as they are, then any file. A BPS patch's own source (by CRC32) is
 * marked. Undefined: not answered.
 */
async function pickBase(editor: RomEditorProvider, patchName: string, sourceCrc: number | null): Promise<PatchBase | undefined> {
  type Item = vscode.QuickPickItem & { base?: () => Promise<PatchBase> };
  const docs = editor.documents.slice().sort((a, b) => Number(b === editor.activeDocument) - Number(a === editor.activeDocument));
  const items: Item[] = [];
  const seen = new Set<string>();
  const crcNote = (headerlessBytes: Uint8Array) => {
    const crc = crc32(headerlessBytes);
    if (sourceCrc === null) return `CRC32 ${crcHex(crc)}`;
    return `CRC32 ${crcHex(crc)}: ${crc === sourceCrc ? '' : 'not '}this patch's source`;
  };
  for (const doc of docs) {
    const o = await editor.originals.originalOf(doc);
    if ('unavailable' in o || seen.has(o.sha256)) continue;
    seen.add(o.sha256);
    const { identity } = await editor.catalog.record(doc);
    items.push({
      label: `$(file-binary) Clean original of ${doc.fileName}`,
      description: crcNote(o.bytes),
      detail: o.path,
      base: async () => originalBase(doc, o, identity.header),
    });
  }
  for (const doc of docs) {
    if (seen.has(doc.session.romHash)) continue;
    seen.add(doc.session.romHash);
    items.push({
      label: doc.fileName,
      description: crcNote(doc.session.rom.data),
      detail: doc.isDirty ? 'open, with unsaved edits: as it is in the editor' : 'open in the editor',
      base: () => documentBase(editor, doc),
    });
  }
  items.push({ label: CHOOSE_ROM, description: 'any ROM file' });
  // ignoreFocusOut: it follows the file dialog, whose closing gives the focus back to an editor
  // (a webview), and a question that closed itself then would end the command unanswered.
  const pick = await vscode.window.showQuickPick(items, {
    title: `Apply ${patchName} to which ROM?`,
    placeHolder: 'The clean original is the ROM a patch is normally made against',
    matchOnDetail: true,
    ignoreFocusOut: true,
  });
  if (!pick) return undefined;
  if (pick.base) return pick.base();
  const uri = (
    await vscode.window.showOpenDialog({ canSelectMany: false, title: 'Choose the ROM to patch', filters: { 'SNES ROMs': ['sfc', 'smc', 'swc', 'fig'] } })
  )?.[0];
  if (!uri) return undefined;
  const open = editor.documents.find((d) => sameFile(d.uri, uri));
  return open ? documentBase(editor, open) : fileBase(editor, uri);
}

/**
 * The block moves of the patch's result, from its original: those of an open ROM holding exactly
 * these bytes, else of the file SpritePal last saved with them (the workspace's record). Null when
 * neither is known (the result then keeps the moves of the ROM it was applied to).
 */
async function resultMoves(editor: RomEditorProvider, near: vscode.Uri, result: Uint8Array): Promise<{ original: string; moves: BlockMove[] } | null> {
  const sha = romContentHash(headerless(result));
  const open = editor.documents.find((d) => d.session.romHash === sha);
  if (open) return { original: (await editor.catalog.record(open)).identity.original, moves: await editor.catalog.moves(open) };
  return editor.catalog.recordOfContent(near, sha).catch(() => null);
}

async function applyPatch(editor: RomEditorProvider, log: vscode.LogOutputChannel, args: ApplyPatchArgs): Promise<PatchCommandResult> {
  const scripted = Boolean(args.rom && args.patch && (args.output || args.untitled));
  const refuse = (why: string): PatchCommandResult => {
    log.warn(`apply patch: ${why}`);
    if (!scripted) void vscode.window.showErrorMessage(`SpritePal: ${why}`);
    return { refused: why };
  };
  const patchUri =
    args.patch ??
    (
      await vscode.window.showOpenDialog({
        canSelectMany: false,
        title: 'Choose the patch',
        filters: { Patches: ['bps', 'ips'] },
        defaultUri: editor.activeDocument?.uri.scheme === 'file' ? vscode.Uri.joinPath(editor.activeDocument.uri, '..') : undefined,
      })
    )?.[0];
  if (!patchUri) return { refused: 'no patch chosen' };
  const patchName = posix.basename(patchUri.path);
  const patch = new Uint8Array(await vscode.workspace.fs.readFile(patchUri));
  let format: PatchFormat;
  let sourceCrc: number | null = null;
  try {
    format = detectPatchFormat(patch);
    if (format === 'bps') sourceCrc = readBpsHeader(patch).sourceCrc;
  } catch (err) {
    if (err instanceof PatchError) return refuse(`${patchName}: ${err.message}`);
    throw err;
  }
  let base: PatchBase | undefined;
  if (args.rom) {
    const open = editor.documents.find((d) => sameFile(d.uri, args.rom!));
    base = open ? await documentBase(editor, open) : await fileBase(editor, args.rom);
  } else base = await pickBase(editor, patchName, sourceCrc);
  if (!base) return { refused: 'no ROM chosen' };
  if (format === 'ips' && base.edits && !scripted) {
    const go = await vscode.window.showWarningMessage(
      `${base.name} has edits (${base.edits}). Apply the IPS patch ${patchName} to it anyway?`,
      {
        modal: true,
        detail:
          'An IPS patch has no checks: it writes its bytes whatever ROM it is given. Made against the clean original, it may break or undo edits of a ROM that has them. A new document or file is made either way; the ROM is not changed.',
      },
      APPLY_ANYWAY,
    );
    if (go !== APPLY_ANYWAY) return { refused: `not applied: ${base.name} has edits` };
  }
  let applied;
  try {
    applied = applyRomPatch(base.bytes, patch);
  } catch (err) {
    if (err instanceof PatchError) return refuse(`${patchName}: ${err.message}`);
    throw err;
  }
  const name = base.name;
  const dot = name.lastIndexOf('.');
  const suggested = dot > 0 ? `${name.slice(0, dot)}.patched${name.slice(dot)}` : `${name}.patched`;
  let untitled = args.untitled === true && !args.output;
  if (!args.output && !args.untitled) {
    const pick = await vscode.window.showQuickPick(
      [
        { label: NEW_DOCUMENT, description: 'unsaved: Save asks where to write it', untitled: true },
        { label: SAVE_TO_FILE, description: 'a new file; the ROM and the patch are never written over', untitled: false },
      ],
      { title: `Apply ${patchName} to ${name}: where should the result go?`, ignoreFocusOut: true },
    );
    if (!pick) return { refused: 'no destination chosen' };
    untitled = pick.untitled;
  }
  if (untitled) {
    // The ROM, with the patch applied on it as one undoable edit (when it only replaces bytes),
    // carrying the block moves that take the ROM's names to where the patch put its blocks.
    const known = await resultMoves(editor, vscode.Uri.joinPath(base.folder, name), applied.bytes);
    const same = known !== null && known.original === base.record.identity.original;
    if (known && !same) log.info(`apply patch: the result is known as an edit of another original (${known.original.slice(0, 12)}…): its moves are not used`);
    const after = same ? known.moves : base.record.baseMoves;
    const patches = patchesBetween(base.bytes, applied.bytes);
    const label = `Apply ${patchName}`;
    const contents =
      patches && patches.length > 0
        ? { bytes: base.bytes.slice(), edit: { label, patches, moves: movesBetween(base.record.baseMoves, after) }, record: base.record }
        : { bytes: applied.bytes, edit: null, record: { ...base.record, baseMoves: after } };
    const doc = await editor.openUntitled(base.folder, suggested, { ...contents, original: base.original ?? undefined });
    log.info(
      `applied ${patchName} to ${name}: opened ${doc.uri.path} unsaved (${applied.bytes.length} bytes, header ${applied.header}, ${after.length} block move(s) from its original)`,
    );
    return { output: doc.uri.toString(), summary: applied.summary, header: applied.header };
  }
  const output =
    args.output ??
    (await vscode.window.showSaveDialog({
      title: 'Save the patched ROM',
      defaultUri: vscode.Uri.joinPath(base.folder, suggested),
      filters: { 'SNES ROMs': ['sfc', 'smc'] },
    }));
  if (!output) return { refused: 'no file chosen' };
  if ((args.rom && sameFile(output, args.rom)) || sameFile(output, patchUri) || editor.documents.some((d) => sameFile(d.uri, output)))
    return refuse('the result is never written over the ROM, the patch or an open ROM: choose another file');
  await writeResult(output, applied.bytes);
  log.info(`applied ${patchName} to ${name}: wrote ${output.fsPath} (${applied.bytes.length} bytes, header ${applied.header})`);
  if (args.open !== false) await vscode.commands.executeCommand('vscode.openWith', output, ROM_EDITOR_VIEW_TYPE);
  return { output: output.fsPath, summary: applied.summary, header: applied.header };
}

/** "SpritePal: Set Clean Original...": the ROM's original, chosen again (the one in use listed first). */
async function setCleanOriginal(
  editor: RomEditorProvider,
  log: vscode.LogOutputChannel,
  args: SetOriginalArgs,
): Promise<{ path: string; crc32: string } | undefined> {
  const doc = await editor.documentFor(args.uri, 'Choose the ROM whose clean original to set');
  if (!doc) return undefined;
  const chosen = await editor.originals.choose(args, doc);
  if (!chosen) return undefined;
  editor.refresh(doc);
  const text = `the clean original of ${doc.fileName} is ${chosen.path} (CRC32 ${chosen.crc32})`;
  log.info(text);
  if (!args.original) void vscode.window.showInformationMessage(`SpritePal: ${text}.`);
  return { path: chosen.path, crc32: chosen.crc32 };
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
  const setOriginal = (args: SetOriginalArgs) =>
    setCleanOriginal(editor, log, args).catch((e: Error) => {
      fail('set clean original')(e);
      return undefined;
    });
  editor.actions.createPatch = create;
  editor.actions.setOriginal = setOriginal;
  context.subscriptions.push(
    vscode.commands.registerCommand('spritepal.createPatch', (args?: CreatePatchArgs) => create(args ?? {})),
    vscode.commands.registerCommand('spritepal.applyPatch', (args?: ApplyPatchArgs) => applyPatch(editor, log, args ?? {}).catch(fail('apply patch'))),
    vscode.commands.registerCommand('spritepal.setCleanOriginal', (args?: SetOriginalArgs) => setOriginal(args ?? {})),
  );
}
