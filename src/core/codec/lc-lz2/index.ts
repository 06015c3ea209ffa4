/** LC_LZ2 as a Codec: the decode loop (decode.ts), the optimal encoder (encode.ts), the Lunar family's probe. */
import { lunarCodec } from '../lunar/codec';
import { decodeLz2 } from './decode';
import { encodeLz2 } from './encode';

export const lcLz2 = lunarCodec({
  id: 'lc-lz2',
  name: 'LC_LZ2 (Lunar Compress)',
  usedBy: [
    'Super Mario World (GFX, ExGFX: Lunar Magic)',
    "Super Mario World 2: Yoshi's Island",
    'The Legend of Zelda: A Link to the Past',
    'Lunar Compress',
    'sfc-comp (zelda_comp_2)',
  ],
  version: 'lc-lz2-1',
  lz3: false,
  decode: decodeLz2,
  encode: encodeLz2,
});
