import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatGpl, formatJascPal, formatPalJson, parsePalJson } from '../../../src/core/gfx/palette-files';
import { cgramPalette } from '../../../src/core/gfx/palette';
import { PaletteError } from '../../../src/core/gfx/errors';
import { readShared, requireShared } from '../../support/shared';

const pal = { name: 'Test', colors: new Uint16Array([0x0000, 0x7fff, 0x001f, 0x03e0]) };

describe('gfx/palette-files', () => {
  it('writes SpritePal main shape with c << 3 channels and reads it back', () => {
    const text = formatPalJson(pal, { palette_index: 8 });
    const doc = JSON.parse(text);
    assert.equal(doc.format_version, '1.0');
    assert.equal(doc.palette.name, 'Test');
    assert.deepEqual(doc.palette.colors, [
      [0, 0, 0],
      [248, 248, 248],
      [248, 0, 0],
      [0, 248, 0],
    ]);
    assert.equal(doc.palette.color_count, 4);
    assert.equal(doc.source.palette_index, 8);
    assert.deepEqual(parsePalJson(text).colors, pal.colors);
  });

  it('reads the second shape (top-level name and colors) and full-range channels', () => {
    const p = parsePalJson(
      JSON.stringify({
        name: 'Flat',
        colors: [
          [255, 255, 255],
          [8, 16, 24, 255],
        ],
      }),
    );
    assert.equal(p.name, 'Flat');
    assert.deepEqual([...p.colors], [0x7fff, 1 | (2 << 5) | (3 << 10)]);
    assert.equal(parsePalJson('{"colors":[[0,0,0]]}', 'fallback').name, 'fallback');
  });

  it('refuses broken palette files with a reason', () => {
    assert.throws(() => parsePalJson('{'), /not JSON/);
    assert.throws(() => parsePalJson('{"palette": {}}'), /no "colors"/);
    assert.throws(() => parsePalJson('null'), PaletteError);
    assert.throws(() => parsePalJson('{"colors": []}'), /0 colours/);
    assert.throws(() => parsePalJson('{"colors": [[0, 0, 300]]}'), /colour 0/);
  });

  it('exports GIMP and JASC palettes with full-range channels', () => {
    const gpl = formatGpl(pal).split('\n');
    assert.equal(gpl[0], 'GIMP Palette');
    assert.equal(gpl[1], 'Name: Test');
    assert.equal(gpl[5], '255 255 255\tIndex 1');
    const jasc = formatJascPal(pal).split('\r\n');
    assert.deepEqual(jasc.slice(0, 5), ['JASC-PAL', '0100', '4', '0 0 0', '255 255 255']);
  });

  describe('against SpritePal exports of the Kirby Super Star cave CGRAM', () => {
    let shared = '';
    before(function () {
      shared = requireShared(this);
    });

    it('palettes 8-15: read colours equal the CGRAM, written colours equal SpritePal files', () => {
      const dir = join(shared, 'fixtures', 'kss-mesen');
      const cgram = readShared(shared, 'fixtures', 'kss-mesen', 'Cave.SnesCgRam.dmp');
      for (let i = 8; i <= 15; i++) {
        const theirs = readFileSync(join(dir, `Cave.SnesCgRam_palette_${i}.pal.json`), 'utf8');
        const ours = cgramPalette(cgram, i);
        const parsed = parsePalJson(theirs);
        assert.deepEqual(parsed.colors, ours.colors, `palette ${i}`);
        assert.equal(parsed.name, `CGRAM Palette ${i}`);
        const written = JSON.parse(formatPalJson(ours));
        const expected = JSON.parse(theirs);
        assert.deepEqual(written.palette.colors, expected.palette.colors, `palette ${i}`);
        assert.equal(written.palette.name, expected.palette.name);
        assert.equal(written.source.palette_index, i);
      }
    });
  });
});
