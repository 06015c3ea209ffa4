/**
 * Level 1: an in-memory LRU bounded by bytes (lru-cache `maxSize` + `sizeCalculation`). Byte
 * arrays count their length; other values count their approximate JSON size (binary inside them
 * at its byte length). A value larger than the whole bound is not kept.
 */
import { LRUCache } from 'lru-cache';
import type { KeyParts } from './keys';
import { hitRate, type LevelStats } from './stats';

/** A half-open range of headerless ROM offsets [start, end). */
export interface ByteRange {
  start: number;
  end: number;
}

export interface MemoryEntry {
  value: unknown;
  parts: Readonly<KeyParts>;
  /** The ROM bytes the value was computed from; absent: it depends on the whole ROM. */
  covers?: ByteRange;
}

export interface MemoryCacheOptions {
  maxBytes: number;
}

export class MemoryCache {
  private readonly lru: LRUCache<string, MemoryEntry>;
  private hits = 0;
  private misses = 0;
  private evictions = 0;

  constructor(options: MemoryCacheOptions) {
    this.lru = new LRUCache<string, MemoryEntry>({
      maxSize: Math.max(1, Math.floor(options.maxBytes)),
      sizeCalculation: (entry) => Math.max(1, Math.ceil(valueBytes(entry.value))),
      dispose: (_entry, _key, reason) => {
        if (reason === 'evict') this.evictions++;
      },
    });
  }

  get(id: string): MemoryEntry | undefined {
    const entry = this.lru.get(id);
    if (entry) this.hits++;
    else this.misses++;
    return entry;
  }

  /** Stores the entry; false when it is too large to keep. */
  set(id: string, entry: MemoryEntry): boolean {
    this.lru.set(id, entry);
    return this.lru.has(id);
  }

  delete(id: string): boolean {
    return this.lru.delete(id);
  }

  /** All entries, most recently used first, without touching their recency. */
  entries(): [string, MemoryEntry][] {
    return [...this.lru.entries()];
  }

  clear(): void {
    this.lru.clear();
  }

  stats(): LevelStats {
    return {
      hits: this.hits,
      misses: this.misses,
      hitRate: hitRate(this.hits, this.misses),
      bytes: this.lru.calculatedSize,
      entries: this.lru.size,
      evictions: this.evictions,
    };
  }
}

/** Approximate bytes a value occupies: byte length for binary, JSON size for the rest. */
export function valueBytes(value: unknown, depth = 0): number {
  if (value instanceof ArrayBuffer) return value.byteLength;
  if (ArrayBuffer.isView(value)) return value.byteLength;
  if (typeof value === 'string') return value.length + 2;
  if (value === null || value === undefined || typeof value !== 'object') return String(value).length;
  if (depth > 64) return 0;
  if (Array.isArray(value)) return 2 + value.reduce<number>((n, v) => n + valueBytes(v, depth + 1) + 1, 0);
  if (value instanceof Map) return 2 + [...value].reduce<number>((n, [k, v]) => n + valueBytes(k, depth + 1) + valueBytes(v, depth + 1) + 2, 0);
  return 2 + Object.entries(value).reduce<number>((n, [k, v]) => n + k.length + 3 + valueBytes(v, depth + 1) + 1, 0);
}
