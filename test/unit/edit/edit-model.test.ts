/**
 * The edit model's history and saved marker, over an in-memory file: every sequence the issue
 * names (save/undo/new edit, redo after save, revert, hot-exit restore, the file changing on disk
 * while dirty and while clean), plus the patch checks that refuse stale bytes.
 */
import * as assert from 'node:assert/strict';
import {
  EditHistoryError,
  EditModel,
  invertPatches,
  makePatch,
  patchedFile,
  StaleRomError,
  type DiskStamp,
  type RomEdit,
  type RomFileAccess,
} from '../../../src/core/edit';

const SIZE = 0x8000;

/** A file in memory whose writes and outside changes bump its stamp like a file system would. */
class MemoryFile implements RomFileAccess {
  bytes: Uint8Array;
  private mtime = 1;
  writes = 0;
  constructor(size = SIZE, header = 0) {
    this.bytes = new Uint8Array(size + header);
    for (let i = 0; i < this.bytes.length; i++) this.bytes[i] = (i * 7) & 0xff;
  }
  private get stampNow(): DiskStamp {
    return { mtime: this.mtime, size: this.bytes.length };
  }
  read = async () => ({ bytes: this.bytes.slice(), stamp: this.stampNow });
  write = async (b: Uint8Array) => {
    this.bytes = b.slice();
    this.mtime++;
    this.writes++;
    return this.stampNow;
  };
  stamp = async () => this.stampNow;
  /** Another program (an assembler) writes the file. */
  outsideWrite(offset: number, value: number): void {
    this.bytes[offset] = value;
    this.mtime++;
  }
}

function edit(model: EditModel, romOffset: number, value: number, label = `set ${romOffset}`): RomEdit {
  const base = model.bytes.length % 1024 === 512 ? 512 : 0;
  return { label, patches: [makePatch(model.bytes.subarray(base), romOffset, Uint8Array.of(value))] };
}

async function open(file = new MemoryFile()) {
  const changes: number[] = [];
  const model = await EditModel.open(file, undefined, (_b, ranges) => changes.push(ranges?.length ?? -1));
  return { file, model, changes };
}

