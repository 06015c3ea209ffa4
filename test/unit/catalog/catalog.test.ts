import * as assert from 'node:assert/strict';
import {
  addEntry,
  emptyCatalog,
  entriesFor,
  parseCatalog,
  removeEntry,
  renameEntry,
  serializeCatalog,
  setNotes,
  setPalette,
} from '../../../src/core/catalog/catalog';
import { CatalogError, type Catalog, type RomIdentity } from '../../../src/core/catalog/types';

const ROM: RomIdentity = { sha256: 'a'.repeat(64), title: 'MY HACK', checksum: 0x1234 };
const OTHER: RomIdentity = { sha256: 'b'.repeat(64), title: 'OTHER', checksum: null };

function sample(): Catalog {
  let c = emptyCatalog();
  c = addEntry(c, ROM, {
    name: 'Zeta',
    romOffset: 0x20000,
    kind: 'hal',
    bpp: 4,
    tiles: 64,
    widthTiles: 8,
    palette: { source: 'rom', romOffset: 0x8200 },
    notes: 'boss',
  });
  c = addEntry(c, ROM, { name: 'Alpha', romOffset: 0x10000, kind: 'raw', bpp: 2 });
  c = addEntry(c, OTHER, { name: 'Hero', romOffset: 0x300, kind: 'hal', bpp: 4, palette: { source: 'cgram', file: 'x.dmp', index: 8 } });
  return c;
}

