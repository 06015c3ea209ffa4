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

export function encode(data: Uint8Array, opts: CodecEncodeOptions = {}): Uint8Array {
  checkEncodeArgs('nesdoug-rle', RLE_LEVELS, RLE_MAX_OUTPUT, data, opts);
  let best = encodeLinear(data, END_LINEAR);
  if (data.length % 2 === 0) {
    const half = data.length / 2;
    const split = new Uint8Array(data.length);
    for (let i = 0; i < half; i++) {
      split[i] = data[2 * i]!;
      split[half + i] = data[2 * i + 1]!;
    }
    const planar = encodeLinear(split, END_PLANAR);
    if (planar.length < best.length) best = planar;
  }
  return checkEncodedSize('nesdoug-rle', Uint8Array.from(best), opts);
}
