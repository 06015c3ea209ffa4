/**
 * IPS, the oldest patch format: "PATCH", then records of a 24-bit big-endian offset and a 16-bit
 * size followed by that many bytes (or, for size 0, an RLE record: a 16-bit count and one byte to
 * repeat), then "EOF", then optionally the 24-bit size to truncate the file to (Lunar IPS's
 * extension). No checksums: an IPS cannot tell which ROM it was made for.
 *
 * Hand-written because the format is a few lines of exact spec; a dependency would add more than
 * it saves. One trap: a record at offset 0x454F46 would read as "EOF", so the writer never starts
 * one there (it starts one byte earlier instead).
 */
import { hex } from '../format';
import { PatchError } from './errors';

/** IPS offsets are 24 bits: nothing at or past 16 MiB can be patched. */
export const IPS_MAX_FILE = 0x1000000;
/** The offset that spells "EOF": a record may never start here. */
export const IPS_EOF_OFFSET = 0x454f46;
const MAX_RECORD = 0xffff;
/** A record header (offset + size) costs 5 bytes: gaps up to this many unchanged bytes are cheaper to include. */
const MERGE_GAP = 5;

export interface IpsRecord {
  offset: number;
  size: number;
  /** Set for RLE records: the byte repeated `size` times. */
  rleByte?: number;
  /** The bytes of a normal record (a view into the patch). */
  data?: Uint8Array;
}

export interface IpsPatch {
  records: IpsRecord[];
  /** The truncation extension: the size the result is cut to, or null. */
  truncate: number | null;
}

const MAGIC = [0x50, 0x41, 0x54, 0x43, 0x48]; // PATCH
const EOF = [0x45, 0x4f, 0x46];

export function isIps(patch: Uint8Array): boolean {
  return patch.length >= 5 && MAGIC.every((b, i) => patch[i] === b);
}

/** The records an IPS turning `source` into `target` needs (target and source at most 16 MiB). */
export function ipsRecords(source: Uint8Array, target: Uint8Array): IpsPatch {
  for (const [what, f] of [
    ['original', source],
    ['modified', target],
  ] as const) {
    if (f.length > IPS_MAX_FILE)
      throw new PatchError(
        'too-large',
        `IPS cannot address the ${what} file: it is ${f.length} bytes and IPS offsets stop at 16 MiB (${IPS_MAX_FILE} bytes); make a BPS patch instead`,
      );
  }
  const records: IpsRecord[] = [];
  const n = target.length;
  const common = Math.min(source.length, n);
  const differs = (i: number) => i >= common || source[i] !== target[i];
  let i = 0;
  while (i < n) {
    if (!differs(i)) {
      i++;
      continue;
    }
    let start = i;
    let end = i + 1;
    // Grow the region while the next difference is close enough to share a record header.
    for (let j = end; j < n;) {
      if (differs(j)) {
        end = ++j;
        continue;
      }
      let k = j;
      while (k < n && k - end < MERGE_GAP + 1 && !differs(k)) k++;
      if (k < n && k - end <= MERGE_GAP && differs(k)) j = k;
      else break;
    }
    // Unmerged regions are more than MERGE_GAP apart, so the byte before is never in a record.
    if (start === IPS_EOF_OFFSET) start--;
    splitRegion(target, start, end, records);
    i = end;
  }
  return { records, truncate: n < source.length ? n : null };
}

/** Cuts [start, end) into literal and RLE records, none starting at the "EOF" offset. */
function splitRegion(target: Uint8Array, start: number, end: number, out: IpsRecord[]): void {
  const runAt = (p: number) => {
    let q = p + 1;
    while (q < end && q - p < MAX_RECORD && target[q] === target[p]) q++;
    return q - p;
  };
  // An RLE record costs 8 bytes; inside a literal the run costs its length, and splitting a
  // literal around it costs another 5-byte header for the part after.
  const rleWorth = (p: number, run: number, fresh: boolean) => {
    const toEnd = p + run === end;
    return run >= (fresh && toEnd ? 4 : fresh || toEnd ? 9 : 14);
  };
  let pos = start;
  while (pos < end) {
    const run = runAt(pos);
    if (rleWorth(pos, run, true)) {
      let size = run;
      if (pos + size === IPS_EOF_OFFSET && pos + size < end) size--;
      out.push({ offset: pos, size, rleByte: target[pos]! });
      pos += size;
      continue;
    }
    let q = pos + run;
    while (q < end && q - pos < MAX_RECORD) {
      const r = runAt(q);
      if (rleWorth(q, r, false)) break;
      q += r;
    }
    let stop = Math.min(q, end, pos + MAX_RECORD);
    if (stop === IPS_EOF_OFFSET && stop < end) stop = stop - 1 > pos ? stop - 1 : stop + 1;
    out.push({ offset: pos, size: stop - pos, data: target.subarray(pos, stop) });
    pos = stop;
  }
}

