/**
 * How sure the scanner is that a decoded GBA LZ77 candidate is a stream an encoder wrote. Chance
 * rarely gets this far (the tag, a size within the limit, every match inside the output, unused
 * flag bits 0: 10 candidates in the 14 homebrew ROMs, 5 of them 512 bytes or more), so two marks
 * suffice, both structural:
 * - waste (shape.ts): a strictly shorter stream one local change away;
 * - no compression: gfx4snes refuses to write a stream longer than its input, and a parse of code
 *   or tables reads mostly literals at 9 bits a byte.
 * Matches from 1 byte back (not VRAM-safe) are noted, not held against a stream: other GBA
 * encoders write them, and the SNES decoders copy bytewise.
 */
import { gbaShape } from './shape';

export function gbaJudge(src: Uint8Array, offset: number, consumed: number, decoded: Uint8Array): { confidence: 'strong' | 'weak'; reasons: string[] } {
  const size = decoded.length;
  const s = gbaShape(src, offset, decoded, size);
  const marks: string[] = [];
  if (s.waste > 0) marks.push(`${s.waste} wasteful item${s.waste === 1 ? '' : 's'} (${s.firstWaste})`);
  if (consumed >= size) marks.push(`does not compress (${consumed} bytes for ${size})`);
  if (marks.length) return { confidence: 'weak', reasons: marks };
  const reasons = [`${s.items} items (${s.matches} matches)`, 'no wasteful item', `${consumed} bytes for ${size}`];
  if (s.nearest > 0) reasons.push(`${s.nearest} matches from 1 byte back (not VRAM-safe)`);
  return { confidence: 'strong', reasons };
}
