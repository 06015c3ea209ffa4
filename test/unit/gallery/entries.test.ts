import * as assert from 'node:assert/strict';
import { manualEntry, mergeEntries, type KnownSprite } from '../../../src/core/gallery';
import { buildRom } from '../../../src/core/rom/build';
import { formatSnes } from '../../../src/core/format';
import { Rom } from '../../../src/core/rom';
import type { ScanHit } from '../../../src/core/scan';

function hit(romOffset: number, over: Partial<ScanHit> = {}): ScanHit {
  return { romOffset, consumed: 300, size: 1024, tiles: 32, score: 0.8, kind: 'hal', bpp: 4, confidence: 'strong', reasons: ['40 commands'], ...over };
}

describe('gallery entries', () => {
  // A LoROM with a copier header: file offsets are 512 past ROM offsets, SNES addresses from the mapping.
  const rom = new Rom(buildRom({ mapping: 'lorom', size: 0x40000, copierHeader: true }));

  it('says where each block is three ways: ROM offset, file offset, $BB:AAAA', () => {
    const [e] = mergeEntries(rom, [hit(0x18000, { pointer: 0x8010 })], [], []);
    assert.equal(e!.romOffset, 0x18000);
    assert.equal(e!.fileOffset, 0x18000 + 512);
    assert.equal(e!.snes, formatSnes(rom.snesOf(0x18000)!));
    assert.equal(e!.snes, '$83:8000');
    assert.equal(e!.pointer, formatSnes(rom.snesOf(0x8010)!));
    assert.deepEqual([e!.source, e!.name, e!.paletteId, e!.widthTiles], ['scan', null, null, 16]);
  });

  it('names a scan hit with its catalog entry, keeping what the scan measured when the depths agree', () => {
    const known: KnownSprite[] = [
      { name: 'Knight', romOffset: 0x18000, kind: 'hal', bpp: 4, tiles: 99, widthTiles: 8, paletteRomOffset: 0x7f00, notes: 'from the bundled catalog' },
    ];
    const [e] = mergeEntries(rom, [hit(0x18000, { pointer: 0x8010 })], known, []);
    assert.equal(e!.name, 'Knight');
    assert.equal(e!.source, 'catalog');
    assert.deepEqual([e!.tiles, e!.consumed, e!.size, e!.score, e!.confidence], [32, 300, 1024, 0.8, 'strong'], 'the scan measured the block');
    assert.equal(e!.pointer, '$81:8010');
    assert.equal(e!.widthTiles, 8);
    assert.equal(e!.paletteId, 'rom:32512');
    assert.equal(e!.notes, 'from the bundled catalog');
  });

  it('counts tiles at the catalog depth when it differs from the scan, or from the catalog alone', () => {
    const at2bpp: KnownSprite = { name: 'Font', romOffset: 0x18000, kind: 'hal', bpp: 2 };
    const [e] = mergeEntries(rom, [hit(0x18000)], [at2bpp], []);
    assert.equal(e!.tiles, 1024 / 16, 'the decoded size at 2bpp');
    const alone = mergeEntries(rom, [], [{ name: 'Raw', romOffset: 0x20000, kind: 'raw', bpp: 4, tiles: 12 }], [])[0]!;
    assert.deepEqual([alone.tiles, alone.size, alone.consumed, alone.score, alone.confidence, alone.pointer], [12, 12 * 32, 0, null, null, null]);
  });

  it('keeps a decompressed block where the scan found none, one entry an offset, in ROM order', () => {
    const manual = [manualEntry(rom, 0x30000, { consumed: 77, size: 640 }), manualEntry(rom, 0x18000, { consumed: 1, size: 32 })];
    assert.deepEqual([manual[0]!.tiles, manual[0]!.source, manual[0]!.kind, manual[0]!.bpp], [20, 'manual', 'hal', 4]);
    const entries = mergeEntries(rom, [hit(0x18000), hit(0x10000)], [{ name: 'Boss', romOffset: 0x30000, kind: 'hal', bpp: 4 }], manual);
    assert.deepEqual(
      entries.map((e) => [e.romOffset, e.source]),
      [
        [0x10000, 'scan'],
        [0x18000, 'scan'],
        [0x30000, 'catalog'],
      ],
    );
    assert.deepEqual(
      [entries[2]!.name, entries[2]!.consumed, entries[2]!.size, entries[2]!.tiles],
      ['Boss', 77, 640, 20],
      'the catalog entry over the decompressed block',
    );
  });

  it('has no $BB:AAAA where the mapping has none', () => {
    const blank = { copierHeaderSize: 0, snesOf: () => null };
    const [e] = mergeEntries(blank, [hit(0x100, { pointer: 0x10 })], [], []);
    assert.deepEqual([e!.snes, e!.pointer, e!.fileOffset], [null, null, 0x100]);
  });
});
