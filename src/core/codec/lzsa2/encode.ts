/**
 * An LZSA2 raw-block writer over the shared greedy parse: the syntax of decode.ts with nibbles
 * packed as lzsa packs them (a nibble byte is placed where its first nibble is written, high half
 * first), every length and offset in its shortest form, the repeat-offset form whenever the offset
 * equals the last one, and the end as lzsa writes it (a repeat-offset token with match length 7,
 * nibble 15 and byte 232, then a zero low nibble if one is left over). Not optimal.
 */
import { checkEncodeArgs, checkEncodedSize } from '../encode-args';
import { greedyParse } from '../greedy-parse';
import { CodecEncodeError, type CodecEncodeOptions } from '../types';
import { LZSA_MAX_OUTPUT } from '../lzsa1/decode';

export const LZSA2_LEVELS = ['greedy'] as const;

class NibbleWriter {
  readonly bytes: number[] = [];
  private half = -1;

  byte(b: number): void {
    this.bytes.push(b);
  }

  nibble(v: number): void {
    if (this.half < 0) {
      this.half = this.bytes.length;
      this.bytes.push(v << 4);
    } else {
      this.bytes[this.half]! |= v;
      this.half = -1;
    }
  }

  /** A length past the token's field: nibble, nibble 15 + byte, or nibble 15 + `wide` + 16 bits. */
  extended(rest: number, total: number, bias: number, wide: number): void {
    if (rest < 15) this.nibble(rest);
    else {
      this.nibble(15);
      if (total < 256) this.byte(total - bias);
      else {
        this.byte(wide);
        this.byte(total & 0xff);
        this.byte(total >> 8);
      }
    }
  }

  finish(): Uint8Array {
    return Uint8Array.from(this.bytes);
  }
}

function lengthNibbles(rest: number, total: number): number {
  return rest < 0 ? 0 : rest < 15 ? 4 : total < 256 ? 12 : 28;
}

export function encode(data: Uint8Array, opts: CodecEncodeOptions = {}): Uint8Array {
  checkEncodeArgs('lzsa2', LZSA2_LEVELS, LZSA_MAX_OUTPUT, data, opts);
  const seqs = greedyParse(data, {
    minMatch: 2,
    maxMatch: 0xffff,
    windows: [32, 512, 8704, 0x10000],
    offsetBits: [4, 8, 12, 16],
    matchBits: (m) => 8 + lengthNibbles(m - 9, m),
    repeatBits: (m) => 8 + lengthNibbles(m - 9, m),
  });
  const w = new NibbleWriter();
  let last = 0;
  for (const s of seqs) {
    const n = s.litLen;
    const end = s.len === 0;
    const rep = !end && s.off === last;
    const off = s.off;
    let xyz: number;
    if (end || rep) xyz = 0xe0;
    else if (off <= 32) xyz = ((-off & 1) << 5) ^ 0x20;
    else if (off <= 512) xyz = 0x40 | (((-off & 0x100) >> 3) ^ 0x20);
    else if (off <= 8704) xyz = 0x80 | (((-(off - 512) & 0x100) >> 3) ^ 0x20);
    else xyz = 0xc0;
    w.byte(xyz | (Math.min(n, 3) << 3) | (end ? 7 : Math.min(s.len - 2, 7)));
    if (n >= 3) {
      if (n > 0xffff) throw new CodecEncodeError('lzsa2', `a run of ${n} bytes without any repeat cannot be written (literal counts stop at 65,535)`);
      w.extended(n - 3, n, 18, 239);
    }
    for (let k = 0; k < n; k++) w.byte(data[s.litStart + k]!);
    if (end) {
      w.nibble(15);
      w.byte(232);
      break;
    }
    if (!rep) {
      if (off <= 32) w.nibble((-off & 0x1e) >> 1);
      else if (off <= 512) w.byte(-off & 0xff);
      else if (off <= 8704) {
        w.nibble((-(off - 512) >> 9) & 15);
        w.byte(-(off - 512) & 0xff);
      } else {
        w.byte((-off >> 8) & 0xff);
        w.byte(-off & 0xff);
      }
    }
    if (s.len >= 9) w.extended(s.len - 9, s.len, 24, 233);
    last = off;
  }
  return checkEncodedSize('lzsa2', w.finish(), opts);
}
