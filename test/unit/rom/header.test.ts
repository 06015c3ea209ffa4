import * as assert from 'node:assert/strict';
import { chipsetName, mapModeName, regionName, readHeaderFields, titlePrintable } from '../../../src/core/rom';
import { buildRom } from '../../../src/core/rom/build';
import { Rom } from '../../../src/core/rom';

describe('header fields', () => {
  it('names regions, chipsets and map modes', () => {
    assert.equal(regionName(0), 'Japan');
    assert.equal(regionName(1), 'North America');
    assert.equal(regionName(2), 'Europe');
    assert.equal(regionName(0x42), 'Unknown (0x42)');
    assert.equal(chipsetName(0x00), 'ROM');
    assert.equal(chipsetName(0x02), 'ROM + RAM + battery');
    assert.equal(chipsetName(0x35), 'ROM + RAM + battery + SA-1');
    assert.equal(chipsetName(0x13), 'ROM + Super FX (GSU)');
    assert.equal(chipsetName(0x09), 'Unknown (0x09)');
    assert.equal(mapModeName(0x20), 'LoROM (SlowROM)');
    assert.equal(mapModeName(0x31), 'HiROM (FastROM)');
    assert.equal(mapModeName(0x23), 'LoROM + SA-1 (SlowROM)');
    assert.equal(mapModeName(0x99), 'Unknown (0x99)');
  });

  it('decodes every field, trims the title and reads JIS X 0201 katakana', () => {
    const data = buildRom({ mapping: 'lorom', size: 0x10000, title: 'ABC', region: 2, version: 3, ramSizeCode: 3 });
    data[0x7fc0 + 3] = 0xb1; // katakana A
    const f = readHeaderFields(data, 0x7fc0);
    assert.equal(f.title, 'ABC\uff71');
    assert.equal(f.region, 2);
    assert.equal(f.version, 3);
    assert.equal(f.ramSizeCode, 3);
    assert.equal(f.chipset, 0x02);
    assert.equal(f.resetVector, 0x8000);
    assert.equal(titlePrintable(data.subarray(0x7fc0, 0x7fd5)), true);
    assert.equal(titlePrintable(new Uint8Array(21).fill(0x20)), false);
    assert.equal(titlePrintable(Uint8Array.of(0x41, 0x01)), false);
  });

  it('builds ROMs the detector reads back for every mapping, with a valid checksum', () => {
    for (const mapping of ['lorom', 'hirom', 'exhirom', 'sa1', 'exlorom'] as const) {
      const size = mapping.startsWith('ex') ? 0x600000 : 0x100000;
      const rom = new Rom(buildRom({ mapping, size, title: 'BUILT', copierHeader: true }));
      assert.equal(rom.mapping, mapping);
      assert.equal(rom.checksum!.valid, true);
      assert.equal(rom.info().title, 'BUILT');
      assert.equal(rom.info().copierHeader, true);
    }
    assert.equal(new Rom(buildRom({ mapping: 'lorom', size: 0x10000, breakChecksum: true })).checksum!.valid, false);
    assert.throws(() => buildRom({ mapping: 'hirom', size: 0x8000 }), /needs at least/);
  });
});
