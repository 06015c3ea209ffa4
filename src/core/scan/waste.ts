/**
 * Whether a stream is what an encoder writes: counts the places where a strictly shorter
 * encoding of the same output was one local change away. Any encoder that minimises size (the
 * optimal parse) or takes the longest run or match at each position (inhal's greedy pass) leaves
 * none of these, while a parse that starts at the wrong offset (stray bytes before a block, or a
 * start inside one) reads literal bytes as commands and copies from shifted sources, and trips
 * them by chance. Used to pick a block's true start among candidates ending at one terminator.
 *
 * Counted (never where the change would only tie: a count of 32 growing to 33 needs the long
 * header, and a count of 1,024 cannot grow):
 * - a fill of one byte or one word (raw bytes cost no more);
 * - a raw command holding a run of 5 or more equal bytes (a fill in its middle is shorter);
 * - a fill or copy followed by raw bytes it could have produced one more of (forward extension);
 * - raw bytes followed by a fill or copy that could have produced the last of them (backward
 *   extension);
 * - two byte fills of one value in a row;
 * - two raw commands in a row, one of them long, that one raw command could hold (a header fewer);
 * - a copy from a source that matches less far than another source would (inhal and the optimal
 *   parse both copy from a source of the longest match, even when they use less of it; checked
 *   for the first copies only, as it costs a search of the output so far).
 */
import { BITREV } from '../hal/commands';

/** Copies whose source is checked per stream (each check searches the output written so far). */
const SOURCE_CHECKS = 48;
/** Matches are compared capped at this length (the longest count). */
const MAX_MATCH = 1024;

/** A run of equal bytes this long inside a raw command is never the shorter encoding. */
const RAW_RUN = 5;

interface Cmd {
  cmd: number;
  n: number;
  /** Output index where the command starts. */
  o: number;
  /** Operands: fill value(s) or copy source. */
  a: number;
  b: number;
}

function canGrow(n: number): boolean {
  return n !== 32 && n < 1024;
}

/** The byte command `c` would write at output index `c.o + c.n` if it ran one step longer, or -1. */
function nextByte(out: Uint8Array, c: Cmd, end: number): number {
  switch (c.cmd) {
    case 1:
      return c.a;
    case 3:
      return (c.a + c.n) & 0xff;
    case 4:
      return c.a + c.n < end ? out[c.a + c.n]! : -1;
    case 5:
      return c.a + c.n < end ? BITREV[out[c.a + c.n]!]! : -1;
    case 6:
      return c.a - c.n >= 0 ? out[c.a - c.n]! : -1;
    default:
      return -1;
  }
}

/** The byte command `c` would write at output index `c.o - 1` if it started one step earlier, or -1. */
function previousByte(out: Uint8Array, c: Cmd): number {
  switch (c.cmd) {
    case 1:
      return c.a;
    case 3:
      return (c.a + 255) & 0xff;
    case 4:
      return c.a >= 1 ? out[c.a - 1]! : -1;
    case 5:
      return c.a >= 1 ? BITREV[out[c.a - 1]!]! : -1;
    case 6:
      return c.a + 1 < c.o - 1 ? out[c.a + 1]! : -1;
    default:
      return -1;
  }
}

function rawHasRun(out: Uint8Array, o: number, n: number): boolean {
  let run = 1;
  for (let k = 1; k < n; k++) {
    run = out[o + k] === out[o + k - 1] ? run + 1 : 1;
    if (run >= RAW_RUN) return true;
  }
  return false;
}

/** How many bytes from `o` copy command `cmd` would reproduce from source `p` (at most `cap`). */
function matchLength(out: Uint8Array, cmd: number, p: number, o: number, cap: number): number {
  let k = 0;
  if (cmd === 6) {
    const lim = Math.min(cap, p + 1);
    while (k < lim && out[p - k] === out[o + k]) k++;
  } else if (cmd === 5) {
    while (k < cap && BITREV[out[p + k]!] === out[o + k]) k++;
  } else {
    while (k < cap && out[p + k] === out[o + k]) k++;
  }
  return k;
}

