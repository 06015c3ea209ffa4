/**
 * The two-level cache: L1 in memory (MemoryCache), L2 on disk (DiskCache, optional).
 * get: L1, then L2 (an L2 hit is checked against its kind's schema, schemas.ts, then promoted to L1); set: both; getOrCompute: get, else compute once
 * (concurrent callers for one key share the computation) and set.
 *
 * Edits. Keys carry the ROM's content hash, so a changed ROM simply misses; nothing stale can be
 * read under a new hash, and an L2 entry is always right for the bytes that hashed to its key
 * (undoing an edit brings its entries back). Two operations keep work that an edit did not touch:
 *
 * - `carryOver(oldHash, newHash, editedRanges)` (the intended flow: the session re-hashes after
 *   an edit, then calls this): copies the L1 entries of oldHash whose covered range overlaps no
 *   edited range under newHash. Entries without a covered range (a scan) depend on the whole ROM
 *   and are not carried. Carried entries live in L1 only; they reach L2 when computed again.
 * - `invalidateRange(romHash, start, end)` (for a session that keeps its hash across an edit):
 *   drops the L1 entries of romHash that overlap [start, end) or cover the whole ROM, and from
 *   then on keeps romHash in memory only: its L2 entries describe the bytes before the edit.
 */
import { DiskCache, type DiskStats } from './disk-cache';
import { withRomHash, type CacheKey, type KeyParts } from './keys';
import { MemoryCache, type ByteRange } from './memory-cache';
import { cachedValueProblem } from './schemas';
import type { LevelStats } from './stats';

/** L2 bound when none is given: 256 MiB. */
export const DEFAULT_DISK_BYTES = 256 * 1024 * 1024;

export interface TieredCacheOptions {
  memory: MemoryCache;
  /** Absent or null: memory only. */
  disk?: DiskCache | null;
  /**
   * Why a value read from L2 cannot be served for its key (null: it can); a failing entry is
   * deleted as corrupt. `create` uses the kinds' schemas (schemas.ts); absent: no check.
   */
  check?: (parts: KeyParts, value: unknown) => string | null;
}

export interface SetOptions {
  /** The ROM bytes [start, end) the value was computed from; absent: the whole ROM. */
  covers?: ByteRange;
}

export interface TieredStats {
  memory: LevelStats;
  disk: DiskStats | null;
}

export class TieredCache {
  private readonly memory: MemoryCache;
  private readonly disk: DiskCache | null;
  private readonly inflight = new Map<string, Promise<unknown>>();
  /** Disk writes started by `put` and not finished yet. */
  private readonly writes = new Set<Promise<void>>();
  /** Hashes edited in place (invalidateRange): their L2 entries are stale, so L2 is skipped for them. */
  private readonly memoryOnly = new Set<string>();

  private readonly check: (parts: KeyParts, value: unknown) => string | null;

  constructor(options: TieredCacheOptions) {
    this.memory = options.memory;
    this.disk = options.disk ?? null;
    this.check = options.check ?? (() => null);
  }

  /** The usual assembly: `memoryBytes` of L1, an L2 of `diskBytes` in `dir` when a folder is given, L2 values checked by kind. */
  static create(options: { memoryBytes: number; dir?: string; diskBytes?: number }): TieredCache {
    const memory = new MemoryCache({ maxBytes: options.memoryBytes });
    const disk = options.dir ? new DiskCache({ dir: options.dir, maxBytes: options.diskBytes ?? DEFAULT_DISK_BYTES }) : null;
    return new TieredCache({ memory, disk, check: cachedValueProblem });
  }

  async get<T>(key: CacheKey): Promise<T | undefined> {
    const hit = this.memory.get(key.id);
    if (hit) return hit.value as T;
    const disk = this.diskFor(key);
    if (!disk) return undefined;
    const found = await disk.get(key.id).catch(() => undefined);
    if (!found) return undefined;
    if (this.check(key.parts, found.value) !== null) {
      // Another version's or a forged entry: its CRC held, its shape does not.
      await disk.discard(key.id).catch(() => undefined);
      return undefined;
    }
    this.memory.set(key.id, { value: found.value, parts: key.parts, covers: found.meta.covers });
    return found.value as T;
  }

