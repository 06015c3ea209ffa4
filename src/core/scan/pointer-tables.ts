/**
 * Pointer tables: the evidence a game leaves about where its graphics start. Games reach their
 * compressed sheets through tables of 24-bit little-endian SNES addresses, so once the tile
 * scan has found a few blocks, a run of table slots pointing at them names the true start of
 * every block in that table, including the ones the tile score alone gets wrong:
 *
 * - a block that barely compresses or does not look like tiles (a dithered texture) is not
 *   reported by the tile scan at all; its table slot still points at it;
 * - a block reported from a start inside it (a later command boundary that happens to score
 *   higher, same terminator) is moved back to the start the table holds.
 *
 * A table is a run of slots at a fixed stride (3 or 4 bytes) holding at least MIN_ANCHORS
 * addresses of blocks the tile scan found ("anchors"), where every slot in between holds the
 * address of a strict, tile-sized HAL stream. One slot that happens to hold a block's address is
 * not evidence (in random bytes every address is "pointed at" about once per 8 MiB per mirror);
 * three at a fixed stride are. Tables of other data (a pointer into code, a zero terminator) end
 * the run. The pass needs the ROM's mapping to read SNES addresses; without one it does nothing.
 *
 * Forms read: 24-bit addresses at stride 3 or 4 (any mirror), 24-bit file offsets, 16-bit
 * addresses at stride 2 whose bank is implied (one bank shared by the blocks they name), and
 * split tables (split-tables.ts: 16-bit addresses beside an array of bank bytes).
 */
import { decodeInto } from '../hal';
import { hex } from '../format';
import { snesMirrors, snesToOffset, type Mapping } from '../rom/mapping';
import { scoreTiles } from './score';
import { splitTableSlots } from './split-tables';
import type { ScanHit } from './types';

/** Anchors (slots pointing at blocks the tile scan found) that make a run of slots a table. */
export const MIN_ANCHORS = 3;
/** Slot strides tried: packed 24-bit pointers, and 24-bit pointers padded to 4 bytes. */
const STRIDES = [3, 4] as const;

const buf = new Uint8Array(0x10000);

/**
 * Headerless offset for each 24-bit value, by table lookup: 512 half-banks, each either unmapped
 * (-1) or a linear run of 32 KiB (what every SNES mapping is at that grain). Turns the per-byte
 * address translation of the pass into two array reads.
 */
function halfBankBases(mapping: Mapping, romLength: number): Int32Array {
  const bases = new Int32Array(512).fill(-1);
  for (let h = 0; h < 512; h++) {
    const first = h * 0x8000;
    const base = snesToOffset(mapping, first);
    if (base === null || base + 0x8000 > romLength) continue;
    if (snesToOffset(mapping, first + 0x7fff) !== base + 0x7fff) continue;
    bases[h] = base;
  }
  return bases;
}

/** The same table for 24-bit file offsets: every half-bank maps to itself. */
function fileOffsetBases(romLength: number): Int32Array {
  const bases = new Int32Array(512).fill(-1);
  for (let h = 0; h < 512 && (h + 1) * 0x8000 <= romLength; h++) bases[h] = h * 0x8000;
  return bases;
}

function targetAt(data: Uint8Array, at: number, bases: Int32Array): number {
  const v = data[at]! | (data[at + 1]! << 8) | (data[at + 2]! << 16);
  const base = bases[v >>> 15]!;
  return base < 0 ? -1 : base + (v & 0x7fff);
}

/**
 * Offsets whose 24-bit value is the address of a found start. The hot loop of the pass (every
 * byte of the ROM): the value rolls one byte at a time; a 64 KiB table of the addresses' low 16
 * bits turns away nearly every value before the full translation.
 */
function findAnchors(data: Uint8Array, bases: Int32Array, low16: Uint8Array, isStart: Uint8Array): number[] {
  const anchors: number[] = [];
  const n = data.length;
  if (n < 3) return anchors;
  let v = data[0]! | (data[1]! << 8);
  for (let i = 0; i + 3 <= n; i++) {
    v = (v | (data[i + 2]! << 16)) >>> 0;
    if (low16[v & 0xffff] === 1) {
      const base = bases[v >>> 15]!;
      if (base >= 0 && isStart[base + (v & 0x7fff)] === 1) anchors.push(i);
    }
    v >>>= 8;
  }
  return anchors;
}

