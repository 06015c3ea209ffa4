/**
 * BPS (byuu's "beat" patch format, spec in Alcaro/Flips bps_spec.md): "BPS1", the source and
 * target sizes and metadata as beat numbers, then actions that write the target from start to end
 * (SourceRead, TargetRead, SourceCopy, TargetCopy), then three little-endian CRC32s: source,
 * target, and the patch up to that last field.
 *
 * Hand-written because the format is small and exactly specified, and applying it must check
 * every bound and every CRC with our own errors. Applying checks the patch CRC first (a damaged
 * patch is named as such), then the source (a patch for another ROM is refused before anything
 * is written), then every action, then the target CRC.
 */
import { crc32, crcHex } from './crc32';
import { PatchError } from './errors';
import { readVarint } from './varint';

export const BPS_MAGIC = [0x42, 0x50, 0x53, 0x31]; // BPS1
/** A target larger than this is refused (a crafted header could ask for any size). */
export const BPS_MAX_TARGET = 512 * 1024 * 1024;
const FOOTER = 12;

export type BpsActionName = 'sourceRead' | 'targetRead' | 'sourceCopy' | 'targetCopy';
export const BPS_ACTIONS: readonly BpsActionName[] = ['sourceRead', 'targetRead', 'sourceCopy', 'targetCopy'];

export interface BpsHeader {
  sourceSize: number;
  targetSize: number;
  metadata: Uint8Array;
  /** Where the actions start and end (the footer follows). */
  actionsStart: number;
  actionsEnd: number;
  sourceCrc: number;
  targetCrc: number;
  patchCrc: number;
}

export interface BpsStats {
  /** How many actions of each kind, and how many target bytes each wrote. */
  actions: Record<BpsActionName, number>;
  bytes: Record<BpsActionName, number>;
}

export function isBps(patch: Uint8Array): boolean {
  return patch.length >= 4 && BPS_MAGIC.every((b, i) => patch[i] === b);
}

const u32le = (b: Uint8Array, p: number) => (b[p]! | (b[p + 1]! << 8) | (b[p + 2]! << 16) | (b[p + 3]! << 24)) >>> 0;

/** Reads the header and footer (no CRC is checked here). */
export function readBpsHeader(patch: Uint8Array): BpsHeader {
  if (!isBps(patch)) throw new PatchError('unsupported', 'not a BPS patch: it does not start with "BPS1"');
  const end = patch.length - FOOTER;
  if (end < 7) throw new PatchError('malformed', `BPS patch is truncated: ${patch.length} bytes cannot hold a header and the 12-byte footer`);
  const s = readVarint(patch, 4, end, 'source size');
  const t = readVarint(patch, s.next, end, 'target size');
  const m = readVarint(patch, t.next, end, 'metadata size');
  if (m.next + m.value > end) throw new PatchError('malformed', `BPS patch is truncated: ${m.value} bytes of metadata at byte ${m.next} run into the footer`);
  return {
    sourceSize: s.value,
    targetSize: t.value,
    metadata: patch.subarray(m.next, m.next + m.value),
    actionsStart: m.next + m.value,
    actionsEnd: end,
    sourceCrc: u32le(patch, end),
    targetCrc: u32le(patch, end + 4),
    patchCrc: u32le(patch, end + 8),
  };
}

/** Checks the patch's own CRC (its last four bytes cover everything before them), before anything else is read. */
export function checkBpsPatchCrc(patch: Uint8Array): void {
  if (!isBps(patch)) throw new PatchError('unsupported', 'not a BPS patch: it does not start with "BPS1"');
  if (patch.length < 4 + 3 + FOOTER)
    throw new PatchError('malformed', `BPS patch is truncated: ${patch.length} bytes cannot hold a header and the 12-byte footer`);
  const stored = u32le(patch, patch.length - 4);
  const actual = crc32(patch.subarray(0, patch.length - 4));
  if (actual !== stored) {
    throw new PatchError(
      'checksum',
      `BPS patch is damaged or truncated: its CRC32 is ${crcHex(actual)} but its footer says ${crcHex(stored)}; nothing was written`,
    );
  }
}