describe('edit model', () => {
  it('an edit makes the document dirty; undo makes it clean again; redo dirty', async () => {
    const { model, changes } = await open();
    assert.equal(model.isDirty, false);
    const h = model.apply(edit(model, 10, 0xaa));
    assert.equal(model.bytes[10], 0xaa);
    assert.equal(model.isDirty, true);
    h.undo();
    assert.equal(model.bytes[10], 70);
    assert.equal(model.isDirty, false);
    h.redo();
    assert.equal(model.bytes[10], 0xaa);
    assert.deepEqual(changes, [1, 1, 1], 'each change reports the ranges it touched');
  });

  it('save after two edits, undo one, make a new edit: dirty (a count would say clean)', async () => {
    const { model, file } = await open();
    model.apply(edit(model, 1, 0x11));
    const b = model.apply(edit(model, 2, 0x22));
    await model.save();
    assert.equal(model.isDirty, false);
    assert.equal(file.bytes[2], 0x22);
    b.undo();
    assert.equal(model.isDirty, true);
    model.apply(edit(model, 3, 0x33));
    assert.equal(model.depth, model.savedDepth, 'same depth as the save...');
    assert.equal(model.isDirty, true, '...but not the saved state');
    assert.equal(model.dirtyAtSavedDepth, true, 'the host that counts edits must be told');
    assert.notDeepEqual(model.bytes, file.bytes);
  });

  it('redo after save: undo past the save is dirty, redo back to it is clean', async () => {
    const { model } = await open();
    const a = model.apply(edit(model, 1, 0x11));
    await model.save();
    a.undo();
    assert.equal(model.isDirty, true);
    a.redo();
    assert.equal(model.isDirty, false);
    // And saved with the edit undone: redo makes it dirty.
    a.undo();
    await model.save();
    assert.equal(model.isDirty, false);
    a.redo();
    assert.equal(model.isDirty, true);
  });

  it('undo and redo must follow the history', async () => {
    const { model } = await open();
    const a = model.apply(edit(model, 1, 0x11));
    const b = model.apply(edit(model, 2, 0x22));
    assert.throws(() => a.undo(), EditHistoryError);
    b.undo();
    assert.throws(() => b.undo(), EditHistoryError);
    model.apply(edit(model, 4, 0x44));
    assert.throws(() => b.redo(), EditHistoryError, 'a new edit replaced the undone one');
  });

  it('revert goes back to the file and keeps the saved edits undoable', async () => {
    const { model, file } = await open();
    const a = model.apply(edit(model, 1, 0x11));
    await model.save();
    const b = model.apply(edit(model, 2, 0x22));
    await model.revert();
    assert.deepEqual(model.bytes, file.bytes);
    assert.equal(model.isDirty, false);
    assert.throws(() => b.undo(), EditHistoryError, 'the unsaved edit is gone');
    a.undo();
    assert.equal(model.bytes[1], 7, 'the saved edit still undoes');
    assert.equal(model.isDirty, true);
  });

  it('hot exit: restored bytes are dirty until saved; their catalog moves are kept until then', async () => {
    const file = new MemoryFile();
    const restored = file.bytes.slice();
    restored[5] = 0x55;
    const model = await EditModel.open(file, { bytes: restored, moves: [{ from: 0x100, to: 0x200 }] });
    assert.equal(model.isDirty, true);
    assert.equal(model.bytes[5], 0x55);
    const a = model.apply({ ...edit(model, 6, 0x66), moves: [{ from: 0x200, to: 0x300 }] });
    assert.deepEqual(model.moves, [
      { from: 0x100, to: 0x200 },
      { from: 0x200, to: 0x300 },
    ]);
    a.undo();
    assert.equal(model.isDirty, true, 'undoing the new edit does not reach a saved state');
    await model.save();
    assert.equal(model.isDirty, false);
    assert.equal(file.bytes[5], 0x55);
    await model.revert();
    assert.deepEqual(model.moves, [{ from: 0x100, to: 0x200 }], 'saved restored moves survive a revert');
  });

  it('hot exit then revert: the file on disk, no moves', async () => {
    const file = new MemoryFile();
    const model = await EditModel.open(file, { bytes: file.bytes.map((b) => b ^ 1), moves: [{ from: 1, to: 2 }] });
    await model.revert();
    assert.equal(model.isDirty, false);
    assert.deepEqual(model.bytes, file.bytes);
    assert.deepEqual(model.moves, []);
  });

  it('file changed on disk while clean: reloaded, and the old history cannot be undone into it', async () => {
    const { model, file } = await open();
    const a = model.apply(edit(model, 1, 0x11));
    await model.save();
    assert.equal(await model.diskChanged(), 'none', 'our own write is not a change');
    file.outsideWrite(9, 0x99);
    assert.equal(await model.diskChanged(), 'reloaded');
    assert.equal(model.bytes[9], 0x99);
    assert.equal(model.isDirty, false);
    assert.throws(() => a.undo(), /reloaded from disk/);
  });

  it('file changed on disk while dirty: a conflict for the user, nothing reloaded', async () => {
    const { model, file } = await open();
    const a = model.apply(edit(model, 1, 0x11));
    await model.save();
    a.undo();
    model.apply(edit(model, 3, 0x33)); // the count-equal sequence: must still be dirty
    file.outsideWrite(9, 0x99);
    assert.equal(await model.changedOnDisk(), true);
    assert.equal(await model.diskChanged(), 'conflict');
    assert.equal(model.bytes[3], 0x33, 'the edit is still there');
    assert.equal(model.bytes[9], 9 * 7, 'nothing was read from disk');
    await model.reload();
    assert.equal(model.bytes[9], 0x99);
    assert.equal(model.isDirty, false);
  });

  it('"keep mine" after a change on disk: not asked again, and dirty until saved even when every edit is undone', async () => {
    const { model, file } = await open();
    const a = model.apply(edit(model, 1, 0x11));
    file.outsideWrite(9, 0x99);
    assert.equal(await model.diskChanged(), 'conflict');
    await model.keepMine();
    assert.equal(await model.diskChanged(), 'none', 'the same change is not a new conflict');
    a.undo();
    assert.equal(model.isDirty, true, 'the disk holds the outside change, not this state');
    await model.save();
    assert.equal(model.isDirty, false);
    assert.equal(file.bytes[9], 9 * 7, 'saving wrote the document over the outside change');
  });

  it('an edit whose bytes are no longer there is refused and changes nothing', async () => {
    const { model } = await open();
    const stale = edit(model, 1, 0x11);
    model.apply(edit(model, 1, 0x22));
    const before = model.bytes.slice();
    assert.throws(() => model.apply(stale), StaleRomError);
    assert.deepEqual(model.bytes, before);
    assert.equal(model.depth, 1);
  });

  it('patches apply after a copier header and invert exactly', async () => {
    const file = new MemoryFile(SIZE, 512);
    const { model } = await open(file);
    const e = edit(model, 0, 0xee);
    model.apply(e);
    assert.equal(model.bytes[512], 0xee);
    assert.equal(model.bytes[0], 0, 'the copier header is not touched');
    assert.deepEqual(patchedFile(model.bytes, 512, invertPatches(e.patches)), file.bytes);
  });

  it('overlapping patches are checked in order', () => {
    const data = new Uint8Array(16);
    const first = makePatch(data, 0, Uint8Array.of(1, 2, 3));
    const second = { romOffset: 1, before: Uint8Array.of(2, 3), after: Uint8Array.of(9, 9) };
    assert.deepEqual([...patchedFile(data, 0, [first, second]).subarray(0, 4)], [1, 9, 9, 0]);
    assert.throws(() => patchedFile(data, 0, [second]), StaleRomError);
    assert.throws(() => patchedFile(data, 0, [{ romOffset: 0, before: Uint8Array.of(0), after: Uint8Array.of(1, 2) }]), RangeError);
  });

  it('a file that cannot be stat-ed counts as changed', async () => {
    const { model, file } = await open();
    file.stamp = async () => {
      throw new Error('gone');
    };
    assert.equal(await model.changedOnDisk(), true);
  });
});