/**
 * Slots of 16-bit tables whose bank is implied: a run of 2-byte addresses at stride 2 naming at
 * least MIN_ANCHORS distinct found starts of one bank, every slot naming a start or a stream that decodes
 * in that bank (`named`). One pass over the ROM finds every value equal to the low 16 bits of a
 * found start's address; the runs are then followed per bank.
 */
function sixteenBitSlots(data: Uint8Array, mapping: Mapping, hal: readonly ScanHit[], named: (target: number) => boolean): Map<number, number> {
  const slots = new Map<number, number>();
  const banks = new Map<number, Set<number>>(); // found start -> its banks (one per mirror)
  const byLow = new Map<number, number[]>(); // low 16 bits -> banks of found starts
  const perBank = new Map<number, number>();
  for (const h of hal) {
    // Every mirror: SA-1's LoROM-like banks hold other low 16 bits than its $C0-$FF banks.
    for (const snes of snesMirrors(mapping, h.romOffset)) {
      const bank = snes >>> 16;
      const own = banks.get(h.romOffset) ?? new Set<number>();
      if (own.has(bank)) continue;
      own.add(bank);
      banks.set(h.romOffset, own);
      perBank.set(bank, (perBank.get(bank) ?? 0) + 1);
      const low = snes & 0xffff;
      const list = byLow.get(low) ?? [];
      if (!list.includes(bank)) list.push(bank);
      byLow.set(low, list);
    }
  }
  const isLow = new Uint8Array(0x10000);
  for (const [low, list] of byLow) if (list.some((b) => perBank.get(b)! >= MIN_ANCHORS)) isLow[low] = 1;
  const targetIn = (bank: number, at: number): number =>
    at < 0 || at + 2 > data.length ? -1 : (snesToOffset(mapping, (bank << 16) | data[at]! | (data[at + 1]! << 8)) ?? -1);
  const seen = new Set<string>();
  for (let i = 0; i + 2 <= data.length; i++) {
    if (isLow[data[i]! | (data[i + 1]! << 8)] !== 1) continue;
    for (const bank of byLow.get(data[i]! | (data[i + 1]! << 8))!) {
      if (perBank.get(bank)! < MIN_ANCHORS || seen.has(`${bank}:${i}`)) continue;
      const ok = (at: number) => {
        const t = targetIn(bank, at);
        return t >= 0 && named(t);
      };
      let first = i;
      while (ok(first - 2)) first -= 2;
      const run: number[] = [];
      // Distinct starts named: a run of one repeated address (interrupt vectors) is not a table.
      const anchored = new Set<number>();
      for (let at = first; ok(at); at += 2) {
        run.push(at);
        seen.add(`${bank}:${at}`);
        if (banks.get(targetIn(bank, at))?.has(bank)) anchored.add(targetIn(bank, at));
      }
      if (anchored.size >= MIN_ANCHORS) for (const at of run) slots.set(at, targetIn(bank, at));
    }
  }
  return slots;
}

function namedBy(slot: number): string {
  return `named by a pointer table (slot at ${hex(slot)})`;
}

interface Decoded {
  consumed: number;
  size: number;
}

export interface PointerPassOptions {
  minTiles: number;
  /** Blocks are added or moved only when they start in [start, end) (the scanned range). */
  start?: number;
  end?: number;
}

/**
 * The hits corrected and completed from the pointer tables found in `data`: blocks a table
 * points at are reported at the address it holds (moved back when the tile scan found them from
 * inside), missing ones added, each with `pointer` set to its slot. Raw hits pass through.
 */
