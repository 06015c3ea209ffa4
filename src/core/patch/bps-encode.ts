/**
 * The BPS writer: a greedy delta encoder with one step of lazy matching, linear in the sizes of
 * the two files. It walks the target once; at each position it weighs the cheap candidates
 * (SourceRead at the same offset, continuing the last SourceCopy or TargetCopy, a run of one byte
 * copied from one byte back, which writes padding of any length in one command) and, when none is
 * long, looks the next four bytes up in a hash of 4-byte prefixes of the source (built once) and
 * of the target bytes it has already written that the source does not explain (TargetRead and
 * TargetCopy output, so runs of new bytes become overlapping TargetCopies). Each candidate is
 * scored by the bytes it saves after its exact encoded cost; a match is taken only when it beats
 * literal bytes, and only when the next position does not offer a clearly better one.
 *
 * Chains are walked at most CHAIN_DEPTH deep and candidates are rejected on the byte past the
 * best length first, so the work per target byte is bounded: linear time overall.
 */
import { crc32 } from './crc32';
import { BPS_MAGIC } from './bps';
import { ByteWriter, varintSize } from './varint';

const CHAIN_DEPTH = 16;
/** The source index holds every SAMPLE-th position (a power of two: indexed with >> 2). */
const SAMPLE = 4;
/**
 * After this many bytes without any match, the hashes are searched at every fourth byte only,
 * after 16 times as many at every 32nd and after 256 times as many at every 128th (a match found
 * there still extends forward from it); bytes between searches cost a few compares. This bounds
 * unrelated or random data (4 MiB of random bytes: under a second, ~4.5 s before).
 */
const MISSES_BEFORE_SKIPPING = 256;
/** A candidate this long is taken without searching the hashes. */
const GOOD_ENOUGH = 64;
const NONE = -1;

const enum Kind {
  SourceRead = 0,
  TargetRead = 1,
  SourceCopy = 2,
  TargetCopy = 3,
}

export interface BpsCreateOptions {
  /** Stored in the header (officially UTF-8 XML; any bytes are valid). */
  metadata?: Uint8Array;
}

interface Candidate {
  kind: Kind;
  at: number;
  len: number;
  score: number;
}

/** No match: write the byte literally (shared, so a miss allocates nothing). */
const NO_MATCH: Candidate = Object.freeze({ kind: Kind.TargetRead, at: 0, len: 0, score: 0 });

function hashBits(n: number): number {
  let bits = 10;
  while (bits < 18 && 1 << bits < n) bits++;
  return bits;
}

const hash4 = (b: Uint8Array, p: number, shift: number) => Math.imul(b[p]! | (b[p + 1]! << 8) | (b[p + 2]! << 16) | (b[p + 3]! << 24), 0x9e3779b1) >>> shift;

/** How many bytes match from a[ai] and b[bi] (at most `max`); long runs compared natively. */
function matchLength(a: Buffer, ai: number, b: Buffer, bi: number, max: number): number {
  const quick = Math.min(max, 32);
  let k = 0;
  while (k < quick && a[ai + k] === b[bi + k]) k++;
  if (k < quick) return k;
  for (let chunk = 256; k < max; chunk = Math.min(chunk * 2, 1 << 16)) {
    const n = Math.min(chunk, max - k);
    if (a.compare(b, bi + k, bi + k + n, ai + k, ai + k + n) !== 0) {
      while (a[ai + k] === b[bi + k]) k++;
      return k;
    }
    k += n;
  }
  return k;
}

