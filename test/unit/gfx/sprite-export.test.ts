/** One sprite as SpritePal exports it (core/gfx/sprite-export.ts), shared by the editor and extract --all. */
import * as assert from 'node:assert/strict';
import { decode as decodePng } from 'fast-png';
import { buildSpriteExport, spriteExportNames, spriteExportStem } from '../../../src/core/gfx/sprite-export';
import { encodeTiles } from '../../../src/core/gfx/tiles';
import { bgr555ToRgb } from '../../../src/core/gfx/color';
import type { Palette } from '../../../src/core/gfx/palette';

describe('sprite export: PNG, .pal.json and .metadata.json for one sprite', () => {
  // 3 tiles of 4bpp: pixel i of tile t has index (t + i) % 16.
  const pixels = Uint8Array.from({ length: 3 * 64 }, (_, i) => (Math.floor(i / 64) + i) % 16);
  const data = encodeTiles(pixels, 4);
  const palette: Palette = { name: 'Knight', colors: Uint16Array.from({ length: 16 }, (_, i) => i * 0x0421), source: { rom_offset: 0x8200 } };
  const base = {
    romSource: 'game.sfc',
    romTitle: 'GAME',
    romChecksum: 0xbeef,
    fileOffset: 0x10200,
    data,
    consumed: 77,
    bpp: 4 as const,
    widthTiles: 16,
    palette,
    name: 'Knight walk',
  };

  it('names files by the catalog name, else by the on-disk offset', () => {
    assert.equal(spriteExportStem('Knight walk/left', 0), 'Knight_walk_left');
    assert.equal(spriteExportStem(null, 0x1a2f0), 'sprite_01A2F0');
    assert.deepEqual(spriteExportNames('/x/Knight'), { png: '/x/Knight.png', palJson: '/x/Knight.pal.json', metadataJson: '/x/Knight.metadata.json' });
  });

  it('writes the indices in the sprite palette, the palette, and metadata naming it as palette 8', () => {
    const f = buildSpriteExport(base, '/out/Knight_walk', new Date('2026-01-02T03:04:05Z'));
    // Fewer tiles than the width: the sheet is as wide as its tiles.
    assert.deepEqual([f.tiles, f.width, f.height], [3, 24, 8]);
    const png = decodePng(f.png);
    assert.equal(png.channels, 1);
    assert.equal((png.palette as number[][]).length, 16);
    assert.deepEqual((png.palette as number[][])[5]!.slice(0, 3), bgr555ToRgb(palette.colors[5]!));
    assert.equal((png.data as Uint8Array)[1], pixels[1]); // row 0 of tile 0
    const meta = JSON.parse(f.metadataJson);
    assert.deepEqual(meta.palettes, { '8': 'Knight_walk.pal.json' });
    assert.equal(meta.default_palette, 8);
    assert.deepEqual(meta.extraction, {
      source_type: 'rom',
      rom_source: 'game.sfc',
      rom_offset: '0x010200',
      sprite_name: 'Knight walk',
      compressed_size: 77,
      tile_count: 3,
      extraction_size: data.length,
      rom_title: 'GAME',
      rom_checksum: '0xBEEF',
      extraction_date: '2026-01-02T03:04:05.000Z',
    });
    const pal = JSON.parse(f.palJson);
    assert.equal(pal.palette.name, 'Knight');
    assert.equal(pal.source.rom_offset, 0x8200);
  });

  it("grayscale without a palette; the editor's label and source when given; a found block named by offset", () => {
    const f = buildSpriteExport(
      {
        ...base,
        palette: null,
        name: null,
        consumed: null,
        bpp: 2,
        data: encodeTiles(
          pixels.map((v) => v & 3),
          2,
        ),
        paletteName: 'Grayscale',
        paletteSource: { palette: 'grayscale' },
      },
      'sprite_010200',
    );
    const png = decodePng(f.png);
    assert.equal((png.palette as number[][]).length, 4, 'a 2bpp sheet holds its 4 colours');
    assert.deepEqual((png.palette as number[][])[3]!.slice(0, 3), [255, 255, 255], 'index x 85: the 4 grays of 2bpp');
    const meta = JSON.parse(f.metadataJson);
    assert.equal(meta.extraction.sprite_name, 'sprite_010200');
    assert.equal(meta.extraction.compressed_size, null);
    const pal = JSON.parse(f.palJson);
    assert.equal(pal.palette.name, 'Grayscale');
    assert.deepEqual(pal.source, { palette: 'grayscale', extraction_tool: 'spritepal-vscode' });
  });
});