export function applyPointerTables(data: Uint8Array, mapping: Mapping, hits: readonly ScanHit[], opts: PointerPassOptions): ScanHit[] {
  const hal = hits.filter((h) => h.kind === 'hal');
  if (hal.length < MIN_ANCHORS || data.length < 4) return [...hits];
  const starts = new Map(hal.map((h) => [h.romOffset, h]));
  const ends = new Map(hal.map((h) => [h.romOffset + h.consumed, h]));
  const decoded = new Map<number, Decoded | null>();
  const decodeAt = (offset: number): Decoded | null => {
    let d = decoded.get(offset);
    if (d !== undefined) return d;
    const st = decodeInto(data, offset, buf, { strict: true });
    d = st.ok && st.size % 16 === 0 && st.size >= opts.minTiles * 16 ? { consumed: st.consumed, size: st.size } : null;
    decoded.set(offset, d);
    return d;
  };
  // A slot is part of a table when it points at a found start or at a strict tile-sized stream.
  const lo = opts.start ?? 0;
  const hi = opts.end ?? data.length;
  const slotOk = (at: number, bases: Int32Array): boolean => {
    if (at < 0 || at + 3 > data.length) return false;
    const t = targetAt(data, at, bases);
    return t >= lo && t < hi && (starts.has(t) || decodeAt(t) !== null);
  };

  // Slot offset -> the target it names, for every slot of every table found: tables of SNES
  // addresses (any mirror the mapping has), and tables of file offsets.
  const slots = new Map<number, number>();
  for (const bases of [halfBankBases(mapping, data.length), fileOffsetBases(data.length)]) {
    // The low 16 bits of every address of a found start (64 KiB, stays in cache): the pass
    // below tests every offset's value against it first, and rarely needs more.
    const isStart = new Uint8Array(data.length);
    const low16 = new Uint8Array(0x10000);
    for (const h of hal) {
      isStart[h.romOffset] = 1;
      for (let half = 0; half < 512; half++) {
        const base = bases[half]!;
        if (base >= 0 && h.romOffset >= base && h.romOffset < base + 0x8000) low16[((half & 1) << 15) | (h.romOffset - base)] = 1;
      }
    }
    const anchors = findAnchors(data, bases, low16, isStart);
    if (anchors.length < MIN_ANCHORS) continue;
    for (const stride of STRIDES) {
      const seen = new Set<number>();
      for (const a of anchors) {
        if (seen.has(a)) continue;
        let first = a;
        while (slotOk(first - stride, bases)) first -= stride;
        let count = 0;
        const run: number[] = [];
        for (let at = first; slotOk(at, bases); at += stride) {
          run.push(at);
          seen.add(at);
          if (starts.has(targetAt(data, at, bases))) count++;
        }
        if (count < MIN_ANCHORS) continue;
        for (const at of run) if (!slots.has(at)) slots.set(at, targetAt(data, at, bases));
      }
    }
  }
  const named = (t: number) => t >= lo && t < hi && (starts.has(t) || decodeAt(t) !== null);
  for (const [slot, target] of sixteenBitSlots(data, mapping, hal, named)) if (!slots.has(slot)) slots.set(slot, target);
  for (const [slot, target] of splitTableSlots(data, mapping, hal, MIN_ANCHORS, named)) if (!slots.has(slot)) slots.set(slot, target);
  if (slots.size === 0) return [...hits];

  const byStart = new Map(hits.map((h) => [h.romOffset, h]));
  for (const [slot, target] of [...slots].sort((x, y) => x[0] - y[0])) {
    const found = starts.get(target);
    if (found) {
      if (byStart.get(target)?.pointer === undefined)
        byStart.set(target, { ...found, pointer: slot, confidence: 'pointer', reasons: [namedBy(slot), ...found.reasons] });
      continue;
    }
    const d = decodeAt(target)!;
    const end = target + d.consumed;
    const inner = ends.get(end);
    // Same terminator, found from inside: the table holds the true start.
    if (inner && inner.romOffset > target) byStart.delete(inner.romOffset);
    decodeInto(data, target, buf, { strict: true }); // decodeAt checked it: this refills buf
    const s = scoreTiles(buf, d.size, d.consumed, { ratioGate: false });
    const bpp = Math.floor(d.size / (s.bpp * 8)) >= opts.minTiles ? s.bpp : 2;
    const hit: ScanHit = {
      romOffset: target,
      consumed: d.consumed,
      size: d.size,
      tiles: d.size / (bpp * 8),
      score: s.score,
      kind: 'hal',
      bpp,
      pointer: slot,
      confidence: 'pointer',
      reasons: [namedBy(slot)],
    };
    // Hits overlapping a block a table names are what the tile scan misread (real blocks never
    // overlap, and raw regions never overlap a HAL block).
    for (const [start, h] of byStart) if (h.pointer === undefined && start < end && target < start + h.consumed) byStart.delete(start);
    byStart.set(target, hit);
  }
  return [...byStart.values()].sort((a, b) => a.romOffset - b.romOffset);
}
