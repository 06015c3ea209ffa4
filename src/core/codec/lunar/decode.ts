/**
 * The decode loop of the Lunar family (LC_LZ2 and LC_LZ3: the command tables are in
 * lc-lz2/decode.ts and lc-lz3/decode.ts), one loop for both dialects: they share the header,
 * the raw run, the byte and word fills and the repeat, and differ in command 3 (LC_LZ2: an
 * increasing fill; LC_LZ3: a zero fill without operand), in the repeat's source (LC_LZ2: a
 * big-endian 16-bit address; LC_LZ3: one byte 1..128 back or a 15-bit address) and in commands
 * 5 and 6 (LC_LZ3's bit-reversed and backwards repeats; unused in LC_LZ2).
 *
 * Unused commands fail as 'reserved-command' in every mode: console decoders disagree on them
 * (Nintendo's LC_LZ2 routine repeats from an address; the SA-1 Pack's reads 6 as a long header).
 * A source not written yet fails in strict mode; leniently it reads 0 by rule (a console reads
 * stale RAM there), so the output never depends on the buffer's old contents. A source before
 * output index 0 fails in every mode.
 *
 * Bounded: every command advances the input and writes only below the limit, checked once per
 * command, so the moves (shared/bytes.ts, four bytes a step) check nothing.
 */
import type { CodecStatus } from '../types';
import { copyBackward, copyBitrev, copyForward, copyLiteral, copyUnwritten, fillIncreasing, fillPattern, outViewOf, srcViewOf } from '../shared/bytes';
import { TERMINATOR, type LunarDecodeReason, type LunarLimits } from './format';

const CMD_BITREV = 5;
const CMD_BACK = 6;

function fail(reason: LunarDecodeReason, offset: number): CodecStatus {
  return { ok: false, reason, offset };
}

export function decodeLunar(src: Uint8Array, start: number, out: Uint8Array, lim: LunarLimits, lz3: boolean): CodecStatus {
  const { max, end, strict } = lim;
  const sv = srcViewOf(src);
  const ov = outViewOf(out);
  let ip = start;
  let o = 0;
  for (;;) {
    if (ip >= end) return fail('truncated', ip);
    const at = ip;
    const b = src[ip++]!;
    let cmd = b >> 5;
    let n: number;
    if (cmd === 7) {
      if (b === TERMINATOR) return o === 0 ? fail('empty', at) : { ok: true, size: o, consumed: ip - start };
      if (ip >= end) return fail('truncated', at);
      cmd = (b >> 2) & 7;
      n = (((b & 3) << 8) | src[ip++]!) + 1;
    } else {
      n = (b & 0x1f) + 1;
    }
    if (cmd === 7 || (cmd > 4 && !lz3)) return fail('reserved-command', at);
    const e = o + n;
    if (e > max) return fail('overflow', at);
    if (cmd >= 4) {
      let off: number;
      if (!lz3) {
        if (ip + 2 > end) return fail('truncated', at);
        off = (src[ip]! << 8) | src[ip + 1]!;
        ip += 2;
      } else {
        if (ip >= end) return fail('truncated', at);
        const x = src[ip++]!;
        if (x & 0x80) off = o - (x & 0x7f) - 1;
        else {
          if (ip >= end) return fail('truncated', at);
          off = (x << 8) | src[ip++]!;
        }
        if (off < 0 || (cmd === CMD_BACK && off - n + 1 < 0)) return fail('copy-before-start', at);
      }
      if (off >= o) {
        if (strict) return fail('unwritten-source', at);
        copyUnwritten(out, o, off, n, cmd === CMD_BACK, cmd === CMD_BITREV);
      } else if (cmd === CMD_BACK) copyBackward(out, ov, o, off, n);
      else if (cmd === CMD_BITREV) copyBitrev(out, ov, o, off, n);
      else copyForward(out, ov, o, off, n);
    } else if (cmd === 0) {
      if (ip + n > end) return fail('truncated', at);
      copyLiteral(out, ov, o, src, sv, ip, n);
      ip += n;
    } else if (cmd === 3 && lz3) {
      fillPattern(out, ov, o, e, 0);
    } else if (cmd === 2) {
      if (ip + 2 > end) return fail('truncated', at);
      const w = src[ip]! | (src[ip + 1]! << 8);
      ip += 2;
      fillPattern(out, ov, o, e, w * 0x10001);
    } else {
      if (ip >= end) return fail('truncated', at);
      const v = src[ip++]!;
      if (cmd === 1) fillPattern(out, ov, o, e, v * 0x01010101);
      else fillIncreasing(out, o, n, v);
    }
    o = e;
  }
}
