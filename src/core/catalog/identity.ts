/**
 * A ROM's identity for the catalog, made to survive edits. The SHA-256 of the bytes changes with
 * every injection or checksum fix, so it alone cannot key a catalog. The identity is the header
 * (what stays the same: title, mapping, size, region, version), the SHA-256 of the original ROM
 * the file came from (remembered per workspace: identity-store.ts), and the current hash.
 */
import { romContentHash } from '../cache/rom-hash';
import type { Rom } from '../rom/rom';
import type { RomIdentity } from './types';

/** The header fields an edit does not change (the checksum does change: it is not here). */
export interface HeaderKey {
  title: string;
  mapping: string;
  romSize: number;
  region: number | null;
  version: number | null;
}

export interface EditedRomIdentity {
  header: HeaderKey;
  /** SHA-256 of the headerless original ROM: what catalogs are keyed by. */
  original: string;
  /** SHA-256 of the headerless ROM as it is now. */
  current: string;
}

export function headerKey(rom: Rom): HeaderKey {
  const f = rom.detection.fields;
  return { title: f?.title?.trim() ?? '', mapping: rom.mapping, romSize: rom.data.length, region: f?.region ?? null, version: f?.version ?? null };
}

export function sameHeader(a: HeaderKey, b: HeaderKey): boolean {
  return a.title === b.title && a.mapping === b.mapping && a.romSize === b.romSize && a.region === b.region && a.version === b.version;
}

/** The catalog identity of a loaded ROM taken as its own original: SHA-256 of the headerless bytes, title and stored checksum. */
export function romIdentity(rom: Rom, original?: string): RomIdentity {
  return { sha256: original ?? romContentHash(rom.data), title: rom.info().title?.trim() ?? '', checksum: rom.checksum?.stored ?? null };
}
