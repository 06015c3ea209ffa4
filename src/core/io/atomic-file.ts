/**
 * Saving without ever losing a byte. Under an exclusive lock on the file (file-lock.ts), for the
 * whole read-check-backup-write:
 *
 * 1. symbolic links are followed: the real file is rewritten, as editors do (the result says so);
 * 2. the file's stamp is compared with `expectStamp`, and the file on disk is read (bounded) and
 *    handed to `check`: either may refuse (the file changed since it was read, a stale plan);
 * 3. nothing happens when the disk already holds exactly these bytes (no write, no backup);
 * 4. free space for the backup and the new file is checked before anything is written;
 * 5. the previous file is copied to a backup (backups.ts: temp + rename, so no partial file has a
 *    backup name): the first one is kept as the original, the others pruned to the newest `keep`;
 *    an automatic save (`explicit: false`) makes at most one backup per `minBackupIntervalMs`;
 * 6. the new bytes go to a temp file in the same folder, are flushed, and replace the file with
 *    one rename, so a crash leaves the old file or the new one whole. A failed write removes the
 *    backup it made: a refused save leaves nothing behind.
 */
import { constants } from 'node:fs';
import { access, lstat, open, realpath, rename, stat, statfs, unlink } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { SpritePalError } from '../errors';
import { newestBackupTime, pruneBackups, takeBackup } from './backups';
import { readBounded } from './bounded-read';
import { withFileLock, type LockOptions } from './file-lock';
import { removeStaleTemps, tempPathFor } from './temp-files';

export { backupTimestamp, listBackups, originalBackups } from './backups';

export class SaveError extends SpritePalError {
  constructor(message: string) {
    super('save', message);
    this.name = 'SaveError';
  }
}

/** The file changed on disk since the caller read it (its stamp differs, checked under the lock). */
export class FileChangedError extends SpritePalError {
  constructor(message: string) {
    super('file-changed', message);
    this.name = 'FileChangedError';
  }
}

/** At most one backup a minute from automatic saves. */
export const MIN_BACKUP_INTERVAL_MS = 60_000;
/** Largest existing file read for `check` or the identical-content test. */
const MAX_CURRENT_BYTES = 256 * 1024 * 1024;
/** Free space kept beyond what a save needs (file system metadata). */
const SPACE_MARGIN = 1024 * 1024;

export interface AtomicWriteOptions {
  /** Keep this many timestamped backups of the previous file (0 or undefined: no backup). */
  keepBackups?: number;
  /** Clock for backup names (tests). */
  now?: () => Date;
  /**
   * The user asked for this save (default true). An automatic save (auto-save, a save after each
   * edit) makes a backup only when the newest is at least `minBackupIntervalMs` old.
   */
  explicit?: boolean;
  minBackupIntervalMs?: number;
  /** Lock waiting and staleness; false: no lock (a file nobody else writes). */
  lock?: LockOptions | false;
  /**
   * Runs under the lock with the bytes on disk (null: no file yet) before anything is written;
   * throwing refuses the save (e.g. the file changed since it was read: a stale plan).
   */
  check?: (onDisk: Uint8Array | null) => void;
  /**
   * The file's modification time (whole ms, as `stat().mtime.getTime()`) and size when the caller
   * read it (null: it did not exist). Checked again under the lock: a different stamp refuses the
   * save with FileChangedError (what the editor's save passes).
   */
  expectStamp?: { mtime: number; size: number } | null;
  /** Free bytes in a folder (tests; default: statfs). */
  freeSpace?: (dir: string) => Promise<number>;
}

export interface AtomicWriteResult {
  backupPath: string | null;
  prunedBackups: string[];
  /** The file written: the real file when `path` is a symbolic link. */
  writtenPath: string;
  followedSymlink: boolean;
  /** The disk already held these bytes: nothing was written and no backup made. */
  unchanged: boolean;
  /** Why no backup was made although backups were asked for. */
  backupSkipped: 'identical' | 'interval' | null;
}

async function freeBytes(dir: string): Promise<number> {
  const s = await statfs(dir);
  return s.bavail * s.bsize;
}

/** The real file behind `path` (links followed); `path` itself when nothing exists there yet. */
async function realTarget(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') throw new SaveError(`cannot save ${path}: it is a symbolic link loop (nothing was written)`);
    if (code !== 'ENOENT') throw new SaveError(`cannot save ${path}: ${(err as Error).message}`);
    const link = await lstat(path).catch(() => null);
    if (link?.isSymbolicLink()) throw new SaveError(`cannot save ${path}: it is a symbolic link to a file that does not exist (nothing was written)`);
    const dir = await realpath(dirname(path)).catch(() => dirname(path));
    return resolve(dir, basename(path));
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.compare(a, b) === 0;
}

