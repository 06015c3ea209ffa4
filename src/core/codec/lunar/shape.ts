/**
 * What a decoded LC_LZ2/LC_LZ3 stream is made of, for the judge (judge.ts): its commands, what
 * they write, and the places where it wastes bytes.
 *
 * Waste: a place where a strictly shorter encoding of the same output was one local change away,
 * so no encoder that minimises size (sfc-comp's optimal parses, ours) or takes the longest run or
 * match at each position (a greedy one) writes it; a parse started at a wrong offset reads data
 * as commands and trips them by chance. Counted, never where the change would only tie (a count
 * of 32 growing to 33 needs the long header; 1,024 cannot grow):
 * - a raw run holding 5 equal bytes (LC_LZ3: 4 zeros), 6 bytes of a two-byte pattern or (LC_LZ2)
 *   5 increasing bytes: a fill in its middle is shorter, whatever the headers around it cost;
 * - a fill or copy followed by a raw run whose first byte it would have written next;
 * - a raw run whose last byte the next fill or copy would have written had it started one earlier;
 * - a copy continuing the previous one from where it stopped (one copy is shorter).
 */
import { BITREV } from '../shared/bytes';
import { TERMINATOR } from './format';

/** Bytes inside a raw command that an earlier place repeats (a copy has two operand bytes). */
const RAW_REPEAT = 6;

export interface LunarShape {
  commands: number;
  /** Raw commands and the literal bytes they hold. */
  raws: number;
  literal: number;
  /** Raw commands of the largest count (1,024). */
  fullRaws: number;
  /** Copy commands and the output they write. */
  copies: number;
  copied: number;
  /** Output written by fills (and by copies that write what a fill does), and by the one writing the most. */
  filled: number;
  largestFill: number;
  /** Output of fills that are not solid (a byte or word other than 0x00/0xFF, or a ramp), and of the largest. */
  patterned: number;
  /** Fills (and copies acting as fills) that are not solid. */
  patternedFills: number;
  largestPatterned: number;
  waste: number;
  /** What the first waste was, for the verdict's reasons. */
  firstWaste: string;
}

interface Cmd {
  cmd: number;
  n: number;
  /** Output index where it starts. */
  o: number;
  /** Fill operands, or the copy source. */
  a: number;
  b: number;
}

function canGrow(n: number): boolean {
  return n !== 32 && n < 1024;
}

/** The byte fill or copy `c` would write at c.o + c.n had it one more count, or -1. */
function nextByte(out: Uint8Array, c: Cmd, lz3: boolean): number {
  const n = c.n;
  switch (c.cmd) {
    case 1:
      return c.a;
    case 2:
      return n & 1 ? c.b : c.a;
    case 3:
      return lz3 ? 0 : (c.a + n) & 0xff;
    case 4:
      return out[c.a + n]!;
    case 5:
      return BITREV[out[c.a + n]!]!;
    default: // 6: backwards
      return c.a - n >= 0 ? out[c.a - n]! : -1;
  }
}

/** The byte fill or copy `c` would write at c.o - 1 had it started one earlier, or -1. */
function previousByte(out: Uint8Array, c: Cmd, lz3: boolean): number {
  switch (c.cmd) {
    case 1:
      return c.a;
    case 2:
      return c.b;
    case 3:
      return lz3 ? 0 : (c.a + 255) & 0xff;
    case 4:
      return c.a >= 1 ? out[c.a - 1]! : -1;
    case 5:
      return c.a >= 1 ? BITREV[out[c.a - 1]!]! : -1;
    default:
      // 6, backwards: it would read from a + 1 first, which must be written before its new start c.o - 1
      return c.a + 1 < c.o - 1 ? out[c.a + 1]! : -1;
  }
}

/**
 * Whether a run of `len` bytes ending at index k of a raw command of n bytes is one a fill with
 * `op` operand bytes writes in fewer bytes: the whole command when len > op (the fill's header
 * replaces the raw one), its start or end from op + 2 bytes (the raw command keeps its header, the
 * fill's costs op + 1 at most), its middle from op + 4 (the raw command splits in two: one header
 * more, each of up to 2 bytes).
 */
function runWastes(len: number, k: number, n: number, op: number): boolean {
  if (len === n) return len > op;
  return len >= op + 4 || ((len === k + 1 || k === n - 1) && len >= op + 2);
}

