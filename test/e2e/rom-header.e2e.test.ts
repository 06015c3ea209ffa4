/** End to end, in Chromium against the packaged VSIX: open a ROM through Quick Open and read its header in the webview. */
import * as assert from 'node:assert/strict';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDemoRom } from '../../src/core/demo/demo-rom';
import { makeRom } from '../fixtures/roms';
import { openWorkbench, type Workbench } from './workbench';

describe('ROM editor in the browser (packaged VSIX)', function () {
  this.timeout(180_000);
  let wb: Workbench;

  before(async () => {
    wb = await openWorkbench({
      prepareWorkspace: (dir) => {
        writeFileSync(join(dir, 'spritepal-demo.sfc'), buildDemoRom());
        writeFileSync(
          join(dir, 'broken-hirom.smc'),
          makeRom({ mapping: 'hirom', size: 1024 * 1024, copierHeader: true, wrongChecksum: true, title: 'BROKEN HIROM' }),
        );
      },
    });
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await wb?.screenshot(`failed-${this.currentTest.title.replace(/\W+/g, '-')}`);
  });
  after(async () => wb?.close());

  it('opens the demo ROM through Quick Open and shows its title and mapping', async () => {
    await wb.quickOpen('spritepal-demo.sfc');
    const view = wb.webview();
    await view.locator('[data-tab="header"]').click({ timeout: 60_000 });
    await view.locator('#rom-title').waitFor({ timeout: 60_000 });
    assert.equal(await view.locator('#rom-title').textContent(), 'SPRITEPAL DEMO');
    assert.equal((await view.locator('#rom-mapping').textContent())?.trim(), 'lorom');
    assert.match((await view.locator('#rom-checksum').textContent()) ?? '', /is valid/);
    const shot = await wb.screenshot('e2e-rom-header');
    assert.ok(existsSync(shot));
  });

  it('fixes a broken checksum from the webview button; the tab becomes dirty', async () => {
    await wb.quickOpen('broken-hirom.smc');
    const view = wb.webview();
    await view.locator('[data-tab="header"]').click({ timeout: 60_000 });
    await view.locator('#rom-title', { hasText: 'BROKEN HIROM' }).waitFor({ timeout: 60_000 });
    assert.equal((await view.locator('#rom-mapping').textContent())?.trim(), 'hirom');
    assert.match((await view.locator('#rom-checksum').textContent()) ?? '', /Checksum is wrong/);
    await view.locator('#fix-checksum').click();
    await view.locator('#rom-checksum', { hasText: 'is valid' }).waitFor();
    await wb.page.locator('.tab.dirty', { hasText: 'broken-hirom.smc' }).waitFor();
    await wb.screenshot('e2e-rom-checksum-fixed');
  });
});
