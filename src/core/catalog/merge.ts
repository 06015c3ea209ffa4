/**
 * The entries shown for an open ROM: bundled (verified) entries, matches from SpritePal's
 * sprite_locations.json files, and the workspace catalog. Entries at the same ROM offset are one
 * sprite: the workspace wins, then bundled, then sprite_locations (partly guessed). Each merged
 * entry says where it came from and which sources it replaced.
 */
import { bundledEntriesFor } from './bundled';
import type { BlockMove } from '../edit/edit-model';
import { entriesFor, movesFor } from './catalog';
import { applyMoves } from './moves';
import { spriteLocationEntries, type SpriteLocationsFile } from './sprite-locations';
import type { Catalog, CatalogEntry, RomIdentity } from './types';

export type EntrySource = 'workspace' | 'bundled' | 'sprite-locations';

export interface MergedEntry extends CatalogEntry {
  source: EntrySource;
  /** Sources that had an entry at the same offset and lost to this one. */
  overrides: EntrySource[];
}

/** Highest precedence first. */
export const SOURCE_PRECEDENCE: readonly EntrySource[] = ['workspace', 'bundled', 'sprite-locations'];

export function mergeEntries(layers: Partial<Record<EntrySource, CatalogEntry[]>>): MergedEntry[] {
  const byOffset = new Map<number, MergedEntry>();
  for (const source of SOURCE_PRECEDENCE) {
    const seen = new Set<number>();
    for (const entry of layers[source] ?? []) {
      const current = byOffset.get(entry.romOffset);
      if (!current) byOffset.set(entry.romOffset, { ...entry, source, overrides: [] });
      else if (current.source !== source && !seen.has(entry.romOffset)) current.overrides.push(source);
      seen.add(entry.romOffset);
    }
  }
  return [...byOffset.values()].sort((a, b) => a.romOffset - b.romOffset);
}

export interface RomSources {
  /** The workspace's `.spritepal/catalog.json`. */
  workspace?: Catalog;
  /** SpritePal sprite_locations.json files the user pointed at. */
  spriteLocations?: SpriteLocationsFile[];
  /** The block moves to replay (default: the workspace catalog's saved ones for this ROM). */
  moves?: readonly BlockMove[];
}

/**
 * Everything known about the sprites of `rom` (`rom.sha256` is the original ROM's hash), at the
 * offsets where the moves put them.
 */
export function entriesForRom(rom: RomIdentity, sources: RomSources = {}): MergedEntry[] {
  const fromLocations = (sources.spriteLocations ?? []).flatMap((f) => spriteLocationEntries(f, rom).entries);
  const merged = mergeEntries({
    workspace: sources.workspace ? entriesFor(sources.workspace, rom.sha256) : [],
    bundled: bundledEntriesFor(rom.sha256),
    'sprite-locations': fromLocations,
  });
  const moves = sources.moves ?? (sources.workspace ? movesFor(sources.workspace, rom.sha256) : []);
  return applyMoves(merged, moves);
}
