/**
 * The catalog as the ROM editor sees it: the sprites known for a document's ROM (the bundled,
 * verified entries of the demo ROM; SpritePal sprite_locations.json files named in the setting
 * `spritepal.catalog.spriteLocations`; the workspace's `.spritepal/catalog.json`), found through
 * the ROM's identity (its original, remembered in `.spritepal/roms.json`) so they survive edits,
 * at the offsets the document's moves put them; saving a name into the workspace catalog; and, on
 * each save of the ROM, recording its identity and its moves.
 */
import * as vscode from 'vscode';
import { hex } from '../core/format';
import {
  addEntry,
  headerKey,
  entriesForRom,
  entriesFor,
  loadCatalog,
  loadIdentityStore,
  identityStoreFile,
  movesFor,
  nodeCatalogFiles,
  originalOffset,
  parseSpriteLocations,
  recordRomSave,
  renameEntry,
  resolveRomRecord,
  romIdentity,
  saveCatalog,
  workspaceCatalogFile,
  type CatalogEntry,
  type EditedRomIdentity,
  type RomRecord,
  type SpriteLocationsFile,
} from '../core/catalog';
import type { BlockMove } from '../core/edit/edit-model';
import type { GalleryEntry } from '../webviews/protocol';
import { romPaletteOffset, type KnownSprite } from '../core/gallery';
import type { RomDocument } from './rom-document';

export interface CatalogAccess {
  /**
   * Finds the document's identity (call when it is opened or reloaded from disk, before any edit);
   * `given` sets it instead (an untitled ROM made by Apply Patch carries its original's).
   */
  attach(doc: RomDocument, given?: RomRecord): Promise<void>;
  /** The document's identity and the moves saved for its original before it was opened. */
  record(doc: RomDocument): Promise<RomRecord>;
  /** Every block move from the original to the document's bytes: the saved ones, then its own edits'. */
  moves(doc: RomDocument): Promise<BlockMove[]>;
  /**
   * What the workspace of `near` knows of a ROM whose headerless bytes hash `sha256`: the original
   * and moves of a file SpritePal (or `spritepal inject`) last saved with exactly these bytes.
   */
  recordOfContent(near: vscode.Uri, sha256: string): Promise<{ original: string; moves: BlockMove[] } | null>;
  knownSprites(doc: RomDocument): Promise<KnownSprite[]>;
  saveName(doc: RomDocument, entry: GalleryEntry, name: string): Promise<void>;
  /** After the ROM was saved: remember its identity and write its moves. */
  recordSave(doc: RomDocument): Promise<void>;
  /** After Save As wrote `target`: the new file is an edited copy of the same original, with the same moves. */
  recordSaveAs(doc: RomDocument, target: vscode.Uri): Promise<void>;
}

/** The folder whose `.spritepal/` serves a ROM: its workspace folder, else the ROM's own folder. */
function homeOf(uri: vscode.Uri): vscode.Uri {
  return vscode.workspace.getWorkspaceFolder(uri)?.uri ?? vscode.Uri.joinPath(uri, '..');
}

/**
 * Where a ROM's workspace files are: its own file, or for an untitled ROM (Apply Patch's, named
 * in the folder Save As offers) that folder's file of the same name. Null for other schemes.
 */
function onDisk(uri: vscode.Uri): vscode.Uri | null {
  if (uri.scheme === 'file') return uri;
  return uri.scheme === 'untitled' && uri.path.startsWith('/') ? vscode.Uri.file(uri.path) : null;
}

/** The workspace catalog file for a ROM: in its workspace folder, else beside the ROM. */
export function catalogPathFor(uri: vscode.Uri): string {
  return workspaceCatalogFile(homeOf(uri).fsPath);
}

function toKnown(e: CatalogEntry & { source?: string }): KnownSprite {
  return {
    name: e.name,
    romOffset: e.romOffset,
    kind: e.kind,
    bpp: e.bpp,
    tiles: e.tiles,
    widthTiles: e.widthTiles,
    paletteRomOffset: e.palette?.source === 'rom' ? e.palette.romOffset : undefined,
    notes: [e.notes, e.source ? `from the ${e.source} catalog` : undefined].filter(Boolean).join(' · ') || undefined,
  };
}

/** The document's identity and the moves saved in the workspace catalog when it was read. */
type DocState = RomRecord;

