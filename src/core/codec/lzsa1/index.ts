/**
 * LZSA1 raw blocks (emmanuel-marty/lzsa, `lzsa -f1 -r`): byte-aligned LZ for 8-bit machines, with a
 * 65816 decompressor in lzsa's asm/65816. Decoder exact against lzsa; encoder greedy.
 */
import { loopCodec } from '../loop-codec';
import { LZSA_MAX_OUTPUT, lzsa1Loop, lzsa1Result } from './decode';
import { encode, LZSA1_LEVELS } from './encode';

export const lzsa1Codec = loopCodec({
  id: 'lzsa1',
  name: 'LZSA1 (raw block)',
  usedBy: ['SNES and other 8/16-bit homebrew packed with lzsa -f1 -r (lzsa ships a 65816 decompressor)'],
  version: 'lzsa1-1',
  maxOutput: LZSA_MAX_OUTPUT,
  levels: LZSA1_LEVELS,
  loop: lzsa1Loop,
  result: lzsa1Result,
  encode,
  rules: { marker: 'end marker 0F 00 EE 00 00 as lzsa writes it' },
});
