/**
 * The demo ROM's other contents, so it is not only sprites and a scanner has something to tell
 * apart: 65816-like code (common instructions with plausible operands), text, a sine table and
 * an uncompressed tilemap. All deterministic.
 */
import { rng } from './art/random';

/** Instruction templates: opcode and operand byte count. */
const OPS: ReadonlyArray<readonly [number, number]> = [
  [0xa9, 1], // LDA #imm
  [0x8d, 2], // STA abs
  [0xad, 2], // LDA abs
  [0x20, 2], // JSR abs
  [0xa2, 1], // LDX #imm
  [0xa0, 1], // LDY #imm
  [0x9c, 2], // STZ abs
  [0x85, 1], // STA dp
  [0xa5, 1], // LDA dp
  [0x69, 1], // ADC #imm
  [0x29, 1], // AND #imm
  [0xbd, 2], // LDA abs,X
  [0x9d, 2], // STA abs,X
  [0xd0, 1], // BNE rel
  [0xf0, 1], // BEQ rel
  [0x90, 1], // BCC rel
  [0xe8, 0], // INX
  [0xc8, 0], // INY
  [0x18, 0], // CLC
  [0x0a, 0], // ASL A
  [0x48, 0], // PHA
  [0x68, 0], // PLA
  [0xda, 0], // PHX
  [0xfa, 0], // PLX
];

/** `length` bytes of code-like data: routines of 8-40 instructions ending in RTS or RTL. */
export function engineCode(seed: number, length: number): Uint8Array {
  const rand = rng(seed);
  const out: number[] = [];
  while (out.length < length) {
    out.push(0x08, 0xe2, 0x20); // PHP; SEP #$20
    const n = 8 + Math.floor(rand() * 32);
    for (let i = 0; i < n; i++) {
      const [op, size] = OPS[Math.floor(rand() * OPS.length)]!;
      out.push(op);
      if (op === 0x8d || op === 0x9c)
        out.push(Math.floor(rand() * 0x40), 0x21); // PPU registers
      else if (op === 0x20) out.push(Math.floor(rand() * 256), 0x80 + Math.floor(rand() * 0x60));
      else for (let b = 0; b < size; b++) out.push(Math.floor(rand() * 256));
    }
    out.push(0x28, rand() < 0.7 ? 0x60 : 0x6b); // PLP; RTS or RTL
  }
  return Uint8Array.from(out.slice(0, length));
}

/** Null-terminated ASCII strings. */
export function textBlock(lines: readonly string[]): Uint8Array {
  const bytes: number[] = [];
  for (const line of lines) {
    for (const ch of line) bytes.push(ch.charCodeAt(0) & 0x7f);
    bytes.push(0);
  }
  return Uint8Array.from(bytes);
}

/** 256 signed bytes of one sine period. */
export function sineTable(): Uint8Array {
  const out = new Uint8Array(256);
  for (let i = 0; i < 256; i++) out[i] = Math.round(Math.sin((i / 256) * Math.PI * 2) * 127) & 0xff;
  return out;
}

/** A 32x32 BG tilemap (little-endian words: tile number, palette bits 10-12). */
export function tilemap(seed: number): Uint8Array {
  const rand = rng(seed);
  const out = new Uint8Array(32 * 32 * 2);
  for (let i = 0; i < 32 * 32; i++) {
    const row = i >> 5;
    const tile = row < 20 ? 0 : row === 20 ? 1 + (i & 3) : 5 + Math.floor(rand() * 4);
    const word = tile | ((row < 20 ? 0 : 1) << 10);
    out[2 * i] = word & 0xff;
    out[2 * i + 1] = word >> 8;
  }
  return out;
}
