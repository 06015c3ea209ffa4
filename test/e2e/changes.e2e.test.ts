/**
 * End to end, in Chromium against the packaged VSIX: after an edit, the Changes tab lists what
 * differs from the recorded clean original, and its Create BPS Patch button writes a patch that
 * rebuilds the edited ROM from the original.
 */
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyRomPatch } from '../../src/core/patch';
import { Rom } from '../../src/core/rom';
import { makeRom } from '../fixtures/roms';
import { openWorkbench, type Workbench } from './workbench';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe('Changes tab in the browser (packaged VSIX)', function () {
  this.timeout(240_000);
  let wb: Workbench;
  const clean = makeRom({ mapping: 'lorom', size: 512 * 1024, wrongChecksum: true, title: 'CHANGES TEST' });

  before(async () => {
    wb = await openWorkbench({
      prepareWorkspace: (dir) => {
        writeFileSync(join(dir, 'changes-clean.sfc'), clean);
        writeFileSync(join(dir, 'changes-hack.sfc'), clean);
        // The clean original, recorded as SpritePal records it (.spritepal/originals.json).
        mkdirSync(join(dir, '.spritepal'));
        const record = { path: 'changes-clean.sfc', sha256: sha(clean), size: clean.length, recordedAt: '2026-12-03T08:00:00.000Z' };
        writeFileSync(join(dir, '.spritepal', 'originals.json'), JSON.stringify({ formatVersion: 1, roms: { 'changes-hack.sfc': record } }, null, 2));
      },
    });
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await wb?.screenshot(`failed-${this.currentTest.title.replace(/\W+/g, '-')}`);
  });
  after(async () => wb?.close());

  it('lists the fixed checksum, shows its hex diff, and makes a BPS that rebuilds the ROM', async () => {
    await wb.quickOpen('changes-hack.sfc');
    const view = wb.webview();
    await view.locator('[data-tab="changes"]').click({ timeout: 60_000 });
    await view.locator('#changes-summary', { hasText: 'No changes from changes-clean.sfc' }).waitFor({ timeout: 60_000 });

    await view.locator('[data-tab="header"]').click();
    await view.locator('#fix-checksum').click();
    await view.locator('#rom-checksum', { hasText: 'is valid' }).waitFor();
    await view.locator('[data-tab="changes"]').click();
    await view.locator('#changes-summary', { hasText: /2 changes, \d+ bytes, against changes-clean.sfc/ }).waitFor({ timeout: 60_000 });
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
});
