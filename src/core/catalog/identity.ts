/** A loaded ROM's catalog identity: SHA-256 of the headerless bytes, header title and stored checksum. */
import { romContentHash } from '../cache/rom-hash';
import type { Rom } from '../rom/rom';
import type { RomIdentity } from './types';

export function romIdentity(rom: Rom): RomIdentity {
  return { sha256: romContentHash(rom.data), title: rom.info().title?.trim() ?? '', checksum: rom.checksum?.stored ?? null };
}
