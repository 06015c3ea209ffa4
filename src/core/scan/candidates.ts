/**
 * The cheap rejection step: walks a would-be HAL stream's command headers without writing any
 * output, and refuses what no encoder writes. Most offsets of a ROM (code, tables, random bytes,
 * padding) fail within a command or two, so only a few survive to a real decode.
 *
 * Refused (each is either impossible for a well-formed stream or something neither inhal nor an
 * optimal parse ever emits, because it costs more bytes than an alternative):
 * - a copy (4, 5, 6) from output not written yet (`off >= o`): the game would read stale RAM;
 * - a backwards copy reading before index 0;
 * - command 7 (FC..FE): executes like 4, but encoders never write it;
 * - a long header whose count fits a short one;
 * - a copy of fewer than 3 bytes (3 bytes of command for at most 2 of output);
 * - two raw commands in a row that together hold <= 32 bytes (one raw command is shorter);
 * - output past 64 KiB, input past the end of the data, and the empty stream.
 */
import { HAL_MAX_OUTPUT } from '../hal';

/** Filled by `parseStream` when it accepts (no allocation per offset). */
export interface ParsedStream {
  /** Decompressed size (after a refusal: the output accounted when the parse stopped). */
  size: number;
  /** Bytes up to and including the terminator. */
  consumed: number;
  /** Commands the parse read, accepted or not (the scan's work budget counts them). */
  work: number;
}

/**
 * True when `src[start..]` parses as a plausible HAL stream; `out` then holds its sizes.
 * `maxOutput` bounds the decompressed size (default 65,536).
 */
export function parseStream(src: Uint8Array, start: number, out: ParsedStream, maxOutput = HAL_MAX_OUTPUT): boolean {
  const len = src.length;
  let ip = start;
  let o = 0;
  let prevRaw = 0;
  out.work = 0;
  for (;;) {
    out.work++;
    out.size = o;
    if (ip >= len) return false;
    const b = src[ip++]!;
    if (b === 0xff) {
      if (o === 0) return false;
      out.size = o;
      out.consumed = ip - start;
      return true;
    }
    let cmd: number;
    let n: number;
    if ((b & 0xe0) === 0xe0) {
      if (ip >= len) return false;
      cmd = (b >> 2) & 7;
      n = (((b & 3) << 8) | src[ip++]!) + 1;
      if (n <= 32) return false;
    } else {
      cmd = b >> 5;
      n = (b & 0x1f) + 1;
    }
    if (cmd === 0) {
      if (prevRaw > 0 && prevRaw + n <= 32) return false;
      ip += n;
      o += n;
      prevRaw = n;
    } else {
      prevRaw = 0;
      if (cmd === 1 || cmd === 3) {
        ip += 1;
        o += n;
      } else if (cmd === 2) {
        ip += 2;
        o += 2 * n;
      } else {
        if (cmd === 7 || n < 3 || ip + 2 > len) return false;
        const off = (src[ip]! << 8) | src[ip + 1]!;
        ip += 2;
        if (off >= o || (cmd === 6 && off < n - 1)) return false;
        o += n;
      }
    }
    if (o > maxOutput) {
      out.size = o;
      return false;
    }
  }
}
