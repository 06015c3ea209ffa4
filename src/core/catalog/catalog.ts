/**
 * The project's own catalog file (`.spritepal/catalog.json` in a workspace): reading with clear
 * errors, deterministic writing (sorted keys, 2-space JSON, entries in ROM order) so a committed
 * file diffs well, and pure edits that return a new catalog.
 */
import type { BlockMove } from '../edit/edit-model';
import { catalogEntry, fail, isObject, offsetValue, parseJsonObject, show } from './validate';
import { CATALOG_FORMAT_VERSION, CatalogError, type Catalog, type CatalogEntry, type PaletteRef, type RomCatalog, type RomIdentity } from './types';

const SHA256 = /^[0-9a-f]{64}$/;

export function emptyCatalog(): Catalog {
  return { formatVersion: CATALOG_FORMAT_VERSION, roms: {} };
}

export function parseCatalog(text: string, source = 'catalog.json'): Catalog {
  const data = parseJsonObject(text, source);
  if (data.formatVersion !== CATALOG_FORMAT_VERSION) {
    if (typeof data.formatVersion === 'number' && data.formatVersion > CATALOG_FORMAT_VERSION) {
      return fail(source, 'formatVersion', `${data.formatVersion} was written by a newer SpritePal (this one reads version ${CATALOG_FORMAT_VERSION})`);
    }
    return fail(source, 'formatVersion', `${show(data.formatVersion)} is not a catalog format version (expected ${CATALOG_FORMAT_VERSION})`);
  }
  if (!isObject(data.roms)) return fail(source, 'roms', 'must be an object keyed by ROM SHA-256');
  const roms: Record<string, RomCatalog> = {};
  for (const [hash, rom] of Object.entries(data.roms)) {
    const where = `roms["${hash}"]`;
    if (!SHA256.test(hash)) fail(source, where, 'the key must be the lower-case hex SHA-256 of the headerless ROM (64 digits)');
    if (!isObject(rom)) return fail(source, where, 'must be an object');
    if (typeof rom.title !== 'string') fail(source, `${where}.title`, 'must be a string');
    if (rom.checksum !== null && !(typeof rom.checksum === 'number' && Number.isInteger(rom.checksum) && rom.checksum >= 0 && rom.checksum <= 0xffff)) {
      fail(source, `${where}.checksum`, `${show(rom.checksum)} is not a 16-bit checksum or null`);
    }
    if (!Array.isArray(rom.entries)) return fail(source, `${where}.entries`, 'must be an array');
    const entries = rom.entries.map((e, i) => catalogEntry(e, source, `${where}.entries[${i}]`));
    const names = new Set<string>();
    entries.forEach((e, i) => {
      if (names.has(e.name)) fail(source, `${where}.entries[${i}].name`, `"${e.name}" appears twice`);
      names.add(e.name);
    });
    roms[hash] = { title: rom.title as string, checksum: rom.checksum as number | null, entries };
    if (rom.moves !== undefined) roms[hash]!.moves = blockMoves(rom.moves, source, `${where}.moves`);
  }
  return { formatVersion: CATALOG_FORMAT_VERSION, roms };
}

function blockMoves(v: unknown, source: string, where: string): BlockMove[] {
  if (!Array.isArray(v)) return fail(source, where, 'must be an array of {from, to}');
  return v.map((m, i) => {
    if (!isObject(m)) return fail(source, `${where}[${i}]`, 'must be an object with "from" and "to"');
    return { from: offsetValue(m.from, source, `${where}[${i}].from`), to: offsetValue(m.to, source, `${where}[${i}].to`) };
  });
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (!isObject(v)) return v;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v).sort()) if (v[k] !== undefined) out[k] = sortKeys(v[k]);
  return out;
}

function byOffset(a: CatalogEntry, b: CatalogEntry): number {
  return a.romOffset - b.romOffset || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}

/** Sorted keys, 2-space indentation, entries by ROM offset then name, a final newline. */
export function serializeCatalog(catalog: Catalog): string {
  const roms: Record<string, RomCatalog> = {};
  for (const [hash, rom] of Object.entries(catalog.roms)) roms[hash] = { ...rom, entries: [...rom.entries].sort(byOffset) };
  return JSON.stringify(sortKeys({ formatVersion: catalog.formatVersion, roms }), null, 2) + '\n';
}

/** The entries for a ROM (by original hash) at their original offsets, in ROM order; empty when the catalog does not know it. */
export function entriesFor(catalog: Catalog, sha256: string): CatalogEntry[] {
  return [...(catalog.roms[sha256.toLowerCase()]?.entries ?? [])].sort(byOffset);
}

