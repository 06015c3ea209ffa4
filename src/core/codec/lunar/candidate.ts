/**
 * The cheap test the scanner runs at every offset for LC_LZ2 and LC_LZ3: walks the would-be
 * stream's commands without writing output and refuses, at the first sign, what no encoder
 * writes. Each refusal is either impossible for a well-formed stream or a command that costs
 * strictly more bytes than an alternative every encoder sees (so neither an optimal parse such as
 * sfc-comp's nor a greedy one writes it):
 *
 * - a reserved command, a copy from output not written yet or from before its start, output past
 *   the limit, input past its end, the empty stream;
 * - a long header whose count fits the short one;
 * - a byte or increasing fill of 1 byte, a word fill of 1 or 2 bytes, a word fill of two equal
 *   bytes (a byte fill is shorter), a LC_LZ3 byte fill of 0 (the zero fill is shorter);
 * - a repeat of fewer bytes than its operands save (LC_LZ2: 3; LC_LZ3: 2 from a near source,
 *   3 from an address), a LC_LZ3 address within 128 bytes back (the one-byte form is shorter);
 * - commands in a row that fewer commands write in fewer bytes: raw runs or zero fills with more
 *   headers than their total needs, two fills of one value (or an increasing fill continuing the
 *   last).
 *
 * Most offsets of a ROM fail within a command or two; nothing is allocated.
 */
import { headerSize, MAX_COUNT, SHORT_MAX, TERMINATOR } from './format';

/** The LC_LZ3 near source reaches this far back. */
const NEAR = 128;

/** The fewest header bytes that commands writing `total` bytes need (1,024 per command). */
function fewestHeaders(total: number): number {
  const rest = total % MAX_COUNT;
  return 2 * Math.floor(total / MAX_COUNT) + (rest === 0 ? 0 : headerSize(rest));
}

export function lunarCandidate(src: Uint8Array, start: number, maxOutput: number, lz3: boolean): boolean {
  const end = src.length;
  let ip = start;
  let o = 0;
  let prevCmd = -1;
  let prevN = 0;
  let prevV = 0;
  // the raw runs or zero fills in a row so far: their bytes and header bytes
  let runTotal = 0;
  let runHeaders = 0;
  for (;;) {
    if (ip >= end) return false;
    const b = src[ip++]!;
    let cmd = b >> 5;
    let n: number;
    if (cmd === 7) {
      if (b === TERMINATOR) return o > 0;
      if (ip >= end) return false;
      cmd = (b >> 2) & 7;
      n = (((b & 3) << 8) | src[ip++]!) + 1;
      if (n <= SHORT_MAX || cmd === 7) return false;
    } else n = (b & 0x1f) + 1;
    if (o + n > maxOutput) return false;
    let v = 0;
    const plain = cmd === 0 || (cmd === 3 && lz3);
    if (plain) {
      runTotal = prevCmd === cmd ? runTotal + n : n;
      runHeaders = prevCmd === cmd ? runHeaders + headerSize(n) : headerSize(n);
      if (runHeaders > fewestHeaders(runTotal)) return false;
    }
    if (cmd === 0) {
      ip += n;
    } else if (cmd === 2) {
      if (n <= 2 || ip + 2 > end || src[ip] === src[ip + 1]) return false;
      ip += 2;
    } else if (cmd === 1 || (cmd === 3 && !lz3)) {
      if (n === 1 || ip >= end) return false;
      v = src[ip++]!;
      if (lz3 && v === 0) return false;
      if (prevCmd === cmd && prevN + n <= MAX_COUNT && v === (cmd === 1 ? prevV : (prevV + prevN) & 0xff)) return false;
    } else if (cmd === 3) {
      // LC_LZ3's zero fill: no operand (runs checked above)
    } else if (!lz3) {
      if (cmd > 4 || n < 3 || ip + 2 > end) return false;
      if (((src[ip]! << 8) | src[ip + 1]!) >= o) return false;
      ip += 2;
    } else {
      if (ip >= end) return false;
      const x = src[ip++]!;
      let s: number;
      if (x & 0x80) {
        s = o - (x & 0x7f) - 1;
        if (n < 2 || s < 0) return false;
      } else {
        if (n < 3 || ip >= end) return false;
        s = (x << 8) | src[ip++]!;
        if (s >= o || o - s <= NEAR) return false;
      }
      if (cmd === 6 && s - n + 1 < 0) return false;
    }
    o += n;
    prevCmd = cmd;
    prevN = n;
    prevV = v;
  }
}
