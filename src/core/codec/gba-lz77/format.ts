/**
 * GBA BIOS LZ77 ("LZ77UnComp", type 0x10), as PVSnesLib's gfx4snes -z writes it for SNES
 * homebrew (its LzssDecodeVram unpacks it straight into VRAM):
 *
 * - a 4-byte header: 0x10, then the decompressed size as 24-bit little-endian;
 * - groups of a flag byte and up to 8 items, flags read from bit 7 down: 0 = one literal byte,
 *   1 = a match of two bytes `LLLLDDDD DDDDDDDD`: count L + 3 (3..18) copied bytewise from
 *   D + 1 (1..4,096) bytes back (an overlap repeats);
 * - decoding stops as soon as `size` bytes are written: flag bits after the last item are unused
 *   (every encoder leaves them 0) and a match running past the size is cut there by the console
 *   decoders (no encoder writes one).
 *
 * gfx4snes writes the VRAM-safe variant (from J. Vijn's GBA compressor): no match from 1 byte
 * back, which the GBA's VRAM routine (16-bit writes) cannot copy. Our encoder does the same.
 */

export const GBA_LZ77_TAG = 0x10;
export const HEADER_SIZE = 4;
export const MIN_MATCH = 3;
export const MAX_MATCH = 18;
export const WINDOW = 4096;
/** The VRAM-safe variant's nearest source. */
export const MIN_DISTANCE = 2;
/** Default output limit: the SNES's VRAM (PVSnesLib's decoder reads a 16-bit size). */
export const GBA_DEFAULT_OUTPUT = 0x10000;
/** The header's 24-bit size field. */
export const GBA_SIZE_LIMIT = 0xffffff;

export type GbaDecodeReason =
  | 'not-lz77' // the first byte is not 0x10
  | 'empty' // the header states 0 bytes
  | 'overflow' // the stated size is over the output limit
  | 'truncated' // the input ended before the stated size was written
  | 'copy-before-start' // a match reaches back before output index 0
  | 'past-size'; // strict: a match runs past the stated size
