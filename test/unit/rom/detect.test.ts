import * as assert from 'node:assert/strict';
import { Rom, detectHeader, computeChecksum, checkRomFileSize, RomLoadError } from '../../../src/core/rom';
import { makeRom, referenceChecksum, type FixtureMapping } from '../../fixtures/roms';

const KiB = 1024;
const MiB = 1024 * KiB;

describe('header detection', () => {
  const cases: [FixtureMapping, number, number][] = [
    ['lorom', 512 * KiB, 0x7fc0],
    ['lorom', 3 * MiB, 0x7fc0],
    ['hirom', 1 * MiB, 0xffc0],
    ['hirom', 2.5 * MiB, 0xffc0],
    ['sa1', 4 * MiB, 0x7fc0],
    ['sa1', 1.5 * MiB, 0x7fc0],
    ['exhirom', 6 * MiB, 0x40ffc0],
    ['exlorom', 6 * MiB, 0x7fc0],
  ];
  for (const [mapping, size, base] of cases) {
    for (const copierHeader of [false, true]) {
      it(`finds ${mapping} in a ${size / KiB} KiB ROM${copierHeader ? ' with a copier header' : ''}`, () => {
        const file = makeRom({ mapping, size, copierHeader, title: `T ${mapping}` });
        const rom = new Rom(file);
        assert.equal(rom.copierHeaderSize, copierHeader ? 512 : 0);
        assert.equal(rom.data.length, size);
        assert.equal(rom.mapping, mapping);
        assert.equal(rom.headerOffset, base);
        const info = rom.info();
        assert.equal(info.title, `T ${mapping}`.toUpperCase());
        assert.equal(info.checksum?.valid, true);
        assert.equal(info.checksum?.computed, referenceChecksum(rom.data, base));
        assert.ok(info.evidence.length > 3);
      });
    }
  }

  it('still detects a header whose checksum is wrong, and reports it invalid', () => {
    const rom = new Rom(makeRom({ mapping: 'hirom', size: MiB, wrongChecksum: true }));
    assert.equal(rom.mapping, 'hirom');
    const c = rom.checksum!;
    assert.equal(c.valid, false);
    assert.notEqual(c.stored, c.computed);
    assert.equal(c.computed, referenceChecksum(rom.data, 0xffc0));
  });

  it('still detects a header whose checksum pair does not even add up', () => {
    const rom = new Rom(makeRom({ mapping: 'lorom', size: MiB, garbageChecksum: true }));
    assert.equal(rom.mapping, 'lorom');
    assert.ok(rom.detection.evidence.some((e) => e.includes('do not add up')));
  });

  it('does not take the first candidate whose checksum adds up: a better-scoring HiROM header wins', () => {
    const file = makeRom({ mapping: 'hirom', size: MiB, title: 'REAL HIROM' });
    // Plant a complementary pair (only) at the LoROM location.
    file[0x7fdc] = 0x34;
    file[0x7fdd] = 0x12;
    file[0x7fde] = 0x34 ^ 0xff;
    file[0x7fdf] = 0x12 ^ 0xff;
    const d = detectHeader(file);
    assert.equal(d.mapping, 'hirom');
    assert.equal(d.candidates.length, 2);
    assert.ok(d.candidates[1]!.score > d.candidates[0]!.score);
  });

  it('reports unknown, with the reason, for data with no header, and still opens it', () => {
    const file = new Uint8Array(256 * KiB);
    let x = 7;
    for (let i = 0; i < file.length; i++) file[i] = x = (x * 1103515245 + 12345) & 0xff;
    const rom = new Rom(file, 'noise.bin');
    assert.equal(rom.mapping, 'unknown');
    assert.equal(rom.headerOffset, null);
    assert.equal(rom.checksum, null);
    assert.equal(rom.fixedChecksumPatch(), null);
    assert.match(rom.info().evidence[0]!, /no convincing internal header/);
    assert.equal(rom.info().title, null);
  });

  it('fixing the checksum makes a broken ROM valid', () => {
    const file = makeRom({ mapping: 'lorom', size: 3 * 256 * KiB, copierHeader: true, wrongChecksum: true });
    const rom = new Rom(file);
    const patch = rom.fixedChecksumPatch()!;
    assert.equal(patch.romOffset, 0x7fdc);
    assert.deepEqual(patch.before, file.subarray(512 + 0x7fdc, 512 + 0x7fe0), 'the patch records the bytes it replaces');
    const fixed = file.slice();
    fixed.set(patch.after, 512 + patch.romOffset);
    const again = new Rom(fixed);
    assert.equal(again.checksum!.valid, true);
    assert.equal(again.checksum!.stored, referenceChecksum(fixed.subarray(512), 0x7fc0));
  });

  it('refuses files that cannot be ROMs, with a clear message', () => {
    assert.throws(
      () => new Rom(new Uint8Array(0), 'empty.sfc'),
      (e: Error) => e instanceof RomLoadError && /empty\.sfc is empty/.test(e.message),
    );
    assert.throws(() => new Rom(new Uint8Array(1000), 'tiny.sfc'), /tiny\.sfc is 1000 bytes: a SNES ROM is at least 32 KiB/);
    assert.throws(() => checkRomFileSize(65 * MiB, 'huge.sfc'), /up to 64 MiB/);
    assert.throws(() => new Rom(new Uint8Array(32 * KiB + 512 - 1024)), /at least 32 KiB/);
  });
});

describe('checksum', () => {
  for (const size of [32 * KiB, 96 * KiB, 1.25 * MiB, 3 * MiB, 5 * MiB]) {
    it(`mirrors a ${size / KiB} KiB ROM like the reference`, () => {
      const file = makeRom({ mapping: 'lorom', size, seed: size });
      assert.equal(computeChecksum(file, 0x7fc0), referenceChecksum(file, 0x7fc0));
    });
  }

  it('counts the header pair as 0xFFFF/0x0000 even when it lies in a mirrored part', () => {
    const file = makeRom({ mapping: 'exhirom', size: 6 * MiB, garbageChecksum: true });
    assert.equal(computeChecksum(file, 0x40ffc0), referenceChecksum(file, 0x40ffc0));
  });

  it('sums unaligned views correctly', () => {
    const buf = new Uint8Array(32 * KiB + 3);
    for (let i = 0; i < buf.length; i++) buf[i] = (i * 31) & 0xff;
    const view = buf.subarray(3);
    let plain = 0;
    for (const b of view) plain = (plain + b) & 0xffff;
    assert.equal(computeChecksum(view, null), plain);
  });
});
