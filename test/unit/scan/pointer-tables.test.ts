import * as assert from 'node:assert/strict';
import { buildDemoRom, demoRomLayout } from '../../../src/core/demo/demo-rom';
import { decode, encode } from '../../../src/core/hal';
import { offsetToSnes } from '../../../src/core/rom/mapping';
import { reportedHits, scanRange, scanRom, type ScanHit } from '../../../src/core/scan';
import { applyPointerTables } from '../../../src/core/scan/pointer-tables';
import { Prng } from '../../../src/core/scan/prng';
import { makeTiles } from '../../../src/core/scan/synthetic-tiles';

/**
 * A 256 KiB LoROM image: random code-like bytes, five sprite blocks the tile scan finds, one block
 * of noise it cannot (random bytes do not compress or look like tiles), each in its own bank.
 */
function buildRom() {
  const rng = new Prng(42);
  const data = new Uint8Array(0x40000);
  for (let i = 0; i < data.length; i++) data[i] = Math.floor(rng.next() * 256);
  const blocks: Array<{ romOffset: number; consumed: number }> = [];
  const place = (raw: Uint8Array, romOffset: number) => {
    const stream = encode(raw);
    data.set(stream, romOffset);
    blocks.push({ romOffset, consumed: stream.length });
  };
  for (let k = 0; k < 5; k++) place(makeTiles(rng, 32, 4), 0x8000 * (k + 1) + 0x123);
  const noise = new Uint8Array(512);
  for (let i = 0; i < noise.length; i++) noise[i] = Math.floor(rng.next() * 256);
  place(noise, 0x30000 + 0x40);
  return { data, blocks };
}

function writeTable(data: Uint8Array, at: number, targets: number[], stride = 3, mirror = false): number[] {
  const slots: number[] = [];
  targets.forEach((t, i) => {
    let snes = offsetToSnes('lorom', t)!;
    if (mirror && i % 2) snes &= 0x7fffff; // the $00-$7D mirror of the same byte
    const slot = at + i * stride;
    data.set([snes & 0xff, (snes >>> 8) & 0xff, snes >>> 16], slot);
    if (stride === 4) data[slot + 3] = 0;
    slots.push(slot);
  });
  data.set([0, 0, 0, 0], at + targets.length * stride);
  return slots;
}

function at(hits: ScanHit[], romOffset: number): ScanHit | undefined {
  return hits.find((h) => h.romOffset === romOffset);
}

