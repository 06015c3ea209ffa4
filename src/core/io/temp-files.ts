/**
 * Temporary files for atomic writes: `.<name>.spritepal-<pid>-<random>.tmp` in the target's folder
 * (a rename never crosses file systems), hidden, and never under a name a user or SpritePal
 * reads as the file or a backup. The writer's pid is in the name, so a later run removes the ones
 * whose writer is dead (killed mid-write) without touching a live writer's.
 */
import { randomBytes } from 'node:crypto';
import { readdirSync, statSync, unlinkSync } from 'node:fs';
import { readdir, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { pidAlive } from './pid';

/** A temp file left this long is removed even when its pid is alive again (a reused pid). */
export const STALE_TEMP_AGE_MS = 60 * 60_000;

export function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.spritepal-${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
}

function staleTempPid(target: string, name: string): number | null {
  const prefix = `.${basename(target)}.spritepal-`;
  if (!name.startsWith(prefix) || !name.endsWith('.tmp')) return null;
  const m = /^(\d+)-[0-9a-z]+\.tmp$/.exec(name.slice(prefix.length));
  return m ? Number(m[1]) : null;
}

function isStale(pid: number, mtimeMs: number, now: number): boolean {
  return (pid !== process.pid && !pidAlive(pid)) || now - mtimeMs > STALE_TEMP_AGE_MS;
}

/** Removes the temp files of `target` left by dead writers; returns their paths. */
export async function removeStaleTemps(target: string, now = Date.now()): Promise<string[]> {
  const dir = dirname(target);
  const removed: string[] = [];
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    const pid = staleTempPid(target, name);
    if (pid === null) continue;
    const full = join(dir, name);
    const st = await stat(full).catch(() => null);
    if (!st?.isFile() || !isStale(pid, st.mtimeMs, now)) continue;
    if (
      await unlink(full).then(
        () => true,
        () => false,
      )
    )
      removed.push(full);
  }
  return removed;
}

/** The same, synchronously (CLI outputs). */
export function removeStaleTempsSync(target: string, now = Date.now()): string[] {
  const dir = dirname(target);
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return removed;
  }
  for (const name of names) {
    const pid = staleTempPid(target, name);
    if (pid === null) continue;
    const full = join(dir, name);
    try {
      const st = statSync(full);
      if (!st.isFile() || !isStale(pid, st.mtimeMs, now)) continue;
      unlinkSync(full);
      removed.push(full);
    } catch {
      // gone meanwhile, or not ours to remove
    }
  }
  return removed;
}
