import * as assert from 'node:assert/strict';
import { describeChanges, diffRegions, matchBlocks, movedPointers } from '../../../src/core/patch/changes';

/** A LoROM-shaped 256 KiB image: header at 0x7FC0; no real game data. */
function image(): Uint8Array {
  const rom = new Uint8Array(0x40000);
  for (let i = 0; i < rom.length; i++) rom[i] = (i * 31 + (i >> 9)) & 0xff;
  return rom;
}

describe('changes between the original and the current ROM', () => {
  it('diff regions: runs merged across short gaps, growth counted', () => {
    const a = new Uint8Array(64);
    const b = a.slice();
    b[3] = 1;
    b[6] = 1; // 2 equal bytes between: one region
    b[20] = 1; // 13 away: its own region
    assert.deepEqual(diffRegions(a, b), [
      { start: 3, end: 7 },
      { start: 20, end: 21 },
    ]);
    const longer = Uint8Array.from([...b, 9, 9]);
    assert.deepEqual(diffRegions(a, longer).at(-1), { start: 64, end: 66 });
    assert.deepEqual(diffRegions(a, a.slice()), []);
  });

  it('a relocated sprite, its pointer, the checksum and stray data each become one labelled row', () => {
    const original = image();
    const current = original.slice();
    // "King slime" moves from 0x10000 (777 B) to 0x20000 (789 B); its old place is freed.
    current.set(
      new Uint8Array(789).map((_, i) => (i * 7 + 3) & 0xff),
      0x20000,
    );
    current.fill(0xff, 0x10000, 0x10000 + 777);
    // The pointer slot at 0x8018 ($81:8018) held $82:8000 (0x10000) and now $84:8000 (0x20000).
    original.set([0x00, 0x80, 0x82], 0x8018);
    current.set([0x00, 0x80, 0x84], 0x8018);
    // The checksum pair at 0x7FDC..0x7FDF.
    current.set([0x34, 0x12, 0xcb, 0xed], 0x7fdc);
    // An edit nothing claims.
    current[0x30010] ^= 0xff;

    const blocks = matchBlocks([{ name: 'King slime', romOffset: 0x10000, size: 777, pointer: 0x8018 }], [{ romOffset: 0x20000, size: 789, pointer: 0x8018 }]);
    assert.deepEqual(blocks, [{ name: 'King slime', kind: 'sprite', before: { romOffset: 0x10000, size: 777 }, after: { romOffset: 0x20000, size: 789 } }]);
    const rows = describeChanges({ original, current, mapping: 'lorom', headerOffset: 0x7fc0, copierHeader: 512, blocks, pointers: [0x8018] });
    const summary = rows.map((r) => [r.kind, r.label, r.detail ?? null, r.ranges.map((x) => [x.romOffset, x.fileOffset, x.snes])]);
    assert.deepEqual(summary, [
      ['header', 'checksum complement', null, [[0x7fdc, 0x7fdc + 512, '$80:FFDC']]],
      ['header', 'checksum', null, [[0x7fde, 0x7fde + 512, '$80:FFDE']]],
      ['pointer', 'pointer at $81:8018', '$82:8000 → $84:8000', [[0x801a, 0x801a + 512, '$81:801A']]], // only the bank byte changed
      [
        'sprite',
        'King slime: relocated $82:8000 → $84:8000, 777 → 789 B',
        'moved from $82:8000 to $84:8000',
        [
          [0x10000, 0x10200, '$82:8000'],
          [0x20000, 0x20200, '$84:8000'],
        ],
      ],
      ['data', 'data at $86:8010 (1 of 1 B changed)', null, [[0x30010, 0x30210, '$86:8010']]],
    ]);
    const slime = rows.find((r) => r.kind === 'sprite')!;
    // What the before/after view decodes: the block where it was and where it is.
    assert.deepEqual(slime.block, { before: { romOffset: 0x10000, size: 777 }, after: { romOffset: 0x20000, size: 789 } });
    assert.equal(rows.find((r) => r.kind === 'pointer')!.block, undefined);
    // Every freed byte that was not already 0xFF, and every new byte that differs, is counted.
    let expected = 0;
    for (let i = 0; i < 777; i++) if (original[0x10000 + i] !== 0xff) expected++;
    for (let i = 0; i < 789; i++) if (original[0x20000 + i] !== current[0x20000 + i]) expected++;
    assert.equal(slime.changedBytes, expected);
    assert.equal(rows.find((r) => r.kind === 'pointer')!.changedBytes, 1);
  });

  it('a block edited in place, a new block, a removed one, and a pointer inside a block keeps its own row', () => {
    const original = image();
    const current = original.slice();
    current.fill(0, 0x1000, 0x1010); // inside "Palette A", which holds the pointer at 0x1008
    current[0x2000] ^= 1; // "Gone" (removed block)
    current[0x3000] ^= 1; // new block
    const blocks = matchBlocks(
      [
        { name: 'Palette A', kind: 'palette', romOffset: 0x1000, size: 32 },
        { name: 'Gone', romOffset: 0x2000, size: 16 },
      ],
      [
        { name: 'Palette A', kind: 'palette', romOffset: 0x1000, size: 32 },
        { romOffset: 0x3000, size: 64 },
      ],
      (off) => `sprite ${off.toString(16)}`,
    );
    const rows = describeChanges({ original, current, mapping: 'unknown', headerOffset: null, copierHeader: 0, blocks, pointers: [0x1008] });
    assert.deepEqual(
      rows.map((r) => [r.label, r.ranges.map((x) => [x.romOffset, x.length, x.snes])]),
      [
        [
          'Palette A: changed in place (32 B)',
          [
            [0x1000, 8, null],
            [0x100b, 5, null],
          ],
        ],
        ['pointer at 0x001008', [[0x1008, 3, null]]],
        ['Gone: removed (was 16 B)', [[0x2000, 1, null]]],
        ['sprite 3000: new (64 B)', [[0x3000, 1, null]]],
      ],
    );
    assert.deepEqual(
      rows.map((r) => r.block ?? null),
      [
        { before: { romOffset: 0x1000, size: 32 }, after: { romOffset: 0x1000, size: 32 } },
        null,
        { before: { romOffset: 0x2000, size: 16 } },
        { after: { romOffset: 0x3000, size: 64 } },
      ],
    );
  });

  it('finds the pointer slots an edit rewrote to follow a moved block, in any mirror', () => {
    const original = image();
    const current = original.slice();
    original.set([0x00, 0x80, 0x82], 0x8018); // $82:8000 = 0x10000
    current.set([0x00, 0x80, 0x84], 0x8018); // $84:8000 = 0x20000
    original.set([0x00, 0x80, 0x02], 0x9000); // the slow mirror $02:8000
    current.set([0x00, 0x80, 0x04], 0x9000);
    current.set([0x00, 0x80, 0x85], 0xa000); // changed, but not from the old address
    assert.deepEqual(movedPointers(original, current, [{ from: 0x10000, to: 0x20000 }], 'lorom'), [0x8018, 0x9000]);
    assert.deepEqual(movedPointers(original, current, [], 'lorom'), []);
  });
});
