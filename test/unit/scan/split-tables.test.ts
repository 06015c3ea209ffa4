/**
 * Split pointer tables (split-tables.ts, through applyPointerTables): an array of 16-bit addresses
 * beside an array of bank bytes at the same index, in either order, with a gap, banks at stride 1
 * or 2, in LoROM, HiROM, ExHiROM and SA-1 images built here, entries in every mirror the mapping
 * has. The tile scan's hits are the found blocks; one block (noise) it cannot find is named only
 * by the table.
 */
import * as assert from 'node:assert/strict';
import { encode } from '../../../src/core/hal';
import { snesMirrors, type Mapping } from '../../../src/core/rom/mapping';
import type { ScanHit } from '../../../src/core/scan';
import { applyPointerTables } from '../../../src/core/scan/pointer-tables';
import { Prng } from '../../../src/core/scan/prng';
import { halCandidate } from '../../../src/core/scan/scan-range';
import { makeTiles } from '../../../src/core/scan/synthetic-tiles';

interface Layout {
  /** Offsets of the blocks (the last one is noise the tile scan cannot find). */
  blocks: number[];
  /** Where the address array starts, and the bank array. */
  addresses: number;
  banks: number;
  bankStride: 1 | 2;
}

interface Built {
  data: Uint8Array;
  hits: ScanHit[];
  consumed: number[];
}

function build(mapping: Mapping, size: number, layout: Layout, seed: number): Built {
  const rng = new Prng(seed);
  const data = new Uint8Array(size);
  const hits: ScanHit[] = [];
  const consumed: number[] = [];
  layout.blocks.forEach((at, k) => {
    const noise = k === layout.blocks.length - 1;
    const raw = noise ? Uint8Array.from({ length: 512 }, () => rng.int(0, 255)) : makeTiles(rng, 32, 4);
    const stream = encode(raw, { level: 'greedy' });
    data.set(stream, at);
    consumed.push(stream.length);
    const hit = halCandidate(data, at, 16);
    if (noise) assert.equal(hit, null, 'the noise block is invisible to the tile scan');
    else {
      assert.ok(hit, `block ${k} is found by the tile scan`);
      hits.push({ ...hit, confidence: 'strong', reasons: ['found'] });
    }
    // Every form of the address the mapping has, in turn: $80-$BF / $00-$3F, $C0-$FF / $40-$7D.
    const forms = snesMirrors(mapping, at);
    const snes = forms[k % forms.length]!;
    data.set([snes & 0xff, (snes >>> 8) & 0xff], layout.addresses + 2 * k);
    data[layout.banks + layout.bankStride * k] = snes >>> 16;
  });
  return { data, hits, consumed };
}

function check(mapping: Mapping, size: number, layout: Layout, seed = 1): void {
  const { data, hits, consumed } = build(mapping, size, layout, seed);
  const out = applyPointerTables(data, mapping, hits, { minTiles: 16 });
  layout.blocks.forEach((at, k) => {
    const h = out.find((x) => x.romOffset === at);
    assert.ok(h, `${mapping}: block ${k} at 0x${at.toString(16)} not reported`);
    assert.equal(h.consumed, consumed[k]);
    assert.equal(h.pointer, layout.addresses + 2 * k, `${mapping}: block ${k} names its address slot`);
    assert.equal(h.confidence, 'pointer');
  });
}

