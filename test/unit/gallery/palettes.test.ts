import * as assert from 'node:assert/strict';
import { GRAYSCALE, PaletteSet, RAMP, romPaletteWhere } from '../../../src/core/gallery';
import { bgr555ToRgb } from '../../../src/core/gfx/color';
import { Rom } from '../../../src/core/rom';
import { buildRom } from '../../../src/core/rom/build';

describe('gallery palette set', () => {
  const AT = 0x10000;
  const rom = new Rom(
    buildRom({
      mapping: 'lorom',
      size: 0x40000,
      copierHeader: true,
      content: (d) => {
        for (let i = 0; i < 16; i++) [d[AT + 2 * i], d[AT + 2 * i + 1]] = [(i * 2) & 0xff, i];
      },
    }),
  );
  const rgb = (bgr: number) => {
    const [r, g, b] = bgr555ToRgb(bgr);
    return (r << 16) | (g << 8) | b;
  };

  it('starts with the ramp and grayscale, and names a catalog palette after its sprite and $BB:AAAA', () => {
    const set = new PaletteSet();
    assert.deepEqual(set.options(), [RAMP.option, GRAYSCALE.option]);
    set.addCatalogPalette(rom, AT, 'Knight');
    set.addCatalogPalette(rom, AT, 'Another name for the same bytes');
    const [, , knight] = set.options();
    assert.equal(set.options().length, 3);
    assert.deepEqual(knight, { id: 'rom:65536', label: 'Knight · $82:8000', colors: Array.from({ length: 16 }, (_, i) => rgb(i * 2 + (i << 8))) });
    assert.equal(romPaletteWhere(rom, AT), '$82:8000');
    assert.equal(romPaletteWhere({ copierHeaderSize: 512, snesOf: () => null }, AT), '0x010200', 'the file offset without a mapping');
  });

  it('reads ROM palettes again from changed bytes, keeping their labels, and knows where they are', () => {
    const set = new PaletteSet();
    set.addCatalogPalette(rom, AT, 'Knight');
    const edited = new Rom(rom.file.slice());
    edited.data[AT + 2] = 0x1f; // colour 1 becomes pure red (BGR555 0x011F)
    set.rereadAllRom(edited);
    const knight = set.get('rom:65536')!.option;
    assert.equal(knight.label, 'Knight · $82:8000');
    assert.equal(knight.colors[1], rgb(0x011f));
    assert.deepEqual(set.romSpans(), [{ start: AT, end: AT + 32 }]);
    assert.throws(() => set.rereadRom(edited, 'grayscale'), /grayscale is not a ROM palette/);
    assert.equal(set.rereadRom(edited, 'rom:100').label, 'ROM palette at $80:8064', 'a new one gets a label from its place');
  });
});
