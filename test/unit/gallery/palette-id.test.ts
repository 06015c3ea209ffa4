import * as assert from 'node:assert/strict';
import {
  formatPaletteId,
  isPaletteId,
  isRomPaletteId,
  MAX_PALETTE_ID_LENGTH,
  parsePaletteId,
  romPaletteId,
  romPaletteOffset,
  type PaletteId,
} from '../../../src/core/gallery';

describe('gallery palette ids', () => {
  it('format and parse are one pair: every kind reads back as it was written', () => {
    const ids: PaletteId[] = [
      { kind: 'auto' },
      { kind: 'grayscale' },
      { kind: 'ramp' },
      { kind: 'rom', romOffset: 0 },
      { kind: 'rom', romOffset: 0x3f_ffe0 },
      { kind: 'cgram', file: 'file:///home/u/Kirby%20CGRAM.dmp', index: 15 },
      // A URI with colons of its own: the index is after the last one.
      { kind: 'cgram', file: 'vscode-remote://ssh:host/c:/dumps/a.cgram', index: 8 },
      { kind: 'pal', file: 'file:///x/knight.pal.json' },
    ];
    for (const id of ids) assert.deepEqual(parsePaletteId(formatPaletteId(id)), id, formatPaletteId(id));
    assert.equal(romPaletteId(0x85e0), 'rom:34272');
  });

  it('refuses what no palette is called: the webview sends these strings', () => {
    for (const bad of [
      '',
      'rom:',
      'rom:01',
      'rom:-1',
      'rom:1.5',
      'rom:0x10',
      'rom:1234567890',
      'cgram:file:16',
      'cgram::3',
      'cgram:file',
      'pal:',
      'Grayscale',
      'ramp ',
      `pal:${'x'.repeat(MAX_PALETTE_ID_LENGTH)}`,
    ]) {
      assert.equal(parsePaletteId(bad), null, JSON.stringify(bad));
      assert.equal(isPaletteId(bad), false, JSON.stringify(bad));
    }
    assert.equal(isPaletteId(7), false);
  });

  it('reads a ROM palette offset only from a ROM palette id', () => {
    assert.equal(romPaletteOffset('rom:4096'), 4096);
    assert.equal(romPaletteOffset('grayscale'), null);
    assert.equal(romPaletteOffset('cgram:file:///a:1'), null);
    assert.equal(romPaletteOffset(null), null);
    assert.equal(romPaletteOffset(undefined), null);
    assert.deepEqual([isRomPaletteId('rom:1'), isRomPaletteId('pal:file:///a'), isRomPaletteId(undefined)], [true, false, false]);
  });
});