export function createBps(source: Uint8Array, target: Uint8Array, opts: BpsCreateOptions = {}): Uint8Array {
  const sn = source.length;
  const tn = target.length;
  const metadata = opts.metadata ?? new Uint8Array(0);
  const w = new ByteWriter(1024 + metadata.length);
  w.bytes(Uint8Array.from(BPS_MAGIC));
  w.varint(sn);
  w.varint(tn);
  w.varint(metadata.length);
  w.bytes(metadata);

  // The source index: every SAMPLE-th position (a match of SAMPLE + 3 bytes or more always
  // contains one), chains running from the lowest position up (the start of a run matches longest).
  const bits = hashBits(Math.max(sn, tn));
  const shift = 32 - bits;
  const srcHead = new Int32Array(1 << bits).fill(NONE);
  const srcNext = new Int32Array(Math.max(0, Math.ceil(sn / SAMPLE)));
  for (let i = Math.floor((sn - 4) / SAMPLE) * SAMPLE; i >= 0; i -= SAMPLE) {
    const h = hash4(source, i, shift);
    srcNext[i >> 2] = srcHead[h]!;
    srcHead[h] = i;
  }
  // The target index, filled as new bytes are written (newest first).
  const tgtHead = new Int32Array(1 << bits).fill(NONE);
  const tgtNext = new Int32Array(Math.max(0, tn - 3));
  let indexedTo = 0;
  /** Indexes target positions [from, to); `every` 4 or 16 indexes only multiples of it (data unlike any before). */
  const indexTarget = (from: number, to: number, every: 1 | 4 | 16 = 1) => {
    for (let p = Math.max(from, indexedTo); p < to && p + 4 <= tn; p++) {
      if ((p & (every - 1)) !== 0) continue;
      const h = hash4(target, p, shift);
      tgtNext[p] = tgtHead[h]!;
      tgtHead[h] = p;
    }
    indexedTo = Math.max(indexedTo, to);
  };

  let srcRel = 0;
  let tgtRel = 0;
  let litStart = NONE;

  const src = Buffer.from(source.buffer, source.byteOffset, source.length);
  const tgt = Buffer.from(target.buffer, target.byteOffset, target.length);
  const sourceLen = (s: number, t: number) => matchLength(src, s, tgt, t, Math.min(sn - s, tn - t));
  // A copy from the target may overlap what it writes: comparing the final target is the same.
  const targetLen = (s: number, t: number) => matchLength(tgt, s, tgt, t, tn - t);
  const cmdCost = (len: number) => varintSize((len - 1) * 4);
  const deltaCost = (from: number, to: number) => varintSize(Math.abs(to - from) * 2);

  /** The best candidate at `pos` (score = bytes saved against writing them literally). */
  const best = (pos: number, search = true): Candidate => {
    let b = NO_MATCH;
    const offer = (kind: Kind, at: number, len: number) => {
      if (len === 0) return;
      const cost = cmdCost(len) + (kind === Kind.SourceRead ? 0 : deltaCost(kind === Kind.SourceCopy ? srcRel : tgtRel, at));
      const score = len - cost;
      if (score > b.score || (score === b.score && len > b.len)) b = { kind, at, len, score };
    };
    if (pos < sn) offer(Kind.SourceRead, pos, sourceLen(pos, pos));
    if (srcRel !== pos && srcRel < sn) offer(Kind.SourceCopy, srcRel, sourceLen(srcRel, pos));
    if (tgtRel < pos) offer(Kind.TargetCopy, tgtRel, targetLen(tgtRel, pos));
    // A run of one byte (padding, cleared space) copies itself from one byte back, overlapping.
    if (pos > 0 && tgtRel !== pos - 1 && target[pos - 1] === target[pos] && target[pos] === target[pos + 1])
      offer(Kind.TargetCopy, pos - 1, targetLen(pos - 1, pos));
    if (b.len >= GOOD_ENOUGH || pos + 4 > tn || !search) return b;
    for (let j = 0; j < SAMPLE && pos + j + 4 <= tn; j++) {
      for (let c = srcHead[hash4(target, pos + j, shift)]!, depth = 0; c !== NONE && depth < CHAIN_DEPTH; c = srcNext[c >> 2]!, depth++) {
        const at = c - j;
        // Most chain entries only share the hash: two bytes of the four reject them cheaply.
        if (source[c] !== target[pos + j] || source[c + 3] !== target[pos + j + 3]) continue;
        if (at < 0 || (b.len > 0 && (at + b.len >= sn || pos + b.len >= tn || source[at + b.len] !== target[pos + b.len]))) continue;
        offer(at === pos ? Kind.SourceRead : Kind.SourceCopy, at, sourceLen(at, pos));
      }
      if (b.len >= GOOD_ENOUGH) return b;
    }
    const h = hash4(target, pos, shift);
    for (let c = tgtHead[h]!, depth = 0; c !== NONE && depth < CHAIN_DEPTH; c = tgtNext[c]!, depth++) {
      if (target[c] !== target[pos] || target[c + 3] !== target[pos + 3]) continue;
      if (b.len > 0 && (pos + b.len >= tn || target[c + b.len] !== target[pos + b.len])) continue;
      offer(Kind.TargetCopy, c, targetLen(c, pos));
      if (b.len >= GOOD_ENOUGH) break;
    }
    return b;
  };

  const flushLiterals = (pos: number) => {
    if (litStart === NONE) return;
    w.varint((pos - litStart - 1) * 4 + Kind.TargetRead);
    w.bytes(target, litStart, pos);
    litStart = NONE;
  };

  let pos = 0;
  let next: Candidate | null = null;
  // Bytes since a hash search last found anything: in data unlike anything before (a new ROM),
  // searching at every fourth byte is enough (the source index is sampled that way too).
  let misses = 0;
  while (pos < tn) {
    const skipping = misses >= MISSES_BEFORE_SKIPPING;
    // Long stretches unlike anything before (random or unrelated data): every 32nd or 128th byte.
    const stride = misses >= MISSES_BEFORE_SKIPPING * 256 ? 127 : misses >= MISSES_BEFORE_SKIPPING * 16 ? 31 : 3;
    const search = !skipping || (pos & stride) === 0;
    // Between searches in data unlike any before, only a byte some cheap candidate could start
    // with is looked at closely: random or unrelated data costs a few compares a byte.
    const cheap =
      search ||
      next !== null ||
      (pos < sn && source[pos] === target[pos]) ||
      (srcRel < sn && source[srcRel] === target[pos]) ||
      target[tgtRel] === target[pos] ||
      (pos > 0 && target[pos - 1] === target[pos]);
    const here = next ?? (cheap ? best(pos, search) : NO_MATCH);
    next = null;
    misses = here.len >= 4 ? 0 : misses + 1;
    // Taking a match ends a pending TargetRead, and the literals after it need a new command.
    let take = here.len > 0 && here.score >= (litStart !== NONE ? 2 : 1);
    // Byte `pos` is written before `pos + 1` either way, so later searches may copy from it.
    indexTarget(pos - 3, pos + 1, !skipping ? 1 : stride === 3 ? 4 : 16);
    if (take && here.len < GOOD_ENOUGH && pos + 1 < tn) {
      // Lazy step: one literal byte now may open a clearly better match one byte later.
      const later = best(pos + 1);
      if (later.score > here.score + 1) {
        take = false;
        next = later;
      }
    }
    if (!take) {
      if (litStart === NONE) litStart = pos;
      pos++;
      continue;
    }
    flushLiterals(pos);
    const len = here.len;
    if (here.kind === Kind.SourceRead) {
      w.varint((len - 1) * 4 + Kind.SourceRead);
    } else if (here.kind === Kind.SourceCopy) {
      w.varint((len - 1) * 4 + Kind.SourceCopy);
      w.varint(Math.abs(here.at - srcRel) * 2 + (here.at < srcRel ? 1 : 0));
      srcRel = here.at + len;
    } else {
      w.varint((len - 1) * 4 + Kind.TargetCopy);
      w.varint(Math.abs(here.at - tgtRel) * 2 + (here.at < tgtRel ? 1 : 0));
      tgtRel = here.at + len;
      indexTarget(pos - 3, pos + len);
    }
    pos += len;
  }
  flushLiterals(tn);
  w.u32le(crc32(source));
  w.u32le(crc32(target));
  const body = w.result();
  const out = new Uint8Array(body.length + 4);
  out.set(body);
  const crc = crc32(body);
  out[body.length] = crc;
  out[body.length + 1] = crc >>> 8;
  out[body.length + 2] = crc >>> 16;
  out[body.length + 3] = crc >>> 24;
  return out;
}
