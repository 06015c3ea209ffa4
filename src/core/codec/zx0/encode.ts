/**
 * A ZX0 (version 2) writer over the shared greedy parse, in the syntax of decode.ts and with
 * salvador's conventions: bits packed most significant first into a byte placed where its first
 * bit is written, a new offset's low byte carrying the first bit of the length after it, the
 * last-offset form whenever a copy right after literals reuses the last offset, offsets within
 * 32,640 bytes, and the end marker (a new-offset bit and the inverted Elias code of 256) with the
 * rest of its byte clear. Not optimal: salvador and zx0 compress better.
 */
import { checkEncodeArgs, checkEncodedSize } from '../encode-args';
import { greedyParse } from '../greedy-parse';
import type { CodecEncodeOptions } from '../types';
import { ZX0_EOD, ZX0_MAX_OUTPUT } from './decode';

export const ZX0_LEVELS = ['greedy'] as const;
/** salvador's and zx0's window. */
export const ZX0_MAX_OFFSET = 32640;

class BitWriter {
  readonly bytes: number[] = [];
  private at = -1;
  private mask = 0;

  byte(b: number): void {
    this.bytes.push(b);
  }

  bit(b: number): void {
    if (this.mask === 0) {
      this.at = this.bytes.length;
      this.bytes.push(0);
      this.mask = 0x80;
    }
    if (b) this.bytes[this.at]! |= this.mask;
    this.mask >>>= 1;
  }

  /** Interlaced Elias gamma of v >= 1: for each bit below the leading one, a 0 then the bit; then a 1. */
  elias(v: number, invert = 0, skipFirst = false): void {
    let first = !skipFirst;
    for (let b = 31 - Math.clz32(v) - 1; b >= 0; b--) {
      if (first) this.bit(0);
      first = true;
      this.bit(((v >> b) & 1) ^ invert);
    }
    if (first) this.bit(1);
  }
}

/** Bits of an Elias gamma code for v. */
function eliasBits(v: number): number {
  return 2 * (31 - Math.clz32(v)) + 1;
}

export function encode(data: Uint8Array, opts: CodecEncodeOptions = {}): Uint8Array {
  checkEncodeArgs('zx0', ZX0_LEVELS, ZX0_MAX_OUTPUT, data, opts);
  const seqs = greedyParse(data, {
    minMatch: 2,
    maxMatch: ZX0_MAX_OUTPUT,
    windows: [128, 896, 8064, ZX0_MAX_OFFSET],
    offsetBits: [9, 13, 19, 23],
    matchBits: (m) => eliasBits(m - 1),
    repeatBits: (m) => 1 + eliasBits(m),
    repeatAfterLiteralsOnly: true,
    minRepeat: 1,
  });
  const w = new BitWriter();
  let last = 1;
  let first = true;
  for (const s of seqs) {
    if (s.litLen > 0) {
      if (!first) w.bit(0);
      w.elias(s.litLen);
      for (let k = 0; k < s.litLen; k++) w.byte(data[s.litStart + k]!);
    }
    first = false;
    if (s.len === 0) {
      w.bit(1);
      w.elias(ZX0_EOD, 1);
      break;
    }
    if (s.litLen > 0 && s.off === last) {
      w.bit(0);
      w.elias(s.len);
      continue;
    }
    w.bit(1);
    w.elias(((s.off - 1) >> 7) + 1, 1);
    // the low 7 bits inverted in bits 7-1; bit 0 is the length code's first bit
    const more = s.len - 1 > 1;
    w.byte(((127 - ((s.off - 1) & 0x7f)) << 1) | (more ? 0 : 1));
    if (more) w.elias(s.len - 1, 0, true);
    last = s.off;
  }
  return checkEncodedSize('zx0', Uint8Array.from(w.bytes), opts);
}
