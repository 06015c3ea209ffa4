/**
 * After an edit, which known blocks need decoding again, and whether the edit stayed inside them
 * (so the ROM need not be scanned again). A block owns its bytes and the free bytes after it, up
 * to the next known block (a re-compressed stream may grow into them). Other places an edit may
 * touch without a rescan are passed as `also` (the checksum pair, palettes).
 */

export interface Span {
  /** Headerless offset of the first byte. */
  start: number;
  /** One past the last byte. */
  end: number;
}

/**
 * Offsets of the blocks (by start) the ranges touch, or null when a range lies outside every
 * block and every `also` span (or straddles two blocks): then the caller scans again.
 */
export function editedBlocks(
  ranges: readonly Span[],
  blockStarts: readonly number[],
  also: readonly Span[] = [],
  romSize = Number.MAX_SAFE_INTEGER,
): number[] | null {
  const starts = [...new Set(blockStarts)].sort((a, b) => a - b);
  const touched = new Set<number>();
  for (const r of ranges) {
    if (r.end <= r.start) continue;
    if (also.some((a) => r.start >= a.start && r.end <= a.end)) continue;
    const i = lastAtOrBefore(starts, r.start);
    if (i < 0) return null;
    const limit = i + 1 < starts.length ? starts[i + 1]! : romSize;
    if (r.end > limit) return null;
    touched.add(starts[i]!);
  }
  return [...touched].sort((a, b) => a - b);
}

function lastAtOrBefore(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= x) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
