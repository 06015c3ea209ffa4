/**
 * nesdoug's RLE (M1TE, SPEZ, R8C.py; unpacked by his unrle routine): literal, run and rising-run
 * commands, ending in F0, or FF for data stored planar (even bytes, then odd ones). Decoder as
 * unrle; encoder parses as the tools do (byte for byte the same as M1TE's own files).
 */
import { loopCodec } from '../loop-codec';
import { RLE_MAX_OUTPUT, rleLoop, rleResult } from './decode';
import { encode, RLE_LEVELS, sameAsTools } from './encode';

export const nesdougRleCodec = loopCodec({
  id: 'nesdoug-rle',
  name: 'nesdoug RLE (M1TE / SPEZ)',
  usedBy: ["SNES homebrew made with nesdoug's M1TE map editor, SPEZ sprite editor or R8C.py (his SNES tutorials' unrle)"],
  version: 'nesdoug-rle-1',
  maxOutput: RLE_MAX_OUTPUT,
  levels: RLE_LEVELS,
  loop: rleLoop,
  result: rleResult,
  encode,
  rules: { marker: 'end byte F0 or FF', check: sameAsTools },
});
