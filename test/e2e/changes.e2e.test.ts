/**
 * End to end, in Chromium against the packaged VSIX: after an edit, the Changes tab lists what
 * differs from the recorded clean original, and its Create BPS Patch button writes a patch that
 * rebuilds the edited ROM from the original. After an injection, the sprite's row shows it before
 * and after, and Apply Patch... on the original opens the result as a new unsaved ROM whose
 * bytes, saved through Save As, are the injected ROM's.
 */
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDemoRom, demoRomLayout } from '../../src/core/demo/demo-rom';
import { applyRomPatch } from '../../src/core/patch';
import { Rom } from '../../src/core/rom';
import { makeRom } from '../fixtures/roms';
import { indexedPng, noisyPixels } from '../unit/inject/fixture';
import { canvasColours } from './canvas';
import { injectWithDialogs } from './inject-dialogs';
import { answerFileDialog } from './session-helpers';
import { openWorkbench, type Workbench } from './workbench';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe('Changes tab in the browser (packaged VSIX)', function () {
  this.timeout(240_000);
  let wb: Workbench;
  const clean = makeRom({ mapping: 'lorom', size: 512 * 1024, wrongChecksum: true, title: 'CHANGES TEST' });
  const demo = buildDemoRom();
  const sprite = demoRomLayout().sprites.find((s) => s.bpp === 4 && s.tiles <= 64)!;

  before(async () => {
    wb = await openWorkbench({
      settings: { 'files.autoSave': 'off' },
      prepareWorkspace: (dir) => {
        writeFileSync(join(dir, 'changes-clean.sfc'), clean);
        writeFileSync(join(dir, 'changes-hack.sfc'), clean);
        writeFileSync(join(dir, 'demo-clean.sfc'), demo);
        writeFileSync(join(dir, 'demo-hack.sfc'), demo);
        writeFileSync(join(dir, 'edited.png'), indexedPng(noisyPixels(sprite.tiles, 16, 5), 16, sprite.widthTiles));
        // The clean originals, recorded as SpritePal records them (.spritepal/originals.json).
        mkdirSync(join(dir, '.spritepal'));
        const record = (path: string, bytes: Uint8Array) => ({ path, sha256: sha(bytes), size: bytes.length, recordedAt: '2026-12-03T08:00:00.000Z' });
        const roms = { 'changes-hack.sfc': record('changes-clean.sfc', clean), 'demo-hack.sfc': record('demo-clean.sfc', demo) };
        writeFileSync(join(dir, '.spritepal', 'originals.json'), JSON.stringify({ formatVersion: 1, roms }, null, 2));
      },
    });
  });

  /** Waits until `f` holds (polling the file system), or fails saying what did not happen. */
  async function until(what: string, f: () => boolean, ms = 60_000): Promise<void> {
    const end = Date.now() + ms;
    while (!f()) {
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
      await wb.page.waitForTimeout(100);
    }
  }

  afterEach(async function () {
    if (this.currentTest?.state !== 'failed') return;
    await wb?.screenshot(`failed-${this.currentTest.title.replace(/\W+/g, '-')}`);
    console.log(wb?.log().split('\n').slice(-25).join('\n'));
  });
  after(async () => wb?.close());

  it('lists the fixed checksum, shows its hex diff, and makes a BPS that rebuilds the ROM', async () => {
    await wb.quickOpen('changes-hack.sfc');
    const view = wb.webview();
    await view.locator('[data-tab="changes"]').click({ timeout: 60_000 });
    await view
      .locator('#changes-summary', { hasText: /^No changes from the clean original changes-clean\.sfc \(CRC32 [0-9A-F]{8}\)$/ })
      .waitFor({ timeout: 60_000 });

    await view.locator('[data-tab="header"]').click();
    await view.locator('#fix-checksum').click();
    await view.locator('#rom-checksum', { hasText: 'is valid' }).waitFor();
    await view.locator('[data-tab="changes"]').click();
    await view.locator('#changes-summary', { hasText: /^2 changes, \d+ bytes, against the clean original changes-clean\.sfc/ }).waitFor({ timeout: 60_000 });
    const labels = await view.locator('#changes-table tr.change td:first-child').allTextContents();
    assert.deepEqual(labels, ['checksum complement', 'checksum']);
    await view.locator('#changes-table tr.change', { hasText: /^checksum\$/ }).click();
    await view.locator('#change-diff h3', { hasText: /^checksum$/ }).waitFor();
    assert.match((await view.locator('#change-diff h4').first().textContent()) ?? '', /\$80:FFDE file 0x007FDE/);
    await wb.screenshot('e2e-changes-tab');

    // Create BPS Patch...: the save dialog (VS Code's own, in the browser) offers changes-hack.bps beside the ROM.
    await view.locator('#create-bps').click();
    const input = wb.page.locator('.quick-input-widget input');
    await input.waitFor({ timeout: 60_000 });
    // The dialog fills in the default name a moment after it shows the folder.
    for (let i = 0; i < 100 && !/changes-hack\.bps$/.test(await input.inputValue()); i++) await new Promise((r) => setTimeout(r, 100));
    assert.match(await input.inputValue(), /changes-hack\.bps$/);
    await wb.page.keyboard.press('Enter');
    const patchPath = join(wb.workspace, 'changes-hack.bps');
    for (let i = 0; i < 200 && !existsSync(patchPath); i++) await new Promise((r) => setTimeout(r, 100));
    const rebuilt = applyRomPatch(clean, new Uint8Array(readFileSync(patchPath))).bytes;
    const fix = new Rom(clean).fixedChecksumPatch()!;
    const expected = clean.slice();
    expected.set(fix.after, fix.romOffset);
    assert.equal(sha(rebuilt), sha(expected), 'the patched original is the edited ROM');
  });

  it('after an injection: the sprite before and after, a BPS from the tab, applied to the original as a new unsaved ROM', async () => {
    await wb.quickOpen('demo-hack.sfc');
    const view = wb.webview();
    await view.locator('.cell').first().waitFor({ timeout: 60_000 });
    const injected = await injectWithDialogs(wb, { name: sprite.name }, join(wb.workspace, 'edited.png'));
    assert.match(injected.summary, new RegExp(sprite.name));

    // The Changes tab: the sprite's row, and selected, the sprite before and after side by side.
    await view.locator('[data-tab="changes"]').click();
    const row = view.locator('#changes-table tr.change.sprite', { hasText: sprite.name });
    await row.waitFor({ timeout: 60_000 });
    await row.click();
    await view.locator('#change-diff h3', { hasText: sprite.name }).waitFor();
    await view.locator('#change-sprite[data-state="ready"]').waitFor({ timeout: 60_000 });
    const before = await canvasColours(view.locator('#change-before'));
    const after = await canvasColours(view.locator('#change-after'));
    for (const side of [before, after]) {
      assert.ok(side.width >= sprite.widthTiles * 8 && side.opaque > 0, JSON.stringify(side));
      assert.ok(side.colours.length >= 3, `a sprite in its palette, not a blank: ${side.colours.length} colours`);
    }
    const pixels = (id: string) => view.locator(id).evaluate((c: HTMLCanvasElement) => c.toDataURL());
    assert.notEqual(await pixels('#change-before'), await pixels('#change-after'), 'the injected sprite differs from the original');
    assert.match(
      (await view.locator('#change-sprite figcaption').allTextContents()).join(' | '),
      new RegExp(`^Before \\(original\\): ${sprite.tiles} tiles.*After \\(this document\\): ${sprite.tiles} tiles`),
    );
    await wb.screenshot('e2e-changes-sprite-before-after');

    // Create BPS Patch... from the tab: the save dialog offers demo-hack.bps beside the ROM.
    await view.locator('#create-bps').click();
    assert.match(await answerFileDialog(wb.page, /Save the patch/, null), /demo-hack\.bps$/);
    const patchPath = join(wb.workspace, 'demo-hack.bps');
    await until('the patch', () => existsSync(patchPath));

    // The injected ROM, saved (the patch was made from the document with its unsaved injection).
    await wb.page.locator('.tab', { hasText: 'demo-hack.sfc' }).first().click();
    const hackPath = join(wb.workspace, 'demo-hack.sfc');
    await wb.page.keyboard.press('Control+S');
    await until('demo-hack.sfc to be saved', () => sha(readFileSync(hackPath)) !== sha(demo));
    const hacked = new Uint8Array(readFileSync(hackPath));

    // Apply Patch... on the original, into a new unsaved ROM document.
    await wb.quickOpen('demo-clean.sfc');
    await wb.page.locator('.tab.active', { hasText: 'demo-clean.sfc' }).waitFor({ timeout: 60_000 });
    await wb.runCommand('SpritePal: Apply Patch...');
    await answerFileDialog(wb.page, /Choose the patch/, join(wb.workspace, 'demo-hack.bps'));
    // Which ROM: the clean original of the active ROM first, marked as the patch's own source.
    await wb.page.locator('.quick-input-widget .quick-input-title', { hasText: 'Apply demo-hack.bps to which ROM?' }).waitFor({ timeout: 30_000 });
    await wb.page
      .locator('.quick-input-list .monaco-list-row.focused', { hasText: /Clean original of demo-clean\.sfc.*CRC32 [0-9A-F]{8}: this patch's source/ })
      .waitFor();
    await wb.page.keyboard.press('Enter');
    await wb.page.locator('.quick-input-widget .quick-input-title', { hasText: /Apply demo-hack\.bps to demo-clean\.sfc/ }).waitFor({ timeout: 30_000 });
    await wb.page.locator('.quick-input-list .monaco-list-row.focused', { hasText: 'Open as a New Unsaved ROM' }).waitFor();
    await wb.page.keyboard.press('Enter');
    // A new document, unsaved (dirty once the patch is applied on it as its first edit).
    await wb.page.locator('.tab.active.dirty', { hasText: 'demo-clean.patched.sfc' }).waitFor({ timeout: 60_000 });
    await wb.webview().locator('.cell').first().waitFor({ timeout: 60_000 });
    assert.equal(existsSync(join(wb.workspace, 'demo-clean.patched.sfc')), false, 'nothing written yet');
    assert.equal(sha(readFileSync(join(wb.workspace, 'demo-clean.sfc'))), sha(demo), 'the original is untouched');

    // Undo gives the original back and redo the patched ROM: the patch was applied as one edit.
    const untitledTab = wb.page.locator('.tab', { hasText: 'demo-clean.patched.sfc' });
    await untitledTab.click();
    await wb.page.keyboard.press('Control+Z');
    await wb.page.locator('.tab.active.dirty', { hasText: 'demo-clean.patched.sfc' }).waitFor({ state: 'detached', timeout: 30_000 });
    await untitledTab.click();
    await wb.page.keyboard.press('Control+Shift+Z');
    await wb.page.locator('.tab.active.dirty', { hasText: 'demo-clean.patched.sfc' }).waitFor({ timeout: 30_000 });

    // Save: an untitled document goes through Save As, offered beside the ROM; its bytes are the injected ROM's.
    await untitledTab.click();
    await wb.page.keyboard.press('Control+S');
    const offered = await answerFileDialog(wb.page, /Save As|Save/, join(wb.workspace, 'demo-rebuilt.sfc'), /demo-clean\.patched\.sfc$/);
    assert.equal(offered, join(wb.workspace, 'demo-clean.patched.sfc'), 'Save As offers the name beside the ROM');
    const rebuiltPath = join(wb.workspace, 'demo-rebuilt.sfc');
    await until('the saved result', () => existsSync(rebuiltPath) && readFileSync(rebuiltPath).length === hacked.length);
    assert.equal(sha(readFileSync(rebuiltPath)), sha(hacked), 'the original patched in a new document is the injected ROM');
    assert.equal(sha(applyRomPatch(demo, new Uint8Array(readFileSync(patchPath))).bytes), sha(hacked));
    // VS Code replaces the untitled editor with the saved file, clean: no question about unsaved changes.
    await wb.page.locator('.tab.active', { hasText: 'demo-rebuilt.sfc' }).waitFor({ timeout: 30_000 });
    assert.equal(await wb.page.locator('.tab', { hasText: 'demo-clean.patched.sfc' }).count(), 0);
    assert.equal(await wb.page.locator('.monaco-dialog-box').count(), 0, 'no question about unsaved changes');
  });
});
