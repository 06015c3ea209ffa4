/**
 * Generated 16-bit numeric tables, the data a real game's ROM fooled the HAL evidence with (issue
 * 23): words whose high bytes are 0x00 or 0xFF (small signed values), slopes, sine-like curves
 * (alone, offset, or x/y pairs interleaved), and one word repeated hundreds of times. Their bytes
 * have a stride-2 structure that no encoder's output has; probes must not call them streams.
 * Deterministic per seed; little-endian words, as the SNES stores them.
 */
import { Prng } from '../../scan/prng';

export type TableKind = 'small' | 'slope' | 'sine' | 'pairs' | 'repeat';
export const TABLE_KINDS: readonly TableKind[] = ['small', 'slope', 'sine', 'pairs', 'repeat'];

function words(rng: Prng, kind: TableKind): number[] {
  const n = rng.int(64, 1024);
  const w: number[] = [];
  switch (kind) {
    case 'small': {
      // a random walk within -512..511: high bytes 0x00, 0x01, 0xFF, 0xFE
      let v = rng.int(-64, 64);
      const step = rng.pick([1, 2, 4, 8, 16]);
      for (let i = 0; i < n; i++) {
        v = Math.max(-512, Math.min(511, v + rng.int(-step, step)));
        w.push(v);
      }
      break;
    }
    case 'slope': {
      const a = rng.int(-0x8000, 0x7fff);
      const b = rng.pick([1, 2, 3, 4, 8, 16, 32, 64, 100, 256, 0x300, -1, -2, -4, -16, -256]);
      for (let i = 0; i < n; i++) w.push(a + b * i);
      break;
    }
    case 'sine':
    case 'pairs': {
      const amp = rng.pick([16, 64, 127, 128, 255, 256, 1024, 4096, 8192, 0x7fff]);
      const period = rng.pick([32, 64, 128, 256, 360, 512]);
      const base = rng.pick([0, 0, amp, 0x100, 0x8000]);
      const phase = rng.next() * 2 * Math.PI;
      for (let i = 0; i < n; i++) {
        const t = phase + (2 * Math.PI * i) / period;
        w.push(base + Math.round(amp * Math.sin(t)));
        if (kind === 'pairs') w.push(base + Math.round(amp * Math.cos(t)));
      }
      break;
    }
    case 'repeat': {
      const v = rng.pick([0x0001, 0x0100, 0x00ff, 0xff00, 0xffff, 0x8000, 0x7fff, rng.int(0, 0xffff)]);
      const count = rng.int(128, 768);
      for (let i = 0; i < count; i++) w.push(v);
      break;
    }
  }
  return w;
}

/** `bytes` bytes of tables of the given kinds (default: all), back to back. */
export function numericTables(seed: number, bytes: number, kinds: readonly TableKind[] = TABLE_KINDS): Uint8Array {
  const rng = new Prng(seed);
  const out = new Uint8Array(bytes);
  let o = 0;
  while (o < bytes) {
    for (const v of words(rng, rng.pick(kinds))) {
      if (o + 1 >= bytes) break;
      out[o++] = v & 0xff;
      out[o++] = (v >> 8) & 0xff;
    }
    if (o + 1 >= bytes) break;
  }
  return out;
}
