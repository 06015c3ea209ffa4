/**
 * The record of each ROM's clean original: which file it is and the SHA-256 of its headerless
 * bytes, kept per workspace in `.spritepal/originals.json` so patches can be made against it.
 * The original is fixed when a ROM is first opened in a workspace (keepOriginal), from the bytes
 * read then, before any edit can reach the disk: a file that already holds them (a save's
 * `-original` backup) is recorded as it is, else a copy is kept in `.spritepal/originals/`.
 * The file I/O is passed in (the extension gives vscode.workspace.fs, Node code the disk), and
 * the file is read as untrusted input: anything malformed is a clear error naming where.
 *
 * { "formatVersion": 1,
 *   "roms": { "<edited ROM, workspace-relative>": { "path": "<original>", "sha256": "<hex>", "size": n, "recordedAt": "<ISO time>" } } }
 */
import { romContentHash } from '../cache/rom-hash';
import { WORKSPACE_DIR, type CatalogFiles } from '../catalog/store';
import { SpritePalError } from '../errors';
import { copierHeaderSize } from '../rom/copier-header';

export const ORIGINALS_PATH = `${WORKSPACE_DIR}/originals.json`;
/** Where copies of clean originals are kept (workspace-relative). */
export const KEPT_ORIGINALS_DIR = `${WORKSPACE_DIR}/originals`;
export const ORIGINALS_FORMAT_VERSION = 1;

/** Reads and writes workspace files; a missing file reads as null. */
export type WorkspaceFiles = CatalogFiles;

export interface OriginalRecord {
  /** Where the clean original is (workspace-relative when inside the workspace). */
  path: string;
  /** SHA-256 (lower-case hex) of its headerless bytes. */
  sha256: string;
  /** Its headerless size in bytes. */
  size: number;
  recordedAt: string;
}

export interface Originals {
  formatVersion: typeof ORIGINALS_FORMAT_VERSION;
  /** Keyed by the edited ROM's path. */
  roms: Record<string, OriginalRecord>;
}

/**
 * Why no usable original: none recorded, the recorded file is gone, it no longer holds what was
 * recorded, or the record file itself is damaged.
 */
export type OriginalErrorReason = 'none' | 'missing' | 'changed' | 'malformed';

export class OriginalError extends SpritePalError {
  constructor(
    readonly reason: OriginalErrorReason,
    message: string,
  ) {
    super(`original-${reason}`, message);
    this.name = 'OriginalError';
  }
}

const SHA256 = /^[0-9a-f]{64}$/;

export function emptyOriginals(): Originals {
  return { formatVersion: ORIGINALS_FORMAT_VERSION, roms: {} };
}

export function parseOriginals(text: string, source = ORIGINALS_PATH): Originals {
  const bad = (where: string, what: string): never => {
    throw new OriginalError('malformed', `${source}: ${where ? where + ': ' : ''}${what}`);
  };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    return bad('', `not valid JSON (${(err as Error).message})`);
  }
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!isObject(data)) return bad('', 'must hold a JSON object');
  if (data.formatVersion !== ORIGINALS_FORMAT_VERSION)
    return bad('formatVersion', `${JSON.stringify(data.formatVersion)} is not a version this SpritePal reads (${ORIGINALS_FORMAT_VERSION})`);
  if (!isObject(data.roms)) return bad('roms', 'must be an object keyed by ROM path');
  const roms: Record<string, OriginalRecord> = {};
  for (const [key, r] of Object.entries(data.roms)) {
    const where = `roms[${JSON.stringify(key)}]`;
    if (!isObject(r)) return bad(where, 'must be an object');
    if (typeof r.path !== 'string' || r.path === '') bad(`${where}.path`, 'must be a non-empty string');
    if (typeof r.sha256 !== 'string' || !SHA256.test(r.sha256)) bad(`${where}.sha256`, 'must be a lower-case hex SHA-256 (64 digits)');
    if (typeof r.size !== 'number' || !Number.isSafeInteger(r.size) || r.size < 0) bad(`${where}.size`, 'must be a whole number of bytes');
    if (typeof r.recordedAt !== 'string') bad(`${where}.recordedAt`, 'must be an ISO date string');
    roms[key] = { path: r.path as string, sha256: r.sha256 as string, size: r.size as number, recordedAt: r.recordedAt as string };
  }
  return { formatVersion: ORIGINALS_FORMAT_VERSION, roms };
}