describe('scan: pointer tables', function () {
  this.timeout(60_000);

  it('finds all 44 demo sprite sheets at their exact start and size through the ROM pointer table', async () => {
    const layout = demoRomLayout();
    const data = buildDemoRom();
    const { hits, complete } = await scanRom(data, { mapping: 'lorom' });
    assert.ok(complete);
    for (const s of layout.sprites) {
      const h = at(hits, s.romOffset);
      assert.ok(h, `${s.name} at 0x${s.romOffset.toString(16)} not reported`);
      assert.equal(h.consumed, s.consumed, s.name);
      assert.equal(h.size, decode(data, s.romOffset).data.length, s.name);
      assert.equal(h.pointer, layout.pointerTable.romOffset + 3 * s.index, `${s.name}: its table slot`);
    }
    // Nothing else is reported (at the default confidence): not the inner starts the tile scan
    // chose (replaced), not the text or code around the sheets. Every sheet is named by the table.
    assert.ok(layout.sprites.every((s) => at(hits, s.romOffset)!.confidence === 'pointer'));
    assert.deepEqual(
      reportedHits(hits)
        .filter((h) => !layout.sprites.some((s) => s.romOffset === h.romOffset))
        .map((h) => h.romOffset),
      [],
    );
    // No hit overlaps another (the inner starts the tile scan chose were replaced, not kept).
    const hal = hits.filter((h) => h.kind === 'hal');
    for (let i = 1; i < hal.length; i++)
      assert.ok(hal[i - 1]!.romOffset + hal[i - 1]!.consumed <= hal[i]!.romOffset, `overlap at 0x${hal[i]!.romOffset.toString(16)}`);
  });

  it('adds a block the tile score misses and marks every block of the table with its slot', async () => {
    const { data, blocks } = buildRom();
    const noise = blocks[5]!;
    const tileOnly = await scanRom(data, {});
    assert.equal(at(tileOnly.hits, noise.romOffset), undefined, 'the noise block is invisible to the tile scan');
    for (const b of blocks.slice(0, 5)) assert.equal(at(tileOnly.hits, b.romOffset)?.consumed, b.consumed);

    const slots = writeTable(
      data,
      0x200,
      blocks.map((b) => b.romOffset),
      3,
      true,
    );
    const { hits } = await scanRom(data, { mapping: 'lorom' });
    blocks.forEach((b, i) => {
      const h = at(hits, b.romOffset);
      assert.ok(h, `block ${i} not reported`);
      assert.equal(h.consumed, b.consumed);
      assert.equal(h.pointer, slots[i]);
    });
    const n = at(hits, noise.romOffset)!;
    assert.equal(n.size, 512);
    assert.equal(n.tiles, 512 / (n.bpp * 8));
    assert.ok(n.score < 0.5, `noise scores as what it is (${n.score}), not as a sprite`);
  });

  it('reads tables of 4-byte slots too', () => {
    const { data, blocks } = buildRom();
    writeTable(
      data,
      0x200,
      blocks.map((b) => b.romOffset),
      4,
    );
    const hits = applyPointerTables(data, 'lorom', scanRange(data, {}).hits, { minTiles: 16 });
    assert.equal(at(hits, blocks[5]!.romOffset)?.pointer, 0x200 + 4 * 5);
  });

  it('reads tables of file offsets, naming the block the tile scan misses', () => {
    const { data, blocks } = buildRom();
    blocks.forEach((b, i) => data.set([b.romOffset & 0xff, (b.romOffset >>> 8) & 0xff, b.romOffset >>> 16, 0], 0x300 + 4 * i));
    data.set([0xff, 0xff, 0xff, 0xff], 0x300 + 4 * blocks.length);
    const tileOnly = scanRange(data, {}).hits;
    assert.equal(at(tileOnly, blocks[5]!.romOffset), undefined);
    const hits = applyPointerTables(data, 'lorom', tileOnly, { minTiles: 16 });
    for (const [i, b] of blocks.entries()) {
      const h = at(hits, b.romOffset);
      assert.equal(h?.consumed, b.consumed);
      assert.equal(h?.pointer, 0x300 + 4 * i);
      assert.equal(h?.confidence, 'pointer');
    }
  });

  it('reads 16-bit tables whose bank is implied (one bank shared by the blocks they name)', () => {
    const { data } = buildRom();
    // Five blocks in one bank ($02), the table elsewhere; the last block is noise the tile scan misses.
    const rng = new Prng(7);
    const placed: Array<{ romOffset: number; consumed: number }> = [];
    let o = 0x10000 + 0x40;
    for (let k = 0; k < 5; k++) {
      const stream = encode(k === 4 ? Uint8Array.from({ length: 512 }, () => Math.floor(rng.next() * 256)) : makeTiles(rng, 32, 4));
      data.set(stream, o);
      placed.push({ romOffset: o, consumed: stream.length });
      o += stream.length + 16;
    }
    placed.forEach((b, i) => {
      const snes = offsetToSnes('lorom', b.romOffset)!;
      data.set([snes & 0xff, (snes >>> 8) & 0xff], 0x400 + 2 * i);
    });
    data.set([0, 0], 0x400 + 2 * placed.length);
    const tileOnly = scanRange(data, {}).hits;
    assert.equal(at(tileOnly, placed[4]!.romOffset), undefined);
    const hits = applyPointerTables(data, 'lorom', tileOnly, { minTiles: 16 });
    for (const [i, b] of placed.entries()) {
      assert.equal(at(hits, b.romOffset)?.consumed, b.consumed);
      assert.equal(at(hits, b.romOffset)?.pointer, 0x400 + 2 * i);
    }
  });

  it('needs three slots naming found blocks: two are not a table', () => {
    const { data, blocks } = buildRom();
    writeTable(data, 0x200, [blocks[0]!.romOffset, blocks[5]!.romOffset, blocks[1]!.romOffset]);
    const before = scanRange(data, {}).hits;
    const after = applyPointerTables(data, 'lorom', before, { minTiles: 16 });
    assert.deepEqual(after, before);
  });

  it('ends a table at a slot that points at no stream, so what follows is not taken in', () => {
    const { data, blocks } = buildRom();
    // Three found blocks, then a slot into the random bytes of bank 7, then the noise block.
    writeTable(data, 0x200, [...blocks.slice(0, 3).map((b) => b.romOffset), 0x38000 + 0x777, blocks[5]!.romOffset]);
    const hits = applyPointerTables(data, 'lorom', scanRange(data, {}).hits, { minTiles: 16 });
    assert.equal(at(hits, blocks[5]!.romOffset), undefined);
    assert.equal(at(hits, blocks[0]!.romOffset)?.pointer, 0x200);
  });

  it('adds nothing outside the scanned range, and nothing without a mapping', async () => {
    const { data, blocks } = buildRom();
    writeTable(
      data,
      0x200,
      blocks.map((b) => b.romOffset),
    );
    const ranged = await scanRom(data, { mapping: 'lorom', end: 0x30000 });
    assert.equal(at(ranged.hits, blocks[5]!.romOffset), undefined);
    assert.equal(at(ranged.hits, blocks[4]!.romOffset)?.pointer, 0x200 + 12);
    const unmapped = await scanRom(data, { mapping: 'unknown' });
    assert.equal(at(unmapped.hits, blocks[5]!.romOffset), undefined);
    assert.ok(unmapped.hits.every((h) => h.pointer === undefined));
  });

  it('respects the smallest block size: a table entry below minTiles is not added', () => {
    const { data, blocks } = buildRom();
    writeTable(
      data,
      0x200,
      blocks.map((b) => b.romOffset),
    );
    // The noise block is 512 bytes: 32 tiles at 2bpp, 16 at 4bpp.
    const hits = applyPointerTables(data, 'lorom', scanRange(data, { minTiles: 16 }).hits, { minTiles: 64 });
    assert.equal(at(hits, blocks[5]!.romOffset), undefined);
  });
});
