/**
 * The sprite editor's host side in a real VS Code: a stroke from the webview protocol becomes one
 * undoable "Draw on <name>" edit (VS Code's undo and redo restore the exact bytes, a hot-exit
 * backup keeps it), a stale or impossible stroke is refused with nothing changed, and a ROM
 * palette colour is written and undone.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { buildDemoRom, demoRomLayout, type DemoSprite } from '../../src/core/demo/demo-rom';
import { tilesToImage } from '../../src/core/gfx/arrange';
import { readBgr555 } from '../../src/core/gfx/color';
import { decodeTiles } from '../../src/core/gfx/tiles';
import { decode } from '../../src/core/hal';
import type { HostMessage, StrokeParams } from '../../src/webviews/protocol';
import { api, waitFor } from './helpers';

/** True once VS Code shows the file's tab as dirty: its undo stack holds the edit. */
function tabDirty(file: string): boolean {
  return vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => t.input instanceof vscode.TabInputCustom && t.input.uri.fsPath === file && t.isDirty));
}

describe('sprite editor (extension host)', () => {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? mkdtempSync('/tmp/spritepal-it-');
  const rom = buildDemoRom();
  const layout = demoRomLayout();

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  /** Opens a fresh copy of the demo ROM; a request function that answers like the webview gets answered. */
  async function open(name: string) {
    const file = join(folder, name);
    writeFileSync(file, rom);
    const { editor } = await api();
    await vscode.commands.executeCommand('vscode.openWith', vscode.Uri.file(file), 'spritepal.romEditor');
    const doc = await waitFor('the ROM document', () => editor.documents.find((d) => d.uri.fsPath === file));
    await waitFor('the editor to be active', () => editor.activeDocument === doc);
    await editor.gallery(doc).gallery();
    let id = 100;
    const request = async (method: string, params: unknown): Promise<HostMessage & { kind: 'response' }> => {
      const posted: HostMessage[] = [];
      await editor.handleWebviewMessage(doc, { kind: 'request', id: ++id, method, params }, (m) => posted.push(m));
      assert.equal(posted.length, 1, `${method} is answered once`);
      return posted[0] as HostMessage & { kind: 'response' };
    };
    return { file, doc, request };
  }

  /** A stroke setting pixels (x, y) of the sprite's sheet to `value`, "before" read from the ROM. */
  function stroke(s: DemoSprite, points: [number, number][], value: number): StrokeParams {
    const image = tilesToImage(decodeTiles(decode(rom, s.romOffset).data, s.bpp), { widthTiles: s.widthTiles });
    const changes = points.flatMap(([x, y]) => [y * image.width + x, image.pixels[y * image.width + x]!, value]);
    return { romOffset: s.romOffset, kind: 'hal', bpp: s.bpp, rawTiles: 0, widthTiles: s.widthTiles, changes, tool: 'Pencil' };
  }

  it('a stroke is one undoable "Draw on <name>" edit: undo and redo restore the exact bytes, a backup keeps it', async () => {
    const { file, doc, request } = await open('draw.sfc');
    const s = layout.sprites.find((x) => x.name === 'Explosion') ?? layout.sprites.find((x) => x.bpp === 4)!;
    const r = await request(
      'applyStroke',
      stroke(
        s,
        [
          [1, 1],
          [2, 1],
          [3, 1],
        ],
        9,
      ),
    );
    assert.ok(r.ok, JSON.stringify(r));
    const result = r.ok ? (r.result as { applied: boolean; label: string; romOffset: number }) : null;
    assert.equal(result?.applied, true, JSON.stringify(result));
    assert.equal(result?.label, `Draw on ${s.name}`);
    assert.equal(doc.isDirty, true);
    const drawn = doc.bytes.slice();
    assert.notDeepEqual(drawn, rom);
    const image = tilesToImage(decodeTiles(decode(doc.bytes, result!.romOffset).data, s.bpp), { widthTiles: s.widthTiles });
    assert.equal(image.pixels[image.width + 2], 9);

    const backup = vscode.Uri.file(join(folder, 'draw.backup'));
    await doc.backup(backup, new vscode.CancellationTokenSource().token);
    assert.deepEqual(new Uint8Array(readFileSync(backup.fsPath)), drawn, 'hot exit keeps the stroke');
    await waitFor('the tab to become dirty', () => tabDirty(file));

    await vscode.commands.executeCommand('undo');
    await waitFor('undo', () => doc.bytes.every((b, i) => b === rom[i]));
    await vscode.commands.executeCommand('redo');
    await waitFor('redo', () => doc.bytes.every((b, i) => b === drawn[i]));
  });

  it('refuses a stale or impossible stroke and changes nothing', async () => {
    const { doc, request } = await open('refuse.sfc');
    const s = layout.sprites.find((x) => x.bpp === 4)!;
    const stale = stroke(s, [[0, 0]], 3);
    stale.changes[1] = (stale.changes[1]! + 1) % 16;
    const r1 = await request('applyStroke', stale);
    assert.ok(r1.ok && !(r1.result as { applied: boolean }).applied);
    assert.match((r1.result as { refused: string }).refused, /changed since it was drawn/);
    const outside = { ...stroke(s, [[0, 0]], 3), changes: [s.widthTiles * 8 * 8 * 1000, 0, 3] };
    const r2 = await request('applyStroke', outside);
    assert.match(r2.ok ? (r2.result as { refused: string }).refused : '', /outside the block/);
    assert.equal(doc.isDirty, false);
    assert.deepEqual(doc.bytes, rom);
  });

  it('writes a ROM palette colour as an undoable edit and the gallery shows the new colour', async () => {
    const { file, doc, request } = await open('palette.sfc');
    const { editor } = await api();
    const s = layout.sprites[0]!;
    const id = `rom:${s.paletteRomOffset}`;
    const r = await request('editPaletteColor', { paletteId: id, index: 2, color: 0x03e0 });
    assert.ok(r.ok, JSON.stringify(r));
    const res = r.result as { applied: boolean; palette: { colors: number[] } };
    assert.equal(res.applied, true);
    assert.equal(res.palette.colors[2], 0x00ff00);
    assert.equal(readBgr555(doc.bytes, s.paletteRomOffset + 4, 1)[0], 0x03e0);
    assert.equal(doc.session.info().checksum?.valid, true);
    await waitFor('the tab to become dirty', () => tabDirty(file));
    await vscode.commands.executeCommand('undo');
    await waitFor('undo', () => doc.bytes.every((b, i) => b === rom[i]));
    const after = (await editor.gallery(doc).gallery()).palettes.find((p) => p.id === id);
    assert.notEqual(after?.colors[2], 0x00ff00, 'the palette follows the undo');
  });
});
