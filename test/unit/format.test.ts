import * as assert from 'node:assert/strict';
import { cssRgb, fileOffsetOf, formatLocation, formatSize, formatSnes, hex } from '../../src/core/format';
import { buildRom } from '../../src/core/rom/build';
import { Rom, snesMirrors, type Mapping } from '../../src/core/rom';

describe('format: locations and sizes', () => {
  it('writes hex with a minimum width, upper case, never cutting digits', () => {
    assert.equal(hex(0x1f400), '0x01F400');
    assert.equal(hex(0xab, 2), '0xAB');
    assert.equal(hex(0xabc, 2), '0xABC');
    assert.equal(hex(0x1234567), '0x1234567');
    assert.equal(hex(0, 1), '0x0');
  });

  it('writes SNES addresses as $BB:AAAA, and keeps null for an unmapped byte', () => {
    assert.equal(formatSnes(0x808000), '$80:8000');
    assert.equal(formatSnes(0x0f0abc), '$0F:0ABC');
    assert.equal(formatSnes(0xffffff), '$FF:FFFF');
    assert.equal(formatSnes(null), null);
  });

  it('writes a location in each style, and the file offset alone without a SNES address', () => {
    assert.equal(formatLocation(0xc12345, 0x12545), '$C1:2345');
    assert.equal(formatLocation(0xc12345, 0x12545, 'with-file'), '$C1:2345 (file 0x012545)');
    assert.equal(formatLocation(0xc12345, 0x12545, 'dotted'), '$C1:2345 · 0x012545');
    assert.equal(formatLocation('$C1:2345', 0x12545, 'dotted'), '$C1:2345 · 0x012545', 'already formatted text, as the webview protocol carries it');
    for (const style of ['short', 'with-file', 'dotted'] as const) assert.equal(formatLocation(null, 0x200, style), '0x000200');
    assert.equal(fileOffsetOf(0x8000, 512), 0x8200);
  });

  it('writes colours as CSS does, six lower-case digits', () => {
    assert.equal(cssRgb(0x00ff80), '#00ff80');
    assert.equal(cssRgb(0), '#000000');
  });

  it('writes sizes in binary units, compact by default and with fixed decimals on request', () => {
    assert.deepEqual(
      [0, 1023, 1024, 1536, 10239, 10240, 65536].map((n) => formatSize(n)),
      ['0 B', '1023 B', '1.0 KiB', '1.5 KiB', '10.0 KiB', '10 KiB', '64 KiB'],
    );
    assert.equal(formatSize(3 * 1024 * 1024 + 300 * 1024), '3.3 MiB');
    assert.equal(formatSize(12.3 * 1024 * 1024, 1), '12.3 MiB');
    assert.equal(formatSize(40 * 1024, 1), '40.0 KiB');
  });
});

describe('Rom.fileOffsetOf / describeOffset', () => {
  // [mapping, headerless size, headerless offset, its canonical SNES address]
  const cases: [Exclude<Mapping, 'unknown'>, number, number, string][] = [
    ['lorom', 0x80000, 0x1f400, '$83:F400'],
    ['lorom', 0x80000, 0, '$80:8000'],
    ['hirom', 0x100000, 0x12345, '$C1:2345'],
    ['exhirom', 0x500000, 0x18000, '$C1:8000'],
    ['exhirom', 0x500000, 0x418000, '$41:8000'],
  ];
  for (const [mapping, size, romOffset, snes] of cases) {
    for (const copierHeader of [false, true]) {
      it(`${mapping}${copierHeader ? ' with a copier header' : ''}: ROM offset ${hex(romOffset)} is ${snes}`, () => {
        const rom = new Rom(buildRom({ mapping, size, copierHeader }));
        assert.equal(rom.mapping, mapping);
        const file = romOffset + (copierHeader ? 512 : 0);
        assert.equal(rom.fileOffsetOf(romOffset), file);
        // The same byte, read through the file: what a hex editor shows there is the ROM's byte.
        assert.equal(rom.file[rom.fileOffsetOf(romOffset)], rom.data[romOffset]);
        assert.equal(rom.describeOffset(romOffset), snes);
        assert.equal(rom.describeOffset(romOffset, 'with-file'), `${snes} (file ${hex(file)})`);
        assert.equal(rom.describeOffset(romOffset, 'dotted'), `${snes} · ${hex(file)}`);
        // Every mirror of the byte resolves to it, and is described by the one canonical address.
        const mirrors = snesMirrors(mapping, romOffset);
        assert.ok(mirrors.length >= 2, `${mapping} has a mirror of ${snes}`);
        for (const m of mirrors) {
          const r = rom.resolveAddress(formatSnes(m));
          assert.equal(r.romOffset, romOffset, formatSnes(m));
          assert.equal(r.fileOffset, file, formatSnes(m));
          assert.equal(rom.describeOffset(r.romOffset), snes, formatSnes(m));
        }
        // A file offset typed by the user comes back to the same place.
        assert.equal(rom.resolveAddress(hex(file)).romOffset, romOffset);
      });
    }
  }

  it('describes a byte the mapping cannot reach by its file offset', () => {
    // LoROM reaches 4 MiB of ROM: an offset past that has no SNES address.
    const rom = new Rom(buildRom({ mapping: 'lorom', size: 0x80000, copierHeader: true }));
    assert.equal(rom.describeOffset(0x400000), '0x400200');
    assert.equal(rom.describeOffset(0x400000, 'with-file'), '0x400200');
  });
});
