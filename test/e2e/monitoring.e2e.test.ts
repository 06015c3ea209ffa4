/** End to end, in Chromium against the packaged VSIX: the monitoring status-bar item, and its click revealing the Metrics view. */
import * as assert from 'node:assert/strict';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDemoRom } from '../../src/core/demo/demo-rom';
import { openWorkbench, type Workbench } from './workbench';

const STATUS = /(\d+(\.\d+)?%|<0\.1%|—) · (\d+% cache|no lookups yet)/;
const GROUPS = ['Overview', 'Operations', 'Cache', 'Workers', 'Memory', 'Errors', 'Alerts'];

describe('Monitoring in the browser (packaged VSIX)', function () {
  this.timeout(180_000);
  let wb: Workbench;

  before(async () => {
    wb = await openWorkbench({ prepareWorkspace: (dir) => writeFileSync(join(dir, 'spritepal-demo.sfc'), buildDemoRom()) });
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await wb?.screenshot(`failed-${this.currentTest.title.replace(/\W+/g, '-')}`);
  });
  after(async () => wb?.close());

  it('shows overhead and cache hit rate in the status bar; a click reveals the Metrics view', async () => {
    await wb.quickOpen('spritepal-demo.sfc');
    // The gallery opens first: wait for its first thumbnails (a ROM open, decodes and cache lookups to count).
    await wb.webview().locator('.cell[data-state="ready"]').first().waitFor({ timeout: 60_000 });
    const item = wb.page.locator('.statusbar-item', { hasText: / cache$/ });
    // Opening the ROM was timed, so the overhead is a figure (not "—") once the item has sampled it.
    await wb.page
      .locator('.statusbar-item', { hasText: /%.* · .* cache$/ })
      .first()
      .waitFor({ timeout: 30_000 });
    const text = ((await item.first().textContent()) ?? '').trim();
    assert.match(text, STATUS);
    assert.ok(await item.first().locator('.codicon-pulse').count(), 'the pulse icon is rendered');
    const overhead = Number(/^([\d.]+)%/.exec(text.replace('<', ''))?.[1] ?? NaN);
    assert.ok(overhead >= 0 && overhead < 100, `a plausible overhead: ${text}`);

    await item.first().click();
    const view = wb.page.locator('.pane', { has: wb.page.locator('.pane-header', { hasText: /Metrics/i }) });
    for (const group of GROUPS) await view.locator('.monaco-list-row', { hasText: group }).first().waitFor({ timeout: 30_000 });
    const romOpen = view.locator('.monaco-list-row', { hasText: 'rom.open' });
    await romOpen.first().waitFor();
    assert.match((await romOpen.first().textContent()) ?? '', /p50 .* ms · p95 .* ms · \d+×/);
    await wb.page
      .locator('.composite.title', { hasText: /SpritePal/i })
      .first()
      .waitFor();
    const shot = await wb.screenshot('e2e-monitoring');
    assert.ok(existsSync(shot));
  });
});
