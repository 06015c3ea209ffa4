/** LC_LZ3 as a Codec: the decode loop (decode.ts), the optimal encoder (encode.ts), the Lunar family's probe. */
import { lunarCodec } from '../lunar/codec';
import { decodeLz3 } from './decode';
import { encodeLz3 } from './encode';

export const lcLz3 = lunarCodec({
  id: 'lc-lz3',
  name: 'LC_LZ3 (Lunar Compress)',
  usedBy: ['Super Mario World hacks (ExGFX: Lunar Magic)', 'Pokemon Gold/Silver/Crystal (Game Boy Color)', 'Lunar Compress', 'sfc-comp (pokemon_gold_comp)'],
  version: 'lc-lz3-1',
  lz3: true,
  decode: decodeLz3,
  encode: encodeLz3,
});
