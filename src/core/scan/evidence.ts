/**
 * How sure the scanner is that a HAL candidate is a real block, from evidence about how the stream
 * is built rather than from how tile-like its output looks (the tile score alone cannot tell the
 * false blocks of real ROMs from real sheets: both have a median score near 0.64).
 *
 * A stream starting at a random place in code or data parses only by chance, and chance runs out
 * quickly: every command header has to be well-formed, every copy has to read output already
 * written, and the stream has to end on a terminator at the right place. So the evidence grows
 * with the number of commands, and a stream of a handful of commands (17-60 bytes that "decode"
 * to 16-30 tiles of stripes) is too little to tell. Beyond that, a real encoder's stream of real
 * graphics leaves marks, each measured on the homebrew ROMs' false hits against reference-encoder
 * streams of the HAL corpus hidden in the same ROMs:
 * - it does not waste bytes: no place where a strictly shorter encoding was one local change away
 *   (waste.ts; 0 in every reference stream, 1-24 in a third of the false hits);
 * - no single patterned fill writes half the block (a 721-byte increasing fill, a 600-byte word
 *   fill: tables and padding, not tiles; a copy may: a mirrored frame repeats half a sheet);
 * - graphics are literals, copies and solid fills (0x00/0xFF bytes: empty or one-colour rows);
 *   patterned fills (ramps, stripes of another byte or word) write under a third of a reference
 *   stream's output (99th percentile 26 %) but most of what tables, samples and stripes decode to.
 * A candidate with any mark against it is `weak`; the rest are `strong`. A pointer table naming
 * its start (pointer-tables.ts) makes it `pointer`. Each verdict carries its reasons as short
 * phrases for the CLI and the detail view.
 *
 * Measured and not kept (they flipped no verdict once the marks above were in, and cost most of
 * the scan's time): re-encoding the output with greedy and comparing sizes (false hits with few
 * commands are already optimal, so it only caught what the marks catch), and searching the ROM
 * for the output's tiles stored uncompressed.
 *
 * Small sparse sheets (issue 12 item 3): a 16-tile sheet half of whose tiles are blank takes 3-16
 * commands at 2bpp. A stream under MIN_COMMANDS is not marked for its length when its output is
 * a sparse sheet (sparse-sheets.ts: a quarter or more of its 16-byte units blank and a quarter
 * distinct non-blank ones, patterned fills at most half of the rest, not nearly all literal, at
 * most 16:1) and it starts where a game stores a block (boundary.ts: after filler or another
 * stream's terminator). Measured, with the rules tuned on hidden-sheet seeds 0 and 1:
 * - the output rule on short streams of 16-tile corpus sheets: half blank, 62 of 62 pass (63 of
 *   63 in a second cut); a quarter blank, 14 of 14; three quarters blank, 223 of 250 (the rest
 *   repeat tiles, or are mostly patterned fills);
 * - short candidates with no other mark in ROMs without HAL data (the 14 homebrew ROMs; four
 *   generated 4 MiB ROMs outside their blocks; 16 MiB of random bytes): 56 at 16 tiles, 90 at 8;
 *   two write blank units (a raw command of host bytes, 99 % literal; a ramp table between zero
 *   fills) and neither passes. Homebrew hits promoted from weak: 0 of 74 (0 of 97 at 8 tiles).
 * - random bytes with 10-75 % of them 0x00/0xFF (4 x 2 MiB at each share): the output rule alone
 *   (blank units, patterned fills, literals) reported 109 blocks there, not 8 (one long zero fill
 *   beside a few units); with the distinct share, 19; with the boundary as well, 9 (one at 30:1);
 *   with the ratio, 8: none promoted.
 *   Reported there: 3 / 4 / 1 / 0 at 10 / 25 / 50 / 75 %, as before this rule.
 * - half-blank 16-tile sheets hidden in the homebrew ROMs (24 per ROM: in filler back to back,
 *   with gaps, and over code), found at their exact start and size at the default confidence,
 *   held-out seeds 5000 / 7000 / 9000: 94.4 / 96.1 / 97.6 % (before: 86.9 / 91.3 / 91.7 %); in
 *   filler 222-224 of 224, of them the short ones 20 of 21, 12 of 12, 13 of 14 (before: none).
 *   Over code a short one stays weak (only its output speaks for it), and a start inside a sheet
 *   can still out-score the true one (dedupe.ts: nothing but code precedes the true start).
 * Measured and not kept: the output's size as a whole sheet row (0x100/0x200: the generated sheets
 * are such by construction, so it cannot be measured honestly here); copies at tile-row distances
 * (0-4 copies in a short stream: too few to tell); what follows a stream (a chance parse that runs
 * into 0xFF filler ends on its first byte, so filler after it is what chance gives); at least one
 * literal byte per distinct unit (rejected 3 of 20 short sheets made by code, all fills and copies);
 * the sparse output without the boundary (+4-7 short sheets over code per seed, but 11 promotions
 * in the 0x00/0xFF-rich random bytes); letting the boundary overrule the stray-fills prefix rule (+1
 * of 670 sheets, but a routine right after filler that runs into a block would win); a score margin
 * before a later start wins (lost 5 of 504 generated blocks).
 */
import type { Confidence } from './types';
import { sparseSheet } from './sparse-sheets';
import { countWaste } from './waste';

