/**
 * One memory dump set in the viewer: a VRAM dump and, found beside it by name or picked by the
 * user, its CGRAM and OAM dumps. Read-only; read again when any of the files changes on disk.
 * Files go through vscode.workspace.fs so remote workspaces work too.
 */
import * as vscode from 'vscode';
import { OAM_SIZE, parseOam, type OamEntry } from '../../core/dumps/oam';
import { dumpKindOf, findSiblings } from '../../core/dumps/siblings';
import { DEFAULT_OBJ_BASE, findObjBase, VRAM_SIZE } from '../../core/dumps/vram-sheet';
import { bgr555ToRgb } from '../../core/gfx/color';
import { CGRAM_SIZE, readCgram } from '../../core/gfx/palette';
import { tilesToImage } from '../../core/gfx/arrange';
import { decodeTiles } from '../../core/gfx/tiles';
import { hex } from '../../core/format';
import {
  DEFAULT_OBSEL,
  type DumpBpp,
  type DumpView,
  type ObselSettings,
  type OamRow,
  type SiblingKind,
  type SiblingView,
  type TilesResult,
} from '../../webviews/dump-protocol';
import { spriteCompositeIndexed, type IndexedComposite } from './composite';

/** Larger files are not memory dumps (SNES VRAM is 64 KiB; some tools dump more of the bus). */
export const MAX_DUMP_BYTES = 1024 * 1024;

export interface Sibling {
  uri: vscode.Uri;
  how: 'name' | 'picked';
  /** Null when the file could not be used (see `problem`). */
  bytes: Uint8Array | null;
  problem: string | null;
}

/** Everything the viewer shows, parsed (the integration tests read this through the API). */
export interface DumpModel {
  /** The file the editor was opened on. */
  uri: vscode.Uri;
  vramUri: vscode.Uri;
  vram: Uint8Array;
  cgram: Sibling | null;
  oam: Sibling | null;
  /** The 256 CGRAM colours (BGR555), null without a usable CGRAM dump. */
  colors: Uint16Array | null;
  /** All 128 OAM entries, null without a usable OAM dump. */
  entries: OamEntry[] | null;
  /** The OBSEL settings the entries and the composite were made with. */
  obsel: ObselSettings;
  objBase: number;
  objBaseDetected: boolean;
  /** The on-screen sprites, null without OAM or with a VRAM dump that is not 64 KiB. */
  composite: IndexedComposite | null;
  revision: number;
}

const SIZES: Record<SiblingKind, number> = { cgram: CGRAM_SIZE, oam: OAM_SIZE };
const LABEL: Record<SiblingKind, string> = { cgram: 'CGRAM', oam: 'OAM' };

function baseName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

async function readBytes(uri: vscode.Uri): Promise<Uint8Array> {
  return new Uint8Array(await vscode.workspace.fs.readFile(uri));
}

export class DumpDocument implements vscode.CustomDocument {
  private readonly changeEmitter = new vscode.EventEmitter<DumpModel>();
  /** Fires after the model was rebuilt (a sibling picked, a file changed on disk). */
  readonly onDidChange = this.changeEmitter.event;
  private readonly disposables: vscode.Disposable[] = [this.changeEmitter];
  private picked: Partial<Record<SiblingKind, vscode.Uri>> = {};
  private obsel: ObselSettings = DEFAULT_OBSEL;
  private reloading: Promise<void> | null = null;
  private reloadAgain = false;
  model!: DumpModel;