/** True when another source matches longer than the copy's own does. */
function betterSource(out: Uint8Array, c: Cmd, size: number): boolean {
  const cap = Math.min(MAX_MATCH, size - c.o);
  const own = matchLength(out, c.cmd, c.a, c.o, cap);
  if (own >= cap) return false;
  const first = out[c.o]!;
  for (let p = 0; p < c.o; p++) {
    const head = c.cmd === 5 ? BITREV[out[p]!] : out[p];
    if (head !== first) continue;
    const len = matchLength(out, c.cmd, p, c.o, cap);
    if (len > own) return true;
  }
  return false;
}

/** Wasteful places in a pair of neighbouring commands (`prev` raw and `cur` not, or the reverse). */
function pairWaste(out: Uint8Array, prev: Cmd, cur: Cmd): number {
  if (cur.cmd === 0 && prev.cmd !== 0 && canGrow(prev.n)) {
    if (prev.cmd === 2) return cur.n >= 2 && out[cur.o] === prev.a && out[cur.o + 1] === prev.b ? 1 : 0;
    return nextByte(out, prev, cur.o) === out[cur.o] ? 1 : 0;
  }
  if (prev.cmd === 0 && cur.cmd !== 0 && canGrow(cur.n)) {
    if (cur.cmd === 2) return prev.n >= 2 && out[cur.o - 2] === cur.a && out[cur.o - 1] === cur.b ? 1 : 0;
    return previousByte(out, cur) === out[cur.o - 1] ? 1 : 0;
  }
  if (prev.cmd === 1 && cur.cmd === 1 && prev.a === cur.a && prev.n + cur.n <= 1024) return 1;
  // Two headers cost 3 bytes or more when either count needs the long form; one costs at most 2.
  if (prev.cmd === 0 && cur.cmd === 0 && (prev.n > 32 || cur.n > 32) && prev.n + cur.n <= 1024) return 1;
  return 0;
}

const prevCmd: Cmd = { cmd: -1, n: 0, o: 0, a: 0, b: 0 };
const curCmd: Cmd = { cmd: -1, n: 0, o: 0, a: 0, b: 0 };

/**
 * Wasteful places in the stream at `src[start]`, whose decoded output (`size` bytes) is in `out`
 * (decode it first; the stream must be one that decoded). Only commands starting at or after
 * input offset `from` are counted as the later command of a pair (default: all).
 */
export function countWaste(src: Uint8Array, start: number, out: Uint8Array, size: number, from = start): number {
  let ip = start;
  let o = 0;
  let waste = 0;
  let checks = 0;
  let prev = prevCmd;
  let cur = curCmd;
  prev.cmd = -1;
  for (;;) {
    const at = ip;
    const h = src[ip++]!;
    if (h === 0xff || o >= size) return waste;
    const long = (h & 0xe0) === 0xe0;
    cur.cmd = long ? (h >> 2) & 7 : h >> 5;
    cur.n = long ? (((h & 3) << 8) | src[ip++]!) + 1 : (h & 0x1f) + 1;
    cur.o = o;
    if (cur.cmd === 0) {
      ip += cur.n;
    } else if (cur.cmd === 1 || cur.cmd === 3) {
      cur.a = src[ip++]!;
    } else {
      const x = src[ip++]!;
      const y = src[ip++]!;
      if (cur.cmd === 2) {
        cur.a = x;
        cur.b = y;
      } else cur.a = (x << 8) | y;
    }
    const len = cur.cmd === 2 ? 2 * cur.n : cur.n;
    if (at >= from) {
      if (cur.n === 1 && cur.cmd >= 1 && cur.cmd <= 3) waste++;
      if (cur.cmd === 0 && rawHasRun(out, o, cur.n)) waste++;
      if (prev.cmd >= 0) waste += pairWaste(out, prev, cur);
      if (cur.cmd >= 4 && checks < SOURCE_CHECKS) {
        checks++;
        if (betterSource(out, cur, size)) waste++;
      }
    }
    o += len;
    const t = prev;
    prev = cur;
    cur = t;
  }
}
