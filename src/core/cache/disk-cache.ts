/**
 * Level 2: one file per entry in a folder (the extension's global storage; `defaultCliCacheDir()`
 * is where a CLI cache would go, but the CLI runs without one), bounded by total size, least
 * recently used evicted first.
 *
 * - A file is read only when its size (stat first, bounded read) fits the cache's bound: a huge
 *   file in the folder is deleted unread.
 *
 * - Writes are atomic: a temp file in the same folder, then rename.
 * - Recency is the file's mtime, set on write and on every hit, so it survives restarts; the
 *   folder is listed once (lazily) into an in-memory index that keeps the total.
 * - A file that fails its checks (see entry-file.ts) is a miss and is deleted.
 * - Other processes may share the folder (two VS Code windows): renames keep readers safe; this
 *   process's total may drift from theirs until it lists the folder again (next start).
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { readBounded, type FileReadError } from '../io/bounded-read';
import { decodeEntry, encodeEntry, type EntryMeta } from './entry-file';
import { diskName } from './keys';
import { hitRate, type LevelStats } from './stats';

export interface DiskCacheOptions {
  dir: string;
  maxBytes: number;
}

export interface DiskStats extends LevelStats {
  /** Entries that failed their checks and were deleted. */
  corrupt: number;
  /** Failed reads or writes other than a plain miss (full disk, permissions). */
  errors: number;
}

const SUFFIX = '.bin';
/** No entry file is read past this, whatever the cache's total bound. */
export const MAX_ENTRY_BYTES = 128 * 1024 * 1024;
/** Temp files older than this, left by a process that died mid-write, are deleted on the first listing. */
const STALE_TEMP_MS = 10 * 60_000;

export class DiskCache {
  readonly dir: string;
  private readonly maxBytes: number;
  /** file name -> size, least recently used first (Map order). */
  private readonly index = new Map<string, number>();
  private total = 0;
  private loading: Promise<void> | undefined;
  private readonly counts = { hits: 0, misses: 0, evictions: 0, corrupt: 0, errors: 0 };

  constructor(options: DiskCacheOptions) {
    this.dir = options.dir;
    this.maxBytes = Math.max(0, Math.floor(options.maxBytes));
  }

  async get(id: string): Promise<{ value: unknown; meta: EntryMeta } | undefined> {
    await this.load();
    const name = diskName(id) + SUFFIX;
    const path = join(this.dir, name);
    if (!this.index.has(name)) {
      // Not in the folder when it was listed, nor written since by this process: a miss, without
      // touching the disk (a cold gallery asks for dozens at once). An entry another process
      // wrote meanwhile is merely recomputed.
      this.counts.misses++;
      return undefined;
    }
    let file: Buffer;
    try {
      file = Buffer.from((await readBounded(path, { what: 'cache entry', maxBytes: Math.min(this.maxBytes, MAX_ENTRY_BYTES) })).bytes.buffer);
    } catch (err) {
      if ((err as FileReadError).reason === 'too-large' || (err as FileReadError).reason === 'not-a-file') {
        this.counts.corrupt++;
        this.counts.misses++;
        await this.remove(name);
        return undefined;
      }
      if ((err as FileReadError).reason !== 'missing' && !isNotFound(err)) this.counts.errors++;
      this.forget(name);
      this.counts.misses++;
      return undefined;
    }
    const entry = decodeEntry(file, id);
    if (!entry) {
      this.counts.corrupt++;
      this.counts.misses++;
      await this.remove(name);
      return undefined;
    }
    this.counts.hits++;
    this.track(name, file.length);
    const now = new Date();
    await fs.utimes(path, now, now).catch(() => undefined);
    return entry;
  }

