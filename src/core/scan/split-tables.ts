/**
 * Split pointer tables: games often keep a table's 16-bit addresses and their bank bytes in two
 * arrays indexed alike (`lda lo_hi,x` / `lda bank,x`), in either order, anywhere in the ROM (a
 * gap, other tables, code between them), the banks one byte apart or padded to words.
 *
 * Found like the other tables (pointer-tables.ts), from the blocks the tile scan found (anchors):
 * 1. address arrays: runs of 16-bit values at stride 2 holding the low 16 bits of at least
 *    MIN_ANCHORS distinct found starts (any mirror the mapping has: the low 16 bits are the same
 *    in $00-$3F, $80-$BF and, for HiROM, $40-$7D / $C0-$FF);
 * 2. for each, the bank array: the places where the anchors' bank bytes (any mirror's bank) stand
 *    at the same indices, at stride 1 or 2;
 * 3. the table: from the anchors outward, every index whose 16-bit address and bank byte name a
 *    found start or a stream that decodes (`named`); it counts when it still holds MIN_ANCHORS
 *    found starts. The table with the most slots wins when several bank arrays fit.
 */
import { snesMirrors, snesToOffset, type Mapping } from '../rom/mapping';
import type { ScanHit } from './types';

/** Bank-array strides tried: bank bytes, and bank bytes padded to words. */
const BANK_STRIDES = [1, 2] as const;
/** Bank arrays tried per address array (the most any run of anchor banks matches in a real ROM is a few). */
const MAX_BANK_ARRAYS = 256;
/** Anchors of an address array tried in turn as the key to its bank array. */
const KEY_ANCHORS = 4;

interface Anchor {
  /** Index in the address array. */
  index: number;
  /** Banks whose address with this slot's low 16 bits reads the found start. */
  banks: readonly number[];
  start: number;
}

/**
 * Address-slot offset -> target offset, for every split table found. `minAnchors` found starts
 * make a table; `named(target)` says whether an offset starts a stream worth a slot.
 */
export function splitTableSlots(
  data: Uint8Array,
  mapping: Mapping,
  hal: readonly ScanHit[],
  minAnchors: number,
  named: (target: number) => boolean,
): Map<number, number> {
  const slots = new Map<number, number>();
  // low 16 bits -> [found start, banks reaching it with those bits]
  const byLow = new Map<number, Array<{ start: number; banks: number[] }>>();
  for (const h of hal) {
    const perLow = new Map<number, number[]>();
    for (const snes of snesMirrors(mapping, h.romOffset)) {
      const low = snes & 0xffff;
      const list = perLow.get(low) ?? [];
      list.push(snes >>> 16);
      perLow.set(low, list);
    }
    for (const [low, banks] of perLow) {
      const list = byLow.get(low) ?? [];
      list.push({ start: h.romOffset, banks });
      byLow.set(low, list);
    }
  }
  if (byLow.size === 0) return slots;
  const isLow = new Uint8Array(0x10000);
  for (const low of byLow.keys()) isLow[low] = 1;
  const u16 = (at: number) => data[at]! | (data[at + 1]! << 8);

  // 1. Address arrays: maximal runs at stride 2 (per parity) of slots naming found starts,
  //    allowing up to `minAnchors` other slots between two anchors (streams the scan missed). A
  //    slot repeating the one before is no anchor (padding and fills repeat; tables name blocks).
  const done = new Uint8Array(data.length);
  for (let i = 0; i + 2 <= data.length; i++) {
    const v = data[i]! | (data[i + 1]! << 8);
    if (isLow[v] !== 1 || done[i] === 1 || (i >= 2 && u16(i - 2) === v)) continue;
    const anchors: Anchor[] = [];
    let misses = 0;
    for (let at = i, k = 0; at + 2 <= data.length && misses <= minAnchors; at += 2, k++) {
      const found = isLow[u16(at)] === 1 && (at === i || u16(at) !== u16(at - 2)) ? byLow.get(u16(at))! : null;
      if (!found) {
        misses++;
        continue;
      }
      done[at] = 1;
      misses = 0;
      for (const f of found) anchors.push({ index: k, banks: f.banks, start: f.start });
    }
    if (new Set(anchors.map((a) => a.start)).size < minAnchors) continue;
    for (const [slot, target] of bankArrays(data, mapping, i, anchors, minAnchors, named)) if (!slots.has(slot)) slots.set(slot, target);
  }
  return slots;
}

/** The best table for the address array at `base` (slots of `anchors`), over every bank array that fits. */
function bankArrays(
  data: Uint8Array,
  mapping: Mapping,
  base: number,
  anchors: readonly Anchor[],
  minAnchors: number,
  named: (target: number) => boolean,
): Map<number, number> {
  let best = new Map<number, number>();
  const firstIndex = anchors[0]!.index;
  const lastIndex = anchors[anchors.length - 1]!.index;
  // The bank array is looked for from a few anchors in turn (one at the run's edge may be a
  // value that only happens to equal a found start's low bits).
  const keys = anchors.filter((a, n) => anchors.findIndex((b) => b.start === a.start) === n).slice(0, KEY_ANCHORS);
  for (const key of keys) {
    for (const stride of BANK_STRIDES) {
      let tried = 0;
      for (let j = 0; j < data.length && tried < MAX_BANK_ARRAYS; j++) {
        if (!key.banks.includes(data[j]!)) continue;
        const b = j - stride * key.index;
        if (b + stride * firstIndex < 0 || b + stride * lastIndex >= data.length) continue;
        // Not the address array itself (its high bytes are no bank array).
        if (b + stride * firstIndex < base + 2 * (lastIndex + 1) && base + 2 * firstIndex < b + stride * (lastIndex + 1)) continue;
        // Enough anchors whose bank stands at their index.
        const matched = new Set(anchors.filter((a) => a.banks.includes(data[b + stride * a.index]!)).map((a) => a.start));
        if (matched.size < minAnchors) continue;
        tried++;
        const table = follow(data, mapping, base, b, stride, key.index, named);
        const starts = new Set(anchors.filter((a) => table.get(base + 2 * a.index) === a.start).map((a) => a.start));
        if (starts.size >= minAnchors && table.size > best.size) best = table;
      }
    }
    if (best.size > 0) break;
  }
  return best;
}

/** Slots of the split table (addresses at `base`, banks at `banks` by `stride`) around index `from`. */
function follow(
  data: Uint8Array,
  mapping: Mapping,
  base: number,
  banks: number,
  stride: number,
  from: number,
  named: (target: number) => boolean,
): Map<number, number> {
  const table = new Map<number, number>();
  const target = (k: number): number => {
    const at = base + 2 * k;
    const bankAt = banks + stride * k;
    if (k < 0 || at < 0 || bankAt < 0 || at + 2 > data.length || bankAt >= data.length) return -1;
    const t = snesToOffset(mapping, (data[bankAt]! << 16) | data[at]! | (data[at + 1]! << 8));
    return t !== null && t < data.length && named(t) ? t : -1;
  };
  let lo = from;
  while (target(lo - 1) >= 0) lo--;
  for (let k = lo; ; k++) {
    const t = target(k);
    if (t < 0) break;
    table.set(base + 2 * k, t);
  }
  return table;
}
