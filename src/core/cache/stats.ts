/** Counters one cache level keeps (the metrics registry polls them through TieredCache.stats()). */
export interface LevelStats {
  hits: number;
  misses: number;
  /** hits / (hits + misses), 0 before any lookup. */
  hitRate: number;
  /** Bytes held now. */
  bytes: number;
  entries: number;
  evictions: number;
}

export function hitRate(hits: number, misses: number): number {
  return hits + misses === 0 ? 0 : hits / (hits + misses);
}
