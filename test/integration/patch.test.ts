/** "SpritePal: Create Patch..." and "Apply Patch..." in a real VS Code: inject, patch, apply to the original, compare. */
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { buildDemoRom, demoRomLayout } from '../../src/core/demo/demo-rom';
import { decode } from '../../src/core/hal';
import { tilesToImage } from '../../src/core/gfx/arrange';
import { encodeGrayscalePng } from '../../src/core/gfx/png-export';
import { decodeTiles } from '../../src/core/gfx/tiles';
import type { InjectResult } from '../../src/providers/inject-commands';
import type { PatchCommandResult } from '../../src/providers/patch-commands';
import type { RomDocument } from '../../src/providers/rom-document';
import type { ChangePreview, ChangesData, HostMessage } from '../../src/webviews/protocol';
import { api, waitFor } from './helpers';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe('patches (extension host)', () => {
  const folder = vscode.workspace.workspaceFolders![0]!.uri.fsPath;
  const p = (name: string) => join(folder, name);

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor').then(undefined, () => undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('after an injection, BPS and IPS patches made from the document rebuild it from the original', async () => {
    const original = buildDemoRom();
    writeFileSync(p('patch-clean.sfc'), original);
    writeFileSync(p('patch-hack.sfc'), original);
    const sprite = demoRomLayout().sprites.find((s) => s.bpp === 4)!;
    const image = tilesToImage(decodeTiles(decode(original, sprite.romOffset).data, 4), { widthTiles: sprite.widthTiles });
    image.pixels.fill(3, 0, 8);
    writeFileSync(p('patch-edit.png'), encodeGrayscalePng(image, 16));
    const hack = vscode.Uri.file(p('patch-hack.sfc'));
    const inj = (await vscode.commands.executeCommand('spritepal.injectSprite', {
      uri: hack,
      romOffset: sprite.romOffset,
      image: vscode.Uri.file(p('patch-edit.png')),
      confirm: true,
      relocate: true,
    })) as InjectResult;
    assert.equal(inj.applied, true, inj.refused);
    const { editor } = await api();
    const doc = await waitFor('the document', () => editor.documents.find((d) => d.uri.fsPath === hack.fsPath));
    const edited = doc.bytes.slice();

    /** What the Changes tab shows, asked as its webview asks. */
    const changes = async (): Promise<ChangesData> => {
      const answers: HostMessage[] = [];
      await editor.handleWebviewMessage(doc, { kind: 'request', id: 1, method: 'changes', params: {} }, (m) => answers.push(m));
      const a = answers[0]!;
      assert.ok(a.kind === 'response' && a.ok, JSON.stringify(a));
      return a.result as ChangesData;
    };
    // The clean original was fixed when the ROM was opened, before any edit could reach the disk:
    // a copy of the file as read then, under .spritepal/originals/.
    const first = await changes();
    assert.equal(first.unavailable, null);
    assert.equal(first.original, `.spritepal/originals/patch-hack-${sha(original).slice(0, 12)}.sfc`);
    assert.equal(sha(readFileSync(p(first.original!))), sha(original), 'the kept copy is the ROM as opened');
    assert.ok(first.rows.some((r) => r.kind === 'sprite'));
    assert.match(first.edits ?? '', /1 edit since it was opened/);
    // With auto-save on, the injection is written about a second later; the original stays.
    if (vscode.workspace.getConfiguration('files').get('autoSave') !== 'off') {
      await waitFor('the automatic save', () => !doc.isDirty);
      assert.equal((await changes()).original, first.original);
    }

    for (const format of ['bps', 'ips'] as const) {
      const made = (await vscode.commands.executeCommand('spritepal.createPatch', {
        uri: hack,
        original: vscode.Uri.file(p('patch-clean.sfc')),
        format,
        output: vscode.Uri.file(p(`hack.${format}`)),
      })) as PatchCommandResult;
      assert.equal(made.refused, undefined, made.refused);
      assert.equal(made.summary!.format, format);
      const applied = (await vscode.commands.executeCommand('spritepal.applyPatch', {
        rom: vscode.Uri.file(p('patch-clean.sfc')),
        patch: vscode.Uri.file(p(`hack.${format}`)),
        output: vscode.Uri.file(p(`rebuilt-${format}.sfc`)),
      })) as PatchCommandResult;
      assert.equal(applied.refused, undefined, applied.refused);
      assert.equal(sha(readFileSync(p(`rebuilt-${format}.sfc`))), sha(edited), `${format}: the patched original is the edited ROM`);
      const opened = await waitFor('the result in the ROM editor', () => editor.documents.find((d) => d.uri.fsPath === p(`rebuilt-${format}.sfc`)));
      assert.equal(sha(opened.bytes), sha(edited));
    }
    // Into a new unsaved document: untitled, beside the ROM, the patch its one undoable edit; nothing written.
    const before = readdirSync(folder).sort();
    assert.equal(doc.isDirty, vscode.workspace.getConfiguration('files').get('autoSave') === 'off', 'saved only by auto-save');
    const intoNew = (await vscode.commands.executeCommand('spritepal.applyPatch', {
      rom: vscode.Uri.file(p('patch-clean.sfc')),
      patch: vscode.Uri.file(p('hack.bps')),
      untitled: true,
    })) as PatchCommandResult;
    assert.equal(intoNew.refused, undefined, intoNew.refused);
    const untitled = vscode.Uri.parse(intoNew.output!);
    assert.equal(untitled.scheme, 'untitled');
    assert.equal(untitled.path, vscode.Uri.file(p('patch-clean.patched.sfc')).path);
    const fresh = await waitFor('the untitled document', () => editor.documents.find((d) => d.uri.toString() === untitled.toString()));
    await waitFor('the patch applied as its edit', () => sha(fresh.bytes) === sha(edited) || undefined);
    assert.equal(fresh.isDirty, true);
    assert.deepEqual(readdirSync(folder).sort(), before, 'no file written');
    // It knows where it came from: its Changes tab compares it with the ROM the patch was applied
    // to, the relocated sprite one row; a patch made from it is the same patch.
    const untitledChanges: HostMessage[] = [];
    await editor.handleWebviewMessage(fresh, { kind: 'request', id: 3, method: 'changes', params: {} }, (m) => untitledChanges.push(m));
    const uc = untitledChanges[0]!;
    assert.ok(uc.kind === 'response' && uc.ok, JSON.stringify(uc));
    const untitledRows = (uc.result as ChangesData).rows;
    assert.equal((uc.result as ChangesData).original, 'patch-clean.sfc');
    assert.ok(
      untitledRows.some((r) => r.kind === 'sprite' && r.sprite?.before === sprite.romOffset && r.sprite.after === inj.plan!.summary.newRomOffset),
      untitledRows.map((r) => r.label).join(' | '),
    );
    // The catalog's names follow the patch's relocation: the sprite's name at its new offset, none at the old.
    const names = (await editor.gallery(fresh).named()).entries.filter((e) => e.name === sprite.name).map((e) => e.romOffset);
    assert.deepEqual(names, [inj.plan!.summary.newRomOffset]);
    const fromUntitled = (await vscode.commands.executeCommand('spritepal.createPatch', {
      uri: untitled,
      format: 'bps',
      output: vscode.Uri.file(p('untitled.bps')),
    })) as PatchCommandResult;
    assert.equal(fromUntitled.refused, undefined, fromUntitled.refused);
    assert.deepEqual(readFileSync(p('untitled.bps')), readFileSync(p('hack.bps')));
    // Hot exit: its backup reopens as the same untitled ROM, without the pending contents.
    const backup = await editor.backupCustomDocument(fresh, { destination: vscode.Uri.file(p('untitled.backup')) }, new vscode.CancellationTokenSource().token);
    // (The extension's own bundle made it: its RomDocument class is not this bundle's.)
    const restored = (await editor.openCustomDocument(
      untitled,
      { backupId: backup.id, untitledDocumentData: undefined },
      new vscode.CancellationTokenSource().token,
    )) as RomDocument;
    assert.ok(restored.isUntitled && sha(restored.bytes) === sha(edited), 'restored from the backup');
    restored.dispose();
    await backup.delete();

    // The Changes tab: the moved sprite is one row (old and new place), its pointer and the checksum beside it.
    const shown = await changes();
    assert.equal(shown.unavailable, null);
    assert.equal(shown.original, 'patch-clean.sfc');
    const kinds = new Map(shown.rows.map((r) => [r.kind, r]));
    const moved = shown.rows.find((r) => r.kind === 'sprite' && /relocated \$[0-9A-F]{2}:[0-9A-F]{4} → \$[0-9A-F]{2}:[0-9A-F]{4}, \d+ → \d+ B/.test(r.label));
    assert.ok(moved, shown.rows.map((r) => r.label).join(' | '));
    // Selected, the sprite before (from the original, where it was) and after (where it is now).
    assert.deepEqual([moved.sprite?.before, moved.sprite?.after], [sprite.romOffset, inj.plan!.summary.newRomOffset]);
    const previews: HostMessage[] = [];
    await editor.handleWebviewMessage(doc, { kind: 'request', id: 2, method: 'changePreview', params: moved.sprite }, (m) => previews.push(m));
    const preview = previews[0]!;
    assert.ok(preview.kind === 'response' && preview.ok, JSON.stringify(preview));
    const pv = preview.result as ChangePreview;
    const drawn = (item: ChangePreview['before']) => (item && 'pixels' in item ? item : assert.fail(JSON.stringify(item)));
    const expectedBefore = tilesToImage(decodeTiles(decode(original, sprite.romOffset).data, 4), { widthTiles: moved.sprite!.widthTiles });
    assert.deepEqual(Buffer.from(drawn(pv.before).pixels), Buffer.from(expectedBefore.pixels), 'before: the sprite as the original holds it');
    const expectedAfter = tilesToImage(decodeTiles(decode(edited, inj.plan!.summary.newRomOffset).data, 4), { widthTiles: moved.sprite!.widthTiles });
    assert.deepEqual(Buffer.from(drawn(pv.after).pixels), Buffer.from(expectedAfter.pixels), 'after: the injected sprite');
    assert.ok(pv.palette && pv.palette.colors.length === 16);
    // Another click reads the original the tab was listed against, not the file again (it was a
    // read and a SHA-256 of the whole ROM per click): with the file away, the same "before" shows.
    renameSync(p('patch-clean.sfc'), p('patch-clean.away'));
    try {
      const again: HostMessage[] = [];
      await editor.handleWebviewMessage(doc, { kind: 'request', id: 3, method: 'changePreview', params: moved.sprite }, (m) => again.push(m));
      const a = again[0]!;
      assert.ok(a.kind === 'response' && a.ok, JSON.stringify(a));
      assert.deepEqual(Buffer.from(drawn((a.result as ChangePreview).before).pixels), Buffer.from(expectedBefore.pixels));
    } finally {
      renameSync(p('patch-clean.away'), p('patch-clean.sfc'));
    }
    assert.equal(
      moved.ranges.some((x) => x.romOffset === inj.plan!.summary.newRomOffset),
      true,
      'the new place is part of the row',
    );
    assert.equal(
      moved.ranges.some((x) => x.romOffset === sprite.romOffset),
      true,
      'the freed old place too',
    );
    assert.ok(kinds.has('pointer'), 'the rewritten pointer has its own row');
    assert.ok(shown.rows.some((r) => r.kind === 'header' && /checksum/.test(r.label)));
    assert.equal(
      shown.rows.reduce((n, r) => n + r.changedBytes, 0),
      [...edited].filter((b, i) => b !== original[i]).length,
      'every changed byte is in exactly one row',
    );

    // The original was remembered for the next patch of this ROM.
    const record = JSON.parse(readFileSync(p('.spritepal/originals.json'), 'utf8')) as { roms: Record<string, { path: string; sha256: string }> };
    assert.deepEqual(record.roms['patch-hack.sfc'], { ...record.roms['patch-hack.sfc'], path: 'patch-clean.sfc', sha256: sha(original) });
    const again = (await vscode.commands.executeCommand('spritepal.createPatch', {
      uri: hack,
      format: 'bps',
      output: vscode.Uri.file(p('again.bps')),
    })) as PatchCommandResult;
    assert.equal(again.refused, undefined, again.refused);
    assert.deepEqual(readFileSync(p('again.bps')), readFileSync(p('hack.bps')));

    // A BPS refuses another ROM and writes nothing; the result is never written over its inputs.
    const other = original.slice();
    other[0x100] ^= 0xff;
    writeFileSync(p('patch-other.sfc'), other);
    const wrong = (await vscode.commands.executeCommand('spritepal.applyPatch', {
      rom: vscode.Uri.file(p('patch-other.sfc')),
      patch: vscode.Uri.file(p('hack.bps')),
      output: vscode.Uri.file(p('wrong.sfc')),
    })) as PatchCommandResult;
    assert.match(wrong.refused ?? '', /for another ROM/);
    assert.equal(existsSync(p('wrong.sfc')), false);
    const inPlace = (await vscode.commands.executeCommand('spritepal.applyPatch', {
      rom: vscode.Uri.file(p('patch-clean.sfc')),
      patch: vscode.Uri.file(p('hack.bps')),
      output: vscode.Uri.file(p('patch-clean.sfc')),
      open: false,
    })) as PatchCommandResult;
    assert.match(inPlace.refused ?? '', /never written over the ROM/);
    assert.equal(sha(readFileSync(p('patch-clean.sfc'))), sha(original));
  });
});