/** Refuses a source that is not the one the patch was made from. */
export function checkBpsSource(source: Uint8Array, header: BpsHeader): void {
  if (source.length !== header.sourceSize) {
    throw new PatchError(
      'wrong-source',
      `this BPS patch is for another ROM: it expects a ${header.sourceSize}-byte original, this one is ${source.length} bytes`,
    );
  }
  const crc = crc32(source);
  if (crc !== header.sourceCrc) {
    throw new PatchError(
      'wrong-source',
      `this BPS patch is for another ROM: it expects an original with CRC32 ${crcHex(header.sourceCrc)}, this one has ${crcHex(crc)}`,
    );
  }
}

export interface BpsApplyResult {
  target: Uint8Array;
  header: BpsHeader;
  stats: BpsStats;
}

/** Applies a BPS to `source` (never changed) and returns the target, after every check passed. */
export function applyBps(source: Uint8Array, patch: Uint8Array): BpsApplyResult {
  checkBpsPatchCrc(patch);
  const header = readBpsHeader(patch);
  checkBpsSource(source, header);
  if (header.targetSize > BPS_MAX_TARGET)
    throw new PatchError('too-large', `BPS target of ${header.targetSize} bytes is larger than SpritePal accepts (${BPS_MAX_TARGET})`);
  const target = new Uint8Array(header.targetSize);
  const stats: BpsStats = {
    actions: { sourceRead: 0, targetRead: 0, sourceCopy: 0, targetCopy: 0 },
    bytes: { sourceRead: 0, targetRead: 0, sourceCopy: 0, targetCopy: 0 },
  };
  const tn = target.length;
  const sn = source.length;
  let p = header.actionsStart;
  const end = header.actionsEnd;
  let out = 0;
  let srcRel = 0;
  let tgtRel = 0;
  const bad = (at: number, why: string) => new PatchError('malformed', `BPS action at byte ${at} ${why}; nothing was written`);
  while (p < end) {
    const at = p;
    const a = readVarint(patch, p, end, 'action');
    p = a.next;
    const kind = a.value % 4;
    const length = Math.floor(a.value / 4) + 1;
    const name = BPS_ACTIONS[kind]!;
    if (length > tn - out) throw bad(at, `(${name} of ${length} bytes) writes past the ${tn}-byte target at ${out}`);
    stats.actions[name]++;
    stats.bytes[name] += length;
    if (kind === 0) {
      if (out + length > sn) throw bad(at, `(sourceRead) reads past the ${sn}-byte source`);
      target.set(source.subarray(out, out + length), out);
    } else if (kind === 1) {
      if (p + length > end)
        throw new PatchError('malformed', `BPS patch is truncated: targetRead at byte ${at} needs ${length} bytes, ${end - p} left before the footer`);
      target.set(patch.subarray(p, p + length), out);
      p += length;
    } else {
      const d = readVarint(patch, p, end, 'copy offset');
      p = d.next;
      const delta = d.value % 2 ? -Math.floor(d.value / 2) : Math.floor(d.value / 2);
      if (kind === 2) {
        srcRel += delta;
        if (srcRel < 0 || srcRel + length > sn)
          throw bad(at, `(sourceCopy) reads source bytes ${srcRel}..${srcRel + length - 1} outside the ${sn}-byte source`);
        target.set(source.subarray(srcRel, srcRel + length), out);
        srcRel += length;
      } else {
        tgtRel += delta;
        if (tgtRel < 0 || tgtRel >= out) throw bad(at, `(targetCopy) reads target byte ${tgtRel}, which is not written yet (${out} written)`);
        // Byte by byte: an overlapping copy repeats what it has just written (run-length).
        for (let k = 0; k < length; k++) target[out + k] = target[tgtRel + k]!;
        tgtRel += length;
      }
    }
    out += length;
  }
  if (out !== tn) throw new PatchError('malformed', `BPS actions write ${out} bytes but the header promises ${tn}; nothing was written`);
  const crc = crc32(target);
  if (crc !== header.targetCrc)
    throw new PatchError('checksum', `BPS result has CRC32 ${crcHex(crc)} but the patch expects ${crcHex(header.targetCrc)}; nothing was written`);
  return { target, header, stats };
}
