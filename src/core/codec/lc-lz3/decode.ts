/**
 * LC_LZ3's commands (Pokemon Gold/Silver's format, used by Super Mario World hacks through Lunar
 * Magic), after the header of lunar/format.ts; the loop is lunar/decode.ts:
 *
 * | C | name              | operands | writes (count n)                                  |
 * |---|-------------------|----------|---------------------------------------------------|
 * | 0 | direct copy       | n bytes  | the n bytes                                       |
 * | 1 | byte fill         | 1 byte v | v, n times                                        |
 * | 2 | word fill         | 2 bytes  | a, b, a, b, ... n bytes                           |
 * | 3 | zero fill         | none     | 0, n times                                        |
 * | 4 | repeat            | source   | out[s + k]                                        |
 * | 5 | bit-reversed rep. | source   | bitrev(out[s + k]) (a horizontally flipped row)   |
 * | 6 | backwards repeat  | source   | out[s - k] (a vertically flipped run)             |
 *
 * A source is one byte `1DDDDDDD` (s = o - D - 1: 1 to 128 bytes back) or two bytes
 * `0HHHHHHH LLLLLLLL` (s = the 15-bit big-endian address). A long header with command 7 is not
 * defined (0xFF is the terminator): 'reserved-command'.
 */
import type { CodecStatus } from '../types';
import { decodeLunar } from '../lunar/decode';
import type { LunarLimits } from '../lunar/format';

export function decodeLz3(src: Uint8Array, start: number, out: Uint8Array, lim: LunarLimits): CodecStatus {
  return decodeLunar(src, start, out, lim, true);
}
