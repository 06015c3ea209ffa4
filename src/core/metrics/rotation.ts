/**
 * Writes metrics snapshots as JSON files into a folder and keeps the folder bounded: after each
 * write the oldest snapshot files go until at most `maxFiles` remain and together they take at most
 * `maxBytes` (SpritePal's defaults: 7 files, 100 MB). The newest file is always kept. Only files
 * this module names (`<prefix><ISO time>[-n].json`) are counted or removed.
 * File-system access goes through `RotationFs` so tests and other hosts can pass their own.
 */
import { mkdir, readdir, stat, unlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { MetricsSnapshot } from './types';

export interface RotationFs {
  /** Writes the whole file, creating its folder when missing. */
  writeFile(path: string, data: string): Promise<void>;
  /** File names in the folder ([] when the folder does not exist). */
  readdir(dir: string): Promise<string[]>;
  stat(path: string): Promise<{ size: number }>;
  unlink(path: string): Promise<void>;
}

export const nodeRotationFs: RotationFs = {
  async writeFile(path, data) {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, data, 'utf8');
  },
  async readdir(dir) {
    try {
      return await readdir(dir);
    } catch (e) {
      if (isNotFound(e)) return [];
      throw e;
    }
  },
  async stat(path) {
    return { size: (await stat(path)).size };
  },
  async unlink(path) {
    await unlink(path);
  },
};

export const DEFAULT_MAX_FILES = 7;
export const DEFAULT_MAX_BYTES = 100 * 1024 * 1024;
export const DEFAULT_PREFIX = 'spritepal-metrics-';

export interface RotationOptions {
  dir: string;
  fs?: RotationFs;
  maxFiles?: number;
  maxBytes?: number;
  prefix?: string;
}

export interface WriteResult {
  /** The file written. */
  path: string;
  /** Names of the files removed by rotation, oldest first. */
  removed: string[];
}

interface Entry {
  name: string;
  stamp: string;
  seq: number;
}

export class SnapshotRotator {
  readonly dir: string;
  readonly maxFiles: number;
  readonly maxBytes: number;
  private readonly fs: RotationFs;
  private readonly prefix: string;

  constructor(options: RotationOptions) {
    this.dir = options.dir;
    this.fs = options.fs ?? nodeRotationFs;
    this.maxFiles = options.maxFiles ?? DEFAULT_MAX_FILES;
    this.maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
    this.prefix = options.prefix ?? DEFAULT_PREFIX;
    if (!(this.maxFiles >= 1)) throw new RangeError(`maxFiles must be at least 1 (got ${this.maxFiles})`);
    if (!(this.maxBytes > 0)) throw new RangeError(`maxBytes must be positive (got ${this.maxBytes})`);
  }

  /** Writes the snapshot (named by its timestamp), then rotates. */
  async write(snapshot: MetricsSnapshot): Promise<WriteResult> {
    const stamp = new Date(snapshot.at).toISOString().replace(/:/g, '-').replace('.', '-');
    const existing = await this.list();
    const taken = existing.filter((e) => e.stamp === stamp);
    const seq = taken.length ? Math.max(...taken.map((e) => e.seq)) + 1 : 0;
    const name = `${this.prefix}${stamp}${seq ? `-${seq}` : ''}.json`;
    const path = join(this.dir, name);
    await this.fs.writeFile(path, JSON.stringify(snapshot, null, 2) + '\n');
    return { path, removed: await this.rotate() };
  }

  /** Removes the oldest snapshot files beyond the limits; returns their names. */
  async rotate(): Promise<string[]> {
    const entries = await this.list();
    const sized: { name: string; size: number }[] = [];
    for (const e of entries) {
      try {
        sized.push({ name: e.name, size: (await this.fs.stat(join(this.dir, e.name))).size });
      } catch (err) {
        if (!isNotFound(err)) throw err;
      }
    }
    let total = sized.reduce((n, f) => n + f.size, 0);
    const removed: string[] = [];
    while (sized.length > 1 && (sized.length > this.maxFiles || total > this.maxBytes)) {
      const oldest = sized.shift()!;
      try {
        await this.fs.unlink(join(this.dir, oldest.name));
      } catch (err) {
        if (!isNotFound(err)) throw err;
      }
      total -= oldest.size;
      removed.push(oldest.name);
    }
    return removed;
  }

  /** This module's snapshot files in the folder, oldest first. */
  async files(): Promise<string[]> {
    return (await this.list()).map((e) => e.name);
  }

  private async list(): Promise<Entry[]> {
    const out: Entry[] = [];
    for (const name of await this.fs.readdir(this.dir)) {
      if (!name.startsWith(this.prefix)) continue;
      const m = /^(\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z)(?:-(\d+))?\.json$/.exec(name.slice(this.prefix.length));
      if (m) out.push({ name, stamp: m[1]!, seq: m[2] ? Number(m[2]) : 0 });
    }
    return out.sort((a, b) => (a.stamp < b.stamp ? -1 : a.stamp > b.stamp ? 1 : a.seq - b.seq));
  }
}

function isNotFound(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { code?: unknown }).code === 'ENOENT';
}
