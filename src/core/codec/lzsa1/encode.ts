/**
 * An LZSA1 raw-block writer over the shared greedy parse: the byte syntax of decode.ts, every length
 * and offset in its shortest form, and the end as lzsa writes it (the last literals in a command
 * whose offset byte is 00 and match length EE 00 00). Not optimal: lzsa itself compresses better.
 */
import { greedyParse } from '../greedy-parse';
import { checkEncodeArgs, checkEncodedSize } from '../encode-args';
import { CodecEncodeError, type CodecEncodeOptions } from '../types';
import { LZSA_MAX_OUTPUT } from './decode';

export const LZSA1_LEVELS = ['greedy'] as const;

/** Bytes of a literal count's extension (0 when the token holds it). */
function literalExtra(n: number): number {
  return n < 7 ? 0 : n < 256 ? 1 : n < 512 ? 2 : 3;
}

function matchExtra(m: number): number {
  return m < 18 ? 0 : m < 256 ? 1 : m < 512 ? 2 : 3;
}

export function encode(data: Uint8Array, opts: CodecEncodeOptions = {}): Uint8Array {
  checkEncodeArgs('lzsa1', LZSA1_LEVELS, LZSA_MAX_OUTPUT, data, opts);
  const seqs = greedyParse(data, {
    minMatch: 3,
    maxMatch: 0xffff,
    windows: [256, 0xffff],
    offsetBits: [8, 16],
    matchBits: (m) => 8 + 8 * matchExtra(m),
  });
  const out: number[] = [];
  for (const s of seqs) {
    const n = s.litLen;
    const last = s.len === 0;
    const long = !last && s.off > 256;
    const mfield = last ? 15 : Math.min(s.len - 3, 15);
    out.push((long ? 0x80 : 0) | (Math.min(n, 7) << 4) | mfield);
    if (n >= 7) {
      if (literalExtra(n) === 1) out.push(n - 7);
      else if (n < 512) out.push(250, n - 256);
      else out.push(249, n & 0xff, n >> 8);
    }
    if (n > 0xffff) throw new CodecEncodeError('lzsa1', `a run of ${n} bytes without any repeat cannot be written (literal counts stop at 65,535)`);
    for (let k = 0; k < n; k++) out.push(data[s.litStart + k]!);
    if (last) {
      out.push(0x00, 238, 0, 0);
      break;
    }
    const neg = -s.off & 0xffff;
    out.push(neg & 0xff);
    if (long) out.push(neg >> 8);
    const m = s.len;
    if (m >= 18) {
      if (m < 256) out.push(m - 18);
      else if (m < 512) out.push(239, m - 256);
      else out.push(238, m & 0xff, m >> 8);
    }
  }
  return checkEncodedSize('lzsa1', Uint8Array.from(out), opts);
}
