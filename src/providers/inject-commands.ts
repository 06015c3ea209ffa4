/**
 * "SpritePal: Inject Sprite..." and "SpritePal: Watch and Re-inject": put an edited PNG back
 * into the ROM as an undoable edit of the open document (opening the ROM first when needed; never
 * writing behind the user's back). The core plans, relocates, updates pointers, fixes the
 * checksum and verifies; this module asks the questions and shows the summary before anything
 * changes.
 */
import { createHash } from 'node:crypto';
import { watch } from 'node:fs';
import * as vscode from 'vscode';
import { hex } from '../core/format';
import { bgr555ToRgb, readBgr555, type Rgb } from '../core/gfx/color';
import { InjectionRefusedError, planInjection, type InjectOptions, type InjectionPlan, type InjectTarget } from '../core/inject';
import { romPaletteOffset } from '../core/gallery';
import type { GalleryEntry } from '../webviews/protocol';
import type { RomDocument } from './rom-document';
import type { RomEditorProvider } from './rom-editor-provider';

/** Arguments for scripted use (tests, the gallery's "Inject..." button): what is given is not asked. */
export interface InjectArgs {
  uri?: vscode.Uri;
  romOffset?: number;
  image?: vscode.Uri;
  relocate?: boolean;
  pointers?: number[];
  /** Skip the confirmation (the summary is still logged). */
  confirm?: boolean;
  /** The target's format, when known (a watch keeps the first injection's; else from the gallery). */
  format?: Pick<InjectTarget, 'kind' | 'bpp' | 'tiles' | 'widthTiles'> & { palette?: Rgb[] };
}

export interface InjectResult {
  applied: boolean;
  /** The target's format as injected (a watch re-injects with the same). */
  format?: InjectArgs['format'];
  unchanged?: boolean;
  plan?: InjectionPlan;
  refused?: string;
}

async function pickTarget(editor: RomEditorProvider, doc: RomDocument): Promise<GalleryEntry | { romOffset: number } | undefined> {
  const gallery = await editor.gallery(doc).gallery();
  // What the gallery shows: weak scan hits (evidence says they are not sprites) only when its
  // confidence filter asks for them. Any address can still be typed.
  const entries = gallery.entries.filter((e) => gallery.showWeak || !(e.source === 'scan' && e.confidence === 'weak'));
  type Item = vscode.QuickPickItem & { entry?: GalleryEntry; typed?: boolean };
  const items: Item[] = [
    { label: '$(edit) Type an address…', description: '$BB:AAAA, BB:AAAA, 0x file offset or decimal', typed: true },
    ...entries.map((e) => ({
      label: e.name ?? (e.kind === 'hal' ? 'Compressed block' : 'Uncompressed tiles'),
      description: `${e.snes ?? hex(e.fileOffset)} · ${e.tiles} tiles · ${e.bpp}bpp`,
      detail: `file ${hex(e.fileOffset)} · ${e.source}`,
      entry: e,
    })),
  ];
  const choice = await vscode.window.showQuickPick(items, {
    title: `Inject into ${doc.fileName}`,
    placeHolder: 'Which sprite does the PNG replace?',
    matchOnDescription: true,
  });
  if (!choice) return undefined;
  if (choice.entry) return choice.entry;
  const text = await vscode.window.showInputBox({
    title: 'Address of the graphics to replace',
    prompt: 'A SNES address ($C0:8000, C0:8000), a file offset (0x1F400) or a decimal offset',
    validateInput: (v) => {
      try {
        doc.session.rom.resolveAddress(v);
        return undefined;
      } catch (e) {
        return (e as Error).message;
      }
    },
  });
  if (!text) return undefined;
  return { romOffset: doc.session.rom.resolveAddress(text).romOffset };
}

function targetFor(doc: RomDocument, editor: RomEditorProvider, romOffset: number): { target: InjectTarget; palette?: Rgb[]; label: string } {
  const entry = editor
    .gallery(doc)
    .entries()
    .find((e) => e.romOffset === romOffset);
  const rom = doc.session.rom;
  let palette: Rgb[] | undefined;
  const at = romPaletteOffset(entry?.paletteId);
  if (at !== null) {
    palette = Array.from(readBgr555(rom.data, at, 16), (c) => bgr555ToRgb(c));
  }
  const label = `${entry?.name ? `"${entry.name}"` : 'the block'} at ${rom.describeOffset(romOffset)}`;
  return {
    target: {
      romOffset,
      kind: entry?.kind ?? 'hal',
      bpp: entry?.bpp ?? 4,
      tiles: entry?.kind === 'raw' ? entry.tiles : undefined,
      widthTiles: entry?.widthTiles,
    },
    palette,
    label,
  };
}

