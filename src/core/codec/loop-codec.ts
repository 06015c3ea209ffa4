/**
 * A Codec from a strict-capable decode loop (the LZSA, ZX0 and RLE folders): `decodeInto` and
 * `decode` around the loop, and the probe that weighs the evidence it records. A folder then holds
 * its loop, its encoder and what it tells users.
 */
import { loopProbe, runLoop, type DecodeLoop, type JudgeRules, type LoopResult } from './evidence';
import { decodeVia, type Codec, type CodecDecodeOptions, type CodecEncodeOptions } from './types';

export interface LoopCodecSpec {
  id: string;
  name: string;
  usedBy: readonly string[];
  version: string;
  maxOutput: number;
  levels: readonly string[];
  loop: DecodeLoop;
  result: LoopResult;
  encode(data: Uint8Array, opts?: CodecEncodeOptions): Uint8Array;
  rules: JudgeRules;
}

export function loopCodec(spec: LoopCodecSpec): Codec {
  const { id, maxOutput, loop, result } = spec;
  const decodeInto = (src: Uint8Array, start: number, out: Uint8Array, opts?: CodecDecodeOptions) => runLoop(loop, result, src, start, out, opts, maxOutput);
  return {
    id,
    name: spec.name,
    usedBy: spec.usedBy,
    version: spec.version,
    maxOutput,
    selfDelimiting: true,
    levels: spec.levels,
    ...(spec.levels.length ? { defaultLevel: spec.levels[0]! } : {}),
    decodeInto,
    decode: decodeVia({ id, maxOutput, decodeInto }),
    encode: spec.encode,
    probe: loopProbe(loop, result, maxOutput, spec.rules),
  };
}
