/**
 * What changed between a ROM's clean original and its current bytes, in the terms a hacker
 * thinks in: the differing regions are merged and attributed to what they belong to where it is
 * known (a header field, a pointer, a sprite or palette block, including a block that moved), and
 * whatever is left is plain data. Offsets are headerless ROM offsets plus their file and SNES forms.
 */
import { fileOffsetOf, formatLocation, formatSnes, hex } from '../format';
import { offsetToSnes, snesMirrors, type Mapping } from '../rom/mapping';

/** Differences this close together are one region (a few unchanged bytes between edits). */
const MERGE_GAP = 4;

/** A sprite, palette or other block known in the original and/or the current ROM. */
export interface KnownBlock {
  name: string;
  kind: 'sprite' | 'palette' | 'data';
  /** Where it was in the original (headerless offset and bytes it occupied). */
  before?: { romOffset: number; size: number };
  /** Where it is now. */
  after?: { romOffset: number; size: number };
}

export interface ChangesInput {
  /** Headerless bytes. */
  original: Uint8Array;
  current: Uint8Array;
  mapping: Mapping;
  /** Headerless offset of the internal header, or null. */
  headerOffset: number | null;
  /** The current file's copier header (0 or 512), for file offsets. */
  copierHeader: number;
  blocks?: KnownBlock[];
  /** Headerless offsets of 24-bit pointer slots (pointer tables, pointers an injection rewrote). */
  pointers?: number[];
}

export interface ChangeRange {
  romOffset: number;
  fileOffset: number;
  length: number;
  /** `$BB:AAAA` of the first byte, when the mapping gives one. */
  snes: string | null;
  /** Bytes in the range that differ (a range may include a few equal bytes between edits). */
  changedBytes: number;
}

export type ChangeKind = 'header' | 'pointer' | 'sprite' | 'palette' | 'data';

export interface ChangeRow {
  kind: ChangeKind;
  /** What it is: "King slime: relocated $82:8000 → $84:8000, 777 → 789 B", "pointer at $81:8018", "checksum". */
  label: string;
  /** More about it: where a block moved, what a pointer now points at. */
  detail?: string;
  ranges: ChangeRange[];
  changedBytes: number;
  /** For a block's row: where the block was and is (what a before/after view decodes). */
  block?: Pick<KnownBlock, 'before' | 'after'>;
}

/** The internal header's fields, by offset from its base (shared/docs/snes-formats.md section 1). */
const HEADER_FIELDS: [number, number, string][] = [
  [0x00, 21, 'title'],
  [0x15, 1, 'map mode'],
  [0x16, 1, 'cartridge type'],
  [0x17, 1, 'ROM size'],
  [0x18, 1, 'RAM size'],
  [0x19, 1, 'region'],
  [0x1a, 1, 'developer ID'],
  [0x1b, 1, 'version'],
  [0x1c, 2, 'checksum complement'],
  [0x1e, 2, 'checksum'],
  [0x20, 32, 'interrupt vectors'],
];

interface Span {
  start: number;
  end: number;
  row: number;
}

/** Maximal runs of differing bytes, merged across gaps of up to MERGE_GAP equal bytes; growth past the original counts as changed. */
export function diffRegions(original: Uint8Array, current: Uint8Array, gap = MERGE_GAP): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const common = Math.min(original.length, current.length);
  let i = 0;
  while (i < common) {
    if (original[i] === current[i]) {
      i++;
      continue;
    }
    const start = i;
    let end = ++i;
    while (i < common && i - end <= gap) {
      if (original[i] !== current[i]) end = i + 1;
      i++;
    }
    const last = out[out.length - 1];
    if (last && start - last.end <= gap) last.end = end;
    else out.push({ start, end });
    i = end;
  }
  if (current.length > common) {
    const last = out[out.length - 1];
    if (last && common - last.end <= gap) last.end = current.length;
    else out.push({ start: common, end: current.length });
  }
  return out;
}

const u24 = (b: Uint8Array, p: number) => (p + 3 <= b.length ? b[p]! | (b[p + 1]! << 8) | (b[p + 2]! << 16) : null);