function summaryText(doc: RomDocument, plan: InjectionPlan, label: string): string {
  const s = plan.summary;
  const rom = doc.session.rom;
  const where = (o: number) => rom.describeOffset(o, 'with-file');
  const lines = [
    `${s.tiles} tiles into ${label}.`,
    `Compressed size: ${s.oldSize} → ${s.newSize} bytes.`,
    s.inPlace ? 'Fits in place.' : `Relocated to ${where(s.newRomOffset)}; the old block is freed.`,
  ];
  if (s.pointersUpdated.length) lines.push(`Pointers updated: ${s.pointersUpdated.map((p) => where(p)).join(', ')}.`);
  lines.push(`Checksum becomes ${hex(s.checksum, 4)}. Verified by decoding: ${s.verified ? 'yes' : 'no'}.`);
  return lines.join('\n');
}

/** A message as a sentence: capital first letter, full stop. */
export function sentence(message: string): string {
  const s = message.trim();
  return `${s.charAt(0).toUpperCase()}${s.slice(1)}${/[.!?]$/.test(s) ? '' : '.'}`;
}

/** Plans with the user's answers: relocation and pointer choices are asked only when needed. */
async function planInteractively(
  doc: RomDocument,
  target: InjectTarget,
  png: Uint8Array,
  base: InjectOptions,
  ask: boolean,
): Promise<InjectionPlan | undefined> {
  let opts = { ...base };
  for (let round = 0; round < 3; round++) {
    try {
      return planInjection(doc.session.rom, target, png, opts);
    } catch (err) {
      if (!(err instanceof InjectionRefusedError) || !ask) throw err;
      if (err.reason === 'no-room' && !opts.relocate) {
        const go = await vscode.window.showWarningMessage(
          'The new sprite does not fit in place',
          { modal: true, detail: `${sentence(err.message)}\n\nSpritePal can move the sprite to free space in the ROM and update the pointers to it.` },
          'Relocate',
        );
        if (go !== 'Relocate') return undefined;
        opts = { ...opts, relocate: true };
      } else if (err.reason === 'ambiguous-pointers') {
        const rom = doc.session.rom;
        const picks = await vscode.window.showQuickPick(
          err.candidates.map((c) => ({
            label: hex(rom.fileOffsetOf(c)),
            description: rom.snesOf(c) === null ? '' : rom.describeOffset(c),
            offset: c,
            picked: false,
          })),
          { canPickMany: true, title: 'Several pointers refer to this sprite', placeHolder: 'Choose the pointer slots to update' },
        );
        if (!picks?.length) return undefined;
        opts = { ...opts, pointers: picks.map((p) => p.offset) };
      } else throw err;
    }
  }
  return undefined;
}

