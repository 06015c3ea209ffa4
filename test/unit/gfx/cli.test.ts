import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decode as decodePng } from 'fast-png';
import { main } from '../../../src/cli';
import { encode as halEncode } from '../../../src/core/hal';
import { encodeTiles } from '../../../src/core/gfx/tiles';
import { requireShared } from '../../support/shared';

async function run(argv: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { stdout: (t) => (out += t), stderr: (t) => (err += t), stderrIsTTY: false, cwd });
  return { code, out, err };
}

describe('CLI: extract, palette, vram', () => {
  let dir = '';
  const tiles = new Uint8Array(20 * 64).map((_, i) => (i >> 6) % 16);
  const tileData = encodeTiles(tiles, 4);
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'spritepal-gfx-'));
    const file = new Uint8Array(4096 + tileData.length + 100);
    file.set(halEncode(tileData), 0x100);
    file.set(tileData, 4096);
    const cgram = new Uint8Array(512).map((_, i) => (i * 7) & 0x7f);
    writeFileSync(join(dir, 'data.bin'), file);
    writeFileSync(join(dir, 'x.SnesCgRam.dmp'), cgram);
    writeFileSync(join(dir, 'p.pal.json'), JSON.stringify({ name: 'P', colors: Array.from({ length: 16 }, (_, i) => [i * 16, 0, 0]) }));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('extract: HAL stream at an offset to an indexed PNG, JSON summary', async () => {
    const r = await run(['extract', 'data.bin', '--offset', '0x100', '--palette', 'cgram:x.SnesCgRam.dmp:9', '--width', '4', '-o', 'a.png', '--json'], dir);
    assert.equal(r.code, 0, r.err);
    const j = JSON.parse(r.out);
    assert.deepEqual({ ...j, consumed: 0 }, { offset: 0x100, consumed: 0, size: tileData.length, tiles: 20, width: 32, height: 40 });
    assert.ok(j.consumed > 0);
    const png = decodePng(readFileSync(join(dir, 'a.png')));
    assert.equal(png.palette!.length, 16);
    assert.equal(png.data[8 * 32 + 8], 5); // tile 5 at cell (1, 1)
  });

  it('extract --raw with --length, 2bpp, rom:<addr> and .pal.json palettes, sprite16 order', async () => {
    for (const pal of ['rom:0x0', 'p.pal.json', 'grayscale']) {
      const r = await run(
        ['extract', 'data.bin', '--offset', '4096', '--raw', '--length', String(tileData.length), '--palette', pal, '--order', 'sprite16', '-o', 'b.png'],
        dir,
      );
      assert.equal(r.code, 0, r.err);
      assert.match(r.out, /20 tiles/);
    }
    const two = await run(['extract', 'data.bin', '--offset', '4096', '--raw', '--length', '64', '--bpp', '2', '-o', 'c.png', '--json'], dir);
    assert.equal(JSON.parse(two.out).tiles, 4);
    const m7 = await run(
      ['extract', 'data.bin', '--offset', '4096', '--raw', '--length', '128', '--mode7', '--palette', 'cgram:x.SnesCgRam.dmp', '-o', 'd.png', '--json'],
      dir,
    );
    assert.equal(JSON.parse(m7.out).tiles, 2, m7.err);
  });

  it('extract --grayscale writes SpritePal sidecars', async () => {
    const r = await run(['extract', 'data.bin', '--offset', '0x100', '--palette', 'cgram:x.SnesCgRam.dmp', '--grayscale', '-o', 'g.png'], dir);
    assert.equal(r.code, 0, r.err);
    const meta = JSON.parse(readFileSync(join(dir, 'g.metadata.json'), 'utf8'));
    assert.equal(meta.default_palette, 8);
    assert.deepEqual(Object.keys(meta.palettes).sort(), ['10', '11', '12', '13', '14', '15', '8', '9']);
    assert.equal(meta.extraction.tile_count, 20);
    assert.ok(existsSync(join(dir, 'g_pal15.pal.json')));
    const png = decodePng(readFileSync(join(dir, 'g.png')));
    assert.equal(png.data[8 * 128 + 8 * 2], 2 * 17);
  });

  it('extract refuses bad arguments with one line', async () => {
    const cases: [string[], RegExp][] = [
      [['extract', 'data.bin', '-o', 'x.png'], /missing --offset/],
      [['extract', 'data.bin', '--offset', '0', '--bpp', '3', '-o', 'x.png'], /--bpp must be 2, 4 or 8/],
      [['extract', 'data.bin', '--offset', '0', '--order', 'zig', '-o', 'x.png'], /--order/],
      [['extract', 'data.bin', '--offset', '0', '--length', '5', '-o', 'x.png'], /--length goes with --raw/],
      [['extract', 'data.bin', '--offset', '4835', '-o', 'x.png'], /HAL stream/],
      [['extract', 'data.bin', '--offset', '4096', '--raw', '--length', '8', '-o', 'x.png'], /no whole 4bpp tile/],
      [['extract', 'data.bin', '--offset', '4096', '--raw', '--length', '9999', '-o', 'x.png'], /past the end/],
      [['extract', 'data.bin', '--offset', '4096', '--raw', '--palette', 'nope', '-o', 'x.png'], /not cgram:/],
      [['extract', 'data.bin', '--offset', '4096', '--raw', '--palette', 'cgram:x.SnesCgRam.dmp:16', '-o', 'x.png'], /0-15/],
      [['extract', 'data.bin', '--offset', '4096', '--raw', '--bpp', '8', '--palette', 'p.pal.json', '-o', 'x.png'], /need 256 colours/],
      [['extract', 'data.bin', '--offset', '4096', '--raw'], /missing -o/],
    ];
    for (const [argv, re] of cases) {
      const r = await run(argv, dir);
      assert.equal(r.code, 1, argv.join(' '));
      assert.match(r.err, re, argv.join(' '));
    }
  });

  it('palette: .pal.json, .gpl and JASC by output name', async () => {
    let r = await run(['palette', 'x.SnesCgRam.dmp', '--index', '9', '-o', 'p9.pal.json', '--json'], dir);
    assert.equal(r.code, 0, r.err);
    assert.equal(JSON.parse(r.out).colors.length, 16);
    assert.equal(JSON.parse(readFileSync(join(dir, 'p9.pal.json'), 'utf8')).source.palette_index, 9);
    r = await run(['palette', 'x.SnesCgRam.dmp', '-o', 'p.gpl'], dir);
    assert.match(readFileSync(join(dir, 'p.gpl'), 'utf8'), /^GIMP Palette/);
    r = await run(['palette', 'x.SnesCgRam.dmp', '-o', 'p.pal'], dir);
    assert.match(readFileSync(join(dir, 'p.pal'), 'utf8'), /^JASC-PAL/);
  });

  describe('vram on the real dumps', () => {
    let shared = '';
    before(function () {
      shared = requireShared(this);
    });

    it('finds the sibling dumps and lists all 128 OAM entries', async () => {
      const vram = join(shared, 'fixtures', 'kss-mesen', 'Cave.SnesVideoRam.dmp');
      const r = await run(['vram', vram, '-o', 'sheet.png', '--json'], dir);
      assert.equal(r.code, 0, r.err);
      const j = JSON.parse(r.out);
      assert.equal(j.sprites.length, 128);
      assert.equal(j.objBase, 0xc000);
      assert.match(j.cgram, /Cave\.SnesCgRam\.dmp$/);
      assert.deepEqual(j.sprites[5], { index: 5, x: 24, y: 83, tile: 0, palette: 8, priority: 3, hflip: false, vflip: false, large: true, visible: true });
      assert.equal(decodePng(readFileSync(join(dir, 'sheet.png'))).width, 256);
      const text = await run(
        [
          'vram',
          vram,
          '--obj-base',
          '0x8000',
          '--oam',
          vram.replace('SnesVideoRam', 'SnesSpriteRam'),
          '--cgram',
          vram.replace('SnesVideoRam', 'SnesCgRam'),
          '-o',
          'sheet2.png',
        ],
        dir,
      );
      assert.match(text.out, /18 of 128 sprites on screen, OBJ tiles at 0x8000 \(given\)/);
    });

    it('refuses without an OAM dump', async () => {
      writeFileSync(join(dir, 'lonely.vram.dmp'), new Uint8Array(65536));
      const r = await run(['vram', 'lonely.vram.dmp', '-o', 'z.png'], dir);
      assert.match(r.err, /no OAM dump/);
    });
  });
});
