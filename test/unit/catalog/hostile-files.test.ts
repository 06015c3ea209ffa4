/**
 * Catalog, sprite_locations and .pal.json files under hostile content (issue 18, items 8-9):
 * every problem is a typed error naming where, never a RangeError or TypeError, and names lose
 * their control characters before anything prints them.
 */
import * as assert from 'node:assert/strict';
import { parseCatalog } from '../../../src/core/catalog/catalog';
import { parseSpriteLocations } from '../../../src/core/catalog/sprite-locations';
import { CatalogError } from '../../../src/core/catalog/types';
import { PaletteError } from '../../../src/core/gfx/errors';
import { parsePalJson } from '../../../src/core/gfx/palette-files';

const deepText = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);
const SHA = 'a'.repeat(64);
const catalogWith = (entry: unknown) => JSON.stringify({ formatVersion: 1, roms: { [SHA]: { title: 'T', checksum: null, entries: [entry] } } });
const typed = (cls: typeof CatalogError | typeof PaletteError, pattern: RegExp) => (e: unknown) => e instanceof cls && pattern.test(e.message);

describe('catalog and palette files: hostile content gets typed errors', () => {
  it('refuses JSON nested 10,000 deep in a catalog, a sprite_locations file and a .pal.json', () => {
    const deepEntry = `{"formatVersion":1,"roms":{"${SHA}":{"title":"T","checksum":null,"entries":[{"name":"x","romOffset":${deepText(10_000)},"kind":"hal","bpp":4}]}}}`;
    assert.throws(() => parseCatalog(deepEntry), typed(CatalogError, /catalog\.json: is nested more than 16 deep: refused/));
    assert.throws(() => parseSpriteLocations(`{"games":${deepText(10_000)}}`), typed(CatalogError, /nested more than 16 deep/));
    assert.throws(() => parsePalJson(`{"palette":{"colors":${deepText(10_000)}}}`), typed(PaletteError, /nested more than 8 deep/));
  });

  it('accepts offsets only as safe integers inside the largest ROM', () => {
    const entry = (romOffset: unknown) => ({ name: 'x', romOffset, kind: 'hal', bpp: 4 });
    assert.equal(parseCatalog(catalogWith(entry('0x3FFFFFF'))).roms[SHA]!.entries[0]!.romOffset, 0x3ffffff);
    for (const bad of ['0x' + 'f'.repeat(40), 2 ** 53, 0x4000000, -1, 1.5]) {
      assert.throws(() => parseCatalog(catalogWith(entry(bad))), typed(CatalogError, /entries\[0\]\.romOffset: .* is not an offset/), String(bad));
    }
  });

  it('refuses a sprite_palettes label that is not text with a typed error (a {toString: 1} threw TypeError)', () => {
    const file = (label: unknown) => JSON.stringify({ games: { G: { sprites: {}, palettes: { sprite_palettes: { '8': label } } } } });
    assert.throws(
      () => parseSpriteLocations(file({ toString: 1 })),
      typed(CatalogError, /games\["G"\]\.palettes\.sprite_palettes\["8"\]: \{"toString":1\} is not a palette label/),
    );
    assert.equal(parseSpriteLocations(file('Kirby')).games[0]!.spritePalettes['8'], 'Kirby');
    assert.equal(parseSpriteLocations(file(3)).games[0]!.spritePalettes['8'], '3');
  });

  it('strips control characters (terminal escapes) from names, titles and messages', () => {
    const evil = '\u001b]0;owned\u0007\u001b[2JKing\u009b slime';
    const c = parseCatalog(catalogWith({ name: evil, romOffset: 16, kind: 'hal', bpp: 4, notes: 'line 1\nline 2\u001b[31m' }));
    assert.equal(c.roms[SHA]!.entries[0]!.name, ']0;owned[2JKing slime');
    assert.equal(c.roms[SHA]!.entries[0]!.notes, 'line 1\nline 2[31m');
    assert.equal(parsePalJson(JSON.stringify({ palette: { name: evil, colors: [[0, 0, 0]] } })).name, ']0;owned[2JKing slime');
    const sl = parseSpriteLocations(JSON.stringify({ games: { [evil]: { sprites: { [evil]: { offset: '0x10' } } } } }));
    assert.equal(sl.games[0]!.title, ']0;owned[2JKing slime');
    assert.equal(sl.games[0]!.sprites[0]!.name, ']0;owned[2JKing slime');
    assert.throws(
      () => parseSpriteLocations(JSON.stringify({ games: { [evil]: 5 } })),
      // eslint-disable-next-line no-control-regex
      (e: Error) => e instanceof CatalogError && !/[\u001b\u0007\u009b]/.test(e.message),
    );
    assert.throws(
      () => parseCatalog(catalogWith({ name: '\u001b\u0007', romOffset: 16, kind: 'hal', bpp: 4 })),
      typed(CatalogError, /name: must be a non-empty string/),
    );
  });

  it('refuses oversize text before parsing it', () => {
    assert.throws(() => parsePalJson(' '.repeat(2 * 1024 * 1024)), typed(PaletteError, /over the 1048576-character limit/));
    assert.throws(() => parseCatalog(' '.repeat(17 * 1024 * 1024)), typed(CatalogError, /over the 16777216-character limit/));
  });
});