export async function injectSprite(editor: RomEditorProvider, log: vscode.LogOutputChannel, args: InjectArgs = {}): Promise<InjectResult> {
  const metrics = editor.services.metrics;
  const doc = await editor.documentFor(args.uri, 'Choose the ROM to inject into');
  if (!doc) return { applied: false };
  const refuse = (message: string): InjectResult => {
    metrics.error('injection-refused', message);
    log.warn(`injection refused: ${message}`);
    void vscode.window.showErrorMessage(`SpritePal: ${message}`);
    return { applied: false, refused: message };
  };
  if (doc.readOnly) return refuse(`${doc.fileName} is read-only: nothing was changed`);
  if (!vscode.workspace.isTrusted) return refuse('injecting is disabled in untrusted workspaces');
  let romOffset = args.romOffset;
  if (romOffset === undefined) {
    const t = await pickTarget(editor, doc);
    if (!t) return { applied: false };
    romOffset = t.romOffset;
  }
  let image = args.image;
  if (!image) {
    const picked = await vscode.window.showOpenDialog({
      canSelectMany: false,
      title: 'Choose the edited PNG',
      filters: { 'PNG images': ['png'] },
      defaultUri: vscode.Uri.joinPath(doc.uri, '..'),
    });
    if (!picked?.[0]) return { applied: false };
    image = picked[0];
  }
  const png = new Uint8Array(await vscode.workspace.fs.readFile(image));
  const found = targetFor(doc, editor, romOffset);
  const { label } = found;
  const target: InjectTarget = args.format
    ? { romOffset, kind: args.format.kind, bpp: args.format.bpp, tiles: args.format.tiles, widthTiles: args.format.widthTiles }
    : found.target;
  const palette = args.format ? args.format.palette : found.palette;
  if (await doc.changedOnDisk()) return refuse(`${doc.fileName} changed on disk since it was opened: reload it (Revert File) before injecting`);
  let plan: InjectionPlan | undefined;
  try {
    plan = await metrics.timeAsync('inject', () =>
      planInteractively(doc, target, png, { relocate: args.relocate, pointers: args.pointers, palette }, args.confirm !== true),
    );
  } catch (err) {
    return refuse((err as Error).message);
  }
  if (!plan) return { applied: false };
  if (plan.unchanged) {
    void vscode.window.showInformationMessage(`SpritePal: ${image.path.split('/').pop()} is identical to the sprite ${label}: nothing changed.`);
    return {
      applied: false,
      unchanged: true,
      plan,
      format: { kind: target.kind, bpp: target.bpp, tiles: target.tiles, widthTiles: target.widthTiles, palette },
    };
  }
  const text = summaryText(doc, plan, label);
  log.info(`inject ${image.fsPath} into ${doc.fileName}: ${text.replace(/\n/g, ' ')}`);
  if (!args.confirm) {
    const ok = await vscode.window.showInformationMessage(
      `Inject ${image.path.split('/').pop()} into ${doc.fileName}?`,
      { modal: true, detail: text },
      'Inject',
    );
    if (ok !== 'Inject') return { applied: false, plan };
  }
  try {
    doc.applyInjection(plan, `Inject ${image.path.split('/').pop()}`);
  } catch (err) {
    return refuse((err as Error).message);
  }
  return { applied: true, plan, format: { kind: target.kind, bpp: target.bpp, tiles: target.tiles, widthTiles: target.widthTiles, palette } };
}

interface Watch {
  image: vscode.Uri;
  doc: RomDocument;
  romOffset: number;
  format: InjectArgs['format'];
  options: { relocate?: boolean; pointers?: number[] };
  /** SHA-256 of the PNG as last injected: file events that bring no new content are ignored. */
  lastPng: string;
  dispose(): void;
}

async function pngHash(uri: vscode.Uri): Promise<string> {
  return createHash('sha256')
    .update(await vscode.workspace.fs.readFile(uri))
    .digest('hex');
}

/** Re-injects a PNG every time it is saved, each time as a new undoable edit. */
export class ReinjectWatcher implements vscode.Disposable {
  private readonly watches = new Map<string, Watch>();
  private readonly status = vscode.window.createStatusBarItem('spritepal.watch', vscode.StatusBarAlignment.Left, 50);

  constructor(
    private readonly editor: RomEditorProvider,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.status.command = 'spritepal.stopWatching';
    this.status.name = 'SpritePal re-inject watcher';
  }

  get active(): { image: string; romOffset: number }[] {
    return [...this.watches.values()].map((w) => ({ image: w.image.fsPath, romOffset: w.romOffset }));
  }