  /** Stores in both levels. A failing disk write is counted (stats().disk.errors), not thrown: the cache is an optimisation. */
  async set(key: CacheKey, value: unknown, options: SetOptions = {}): Promise<void> {
    this.memory.set(key.id, { value, parts: key.parts, covers: options.covers });
    const disk = this.diskFor(key);
    if (disk) await disk.set(key.id, value, options.covers ? { covers: options.covers } : {}).catch(() => undefined);
  }

  /**
   * Stores in memory now and writes the disk level behind the caller (what the hot paths use: a
   * thumbnail or a decoded block is returned without waiting for the file). `flush()` waits for
   * the writes still under way; dispose the owner only after it.
   */
  put(key: CacheKey, value: unknown, options: SetOptions = {}): void {
    this.memory.set(key.id, { value, parts: key.parts, covers: options.covers });
    const disk = this.diskFor(key);
    if (!disk) return;
    const write = disk
      .set(key.id, value, options.covers ? { covers: options.covers } : {})
      .catch(() => undefined)
      .then(() => {
        this.writes.delete(write);
      });
    this.writes.add(write);
  }

  /** Waits for the disk writes `put` started. */
  async flush(): Promise<void> {
    while (this.writes.size > 0) await Promise.all([...this.writes]);
  }

  /** The cached value, or `compute()`'s (stored before it is returned). Values are shared: do not mutate them. */
  async getOrCompute<T>(key: CacheKey, compute: () => T | Promise<T>, options: SetOptions = {}): Promise<T> {
    const running = this.inflight.get(key.id);
    if (running) return running as Promise<T>;
    const work = (async () => {
      const cached = await this.get<T>(key);
      if (cached !== undefined) return cached;
      const value = await compute();
      await this.set(key, value, options);
      return value;
    })();
    this.inflight.set(key.id, work);
    try {
      return await work;
    } finally {
      this.inflight.delete(key.id);
    }
  }

  /** Drops the L1 entries of romHash touched by an in-place edit of [start, end); returns how many. */
  invalidateRange(romHash: string, start: number, end: number): number {
    this.memoryOnly.add(romHash);
    let dropped = 0;
    for (const [id, entry] of this.memory.entries()) {
      if (entry.parts.romHash !== romHash) continue;
      if (!entry.covers || overlaps(entry.covers, { start, end })) {
        this.memory.delete(id);
        dropped++;
      }
    }
    return dropped;
  }

  /** Copies the L1 entries of oldHash untouched by `editedRanges` under newHash; returns how many. */
  carryOver(oldHash: string, newHash: string, editedRanges: readonly ByteRange[]): number {
    if (oldHash === newHash) return 0;
    let carried = 0;
    // Oldest first, so the carried copies keep the entries' relative recency.
    for (const [id, entry] of this.memory.entries().reverse()) {
      if (entry.parts.romHash !== oldHash || !entry.covers) continue;
      const covers = entry.covers;
      if (editedRanges.some((r) => overlaps(covers, r))) continue;
      const key = withRomHash({ id, parts: entry.parts }, newHash);
      if (this.memory.set(key.id, { ...entry, parts: key.parts })) carried++;
    }
    return carried;
  }

  stats(): TieredStats {
    return { memory: this.memory.stats(), disk: this.disk ? this.disk.stats() : null };
  }

  /** Empties L1 (L2 stays: it is the persistent part). */
  dispose(): void {
    this.memory.clear();
    this.inflight.clear();
  }

  private diskFor(key: CacheKey): DiskCache | null {
    return this.memoryOnly.has(key.parts.romHash) ? null : this.disk;
  }
}

function overlaps(a: ByteRange, b: ByteRange): boolean {
  return a.start < b.end && b.start < a.end;
}
