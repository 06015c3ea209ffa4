/**
 * An exclusive lock on a file being rewritten, held for the whole read-check-backup-write of a
 * save, so two writers (two CLI runs, the CLI and the editor) never interleave and lose an edit.
 *
 * The lock is a file beside the target, `.<name>.spritepal-lock`, created with O_EXCL and holding
 * `{pid, host, time, token}`. A lock whose process is dead (same host), or older than `staleMs`,
 * is stale: it is removed under a second, short-lived lock (`…-lock.break`), after checking that
 * it is still the same stale lock, so two processes recovering at once never remove a fresh one.
 * A writer that finds a live lock waits up to `waitMs`, then refuses with RomLockedError.
 */
import { randomBytes } from 'node:crypto';
import { open, readFile, stat, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { SpritePalError } from '../errors';
import { pidAlive } from './pid';

export class RomLockedError extends SpritePalError {
  constructor(
    readonly path: string,
    readonly pid: number | null,
  ) {
    super(
      'locked',
      `${basename(path)}: ROM is being written by another process${pid === null ? '' : ` (pid ${pid})`}: nothing was written, try again when it is done`,
    );
    this.name = 'RomLockedError';
  }
}

export interface LockOptions {
  /** How long to wait for a live lock (default 10 s). */
  waitMs?: number;
  /** A lock older than this is stale even if its pid is alive (default 5 min: no save takes that long). */
  staleMs?: number;
  /** Poll interval while waiting (default 20 ms). */
  pollMs?: number;
}

interface Holder {
  pid: number;
  host: string;
  time: number;
  token: string;
}

/** A lock file this young without a readable body is being written by its owner. */
const UNREADABLE_GRACE_MS = 2000;
const BREAK_STALE_MS = 5000;

export function lockPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.spritepal-lock`);
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function parseHolder(text: string): Holder | null {
  try {
    const h = JSON.parse(text) as Partial<Holder>;
    if (typeof h.pid === 'number' && typeof h.host === 'string' && typeof h.time === 'number' && typeof h.token === 'string') return h as Holder;
  } catch {
    // a body being written, or garbage
  }
  return null;
}

async function createExclusive(path: string, text: string): Promise<boolean> {
  let fh;
  try {
    fh = await open(path, 'wx', 0o644);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
  try {
    await fh.writeFile(text);
  } finally {
    await fh.close();
  }
  return true;
}

function isStale(holder: Holder | null, mtimeMs: number, staleMs: number, now: number): boolean {
  if (!holder) return now - mtimeMs > UNREADABLE_GRACE_MS;
  if (holder.host === hostname() && !pidAlive(holder.pid)) return true;
  return now - Math.min(holder.time, mtimeMs) > staleMs;
}

/** Removes the lock at `lockPath` if it still holds `text` (under the break lock); false if another process is at it. */
async function breakStale(lockPath: string, text: string): Promise<boolean> {
  const breaker = lockPath + '.break';
  const mine = `${process.pid} ${randomBytes(6).toString('hex')}`;
  if (!(await createExclusive(breaker, mine))) {
    const st = await stat(breaker).catch(() => null);
    if (st && Date.now() - st.mtimeMs > BREAK_STALE_MS) await unlink(breaker).catch(() => undefined);
    return false;
  }
  try {
    const now = await readFile(lockPath, 'utf8').catch(() => null);
    if (now === text) await unlink(lockPath).catch(() => undefined);
  } finally {
    await unlink(breaker).catch(() => undefined);
  }
  return true;
}

/** Takes the lock of `path`; returns the release function. */
export async function acquireLock(path: string, opts: LockOptions = {}): Promise<() => Promise<void>> {
  const lockPath = lockPathFor(path);
  const waitMs = opts.waitMs ?? 10_000;
  const staleMs = opts.staleMs ?? 5 * 60_000;
  const pollMs = opts.pollMs ?? 20;
  const body = JSON.stringify({ pid: process.pid, host: hostname(), time: Date.now(), token: randomBytes(8).toString('hex') } satisfies Holder);
  const deadline = Date.now() + waitMs;
  for (;;) {
    if (await createExclusive(lockPath, body)) {
      return async () => {
        const now = await readFile(lockPath, 'utf8').catch(() => null);
        if (now === body) await unlink(lockPath).catch(() => undefined);
      };
    }
    const [text, st] = await Promise.all([readFile(lockPath, 'utf8').catch(() => null), stat(lockPath).catch(() => null)]);
    const holder = text === null ? null : parseHolder(text);
    if (text !== null && st && isStale(holder, st.mtimeMs, staleMs, Date.now())) {
      if (await breakStale(lockPath, text)) continue;
    } else if (text === null || !st) {
      if (
        !(await stat(lockPath).then(
          () => true,
          () => false,
        ))
      )
        continue; // released meanwhile: try again at once
    }
    if (Date.now() >= deadline) throw new RomLockedError(path, holder?.pid ?? null);
    await sleep(pollMs);
  }
}

/** Runs `fn` holding the lock of `path`. */
export async function withFileLock<T>(path: string, fn: () => Promise<T>, opts: LockOptions = {}): Promise<T> {
  const release = await acquireLock(path, opts);
  try {
    return await fn();
  } finally {
    await release();
  }
}