  async start(args: InjectArgs = {}): Promise<boolean> {
    const first = await injectSprite(this.editor, this.log, args);
    const plan = first.plan;
    if (!plan || (!first.applied && !first.unchanged)) return false;
    const doc = await this.editor.documentFor(args.uri, 'Choose the ROM to inject into');
    if (!doc) return false;
    const image = args.image;
    if (!image) throw new Error('watching needs the PNG to watch');
    const key = image.toString();
    this.watches.get(key)?.dispose();
    const romOffset = plan.summary.newRomOffset;
    const folder = vscode.Uri.joinPath(image, '..');
    const base = image.path.split('/').pop()!;
    let timer: NodeJS.Timeout | undefined;
    const onChange = () => {
      clearTimeout(timer);
      timer = setTimeout(() => void this.reinject(key), 150);
    };
    // VS Code's watcher, plus a direct watch of the folder: pixel editors often save by writing a
    // temporary file and renaming it over the PNG, and the file may live outside the workspace.
    const fsw = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, base));
    const subs: vscode.Disposable[] = [fsw, fsw.onDidChange(onChange), fsw.onDidCreate(onChange), doc.onDidDispose(() => this.stop(key))];
    if (image.scheme === 'file') {
      const direct = watch(folder.fsPath, (_event, name) => {
        if (name === base) onChange();
      });
      direct.on('error', (e) => this.log.warn(`watching ${folder.fsPath}: ${e.message}`));
      subs.push({ dispose: () => direct.close() });
    }
    const lastPng = await pngHash(image);
    this.watches.set(key, {
      image,
      doc,
      romOffset,
      format: first.format,
      options: { relocate: true, pointers: args.pointers },
      lastPng,
      dispose: () => {
        clearTimeout(timer);
        subs.forEach((s) => s.dispose());
      },
    });
    this.log.info(`watching ${image.fsPath}: every save is injected into ${doc.fileName} at ${hex(doc.session.rom.fileOffsetOf(romOffset))}`);
    this.render();
    return true;
  }

  /** Re-injects now (also what a save triggers). Returns whether an edit was applied. */
  async reinject(key: string): Promise<InjectResult> {
    const w = this.watches.get(key);
    if (!w) return { applied: false };
    // Watchers report one save several times (and late): only new content is injected, so an
    // undo is not overturned by a stale event.
    const hash = await pngHash(w.image).catch(() => null);
    if (hash === null || hash === w.lastPng) return { applied: false, unchanged: true };
    w.lastPng = hash;
    const r = await injectSprite(this.editor, this.log, {
      uri: w.doc.uri,
      romOffset: w.romOffset,
      image: w.image,
      confirm: true,
      format: w.format,
      ...w.options,
    });
    if (r.applied && r.plan) {
      w.romOffset = r.plan.summary.newRomOffset;
      void vscode.window.setStatusBarMessage(`$(check) SpritePal: re-injected ${w.image.path.split('/').pop()}`, 3000);
    }
    return r;
  }

  stop(key?: string): void {
    for (const [k, w] of this.watches) {
      if (key === undefined || k === key) {
        w.dispose();
        this.watches.delete(k);
        this.log.info(`stopped watching ${w.image.fsPath}`);
      }
    }
    this.render();
  }

  private render(): void {
    if (this.watches.size === 0) {
      this.status.hide();
      return;
    }
    const names = [...this.watches.values()].map((w) => w.image.path.split('/').pop());
    this.status.text = `$(eye) Re-inject: ${names.join(', ')}`;
    this.status.tooltip = 'SpritePal re-injects these PNGs into the ROM whenever they are saved. Click to stop.';
    this.status.show();
  }

  dispose(): void {
    this.stop();
    this.status.dispose();
  }
}

export function registerInjectCommands(context: vscode.ExtensionContext, editor: RomEditorProvider, log: vscode.LogOutputChannel): ReinjectWatcher {
  const watcher = new ReinjectWatcher(editor, log);
  const inject = (args: InjectArgs): Promise<InjectResult> =>
    injectSprite(editor, log, args).catch((e: Error) => {
      void vscode.window.showErrorMessage(`SpritePal: ${e.message}`);
      return { applied: false, refused: e.message };
    });
  editor.actions.inject = inject;
  context.subscriptions.push(
    watcher,
    vscode.commands.registerCommand('spritepal.injectSprite', (args?: InjectArgs) => inject(args ?? {})),
    vscode.commands.registerCommand('spritepal.watchAndReinject', async (args?: InjectArgs) => {
      let a = args ?? {};
      if (!a.image) {
        const picked = await vscode.window.showOpenDialog({ canSelectMany: false, title: 'Choose the PNG to watch', filters: { 'PNG images': ['png'] } });
        if (!picked?.[0]) return false;
        a = { ...a, image: picked[0] };
      }
      return watcher.start(a);
    }),
    vscode.commands.registerCommand('spritepal.stopWatching', () => watcher.stop()),
  );
  return watcher;
}