/** The saved moves of a ROM (by original hash), oldest first. */
export function movesFor(catalog: Catalog, sha256: string): BlockMove[] {
  return [...(catalog.roms[sha256.toLowerCase()]?.moves ?? [])];
}

/** Replaces a ROM's saved moves (made with a save of the ROM); a ROM record is created when needed. */
export function setMoves(catalog: Catalog, rom: RomIdentity, moves: readonly BlockMove[]): Catalog {
  if (!SHA256.test(rom.sha256)) throw new CatalogError(`"${rom.sha256}" is not a lower-case hex SHA-256`);
  const existing = catalog.roms[rom.sha256];
  if (!existing && moves.length === 0) return catalog;
  const next: RomCatalog = {
    ...(existing ?? { title: rom.title, checksum: rom.checksum, entries: [] }),
    moves: moves.map((m) => ({ from: m.from, to: m.to })),
  };
  if (next.moves!.length === 0) delete next.moves;
  if (next.entries.length === 0 && !next.moves) {
    const roms = { ...catalog.roms };
    delete roms[rom.sha256];
    return { ...catalog, roms };
  }
  return { ...catalog, roms: { ...catalog.roms, [rom.sha256]: next } };
}

function withRom(catalog: Catalog, sha256: string, f: (rom: RomCatalog) => RomCatalog): Catalog {
  const rom = catalog.roms[sha256];
  if (!rom) throw new CatalogError(`the catalog has no entries for ROM ${sha256}`);
  return { ...catalog, roms: { ...catalog.roms, [sha256]: f(rom) } };
}

function findEntry(rom: RomCatalog, name: string): number {
  const i = rom.entries.findIndex((e) => e.name === name);
  if (i < 0) throw new CatalogError(`no catalog entry named "${name}" for ${rom.title || 'this ROM'}`);
  return i;
}

function replaceEntry(catalog: Catalog, sha256: string, name: string, f: (e: CatalogEntry) => CatalogEntry): Catalog {
  return withRom(catalog, sha256, (rom) => {
    const i = findEntry(rom, name);
    const entries = [...rom.entries];
    entries[i] = f(entries[i]!);
    return { ...rom, entries };
  });
}

/** Adds an entry (checked like one read from a file); names are unique per ROM. */
export function addEntry(catalog: Catalog, rom: RomIdentity, entry: CatalogEntry): Catalog {
  if (!SHA256.test(rom.sha256)) throw new CatalogError(`"${rom.sha256}" is not a lower-case hex SHA-256`);
  const checked = catalogEntry(entry, 'new entry', '');
  const existing = catalog.roms[rom.sha256];
  if (existing?.entries.some((e) => e.name === checked.name))
    throw new CatalogError(`an entry named "${checked.name}" already exists for ${rom.title || 'this ROM'}`);
  const next: RomCatalog = { title: rom.title, checksum: rom.checksum, entries: [...(existing?.entries ?? []), checked] };
  return { ...catalog, roms: { ...catalog.roms, [rom.sha256]: next } };
}

export function renameEntry(catalog: Catalog, sha256: string, name: string, newName: string): Catalog {
  if (newName.trim() === '') throw new CatalogError('a catalog entry needs a non-empty name');
  const rom = catalog.roms[sha256];
  if (rom && newName !== name && rom.entries.some((e) => e.name === newName)) throw new CatalogError(`an entry named "${newName}" already exists`);
  return replaceEntry(catalog, sha256, name, (e) => ({ ...e, name: newName }));
}

/** Removes an entry; a ROM left with no entries is dropped from the catalog. */
export function removeEntry(catalog: Catalog, sha256: string, name: string): Catalog {
  const next = withRom(catalog, sha256, (rom) => {
    const i = findEntry(rom, name);
    return { ...rom, entries: rom.entries.filter((_, k) => k !== i) };
  });
  if (next.roms[sha256]!.entries.length > 0 || next.roms[sha256]!.moves?.length) return next;
  const roms = { ...next.roms };
  delete roms[sha256];
  return { ...next, roms };
}

/** Sets (or with undefined, clears) an entry's palette choice. */
export function setPalette(catalog: Catalog, sha256: string, name: string, palette: PaletteRef | undefined): Catalog {
  return replaceEntry(catalog, sha256, name, (e) => {
    const { palette: _old, ...rest } = e;
    return palette ? { ...rest, palette: catalogEntry({ ...rest, palette }, 'palette', '').palette! } : rest;
  });
}

/** Sets (or with undefined or '', clears) an entry's notes. */
export function setNotes(catalog: Catalog, sha256: string, name: string, notes: string | undefined): Catalog {
  return replaceEntry(catalog, sha256, name, (e) => {
    const { notes: _old, ...rest } = e;
    return notes ? { ...rest, notes } : rest;
  });
}
