/**
 * What precedes a stream: whether its first byte is where a game would start a block. Games store
 * compressed blocks in free space (after a run of the 0x00/0xFF filler a linker or assembler pads
 * with) or back to back (right after another block's terminator). A start inside a block is
 * preceded by that block's own bytes, and a stray start in front of a block by code or data, so
 * of two starts ending at one terminator, one at a boundary and one not, the one at the boundary
 * is the block (dedupe.ts). Measured on corpus sheets hidden in the homebrew ROMs: see evidence.ts.
 */

/**
 * Filler bytes (one value, 0x00 or 0xFF) in front of a start that make it a boundary. Inside a
 * stream an encoder writes no run of 3 or more equal literal bytes (a fill is as short), so 4
 * equal 0x00/0xFF bytes do not come from a block's interior by its literals; 1 or 2 do, often
 * (blank pixel rows).
 */
export const MIN_FILLER_BEFORE = 4;

/**
 * Whether `offset` is at a block boundary: the start of the data, or after MIN_FILLER_BEFORE
 * filler bytes, or right after the terminator of a decodable stream, or after such a terminator
 * and fewer filler bytes (padding between blocks). `ends`: the offsets just past the candidate
 * streams found (a candidate ending at x means the byte before x is a terminator one ends on).
 */
export function atBoundary(data: Uint8Array, offset: number, ends: ReadonlySet<number>): boolean {
  if (offset === 0 || ends.has(offset)) return true;
  const v = data[offset - 1]!;
  if (v !== 0 && v !== 0xff) return false;
  for (let k = 1; k <= MIN_FILLER_BEFORE; k++) {
    if (k === MIN_FILLER_BEFORE || ends.has(offset - k)) return true;
    if (offset - k - 1 < 0 || data[offset - k - 1] !== v) return false;
  }
  return false;
}
