/**
 * Catalog entries that ship with SpritePal: only ones verified against the ROM they name, which
 * today means the demo ROM (its own layout, checked by a test that builds the ROM, hashes it and
 * decodes every entry). Pinning the hash means the entries apply only to exactly these bytes; a
 * change to the demo art changes the hash, and the test says so.
 */
import type { CatalogEntry, RomCatalog } from './types';
// The catalog demoRomCatalog() (core/demo/demo-catalog.ts) derives, generated once (`spritepal demo -o <rom> --catalog
// src/core/catalog/demo-catalog.json`) because deriving it means drawing every sprite (about half
// a second): opening the demo ROM must not wait for that. A test keeps the two equal.
import demoCatalogJson from './demo-catalog.json';

/** SHA-256 of the headerless demo ROM (`spritepal demo`). */
export const DEMO_ROM_SHA256 = 'd1ee3b15c16c614c40db95058326ffcaf4a82c5d8a1b3e187513d7b3ee62339f';

/**
 * The demo ROM's catalog as shipped (generated from demoRomCatalog(); equal to it by test). The
 * catalog does not import core/demo: the demo art stays out of the extension bundle.
 */
export function shippedDemoCatalog(): RomCatalog {
  return structuredClone(demoCatalogJson) as RomCatalog;
}

/** Bundled entries for a ROM by its hash: the demo ROM's, or none. */
export function bundledEntriesFor(sha256: string): CatalogEntry[] {
  return sha256.toLowerCase() === DEMO_ROM_SHA256 ? shippedDemoCatalog().entries : [];
}
