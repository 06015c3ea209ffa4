/**
 * What a decoded GBA LZ77 stream is made of, for the judge: its items and the places where it
 * wastes bytes. Waste is a place where a strictly shorter stream was one local change away, which
 * neither an optimal parse nor a greedy one (gfx4snes: the longest VRAM-safe match at each
 * position, else a literal) leaves; both costs count the flag bits (9 bits a literal, 17 a match):
 * - three literals in a row that a match (2 to 4,096 bytes back) writes;
 * - a match followed by a literal it would have written next (one match, one item fewer);
 * - a literal the next match would have written had it started one earlier;
 * - a match continuing the one before from the same distance, together at most 18 bytes.
 */
import { HEADER_SIZE, MAX_MATCH, MIN_DISTANCE, MIN_MATCH, WINDOW } from './format';

export interface GbaShape {
  items: number;
  literals: number;
  matches: number;
  /** Matches from 1 byte back (what VRAM-safe encoders such as gfx4snes never write). */
  nearest: number;
  waste: number;
  firstWaste: string;
}

const HASH_BITS = 16;

function hash3(out: Uint8Array, p: number): number {
  return (((out[p]! << 16) | (out[p + 1]! << 8) | out[p + 2]!) * 0x9e3779b1) >>> (32 - HASH_BITS);
}

/** Finds, for literal triples, whether an earlier place 2..4,096 bytes back holds the same 3 bytes. */
class TripleIndex {
  private readonly head = new Int32Array(1 << HASH_BITS).fill(-1);
  private readonly prev: Int32Array;
  private inserted = 0;

  constructor(
    private readonly out: Uint8Array,
    size: number,
  ) {
    this.prev = new Int32Array(size);
  }

  /** Whether out[q, q+3) also starts at some p in [q - 4096, q - 2]. */
  repeated(q: number): boolean {
    const out = this.out;
    for (; this.inserted <= q - MIN_DISTANCE; this.inserted++) {
      const h = hash3(out, this.inserted);
      this.prev[this.inserted] = this.head[h]!;
      this.head[h] = this.inserted;
    }
    for (let p = this.head[hash3(out, q)]!; p >= 0 && p >= q - WINDOW; p = this.prev[p]!) {
      if (out[p] === out[q] && out[p + 1] === out[q + 1] && out[p + 2] === out[q + 2]) return true;
    }
    return false;
  }
}

/** The shape of the stream at src[start] (already decoded without error: `out` holds its `size` bytes). */
export function gbaShape(src: Uint8Array, start: number, out: Uint8Array, size: number): GbaShape {
  const s: GbaShape = { items: 0, literals: 0, matches: 0, nearest: 0, waste: 0, firstWaste: '' };
  const mark = (what: string) => {
    if (s.waste++ === 0) s.firstWaste = what;
  };
  const triples = new TripleIndex(out, size);
  let ip = start + HEADER_SIZE;
  let o = 0;
  let run = 0; // literals in a row
  let prevD = 0; // distance of the match just before (0: a literal)
  let prevN = 0;
  while (o < size) {
    const flags = src[ip++]!;
    for (let bit = 0x80; bit !== 0 && o < size; bit >>= 1) {
      s.items++;
      if ((flags & bit) === 0) {
        s.literals++;
        if (prevD > 0 && prevN < MAX_MATCH && out[o - prevD] === out[o]) mark('a match stops one byte short of the literal after it');
        run++;
        if (run >= 3 && o - 2 >= MIN_DISTANCE && triples.repeated(o - 2)) mark('three literals a match writes shorter');
        ip++;
        o++;
        prevD = 0;
        continue;
      }
      const b = src[ip]!;
      const d = (((b & 0x0f) << 8) | src[ip + 1]!) + 1;
      ip += 2;
      const n = Math.min((b >> 4) + MIN_MATCH, size - o);
      s.matches++;
      if (d === 1) s.nearest++;
      if (run > 0 && n < MAX_MATCH && o - 1 - d >= 0 && out[o - 1 - d] === out[o - 1]) mark('a match could start one literal earlier');
      if (prevD === d && prevN + n <= MAX_MATCH) mark('a match continues the one before');
      run = 0;
      prevD = d;
      prevN = n;
      o += n;
    }
  }
  return s;
}
