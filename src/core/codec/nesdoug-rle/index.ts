/**
 * nesdoug's RLE (M1TE, SPEZ, R8C.py; unpacked by his unrle routine): literal, run and rising-run
 * commands, ending in F0, or FF for data stored planar (even bytes, then odd ones). Decoder as
 * unrle; encoder parses as the tools do.
 */
import { loopProbe } from '../evidence';
import type { Codec } from '../types';
import { decodeVia } from '../types';
import { decodeInto, RLE_MAX_OUTPUT, rleLoop, rleResult } from './decode';
import { encode, RLE_LEVELS, sameAsTools } from './encode';

export const nesdougRleCodec: Codec = {
  id: 'nesdoug-rle',
  name: 'nesdoug RLE (M1TE / SPEZ)',
  usedBy: ["SNES homebrew made with nesdoug's M1TE map editor, SPEZ sprite editor or R8C.py (his SNES tutorials' unrle)"],
  version: 'nesdoug-rle-1',
  maxOutput: RLE_MAX_OUTPUT,
  selfDelimiting: true,
  levels: RLE_LEVELS,
  defaultLevel: 'greedy',
  decodeInto,
  decode: decodeVia({ id: 'nesdoug-rle', maxOutput: RLE_MAX_OUTPUT, decodeInto }),
  encode,
  probe: loopProbe(rleLoop, rleResult, RLE_MAX_OUTPUT, { marker: 'end byte F0 or FF', check: sameAsTools }),
};
