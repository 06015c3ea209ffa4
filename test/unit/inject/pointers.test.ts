import * as assert from 'node:assert/strict';
import { buildRom } from '../../../src/core/rom/build';
import { Rom } from '../../../src/core/rom/rom';
import { findPointers, readPointer, retarget } from '../../../src/core/inject';
import { A, D, E, PTR_A, PTR_D1, PTR_D2, buildFixture, noise } from './fixture';

describe('inject: pointers', () => {
  const rom = new Rom(buildFixture().file);

  it('finds 24-bit little-endian pointers to a block and its mirrors', () => {
    assert.deepEqual(findPointers(rom, A), [PTR_A]);
    assert.deepEqual(findPointers(rom, D), [PTR_D1, PTR_D2]);
    assert.equal(readPointer(rom.data, PTR_D2), 0x058000);
    assert.deepEqual(findPointers(rom, E), []);
    assert.deepEqual(findPointers(rom, D, { exclude: [{ start: PTR_D1 + 2, end: PTR_D1 + 3 }] }), [PTR_D2]);
  });

  it('finds nothing when the mapping is unknown', () => {
    const data = new Uint8Array(0x8000);
    noise(data, 0, data.length);
    assert.equal(new Rom(data).mapping, 'unknown');
    assert.deepEqual(findPointers(new Rom(data), 0x100), []);
  });

  it('finds HiROM pointers in every bank form', () => {
    const hi = new Rom(
      buildRom({
        mapping: 'hirom',
        size: 0x40000,
        content: (d) => {
          d.set([0x00, 0x90, 0xc2], 0x100); // $C2:9000
          d.set([0x00, 0x90, 0x42], 0x200); // $42:9000
          d.set([0x00, 0x90, 0x82], 0x300); // $82:9000
          d.set([0x00, 0x90, 0x02], 0x400); // $02:9000
        },
      }),
    );
    assert.deepEqual(findPointers(hi, 0x29000), [0x100, 0x200, 0x300, 0x400]);
  });

  it('rewrites a pointer in the form the game used', () => {
    // LoROM: FastROM and SlowROM halves kept.
    assert.equal(retarget('lorom', 0x828000, 0x30000, 0x100), 0x868000);
    assert.equal(retarget('lorom', 0x028000, 0x30000, 0x100), 0x068000);
    // A block that would run past the bank is not addressable through one pointer.
    assert.equal(retarget('lorom', 0x828000, 0x37f00, 0x200), null);
    // HiROM: full banks stay full banks, LoROM-style windows need $8000-$FFFF.
    assert.equal(retarget('hirom', 0xc12345, 0x23456, 0x10), 0xc23456);
    assert.equal(retarget('hirom', 0x412345, 0x23456, 0x10), 0x423456);
    assert.equal(retarget('hirom', 0x819000, 0x25000, 0x10), null);
    assert.equal(retarget('hirom', 0x819000, 0x29000, 0x10), 0x829000);
    assert.equal(retarget('hirom', 0x019000, 0x29000, 0x10), 0x029000);
    // SA-1: the LoROM-style window of another 1 MiB chunk is in the other half of the banks.
    assert.equal(retarget('sa1', 0xc08000, 0x150000, 0x10), 0xd50000);
    assert.equal(retarget('sa1', 0x008000, 0x208000, 0x10), 0x818000);
  });
});
