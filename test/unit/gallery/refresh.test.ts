import * as assert from 'node:assert/strict';
import { planThumbRefresh } from '../../../src/core/gallery';

describe('gallery thumbnail refresh', () => {
  it('keeps thumbnails whose stamp is unchanged and drops the changed, the unknown and the gone', () => {
    const held = new Map<number, string | null>([
      [0x100, 'a'],
      [0x200, 'b'],
      [0x300, null],
      [0x400, 'd'],
    ]);
    const plan = planThumbRefresh(held, [
      { romOffset: 0x100, stamp: 'a' },
      { romOffset: 0x200, stamp: 'b2' },
      { romOffset: 0x300, stamp: 'c' },
    ]);
    assert.deepEqual(plan, { kept: [0x100], moved: [], dropped: [0x200, 0x300, 0x400] });
  });

  it('moves a thumbnail with its block: the old offset gone, the same stamp at a new one', () => {
    const held = new Map<number, string | null>([
      [0x100, 'a'],
      [0x200, 'moved'],
    ]);
    const plan = planThumbRefresh(held, [
      { romOffset: 0x100, stamp: 'a' },
      { romOffset: 0x9000, stamp: 'moved' },
    ]);
    assert.deepEqual(plan, { kept: [0x100], moved: [[0x200, 0x9000]], dropped: [] });
  });

  it('never moves a thumbnail onto an offset that has one, nor two onto one place', () => {
    const held = new Map<number, string | null>([
      [0x100, 's'],
      [0x200, 's'],
      [0x300, 'x'],
    ]);
    const plan = planThumbRefresh(held, [
      { romOffset: 0x300, stamp: 's' },
      { romOffset: 0x500, stamp: 's' },
      { romOffset: 0x600, stamp: null },
    ]);
    assert.deepEqual(plan.kept, []);
    assert.deepEqual(plan.moved, [[0x100, 0x500]]);
    assert.deepEqual(plan.dropped.sort(), [0x200, 0x300]);
  });
});
