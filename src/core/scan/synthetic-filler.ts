/**
 * The bytes test ROMs hide their blocks among: plausible 65816 instruction streams, pointer and
 * lookup tables, random data, and padding runs of 0x00 / 0xFF.
 */
import type { Prng } from './prng';

/** [opcode, operand bytes]; immediates come in 8- and 16-bit forms (the M/X flags). */
const OPCODES: readonly (readonly [number, number])[] = [
  [0xa9, 1],
  [0xa9, 2],
  [0xa2, 1],
  [0xa2, 2],
  [0xa0, 1],
  [0xa0, 2],
  [0x8d, 2],
  [0x8f, 3],
  [0xad, 2],
  [0xaf, 3],
  [0xbd, 2],
  [0x9d, 2],
  [0xb9, 2],
  [0x99, 2],
  [0x85, 1],
  [0xa5, 1],
  [0x64, 1],
  [0x9c, 2],
  [0x20, 2],
  [0x22, 3],
  [0x60, 0],
  [0x6b, 0],
  [0xd0, 1],
  [0xf0, 1],
  [0x80, 1],
  [0x90, 1],
  [0xb0, 1],
  [0x10, 1],
  [0x30, 1],
  [0xc2, 1],
  [0xe2, 1],
  [0x18, 0],
  [0x38, 0],
  [0x69, 1],
  [0x69, 2],
  [0xe9, 1],
  [0xc9, 1],
  [0xc9, 2],
  [0xe0, 1],
  [0xc0, 1],
  [0xe8, 0],
  [0xc8, 0],
  [0xca, 0],
  [0x88, 0],
  [0x1a, 0],
  [0x3a, 0],
  [0x0a, 0],
  [0x4a, 0],
  [0x48, 0],
  [0x68, 0],
  [0x5a, 0],
  [0x7a, 0],
  [0xda, 0],
  [0xfa, 0],
  [0x8b, 0],
  [0xab, 0],
  [0x08, 0],
  [0x28, 0],
  [0xaa, 0],
  [0xa8, 0],
  [0x8a, 0],
  [0x98, 0],
  [0x4c, 2],
  [0x5c, 3],
  [0x29, 1],
  [0x29, 2],
  [0x09, 1],
  [0xeb, 0],
  [0x5b, 0],
  [0x7b, 0],
  [0x54, 2],
  [0xb7, 1],
  [0x97, 1],
  [0xa7, 1],
  [0x87, 1],
  [0xe6, 1],
  [0xc6, 1],
  [0xee, 2],
  [0x2c, 2],
  [0x89, 1],
];

/** Instructions with operands that look like a program's: RAM/IO addresses, small constants. */
export function fillCode(rng: Prng, out: Uint8Array, start: number, end: number): void {
  let i = start;
  while (i < end) {
    const [op, n] = rng.pick(OPCODES);
    out[i++] = op;
    for (let k = 0; k < n && i < end; k++) {
      const small = k === 0 ? rng.int(0, 0x3f) : rng.pick([0x00, 0x7e, 0x80, 0x21, 0x42, 0x43, rng.int(0, 255)]);
      out[i++] = rng.next() < 0.6 ? small : rng.int(0, 255);
    }
  }
}

/** Tables of 16- or 24-bit little-endian pointers into a few banks, or small byte values. */
export function fillTable(rng: Prng, out: Uint8Array, start: number, end: number): void {
  const kind = rng.int(0, 2);
  const bank = rng.int(0x80, 0xff);
  let i = start;
  let addr = rng.int(0x8000, 0xf000);
  while (i < end) {
    if (kind === 2) {
      out[i++] = rng.int(0, 15);
      continue;
    }
    addr = (addr + rng.int(4, 300)) & 0xffff;
    out[i++] = addr & 0xff;
    if (i < end) out[i++] = (addr >> 8) | 0x80;
    if (kind === 1 && i < end) out[i++] = bank;
  }
}

export function fillRandom(rng: Prng, out: Uint8Array, start: number, end: number): void {
  rng.bytes(out, start, end);
}

export function fillPadding(rng: Prng, out: Uint8Array, start: number, end: number): void {
  out.fill(rng.next() < 0.5 ? 0x00 : 0xff, start, end);
}

/** A mix of the above (code most often), in segments of 16..4096 bytes. */
export function fillGap(rng: Prng, out: Uint8Array, start: number, end: number): void {
  let i = start;
  while (i < end) {
    const n = Math.min(end - i, rng.int(16, 4096));
    const roll = rng.next();
    if (roll < 0.5) fillCode(rng, out, i, i + n);
    else if (roll < 0.65) fillTable(rng, out, i, i + n);
    else if (roll < 0.85) fillRandom(rng, out, i, i + n);
    else fillPadding(rng, out, i, i + n);
    i += n;
  }
}
