/**
 * ROM identity that survives edits, and catalog entries that follow relocated blocks: the demo ROM
 * edited by a relocating injection (through the edit model, so undo is the real undo), saved,
 * "reopened" through the identity store.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  applyMoves,
  addEntry,
  DEMO_ROM_SHA256,
  emptyCatalog,
  emptyIdentityStore,
  entriesForRom,
  headerKey,
  IDENTITY_STORE_PATH,
  loadIdentityStore,
  nodeCatalogFiles,
  saveIdentityStore,
  movedOffset,
  movesBetween,
  movesFor,
  originalOffset,
  parseCatalog,
  parseIdentityStore,
  recordSave,
  removeEntry,
  resolveIdentity,
  romIdentity,
  sameHeader,
  serializeCatalog,
  serializeIdentityStore,
  setMoves,
} from '../../../src/core/catalog';
import { romContentHash } from '../../../src/core/cache/rom-hash';
import { buildDemoRom, demoRomLayout } from '../../../src/core/demo/demo-rom';
import { EditModel, type DiskStamp, type RomFileAccess } from '../../../src/core/edit';
import { planInjection } from '../../../src/core/inject';
import { Rom } from '../../../src/core/rom';
import { indexedPng, noisyPixels } from '../inject/fixture';

function memoryFile(bytes: Uint8Array): RomFileAccess & { bytes: Uint8Array } {
  let mtime = 1;
  const f = {
    bytes,
    read: async () => ({ bytes: f.bytes.slice(), stamp: { mtime, size: f.bytes.length } as DiskStamp }),
    write: async (b: Uint8Array) => {
      f.bytes = b.slice();
      return { mtime: ++mtime, size: b.length };
    },
    stamp: async () => ({ mtime, size: f.bytes.length }),
  };
  return f;
}

describe('catalog: ROM identity and moves', function () {
  this.timeout(30000);
  const layout = demoRomLayout();

  it('the header key ignores the checksum, and an edited demo ROM is found through its remembered original', () => {
    const original = new Rom(buildDemoRom());
    const fixed = buildDemoRom();
    fixed[0x7fc0 + 0x1e] ^= 0xff; // a checksum change (what every inject writes)
    fixed[0x10000] ^= 1;
    const edited = new Rom(fixed);
    assert.ok(sameHeader(headerKey(original), headerKey(edited)));
    const currentHash = romContentHash(edited.data);
    assert.notEqual(currentHash, DEMO_ROM_SHA256);

    // Unknown to the workspace: the ROM is its own original, so the bundled catalog does not apply.
    const stranger = resolveIdentity(emptyIdentityStore(), 'hack.sfc', headerKey(edited), currentHash);
    assert.equal(stranger.original, currentHash);
    assert.deepEqual(entriesForRom(romIdentity(edited, stranger.original)), []);

    // Remembered for this path: the original's entries apply, whatever was injected since.
    const store = recordSave(emptyIdentityStore(), 'roms/hack.sfc', { header: headerKey(edited), original: DEMO_ROM_SHA256, current: 'a'.repeat(64) });
    const again = resolveIdentity(parseIdentityStore(serializeIdentityStore(store)), 'roms/hack.sfc', headerKey(edited), currentHash);
    assert.equal(again.original, DEMO_ROM_SHA256);
    assert.equal(entriesForRom(romIdentity(edited, again.original)).length, layout.sprites.length + layout.raw.length);

    // A copy elsewhere with the bytes last saved: found by its current hash.
    assert.equal(resolveIdentity(store, 'copy.sfc', headerKey(edited), 'a'.repeat(64)).original, DEMO_ROM_SHA256);
    // Another game at that path (another header): not the same ROM.
    assert.equal(resolveIdentity(store, 'roms/hack.sfc', { ...headerKey(edited), title: 'OTHER GAME' }, currentHash).original, currentHash);
  });

  it('the identity store is read and written as .spritepal/roms.json (missing: empty)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'spritepal-identity-'));
    try {
      const path = join(dir, IDENTITY_STORE_PATH);
      assert.deepEqual(await loadIdentityStore(nodeCatalogFiles(), path), emptyIdentityStore());
      const store = recordSave(emptyIdentityStore(), 'b.sfc', {
        header: headerKey(new Rom(buildDemoRom())),
        original: DEMO_ROM_SHA256,
        current: 'd'.repeat(64),
      });
      await saveIdentityStore(nodeCatalogFiles(), path, store);
      assert.deepEqual(await loadIdentityStore(nodeCatalogFiles(), path), store);
      assert.equal(readFileSync(path, 'utf8'), serializeIdentityStore(store), 'deterministic text');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the identity store is checked like untrusted input', () => {
    assert.throws(() => parseIdentityStore('[]'), /must hold a JSON object/);
    assert.throws(() => parseIdentityStore('{"formatVersion":2,"files":{}}'), /formatVersion/);
    assert.throws(
      () => parseIdentityStore('{"formatVersion":1,"files":{"a.sfc":{"original":"x","current":"y"}}}'),
      /original: must be a lower-case hex SHA-256/,
    );
    const good = `{"formatVersion":1,"files":{"a.sfc":{"original":"${'a'.repeat(64)}","current":"${'b'.repeat(64)}","header":{"title":"T","mapping":"lorom","romSize":-1,"region":null,"version":0}}}}`;
    assert.throws(() => parseIdentityStore(good), /romSize: must be a positive whole number/);
    assert.throws(() => parseIdentityStore(good.replace('-1', '1').replace('"version":0', '"version":"1"')), /version: "1" is not a whole number or null/);
    assert.throws(
      () => recordSave(emptyIdentityStore(), 'a.sfc', { header: headerKey(new Rom(buildDemoRom())), original: 'nope', current: 'a'.repeat(64) }),
      /SHA-256/,
    );
  });

  it('moves replay in order, and invert', () => {
    const moves = [
      { from: 0x100, to: 0x900 },
      { from: 0x200, to: 0x100 }, // another block moves into the freed space
      { from: 0x900, to: 0xa00 },
    ];
    assert.equal(movedOffset(0x100, moves), 0xa00);
    assert.equal(movedOffset(0x200, moves), 0x100);
    assert.equal(movedOffset(0x300, moves), 0x300);
    assert.equal(originalOffset(0xa00, moves), 0x100);
    assert.equal(originalOffset(0x100, moves), 0x200);
    assert.equal(originalOffset(0x300, moves), 0x300);
    assert.deepEqual(
      applyMoves([{ romOffset: 0x100 }, { romOffset: 0x200 }], moves).map((e) => e.romOffset),
      [0x100, 0xa00],
    );
  });

  it('the moves between two histories: the undone ones backwards, then the new ones', () => {
    const a = { from: 0x100, to: 0x900 };
    const b = { from: 0x200, to: 0xa00 };
    const c = { from: 0x300, to: 0xb00 };
    assert.deepEqual(movesBetween([], [a]), [a], 'a relocating inject');
    assert.deepEqual(movesBetween([a], []), [{ from: 0x900, to: 0x100 }], 'its undo');
    assert.deepEqual(movesBetween([a], [a]), [], 'an edit that moves nothing');
    assert.deepEqual(movesBetween([a, b], [a, c]), [{ from: 0xa00, to: 0x200 }, c], 'undo one, make another');
    assert.deepEqual(movesBetween([a, b], []), [
      { from: 0xa00, to: 0x200 },
      { from: 0x900, to: 0x100 },
    ]);
  });

  it('a relocating inject moves the catalog entry in the same edit; undo moves it back; save and reopen keep it', async () => {
    const file = memoryFile(buildDemoRom());
    const model = await EditModel.open(file, undefined);
    const rom = () => new Rom(model.bytes);
    const s = layout.sprites.find((x) => x.bpp === 4 && x.tiles <= 64)!;
    const png = indexedPng(noisyPixels(s.tiles), 16, s.widthTiles);
    const plan = planInjection(rom(), { romOffset: s.romOffset, kind: 'hal', bpp: 4, widthTiles: s.widthTiles }, png, { relocate: true });
    assert.equal(plan.summary.inPlace, false);
    assert.deepEqual(plan.moves, [{ from: s.romOffset, to: plan.summary.newRomOffset }]);

    const identity = resolveIdentity(emptyIdentityStore(), 'demo.sfc', headerKey(rom()), romContentHash(rom().data));
    assert.equal(identity.original, DEMO_ROM_SHA256);
    const named = (offset: number, moves = model.moves) => entriesForRom(romIdentity(rom(), identity.original), { moves }).find((e) => e.romOffset === offset);

    const h = model.apply({ label: 'Inject', patches: plan.patches, moves: plan.moves });
    assert.equal(named(plan.summary.newRomOffset)?.name, s.name, 'the name moved with the block');
    assert.equal(named(s.romOffset), undefined, 'freed space has no name');
    const palette = named(plan.summary.newRomOffset)!.palette;
    assert.deepEqual(palette, { source: 'rom', romOffset: s.paletteRomOffset }, 'the palette came along');

    h.undo();
    assert.equal(named(s.romOffset)?.name, s.name, 'undo moves the entry back');
    assert.equal(named(plan.summary.newRomOffset), undefined);
    h.redo();

    // Save: the bytes, the identity and the moves.
    await model.save();
    const savedHash = romContentHash(new Rom(file.bytes).data);
    const store = recordSave(emptyIdentityStore(), 'demo.sfc', { ...identity, current: savedHash });
    const catalog = parseCatalog(serializeCatalog(setMoves(emptyCatalog(), romIdentity(rom(), identity.original), model.moves)));
    assert.deepEqual(movesFor(catalog, DEMO_ROM_SHA256), plan.moves);

    // Reopen: another session, nothing but the files.
    const reopened = new Rom(file.bytes);
    const id2 = resolveIdentity(store, 'demo.sfc', headerKey(reopened), romContentHash(reopened.data));
    assert.equal(id2.original, DEMO_ROM_SHA256);
    const all = entriesForRom(romIdentity(reopened, id2.original), { workspace: catalog });
    assert.equal(all.length, layout.sprites.length + layout.raw.length, 'every name is still there');
    assert.equal(all.find((e) => e.name === s.name)!.romOffset, plan.summary.newRomOffset);
    assert.ok(all.every((e) => e.romOffset !== s.romOffset));

    // Undo in that later session is a new save with no moves: the name is back at the old address.
    const back = setMoves(catalog, romIdentity(reopened, id2.original), []);
    assert.equal(entriesForRom(romIdentity(reopened, id2.original), { workspace: back }).find((e) => e.name === s.name)!.romOffset, s.romOffset);
    assert.equal(back.roms[DEMO_ROM_SHA256], undefined, 'a record with nothing left is dropped');
  });

  it('a ROM record with moves survives removing its last entry; bad moves are refused', () => {
    const id = { sha256: 'c'.repeat(64), title: 'HACK', checksum: 1 };
    let cat = addEntry(emptyCatalog(), id, { name: 'A', romOffset: 0x10, kind: 'hal', bpp: 4 });
    cat = setMoves(cat, id, [{ from: 0x10, to: 0x20 }]);
    cat = removeEntry(cat, id.sha256, 'A');
    assert.deepEqual(movesFor(cat, id.sha256), [{ from: 0x10, to: 0x20 }]);
    assert.equal(setMoves(emptyCatalog(), id, []).roms[id.sha256], undefined);
    assert.throws(() => setMoves(emptyCatalog(), { ...id, sha256: 'x' }, []), /SHA-256/);
    const text = serializeCatalog(cat).replace('"to": 32', '"to": "far"');
    assert.throws(() => parseCatalog(text), /moves\[0\]\.to/);
    assert.throws(() => parseCatalog(serializeCatalog(cat).replace(/"moves": \[[^\]]*\]/, '"moves": {}')), /moves: must be an array/);
    assert.throws(() => parseCatalog(serializeCatalog(cat).replace(/"moves": \[[^\]]*\]/, '"moves": [1]')), /moves\[0\]: must be an object/);
  });
});
