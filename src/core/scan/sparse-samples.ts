/**
 * Small sparse sheets to hide in real ROMs (tests and bench; issue 12 item 3): 16-tile sheets cut
 * from the HAL corpus's uncompressed sheets, at 4bpp (512 bytes) or at 2bpp (256 bytes: planes 0/1
 * of each tile), with half of their tiles blank (scattered, or the second half: a sprite's frames
 * followed by unused slots). Compressed by the caller's encoder (byte-exact inhal -1/-2), a 2bpp one
 * takes 3-16 commands, often fewer than evidence.ts's MIN_COMMANDS. Deterministic per seed.
 */
import type { Prng } from './prng';
import { drawStreams, holdsGraphics } from './hidden-blocks';

/** Tiles per sheet. */
export const SPARSE_TILES = 16;

function blankTile(sheet: Uint8Array, at: number, bytes: number): boolean {
  for (let k = 0; k < bytes; k++) if (sheet[at + k] !== 0) return false;
  return true;
}

/**
 * `count` sheets of SPARSE_TILES tiles from the 4bpp `sources`, half their tiles blank and the
 * other half not, each compressed by `compress` (`k`: its index, to alternate encoder levels).
 */
export function sparseSheetStreams(
  sources: readonly Uint8Array[],
  count: number,
  seed: number,
  compress: (sheet: Uint8Array, k: number) => Uint8Array,
): Uint8Array[] {
  const draw = (rng: Prng): Uint8Array | null => {
    const src = rng.pick(sources);
    const bytes = rng.pick([16, 32]); // per tile: 2bpp or 4bpp
    if (src.length < SPARSE_TILES * 32) return null;
    const at = 32 * rng.int(0, (src.length - SPARSE_TILES * 32) / 32);
    const sheet = new Uint8Array(SPARSE_TILES * bytes);
    for (let t = 0; t < SPARSE_TILES; t++) sheet.set(src.subarray(at + 32 * t, at + 32 * t + bytes), t * bytes);
    const order = Array.from({ length: SPARSE_TILES }, (_, t) => SPARSE_TILES - 1 - t);
    if (rng.next() < 0.5) {
      for (let i = order.length - 1; i > 0; i--) {
        const j = rng.int(0, i);
        [order[i], order[j]] = [order[j]!, order[i]!];
      }
    }
    for (const t of order.slice(0, SPARSE_TILES / 2)) sheet.fill(0, t * bytes, (t + 1) * bytes);
    let kept = 0;
    for (let t = 0; t < SPARSE_TILES; t++) if (!blankTile(sheet, t * bytes, bytes)) kept++;
    return kept >= SPARSE_TILES / 2 && holdsGraphics(sheet) ? sheet : null;
  };
  return drawStreams(count, seed, draw, compress);
}
