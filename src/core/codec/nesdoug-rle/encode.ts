/**
 * The nesdoug RLE writer, parsing as M1TE and R8C.py do (described in decode.ts): a run of 2+
 * equal bytes, else a rising run of 2+ (no wrap past 0xFF, at most 256), else literals up to the
 * first place where three equal or three rising bytes start; one-byte headers for counts up to 32
 * and two-byte headers beyond. Even-sized data is also tried planar (even bytes, then odd ones:
 * what tilemaps compress best as) and the smaller stream is kept, the linear one on a tie. Odd
 * sizes stay linear (the tools would pad a zero, which changes the data).
 */
import { checkEncodeArgs, checkEncodedSize } from '../encode-args';
import type { CodecEncodeOptions } from '../types';
import { END_LINEAR, END_PLANAR, MAX_LITERAL, MAX_RISE, MAX_RUN, MODE_LITERAL, MODE_RISE, MODE_RUN, RLE_MAX_OUTPUT, tripleAt } from './decode';

export const RLE_LEVELS = ['greedy'] as const;
function header(out: number[], mode: number, n: number): void {
  if (n <= 32) out.push((mode << 6) | (n - 1));
  else out.push(0xc0 | (mode << 4) | ((n - 1) >> 8), (n - 1) & 0xff);
}

function encodeLinear(d: Uint8Array, end: number): number[] {
  const out: number[] = [];
  const n = d.length;
  for (let i = 0; i < n;) {
    let run = 1;
    while (i + run < n && run < MAX_RUN && d[i + run] === d[i]) run++;
    if (run >= 2) {
      header(out, MODE_RUN, run);
      out.push(d[i]!);
      i += run;
      continue;
    }
    let rise = 1;
    while (i + rise < n && rise < MAX_RISE && d[i + rise] === d[i + rise - 1]! + 1) rise++;
    if (rise >= 2) {
      header(out, MODE_RISE, rise);
      out.push(d[i]!);
      i += rise;
      continue;
    }
    let j = i + 1;
    while (j < n && j - i < MAX_LITERAL && !(j + 2 < n && tripleAt(d, j))) j++;
    header(out, MODE_LITERAL, j - i);
    for (let k = i; k < j; k++) out.push(d[k]!);
    i = j;
  }
  out.push(end);
  return out;
}

/**
 * Null when src[offset, offset + consumed) is exactly what the tools write for `decoded` in the
 * stream's own mode (their parse is deterministic, and encodeLinear makes it byte for byte, as
 * M1TE's own files show); else why not. Data that merely decodes, such as a table of 16-bit
 * values whose high bytes happen to read as headers, parses differently.
 */
export function sameAsTools(src: Uint8Array, offset: number, consumed: number, decoded: Uint8Array): string | null {
  const lanes = wordLanes(src, offset, offset + consumed);
  if (lanes) return lanes;
  const planar = src[offset + consumed - 1] === END_PLANAR;
  const again = encodeLinear(planar ? split(decoded) : decoded, planar ? END_PLANAR : END_LINEAR);
  if (again.length === consumed && again.every((b, k) => b === src[offset + k])) return null;
  return `not the tools' parse of its data (they write ${again.length} bytes for it, not ${consumed})`;
}

/**
 * Null unless src[start, end) reads as 16-bit words: bytes two or four apart (the same lane of a
 * word, or of a pair of words) equal far more often than bytes one or three apart, in a fifth of
 * all pairs and four times the odd distances' rate. Compressed bytes repeat at every distance
 * alike (random bytes 0.4 %; M1TE's files and ours at most 8 %: the tools store word data planar
 * whenever that is smaller, which leaves no lanes); tables of 16-bit values, whose high bytes
 * repeat, reach 20-99 %.
 */
export function wordLanes(src: Uint8Array, start: number, end: number): string | null {
  const rate = (k: number): number => {
    let same = 0;
    for (let i = start; i + k < end; i++) if (src[i] === src[i + k]) same++;
    return same / Math.max(1, end - start - k);
  };
  const even = Math.max(rate(2), rate(4));
  const odd = Math.max(rate(1), rate(3));
  if (even < 0.2 || even < 4 * odd) return null;
  return `its bytes run in 16-bit lanes (${Math.round(even * 100)} % of bytes equal the one two or four places on, ${Math.round(odd * 100)} % at odd distances): a table of words, not tool output`;
}

/** Even bytes, then odd ones. */
function split(data: Uint8Array): Uint8Array {
  const half = data.length >> 1;
  const out = new Uint8Array(data.length);
  for (let i = 0; i < half; i++) {
    out[i] = data[2 * i]!;
    out[half + i] = data[2 * i + 1]!;
  }
  return out;
}

export function encode(data: Uint8Array, opts: CodecEncodeOptions = {}): Uint8Array {
  checkEncodeArgs('nesdoug-rle', RLE_LEVELS, RLE_MAX_OUTPUT, data, opts);
  let best = encodeLinear(data, END_LINEAR);
  if (data.length % 2 === 0) {
    const planar = encodeLinear(split(data), END_PLANAR);
    if (planar.length < best.length) best = planar;
  }
  return checkEncodedSize('nesdoug-rle', Uint8Array.from(best), opts);
}
