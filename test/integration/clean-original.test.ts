/**
 * A ROM's clean original in a real VS Code, with auto-save on (the settings users have) and off:
 * kept when the ROM is first opened, before its edits reach the disk, never from bytes an edit of
 * this workspace wrote (a ROM saved with edits finds it among its backups, or records nothing);
 * chosen again with Set Clean Original; named by the Changes tab with its CRC32, which says so when
 * a ROM with edits equals it; and recorded for the file Save As writes from an untitled patch result.
 */
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { buildDemoRom, demoRomLayout } from '../../src/core/demo/demo-rom';
import { indexedPng, noisyPixels } from '../unit/inject/fixture';
import { crc32, crcHex } from '../../src/core/patch';
import type { InjectResult } from '../../src/providers/inject-commands';
import type { PatchCommandResult } from '../../src/providers/patch-commands';
import type { RomDocument } from '../../src/providers/rom-document';
import type { ChangesData, HostMessage } from '../../src/webviews/protocol';
import { api, waitFor } from './helpers';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe('the clean original (extension host)', () => {
  const folder = vscode.workspace.workspaceFolders![0]!.uri.fsPath;
  const p = (name: string) => join(folder, name);
  const demo = buildDemoRom();
  const layout = demoRomLayout();
  const sprite = layout.sprites.find((s) => s.bpp === 4 && s.tiles <= 32)!;
  const kept = (name: string) => `.spritepal/originals/${name.replace(/\.sfc$/, '')}-${sha(demo).slice(0, 12)}.sfc`;
  const originals = (): Record<string, { path: string; sha256: string }> =>
    existsSync(p('.spritepal/originals.json')) ? JSON.parse(readFileSync(p('.spritepal/originals.json'), 'utf8')).roms : {};
  const autoSave = () => vscode.workspace.getConfiguration('files');

  before(() => writeFileSync(p('co-noise.png'), indexedPng(noisyPixels(sprite.tiles, 16, 5), 16, sprite.widthTiles)));
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor').then(undefined, () => undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await autoSave().update('autoSave', undefined, vscode.ConfigurationTarget.Global);
  });

  /** Injects noise into the sprite (it moves) in the ROM `name`, opening it; its document. */
  async function injectInto(name: string): Promise<{ doc: RomDocument; to: number }> {
    const r = (await vscode.commands.executeCommand('spritepal.injectSprite', {
      uri: vscode.Uri.file(p(name)),
      romOffset: sprite.romOffset,
      image: vscode.Uri.file(p('co-noise.png')),
      confirm: true,
      relocate: true,
    })) as InjectResult;
    assert.equal(r.applied, true, r.refused);
    const { editor } = await api();
    return { doc: await waitFor('the document', () => editor.documents.find((d) => d.uri.fsPath === p(name))), to: r.plan!.summary.newRomOffset };
  }

  /** Saves the document (with auto-save on, waits for it instead). */
  async function saved(doc: RomDocument): Promise<void> {
    if (autoSave().get('autoSave') === 'off') {
      const { editor } = await api();
      await editor.saveCustomDocument(doc, new vscode.CancellationTokenSource().token);
    }
    await waitFor('the save', () => !doc.isDirty && sha(new Uint8Array(readFileSync(doc.uri.fsPath))) === sha(doc.bytes));
  }

  async function changes(doc: RomDocument): Promise<ChangesData> {
    const { editor } = await api();
    const answers: HostMessage[] = [];
    await editor.handleWebviewMessage(doc, { kind: 'request', id: 1, method: 'changes', params: {} }, (m) => answers.push(m));
    const a = answers[0]!;
    assert.ok(a.kind === 'response' && a.ok, JSON.stringify(a));
    return a.result as ChangesData;
  }

  async function close(doc: RomDocument): Promise<void> {
    const tab = vscode.window.tabGroups.all
      .flatMap((g) => g.tabs)
      .find((t) => t.input instanceof vscode.TabInputCustom && t.input.uri.fsPath === doc.uri.fsPath);
    if (tab) await vscode.window.tabGroups.close(tab);
  }

  for (const mode of ['afterDelay', 'off'] as const) {
    it(`auto-save ${mode}: kept as first opened, before the edits reach the disk; the first backup holds the same bytes`, async () => {
      await autoSave().update('autoSave', mode, vscode.ConfigurationTarget.Global);
      const name = `co-${mode}.sfc`;
      writeFileSync(p(name), demo);
      const { doc } = await injectInto(name);
      await saved(doc);
      assert.notEqual(sha(new Uint8Array(readFileSync(p(name)))), sha(demo), 'the edits are on disk');
      assert.deepEqual({ path: originals()[name]?.path, sha256: originals()[name]?.sha256 }, { path: kept(name), sha256: sha(demo) });
      assert.equal(sha(readFileSync(p(kept(name)))), sha(demo), 'the kept copy is the ROM as opened');
      const first = readdirSync(folder).filter((n) => n.startsWith(`${name}.bak-`) && n.endsWith('-original'));
      assert.equal(first.length, 1);
      assert.equal(sha(readFileSync(p(first[0]!))), sha(demo));
      const shown = await changes(doc);
      assert.equal(shown.original, kept(name));
      assert.equal(shown.originalCrc32, crcHex(crc32(demo)));
      assert.ok(shown.rows.some((r) => r.kind === 'sprite' && r.label.startsWith(`${sprite.name}: relocated`)));
    });
  }

  it('a ROM saved with edits before its original was recorded finds it among its backups; with none, nothing is taken from its edited bytes', async () => {
    const name = 'co-before.sfc';
    // An original no other ROM of this workspace has (a byte of filler at the end changed).
    const unique = demo.slice();
    unique[unique.length - 16] ^= 0x01;
    writeFileSync(p(name), unique);
    let { doc } = await injectInto(name);
    await saved(doc);
    await close(doc);
    // As a workspace of an older SpritePal: the ROM saved with edits, its original not recorded.
    const drop = () => {
      const all = JSON.parse(readFileSync(p('.spritepal/originals.json'), 'utf8'));
      delete all.roms[name];
      writeFileSync(p('.spritepal/originals.json'), JSON.stringify(all));
    };
    drop();
    doc = await reopen(name);
    const backup = readdirSync(folder).find((n) => n.startsWith(`${name}.bak-`) && n.endsWith('-original'))!;
    assert.equal((await changes(doc)).original, backup, 'the -original backup');
    assert.equal(originals()[name]?.sha256, sha(unique));
    await close(doc);
    // No backup holds it either: the Changes tab says there is none, and none is recorded.
    drop();
    for (const b of readdirSync(folder).filter((n) => n.startsWith(`${name}.bak-`))) rmSync(p(b));
    doc = await reopen(name);
    assert.match((await changes(doc)).unavailable ?? '', /no clean original is recorded for co-before\.sfc/);
    assert.equal(originals()[name], undefined, 'the edited bytes were not taken for the original');
  });

  async function reopen(name: string): Promise<RomDocument> {
    const { editor } = await api();
    await vscode.commands.executeCommand('vscode.openWith', vscode.Uri.file(p(name)), 'spritepal.romEditor');
    return waitFor('the document', () => editor.documents.find((d) => d.uri.fsPath === p(name)));
  }

  it('Set Clean Original sets it; the Changes tab says so plainly when a ROM with edits equals the original', async () => {
    const name = 'co-set.sfc';
    writeFileSync(p(name), demo);
    const { doc } = await injectInto(name);
    await saved(doc);
    // The edited file itself chosen as its original (as the old "Keep a Copy" did after an auto-save).
    const wrong = (await vscode.commands.executeCommand('spritepal.setCleanOriginal', { uri: doc.uri, original: doc.uri })) as { path: string; crc32: string };
    assert.equal(wrong.crc32, crcHex(crc32(doc.session.rom.data)));
    const same = await changes(doc);
    assert.deepEqual([same.rows.length, same.original, same.edits], [0, wrong.path, '1 edit since it was opened']);
    // The -original backup chosen: the rows are back.
    const backup = readdirSync(folder).find((n) => n.startsWith(`${name}.bak-`) && n.endsWith('-original'))!;
    const right = (await vscode.commands.executeCommand('spritepal.setCleanOriginal', { uri: doc.uri, original: vscode.Uri.file(p(backup)) })) as {
      path: string;
    };
    assert.equal(right.path, backup);
    const back = await changes(doc);
    assert.equal(back.original, backup);
    assert.ok(back.rows.some((r) => r.kind === 'sprite' && r.label.startsWith(`${sprite.name}: relocated`)));
  });

  it('Save As of an untitled patch result records the new file as an edited copy of the same original, with its moves and original', async () => {
    writeFileSync(p('co-clean.sfc'), demo);
    writeFileSync(p('co-hack.sfc'), demo);
    const { doc, to } = await injectInto('co-hack.sfc');
    const made = (await vscode.commands.executeCommand('spritepal.createPatch', {
      uri: doc.uri,
      format: 'bps',
      output: vscode.Uri.file(p('co-hack.bps')),
    })) as PatchCommandResult;
    assert.equal(made.refused, undefined, made.refused);
    const applied = (await vscode.commands.executeCommand('spritepal.applyPatch', {
      rom: vscode.Uri.file(p('co-clean.sfc')),
      patch: vscode.Uri.file(p('co-hack.bps')),
      untitled: true,
    })) as PatchCommandResult;
    const { editor } = await api();
    const untitled = await waitFor('the untitled document', () => editor.documents.find((d) => d.uri.toString() === applied.output));
    await waitFor('the patch applied', () => sha(untitled.bytes) === sha(doc.bytes) || undefined);
    await editor.saveCustomDocumentAs(untitled, vscode.Uri.file(p('co-saved.sfc')), new vscode.CancellationTokenSource().token);
    const roms = JSON.parse(readFileSync(p('.spritepal/roms.json'), 'utf8')).files as Record<string, { original: string; current: string }>;
    assert.deepEqual({ original: roms['co-saved.sfc']?.original, current: roms['co-saved.sfc']?.current }, { original: sha(demo), current: sha(doc.bytes) });
    assert.equal(originals()['co-saved.sfc']?.path, 'co-clean.sfc');
    // Opened, the saved file names the moved sprite where the patch put it.
    const opened = await reopen('co-saved.sfc');
    const names = (await editor.gallery(opened).named()).entries.filter((e) => e.name === sprite.name).map((e) => e.romOffset);
    assert.deepEqual(names, [to]);
  });
});
