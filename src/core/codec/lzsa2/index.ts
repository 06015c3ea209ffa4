/**
 * LZSA2 raw blocks (emmanuel-marty/lzsa, `lzsa -f2 -r`): nibble-packed LZ with repeat offsets,
 * with a 65816 decompressor in lzsa's asm/65816. Decoder exact against lzsa; encoder greedy.
 */
import { loopProbe } from '../evidence';
import { LZSA_MAX_OUTPUT } from '../lzsa1/decode';
import type { Codec } from '../types';
import { decodeVia } from '../types';
import { decodeInto, lzsa2Loop, lzsa2Result } from './decode';
import { encode, LZSA2_LEVELS } from './encode';

export const lzsa2Codec: Codec = {
  id: 'lzsa2',
  name: 'LZSA2 (raw block)',
  usedBy: ['SNES and other 8/16-bit homebrew packed with lzsa -f2 -r (lzsa ships a 65816 decompressor)'],
  version: 'lzsa2-1',
  maxOutput: LZSA_MAX_OUTPUT,
  selfDelimiting: true,
  levels: LZSA2_LEVELS,
  defaultLevel: 'greedy',
  decodeInto,
  decode: decodeVia({ id: 'lzsa2', maxOutput: LZSA_MAX_OUTPUT, decodeInto }),
  encode,
  probe: loopProbe(lzsa2Loop, lzsa2Result, LZSA_MAX_OUTPUT, { marker: 'end marker (repeat-offset token, match length 232) as lzsa writes it' }),
};