describe('catalog: the project catalog file', () => {
  it('round-trips through its JSON form', () => {
    const c = sample();
    const text = serializeCatalog(c);
    const back = parseCatalog(text);
    assert.deepEqual(entriesFor(back, ROM.sha256), entriesFor(c, ROM.sha256));
    assert.equal(serializeCatalog(back), text);
    assert.equal(back.roms[ROM.sha256]!.title, 'MY HACK');
    assert.equal(back.roms[ROM.sha256]!.checksum, 0x1234);
    assert.deepEqual(entriesFor(back, OTHER.sha256.toUpperCase())[0]!.palette, { source: 'cgram', file: 'x.dmp', index: 8 });
    assert.deepEqual(entriesFor(back, 'c'.repeat(64)), []);
  });

  it('serialises deterministically: sorted keys, 2 spaces, entries in ROM order, final newline', () => {
    const a = sample();
    // The same content built in another order serialises to the same bytes.
    let b = emptyCatalog();
    b = addEntry(b, OTHER, {
      notes: undefined,
      palette: { index: 8, file: 'x.dmp', source: 'cgram' },
      bpp: 4,
      kind: 'hal',
      romOffset: 0x300,
      name: 'Hero',
    } as never);
    b = addEntry(b, ROM, { bpp: 2, kind: 'raw', name: 'Alpha', romOffset: 0x10000 });
    b = addEntry(b, ROM, {
      notes: 'boss',
      widthTiles: 8,
      tiles: 64,
      palette: { romOffset: 0x8200, source: 'rom' },
      bpp: 4,
      kind: 'hal',
      romOffset: 0x20000,
      name: 'Zeta',
    });
    const text = serializeCatalog(a);
    assert.equal(serializeCatalog(b), text);
    assert.ok(text.endsWith('}\n'));
    assert.match(text, /^\{\n {2}"formatVersion": 1,\n {2}"roms": \{\n {4}"a{64}": \{\n {6}"checksum": 4660,\n {6}"entries": \[\n {8}\{\n {10}"bpp": 2,/);
    assert.ok(text.indexOf('"Alpha"') < text.indexOf('"Zeta"'));
  });

  it('adds, renames and removes entries, and sets or clears palette and notes, without touching the input', () => {
    const c = sample();
    const before = serializeCatalog(c);
    const renamed = renameEntry(c, ROM.sha256, 'Zeta', 'Boss');
    assert.deepEqual(
      entriesFor(renamed, ROM.sha256).map((e) => e.name),
      ['Alpha', 'Boss'],
    );
    const pal = setPalette(renamed, ROM.sha256, 'Alpha', { source: 'grayscale' });
    assert.deepEqual(entriesFor(pal, ROM.sha256)[0]!.palette, { source: 'grayscale' });
    assert.equal(entriesFor(setPalette(pal, ROM.sha256, 'Alpha', undefined), ROM.sha256)[0]!.palette, undefined);
    const noted = setNotes(pal, ROM.sha256, 'Alpha', 'the font');
    assert.equal(entriesFor(noted, ROM.sha256)[0]!.notes, 'the font');
    assert.equal('notes' in entriesFor(setNotes(noted, ROM.sha256, 'Alpha', ''), ROM.sha256)[0]!, false);
    const removed = removeEntry(noted, ROM.sha256, 'Alpha');
    assert.deepEqual(
      entriesFor(removed, ROM.sha256).map((e) => e.name),
      ['Boss'],
    );
    const gone = removeEntry(removed, ROM.sha256, 'Boss');
    assert.equal(gone.roms[ROM.sha256], undefined, 'a ROM with no entries is dropped');
    assert.equal(serializeCatalog(c), before);
  });

  it('refuses edits that cannot be made, saying why', () => {
    const c = sample();
    assert.throws(() => addEntry(c, ROM, { name: 'Alpha', romOffset: 1, kind: 'hal', bpp: 4 }), /an entry named "Alpha" already exists for MY HACK/);
    assert.throws(() => addEntry(c, { ...ROM, sha256: 'XYZ' }, { name: 'N', romOffset: 1, kind: 'hal', bpp: 4 }), /not a lower-case hex SHA-256/);
    assert.throws(() => addEntry(c, ROM, { name: 'N', romOffset: 1, kind: 'hal', bpp: 3 as never }), /bpp: 3 is not 2, 4 or 8/);
    assert.throws(() => renameEntry(c, ROM.sha256, 'Alpha', 'Zeta'), /"Zeta" already exists/);
    assert.throws(() => renameEntry(c, ROM.sha256, 'Alpha', ' '), /non-empty name/);
    assert.throws(
      () => renameEntry(c, ROM.sha256, 'Nope', 'New'),
      (e: Error) => e instanceof CatalogError && /no catalog entry named "Nope"/.test(e.message),
    );
    assert.throws(() => removeEntry(c, 'c'.repeat(64), 'Alpha'), /no entries for ROM c{64}/);
    assert.throws(() => setPalette(c, ROM.sha256, 'Alpha', { source: 'cgram', file: 'x', index: 16 }), /index: 16 is not a CGRAM palette index/);
  });

  it('reads hex offsets in hand-edited files and explains malformed ones (what and where)', () => {
    const ok = parseCatalog(
      JSON.stringify({
        formatVersion: 1,
        roms: { [ROM.sha256]: { title: 'T', checksum: null, entries: [{ name: 'A', romOffset: '0x1F400', kind: 'hal', bpp: 4, extra: 1 }] } },
      }),
    );
    assert.deepEqual(entriesFor(ok, ROM.sha256), [{ name: 'A', romOffset: 0x1f400, kind: 'hal', bpp: 4 }]);
    const bad = (v: unknown) => () => parseCatalog(typeof v === 'string' ? v : JSON.stringify(v), 'cat.json');
    const rom = (r: unknown) => ({ formatVersion: 1, roms: { [ROM.sha256]: r } });
    const entry = (e: unknown) => rom({ title: 'T', checksum: 1, entries: [e] });
    const where = `roms\\["${ROM.sha256}"\\]`;
    assert.throws(bad('nope'), /cat\.json: not valid JSON/);
    assert.throws(bad('[]'), /cat\.json: must hold a JSON object/);
    assert.throws(bad({ formatVersion: 2, roms: {} }), /formatVersion: 2 was written by a newer SpritePal/);
    assert.throws(bad({ roms: {} }), /formatVersion: undefined is not a catalog format version/);
    assert.throws(bad({ formatVersion: 1 }), /roms: must be an object/);
    assert.throws(
      bad({ formatVersion: 1, roms: { abc: { title: 'T', checksum: null, entries: [] } } }),
      /roms\["abc"\]: the key must be the lower-case hex SHA-256/,
    );
    assert.throws(bad(rom(3)), new RegExp(`${where}: must be an object`));
    assert.throws(bad(rom({ checksum: null, entries: [] })), new RegExp(`${where}\\.title: must be a string`));
    assert.throws(bad(rom({ title: 'T', checksum: 70000, entries: [] })), /checksum: 70000 is not a 16-bit checksum/);
    assert.throws(bad(rom({ title: 'T', checksum: null })), /entries: must be an array/);
    assert.throws(bad(entry(5)), new RegExp(`${where}\\.entries\\[0\\]: must be an object`));
    assert.throws(bad(entry({ romOffset: 1, kind: 'hal', bpp: 4 })), /entries\[0\]\.name: must be a non-empty string/);
    assert.throws(bad(entry({ name: 'A', romOffset: -1, kind: 'hal', bpp: 4 })), /entries\[0\]\.romOffset: -1 is not an offset/);
    assert.throws(bad(entry({ name: 'A', romOffset: 1, kind: 'lz', bpp: 4 })), /entries\[0\]\.kind: "lz" is not "hal" or "raw"/);
    assert.throws(bad(entry({ name: 'A', romOffset: 1, kind: 'raw', bpp: 4, tiles: 0 })), /entries\[0\]\.tiles: 0 is not a positive whole number/);
    assert.throws(bad(entry({ name: 'A', romOffset: 1, kind: 'raw', bpp: 4, widthTiles: 1.5 })), /widthTiles: 1.5/);
    assert.throws(bad(entry({ name: 'A', romOffset: 1, kind: 'raw', bpp: 4, notes: 5 })), /notes: must be a string/);
    assert.throws(bad(entry({ name: 'A', romOffset: 1, kind: 'raw', bpp: 4, palette: 'rom' })), /palette: must be an object/);
    assert.throws(bad(entry({ name: 'A', romOffset: 1, kind: 'raw', bpp: 4, palette: { source: 'vram' } })), /palette\.source: "vram" is not a palette source/);
    assert.throws(
      bad(entry({ name: 'A', romOffset: 1, kind: 'raw', bpp: 4, palette: { source: 'cgram', index: 8 } })),
      /palette\.file: must name the CGRAM dump/,
    );
    assert.throws(bad(entry({ name: 'A', romOffset: 1, kind: 'raw', bpp: 4, palette: { source: 'rom' } })), /palette\.romOffset: undefined is not an offset/);
    const dup = { name: 'A', romOffset: 1, kind: 'raw', bpp: 4 };
    assert.throws(bad(rom({ title: 'T', checksum: 1, entries: [dup, dup] })), /entries\[1\]\.name: "A" appears twice/);
  });
});