  private constructor(
    readonly uri: vscode.Uri,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  static async open(uri: vscode.Uri, log: vscode.LogOutputChannel): Promise<DumpDocument> {
    const doc = new DumpDocument(uri, log);
    doc.model = await doc.build(0);
    doc.watch();
    return doc;
  }

  get fileName(): string {
    return baseName(this.uri);
  }

  private get folder(): vscode.Uri {
    return vscode.Uri.joinPath(this.uri, '..');
  }

  /** Reads the files and parses everything. */
  private async build(revision: number): Promise<DumpModel> {
    let names: string[] = [];
    try {
      names = (await vscode.workspace.fs.readDirectory(this.folder)).filter(([, t]) => (t & vscode.FileType.File) !== 0).map(([n]) => n);
    } catch (e) {
      this.log.warn(`could not list ${this.folder.fsPath} for sibling dumps: ${(e as Error).message}`);
    }
    const own = this.fileName;
    const found = findSiblings(own, names);
    // Opened on a CGRAM or OAM dump (Reopen With): show the VRAM beside it, with this file as its kind.
    const ownKind = dumpKindOf(own);
    let vramUri = this.uri;
    if ((ownKind === 'cgram' || ownKind === 'oam') && found.vram) vramUri = vscode.Uri.joinPath(this.folder, found.vram);
    const vram = await readBytes(vramUri);
    if (vram.length > MAX_DUMP_BYTES)
      throw new Error(`${baseName(vramUri)} is ${vram.length} bytes: a VRAM dump is ${VRAM_SIZE} bytes (at most ${MAX_DUMP_BYTES} are shown)`);
    if (vram.length === 0) throw new Error(`${baseName(vramUri)} is empty`);

    const sibling = async (kind: SiblingKind): Promise<Sibling | null> => {
      const name = found[kind];
      const uri =
        this.picked[kind] ??
        (name !== undefined && vscode.Uri.joinPath(this.folder, name).toString() !== vramUri.toString() ? vscode.Uri.joinPath(this.folder, name) : undefined);
      if (!uri) return null;
      const how = this.picked[kind] ? 'picked' : 'name';
      try {
        const bytes = await readBytes(uri);
        if (bytes.length !== SIZES[kind])
          return { uri, how, bytes: null, problem: `${baseName(uri)} is ${bytes.length} bytes; a ${LABEL[kind]} dump is ${SIZES[kind]}` };
        return { uri, how, bytes, problem: null };
      } catch (e) {
        return { uri, how, bytes: null, problem: `could not read ${baseName(uri)}: ${(e as Error).message}` };
      }
    };
    const cgram = await sibling('cgram');
    const oam = await sibling('oam');
    const colors = cgram?.bytes ? readCgram(cgram.bytes) : null;
    const obsel = this.obsel;
    const entries = oam?.bytes ? parseOam(oam.bytes, { sizeMode: obsel.sizeMode }) : null;
    const complete = vram.length === VRAM_SIZE;
    let objBase = obsel.base ?? DEFAULT_OBJ_BASE;
    let objBaseDetected = false;
    let composite: IndexedComposite | null = null;
    if (complete && entries) {
      if (obsel.base === null) {
        const guess = findObjBase(vram, entries, { nameSelect: obsel.nameSelect });
        objBase = guess.base;
        objBaseDetected = guess.confident;
      }
      composite = spriteCompositeIndexed(vram, entries, { base: objBase, nameSelect: obsel.nameSelect });
    }
    this.log.info(
      `dump viewer: ${baseName(vramUri)} (${vram.length} bytes), CGRAM ${cgram ? baseName(cgram.uri) + (cgram.problem ? ` (${cgram.problem})` : '') : 'none'}, ` +
        `OAM ${oam ? baseName(oam.uri) + (oam.problem ? ` (${oam.problem})` : '') : 'none'}, OBJ base ${hex(objBase, 1)}${objBaseDetected ? ' (found)' : ' (default)'}` +
        (composite ? `, ${composite.drawn.length} sprites on screen` : ''),
    );
    return { uri: this.uri, vramUri, vram, cgram, oam, colors, entries, obsel, objBase, objBaseDetected, composite, revision };
  }

  /** Uses `uri` as the CGRAM or OAM dump from now on. */
  async pick(kind: SiblingKind, uri: vscode.Uri): Promise<DumpModel> {
    this.picked[kind] = uri;
    await this.reload();
    return this.model;
  }

  /** Uses these OBSEL settings from now on (the entries, the base guess and the composite follow). */
  async setObsel(obsel: ObselSettings): Promise<DumpModel> {
    this.obsel = { ...obsel };
    await this.reload();
    return this.model;
  }

  /** Reads everything again (coalesced: changes during a reload cause one more). */
  reload(): Promise<void> {
    if (this.reloading) {
      this.reloadAgain = true;
      return this.reloading;
    }
    this.reloading = (async () => {
      do {
        this.reloadAgain = false;
        try {
          this.model = await this.build(this.model.revision + 1);
          this.changeEmitter.fire(this.model);
        } catch (e) {
          this.log.warn(`could not read ${this.fileName} again: ${(e as Error).message}`);
        }
      } while (this.reloadAgain);
    })().finally(() => (this.reloading = null));
    return this.reloading;
  }

  /** Reload when one of the dumps in use changes, or a missing sibling appears. */
  private watch(): void {
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(this.folder, '*'));
    const relevant = (uri: vscode.Uri, created: boolean) => {
      const m = this.model;
      const inUse = [m.vramUri, m.cgram?.uri, m.oam?.uri].some((u) => u?.toString() === uri.toString());
      return inUse || (created && dumpKindOf(baseName(uri)) !== null && (!m.cgram || !m.oam));
    };
    this.disposables.push(
      watcher,
      watcher.onDidChange((u) => {
        if (relevant(u, false)) void this.reload();
      }),
      watcher.onDidCreate((u) => {
        if (relevant(u, true)) void this.reload();
      }),
      watcher.onDidDelete((u) => {
        if (relevant(u, false)) void this.reload();
      }),
    );
  }

  /** The whole VRAM dump as indexed tiles. */
  tiles(bpp: DumpBpp, widthTiles: number): TilesResult {
    const pixels = decodeTiles(this.model.vram, bpp);
    const image = tilesToImage(pixels, { widthTiles });
    return { width: image.width, height: image.height, pixels: image.pixels, tiles: pixels.length / 64, bpp, widthTiles };
  }

  view(): DumpView {
    const m = this.model;
    const sib = (s: Sibling | null): SiblingView =>
      s
        ? { name: baseName(s.uri), path: s.uri.scheme === 'file' ? s.uri.fsPath : s.uri.toString(), how: s.how, problem: s.problem }
        : { name: null, path: null, how: null, problem: null };
    const palettes = m.colors
      ? Array.from({ length: 16 }, (_, p) =>
          Array.from(m.colors!.subarray(p * 16, p * 16 + 16), (c) => {
            const [r, g, b] = bgr555ToRgb(c);
            return (r << 16) | (g << 8) | b;
          }),
        )
      : null;
    const entries: OamRow[] | null =
      m.entries?.map(({ index, x, y, tile, palette, priority, hflip, vflip, large, width, height, visible }) => ({
        index,
        x,
        y,
        tile,
        palette,
        priority,
        hflip,
        vflip,
        large,
        width,
        height,
        visible,
      })) ?? null;
    return {
      fileName: baseName(m.vramUri),
      vramSize: m.vram.length,
      vramComplete: m.vram.length === VRAM_SIZE,
      cgram: sib(m.cgram),
      oam: sib(m.oam),
      palettes,
      entries,
      obsel: { ...m.obsel },
      objBase: m.objBase,
      objBaseDetected: m.objBaseDetected,
      screen: { width: 256, height: 224 },
      revision: m.revision,
    };
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
