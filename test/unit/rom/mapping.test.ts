import * as assert from 'node:assert/strict';
import { snesToOffset, offsetToSnes, snesMirrors, MAPPINGS, type Mapping } from '../../../src/core/rom';
import { formatSnes } from '../../../src/core/format';

describe('address mapping', () => {
  const known: [Mapping, number, number][] = [
    ['lorom', 0x808000, 0],
    ['lorom', 0x008000, 0],
    ['lorom', 0x018000, 0x8000],
    ['lorom', 0xffffff, 0x3fffff],
    ['hirom', 0xc00000, 0],
    ['hirom', 0x408000, 0x8000],
    ['hirom', 0x818000, 0x18000],
    ['hirom', 0xffffff, 0x3fffff],
    ['exhirom', 0xc00000, 0],
    ['exhirom', 0x400000, 0x400000],
    ['exhirom', 0x7d1234, 0x7d1234],
    ['exhirom', 0x008000, 0x408000],
    ['exhirom', 0x808000, 0x008000],
    ['sa1', 0xc00000, 0],
    ['sa1', 0xffffff, 0x3fffff],
    ['sa1', 0x008000, 0],
    ['sa1', 0x208000, 0x100000],
    ['sa1', 0x808000, 0x200000],
    ['sa1', 0xa08000, 0x300000],
    ['sa1', 0x1fffff, 0x0fffff],
    ['exlorom', 0x808000, 0],
    ['exlorom', 0x008000, 0x400000],
  ];
  for (const [mapping, snes, offset] of known) {
    it(`${mapping}: ${formatSnes(snes)} is file offset 0x${offset.toString(16)}`, () => {
      assert.equal(snesToOffset(mapping, snes), offset);
    });
  }

  it('rejects addresses that map no ROM byte', () => {
    assert.equal(snesToOffset('lorom', 0x800000), null); // $80:0000 is not ROM in LoROM
    assert.equal(snesToOffset('lorom', 0x7e8000), null); // WRAM
    assert.equal(snesToOffset('hirom', 0x000000), null);
    assert.equal(snesToOffset('sa1', 0x400000), null);
    assert.equal(snesToOffset('unknown', 0xc00000), null);
    assert.equal(snesToOffset('lorom', -1), null);
    assert.equal(snesToOffset('lorom', 0x1000000), null);
    assert.equal(offsetToSnes('lorom', 0x400000), null);
    assert.equal(offsetToSnes('hirom', -5), null);
    assert.equal(offsetToSnes('unknown', 0), null);
  });

  for (const mapping of MAPPINGS.filter((m) => m !== 'unknown')) {
    it(`${mapping}: every offset round-trips through its canonical address and all its mirrors`, () => {
      const limit = mapping === 'exhirom' || mapping === 'exlorom' ? 0x7c0000 : 0x400000;
      for (let off = 0; off < limit; off += 0x3f1d) {
        const snes = offsetToSnes(mapping, off);
        assert.notEqual(snes, null, `offset 0x${off.toString(16)}`);
        assert.equal(snesToOffset(mapping, snes!), off);
        const mirrors = snesMirrors(mapping, off);
        assert.equal(mirrors[0], snes);
        for (const m of mirrors) assert.equal(snesToOffset(mapping, m), off, `mirror ${formatSnes(m)}`);
      }
    });
  }

  it('lists the LoROM and HiROM mirrors a pointer may use', () => {
    assert.deepEqual(
      snesMirrors('lorom', 0x8000).sort((a, b) => a - b),
      [0x018000, 0x818000],
    );
    assert.deepEqual(
      snesMirrors('hirom', 0x18000).sort((a, b) => a - b),
      [0x018000, 0x418000, 0x818000, 0xc18000],
    );
    assert.ok(snesMirrors('sa1', 0x100000).includes(0x208000));
    assert.deepEqual(snesMirrors('unknown', 0), []);
  });
});
