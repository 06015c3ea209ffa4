/**
 * What LC_LZ2 and LC_LZ3 share (Lunar Compress's names; sfc-comp's zelda_comp_2 and
 * pokemon_gold_comp): the command header and the stream's frame.
 *
 * A stream is a list of commands ended by the byte 0xFF. A command's header is one byte
 * `CCCLLLLL` (command C, count L + 1 = 1..32) or, when C is 7, two bytes `111CCCLL LLLLLLLL`
 * (command C, count L + 1 = 1..1,024; encoders use it only for counts over 32). 0xFF itself is the
 * terminator, so a long header never has command 7. Counts are bytes of output for every command
 * (a word fill writes `count` bytes, alternating its two). Output is at most 64 KiB: copy
 * addresses are 16-bit.
 */

export const TERMINATOR = 0xff;
/** Largest count of one command. */
export const MAX_COUNT = 1024;
/** Largest count the 1-byte header holds. */
export const SHORT_MAX = 32;
/** Largest decompressed size and default output limit (16-bit copy addresses). */
export const LUNAR_MAX_OUTPUT = 0x10000;

/** Header bytes for a count: 1 up to 32, 2 up to 1,024. */
export function headerSize(count: number): number {
  return count <= SHORT_MAX ? 1 : 2;
}

/** Why a LC_LZ2/LC_LZ3 stream does not decode (CodecFailure.reason). */
export type LunarDecodeReason =
  | 'truncated' // the input ended inside a command or before the 0xFF terminator
  | 'overflow' // the command would write past the output limit
  | 'reserved-command' // a command number the format does not define (console decoders disagree on it)
  | 'copy-before-start' // a backwards copy would read before output index 0 (LC_LZ3)
  | 'unwritten-source' // strict: a copy reads output bytes not written yet
  | 'empty'; // the stream is just the terminator

export type { DecodeLimits as LunarLimits } from '../shared/limits';
