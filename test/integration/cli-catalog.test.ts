/**
 * `spritepal inject` in a workspace, then the ROM opened in a real VS Code: the catalog name follows
 * the relocated sprite, as it does after an editor save (the CLI records the move and the identity
 * through the same core code).
 */
import * as assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { addEntry, loadCatalog, nodeCatalogFiles, romIdentity, saveCatalog, workspaceCatalogFile } from '../../src/core/catalog';
import { buildDemoRom, demoRomLayout } from '../../src/core/demo/demo-rom';
import { Rom } from '../../src/core/rom';
import { runCli } from '../support/cli';
import { indexedPng, noisyPixels } from '../unit/inject/fixture';
import { api, waitFor } from './helpers';

describe('CLI inject, then the editor (extension host)', () => {
  const folder = vscode.workspace.workspaceFolders![0]!.uri.fsPath;
  const sprite = demoRomLayout().sprites.find((s) => s.bpp === 4 && s.tiles <= 64)!;
  const romPath = join(folder, 'cli', 'cli-hack.sfc');

  after(async () => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('a sprite the CLI relocated shows its catalog name at the new offset, none at the old', async () => {
    // The demo ROM with another title: its own original, so the moves recorded here touch no other test's ROM.
    const bytes = buildDemoRom();
    bytes[0x7fc0] = 'X'.charCodeAt(0);
    mkdirSync(join(folder, 'cli'), { recursive: true });
    writeFileSync(romPath, bytes);
    writeFileSync(join(folder, 'cli', 'big.png'), indexedPng(noisyPixels(sprite.tiles), 16, sprite.widthTiles));
    const files = nodeCatalogFiles();
    const catalogFile = workspaceCatalogFile(folder);
    const entry = { name: 'CLI hero', romOffset: sprite.romOffset, kind: 'hal' as const, bpp: 4 as const, widthTiles: sprite.widthTiles };
    await saveCatalog(files, catalogFile, addEntry(await loadCatalog(files, catalogFile), romIdentity(new Rom(bytes)), entry));

    const r = await runCli(
      ['inject', 'cli/cli-hack.sfc', '--offset', '0x' + sprite.romOffset.toString(16), '--image', 'cli/big.png', '--relocate', '--json'],
      folder,
    );
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout) as { relocated: boolean; offset: number; catalog: { rom: string; catalogWritten: boolean } | null };
    assert.equal(out.relocated, true);
    assert.equal(out.catalog?.rom, 'cli/cli-hack.sfc');
    assert.equal(out.catalog?.catalogWritten, true);

    const { editor } = await api();
    await vscode.commands.executeCommand('vscode.openWith', vscode.Uri.file(romPath), 'spritepal.romEditor');
    const doc = await waitFor('the document', () => editor.documents.find((d) => d.uri.fsPath === romPath));
    const gallery = editor.gallery(doc);
    await gallery.gallery();
    await waitFor('the scan', () => gallery.scanStatus.state === 'done');
    const moved = gallery.entries().find((e) => e.romOffset === out.offset);
    assert.equal(moved?.name, 'CLI hero', 'the name followed the sprite to its new offset');
    assert.equal(moved?.source, 'catalog');
    assert.ok(!gallery.entries().some((e) => e.romOffset === sprite.romOffset && e.name === 'CLI hero'), 'the freed offset keeps no name');
  });
});
