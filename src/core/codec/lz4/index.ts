/**
 * LZ4 frames (lz4/lz4 doc/lz4_Frame_format.md): what libSFX builds store their graphics in (its
 * Makefile packs assets with the lz4 CLI), and any `.lz4` file. Decoding equals `lz4 -d` for one
 * frame; the encoder writes the CLI's default frame with an optimal parse, never larger than
 * `lz4 -12`.
 */
import type { Codec } from '../types';
import { decode, decodeInto, LZ4_MAX_OUTPUT } from './decode';
import { encode, LZ4_LEVELS } from './encode';
import { lz4Probe } from './probe';

export const lz4Codec: Codec = {
  id: 'lz4',
  name: 'LZ4 frame',
  usedBy: ['libSFX (SNES homebrew; its build packs tiles and maps with the lz4 CLI)', 'any .lz4 file (lz4 CLI, liblz4)'],
  version: 'lz4-1',
  maxOutput: LZ4_MAX_OUTPUT,
  selfDelimiting: true,
  levels: LZ4_LEVELS,
  defaultLevel: 'optimal',
  decodeInto,
  decode,
  encode,
  probe: lz4Probe,
};

export { xxh32 } from './xxhash32';