export async function writeFileAtomic(path: string, bytes: Uint8Array, opts: AtomicWriteOptions = {}): Promise<AtomicWriteResult> {
  const target = await realTarget(resolve(path));
  const followedSymlink =
    target !== resolve(path) &&
    (await lstat(path).then(
      (l) => l.isSymbolicLink(),
      () => false,
    ));
  const refusal = { byCheck: false };
  const run = () => save(target, bytes, opts, refusal);
  let r;
  try {
    r = opts.lock === false ? await run() : await withFileLock(target, run, opts.lock ?? {});
  } catch (err) {
    if (err instanceof SpritePalError || refusal.byCheck) throw err; // the caller's own refusal, as it was thrown
    throw new SaveError(`could not save ${path}: ${(err as Error).message} (the file on disk is unchanged)`);
  }
  return { ...r, writtenPath: target, followedSymlink };
}

async function save(
  path: string,
  bytes: Uint8Array,
  opts: AtomicWriteOptions,
  refusal: { byCheck: boolean },
): Promise<Omit<AtomicWriteResult, 'writtenPath' | 'followedSymlink'>> {
  await removeStaleTemps(path);
  const st = await stat(path).catch(() => null);
  let mode = 0o644;
  if (st) {
    if (st.isDirectory()) throw new SaveError(`cannot save over ${path}: it is a directory`);
    if (!st.isFile()) throw new SaveError(`cannot save over ${path}: it is not a regular file`);
    mode = st.mode & 0o777;
    // Read-only means no write bit at all (respected even for root, who could write anyway) or no
    // write access for this user.
    let writable = (st.mode & 0o222) !== 0;
    if (writable)
      writable = await access(path, constants.W_OK).then(
        () => true,
        () => false,
      );
    if (!writable) throw new SaveError(`${path} is read-only: nothing was written`);
  }
  if (opts.expectStamp !== undefined) {
    const now = st ? { mtime: st.mtime.getTime(), size: st.size } : null;
    const want = opts.expectStamp;
    if ((now === null) !== (want === null) || (now && want && (now.mtime !== want.mtime || now.size !== want.size))) {
      throw new FileChangedError(`${path} changed on disk since it was read (${now ? `now ${now.size} bytes` : 'now deleted'}): nothing was written`);
    }
  }
  const keep = opts.keepBackups ?? 0;
  // The bytes on disk, when someone needs them: the check, or the identical-content test (only
  // possible at the same size).
  let onDisk: Uint8Array | null = null;
  if (st && (opts.check || st.size === bytes.length)) onDisk = (await readBounded(path, { what: 'file being saved', maxBytes: MAX_CURRENT_BYTES })).bytes;
  refusal.byCheck = true;
  opts.check?.(onDisk);
  refusal.byCheck = false;
  if (onDisk && sameBytes(onDisk, bytes)) return { backupPath: null, prunedBackups: [], unchanged: true, backupSkipped: keep > 0 ? 'identical' : null };

  const now = (opts.now ?? (() => new Date()))();
  let backup: 'original' | 'pruned' | null = null;
  let backupSkipped: AtomicWriteResult['backupSkipped'] = null;
  if (st && keep > 0) {
    const newest = await newestBackupTime(path);
    if (newest === null) backup = 'original';
    else if (opts.explicit === false && now.getTime() - newest < (opts.minBackupIntervalMs ?? MIN_BACKUP_INTERVAL_MS)) backupSkipped = 'interval';
    else backup = 'pruned';
  }
  const need = bytes.length + (backup ? st!.size : 0) + SPACE_MARGIN;
  const free = await (opts.freeSpace ?? freeBytes)(dirname(path)).catch(() => Infinity);
  if (free < need) {
    const mib = (n: number) => `${(n / 1048576).toFixed(1)} MiB`;
    throw new SaveError(
      `not enough free space to save ${path}${backup ? ' with its backup' : ''}: ${mib(need)} needed, ${mib(free)} free (nothing was written)`,
    );
  }

  let backupPath: string | null = null;
  if (backup) {
    try {
      backupPath = await takeBackup(path, now, backup === 'original');
    } catch (err) {
      throw new SaveError(`could not back up ${path}: ${(err as Error).message} (nothing was written)`);
    }
  }

  const tmp = tempPathFor(path);
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
    if (backupPath) await unlink(backupPath).catch(() => undefined);
    throw new SaveError(`could not save ${path}: ${(err as Error).message} (the file on disk is unchanged)`);
  }
  try {
    const dh = await open(dirname(path), 'r');
    await dh.sync().catch(() => undefined);
    await dh.close();
  } catch {
    /* directories cannot be opened for sync everywhere; the rename itself is atomic */
  }
  const prunedBackups = keep > 0 ? await pruneBackups(path, keep) : [];
  return { backupPath, prunedBackups, unchanged: false, backupSkipped };
}
