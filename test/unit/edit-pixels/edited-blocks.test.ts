/** Which blocks an edit touched, and when the ROM must be scanned again instead. */
import * as assert from 'node:assert/strict';
import { editedBlocks } from '../../../src/core/edit-pixels';

describe('edit-pixels: edited blocks', () => {
  const starts = [0x1000, 0x2000, 0x3000];

  it('names the blocks the ranges fall in, the free bytes up to the next block included', () => {
    assert.deepEqual(editedBlocks([{ start: 0x1010, end: 0x1020 }], starts), [0x1000]);
    assert.deepEqual(
      editedBlocks(
        [
          { start: 0x2ff0, end: 0x3000 },
          { start: 0x1000, end: 0x1001 },
        ],
        starts,
      ),
      [0x1000, 0x2000],
    );
    assert.deepEqual(editedBlocks([{ start: 0x3000, end: 0x3004 }], starts, [], 0x4000), [0x3000]);
  });

  it('lets ranges inside the extra spans pass (checksum, palettes) without naming a block', () => {
    assert.deepEqual(
      editedBlocks(
        [
          { start: 0x7fdc, end: 0x7fe0 },
          { start: 0x1000, end: 0x1002 },
        ],
        [0x1000, 0x2000],
        [{ start: 0x7fdc, end: 0x7fe0 }],
      ),
      [0x1000],
    );
    assert.deepEqual(editedBlocks([{ start: 0x500, end: 0x502 }], starts, [{ start: 0x500, end: 0x520 }]), []);
  });

  it('asks for a rescan when a range is before every block, straddles two, or runs past the ROM', () => {
    assert.equal(editedBlocks([{ start: 0x10, end: 0x20 }], starts), null);
    assert.equal(editedBlocks([{ start: 0x1ff0, end: 0x2010 }], starts), null);
    assert.equal(editedBlocks([{ start: 0x3ff0, end: 0x4010 }], starts, [], 0x4000), null);
    assert.equal(editedBlocks([{ start: 0x1000, end: 0x1001 }], []), null);
  });
});
