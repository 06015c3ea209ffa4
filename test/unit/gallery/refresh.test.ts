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
    assert.deepEqual(plan, { kept: [0x100], moved: [], carried: [], dropped: [0x200, 0x300, 0x400] });
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
    assert.deepEqual(plan, { kept: [0x100], moved: [[0x200, 0x9000]], carried: [], dropped: [] });
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

  it('carries the canvas of a block the change moved, its bytes changed too (a relocating injection)', () => {
    const held = new Map<number, string | null>([
      [0x100, 'a'],
      [0x200, 'old pixels'],
    ]);
    // The old offset still listed (a stale scan hit, bytes freed) and the new one not decoded yet.
    const plan = planThumbRefresh(
      held,
      [
        { romOffset: 0x100, stamp: 'a' },
        { romOffset: 0x200, stamp: 'freed' },
        { romOffset: 0x9000, stamp: null },
      ],
      [{ from: 0x200, to: 0x9000 }],
    );
    assert.deepEqual(plan, { kept: [0x100], moved: [], carried: [[0x200, 0x9000]], dropped: [] });
    // Undo: the move back; the old bytes again at the old offset.
    const back = planThumbRefresh(
      new Map([
        [0x100, 'a'],
        [0x9000, 'new pixels'],
      ]),
      [
        { romOffset: 0x100, stamp: 'a' },
        { romOffset: 0x200, stamp: 'old pixels' },
      ],
      [{ from: 0x9000, to: 0x200 }],
    );
    assert.deepEqual(back, { kept: [0x100], moved: [], carried: [[0x9000, 0x200]], dropped: [] });
  });

  it('moves a thumbnail the change moved with the same bytes without drawing it again; onto a held one, its canvas goes along', () => {
    const plan = planThumbRefresh(
      new Map([
        [0x200, 's'],
        [0x300, 't'],
      ]),
      [
        { romOffset: 0x300, stamp: 't' },
        { romOffset: 0x9000, stamp: 's' },
      ],
      [
        { from: 0x200, to: 0x9000 },
        { from: 0x400, to: 0x300 },
      ],
    );
    assert.deepEqual(plan, { kept: [0x300], moved: [[0x200, 0x9000]], carried: [], dropped: [] });
    // A thumbnail already at the new offset (it came after the block left): the canvas still goes along, to be drawn with it.
    const both = planThumbRefresh(
      new Map([
        [0x200, 's'],
        [0x9000, 'n'],
      ]),
      [{ romOffset: 0x9000, stamp: 'n' }],
      [{ from: 0x200, to: 0x9000 }],
    );
    assert.deepEqual(both, { kept: [0x9000], moved: [], carried: [[0x200, 0x9000]], dropped: [] });
    // A move to an offset with no entry (yet) is no move: the thumbnail is dropped as before.
    const nowhere = planThumbRefresh(new Map([[0x200, 's']]), [{ romOffset: 0x100, stamp: 'x' }], [{ from: 0x200, to: 0x9000 }]);
    assert.deepEqual(nowhere, { kept: [], moved: [], carried: [], dropped: [0x200] });
  });
});
