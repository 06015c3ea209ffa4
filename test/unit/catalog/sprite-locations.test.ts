import * as assert from 'node:assert/strict';
import { CatalogError } from '../../../src/core/catalog/types';
import { matchGame, parseSpriteLocations, spriteLocationEntries } from '../../../src/core/catalog/sprite-locations';

const FILE = JSON.stringify({
  _comment: 'known sprites; offsets are headerless',
  format_version: '1.2',
  games: {
    _note: 'a comment at game level',
    'KIRBY SUPER DELUXE': {
      checksums: { _c: 'ignored', usa: '0x8A5C', jpn: '0x7A10' },
      sprites: {
        _todo: 'more sprites',
        'Kirby Normal': { offset: '0x1E0000', expected_size: 8192, compressed: true, palette_indices: [8], offset_variants: { jpn: ['0x1E0400'] } },
        'Title Logo': { offset: '0x0C8000', compressed: false, expected_size: 1000 },
      },
      palettes: { offset: '0x0FE000', sprite_palettes: { '8': 'Kirby pink', _x: 'comment' } },
    },
    'OTHER GAME': { checksums: { v1: '0x1234' }, sprites: { Hero: { offset: '0x10000' } } },
  },
});

describe('catalog: SpritePal sprite_locations.json', () => {
  it('reads games, sprites and checksums, skipping keys that start with _', () => {
    const f = parseSpriteLocations(FILE);
    assert.equal(f.formatVersion, '1.2');
    assert.deepEqual(
      f.games.map((g) => g.title),
      ['KIRBY SUPER DELUXE', 'OTHER GAME'],
    );
    const k = f.games[0]!;
    assert.deepEqual(k.checksums, { usa: 0x8a5c, jpn: 0x7a10 });
    assert.deepEqual(
      k.sprites.map((s) => s.name),
      ['Kirby Normal', 'Title Logo'],
    );
    assert.deepEqual(k.sprites[0], {
      name: 'Kirby Normal',
      offset: 0x1e0000,
      expectedSize: 8192,
      compressed: true,
      paletteIndices: [8],
      offsetVariants: { jpn: [0x1e0400] },
    });
    assert.equal(k.sprites[1]!.compressed, false);
    assert.equal(k.paletteOffset, 0xfe000);
    assert.deepEqual(k.spritePalettes, { '8': 'Kirby pink' });
  });

  it("matches a ROM by checksum first (using that version's offset variant), then by title", () => {
    const f = parseSpriteLocations(FILE);
    const byJpnChecksum = spriteLocationEntries(f, { title: 'SOMETHING ELSE', checksum: 0x7a10 });
    assert.equal(byJpnChecksum.match!.matchedBy, 'checksum');
    assert.equal(byJpnChecksum.match!.version, 'jpn');
    assert.equal(byJpnChecksum.entries[0]!.romOffset, 0x1e0400, 'the jpn variant');
    assert.equal(byJpnChecksum.entries[1]!.romOffset, 0x0c8000, 'no variant: the base offset');
    // Checksum wins over a title naming another game.
    assert.equal(matchGame(f, { title: 'KIRBY SUPER DELUXE', checksum: 0x1234 })!.game.title, 'OTHER GAME');
    const byTitle = spriteLocationEntries(f, { title: '  kirby  super deluxe ', checksum: 0xbeef });
    assert.equal(byTitle.match!.matchedBy, 'title');
    assert.equal(byTitle.entries[0]!.romOffset, 0x1e0000);
    assert.deepEqual(spriteLocationEntries(f, { title: 'NOPE', checksum: null }), { match: null, entries: [] });
    assert.equal(matchGame(f, { title: null, checksum: null }), null);
  });

  it('turns sprites into catalog entries: hal or raw, 4bpp, whole tiles, notes with the palettes', () => {
    const { entries } = spriteLocationEntries(parseSpriteLocations(FILE), { title: 'X', checksum: 0x8a5c });
    const [kirby, logo] = entries;
    assert.equal(kirby!.kind, 'hal');
    assert.equal(kirby!.bpp, 4);
    assert.equal(kirby!.tiles, 256);
    assert.equal(kirby!.romOffset, 0x1e0000, 'usa has no variant');
    assert.match(kirby!.notes!, /matched by checksum 0x8A5C, version "usa"/);
    assert.match(kirby!.notes!, /Palettes 8 \(Kirby pink\)/);
    assert.equal(logo!.kind, 'raw');
    assert.equal(logo!.tiles, undefined, '1000 bytes is not whole 4bpp tiles');
  });

  it('explains what is wrong and where in a malformed file', () => {
    const bad = (v: unknown) => () => parseSpriteLocations(typeof v === 'string' ? v : JSON.stringify(v), 'sl.json');
    assert.throws(bad('{ nope'), (e: Error) => e instanceof CatalogError && /^sl\.json: not valid JSON/.test(e.message));
    assert.throws(bad([]), /sl\.json: must hold a JSON object/);
    assert.throws(bad({ format_version: '1' }), /sl\.json: games: missing/);
    assert.throws(bad({ games: { G: 5 } }), /games\["G"\]: must be an object/);
    assert.throws(bad({ games: { G: { sprites: { S: { offset: '0xZZ' } } } } }), /games\["G"\]\.sprites\["S"\]\.offset: "0xZZ" is not a hex offset/);
    assert.throws(bad({ games: { G: { sprites: { S: { offset: '1234' } } } } }), /\.offset: "1234" is not a hex offset/);
    assert.throws(bad({ games: { G: { sprites: { S: {} } } } }), /sprites\["S"\]: has no "offset"/);
    assert.throws(bad({ games: { G: { sprites: { S: 'x' } } } }), /sprites\["S"\]: must be an object/);
    assert.throws(bad({ games: { G: { sprites: [] } } }), /games\["G"\]\.sprites: must be an object/);
    assert.throws(bad({ games: { G: { checksums: { v: '0x12345' } } } }), /checksums\["v"\]: 0x12345 is not a 16-bit checksum/);
    assert.throws(bad({ games: { G: { checksums: [] } } }), /checksums: must be an object/);
    assert.throws(bad({ games: { G: { sprites: { S: { offset: '0x10', expected_size: -1 } } } } }), /expected_size: -1 is not a positive size/);
    assert.throws(bad({ games: { G: { sprites: { S: { offset: '0x10', compressed: 'yes' } } } } }), /compressed: must be true or false/);
    assert.throws(bad({ games: { G: { sprites: { S: { offset: '0x10', palette_indices: 8 } } } } }), /palette_indices: must be an array/);
    assert.throws(bad({ games: { G: { sprites: { S: { offset: '0x10', palette_indices: [99] } } } } }), /palette_indices\[0\]: 99 is not a palette number/);
    assert.throws(bad({ games: { G: { sprites: { S: { offset: '0x10', offset_variants: [] } } } } }), /offset_variants: must be an object/);
    assert.throws(
      bad({ games: { G: { sprites: { S: { offset: '0x10', offset_variants: { v: ['nope'] } } } } } }),
      /offset_variants\["v"\]\[0\]: "nope" is not a hex offset/,
    );
  });

  it('accepts a lone variant offset and a file without format_version', () => {
    const f = parseSpriteLocations(
      JSON.stringify({ games: { G: { checksums: { a: '0x0001' }, sprites: { S: { offset: 16, offset_variants: { a: '0x20' } } } } } }),
    );
    assert.equal(f.formatVersion, null);
    assert.equal(spriteLocationEntries(f, { title: '', checksum: 1 }).entries[0]!.romOffset, 0x20);
  });
});
