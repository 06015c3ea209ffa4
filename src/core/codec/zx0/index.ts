/**
 * ZX0 version 2 (einar-saukas/ZX0; emmanuel-marty/salvador writes it by default): a bit-packed
 * LZ with Elias gamma codes and a repeat offset. Decoder exact against zx0 and salvador; encoder
 * greedy.
 */
import { loopCodec } from '../loop-codec';
import { ZX0_MAX_OUTPUT, zx0Loop, zx0Result } from './decode';
import { encode, ZX0_LEVELS } from './encode';

export const zx0Codec = loopCodec({
  id: 'zx0',
  name: 'ZX0 v2',
  usedBy: ['homebrew packed with salvador or zx0 (ZX Spectrum, MSX, 6502 and 65816 ports)'],
  version: 'zx0-1',
  maxOutput: ZX0_MAX_OUTPUT,
  levels: ZX0_LEVELS,
  loop: zx0Loop,
  result: zx0Result,
  encode,
  rules: { marker: 'end marker (new-offset code 256) with the rest of its byte clear' },
});
