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
import type { GalleryEntry } from '../webviews/protocol';
import { romPaletteOffset, type KnownSprite } from '../core/gallery';
import type { RomDocument } from './rom-document';

export interface CatalogAccess {
  /** Finds the document's identity (call when it is opened or reloaded from disk, before any edit). */
  attach(doc: RomDocument): Promise<void>;
  knownSprites(doc: RomDocument): Promise<KnownSprite[]>;
  saveName(doc: RomDocument, entry: GalleryEntry, name: string): Promise<void>;
  /** After the ROM was saved: remember its identity and write its moves. */
  recordSave(doc: RomDocument): Promise<void>;
}

/** The folder whose `.spritepal/` serves a ROM: its workspace folder, else the ROM's own folder. */
function homeOf(uri: vscode.Uri): vscode.Uri {
  return vscode.workspace.getWorkspaceFolder(uri)?.uri ?? vscode.Uri.joinPath(uri, '..');
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
    const current = doc.session.romHash;
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

  return {
    async attach(doc) {
      states.delete(doc);
      await state(doc);
    },

    async knownSprites(doc) {
      const st = await state(doc);
      const identity = romIdentity(doc.session.rom, st.identity.original);
      const workspace = doc.uri.scheme === 'file' ? await loadCatalog(files, catalogPathFor(doc.uri)) : undefined;
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

    async recordSave(doc) {
      if (doc.uri.scheme !== 'file' || !vscode.workspace.isTrusted) return;
      const st = await state(doc);
      const identity: EditedRomIdentity = { ...st.identity, current: doc.session.romHash };
      const moves = movesOf(doc, st);
      try {
        const r = await recordRomSave(files, homeOf(doc.uri).fsPath, doc.uri.fsPath, doc.session.rom, identity, moves);
        if (r.catalogWritten) log.info(`catalog: ${moves.length} block move(s) of ${doc.fileName} saved in ${r.catalogFile}`);
      } catch (err) {
        log.error(`could not record the identity and moves of ${doc.fileName}: ${(err as Error).message}`);
        void vscode.window.showWarningMessage(`SpritePal: the ROM was saved, but its catalog record was not: ${(err as Error).message}`);
      }
    },
  };
}
