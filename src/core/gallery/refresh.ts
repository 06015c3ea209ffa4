/**
 * What a gallery keeps of its thumbnails when new entries arrive (after an edit, a rescan, a
 * rename): a thumbnail stays while its entry's stamp is the one it was made with; one whose
 * block moved (its offset gone, its stamp now at an offset that had no thumbnail) follows the
 * block; the others are dropped and asked for again. Nothing is decoded or drawn for a kept one.
 */
import type { GalleryEntry } from './entry';

export interface ThumbRefresh {
  /** Offsets whose thumbnail stays as it is. */
  kept: number[];
  /** Thumbnails that follow their block to a new offset: [from, to]. */
  moved: [number, number][];
  /** Offsets whose thumbnail is stale or has no entry any more. */
  dropped: number[];
}

/**
 * `held`: the thumbnails on hand, by offset, with the stamp each was made with (null: unknown,
 * always dropped). `entries`: the new entries with their stamps.
 */
export function planThumbRefresh(
  held: ReadonlyMap<number, string | null | undefined>,
  entries: readonly Pick<GalleryEntry, 'romOffset' | 'stamp'>[],
): ThumbRefresh {
  const stampAt = new Map(entries.map((e) => [e.romOffset, e.stamp ?? null]));
  const out: ThumbRefresh = { kept: [], moved: [], dropped: [] };
  const loose: [number, string][] = [];
  for (const [off, stamp] of held) {
    if (stamp != null && stampAt.get(off) === stamp) out.kept.push(off);
    else if (stamp != null && !stampAt.has(off)) loose.push([off, stamp]);
    else out.dropped.push(off);
  }
  // Offsets that may receive a moved thumbnail: new entries with a stamp and nothing kept there.
  const kept = new Set(out.kept);
  const free = new Map<string, number[]>();
  for (const e of entries) {
    if (e.stamp == null || kept.has(e.romOffset) || held.has(e.romOffset)) continue;
    const list = free.get(e.stamp) ?? [];
    list.push(e.romOffset);
    free.set(e.stamp, list);
  }
  for (const [off, stamp] of loose) {
    const to = free.get(stamp)?.shift();
    if (to === undefined) out.dropped.push(off);
    else out.moved.push([off, to]);
  }
  return out;
}
