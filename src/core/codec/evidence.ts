/**
 * Evidence for streams that carry no magic number (LZSA1, LZSA2, ZX0, nesdoug RLE): how unlikely it
 * is that bytes which are not such a stream would pass every check the strict decoder made. Each
 * check a command passes is worth -log2(P), P being the chance that random bytes in its place
 * would pass it (an offset that had to land within the output written so far, a length written in
 * its shortest form, the exact end marker...); the bits add up over the stream. A stream is
 * 'strong' at STRONG_BITS, the evidence of an LZ4 frame's magic number and header checksum (32 +
 * 8 bits): below that, even a perfect stream is too short or too unconstrained to tell from chance.
 *
 * The strict decode loops record the bits as they go (in `LoopResult`), so the judge that follows
 * a decode reads them back instead of parsing the stream again; a judge called on its own decodes
 * once more.
 */
import { decodeLimits } from './limits';
import type { CodecDecodeOptions, CodecProbe, CodecStatus } from './types';

export const STRONG_BITS = 40;

/** What a decode loop reports besides its return value (one decode at a time per thread). */
export class LoopResult {
  /** On failure: why and where. */
  reason = '';
  offset = 0;
  /** On success: bytes of input the stream occupies. */
  consumed = 0;
  /** Strict decodes only: evidence bits, commands, and commands that repeat data (copies, runs). */
  bits = 0;
  commands = 0;
  copies = 0;
  /** Which decode the fields belong to. */
  src: Uint8Array | null = null;
  start = -1;
  strict = false;

  begin(src: Uint8Array, start: number, strict: boolean): void {
    this.src = src;
    this.start = start;
    this.strict = strict;
    this.bits = 0;
    this.commands = 0;
    this.copies = 0;
    this.consumed = 0;
  }

  fail(reason: string, offset: number): number {
    this.reason = reason;
    this.offset = offset;
    return -1;
  }
}

/** -log2 of a probability (the bits a passed check is worth); 0 for p >= 1. */
export function bitsOf(p: number): number {
  return p >= 1 ? 0 : p <= 0 ? 64 : -Math.log2(p);
}

/** A decode loop in the shape every codec here has: returns the size or -1, filling `r`. */
export type DecodeLoop = (src: Uint8Array, start: number, out: Uint8Array, max: number, end: number, strict: boolean) => number;

/** `decodeInto` over a loop: the argument checks, then the loop's answer as a CodecStatus. */
export function runLoop(
  loop: DecodeLoop,
  r: LoopResult,
  src: Uint8Array,
  start: number,
  out: Uint8Array,
  opts: CodecDecodeOptions | undefined,
  defaultMax: number,
): CodecStatus {
  const { max, end } = decodeLimits(src, start, out, opts, defaultMax);
  const size = loop(src, start, out, max, end, opts?.strict === true);
  return size >= 0 ? { ok: true, size, consumed: r.consumed } : { ok: false, reason: r.reason, offset: r.offset };
}

/**
 * Output bytes the candidate test decodes before it calls an offset worth a full decode: a short
 * prefix at every offset, and for the few that hold it, a longer one (most data that is not a
 * stream fails within the first commands; what survives them, such as ZX0's nearly redundancy-free
 * bits, would otherwise be decoded to the output limit).
 */
export const CANDIDATE_PREFIX = 64;
export const CANDIDATE_SECOND = 1024;

/** What a codec adds to the generic judge. */
export interface JudgeRules {
  /** The end marker's description, for the reasons. */
  marker: string;
  /**
   * A further test of a stream that passed: null when it holds, else why the stream is not what
   * the codec's encoders write (it is then 'weak').
   */
  check?(src: Uint8Array, offset: number, consumed: number, decoded: Uint8Array): string | null;
}

/**
 * A probe from a strict decode loop: the candidate test decodes the first CANDIDATE_PREFIX bytes
 * strictly (into a small buffer of its own: no allocation per offset) and passes offsets whose
 * prefix holds or only runs out of room; the judge weighs the recorded evidence.
 */
export function loopProbe(loop: DecodeLoop, r: LoopResult, maxOutput: number, rules: JudgeRules): CodecProbe {
  const prefix = new Uint8Array(CANDIDATE_SECOND);
  let full: Uint8Array | null = null;
  return {
    candidate(src, offset, max) {
      if (loop(src, offset, prefix, Math.min(CANDIDATE_PREFIX, max), src.length, true) >= 0) return true;
      if (r.reason !== 'overflow') return false;
      if (max <= CANDIDATE_PREFIX) return true;
      return loop(src, offset, prefix, Math.min(CANDIDATE_SECOND, max), src.length, true) >= 0 || r.reason === 'overflow';
    },
    judge(src, offset, consumed, decoded) {
      if (r.src !== src || r.start !== offset || r.consumed !== consumed || !r.strict) {
        full ??= new Uint8Array(maxOutput);
        if (loop(src, offset, full, maxOutput, src.length, true) < 0) return { confidence: 'weak', reasons: [`not a strict stream here (${r.reason})`] };
        if (r.consumed !== consumed) return { confidence: 'weak', reasons: [`the strict stream here is ${r.consumed} bytes long, not ${consumed}`] };
      }
      const reasons = [
        rules.marker,
        `${r.commands} commands, ${r.copies} copies or runs, ${decoded.length} bytes decoded`,
        `${Math.round(r.bits)} bits of evidence`,
      ];
      let strong = true;
      if (r.copies === 0) {
        reasons.push('no copies or runs: nothing an encoder would call compressed');
        strong = false;
      }
      if (r.bits < STRONG_BITS) {
        reasons.push(`under ${STRONG_BITS} bits: too little structure to tell from chance`);
        strong = false;
      }
      const bad = strong && rules.check ? rules.check(src, offset, consumed, decoded) : null;
      if (bad) {
        reasons.push(bad);
        strong = false;
      }
      return { confidence: strong ? 'strong' : 'weak', reasons };
    },
  };
}
