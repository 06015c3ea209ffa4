/**
 * ZX0 version 2 (einar-saukas/ZX0; emmanuel-marty/salvador writes it by default): a bit-packed
 * LZ with Elias gamma codes and a repeat offset. Decoder exact against zx0 and salvador; encoder
 * greedy.
 */
import { loopProbe } from '../evidence';
import type { Codec } from '../types';
import { decodeVia } from '../types';
import { decodeInto, ZX0_MAX_OUTPUT, zx0Loop, zx0Result } from './decode';
import { encode, ZX0_LEVELS } from './encode';

export const zx0Codec: Codec = {
  id: 'zx0',
  name: 'ZX0 v2',
  usedBy: ['homebrew packed with salvador or zx0 (ZX Spectrum, MSX, 6502 and 65816 ports)'],
  version: 'zx0-1',
  maxOutput: ZX0_MAX_OUTPUT,
  selfDelimiting: true,
  levels: ZX0_LEVELS,
  defaultLevel: 'greedy',
  decodeInto,
  decode: decodeVia({ id: 'zx0', maxOutput: ZX0_MAX_OUTPUT, decodeInto }),
  encode,
  probe: loopProbe(zx0Loop, zx0Result, ZX0_MAX_OUTPUT, { marker: 'end marker (new-offset code 256) with the rest of its byte clear' }),
};
