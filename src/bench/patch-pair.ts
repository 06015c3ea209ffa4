/**
 * The ROM pair the "patch" bench measures: a 4 MiB original made of the shared homebrew ROMs end
 * to end (real code, graphics and filler; 0xFF after them), or seeded tile-like bytes when the
 * fixtures are missing, and a modified copy with 20 scattered edits of the kinds a sprite hack
 * makes: byte tweaks (pointers, flags), re-injected sprites (new compressed bytes), palette edits,
 * and relocations (a block copied to free space, its old place freed with 0xFF).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Prng } from '../core/scan/prng';

export interface PatchPair {
  source: Uint8Array;
  target: Uint8Array;
  /** Where the original came from. */
  origin: string;
  edits: number;
}

/** The shared homebrew ROMs, sorted by name (none when the fixtures are missing). */
function homebrewRoms(sharedDir: string | null): { name: string; bytes: Uint8Array }[] {
  const dir = sharedDir ? join(sharedDir, 'fixtures', 'homebrew') : null;
  if (!dir || !existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.sfc'))
    .sort()
    .map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(dir, name))) }));
}

/** ROMs end to end in a `size`-byte image, 0xFF after them; returns how many bytes they filled. */
function endToEnd(out: Uint8Array, roms: { bytes: Uint8Array }[]): number {
  let at = 0;
  for (const rom of roms) {
    const n = Math.min(rom.bytes.length, out.length - at);
    out.set(rom.bytes.subarray(0, n), at);
    at += n;
  }
  return at;
}

/**
 * The encoder's hard case: two unrelated 4 MiB images (shared homebrew ROMs 1-7 end to end against
 * ROMs 8-14, as a patch between two different games would be), or without the fixtures two
 * unrelated seeded random images (nothing to copy at all: the worst case for the search).
 */
export function unrelatedPatchPair(sharedDir: string | null, size = 4 * 1024 * 1024, seed = 15): PatchPair {
  const roms = homebrewRoms(sharedDir);
  if (roms.length >= 2) {
    const source = new Uint8Array(size).fill(0xff);
    const target = new Uint8Array(size).fill(0xff);
    const half = Math.ceil(roms.length / 2);
    const a = endToEnd(source, roms.slice(0, half));
    const b = endToEnd(target, roms.slice(half));
    return { source, target, origin: `shared homebrew ROMs 1-${half} (${a} B) against ${half + 1}-${roms.length} (${b} B)`, edits: 0 };
  }
  return { ...randomPatchPair(size, seed), origin: 'unrelated random bytes (shared/fixtures/homebrew not found)' };
}

/** The worst case for the search: 4 MiB of random bytes against 4 MiB of other random bytes. */
export function randomPatchPair(size = 4 * 1024 * 1024, seed = 16): PatchPair {
  const rng = new Prng(seed);
  const source = new Uint8Array(size);
  const target = new Uint8Array(size);
  rng.bytes(source, 0, size);
  rng.bytes(target, 0, size);
  return { source, target, origin: 'random bytes against other random bytes', edits: 0 };
}

export function patchBenchPair(sharedDir: string | null, size = 4 * 1024 * 1024, edits = 20, seed = 15): PatchPair {
  const source = new Uint8Array(size).fill(0xff);
  const rng = new Prng(seed);
  const roms = homebrewRoms(sharedDir);
  let origin: string;
  if (roms.length > 0) {
    origin = `shared homebrew ROMs end to end (${endToEnd(source, roms)} B)`;
  } else {
    // Tiles drawn from a small set of rows, as graphics are, in 3/4 of the ROM; the rest 0xFF.
    const rows = Array.from({ length: 64 }, () => Array.from({ length: 8 }, () => rng.int(0, 255)));
    for (let i = 0; i < (size * 3) / 4; i += 8) source.set(rng.pick(rows), i);
    origin = 'synthetic tiles (shared/fixtures/homebrew not found)';
  }
  const target = source.slice();
  const spot = (len: number) => rng.int(0, size - len - 1);
  for (let e = 0; e < edits; e++) {
    const kind = e % 10;
    if (kind < 4) {
      // A tweak: 1-4 bytes.
      const at = spot(4);
      for (let k = rng.int(1, 4); k > 0; k--) target[at + k] = (target[at + k]! + rng.int(1, 255)) & 0xff;
    } else if (kind < 8) {
      // A re-injected sprite: 128-1024 new bytes.
      const len = rng.int(128, 1024);
      const at = spot(len);
      rng.bytes(target, at, at + len);
    } else if (kind === 8) {
      // A palette: 16 colours, some changed.
      const at = spot(32);
      for (let k = 0; k < 32; k += 2) if (rng.next() < 0.5) target[at + k] = rng.int(0, 255);
    } else {
      // A relocation: the block moves elsewhere, its old place becomes free space.
      const len = rng.int(512, 2048);
      const from = spot(len);
      const to = spot(len);
      target.set(source.subarray(from, from + len), to);
      target.fill(0xff, from, from + len);
    }
  }
  return { source, target, origin, edits };
}
