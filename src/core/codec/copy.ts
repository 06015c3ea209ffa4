/**
 * Byte moves shared by the simpler LZ decoders (LZSA1, LZSA2, ZX0): literals from the input and
 * matches from earlier output, short ones by a loop and long ones by the engine's memmove/memset.
 * The caller has checked every bound.
 */

/** Past this many bytes a builtin call costs less than the loop. */
const BULK = 16;

export function copyLiterals(src: Uint8Array, ip: number, out: Uint8Array, o: number, n: number): void {
  if (n < BULK) for (let k = 0; k < n; k++) out[o + k] = src[ip + k]!;
  else out.set(src.subarray(ip, ip + n), o);
}

/**
 * Copies `n` bytes from `off` bytes back (1 <= off <= o), forward, so a short offset repeats a
 * pattern of period `off`: long repeats copy the first period, then double what is written.
 */
export function copyMatch(out: Uint8Array, o: number, off: number, n: number): void {
  const s = o - off;
  if (n < BULK) for (let k = 0; k < n; k++) out[o + k] = out[s + k]!;
  else if (off === 1) out.fill(out[s]!, o, o + n);
  else if (off >= n) out.copyWithin(o, s, s + n);
  else {
    out.copyWithin(o, s, o);
    for (let k = off; k < n; k += k) out.copyWithin(o + k, o, o + Math.min(k, n - k));
  }
}
