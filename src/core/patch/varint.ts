/**
 * The beat (BPS) variable-length number: seven bits a byte, low bits first, the top bit set on
 * the last byte, and one subtracted after each non-final byte so every number has exactly one
 * encoding (byuu's spec, "Variable-length number encoding").
 */
import { PatchError } from './errors';

/** Bytes `n` takes as a beat number. */
export function varintSize(n: number): number {
  let size = 1;
  for (let x = Math.floor(n / 128); x > 0; x = Math.floor((x - 1) / 128)) size++;
  return size;
}

/** A growable byte buffer for writers. */
export class ByteWriter {
  private buf: Uint8Array;
  length = 0;

  constructor(capacity = 256) {
    this.buf = new Uint8Array(Math.max(16, capacity));
  }

  private reserve(n: number): void {
    if (this.length + n <= this.buf.length) return;
    let cap = this.buf.length * 2;
    while (cap < this.length + n) cap *= 2;
    const next = new Uint8Array(cap);
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
  }

  byte(b: number): void {
    this.reserve(1);
    this.buf[this.length++] = b & 0xff;
  }

  bytes(src: Uint8Array, start = 0, end = src.length): void {
    this.reserve(end - start);
    this.buf.set(src.subarray(start, end), this.length);
    this.length += end - start;
  }

  /** A beat number (numbers up to 2^53, far beyond any file). */
  varint(n: number): void {
    let x = n;
    for (;;) {
      const low = x % 128;
      x = Math.floor(x / 128);
      if (x === 0) {
        this.byte(0x80 | low);
        return;
      }
      this.byte(low);
      x--;
    }
  }

  u32le(n: number): void {
    this.byte(n);
    this.byte(n >>> 8);
    this.byte(n >>> 16);
    this.byte(n >>> 24);
  }

  result(): Uint8Array {
    return this.buf.slice(0, this.length);
  }
}

/** Reads a beat number at `pos`, never past `end`; returns the value and the next position. */
export function readVarint(bytes: Uint8Array, pos: number, end: number, what: string): { value: number; next: number } {
  let value = 0;
  let shift = 1;
  for (let p = pos; p < end; p++) {
    const x = bytes[p]!;
    value += (x & 0x7f) * shift;
    if (x & 0x80) return { value, next: p + 1 };
    shift *= 128;
    value += shift;
    if (value > Number.MAX_SAFE_INTEGER) throw new PatchError('malformed', `BPS ${what} at byte ${pos} is too large to be a file offset`);
  }
  throw new PatchError('malformed', `BPS patch is truncated: ${what} at byte ${pos} runs into the footer`);
}
