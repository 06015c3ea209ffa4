/**
 * Saving without ever losing a byte: the new bytes go to a temporary file in the same folder,
 * are flushed to disk, and replace the target with one rename, so a crash leaves either the old
 * file or the new one whole. Before that, the previous file is copied to a timestamped backup
 * beside it (`<name>.bak-<timestamp>`), and only the newest `keep` backups are kept.
 */
import { constants } from 'node:fs';
import { access, copyFile, open, readdir, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { SpritePalError } from '../errors';

export class SaveError extends SpritePalError {
  constructor(message: string) {
    super('save', message);
    this.name = 'SaveError';
  }
}

export interface AtomicWriteOptions {
  /** Keep this many timestamped backups of the previous file (0 or undefined: no backup). */
  keepBackups?: number;
  /** Clock for backup names (tests). */
  now?: () => Date;
}

export interface AtomicWriteResult {
  backupPath: string | null;
  prunedBackups: string[];
}

export function backupTimestamp(d: Date): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}-${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}-${p(d.getUTCMilliseconds(), 3)}`;
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/** The backups of `path` (newest first by name, which sorts by time). */
export async function listBackups(path: string): Promise<string[]> {
  const prefix = basename(path) + '.bak-';
  const names = await readdir(dirname(path));
  return names
    .filter((n) => n.startsWith(prefix))
    .sort()
    .reverse()
    .map((n) => join(dirname(path), n));
}

export async function writeFileAtomic(path: string, bytes: Uint8Array, opts: AtomicWriteOptions = {}): Promise<AtomicWriteResult> {
  const existed = await exists(path);
  let mode = 0o644;
  if (existed) {
    const st = await stat(path);
    if (st.isDirectory()) throw new SaveError(`cannot save over ${path}: it is a directory`);
    mode = st.mode & 0o777;
    // Read-only means no write bit at all (respected even for root, who could write anyway) or no
    // write access for this user.
    let writable = (st.mode & 0o222) !== 0;
    if (writable) writable = await access(path, constants.W_OK).then(() => true, () => false);
    if (!writable) throw new SaveError(`${path} is read-only: nothing was written`);
  }
  let backupPath: string | null = null;
  const pruned: string[] = [];
  const keep = opts.keepBackups ?? 0;
  if (existed && keep > 0) {
    const stamp = backupTimestamp((opts.now ?? (() => new Date()))());
    backupPath = `${path}.bak-${stamp}`;
    for (let n = 1; await exists(backupPath); n++) backupPath = `${path}.bak-${stamp}-${n}`;
    await copyFile(path, backupPath);
  }

  const tmp = join(dirname(path), `.${basename(path)}.spritepal-${process.pid}-${Math.random().toString(36).slice(2)}.tmp`);
  try {
    const fh = await open(tmp, 'wx', mode);
    try {
      await fh.writeFile(bytes);
      await fh.sync();
    } finally {
      await fh.close();
    }
    await rename(tmp, path);
  } catch (err) {
    await unlink(tmp).catch(() => undefined);
    throw new SaveError(`could not save ${path}: ${(err as Error).message} (the file on disk is unchanged)`);
  }
  try {
    const dh = await open(dirname(path), 'r');
    await dh.sync().catch(() => undefined);
    await dh.close();
  } catch {
    /* directories cannot be opened for sync everywhere; the rename itself is atomic */
  }
  if (keep > 0) {
    const backups = await listBackups(path);
    for (const old of backups.slice(keep)) {
      await unlink(old).catch(() => undefined);
      pruned.push(old);
    }
  }
  return { backupPath, prunedBackups: pruned };
}
