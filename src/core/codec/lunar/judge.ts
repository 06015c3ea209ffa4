/**
 * How sure the scanner is that a decoded LC_LZ2/LC_LZ3 candidate is a stream an encoder wrote,
 * from how the stream is built (shape.ts), never from how its output looks:
 *
 * - no waste: no place where a strictly shorter encoding was one local change away (0 in every
 *   stream our optimal encoders write for the corpus, cut into blocks of 512 B to 64 KiB);
 * - it compresses (an encoder's stream of graphics is shorter than its output), or it is what
 *   every encoder writes for incompressible data: raw commands of the largest count (1,024), at
 *   least two, only the last one shorter;
 * - enough evidence: a parse started at a random offset passes every check above by chance for a
 *   few commands, and the odds fall with each one. Patterned fills do not count (code and tables
 *   parse as runs of them; see below). Measured on the 14 homebrew ROMs (4 MiB, no such data) and
 *   12 x 6 x 64 KiB of generated 16-bit tables, output >= 512 bytes: chance parses with no other
 *   mark reach 5 such commands (LC_LZ2) and 13 (LC_LZ3: its zero fill and near copies accept more
 *   bytes); MIN_COMMANDS is twice that for LC_LZ2 and 3 more for LC_LZ3. Reference-encoder blocks of
 *   512 bytes have 12 (LC_LZ2) / 18 (LC_LZ3) or more in 95 % of cases, of 1 KiB 27 / 37, of 2 KiB
 *   58 / 83: small blocks of mostly blank tiles are the ones left 'weak';
 * - fills write graphics, not tables: no single fill writes over half the output, and fills of
 *   a patterned value (a byte or word other than 0x00/0xFF, a ramp) write at most 60 % of it
 *   (reference blocks of 512 bytes: at most 55 %, 99th percentile 37 %); code and tables parse as
 *   runs of such fills.
 *
 * - no stride-2 structure in the stream's own bytes (16-bit tables: equal words, high bytes
 *   0x00/0xFF, slopes), which an encoder's output does not have (see the two shares below).
 *
 * Anything with a mark against it is 'weak', with the marks as its reasons.
 */
import { lunarShape } from './shape';

/** Commands (besides patterned fills) a stream needs to be strong: LC_LZ2, LC_LZ3 (see above). */
export const MIN_COMMANDS = { lz2: 10, lz3: 16 } as const;
export const MAX_FILL_SHARE = 0.5;
export const MAX_PATTERNED_SHARE = 0.6;
/**
 * Above this share of a stream's bytes equal to the byte two before, it is a table of 16-bit words
 * (high bytes 0x00/0xFF, one word repeated, slopes) rather than an encoder's output: streams our
 * encoders write for the corpus reach 27 % in blocks of 512 bytes (99th percentile 16 %).
 */
export const MAX_STRIDE2_SHARE = 1 / 3;

/** The share of src[start, end) equal to the byte two before. */
export function stride2Share(src: Uint8Array, start: number, end: number): number {
  let same = 0;
  for (let i = start + 2; i < end; i++) if (src[i] === src[i - 2]) same++;
  return end - start > 2 ? same / (end - start - 2) : 0;
}

/**
 * Above this share of a stream's bytes continuing an arithmetic progression at stride 2 (the byte
 * two before plus the same step as before it: equal words and slopes), it is a table: streams our
 * encoders write for the corpus reach 42 % in blocks of 512 bytes (99th percentile 16 %).
 */
export const MAX_SLOPE2_SHARE = 1 / 2;

/** The share of src[start, end) that continues the step from the bytes four and two before. */
export function slope2Share(src: Uint8Array, start: number, end: number): number {
  let same = 0;
  for (let i = start + 4; i < end; i++) if (((src[i]! - 2 * src[i - 2]! + src[i - 4]!) & 0xff) === 0) same++;
  return end - start > 4 ? same / (end - start - 4) : 0;
}

export interface LunarVerdict {
  confidence: 'strong' | 'weak';
  reasons: string[];
}

function pct(part: number, whole: number): string {
  return `${Math.round((100 * part) / whole)} %`;
}

export function lunarJudge(src: Uint8Array, offset: number, consumed: number, decoded: Uint8Array, lz3: boolean): LunarVerdict {
  const size = decoded.length;
  const s = lunarShape(src, offset, offset + consumed, decoded, lz3);
  const incompressible = s.raws === s.commands && s.fullRaws >= 2 && s.fullRaws >= s.commands - 1;
  const marks: string[] = [];
  if (s.waste > 0) marks.push(`${s.waste} wasteful command${s.waste === 1 ? '' : 's'} (${s.firstWaste})`);
  if (!incompressible) {
    if (consumed >= size) marks.push(`does not compress (${consumed} bytes for ${size})`);
    const evident = s.commands - s.patternedFills;
    if (evident < (lz3 ? MIN_COMMANDS.lz3 : MIN_COMMANDS.lz2)) marks.push(`only ${evident} commands besides patterned fills`);
  }
  if (s.largestFill > MAX_FILL_SHARE * size) marks.push(`one fill writes ${pct(s.largestFill, size)}`);
  if (s.patterned > MAX_PATTERNED_SHARE * size) marks.push(`patterned fills write ${pct(s.patterned, size)}`);
  const stride2 = stride2Share(src, offset, offset + consumed);
  if (stride2 > MAX_STRIDE2_SHARE) marks.push(`${pct(stride2, 1)} of its bytes repeat the byte two before (a table of 16-bit words)`);
  const slope2 = slope2Share(src, offset, offset + consumed);
  if (slope2 > MAX_SLOPE2_SHARE) marks.push(`${pct(slope2, 1)} of its bytes continue a slope at stride 2 (a table of 16-bit words)`);
  if (marks.length) return { confidence: 'weak', reasons: marks };
  return {
    confidence: 'strong',
    reasons: incompressible
      ? [`${s.fullRaws} raw commands of 1,024 bytes (incompressible data, as encoders store it)`, 'no wasteful command']
      : [`${s.commands} commands`, 'no wasteful command', `${consumed} bytes for ${size}`, `patterned fills ${pct(s.patterned, size)}`],
  };
}