export function createCatalogAccess(log: vscode.LogOutputChannel): CatalogAccess {
  const files = nodeCatalogFiles();
  const states = new WeakMap<RomDocument, Promise<DocState>>();

  async function spriteLocations(): Promise<SpriteLocationsFile[]> {
    const paths = vscode.workspace.getConfiguration('spritepal').get<string[]>('catalog.spriteLocations', []);
    const out: SpriteLocationsFile[] = [];
    for (const p of paths) {
      try {
        const bytes = await files.readFile(p);
        if (bytes) out.push(parseSpriteLocations(new TextDecoder().decode(bytes), p));
        else log.warn(`spritepal.catalog.spriteLocations: ${p} does not exist`);
      } catch (err) {
        log.warn(`spritepal.catalog.spriteLocations: ${(err as Error).message}`);
      }
    }
    return out;
  }

  async function resolve(doc: RomDocument): Promise<DocState> {
    // The file's hash as read (after hot exit the document holds its backup's bytes instead).
    const current = doc.fileHashWhenRead ?? doc.session.romHash;
    if (doc.uri.scheme !== 'file') return { identity: { header: headerKey(doc.session.rom), original: current, current }, baseMoves: [] };
    const { identity, baseMoves, warnings } = await resolveRomRecord(files, homeOf(doc.uri).fsPath, doc.uri.fsPath, doc.session.rom, current);
    for (const w of warnings) log.warn(w);
    if (identity.original !== current)
      log.info(
        `${doc.fileName}: an edited copy of the ROM ${identity.original.slice(0, 12)}… ("${identity.header.title}"), ${baseMoves.length} saved block move(s)`,
      );
    return { identity, baseMoves };
  }

  function state(doc: RomDocument): Promise<DocState> {
    let s = states.get(doc);
    if (!s) {
      s = resolve(doc);
      states.set(doc, s);
    }
    return s;
  }

  const movesOf = (doc: RomDocument, st: DocState) => [...st.baseMoves, ...doc.catalogMoves];

  /** Writes the identity and moves of the ROM file `uri` holding `doc`'s bytes (after a save or Save As). */
  async function record(doc: RomDocument, uri: vscode.Uri): Promise<void> {
    if (uri.scheme !== 'file' || !vscode.workspace.isTrusted) return;
    const st = await state(doc);
    const identity: EditedRomIdentity = { ...st.identity, current: doc.session.romHash };
    const moves = movesOf(doc, st);
    const name = uri.path.split('/').pop();
    try {
      const r = await recordRomSave(files, homeOf(uri).fsPath, uri.fsPath, doc.session.rom, identity, moves);
      if (r.catalogWritten) log.info(`catalog: ${moves.length} block move(s) of ${name} saved in ${r.catalogFile}`);
    } catch (err) {
      log.error(`could not record the identity and moves of ${name}: ${(err as Error).message}`);
      void vscode.window.showWarningMessage(`SpritePal: the ROM was saved, but its catalog record was not: ${(err as Error).message}`);
    }
  }

  return {
    async attach(doc, given) {
      states.delete(doc);
      if (given) states.set(doc, Promise.resolve({ identity: { ...given.identity }, baseMoves: [...given.baseMoves] }));
      await state(doc);
    },

    record: (doc) => state(doc),

    async moves(doc) {
      return movesOf(doc, await state(doc));
    },

    async recordOfContent(near, sha256) {
      const at = onDisk(near);
      if (!at) return null;
      const folder = homeOf(at).fsPath;
      const store = await loadIdentityStore(files, identityStoreFile(folder));
      const saved = Object.values(store.files).find((r) => r.current === sha256 && r.original !== sha256);
      if (!saved) return null;
      return { original: saved.original, moves: movesFor(await loadCatalog(files, workspaceCatalogFile(folder)), saved.original) };
    },

    async knownSprites(doc) {
      const st = await state(doc);
      const identity = romIdentity(doc.session.rom, st.identity.original);
      const at = onDisk(doc.uri);
      const workspace = at ? await loadCatalog(files, catalogPathFor(at)) : undefined;
      return entriesForRom(identity, { workspace, spriteLocations: await spriteLocations(), moves: movesOf(doc, st) }).map(toKnown);
    },

    async saveName(doc, entry, name) {
      if (doc.uri.scheme !== 'file') throw new Error('the workspace catalog needs a ROM on disk');
      if (!vscode.workspace.isTrusted) throw new Error('saving to the workspace catalog is disabled in untrusted workspaces');
      const path = catalogPathFor(doc.uri);
      const st = await state(doc);
      const identity = romIdentity(doc.session.rom, st.identity.original);
      // Entries are kept at their original offsets; the moves say where they are now.
      const at = originalOffset(entry.romOffset, movesOf(doc, st));
      let catalog = await loadCatalog(files, path);
      const existing = entriesFor(catalog, identity.sha256).find((e) => e.romOffset === at);
      if (existing) catalog = renameEntry(catalog, identity.sha256, existing.name, name);
      else {
        const paletteRomOffset = romPaletteOffset(entry.paletteId) ?? undefined;
        catalog = addEntry(catalog, identity, {
          name,
          romOffset: at,
          kind: entry.kind,
          bpp: entry.bpp,
          ...(entry.tiles ? { tiles: entry.tiles } : {}),
          widthTiles: entry.widthTiles,
          ...(paletteRomOffset !== undefined ? { palette: { source: 'rom' as const, romOffset: paletteRomOffset } } : {}),
        });
      }
      await saveCatalog(files, path, catalog);
      log.info(`catalog: "${name}" at ROM offset ${hex(entry.romOffset, 1)} saved in ${path}`);
    },

    recordSave: (doc) => record(doc, doc.uri),

    recordSaveAs: (doc, target) => record(doc, target),
  };
}
