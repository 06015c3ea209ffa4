/**
 * LC_LZ2's commands (Super Mario World, Yoshi's Island, A Link to the Past), after the header of
 * lunar/format.ts; the loop is lunar/decode.ts:
 *
 * | C | name            | operands          | writes (count n)                                  |
 * |---|-----------------|-------------------|---------------------------------------------------|
 * | 0 | direct copy     | n bytes           | the n bytes                                       |
 * | 1 | byte fill       | 1 byte v          | v, n times                                        |
 * | 2 | word fill       | 2 bytes a, b      | a, b, a, b, ... n bytes                           |
 * | 3 | increasing fill | 1 byte v          | v, v+1, v+2, ... (mod 256), n bytes               |
 * | 4 | repeat          | 2 bytes, address  | out[addr + k] for k < n (big-endian address; an   |
 * |   |                 | big-endian        | overlap repeats, as the console copies bytewise)  |
 *
 * Commands 5 and 6 (and a long header with command 7) are unused: 'reserved-command'.
 */
import type { CodecStatus } from '../types';
import { decodeLunar } from '../lunar/decode';
import type { LunarLimits } from '../lunar/format';

export function decodeLz2(src: Uint8Array, start: number, out: Uint8Array, lim: LunarLimits): CodecStatus {
  return decodeLunar(src, start, out, lim, false);
}
