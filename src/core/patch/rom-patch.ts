/**
 * Patches between ROM files, with copier headers handled as Flips does by default: a patch is
 * made between the headerless ROMs, and applying it to a ROM that has a 512-byte copier header
 * patches the ROM after the header and keeps the header. (A BPS made by another tool against the
 * headered file still applies: its source CRC names which one it wants.) Every patch written is
 * applied once to check it gives back the modified ROM exactly.
 */
import { copierHeaderSize } from '../rom/copier-header';
import { applyBps, isBps, readBpsHeader, type BpsStats } from './bps';
import { createBps } from './bps-encode';
import { crc32 } from './crc32';
import { PatchError } from './errors';
import { applyIps, ipsRecords, isIps, parseIps, writeIps, type IpsPatch } from './ips';

export type PatchFormat = 'bps' | 'ips';

export interface PatchSummary {
  format: PatchFormat;
  patchSize: number;
  /** Sizes of the headerless ROMs the patch maps between. */
  sourceSize: number;
  targetSize: number;
  /** BPS: the three CRC32s of its footer. */
  crc?: { source: number; target: number; patch: number };
  /** BPS: actions by kind and the target bytes each kind wrote. */
  actions?: BpsStats['actions'];
  actionBytes?: BpsStats['bytes'];
  /** IPS: records, of which RLE, and the truncation size. */
  records?: number;
  rleRecords?: number;
  truncate?: number | null;
  /** Bytes of the (headerless) target that differ from the source or extend it. */
  changedBytes: number;
}

export interface CreatedPatch {
  patch: Uint8Array;
  summary: PatchSummary;
  /** Whether the two inputs carried copier headers (left out of the patch). */
  headers: { original: boolean; modified: boolean };
}

export interface AppliedPatch {
  /** The patched file, with the input's copier header kept when the patch was for the headerless ROM. */
  bytes: Uint8Array;
  summary: PatchSummary;
  /** 'kept': the ROM's copier header was left out of patching and kept; 'patched': the patch covered the whole file. */
  header: 'none' | 'kept' | 'patched';
}

/** The format a file name asks for (.bps / .ips), or null. */
export function formatFromName(name: string): PatchFormat | null {
  const m = /\.(bps|ips)$/i.exec(name);
  return m ? (m[1]!.toLowerCase() as PatchFormat) : null;
}

/** The format of patch bytes, by their magic. */
export function detectPatchFormat(patch: Uint8Array): PatchFormat {
  if (isBps(patch)) return 'bps';
  if (isIps(patch)) return 'ips';
  throw new PatchError('unsupported', 'not an IPS or BPS patch: it starts with neither "PATCH" nor "BPS1"');
}

function stripHeader(rom: Uint8Array): Uint8Array {
  return rom.subarray(copierHeaderSize(rom.length));
}

export function countChanged(source: Uint8Array, target: Uint8Array): number {
  const common = Math.min(source.length, target.length);
  let n = Math.max(0, target.length - source.length);
  for (let i = 0; i < common; i++) if (source[i] !== target[i]) n++;
  return n;
}

function ipsSummary(ips: IpsPatch, patchSize: number, sourceSize: number, targetSize: number, changedBytes: number): PatchSummary {
  return {
    format: 'ips',
    patchSize,
    sourceSize,
    targetSize,
    records: ips.records.length,
    rleRecords: ips.records.filter((r) => r.rleByte !== undefined).length,
    truncate: ips.truncate,
    changedBytes,
  };
}

function bpsSummary(patch: Uint8Array, stats: BpsStats, changedBytes: number): PatchSummary {
  const h = readBpsHeader(patch);
  return {
    format: 'bps',
    patchSize: patch.length,
    sourceSize: h.sourceSize,
    targetSize: h.targetSize,
    crc: { source: h.sourceCrc, target: h.targetCrc, patch: h.patchCrc },
    actions: stats.actions,
    actionBytes: stats.bytes,
    changedBytes,
  };
}

/** A patch from `original` to `modified` (copier headers left out of both). */
export function createRomPatch(original: Uint8Array, modified: Uint8Array, format: PatchFormat): CreatedPatch {
  const source = stripHeader(original);
  const target = stripHeader(modified);
  const headers = { original: source.length !== original.length, modified: target.length !== modified.length };
  const changed = countChanged(source, target);
  let patch: Uint8Array;
  let summary: PatchSummary;
  let check: Uint8Array;
  if (format === 'ips') {
    const ips = ipsRecords(source, target);
    patch = writeIps(ips);
    check = applyIps(source, parseIps(patch));
    summary = ipsSummary(ips, patch.length, source.length, target.length, changed);
  } else {
    patch = createBps(source, target);
    const applied = applyBps(source, patch);
    check = applied.target;
    summary = bpsSummary(patch, applied.stats, changed);
  }
  if (check.length !== target.length || crc32(check) !== crc32(target) || countChanged(check, target) !== 0) {
    throw new Error(`internal: the ${format.toUpperCase()} patch written does not rebuild the modified ROM`);
  }
  return { patch, summary, headers };
}

export interface ApplyOptions {
  /** IPS only: the patch's offsets count the copier header (an IPS made against a headered ROM). */
  ipsHeadered?: boolean;
}

/** Applies `patch` to `rom` (never changed); throws a PatchError before producing anything on any mismatch. */
export function applyRomPatch(rom: Uint8Array, patch: Uint8Array, opts: ApplyOptions = {}): AppliedPatch {
  const format = detectPatchFormat(patch);
  const headerSize = copierHeaderSize(rom.length);
  const body = rom.subarray(headerSize);
  const withHeader = (result: Uint8Array) => {
    if (!headerSize) return result;
    const out = new Uint8Array(headerSize + result.length);
    out.set(rom.subarray(0, headerSize));
    out.set(result, headerSize);
    return out;
  };
  if (format === 'ips') {
    const ips = parseIps(patch);
    const whole = headerSize > 0 && opts.ipsHeadered === true;
    const source = whole ? rom : body;
    const target = applyIps(source, ips);
    return {
      bytes: whole ? target : withHeader(target),
      summary: ipsSummary(ips, patch.length, source.length, target.length, countChanged(source, target)),
      header: headerSize === 0 ? 'none' : whole ? 'patched' : 'kept',
    };
  }
  try {
    const r = applyBps(body, patch);
    return { bytes: withHeader(r.target), summary: bpsSummary(patch, r.stats, countChanged(body, r.target)), header: headerSize ? 'kept' : 'none' };
  } catch (e) {
    // A BPS made against the headered file (by a tool that keeps headers): its CRC says so.
    if (!(e instanceof PatchError && e.reason === 'wrong-source' && headerSize)) throw e;
    const h = readBpsHeader(patch);
    if (h.sourceSize !== rom.length || h.sourceCrc !== crc32(rom)) throw e;
    const r = applyBps(rom, patch);
    return { bytes: r.target, summary: bpsSummary(patch, r.stats, countChanged(rom, r.target)), header: 'patched' };
  }
}