/** Whether the raw command out[o, o+n) holds a run some fill writes in fewer bytes (see runWastes). */
function rawHasRun(out: Uint8Array, o: number, n: number, lz3: boolean): boolean {
  let same = 0;
  let pair = 0;
  let inc = 0;
  for (let k = 0; k < n; k++) {
    const x = out[o + k]!;
    const p = out[o + k - 1]!;
    same = k > 0 && x === p ? same + 1 : 1;
    pair = k > 1 && x === out[o + k - 2] ? pair + 1 : Math.min(k + 1, 2);
    inc = k > 0 && x === ((p + 1) & 0xff) ? inc + 1 : 1;
    // LC_LZ3's zero fill has no operand; a byte fill has one, a word fill two, LC_LZ2's ramp one
    if (runWastes(same, k, n, lz3 && x === 0 ? 0 : 1)) return true;
    if (pair > same && runWastes(pair, k, n, 2)) return true;
    if (!lz3 && runWastes(inc, k, n, 1)) return true;
  }
  return false;
}

/** What a copy wrote, when a fill writes the same: 1 = one byte repeated, 2 = a ramp (v, v+1, ...), else 0. */
function fillLike(out: Uint8Array, o: number, n: number): number {
  const v = out[o]!;
  let same = true;
  let ramp = true;
  for (let k = 1; k < n && (same || ramp); k++) {
    const x = out[o + k]!;
    if (x !== v) same = false;
    if (x !== ((v + k) & 0xff)) ramp = false;
  }
  return same ? 1 : ramp ? 2 : 0;
}

const HASH_BITS = 15;
/** Chain steps per query: past them a repeat counts as not found (lenient, never a false mark). */
const MAX_CHAIN = 64;

/**
 * Whether the RAW_REPEAT bytes at an output position also start at an earlier one a copy reaches
 * (LC_LZ2: any; LC_LZ3: an address below 0x8000 or at most 128 bytes back): hash chains over the
 * positions before the query, filled as queries move forward. The tables are reused between
 * calls (everything here is synchronous), stamped with a generation instead of cleared.
 */
class RepeatIndex {
  private static head = new Int32Array(1 << HASH_BITS);
  private static stamp = new Uint32Array(1 << HASH_BITS);
  private static prev = new Int32Array(0x10000);
  private static generation = 0;
  private inserted = 0;
  private readonly gen: number;

  constructor(
    private readonly out: Uint8Array,
    private readonly lz3: boolean,
  ) {
    this.gen = ++RepeatIndex.generation;
    if (RepeatIndex.prev.length < out.length) RepeatIndex.prev = new Int32Array(out.length);
  }

  private hash(q: number): number {
    const out = this.out;
    const a = (out[q]! | (out[q + 1]! << 8) | (out[q + 2]! << 16)) ^ Math.imul(out[q + 3]! | (out[q + 4]! << 8) | (out[q + 5]! << 16), 0x9e3779b1);
    return Math.imul(a, 0x85ebca6b) >>> (32 - HASH_BITS);
  }

  /** Whether out[q, q + RAW_REPEAT) starts earlier too, where a copy reaches (q + RAW_REPEAT <= size). */
  repeated(q: number): boolean {
    const { head, stamp, prev } = RepeatIndex;
    const out = this.out;
    for (; this.inserted < q; this.inserted++) {
      const p = this.inserted;
      if (p + RAW_REPEAT > out.length) break;
      const h = this.hash(p);
      prev[p] = stamp[h] === this.gen ? head[h]! : -1;
      head[h] = p;
      stamp[h] = this.gen;
    }
    const h = this.hash(q);
    let p = stamp[h] === this.gen ? head[h]! : -1;
    for (let steps = 0; p >= 0 && steps < MAX_CHAIN; steps++, p = prev[p]!) {
      if (this.lz3 && p >= 0x8000 && q - p > 128) continue;
      let k = 0;
      while (k < RAW_REPEAT && out[p + k] === out[q + k]) k++;
      if (k === RAW_REPEAT) return true;
    }
    return false;
  }
}

/** 0x00 and 0xFF fill whole planes: what empty and one-colour tiles compress to. */
function solid(v: number): boolean {
  return v === 0 || v === 0xff;
}

function addFill(s: LunarShape, n: number, isSolid: boolean): void {
  s.filled += n;
  if (n > s.largestFill) s.largestFill = n;
  if (isSolid) return;
  s.patterned += n;
  s.patternedFills++;
  if (n > s.largestPatterned) s.largestPatterned = n;
}

