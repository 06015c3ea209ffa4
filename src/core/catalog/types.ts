/**
 * The project's sprite catalog: named sprites per ROM, the ROM identified by the SHA-256 of its
 * headerless bytes (with its header title and checksum for people reading the file).
 */
import { SpritePalError } from '../errors';
import type { BlockMove } from '../edit/edit-model';

export const CATALOG_FORMAT_VERSION = 1;

export type PaletteRef = { source: 'rom'; romOffset: number } | { source: 'cgram'; file: string; index: number } | { source: 'grayscale' };

export interface CatalogEntry {
  name: string;
  /** Headerless ROM offset. */
  romOffset: number;
  /** HAL-compressed block or raw tile data. */
  kind: 'hal' | 'raw';
  bpp: 2 | 4 | 8;
  tiles?: number;
  widthTiles?: number;
  palette?: PaletteRef;
  notes?: string;
}

export interface RomCatalog {
  title: string;
  /** The checksum stored in the ROM header, or null when there is none. */
  checksum: number | null;
  entries: CatalogEntry[];
  /**
   * Blocks that moved since the original ROM (relocating injections, saved), in order. Entries are
   * kept at their original offsets and shown where the moves put them; a freed offset has no name.
   */
  moves?: BlockMove[];
}

export interface Catalog {
  formatVersion: typeof CATALOG_FORMAT_VERSION;
  /** Keyed by the lower-case hex SHA-256 of the headerless original ROM (before any edit: identity.ts). */
  roms: Record<string, RomCatalog>;
}

/** Which ROM a catalog entry belongs to. */
export interface RomIdentity {
  sha256: string;
  title: string;
  checksum: number | null;
}

/** A catalog or sprite_locations.json file is malformed, or an edit cannot be made. */
export class CatalogError extends SpritePalError {
  constructor(message: string) {
    super('catalog', message);
    this.name = 'CatalogError';
  }
}
