/** The ROM custom editor in a real VS Code: open, fix the checksum, undo/redo, save (bytes on disk). */
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { HostMessage } from '../../src/webviews/protocol';
import { makeRom, referenceChecksum } from '../fixtures/roms';
import { api, waitFor } from './helpers';

function tabOf(file: string): vscode.Tab | undefined {
  for (const g of vscode.window.tabGroups.all) {
    for (const t of g.tabs) if (t.input instanceof vscode.TabInputCustom && t.input.uri.fsPath === file) return t;
  }
  return undefined;
}

function storedChecksum(bytes: Uint8Array, base: number): number {
  return bytes[base + 0x1e]! | (bytes[base + 0x1f]! << 8);
}

describe('ROM editor (extension host)', () => {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? mkdtempSync('/tmp/spritepal-it-');

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens a .sfc with the custom editor and reads its header', async () => {
    const file = join(folder, 'header-test.sfc');
    writeFileSync(file, makeRom({ mapping: 'hirom', size: 1024 * 1024, title: 'HEADER TEST' }));
    const { editor } = await api();
    await vscode.commands.executeCommand('vscode.open', vscode.Uri.file(file));
    const doc = await waitFor('the ROM document', () => editor.documents.find((d) => d.uri.fsPath === file));
    assert.equal(doc.session.rom.mapping, 'hirom');
    assert.equal(doc.session.info().title, 'HEADER TEST');
    assert.equal(doc.session.info().checksum?.valid, true);
  });

  it('fixes a wrong checksum as an undoable edit, and save writes it atomically with a backup', async () => {
    const file = join(folder, 'broken.smc');
    const original = makeRom({ mapping: 'lorom', size: 3 * 256 * 1024, copierHeader: true, wrongChecksum: true, title: 'BROKEN' });
    writeFileSync(file, original);
    const { editor } = await api();
    await vscode.commands.executeCommand('vscode.openWith', vscode.Uri.file(file), 'spritepal.romEditor');
    const doc = await waitFor('the ROM document', () => editor.documents.find((d) => d.uri.fsPath === file));
    await waitFor('the editor to be active', () => editor.activeDocument === doc);
    assert.equal(doc.session.info().checksum?.valid, false);
    const headerless = original.subarray(512);
    const expected = referenceChecksum(headerless, 0x7fc0);

    await vscode.commands.executeCommand('spritepal.fixChecksum');
    assert.equal(doc.isDirty, true);
    assert.equal(doc.session.info().checksum?.valid, true);
    assert.equal(storedChecksum(doc.bytes.subarray(512), 0x7fc0), expected);

    await waitFor('the tab to become dirty', () => tabOf(file)?.isDirty);
    await vscode.commands.executeCommand('undo');
    await waitFor('undo', () => doc.session.info().checksum?.valid === false);
    assert.deepEqual(Buffer.from(doc.bytes), Buffer.from(original), 'undo restores the exact bytes');

    await vscode.commands.executeCommand('redo');
    await waitFor('redo', () => doc.session.info().checksum?.valid === true);

    await vscode.commands.executeCommand('workbench.action.files.save');
    await waitFor('the save', () => !doc.isDirty && tabOf(file)?.isDirty === false);
    const onDisk = new Uint8Array(readFileSync(file));
    assert.equal(onDisk.length, original.length, 'the copier header is kept');
    assert.deepEqual(Buffer.from(onDisk.subarray(0, 512)), Buffer.from(original.subarray(0, 512)));
    assert.equal(storedChecksum(onDisk.subarray(512), 0x7fc0), expected);
    assert.equal(storedChecksum(onDisk.subarray(512), 0x7fc0) ^ (onDisk[512 + 0x7fdc]! | (onDisk[512 + 0x7fdd]! << 8)), 0xffff);
    const changed = [...onDisk].filter((b, i) => b !== original[i]).length;
    assert.ok(changed > 0 && changed <= 4, `only the checksum pair changed (${changed} bytes)`);
    const backups = readdirSync(folder).filter((n) => n.startsWith('broken.smc.bak-'));
    assert.equal(backups.length, 1, 'one backup of the previous file');
    assert.deepEqual(readFileSync(join(folder, backups[0]!)), Buffer.from(original));
  });

  it('"Open Demo ROM" writes the demo ROM into the extension storage and opens it in the ROM editor', async () => {
    const { editor } = await api();
    await vscode.commands.executeCommand('spritepal.openDemoRom');
    const doc = await waitFor('the demo ROM', () => editor.documents.find((d) => d.uri.path.endsWith('/spritepal-demo.sfc')));
    assert.equal(doc.session.info().title, 'SPRITEPAL DEMO');
    assert.equal(doc.session.rom.checksum?.valid, true);
  });

  it('reloads a clean document when the file changes on disk', async () => {
    const file = join(folder, 'watched.sfc');
    writeFileSync(file, makeRom({ mapping: 'lorom', size: 256 * 1024, title: 'BEFORE' }));
    const { editor } = await api();
    await vscode.commands.executeCommand('vscode.openWith', vscode.Uri.file(file), 'spritepal.romEditor');
    const doc = await waitFor('the ROM document', () => editor.documents.find((d) => d.uri.fsPath === file));
    writeFileSync(file, makeRom({ mapping: 'lorom', size: 256 * 1024, title: 'AFTER' }));
    await waitFor('the reload', () => doc.session.info().title === 'AFTER', 20_000);
  });

  it('sees a change on disk made right after a save (its own write is not mistaken for one)', async () => {
    const file = join(folder, 'saved-then-changed.sfc');
    writeFileSync(file, makeRom({ mapping: 'lorom', size: 256 * 1024, title: 'MINE', wrongChecksum: true }));
    const { editor } = await api();
    await vscode.commands.executeCommand('vscode.openWith', vscode.Uri.file(file), 'spritepal.romEditor');
    const doc = await waitFor('the ROM document', () => editor.documents.find((d) => d.uri.fsPath === file));
    await waitFor('the editor to be active', () => editor.activeDocument === doc);
    await vscode.commands.executeCommand('spritepal.fixChecksum');
    await vscode.commands.executeCommand('workbench.action.files.save');
    await waitFor('the save', () => !doc.isDirty && tabOf(file)?.isDirty === false);
    // Our own write raised the watcher too: the document stays as saved, not reloaded into a conflict.
    assert.equal(doc.session.info().title, 'MINE');
    // An assembler rewrites the file at once (the editor used to ignore the watcher for 2 s after a save).
    writeFileSync(file, makeRom({ mapping: 'lorom', size: 256 * 1024, title: 'ASSEMBLED' }));
    await waitFor('the reload', () => doc.session.info().title === 'ASSEMBLED', 20_000);
    assert.equal(doc.isDirty, false);
  });

  it('ignores malformed webview messages and counts them', async () => {
    const { editor } = await api();
    const before = editor.protocolViolations;
    // The provider's message handler is what the webview reaches; feed it garbage directly.
    const file = join(folder, 'proto.sfc');
    writeFileSync(file, makeRom({ mapping: 'lorom', size: 128 * 1024 }));
    await vscode.commands.executeCommand('vscode.openWith', vscode.Uri.file(file), 'spritepal.romEditor');
    const doc = await waitFor('the ROM document', () => editor.documents.find((d) => d.uri.fsPath === file));
    const posted: HostMessage[] = [];
    const handler = (raw: unknown, post: (m: HostMessage) => void) => editor.handleWebviewMessage(doc, raw, post);
    await handler({ kind: 'request', id: 1, method: 'deleteEverything', params: {} }, (m) => posted.push(m));
    await handler('not even an object', (m) => posted.push(m));
    await handler({ kind: 'request', id: 2, method: 'fixChecksum', params: { evil: true } }, (m) => posted.push(m));
    assert.equal(editor.protocolViolations, before + 3);
    // Requests that name an id are answered with the refusal (their sender must not wait forever); nothing else is.
    assert.deepEqual(
      posted.map((m) => m.kind === 'response' && !m.ok && /^refused: /.test(m.error) && m.id),
      [1, 2],
      'only the refusals are answered',
    );
    posted.length = 0;
    await handler({ kind: 'request', id: 3, method: 'ready', params: {} }, (m) => posted.push(m));
    assert.equal(posted.length, 1);
    assert.equal(posted[0]!.kind === 'response' && posted[0]!.ok, true);
  });
});
