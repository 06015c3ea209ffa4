/** GBA BIOS LZ77 (type 0x10) as a Codec: decode.ts, encode.ts (optimal, greedy) and the probe (candidate.ts, judge.ts). */
import { decodeVia, type Codec, type CodecDecodeOptions } from '../types';
import { checkEncode, checkSize } from '../shared/encode-checks';
import { decodeLimits } from '../shared/limits';
import { gbaCandidate } from './candidate';
import { decodeGba } from './decode';
import { encodeGba } from './encode';
import { GBA_DEFAULT_OUTPUT, GBA_SIZE_LIMIT } from './format';
import { gbaJudge } from './judge';

const ID = 'gba-lz77';
const LEVELS = ['optimal', 'greedy'] as const;

function decodeInto(src: Uint8Array, start: number, out: Uint8Array, opts?: CodecDecodeOptions) {
  const lim = decodeLimits(src, start, out, opts, GBA_DEFAULT_OUTPUT, GBA_SIZE_LIMIT);
  return decodeGba(src, start, out, lim.max, lim.end, lim.strict);
}

export const gbaLz77: Codec = {
  id: ID,
  name: 'GBA BIOS LZ77 (type 0x10)',
  usedBy: ['PVSnesLib (gfx4snes -z, LzssDecodeVram)', 'SNES homebrew', 'Game Boy Advance BIOS (LZ77UnCompWram/Vram)'],
  version: 'gba-lz77-1',
  maxOutput: GBA_DEFAULT_OUTPUT,
  selfDelimiting: true,
  levels: LEVELS,
  defaultLevel: 'optimal',
  decodeInto,
  decode: decodeVia({ id: ID, maxOutput: GBA_DEFAULT_OUTPUT, decodeInto }),
  encode(data, opts) {
    const level = checkEncode({ id: ID, levels: LEVELS, maxInput: GBA_SIZE_LIMIT }, data, opts) as (typeof LEVELS)[number];
    return checkSize(ID, encodeGba(data, level), opts, level);
  },
  probe: { candidate: gbaCandidate, judge: gbaJudge },
};