/** The changes between `original` and `current`, one row per thing that changed, in ROM order. */
export function describeChanges(input: ChangesInput): ChangeRow[] {
  const { original, current, mapping } = input;
  const snesOf = (off: number) => formatSnes(offsetToSnes(mapping, off));
  const where = (off: number) => formatLocation(snesOf(off), fileOffsetOf(off, input.copierHeader));
  // An address alone: the SNES one where the mapping gives it, else the file offset.
  const short = (off: number) => snesOf(off) ?? hex(fileOffsetOf(off, input.copierHeader));
  const rows: ChangeRow[] = [];
  const spans: Span[] = [];
  const own = (row: Omit<ChangeRow, 'ranges' | 'changedBytes'>, parts: [number, number][]) => {
    const index = rows.length;
    rows.push({ ...row, ranges: [], changedBytes: 0 });
    for (const [start, end] of parts) if (end > start) spans.push({ start, end, row: index });
  };

  // Most specific first: an overlapping later span only gets bytes the earlier ones left.
  if (input.headerOffset !== null) {
    for (const [at, len, name] of HEADER_FIELDS) own({ kind: 'header', label: name }, [[input.headerOffset + at, input.headerOffset + at + len]]);
  }
  for (const slot of new Set(input.pointers ?? [])) {
    const was = u24(original, slot);
    const now = u24(current, slot);
    const detail = was !== null && now !== null && was !== now ? `${formatSnes(was)} → ${formatSnes(now)}` : undefined;
    own({ kind: 'pointer', label: `pointer at ${where(slot)}`, ...(detail ? { detail } : {}) }, [[slot, slot + 3]]);
  }
  for (const b of input.blocks ?? []) {
    const parts: [number, number][] = [];
    if (b.before) parts.push([b.before.romOffset, b.before.romOffset + b.before.size]);
    if (b.after) parts.push([b.after.romOffset, b.after.romOffset + b.after.size]);
    own({ kind: b.kind, ...blockLabel(b, where, short), block: { ...(b.before ? { before: b.before } : {}), ...(b.after ? { after: b.after } : {}) } }, parts);
  }
  spans.sort((a, b) => a.start - b.start || a.row - b.row);

  const addRange = (row: ChangeRow, start: number, end: number) => {
    let changed = 0;
    for (let i = start; i < end; i++) if (i >= original.length || original[i] !== current[i]) changed++;
    if (changed === 0) return;
    const prev = row.ranges[row.ranges.length - 1];
    if (prev && prev.romOffset + prev.length === start) {
      prev.length += end - start;
      prev.changedBytes += changed;
    } else
      row.ranges.push({
        romOffset: start,
        fileOffset: fileOffsetOf(start, input.copierHeader),
        length: end - start,
        snes: snesOf(start),
        changedBytes: changed,
      });
    row.changedBytes += changed;
  };

  const data: ChangeRow[] = [];
  for (const region of diffRegions(original, current)) {
    // Walk the region byte span by byte span: each byte goes to the first row whose span holds it.
    let pos = region.start;
    while (pos < region.end) {
      let owner: Span | null = null;
      let nextStart = region.end;
      for (const s of spans) {
        if (s.start > pos) {
          nextStart = Math.min(nextStart, s.start);
          break;
        }
        if (s.end > pos && (owner === null || s.row < owner.row)) owner = s;
      }
      if (owner) {
        let end = Math.min(owner.end, region.end);
        // A more specific span starting inside this one takes over there.
        for (const s of spans) if (s.start > pos && s.start < end && s.row < owner.row) end = s.start;
        addRange(rows[owner.row]!, pos, end);
        pos = end;
      } else {
        const end = Math.min(nextStart, region.end);
        const last = data[data.length - 1];
        const lastRange = last?.ranges[last.ranges.length - 1];
        const row =
          last && lastRange && lastRange.romOffset + lastRange.length === pos ? last : { kind: 'data' as const, label: '', ranges: [], changedBytes: 0 };
        if (row !== last) data.push(row);
        addRange(row, pos, end);
        pos = end;
      }
    }
  }
  for (const d of data) {
    const r = d.ranges[0];
    if (!r) continue;
    d.label = `data at ${formatLocation(r.snes, r.fileOffset)} (${r.changedBytes} of ${r.length} B changed)`;
  }
  return [...rows.filter((r) => r.changedBytes > 0), ...data.filter((d) => d.changedBytes > 0)].sort((a, b) => a.ranges[0]!.romOffset - b.ranges[0]!.romOffset);
}