/** Whether `cur` continues copy `prev` from where it stopped, together within one command. */
function continues(prev: Cmd, cur: Cmd): boolean {
  if (prev.cmd !== cur.cmd || prev.cmd < 4 || prev.n + cur.n > 1024) return false;
  return prev.cmd === 6 ? cur.a === prev.a - prev.n : cur.a === prev.a + prev.n;
}

/**
 * The shape of the stream at src[start, end) (decoded without error: `out` is exactly its output).
 * `lz3` picks LC_LZ3's command set and source form.
 */
export function lunarShape(src: Uint8Array, start: number, end: number, out: Uint8Array, lz3: boolean): LunarShape {
  let repeats: RepeatIndex | undefined;
  const s: LunarShape = {
    commands: 0,
    raws: 0,
    literal: 0,
    fullRaws: 0,
    copies: 0,
    copied: 0,
    filled: 0,
    largestFill: 0,
    patterned: 0,
    patternedFills: 0,
    largestPatterned: 0,
    waste: 0,
    firstWaste: '',
  };
  const mark = (what: string) => {
    if (s.waste++ === 0) s.firstWaste = what;
  };
  let ip = start;
  let o = 0;
  let prev: Cmd | null = null;
  // two records, reused in turn: the command and the one before it
  const records: Cmd[] = [
    { cmd: 0, n: 0, o: 0, a: 0, b: 0 },
    { cmd: 0, n: 0, o: 0, a: 0, b: 0 },
  ];
  while (ip < end) {
    const h = src[ip++]!;
    if (h === TERMINATOR) break;
    const long = h >> 5 === 7;
    const cmd = long ? (h >> 2) & 7 : h >> 5;
    const n = long ? (((h & 3) << 8) | src[ip++]!) + 1 : (h & 0x1f) + 1;
    const c = records[s.commands & 1]!;
    c.cmd = cmd;
    c.n = n;
    c.o = o;
    c.a = 0;
    c.b = 0;
    s.commands++;
    if (cmd === 0) {
      s.raws++;
      s.literal += n;
      if (n === 1024) s.fullRaws++;
      ip += n;
      if (rawHasRun(out, o, n, lz3)) mark('a raw run holds a run a fill writes shorter');
      if (n >= RAW_REPEAT && s.waste === 0) {
        // (searched only until a first waste: the most expensive mark, and one is enough)
        repeats ??= new RepeatIndex(out, lz3);
        for (let q = o; q + RAW_REPEAT <= o + n; q++) {
          if (repeats.repeated(q)) {
            mark('a raw run holds bytes a copy writes shorter');
            break;
          }
        }
      }
      if (prev && prev.cmd !== 0 && canGrow(prev.n) && nextByte(out, prev, lz3) === out[o]) mark('a command stops one byte short of the raw byte after it');
    } else {
      if (cmd >= 4) {
        s.copies++;
        s.copied += n;
        let near = false;
        if (!lz3) {
          c.a = (src[ip]! << 8) | src[ip + 1]!;
          ip += 2;
        } else {
          const x = src[ip++]!;
          near = (x & 0x80) !== 0;
          c.a = near ? o - (x & 0x7f) - 1 : (x << 8) | src[ip++]!;
        }
        if (prev && continues(prev, c)) mark('a copy continues the one before');
        // A copy of one byte or a ramp is a fill in disguise: counted as one, and waste where a fill
        // is shorter (a byte fill has one operand byte, a LC_LZ2 copy two; LC_LZ3's zero fill none,
        // its near copy one, so a near copy of one non-zero byte only ties).
        const like = fillLike(out, o, n);
        if (like === 1 && (!lz3 || out[o] === 0 || !near)) mark('a copy writes what a fill writes shorter');
        if (like === 2 && !lz3) mark('a copy writes what a fill writes shorter');
        if (like) addFill(s, n, like === 1 && solid(out[o]!));
      } else {
        if (!(lz3 && cmd === 3)) c.a = src[ip++]!;
        if (cmd === 2) c.b = src[ip++]!;
        addFill(s, n, (cmd === 1 && solid(c.a)) || (cmd === 3 && lz3) || (cmd === 2 && solid(c.a) && solid(c.b)));
      }
      if (prev && prev.cmd === 0 && canGrow(n) && previousByte(out, c, lz3) === out[o - 1]) mark('a command could start one raw byte earlier');
    }
    o += n;
    prev = c;
  }
  return s;
}