/** Fewer commands than this carry too little evidence (a few headers parse by chance). */
export const MIN_COMMANDS = 12;
/** No single patterned fill of a real sheet writes more than this share of its output. */
export const MAX_FILL_SHARE = 0.5;
/** Patterned fills (ramps, stripes) write at most this share of a real sheet (measured: under a third). */
export const MAX_PATTERNED_SHARE = 0.6;
export interface StreamShape {
  commands: number;
  /** Input bytes the commands read (headers, operands, literals). */
  bytes: number;
  /** Output bytes the commands write. */
  output: number;
  /** Literal bytes the raw commands read (input bytes that are not headers or operands). */
  literal: number;
  /** Output bytes of the patterned fill that writes the most (copies may repeat half a sheet: mirrored frames). */
  largest: number;
  /**
   * Output bytes written by patterned fills: increasing fills, and byte or word fills of values
   * other than 0x00/0xFF. Solid fills (bytes 0x00/0xFF: one colour across a plane) are what
   * empty and single-colour tiles compress to; patterned ones write stripes, ramps and tables.
   */
  patterned: number;
}

function solid(v: number): boolean {
  return v === 0 || v === 0xff;
}

/**
 * Commands of the (already decoded) stream at `src[start]`, and what its patterned fills write;
 * with `stop`, only the commands that start before input offset `stop`.
 */
export function streamShape(src: Uint8Array, start: number, stop = Infinity): StreamShape {
  let ip = start;
  let commands = 0;
  let output = 0;
  let literal = 0;
  let largest = 0;
  let patterned = 0;
  for (;;) {
    if (ip >= stop) return { commands, bytes: ip - start, output, literal, largest, patterned };
    const h = src[ip++]!;
    if (h === 0xff || ip > src.length) return { commands, bytes: ip - start, output, literal, largest, patterned };
    const long = (h & 0xe0) === 0xe0;
    const cmd = long ? (h >> 2) & 7 : h >> 5;
    const n = long ? (((h & 3) << 8) | src[ip++]!) + 1 : (h & 0x1f) + 1;
    const solidFill = (cmd === 1 && solid(src[ip]!)) || (cmd === 2 && solid(src[ip]!) && solid(src[ip + 1]!));
    const len = cmd === 2 ? 2 * n : n;
    if (cmd >= 1 && cmd <= 3 && !solidFill) patterned += len;
    ip += cmd === 0 ? n : cmd === 1 || cmd === 3 ? 1 : 2;
    commands++;
    output += len;
    if (cmd === 0) literal += n;
    if (cmd >= 1 && cmd <= 3 && !solidFill && len > largest) largest = len;
  }
}

/** A prefix writing less than a 4bpp tile is too short to judge by what its fills write. */
const MIN_PREFIX_OUTPUT = 32;
/** Commands a prefix needs before its structure, not the output's score, decides (chance makes one to three). */
export const PREFIX_COMMANDS = 4;
/**
 * A prefix reading more than this share of its bytes as literals has too few headers for its
 * length to be structure (code and random data read as long raw commands; the openings of
 * reference streams read at most 89 % literals, measured).
 */
export const MAX_PREFIX_LITERALS = 0.95;

/**
 * Whether the commands in front of a later start (`prefix`) carry enough structure to decide by
 * themselves that the earlier start is the true one: PREFIX_COMMANDS or more, not nearly all
 * literal bytes (then the score of the output decides).
 */
export function structuredPrefix(prefix: StreamShape): boolean {
  return prefix.commands >= PREFIX_COMMANDS && prefix.literal <= MAX_PREFIX_LITERALS * prefix.bytes;
}

/**
 * Whether the commands in front of a later candidate start (`prefix`: streamShape up to it) are
 * stray bytes rather than a block's own opening: their output is mostly patterned fills (over
 * MAX_PATTERNED_SHARE, the share that marks a whole stream as a table), once it is a tile or more.
 * Code and tables in front of a block parse as runs of byte and word fills of arbitrary values
 * (0x20-0x7F are fill headers); an encoder opens a sheet with literals and solid fills (its blank
 * or outlined first rows).
 */
export function strayFills(prefix: StreamShape): boolean {
  return prefix.output >= MIN_PREFIX_OUTPUT && prefix.patterned > MAX_PATTERNED_SHARE * prefix.output;
}

export interface Verdict {
  confidence: Exclude<Confidence, 'pointer'>;
  reasons: string[];
}

function pct(x: number): string {
  return `${Math.round(100 * x)} %`;
}

/**
 * The verdict on the HAL stream at `data[start]` whose decoded output (`size` bytes) is in `out`;
 * `boundary`: whether the start is where a game stores a block (boundary.ts), which a short stream
 * needs besides a sparse sheet's output to be strong.
 */
export function judgeStream(data: Uint8Array, start: number, out: Uint8Array, size: number, boundary = false): Verdict {
  const reasons: string[] = [];
  const shape = streamShape(data, start);
  const sparse = shape.commands < MIN_COMMANDS ? sparseSheet(out, size, shape) : null;
  if (shape.commands < MIN_COMMANDS && !(sparse && boundary)) {
    reasons.push(`only ${shape.commands} command${shape.commands === 1 ? '' : 's'}${sparse ? ' (a sparse sheet, but not after filler or another block)' : ''}`);
  }
  if (shape.largest > MAX_FILL_SHARE * size) reasons.push(`one fill writes ${pct(shape.largest / size)}`);
  if (shape.patterned > MAX_PATTERNED_SHARE * size) reasons.push(`patterned fills write ${pct(shape.patterned / size)}`);
  const waste = countWaste(data, start, out, size);
  if (waste > 0) reasons.push(`${waste} wasteful command${waste === 1 ? '' : 's'}`);
  if (reasons.length) return { confidence: 'weak', reasons };
  const count = sparse
    ? `${shape.commands} commands, a sparse sheet (${pct(sparse.blank / sparse.units)} blank, ${sparse.distinct} distinct units) after filler or another block`
    : `${shape.commands} commands`;
  return {
    confidence: 'strong',
    reasons: [count, 'no wasteful command', `solid fills and copies (patterned fills ${pct(shape.patterned / size)})`],
  };
}
