import * as assert from 'node:assert/strict';
import { buildRom } from '../../../src/core/rom/build';
import { Rom } from '../../../src/core/rom/rom';
import { bankSize, findFreeSpace, freeRuns, FREE_GUARD } from '../../../src/core/inject';
import { noise } from './fixture';

/** A 128 KiB ROM of noise with the given runs of padding bytes. */
function romWith(mapping: 'lorom' | 'hirom', runs: [start: number, end: number, byte: number][]): Rom {
  const file = buildRom({
    mapping,
    size: 0x20000,
    content: (data) => {
      const header = mapping === 'lorom' ? 0x7fb0 : 0xffb0;
      noise(data, 0x10, header);
      noise(data, header + 0x50, data.length, 3);
      for (const [s, e, b] of runs) data.fill(b, s, e);
    },
  });
  return new Rom(file);
}

describe('inject: free space', () => {
  it('lists maximal runs of 0x00 and 0xFF', () => {
    const data = Uint8Array.of(1, 0xff, 0xff, 0xff, 0, 0, 2, 0xff);
    assert.deepEqual(freeRuns(data), [
      { start: 1, end: 4, padding: 0xff },
      { start: 4, end: 6, padding: 0 },
      { start: 7, end: 8, padding: 0xff },
    ]);
    assert.deepEqual(freeRuns(data, 3), [{ start: 1, end: 4, padding: 0xff }]);
  });

  it('keeps a guard at each end that touches data', () => {
    const rom = romWith('lorom', [[0x9000, 0x9064, 0xff]]); // 100 bytes
    assert.equal(findFreeSpace(rom, 60)?.romOffset, 0x9000 + FREE_GUARD);
    assert.equal(findFreeSpace(rom, 100 - 2 * FREE_GUARD)?.romOffset, 0x9000 + FREE_GUARD);
    assert.equal(findFreeSpace(rom, 100 - 2 * FREE_GUARD + 1), null);
    assert.equal(findFreeSpace(rom, 100, { guard: 0 })?.romOffset, 0x9000);
  });

  it('prefers 0xFF runs, or takes the padding asked for', () => {
    const rom = romWith('lorom', [
      [0x8800, 0x8900, 0x00],
      [0x9000, 0x9100, 0xff],
    ]);
    const ff = findFreeSpace(rom, 64)!;
    assert.equal(ff.padding, 0xff);
    assert.deepEqual(ff.run, { start: 0x9000, end: 0x9100, padding: 0xff });
    const zero = findFreeSpace(rom, 64, { padding: 0 })!;
    assert.equal(zero.romOffset, 0x8800 + FREE_GUARD);
    assert.equal(zero.padding, 0);
  });

  it('never lets a block cross a bank boundary (32 KiB LoROM, 64 KiB HiROM)', () => {
    const run: [number, number, number] = [0x17000, 0x19100, 0xff];
    const lo = romWith('lorom', [run]);
    const hi = romWith('hirom', [run]);
    assert.equal(bankSize('lorom'), 0x8000);
    assert.equal(bankSize('hirom'), 0x10000);
    assert.equal(findFreeSpace(lo, 0x800)?.romOffset, 0x17010);
    assert.equal(findFreeSpace(lo, 0x1000)?.romOffset, 0x18000, 'moved to the next LoROM bank');
    assert.equal(findFreeSpace(hi, 0x1000)?.romOffset, 0x17010, 'one HiROM bank');
    assert.equal(findFreeSpace(lo, 0x1800), null, 'neither side of the boundary holds it');
  });

  it('never uses the internal header area, and needs no guard at the end of the ROM', () => {
    const rom = new Rom(buildRom({ mapping: 'lorom', size: 0x18000 })); // all 0xFF but the header and RESET
    const first = findFreeSpace(rom, 0x7f80)!;
    assert.ok(first.romOffset + first.length <= 0x7fb0 - FREE_GUARD);
    // Every place a header can sit is kept (0xFFB0-0xFFFF too, even in a LoROM), so bank 1 is short.
    const second = findFreeSpace(rom, 0x7ff0)!;
    assert.equal(second.romOffset, 0x10010);
    assert.equal(second.romOffset + second.length, 0x18000);
  });

  it('skips excluded ranges and places the accept callback rejects', () => {
    const rom = romWith('lorom', [[0x9000, 0x9400, 0xff]]);
    const ex = findFreeSpace(rom, 0x100, { exclude: [{ start: 0x9000, end: 0x9200 }] })!;
    assert.equal(ex.romOffset, 0x9200 + FREE_GUARD);
    assert.equal(findFreeSpace(rom, 0x100, { accept: () => false }), null);
    const free = romWith('lorom', [[0x10000, 0x20000, 0xff]]);
    assert.equal(findFreeSpace(free, 0x100, { accept: (at) => at >= 0x18000 })?.romOffset, 0x18000);
  });

  it('rejects a nonsensical length', () => {
    const rom = romWith('lorom', []);
    assert.throws(() => findFreeSpace(rom, 0), RangeError);
  });
});
