/** "SpritePal: Inject Sprite..." in a real VS Code: an undoable edit of the open ROM, refusals change nothing. */
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { buildDemoRom, demoRomLayout } from '../../src/core/demo/demo-rom';
import { decode } from '../../src/core/hal';
import { tilesToImage } from '../../src/core/gfx/arrange';
import { encodeGrayscalePng } from '../../src/core/gfx/png-export';
import { decodeTiles } from '../../src/core/gfx/tiles';
import { Rom } from '../../src/core/rom';
import type { InjectResult } from '../../src/providers/inject-commands';
import { api, waitFor } from './helpers';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe('sprite injection (extension host)', () => {
  const folder = vscode.workspace.workspaceFolders![0]!.uri.fsPath;
  const layout = demoRomLayout();
  const sprite = layout.sprites.find((s) => s.bpp === 4)!;

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor').then(undefined, () => undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  /** The sprite as SpritePal's grayscale PNG, with `edit` applied to its pixels. */
  function spritePng(rom: Uint8Array, edit: (px: Uint8Array, width: number) => void): Uint8Array {
    const data = decode(rom, sprite.romOffset).data;
    const image = tilesToImage(decodeTiles(data, 4), { widthTiles: sprite.widthTiles });
    edit(image.pixels, image.width);
    return encodeGrayscalePng(image, 16);
  }

  it('opens the ROM when needed, injects an edited sprite as an undoable edit, and saves it', async () => {
    const romPath = join(folder, 'inject-demo.sfc');
    const original = buildDemoRom();
    writeFileSync(romPath, original);
    const png = join(folder, 'edited.png');
    writeFileSync(
      png,
      spritePng(original, (px) => px.fill(3, 0, 8)),
    ); // a stripe of colour 3 in the first row
    const { editor } = await api();
    const args = { uri: vscode.Uri.file(romPath), romOffset: sprite.romOffset, image: vscode.Uri.file(png), confirm: true };
    const refused = (await vscode.commands.executeCommand('spritepal.injectSprite', args)) as InjectResult;
    assert.match(refused.refused ?? '', /allow relocation/, 'the edited sheet compresses larger than its slot: refused without relocation');
    const r = (await vscode.commands.executeCommand('spritepal.injectSprite', { ...args, relocate: true })) as InjectResult;
    assert.equal(r.applied, true, r.refused);
    assert.equal(r.plan!.summary.inPlace, false);
    const slot = layout.pointerTable.romOffset + sprite.index * 3;
    assert.deepEqual(r.plan!.summary.pointersUpdated, [slot], 'the pointer table entry is updated');
    const doc = await waitFor('the document', () => editor.documents.find((d) => d.uri.fsPath === romPath));
    // Written only by a save: the user's (auto-save off), or auto-save's about a second after the edit.
    if (vscode.workspace.getConfiguration('files').get('autoSave') === 'off')
      assert.equal(readFileSync(romPath).equals(Buffer.from(original)), true, 'nothing is written before a save');
    else await waitFor('the automatic save', () => !doc.isDirty && sha(new Uint8Array(readFileSync(romPath))) === sha(doc.bytes));
    const after = new Rom(doc.bytes.slice());
    assert.equal(after.checksum!.valid, true, 'the checksum is fixed');
    const at = r.plan!.summary.newRomOffset;
    const tiles = decodeTiles(decode(after.data, at).data, 4);
    assert.deepEqual([...tiles.subarray(0, 8)], [3, 3, 3, 3, 3, 3, 3, 3], 'the edited pixels are in the ROM');
    if (vscode.workspace.getConfiguration('files').get('autoSave') === 'off')
      await waitFor(
        'the tab to become dirty',
        () =>
          vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputCustom && t.input.uri.fsPath === romPath)?.isDirty,
      );

    await vscode.commands.executeCommand('undo');
    await waitFor('undo', () => sha(doc.bytes) === sha(original));
    await vscode.commands.executeCommand('redo');
    await waitFor('redo', () => sha(doc.bytes) !== sha(original));
    await vscode.commands.executeCommand('workbench.action.files.save');
    await waitFor('the save', () => !doc.isDirty);
    assert.equal(sha(new Uint8Array(readFileSync(romPath))), sha(doc.bytes), 'the saved file holds the injected sprite');
  });

  it('an identical image changes nothing; a refused image leaves the ROM byte-identical', async () => {
    const romPath = join(folder, 'inject-refuse.sfc');
    const original = buildDemoRom();
    writeFileSync(romPath, original);
    const same = join(folder, 'same.png');
    writeFileSync(
      same,
      spritePng(original, () => undefined),
    );
    const uri = vscode.Uri.file(romPath);
    const r1 = (await vscode.commands.executeCommand('spritepal.injectSprite', {
      uri,
      romOffset: sprite.romOffset,
      image: vscode.Uri.file(same),
      confirm: true,
    })) as InjectResult;
    assert.equal(r1.unchanged, true);
    assert.equal(r1.applied, false);
    const { editor } = await api();
    const doc = await waitFor('the document', () => editor.documents.find((d) => d.uri.fsPath === romPath));
    assert.equal(doc.isDirty, false);
    // Too many colours for 2bpp... here: an image of the wrong size.
    const wrong = join(folder, 'wrong.png');
    writeFileSync(wrong, encodeGrayscalePng({ width: 24, height: 8, pixels: new Uint8Array(24 * 8) }, 16));
    const r2 = (await vscode.commands.executeCommand('spritepal.injectSprite', {
      uri,
      romOffset: sprite.romOffset,
      image: vscode.Uri.file(wrong),
      confirm: true,
    })) as InjectResult;
    assert.equal(r2.applied, false);
    assert.match(r2.refused ?? '', /tile|size|width/i);
    assert.equal(sha(doc.bytes), sha(original), 'the document is byte-identical');
    assert.equal(doc.isDirty, false);
    const { services } = await api();
    assert.ok(services.metrics.snapshot().errors['injection-refused']!.count >= 1, 'refusals are counted');
  });

  it('Watch and Re-inject: every save of the PNG becomes a new undoable edit', async () => {
    const romPath = join(folder, 'inject-watch.sfc');
    const original = buildDemoRom();
    writeFileSync(romPath, original);
    const png = join(folder, 'watched.png');
    writeFileSync(
      png,
      spritePng(original, (px) => px.fill(5, 0, 4)),
    );
    const { editor, injection } = await api();
    const started = await vscode.commands.executeCommand('spritepal.watchAndReinject', {
      uri: vscode.Uri.file(romPath),
      romOffset: sprite.romOffset,
      image: vscode.Uri.file(png),
      confirm: true,
      relocate: true,
    });
    assert.equal(started, true);
    assert.equal(injection.active.length, 1);
    const doc = await waitFor('the document', () => editor.documents.find((d) => d.uri.fsPath === romPath));
    // Save the first injection, so the tab turning dirty again shows VS Code has the next edit.
    await vscode.commands.executeCommand('workbench.action.files.save');
    const tab = () =>
      vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputCustom && t.input.uri.fsPath === romPath);
    await waitFor('the save', () => !doc.isDirty && tab()?.isDirty === false);
    const first = sha(doc.bytes);
    writeFileSync(
      png,
      spritePng(original, (px) => px.fill(7, 0, 8)),
    );
    await waitFor('the re-injection', () => sha(doc.bytes) !== first, 20_000);
    await waitFor('VS Code to record the edit', () => tab()?.isDirty);
    const tiles = decodeTiles(decode(new Rom(doc.bytes.slice()).data, injection.active[0]!.romOffset).data, 4);
    assert.deepEqual([...tiles.subarray(0, 8)], [7, 7, 7, 7, 7, 7, 7, 7]);
    await vscode.commands.executeCommand('undo');
    await waitFor('undo of the re-injection', () => sha(doc.bytes) === first);
    await vscode.commands.executeCommand('spritepal.stopWatching');
    assert.equal(injection.active.length, 0);
  });
});