/** Stable text: keys sorted, so the file diffs cleanly when committed with a hack project. */
export function serializeOriginals(o: Originals): string {
  const roms: Record<string, OriginalRecord> = {};
  for (const key of Object.keys(o.roms).sort()) {
    const r = o.roms[key]!;
    roms[key] = { path: r.path, sha256: r.sha256, size: r.size, recordedAt: r.recordedAt };
  }
  return JSON.stringify({ formatVersion: o.formatVersion, roms }, null, 2) + '\n';
}

export async function loadOriginals(files: WorkspaceFiles, path = ORIGINALS_PATH): Promise<Originals> {
  const bytes = await files.readFile(path);
  return bytes === null ? emptyOriginals() : parseOriginals(new TextDecoder().decode(bytes), path);
}

/** Records `original` (its file bytes, copier header allowed) as the clean original of `romKey`, and saves. */
export async function recordOriginal(
  files: WorkspaceFiles,
  romKey: string,
  original: { path: string; bytes: Uint8Array },
  now = new Date(),
  path = ORIGINALS_PATH,
): Promise<OriginalRecord> {
  const originals = await loadOriginals(files, path);
  const body = original.bytes.subarray(copierHeaderSize(original.bytes.length));
  const record: OriginalRecord = { path: original.path, sha256: romContentHash(body), size: body.length, recordedAt: now.toISOString() };
  originals.roms[romKey] = record;
  await files.writeFile(path, new TextEncoder().encode(serializeOriginals(originals)));
  return record;
}

/**
 * Where a copy of a ROM's clean original is kept: the ROM's file name with the first 12 digits of
 * the original's SHA-256 (`.spritepal/originals/game-d1ee3b0c55a1.sfc`), so ROMs made from the
 * same original share one copy and a different original never overwrites it.
 */
export function keptOriginalPath(romName: string, sha256: string): string {
  const base = romName.split(/[\\/]/).pop() || 'rom';
  const dot = base.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [base.slice(0, dot), base.slice(dot)] : [base, ''];
  return `${KEPT_ORIGINALS_DIR}/${stem}-${sha256.slice(0, 12)}${ext}`;
}

const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((v, i) => v === b[i]);

/**
 * Keeps `bytes` (a ROM file as it was first opened, copier header allowed) as the clean original
 * of `romKey` and records it: `holder`, a file already holding exactly these bytes (the `-original`
 * backup), is recorded as it is; else a copy is written at keptOriginalPath (unless one holding
 * these bytes is there already).
 */
export async function keepOriginal(
  files: WorkspaceFiles,
  romKey: string,
  original: { romName: string; bytes: Uint8Array; holder?: string },
  now = new Date(),
  path = ORIGINALS_PATH,
): Promise<OriginalRecord> {
  let at = original.holder;
  if (at === undefined) {
    const body = original.bytes.subarray(copierHeaderSize(original.bytes.length));
    at = keptOriginalPath(original.romName, romContentHash(body));
    const there = await files.readFile(at);
    if (!there || !sameBytes(there, original.bytes)) await files.writeFile(at, original.bytes);
  }
  return recordOriginal(files, romKey, { path: at, bytes: original.bytes }, now, path);
}

export async function findOriginal(files: WorkspaceFiles, romKey: string, path = ORIGINALS_PATH): Promise<OriginalRecord | null> {
  return (await loadOriginals(files, path)).roms[romKey] ?? null;
}

/**
 * The recorded original's bytes, checked against its SHA-256; a clear error when there is none
 * (patches cannot be made, and the message says why), when it is gone, or when it changed.
 */
export async function readOriginal(files: WorkspaceFiles, romKey: string, path = ORIGINALS_PATH): Promise<{ record: OriginalRecord; bytes: Uint8Array }> {
  const record = await findOriginal(files, romKey, path);
  if (!record)
    throw new OriginalError(
      'none',
      `no clean original is recorded for ${romKey}: a patch needs the unmodified ROM to compare against (choose it once; it is remembered in ${path})`,
    );
  const bytes = await files.readFile(record.path);
  if (bytes === null)
    throw new OriginalError('missing', `the clean original of ${romKey}, ${record.path}, no longer exists (recorded ${record.recordedAt}); choose it again`);
  const body = bytes.subarray(copierHeaderSize(bytes.length));
  const sha = romContentHash(body);
  if (sha !== record.sha256) {
    throw new OriginalError(
      'changed',
      `${record.path} is no longer the clean original of ${romKey}: its SHA-256 is ${sha.slice(0, 12)}…, ${record.sha256.slice(0, 12)}… was recorded on ${record.recordedAt}; choose the original again`,
    );
  }
  return { record, bytes };
}
