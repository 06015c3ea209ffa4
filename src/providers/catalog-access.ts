/**
 * The catalog as the ROM editor sees it: the sprites known for a document's ROM (the bundled,
 * verified entries of the demo ROM; SpritePal sprite_locations.json files named in the setting
 * `spritepal.catalog.spriteLocations`; the workspace's `.spritepal/catalog.json`), and saving a
 * name into the workspace catalog so it can be committed with a hack project.
 */
import * as vscode from 'vscode';
import {
  addEntry,
  entriesForRom,
  entriesFor,
  loadCatalog,
  nodeCatalogFiles,
  parseSpriteLocations,
  renameEntry,
  romIdentity,
  saveCatalog,
  WORKSPACE_CATALOG_PATH,
  type CatalogEntry,
  type SpriteLocationsFile,
} from '../core/catalog';
import type { GalleryEntry } from '../webviews/protocol';
import type { KnownSprite } from './gallery-controller';
import type { RomDocument } from './rom-document';

export interface CatalogAccess {
  knownSprites(doc: RomDocument): Promise<KnownSprite[]>;
  saveName(doc: RomDocument, entry: GalleryEntry, name: string): Promise<void>;
}

/** The workspace catalog file for a ROM: in its workspace folder, else beside the ROM. */
export function catalogPathFor(uri: vscode.Uri): string {
  const folder = vscode.workspace.getWorkspaceFolder(uri)?.uri ?? vscode.Uri.joinPath(uri, '..');
  return vscode.Uri.joinPath(folder, WORKSPACE_CATALOG_PATH).fsPath;
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

export function createCatalogAccess(log: vscode.LogOutputChannel): CatalogAccess {
  const files = nodeCatalogFiles();

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

  return {
    async knownSprites(doc) {
      const identity = { ...romIdentity(doc.session.rom), sha256: doc.session.romHash };
      const workspace = doc.uri.scheme === 'file' ? await loadCatalog(files, catalogPathFor(doc.uri)) : undefined;
      return entriesForRom(identity, { workspace, spriteLocations: await spriteLocations() }).map(toKnown);
    },

    async saveName(doc, entry, name) {
      if (doc.uri.scheme !== 'file') throw new Error('the workspace catalog needs a ROM on disk');
      if (!vscode.workspace.isTrusted) throw new Error('saving to the workspace catalog is disabled in untrusted workspaces');
      const path = catalogPathFor(doc.uri);
      const identity = { ...romIdentity(doc.session.rom), sha256: doc.session.romHash };
      let catalog = await loadCatalog(files, path);
      const existing = entriesFor(catalog, identity.sha256).find((e) => e.romOffset === entry.romOffset);
      if (existing) catalog = renameEntry(catalog, identity.sha256, existing.name, name);
      else {
        const paletteRomOffset = entry.paletteId?.startsWith('rom:') ? Number(entry.paletteId.slice(4)) : undefined;
        catalog = addEntry(catalog, identity, {
          name,
          romOffset: entry.romOffset,
          kind: entry.kind,
          bpp: entry.bpp,
          ...(entry.tiles ? { tiles: entry.tiles } : {}),
          widthTiles: entry.widthTiles,
          ...(paletteRomOffset !== undefined ? { palette: { source: 'rom' as const, romOffset: paletteRomOffset } } : {}),
        });
      }
      await saveCatalog(files, path, catalog);
      log.info(`catalog: "${name}" at ROM offset 0x${entry.romOffset.toString(16).toUpperCase()} saved in ${path}`);
    },
  };
}
