/** The gallery behind the ROM editor, in a real VS Code: entries, palettes, export. */
import * as assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decode as decodePng } from 'fast-png';
import * as vscode from 'vscode';
import type { SpritePalApi } from '../../src/extension';
import { bundledEntriesFor } from '../../src/core/catalog/bundled';
import { buildDemoRom, demoRomLayout } from '../../src/core/demo/demo-rom';
import { decode } from '../../src/core/hal';
import { tilesToImage } from '../../src/core/gfx/arrange';
import { bgr555ToRgb, readBgr555 } from '../../src/core/gfx/color';
import { decodeTiles } from '../../src/core/gfx/tiles';
import { waitFor } from './helpers';

describe('sprite gallery (extension host)', () => {
  const folder = vscode.workspace.workspaceFolders![0]!.uri.fsPath;
  const rom = buildDemoRom();
  const layout = demoRomLayout();
  const romPath = join(folder, 'gallery-demo.sfc');

  before(() => writeFileSync(romPath, rom));
  after(async () => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  async function open() {
    const { editor } = await vscode.extensions.getExtension<SpritePalApi>('spritepal.spritepal')!.activate();
    await vscode.commands.executeCommand('vscode.openWith', vscode.Uri.file(romPath), 'spritepal.romEditor');
    const doc = await waitFor('the document', () => editor.documents.find((d) => d.uri.fsPath === romPath));
    const gallery = editor.gallery(doc);
    await gallery.gallery();
    await waitFor('the scan', () => gallery.scanStatus.state === 'done');
    return { doc, gallery };
  }

  it('lists the catalog entries and the scan hits, each block once', async () => {
    const { doc, gallery } = await open();
    const catalog = bundledEntriesFor(doc.session.romHash).map((e) => e.romOffset);
    assert.equal(catalog.length, layout.sprites.length + layout.raw.length, 'the demo ROM is recognised: its bundled entries apply');
    const scan = (await doc.session.scan()).hits.map((h) => h.romOffset);
    const expected = new Set([...catalog, ...scan]);
    const entries = gallery.entries();
    assert.equal(entries.length, expected.size, `catalog (${catalog.length}) plus scan (${scan.length}), overlapping blocks once`);
    assert.deepEqual(
      entries.map((e) => e.romOffset).sort((a, b) => a - b),
      [...expected].sort((a, b) => a - b),
    );
    for (const s of layout.sprites) {
      const e = entries.find((x) => x.romOffset === s.romOffset)!;
      assert.equal(e.name, s.name);
      assert.equal(e.source, 'catalog');
      assert.equal(e.paletteId, `rom:${s.paletteRomOffset}`);
    }
  });

  it('remembers the confidence filter per workspace: another ROM opened here shows weak hits too', async () => {
    const { editor } = await vscode.extensions.getExtension<SpritePalApi>('spritepal.spritepal')!.activate();
    const { doc, gallery } = await open();
    assert.equal((await gallery.gallery()).showWeak, false, 'weak hits are hidden until asked for');
    const posted: unknown[] = [];
    await editor.handleWebviewMessage(doc, { kind: 'request', id: 1, method: 'setShowWeak', params: { showWeak: true } }, (m) => posted.push(m));
    assert.deepEqual(posted, [{ kind: 'response', id: 1, ok: true, result: { showWeak: true } }]);
    // Another ROM of the same workspace, with its own document and gallery.
    const other = join(folder, 'gallery-other.sfc');
    writeFileSync(other, rom);
    await vscode.commands.executeCommand('vscode.openWith', vscode.Uri.file(other), 'spritepal.romEditor');
    const otherDoc = await waitFor('the other document', () => editor.documents.find((d) => d.uri.fsPath === other));
    assert.equal((await editor.gallery(otherDoc).gallery()).showWeak, true, 'the choice holds for every ROM of the workspace');
    await editor.handleWebviewMessage(otherDoc, { kind: 'request', id: 2, method: 'setShowWeak', params: { showWeak: false } }, () => undefined);
    assert.equal((await gallery.gallery()).showWeak, false);
  });

  it('loads a palette from a ROM address, as the colours stored there', async () => {
    const { gallery } = await open();
    const sprite = layout.sprites[3]!;
    const snes = `$${((sprite.paletteRomOffset >> 15) | 0x80).toString(16).toUpperCase()}:${((sprite.paletteRomOffset & 0x7fff) | 0x8000).toString(16).toUpperCase()}`;
    const option = (await gallery.loadPalette({ source: 'rom', address: snes }))!;
    const expected = Array.from(readBgr555(rom, sprite.paletteRomOffset, 16), (c) => {
      const [r, g, b] = bgr555ToRgb(c);
      return (r << 16) | (g << 8) | b;
    });
    assert.deepEqual(option.colors, expected);
    const gray = (await gallery.loadPalette({ source: 'grayscale' }))!;
    assert.deepEqual(gray.colors.slice(0, 3), [0, 0x111111, 0x222222]);
    await assert.rejects(gallery.loadPalette({ source: 'rom', address: '$7E:0000' }), /maps to no ROM byte/);
  });

  it('exports PNG, .pal.json and .metadata.json that decode back to the same indices', async () => {
    const { gallery } = await open();
    const sprite = layout.sprites.find((s) => s.bpp === 4 && s.tiles >= 32)!;
    const target = vscode.Uri.file(join(folder, 'exported-sprite.png'));
    const r = (await gallery.exportPng(
      { romOffset: sprite.romOffset, bpp: 4, widthTiles: sprite.widthTiles, paletteId: `rom:${sprite.paletteRomOffset}` },
      target,
    ))!;
    assert.equal(r.files.length, 3);
    const png = decodePng(readFileSync(target.fsPath));
    const expected = tilesToImage(decodeTiles(decode(rom, sprite.romOffset).data, 4), { widthTiles: sprite.widthTiles });
    assert.equal(png.width, expected.width);
    assert.equal(png.height, expected.height);
    assert.equal(png.channels, 1, 'an indexed PNG');
    assert.deepEqual(Buffer.from(png.data as Uint8Array), Buffer.from(expected.pixels), "the PNG holds the sprite's palette indices");
    const colors = (png.palette as number[][]).slice(1, 16).map(([r2, g, b]) => [r2, g, b].join(','));
    const romColors = Array.from(readBgr555(rom, sprite.paletteRomOffset, 16), (c) => bgr555ToRgb(c).join(',')).slice(1);
    assert.deepEqual(colors, romColors, "with the sprite's palette");
    const pal = JSON.parse(readFileSync(target.fsPath.replace(/\.png$/, '.pal.json'), 'utf8'));
    assert.equal(pal.palette.colors.length, 16);
    const meta = JSON.parse(readFileSync(target.fsPath.replace(/\.png$/, '.metadata.json'), 'utf8'));
    assert.equal(meta.extraction.tile_count, sprite.tiles);
    assert.equal(meta.extraction.compressed_size, sprite.consumed);
    assert.equal(meta.extraction.rom_offset, `0x${sprite.romOffset.toString(16).toUpperCase().padStart(6, '0')}`);
  });

  it('exports in 16x16 sprite order when asked (tiles n, n+1, n+16, n+17 side by side)', async () => {
    const { gallery } = await open();
    const sprite = layout.sprites.find((s) => s.bpp === 4 && s.tiles === 32)!;
    const target = vscode.Uri.file(join(folder, 'exported-sprite16.png'));
    await gallery.exportPng({ romOffset: sprite.romOffset, bpp: 4, widthTiles: 8, paletteId: `rom:${sprite.paletteRomOffset}`, order: 'sprite16' }, target);
    const png = decodePng(readFileSync(target.fsPath));
    const tiles = decodeTiles(decode(rom, sprite.romOffset).data, 4);
    const expected = tilesToImage(tiles, { widthTiles: 8, order: 'sprite16' });
    assert.deepEqual([png.width, png.height], [expected.width, expected.height]);
    assert.deepEqual(Buffer.from(png.data as Uint8Array), Buffer.from(expected.pixels));
    assert.notDeepEqual(Buffer.from(expected.pixels), Buffer.from(tilesToImage(tiles, { widthTiles: 8 }).pixels), 'differs from row order at this width');
  });

  it('offers the readable ramp and names catalog palettes by $BB:AAAA', async () => {
    const { gallery } = await open();
    const g = await gallery.gallery();
    assert.ok(
      g.palettes.some((p) => p.id === 'ramp'),
      'the ramp is a palette choice',
    );
    const sprite = layout.sprites[0]!;
    const label = g.palettes.find((p) => p.id === `rom:${sprite.paletteRomOffset}`)?.label ?? '';
    assert.match(label, new RegExp(`^${sprite.name} · \\$[0-9A-F]{2}:[0-9A-F]{4}$`));
  });
});
