/**
 * Where a workspace remembers which original each ROM file came from (`.spritepal/roms.json`):
 * per file (path relative to the workspace folder) its header, the original's SHA-256 and the
 * SHA-256 it had when SpritePal last saved it. Read on open to find the catalog of an edited ROM,
 * written on save. Deterministic JSON, like the catalog, so it can be committed.
 */
import { CatalogError } from './types';
import { WORKSPACE_DIR, type CatalogFiles } from './store';
import { fail, isObject, parseJsonObject } from './validate';
import { sameHeader, type EditedRomIdentity, type HeaderKey } from './identity';

export const IDENTITY_STORE_PATH = `${WORKSPACE_DIR}/roms.json`;
export const IDENTITY_FORMAT_VERSION = 1;

export interface IdentityStore {
  formatVersion: typeof IDENTITY_FORMAT_VERSION;
  /** Keyed by the file's path relative to the workspace folder ('/' separated). */
  files: Record<string, EditedRomIdentity>;
}

const SHA256 = /^[0-9a-f]{64}$/;

export function emptyIdentityStore(): IdentityStore {
  return { formatVersion: IDENTITY_FORMAT_VERSION, files: {} };
}

function nullableInt(v: unknown, source: string, where: string): number | null {
  if (v === null) return null;
  if (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0) return v;
  return fail(source, where, `${JSON.stringify(v)} is not a whole number or null`);
}

function header(v: unknown, source: string, where: string): HeaderKey {
  if (!isObject(v)) return fail(source, where, 'must be an object');
  if (typeof v.title !== 'string') fail(source, `${where}.title`, 'must be a string');
  if (typeof v.mapping !== 'string') fail(source, `${where}.mapping`, 'must be a string');
  if (typeof v.romSize !== 'number' || !Number.isSafeInteger(v.romSize) || v.romSize <= 0) fail(source, `${where}.romSize`, 'must be a positive whole number');
  return {
    title: v.title as string,
    mapping: v.mapping as string,
    romSize: v.romSize as number,
    region: nullableInt(v.region, source, `${where}.region`),
    version: nullableInt(v.version, source, `${where}.version`),
  };
}

export function parseIdentityStore(text: string, source = IDENTITY_STORE_PATH): IdentityStore {
  const data = parseJsonObject(text, source);
  if (data.formatVersion !== IDENTITY_FORMAT_VERSION)
    return fail(source, 'formatVersion', `${JSON.stringify(data.formatVersion)} is not ${IDENTITY_FORMAT_VERSION}`);
  if (!isObject(data.files)) return fail(source, 'files', 'must be an object keyed by file path');
  const files: Record<string, EditedRomIdentity> = {};
  for (const [path, rec] of Object.entries(data.files)) {
    const where = `files["${path}"]`;
    if (!isObject(rec)) return fail(source, where, 'must be an object');
    for (const k of ['original', 'current'] as const) {
      if (typeof rec[k] !== 'string' || !SHA256.test(rec[k] as string)) fail(source, `${where}.${k}`, 'must be a lower-case hex SHA-256 (64 digits)');
    }
    files[path] = { header: header(rec.header, source, `${where}.header`), original: rec.original as string, current: rec.current as string };
  }
  return { formatVersion: IDENTITY_FORMAT_VERSION, files };
}

export function serializeIdentityStore(store: IdentityStore): string {
  const files: Record<string, unknown> = {};
  for (const path of Object.keys(store.files).sort()) {
    const r = store.files[path]!;
    const h = r.header;
    files[path] = {
      current: r.current,
      header: { mapping: h.mapping, region: h.region, romSize: h.romSize, title: h.title, version: h.version },
      original: r.original,
    };
  }
  return JSON.stringify({ files, formatVersion: store.formatVersion }, null, 2) + '\n';
}

/**
 * The identity of a ROM file being opened. Its original is what the workspace remembered for this
 * path when the header still matches (whatever was injected since, here or by an assembler), else
 * the original of any file last saved with exactly these bytes and this header (a copy), else the
 * ROM is its own original.
 */
export function resolveIdentity(store: IdentityStore, path: string | null, header: HeaderKey, current: string): EditedRomIdentity {
  const byPath = path === null ? undefined : store.files[path];
  if (byPath && sameHeader(byPath.header, header)) return { header, original: byPath.original, current };
  const copy = Object.values(store.files).find((r) => r.current === current && sameHeader(r.header, header));
  if (copy) return { header, original: copy.original, current };
  return { header, original: current, current };
}

/** The store after a save of `path` with the identity's original and its new current hash. */
export function recordSave(store: IdentityStore, path: string, identity: EditedRomIdentity): IdentityStore {
  if (!SHA256.test(identity.original) || !SHA256.test(identity.current)) throw new CatalogError('a ROM identity needs lower-case hex SHA-256 hashes');
  return { ...store, files: { ...store.files, [path]: { header: { ...identity.header }, original: identity.original, current: identity.current } } };
}

/** The store at `path`; an empty one when the file does not exist. */
export async function loadIdentityStore(files: CatalogFiles, path: string): Promise<IdentityStore> {
  const bytes = await files.readFile(path);
  return bytes === null ? emptyIdentityStore() : parseIdentityStore(new TextDecoder().decode(bytes), path);
}

export async function saveIdentityStore(files: CatalogFiles, path: string, store: IdentityStore): Promise<void> {
  await files.writeFile(path, new TextEncoder().encode(serializeIdentityStore(store)));
}
