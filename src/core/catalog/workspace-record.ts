/**
 * A ROM's record in a workspace's `.spritepal/` folder, kept the same way by both front ends: when
 * a ROM is read, its identity (its original, from `roms.json`) and the block moves already saved
 * for that original (in `catalog.json`); when it is written (an editor save, `spritepal inject`),
 * the moves and the identity written back. The editor passes its workspace folder, the CLI the
 * folder it found or was given; both go through these two functions.
 */
import { basename, isAbsolute, join, relative, sep } from 'node:path';
import type { BlockMove } from '../edit/edit-model';
import type { Rom } from '../rom/rom';
import { movesFor, serializeCatalog, setMoves } from './catalog';
import { headerKey, romIdentity, type EditedRomIdentity } from './identity';
import { IDENTITY_STORE_PATH, loadIdentityStore, recordSave, resolveIdentity, saveIdentityStore } from './identity-store';
import { loadCatalog, saveCatalog, WORKSPACE_CATALOG_PATH, type CatalogFiles } from './store';

/** The workspace catalog file of a folder. */
export function workspaceCatalogFile(folder: string): string {
  return join(folder, WORKSPACE_CATALOG_PATH);
}

/** The identity store file of a folder. */
export function identityStoreFile(folder: string): string {
  return join(folder, IDENTITY_STORE_PATH);
}

/** A ROM's key in the identity store: its path relative to the folder, '/' separated; its file name when it lies outside. */
export function romKeyIn(folder: string, romPath: string): string {
  const rel = relative(folder, romPath);
  if (rel === '' || rel === '..' || rel.startsWith('..' + sep) || isAbsolute(rel)) return basename(romPath);
  return rel.split(sep).join('/');
}

export interface RomRecord {
  identity: EditedRomIdentity;
  /** The moves saved in the workspace catalog for the ROM's original, oldest first. */
  baseMoves: BlockMove[];
}

export interface ResolveOptions {
  /** Throw when a `.spritepal` file cannot be read (default: fall back and report it in `warnings`). */
  strict?: boolean;
}

/**
 * The identity of the ROM file at `romPath` (bytes `rom`, SHA-256 `current`) and the moves saved
 * for its original (none when the file is that original). Unreadable files: with `strict` the error is thrown; otherwise the ROM is
 * taken as its own original (identity store) or without saved moves (catalog), with a warning.
 */
export async function resolveRomRecord(
  files: CatalogFiles,
  folder: string,
  romPath: string,
  rom: Rom,
  current: string,
  opts: ResolveOptions = {},
): Promise<RomRecord & { warnings: string[] }> {
  const header = headerKey(rom);
  const warnings: string[] = [];
  let identity: EditedRomIdentity = { header, original: current, current };
  try {
    identity = resolveIdentity(await loadIdentityStore(files, identityStoreFile(folder)), romKeyIn(folder, romPath), header, current);
  } catch (err) {
    if (opts.strict) throw err;
    warnings.push(`ROM identity: ${(err as Error).message} (the ROM is taken as its own original)`);
  }
  let baseMoves: BlockMove[] = [];
  try {
    const catalog = await loadCatalog(files, workspaceCatalogFile(folder));
    // The moves are saved per original: a file holding the original's own bytes (a build's fresh
    // copy, a file put back) has had none of them, whatever another copy was saved with.
    if (identity.original !== current) baseMoves = movesFor(catalog, identity.original);
  } catch (err) {
    if (opts.strict) throw err;
    warnings.push(`could not read the catalog: ${(err as Error).message}`);
  }
  return { identity, baseMoves, warnings };
}

export interface SaveRecord {
  catalogFile: string;
  /** Whether catalog.json changed (the moves differ from what it held). */
  catalogWritten: boolean;
  identityFile: string;
  /** Whether roms.json was written (a ROM that differs from its original, or one recorded before). */
  identityWritten: boolean;
  /** The ROM's key in roms.json. */
  romKey: string;
}

/**
 * After the ROM file at `romPath` was written with bytes `rom`: its original's moves set to `moves`
 * (all of them, the saved ones first) and its identity remembered. Errors are thrown.
 */
export async function recordRomSave(
  files: CatalogFiles,
  folder: string,
  romPath: string,
  rom: Rom,
  identity: EditedRomIdentity,
  moves: readonly BlockMove[],
): Promise<SaveRecord> {
  const catalogFile = workspaceCatalogFile(folder);
  const before = await loadCatalog(files, catalogFile);
  const after = setMoves(before, romIdentity(rom, identity.original), moves);
  const catalogWritten = serializeCatalog(after) !== serializeCatalog(before);
  if (catalogWritten) await saveCatalog(files, catalogFile, after);
  // Only a ROM that differs from its original (or was recorded before) needs remembering.
  const identityFile = identityStoreFile(folder);
  const store = await loadIdentityStore(files, identityFile);
  const romKey = romKeyIn(folder, romPath);
  const identityWritten = identity.original !== identity.current || store.files[romKey] !== undefined;
  if (identityWritten) await saveIdentityStore(files, identityFile, recordSave(store, romKey, identity));
  return { catalogFile, catalogWritten, identityFile, identityWritten, romKey };
}
