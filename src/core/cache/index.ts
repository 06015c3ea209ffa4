/** The two-level cache: keys, the levels, and the tiered cache the session composes. */
export { cacheKey, canonicalJson, diskName, withRomHash, CacheKeyError, type CacheKey, type CacheKind, type KeyParts, type KeyParam } from './keys';
export { romContentHash } from './rom-hash';
export { MemoryCache, type ByteRange, type MemoryCacheOptions } from './memory-cache';
export { DiskCache, defaultCliCacheDir, type DiskCacheOptions, type DiskStats } from './disk-cache';
export { TieredCache, DEFAULT_DISK_BYTES, type SetOptions, type TieredCacheOptions, type TieredStats } from './tiered-cache';
export type { LevelStats } from './stats';
export { cachedValueProblem, sampleHits } from './schemas';