describe('scan: split pointer tables (16-bit addresses beside bank bytes)', function () {
  this.timeout(60_000);
  const lorom = [0x8123, 0x10456, 0x28040, 0x38800, 0x50000 + 0x1234];

  it('LoROM: banks after the addresses with a gap, bank bytes at stride 1, $80-$BF and $00-$3F forms', () => {
    check('lorom', 0x80000, { blocks: lorom, addresses: 0x2000, banks: 0x2400, bankStride: 1 });
  });

  it('LoROM: banks before the addresses, padded to words (stride 2)', () => {
    check('lorom', 0x80000, { blocks: lorom, addresses: 0x6100, banks: 0x300, bankStride: 2 });
  });

  it('HiROM: $C0-$FF, $40-$7D and $80-$BF forms', () => {
    // Every block above $8000 in its bank, so all four forms reach it.
    check('hirom', 0x80000, { blocks: [0x18123, 0x29000, 0x3c040, 0x4a000, 0x6f000], addresses: 0x7000, banks: 0x100, bankStride: 1 });
  });

  it('ExHiROM: blocks in the first 4 MiB ($C0-$FF / $80-$BF) and above it ($40-$7D / $00-$3F)', () => {
    check('exhirom', 0x440000, { blocks: [0x18123, 0x209000, 0x40c040, 0x41a000, 0x42f000], addresses: 0x1000, banks: 0x5000, bankStride: 2 });
  });

  it('SA-1: $C0-$FF and the LoROM-like $00-$3F / $80-$BF forms', () => {
    check('sa1', 0x200000, { blocks: [0x8123, 0x48000, 0x110400, 0x1a0000, 0x1f0000], addresses: 0x3000, banks: 0x3800, bankStride: 1 });
  });

  it('needs three found blocks at their index: two are not a table, nor banks at other indices', () => {
    const layout: Layout = { blocks: lorom, addresses: 0x2000, banks: 0x2400, bankStride: 1 };
    const { data, hits } = build('lorom', 0x80000, layout, 2);
    // Only two of the found blocks given: no table, nothing added.
    const two = hits.slice(0, 2);
    assert.deepEqual(applyPointerTables(data, 'lorom', two, { minTiles: 16 }), two);
    // The bank bytes in reverse order: no bank array fits the anchors' indices, nothing is named.
    const reversed = data.slice();
    reversed.set(data.slice(layout.banks, layout.banks + 5).reverse(), layout.banks);
    const out = applyPointerTables(reversed, 'lorom', hits, { minTiles: 16 });
    assert.ok(out.every((h) => h.pointer === undefined));
  });

  it('ends the table at an index whose address and bank name no stream', () => {
    const layout: Layout = { blocks: lorom, addresses: 0x2000, banks: 0x2400, bankStride: 1 };
    const { data, hits } = build('lorom', 0x80000, layout, 3);
    // Index 3 now names zeros in bank $8A: the noise block after it is not taken in.
    data.set([0x00, 0x90], layout.addresses + 6);
    data[layout.banks + 3] = 0x8a;
    const out = applyPointerTables(data, 'lorom', hits, { minTiles: 16 });
    assert.equal(
      out.find((h) => h.romOffset === lorom[4]),
      undefined,
    );
    assert.equal(out.find((h) => h.romOffset === lorom[0])?.pointer, layout.addresses);
  });
});

describe('scan: 16-bit pointer tables whose bank is implied, in every mapping', function () {
  this.timeout(60_000);
  // Five blocks in one 64 KiB (HiROM-like) or 32 KiB (LoROM-like) bank; the last is noise.
  const cases: Array<{ mapping: Mapping; size: number; blocks: number[]; form: number }> = [
    { mapping: 'lorom', size: 0x80000, blocks: [0x28010, 0x28400, 0x28c00, 0x29800, 0x2a400], form: 1 }, // $05:8010.. ($00-$3F mirror)
    { mapping: 'hirom', size: 0x80000, blocks: [0x38010, 0x38c00, 0x39800, 0x3b000, 0x3c400], form: 1 }, // $43:xxxx ($40-$7D mirror)
    { mapping: 'exhirom', size: 0x440000, blocks: [0x410010, 0x410c00, 0x411800, 0x413000, 0x414400], form: 0 }, // $41:xxxx
    { mapping: 'sa1', size: 0x200000, blocks: [0x110010, 0x110400, 0x110c00, 0x111800, 0x112400], form: 1 }, // $22:8010.. (LoROM-like chunk 1)
  ];
  for (const c of cases) {
    it(`${c.mapping}: a run of 2-byte addresses names the blocks of one bank, including one the tile scan misses`, () => {
      const rng = new Prng(9);
      const data = new Uint8Array(c.size);
      const hits: ScanHit[] = [];
      const consumed: number[] = [];
      const table = 0x1000;
      c.blocks.forEach((at, k) => {
        const noise = k === c.blocks.length - 1;
        const stream = encode(noise ? Uint8Array.from({ length: 512 }, () => rng.int(0, 255)) : makeTiles(rng, 32, 4), { level: 'greedy' });
        data.set(stream, at);
        consumed.push(stream.length);
        const hit = halCandidate(data, at, 16);
        if (!noise) hits.push({ ...hit!, confidence: 'strong', reasons: ['found'] });
        const forms = snesMirrors(c.mapping, at);
        const snes = forms[Math.min(c.form, forms.length - 1)]!;
        data.set([snes & 0xff, (snes >>> 8) & 0xff], table + 2 * k);
      });
      const out = applyPointerTables(data, c.mapping, hits, { minTiles: 16 });
      c.blocks.forEach((at, k) => {
        const h = out.find((x) => x.romOffset === at);
        assert.equal(h?.consumed, consumed[k], `block ${k}`);
        assert.equal(h?.pointer, table + 2 * k, `block ${k}: its slot`);
      });
    });
  }
});
