/**
 * Catalog entries follow their blocks. A relocating injection moves a block from one offset to
 * another; the catalog keeps each entry at the offset it had in the original ROM and replays the
 * moves, in order, to say where it is now. Undoing the injection drops its move, so the entry is
 * back; the freed offset never keeps a name.
 */
import type { BlockMove } from '../edit/edit-model';

/** Where a block that started at `offset` is after the moves (the same offset when none applies). */
export function movedOffset(offset: number, moves: readonly BlockMove[]): number {
  let at = offset;
  for (const m of moves) if (m.from === at) at = m.to;
  return at;
}

/**
 * The original offset of the block now at `offset`: the moves replayed backwards. A block that
 * arrived at an offset some other block left is told apart by replaying forwards to check.
 */
export function originalOffset(offset: number, moves: readonly BlockMove[]): number {
  let at = offset;
  for (let i = moves.length - 1; i >= 0; i--) if (moves[i]!.to === at) at = moves[i]!.from;
  return movedOffset(at, moves) === offset ? at : offset;
}

/** Entries at the offsets the moves put them (sorted by offset), anything else unchanged. */
export function applyMoves<T extends { romOffset: number }>(entries: readonly T[], moves: readonly BlockMove[]): T[] {
  if (moves.length === 0) return [...entries];
  return entries.map((e) => ({ ...e, romOffset: movedOffset(e.romOffset, moves) })).sort((a, b) => a.romOffset - b.romOffset);
}

/**
 * The moves that take blocks from where `prev` put them to where `cur` puts them (both lists of
 * moves since the same start, as the edit history keeps them): the moves undone since `prev`,
 * reversed and backwards, then the moves made since. After a relocating injection that is its
 * move; after its undo, the move back; empty when nothing moved.
 */
export function movesBetween(prev: readonly BlockMove[], cur: readonly BlockMove[]): BlockMove[] {
  let k = 0;
  while (k < prev.length && k < cur.length && prev[k]!.from === cur[k]!.from && prev[k]!.to === cur[k]!.to) k++;
  const undone = prev
    .slice(k)
    .reverse()
    .map((m) => ({ from: m.to, to: m.from }));
  return [...undone, ...cur.slice(k)];
}