function blockLabel(b: KnownBlock, where: (off: number) => string, short: (off: number) => string): { label: string; detail?: string } {
  const { before, after } = b;
  if (before && after && before.romOffset !== after.romOffset) {
    return {
      label: `${b.name}: relocated ${short(before.romOffset)} → ${short(after.romOffset)}, ${before.size} → ${after.size} B`,
      detail: `moved from ${where(before.romOffset)} to ${where(after.romOffset)}`,
    };
  }
  if (before && after)
    return { label: before.size === after.size ? `${b.name}: changed in place (${after.size} B)` : `${b.name}: ${before.size} → ${after.size} B in place` };
  if (after) return { label: `${b.name}: new (${after.size} B)`, detail: `at ${where(after.romOffset)}` };
  return { label: `${b.name}: removed (was ${before!.size} B)`, detail: `at ${where(before!.romOffset)}` };
}

/** A block the scanner or catalog knows: its name if any, where, how big, and the pointer slot naming it. */
export interface FoundBlock {
  name?: string;
  kind?: KnownBlock['kind'];
  romOffset: number;
  size: number;
  pointer?: number;
}

/**
 * Pairs the blocks found in the original with those found now: the same pointer slot means the
 * same block (so a relocation is one row), else the same offset. Unpaired blocks are new or removed.
 */
export function matchBlocks(before: FoundBlock[], after: FoundBlock[], name: (off: number) => string = (off) => `block at ${hex(off)}`): KnownBlock[] {
  const out: KnownBlock[] = [];
  const used = new Set<FoundBlock>();
  const byPointer = new Map<number, FoundBlock>();
  const byOffset = new Map<number, FoundBlock>();
  for (const a of after) {
    if (a.pointer !== undefined) byPointer.set(a.pointer, a);
    byOffset.set(a.romOffset, a);
  }
  for (const b of before) {
    let a = b.pointer !== undefined ? byPointer.get(b.pointer) : undefined;
    if (!a || used.has(a)) a = byOffset.get(b.romOffset);
    if (a && used.has(a)) a = undefined;
    if (a) used.add(a);
    out.push({
      name: b.name ?? a?.name ?? name(b.romOffset),
      kind: b.kind ?? a?.kind ?? 'sprite',
      before: { romOffset: b.romOffset, size: b.size },
      ...(a ? { after: { romOffset: a.romOffset, size: a.size } } : {}),
    });
  }
  for (const a of after)
    if (!used.has(a)) out.push({ name: a.name ?? name(a.romOffset), kind: a.kind ?? 'sprite', after: { romOffset: a.romOffset, size: a.size } });
  return out;
}

/**
 * Pointer slots an edit rewrote to follow a moved block: 24-bit values inside the changed regions
 * that named a block's old address in the original and name its new address now (any SNES mirror
 * of each, as the mapping gives them).
 */
export function movedPointers(original: Uint8Array, current: Uint8Array, moves: { from: number; to: number }[], mapping: Mapping): number[] {
  if (moves.length === 0) return [];
  const slots = new Set<number>();
  const regions = diffRegions(original, current);
  for (const m of moves) {
    const was = new Set(snesMirrors(mapping, m.from));
    const now = new Set(snesMirrors(mapping, m.to));
    if (was.size === 0 || now.size === 0) continue;
    for (const r of regions) {
      // A slot overlaps the region: it may start up to 2 bytes before it.
      for (let p = Math.max(0, r.start - 2); p < r.end; p++) {
        const a = u24(original, p);
        const b = u24(current, p);
        if (a !== null && b !== null && was.has(a) && now.has(b)) slots.add(p);
      }
    }
  }
  return [...slots].sort((x, y) => x - y);
}
