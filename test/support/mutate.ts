/**
 * A valid stream changed by a list of edits, for fuzzing decoders: each edit [position, value, op]
 * sets a byte (op 0), flips a bit of it (1), inserts a byte (2) or cuts the stream there (3).
 * Positions wrap around the stream's current length, so any numbers fast-check draws apply.
 */
export function mutated(seed: Uint8Array, edits: readonly (readonly [number, number, number])[]): Uint8Array {
  let s = Array.from(seed);
  for (const [pos, v, op] of edits) {
    const p = pos % (s.length + 1);
    if (op === 0) s[p % s.length] = v;
    else if (op === 1) s[p % s.length]! ^= 1 << (v & 7);
    else if (op === 2) s.splice(p, 0, v);
    else s = s.slice(0, Math.max(0, p));
  }
  return Uint8Array.from(s);
}
