/**
 * Backups beside a saved file: `<name>.bak-<UTC timestamp>` (sorts by time), pruned to the newest
 * `keep`; and the first one ever taken, `<name>.bak-<timestamp>-original`, which holds the file as
 * it was before SpritePal first saved it and is never pruned (the user deletes it). A backup is
 * copied to a hidden temp file and renamed, so no partial file ever carries a backup name.
 */
import { constants } from 'node:fs';
import { copyFile, open, readdir, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { tempPathFor } from './temp-files';

const ORIGINAL = '-original';

export function backupTimestamp(d: Date): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}-${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}-${p(d.getUTCMilliseconds(), 3)}`;
}

/** The time in a backup's name (ms since the epoch), or null for another file. */
export function backupTime(path: string): number | null {
  const m = /\.bak-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})-(\d{3})(?:-\d+)?(?:-original)?$/.exec(basename(path));
  if (!m) return null;
  const [y, mo, d, h, mi, s, ms] = m.slice(1).map(Number) as [number, number, number, number, number, number, number];
  return Date.UTC(y, mo - 1, d, h, mi, s, ms);
}

async function backupNames(path: string): Promise<string[]> {
  const prefix = basename(path) + '.bak-';
  const names = await readdir(dirname(path)).catch(() => [] as string[]);
  return names
    .filter((n) => n.startsWith(prefix) && /^\d{8}-/.test(n.slice(prefix.length)))
    .sort()
    .reverse();
}

/** The pruned backups of `path`, newest first (the original is not among them). */
export async function listBackups(path: string): Promise<string[]> {
  return (await backupNames(path)).filter((n) => !n.endsWith(ORIGINAL)).map((n) => join(dirname(path), n));
}

/** The kept originals of `path` (normally one; the user may have deleted it). */
export async function originalBackups(path: string): Promise<string[]> {
  return (await backupNames(path)).filter((n) => n.endsWith(ORIGINAL)).map((n) => join(dirname(path), n));
}

/** The time of the newest backup of any kind, or null when there is none. */
export async function newestBackupTime(path: string): Promise<number | null> {
  let newest: number | null = null;
  for (const n of await backupNames(path)) {
    const t = backupTime(n);
    if (t !== null && (newest === null || t > newest)) newest = t;
  }
  return newest;
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/**
 * Copies `path` to a new backup (temp file, flushed, renamed); `original` names it the kept first
 * backup. Returns the backup's path.
 */
export async function takeBackup(path: string, at: Date, original: boolean): Promise<string> {
  const stamp = backupTimestamp(at);
  const nameOf = (n: number) => `${path}.bak-${stamp}${n ? `-${n}` : ''}${original ? ORIGINAL : ''}`;
  let n = 0;
  while (await exists(nameOf(n))) n++;
  const tmp = tempPathFor(path);
  try {
    await copyFile(path, tmp, constants.COPYFILE_FICLONE);
    const fh = await open(tmp, 'r+');
    try {
      await fh.sync();
    } finally {
      await fh.close();
    }
    await rename(tmp, nameOf(n));
  } catch (err) {
    await unlink(tmp).catch(() => undefined);
    throw err;
  }
  return nameOf(n);
}

/** Deletes the pruned backups past the newest `keep`; returns their paths. */
export async function pruneBackups(path: string, keep: number): Promise<string[]> {
  const pruned: string[] = [];
  for (const old of (await listBackups(path)).slice(keep)) {
    if (
      await unlink(old).then(
        () => true,
        () => false,
      )
    )
      pruned.push(old);
  }
  return pruned;
}
