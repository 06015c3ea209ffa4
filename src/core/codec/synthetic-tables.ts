/**
 * Generated 16-bit numeric tables, the data that fooled HAL's evidence on a real game ROM: words
 * whose high bytes are 0x00 or 0xFF (small signed values), slopes, sine-like waves, perspective
 * (1/z) curves, coordinate pairs and one word repeated hundreds of times. Their stride-2 structure
 * is what no compressor's output has; every probe must call none of it 'strong'.
 */
import { Prng } from '../scan/prng';

function put16(out: number[], v: number): void {
  out.push(v & 0xff, (v >> 8) & 0xff);
}

/** One table of `words` little-endian 16-bit values of the given kind. */
export function numericTable(kind: number, words: number, rng: Prng): number[] {
  const out: number[] = [];
  const a = rng.int(0, 0x3ff);
  const b = rng.int(-24, 24) || 1;
  const amp = rng.int(8, 0x7ff);
  const period = rng.int(16, 512);
  const word = rng.int(0, 0xffff);
  for (let i = 0; i < words; i++) {
    switch (kind % 7) {
      case 0: // small signed values: high bytes 00 / FF
        put16(out, rng.int(-200, 255));
        break;
      case 1: // a slope
        put16(out, a + b * i);
        break;
      case 2: // a sine-like wave around 0 (signed)
        put16(out, Math.round(amp * Math.sin((2 * Math.PI * i) / period)));
        break;
      case 3: // a wave around a base value, as scroll and HDMA tables hold
        put16(out, a + Math.round((amp / 4) * Math.cos((2 * Math.PI * i) / period)));
        break;
      case 4: // a perspective curve (Mode 7 scale per line)
        put16(out, Math.min(0xffff, Math.round(0x10000 / (i + 16))));
        break;
      case 5: // coordinate pairs: two slowly moving values interleaved
        put16(out, (a + (i >> 1) * (i & 1 ? b : 1)) & 0xffff);
        break;
      default: // one word repeated
        put16(out, word);
    }
  }
  return out;
}

/** Tables of every kind and several sizes, back to back with short random gaps, `bytes` long. */
export function numericTables(bytes: number, seed = 23): Uint8Array {
  const rng = new Prng(seed);
  const out: number[] = [];
  for (let t = 0; out.length < bytes; t++) {
    out.push(...numericTable(t, rng.int(64, 640), rng));
    for (let g = rng.int(0, 6); g > 0; g--) out.push(rng.int(0, 255));
  }
  return Uint8Array.from(out.slice(0, bytes));
}