  /** Writes the entry (atomically), then evicts down to the bound; false when it is not kept. */
  async set(id: string, value: unknown, meta: Omit<EntryMeta, 'id'> = {}): Promise<boolean> {
    await this.load();
    const data = encodeEntry({ ...meta, id }, value);
    if (data.length > this.maxBytes) return false;
    const name = diskName(id) + SUFFIX;
    const temp = join(this.dir, `${name}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    try {
      await fs.writeFile(temp, data);
      await fs.rename(temp, join(this.dir, name));
    } catch (err) {
      this.counts.errors++;
      await fs.rm(temp, { force: true }).catch(() => undefined);
      throw err;
    }
    this.track(name, data.length);
    await this.evict(name);
    return true;
  }

  /** Deletes an entry `get` returned that then failed its kind's checks: a corrupt miss, not a hit. */
  async discard(id: string): Promise<void> {
    this.counts.hits = Math.max(0, this.counts.hits - 1);
    this.counts.misses++;
    this.counts.corrupt++;
    await this.delete(id);
  }

  async delete(id: string): Promise<void> {
    await this.load();
    await this.remove(diskName(id) + SUFFIX);
  }

  async clear(): Promise<void> {
    await this.load();
    await Promise.all([...this.index.keys()].map((name) => this.remove(name)));
  }

  stats(): DiskStats {
    const { hits, misses } = this.counts;
    return { ...this.counts, hitRate: hitRate(hits, misses), bytes: this.total, entries: this.index.size };
  }

  /** Lists the folder once: sizes and recency (mtime) of the entries; stale temp files are deleted. */
  private load(): Promise<void> {
    this.loading ??= (async () => {
      await fs.mkdir(this.dir, { recursive: true });
      const found: { name: string; size: number; mtime: number }[] = [];
      for (const name of await fs.readdir(this.dir)) {
        const stat = await fs.stat(join(this.dir, name)).catch(() => undefined);
        if (!stat?.isFile()) continue;
        if (name.endsWith('.tmp') && Date.now() - stat.mtimeMs > STALE_TEMP_MS) await fs.rm(join(this.dir, name), { force: true });
        else if (name.endsWith(SUFFIX)) found.push({ name, size: stat.size, mtime: stat.mtimeMs });
      }
      found.sort((a, b) => a.mtime - b.mtime);
      for (const f of found) this.track(f.name, f.size);
    })().catch((err: unknown) => {
      this.counts.errors++;
      this.loading = undefined; // try again next time (the folder may become writable)
      throw err;
    });
    return this.loading;
  }

  /** Records the file as most recently used. */
  private track(name: string, size: number): void {
    this.forget(name);
    this.index.set(name, size);
    this.total += size;
  }

  private forget(name: string): void {
    const size = this.index.get(name);
    if (size === undefined) return;
    this.index.delete(name);
    this.total -= size;
  }

  private async remove(name: string): Promise<void> {
    this.forget(name);
    await fs.rm(join(this.dir, name), { force: true }).catch(() => {
      this.counts.errors++;
    });
  }

  /** Deletes least recently used files (never `keep`) until the total fits. */
  private async evict(keep: string): Promise<void> {
    for (const name of [...this.index.keys()]) {
      if (this.total <= this.maxBytes) return;
      if (name === keep || !this.index.has(name)) continue;
      this.counts.evictions++;
      await this.remove(name);
    }
  }
}

/**
 * The CLI's cache folder: `$XDG_CACHE_HOME/spritepal` when set (absolute), else the platform's user cache
 * folder (`~/.cache/spritepal` on Linux, `~/Library/Caches/spritepal` on macOS,
 * `%LOCALAPPDATA%\spritepal\cache` on Windows).
 */
export function defaultCliCacheDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = homedir()): string {
  const xdg = env.XDG_CACHE_HOME;
  if (xdg && isAbsolute(xdg)) return join(xdg, 'spritepal'); // the XDG spec ignores a relative path
  if (platform === 'darwin') return join(home, 'Library', 'Caches', 'spritepal');
  if (platform === 'win32') return join(env.LOCALAPPDATA || join(home, 'AppData', 'Local'), 'spritepal', 'cache');
  return join(home, '.cache', 'spritepal');
}

function isNotFound(err: unknown): boolean {
  return (err as NodeJS.ErrnoException).code === 'ENOENT';
}
