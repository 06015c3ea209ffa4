/**
 * HAL Laboratory's format (Kirby Super Star, EarthBound; Lunar Compress's LC_LZ19) as a Codec: a
 * wrapper over src/core/hal, which stays where it is, so output is byte-identical to it (inhal -1
 * and -2 as 'fast' and 'greedy', the optimal parse as the default). No probe yet: the scanner's
 * HAL candidate and evidence (src/core/scan/candidates.ts, evidence.ts) move behind it when the
 * scanner is put on the registry.
 */
import { decodeInto as halDecodeInto, encode as halEncode, HAL_CODEC_VERSION, HAL_LEVELS, HAL_MAX_OUTPUT, HalEncodeError, type HalLevel } from '../../hal';
import { CodecEncodeError, decodeVia, type Codec, type CodecDecodeOptions } from '../types';
import { decodeLimits } from '../shared/limits';

const ID = 'hal';

function decodeInto(src: Uint8Array, start: number, out: Uint8Array, opts?: CodecDecodeOptions) {
  const lim = decodeLimits(src, start, out, opts, HAL_MAX_OUTPUT, HAL_MAX_OUTPUT);
  // The HAL loop reads to the array's end: a shorter `length` becomes a shorter view (offsets unchanged).
  const view = lim.end < src.length ? src.subarray(0, lim.end) : src;
  return halDecodeInto(view, start, out, { maxOutput: lim.max, strict: lim.strict });
}

export const halCodec: Codec = {
  id: ID,
  name: 'HAL Laboratory (LC_LZ19)',
  usedBy: ['Kirby Super Star', 'EarthBound', "Kirby's Dream Land 3", 'HAL Laboratory games', 'exhal / inhal', 'sfc-comp (hal_comp)'],
  version: HAL_CODEC_VERSION,
  maxOutput: HAL_MAX_OUTPUT,
  selfDelimiting: true,
  levels: HAL_LEVELS,
  defaultLevel: 'optimal',
  decodeInto,
  decode: decodeVia({ id: ID, maxOutput: HAL_MAX_OUTPUT, decodeInto }),
  encode(data, opts) {
    try {
      return halEncode(data, { level: opts?.level as HalLevel | undefined, maxSize: opts?.maxSize });
    } catch (e) {
      if (e instanceof HalEncodeError) throw new CodecEncodeError(ID, e.message);
      throw e;
    }
  },
};
