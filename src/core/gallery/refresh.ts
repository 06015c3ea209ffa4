/**
 * What a gallery keeps of its thumbnails when new entries arrive (after an edit, a rescan, a
 * rename): a thumbnail stays while its entry's stamp is the one it was made with; one whose
 * block moved (its offset gone, its stamp now at an offset that had no thumbnail) follows the
 * block; the others are dropped and asked for again. Nothing is decoded or drawn for a kept one.
 * A block the edit says it moved (a relocating injection, its undo or redo) takes its canvas
 * along even when its bytes changed with the move: the canvas is drawn again where it went.
 */
import { movedOffset } from '../catalog/moves';
import type { BlockMove } from '../edit/edit-model';
import type { GalleryEntry } from './entry';

export interface ThumbRefresh {
  /** Offsets whose thumbnail stays as it is. */
  kept: number[];
  /** Thumbnails that follow their block to a new offset: [from, to]. */
  moved: [number, number][];
  /**
   * Canvases that follow their block to a new offset where the block's bytes changed too (a
   * relocating injection), or where a thumbnail is already on hand: [from, to]. The cell and its
   * canvas go along and are drawn again with the thumbnail at `to` (one on hand there, judged by
   * its own stamp, or asked for again), showing the old pixels until then.
   */
  carried: [number, number][];
  /** Offsets whose thumbnail is stale or has no entry any more. */
  dropped: number[];
}

/**
 * `held`: the thumbnails on hand, by offset, with the stamp each was made with (null: unknown,
 * always dropped). `entries`: the new entries with their stamps. `moves`: the blocks the change
 * moved, in order (a held offset follows them to the entry where its block went).
 */
export function planThumbRefresh(
  held: ReadonlyMap<number, string | null | undefined>,
  entries: readonly Pick<GalleryEntry, 'romOffset' | 'stamp'>[],
  moves: readonly BlockMove[] = [],
): ThumbRefresh {
  const stampAt = new Map(entries.map((e) => [e.romOffset, e.stamp ?? null]));
  const out: ThumbRefresh = { kept: [], moved: [], carried: [], dropped: [] };
  const loose: [number, string][] = [];
  // Moves the change names: whatever is at the old offset now, the thumbnail follows its block.
  const taken = new Set<number>();
  const followed = new Set<number>();
  for (const off of held.keys()) {
    const to = movedOffset(off, moves);
    if (to === off || !stampAt.has(to) || taken.has(to)) continue;
    const stamp = held.get(off);
    // A thumbnail already at `to` (one that came for it after the block left, say) is judged by its own stamp below.
    if (stamp != null && stampAt.get(to) === stamp && !held.has(to)) out.moved.push([off, to]);
    else out.carried.push([off, to]);
    taken.add(to);
    followed.add(off);
  }
  for (const [off, stamp] of held) {
    if (followed.has(off)) continue;
    if (stamp != null && stampAt.get(off) === stamp) out.kept.push(off);
    else if (stamp != null && !stampAt.has(off)) loose.push([off, stamp]);
    else out.dropped.push(off);
  }
  // Offsets that may receive a moved thumbnail: new entries with a stamp and nothing kept there.
  const kept = new Set(out.kept);
  const free = new Map<string, number[]>();
  for (const e of entries) {
    if (e.stamp == null || kept.has(e.romOffset) || held.has(e.romOffset) || taken.has(e.romOffset)) continue;
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