/** The IPS file for `records`. */
export function writeIps(patch: IpsPatch): Uint8Array {
  let size = 5 + 3 + (patch.truncate === null ? 0 : 3);
  for (const r of patch.records) size += 5 + (r.rleByte === undefined ? r.size : 3);
  const out = new Uint8Array(size);
  out.set(MAGIC, 0);
  let p = 5;
  const u24 = (v: number) => {
    out[p++] = v >>> 16;
    out[p++] = v >>> 8;
    out[p++] = v;
  };
  const u16 = (v: number) => {
    out[p++] = v >>> 8;
    out[p++] = v;
  };
  for (const r of patch.records) {
    if (r.offset === IPS_EOF_OFFSET) throw new Error('internal: IPS record at the EOF offset');
    u24(r.offset);
    if (r.rleByte === undefined) {
      u16(r.size);
      out.set(r.data!, p);
      p += r.size;
    } else {
      u16(0);
      u16(r.size);
      out[p++] = r.rleByte;
    }
  }
  out.set(EOF, p);
  p += 3;
  if (patch.truncate !== null) u24(patch.truncate);
  return out;
}

/** An IPS patch turning `source` into `target` (both at most 16 MiB). */
export function createIps(source: Uint8Array, target: Uint8Array): Uint8Array {
  return writeIps(ipsRecords(source, target));
}

/** Reads an IPS file; every bound is checked, so a truncated or damaged file is a clear error. */
export function parseIps(patch: Uint8Array): IpsPatch {
  if (!isIps(patch)) throw new PatchError('unsupported', 'not an IPS patch: it does not start with "PATCH"');
  const records: IpsRecord[] = [];
  let p = 5;
  const need = (n: number, what: string) => {
    if (p + n > patch.length)
      throw new PatchError('malformed', `IPS patch is truncated: ${what} at byte ${p} needs ${n} bytes, ${patch.length - p} left (no "EOF" marker)`);
  };
  for (;;) {
    need(3, 'a record offset');
    const offset = (patch[p]! << 16) | (patch[p + 1]! << 8) | patch[p + 2]!;
    if (offset === IPS_EOF_OFFSET) {
      p += 3;
      break;
    }
    need(5, 'a record header');
    const size = (patch[p + 3]! << 8) | patch[p + 4]!;
    const at = p;
    p += 5;
    let record: IpsRecord;
    if (size > 0) {
      need(size, `record ${records.length} (offset ${hex(offset)}, ${size} bytes)`);
      record = { offset, size, data: patch.subarray(p, p + size) };
      p += size;
    } else {
      need(3, `RLE record ${records.length} (offset ${hex(offset)})`);
      const count = (patch[p]! << 8) | patch[p + 1]!;
      if (count === 0) throw new PatchError('malformed', `IPS RLE record at byte ${at} (offset ${hex(offset)}) repeats a byte 0 times`);
      record = { offset, size: count, rleByte: patch[p + 2]! };
      p += 3;
    }
    if (offset + record.size > IPS_MAX_FILE)
      throw new PatchError('too-large', `IPS record at byte ${at} writes past 16 MiB (offset ${hex(offset)} + ${record.size} bytes)`);
    records.push(record);
  }
  const rest = patch.length - p;
  if (rest === 0) return { records, truncate: null };
  if (rest === 3) return { records, truncate: (patch[p]! << 16) | (patch[p + 1]! << 8) | patch[p + 2]! };
  throw new PatchError('malformed', `IPS patch has ${rest} unexpected bytes after "EOF" at byte ${p - 3} (only a 3-byte truncation size may follow)`);
}

/** Applies an IPS to `source` and returns the new file (source itself is never changed). */
export function applyIps(source: Uint8Array, patch: Uint8Array | IpsPatch): Uint8Array {
  const parsed = patch instanceof Uint8Array ? parseIps(patch) : patch;
  if (source.length > IPS_MAX_FILE) throw new PatchError('too-large', `IPS cannot patch a file over 16 MiB: this one is ${source.length} bytes`);
  let size = source.length;
  for (const r of parsed.records) size = Math.max(size, r.offset + r.size);
  if (parsed.truncate !== null) {
    if (parsed.truncate > size) throw new PatchError('malformed', `IPS truncation size ${parsed.truncate} is larger than the patched file (${size} bytes)`);
    size = parsed.truncate;
  }
  const out = new Uint8Array(Math.max(size, source.length));
  out.set(source);
  for (const r of parsed.records) {
    if (r.rleByte === undefined) out.set(r.data!, r.offset);
    else out.fill(r.rleByte, r.offset, r.offset + r.size);
  }
  return out.length === size ? out : out.slice(0, size);
}
