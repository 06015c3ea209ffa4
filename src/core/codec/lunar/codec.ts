/**
 * A Lunar-family codec (LC_LZ2, LC_LZ3) from its decode loop and encoder: the shared limits
 * (64 KiB, one 'optimal' level), argument checks, and the scanner's probe (candidate.ts,
 * judge.ts) in the codec's dialect.
 */
import { decodeVia, type Codec, type CodecDecodeOptions, type CodecStatus } from '../types';
import { checkEncode, checkSize } from '../shared/encode-checks';
import { lunarCandidate } from './candidate';
import { LUNAR_MAX_OUTPUT, type LunarLimits } from './format';
import { decodeLimits } from '../shared/limits';
import { lunarJudge } from './judge';

export interface LunarCodecSpec {
  id: string;
  name: string;
  usedBy: readonly string[];
  version: string;
  /** LC_LZ3's command set and source forms (else LC_LZ2's). */
  lz3: boolean;
  decode(src: Uint8Array, start: number, out: Uint8Array, lim: LunarLimits): CodecStatus;
  encode(data: Uint8Array): Uint8Array;
}

const LEVELS = ['optimal'] as const;

export function lunarCodec(spec: LunarCodecSpec): Codec {
  const { id, lz3 } = spec;
  const decodeInto = (src: Uint8Array, start: number, out: Uint8Array, opts?: CodecDecodeOptions) =>
    spec.decode(src, start, out, decodeLimits(src, start, out, opts, LUNAR_MAX_OUTPUT, LUNAR_MAX_OUTPUT));
  return {
    id,
    name: spec.name,
    usedBy: spec.usedBy,
    version: spec.version,
    maxOutput: LUNAR_MAX_OUTPUT,
    selfDelimiting: true,
    levels: LEVELS,
    defaultLevel: 'optimal',
    decodeInto,
    decode: decodeVia({ id, maxOutput: LUNAR_MAX_OUTPUT, decodeInto }),
    encode(data, opts) {
      const level = checkEncode({ id, levels: LEVELS, maxInput: LUNAR_MAX_OUTPUT }, data, opts);
      return checkSize(id, spec.encode(data), opts, level);
    },
    probe: {
      candidate: (src, offset, maxOutput) => lunarCandidate(src, offset, maxOutput, lz3),
      judge: (src, offset, consumed, decoded) => lunarJudge(src, offset, consumed, decoded, lz3),
    },
  };
}
