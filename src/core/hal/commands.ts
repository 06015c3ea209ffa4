/**
 * The HAL command set and its header encoding (format doc §2/§3): command numbers, count limits,
 * the encoded size of each command, and the bit-reversal table behind command 5.
 */

export const CMD_RAW = 0;
export const CMD_BYTE_FILL = 1;
export const CMD_WORD_FILL = 2;
export const CMD_INC_FILL = 3;
export const CMD_COPY = 4;
export const CMD_COPY_BITREV = 5;
export const CMD_COPY_BACK = 6;

export const TERMINATOR = 0xff;
/** Largest count of one command (bytes, or words for the word fill). */
export const MAX_COUNT = 1024;
/** Largest count the 1-byte (short) header can hold. */
export const SHORT_MAX = 32;
/** Largest decompressed size (and the default stream size limit). */
export const MAX_OUTPUT = 0x10000;

/** Header size for a count: 1 byte up to 32, 2 bytes up to 1,024. */
export function headerSize(count: number): number {
  return count <= SHORT_MAX ? 1 : 2;
}

/** bitrev8 for every byte: bit 0 swaps with bit 7, 1 with 6, ... (a horizontal flip of a planar row). */
export const BITREV: Uint8Array = (() => {
  const t = new Uint8Array(256);
  for (let v = 0; v < 256; v++) {
    let r = 0;
    for (let b = 0; b < 8; b++) if (v & (1 << b)) r |= 0x80 >> b;
    t[v] = r;
  }
  return t;
})();

/** A growable byte buffer that writes command headers and operands. */
export class StreamWriter {
  private buf: Uint8Array;
  length = 0;

  constructor(capacity: number) {
    this.buf = new Uint8Array(Math.max(16, capacity));
  }

  private ensure(extra: number): void {
    if (this.length + extra <= this.buf.length) return;
    const next = new Uint8Array(Math.max(this.buf.length * 2, this.length + extra));
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
  }

  /** A command header: short `[(c << 5) | m]` when count <= 32, else `[0xE0 | c << 2 | m >> 8, m & 0xFF]`. */
  header(cmd: number, count: number): void {
    this.ensure(2);
    const m = count - 1;
    if (m < SHORT_MAX) this.buf[this.length++] = (cmd << 5) | m;
    else {
      this.buf[this.length++] = 0xe0 | (cmd << 2) | (m >> 8);
      this.buf[this.length++] = m & 0xff;
    }
  }

  byte(v: number): void {
    this.ensure(1);
    this.buf[this.length++] = v;
  }

  /** A raw command (0) with `count` (1..1024) bytes of `src` from `start`. */
  raw(src: Uint8Array, start: number, count: number): void {
    this.header(CMD_RAW, count);
    this.ensure(count);
    this.buf.set(src.subarray(start, start + count), this.length);
    this.length += count;
  }

  /** A copy command (4, 5 or 6) with its big-endian absolute source offset. */
  copy(cmd: number, count: number, source: number): void {
    this.header(cmd, count);
    this.ensure(2);
    this.buf[this.length++] = source >> 8;
    this.buf[this.length++] = source & 0xff;
  }

  /** The finished stream (a copy sized exactly). */
  finish(): Uint8Array {
    return this.buf.slice(0, this.length);
  }
}
