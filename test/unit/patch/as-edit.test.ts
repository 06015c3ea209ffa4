import * as assert from 'node:assert/strict';
import { patchedFile } from '../../../src/core/edit/patch';
import { applyRomPatch, createRomPatch, patchesBetween } from '../../../src/core/patch';
import { Prng } from '../../../src/core/scan/prng';

const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));

describe('an applied patch as an undoable edit', () => {
  const rng = new Prng(21);
  const rom = new Uint8Array(256 * 1024);
  rng.bytes(rom, 0, rom.length);
  const hack = rom.slice();
  hack.fill(0xff, 0x1000, 0x1400);
  hack[0x20000] ^= 0x55;
  hack[0x20002] ^= 0x55; // two bytes apart: one patch

  it('gives the ranges that differ, each with the bytes it replaces; applied, they make the result', () => {
    const result = applyRomPatch(rom, createRomPatch(rom, hack, 'bps').patch).bytes;
    const patches = patchesBetween(rom, result)!;
    assert.deepEqual(
      patches.map((p) => [p.romOffset, p.after.length]),
      [
        [0x1000, 0x400],
        [0x20000, 3],
      ],
    );
    for (const p of patches) assert.ok(same(p.before, rom.subarray(p.romOffset, p.romOffset + p.before.length)));
    assert.ok(same(patchedFile(rom, 0, patches), hack));
  });

  it('headered ROMs: offsets are headerless and the header is left alone; a changed header or size is no edit', () => {
    const header = new Uint8Array(512).fill(7);
    const headered = new Uint8Array([...header, ...rom]);
    const result = applyRomPatch(headered, createRomPatch(rom, hack, 'ips').patch).bytes;
    const patches = patchesBetween(headered, result)!;
    assert.equal(patches[0]!.romOffset, 0x1000);
    assert.ok(same(patchedFile(headered, 512, patches), result));
    const otherHeader = result.slice();
    otherHeader[3] = 9;
    assert.equal(patchesBetween(headered, otherHeader), null);
    assert.equal(patchesBetween(rom, new Uint8Array(rom.length * 2)), null);
  });
});
