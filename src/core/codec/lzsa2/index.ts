/**
 * LZSA2 raw blocks (emmanuel-marty/lzsa, `lzsa -f2 -r`): nibble-packed LZ with repeat offsets,
 * with a 65816 decompressor in lzsa's asm/65816. Decoder exact against lzsa; encoder greedy.
 */
import { loopCodec } from '../loop-codec';
import { LZSA_MAX_OUTPUT } from '../lzsa1/decode';
import { lzsa2Loop, lzsa2Result } from './decode';
import { encode, LZSA2_LEVELS } from './encode';

export const lzsa2Codec = loopCodec({
  id: 'lzsa2',
  name: 'LZSA2 (raw block)',
  usedBy: ['SNES and other 8/16-bit homebrew packed with lzsa -f2 -r (lzsa ships a 65816 decompressor)'],
  version: 'lzsa2-1',
  maxOutput: LZSA_MAX_OUTPUT,
  levels: LZSA2_LEVELS,
  loop: lzsa2Loop,
  result: lzsa2Result,
  encode,
  rules: { marker: 'end marker (repeat-offset token, match length 232) as lzsa writes it' },
});
