/**
 * The first open of the demo workspace, as `npm start` serves it (the folder's URL, a fresh
 * profile and browser): the demo ROM appears in the ROM editor without VS Code's "file is binary"
 * page (it showed while a ROM named in the URL sat in the text editor until SpritePal loaded), and
 * the test prints where the time from page load to the first thumbnails goes: the workbench, the
 * extension host starting, SpritePal's activation (and by which event), the ROM document, the
 * webview's frame, its script and its paint. Then the same for a reload of the page (VS Code
 * restores the ROM's tab). Timings are reported (test-results/first-open.json), not asserted: the
 * machine is shared.
 */
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { buildDemoRom } from '../../src/core/demo/demo-rom';
import { demoDumpFiles } from '../../src/core/demo/demo-files';
import { waitFor } from './edit-helpers';
import { openWorkbench, RESULTS, type Workbench } from './workbench';

const ROM_NAME = 'spritepal-demo.sfc';

/** What the page saw, by epoch ms: recorded in the page from its first script on (window.__seen). */
interface Seen {
  workbench?: number;
  /** VS Code's binary-file page, or a text editor, on the ROM's tab. */
  binary?: number;
  textEditor?: number;
  webviewFrame?: number;
}

/** Installed before the workbench loads: polls the top page every 25 ms for what it shows. */
function watchPage(): void {
  if (window.top !== window) return;
  const seen: Seen = {};
  (window as unknown as { __seen: Seen }).__seen = seen;
  const timer = setInterval(() => {
    const now = Date.now();
    if (!seen.workbench && document.querySelector('.monaco-workbench')) seen.workbench = now;
    const editors = document.querySelector('.editor-group-container');
    if (editors) {
      if (!seen.binary && /binary|unsupported text encoding/i.test(editors.textContent ?? '')) seen.binary = now;
      if (!seen.textEditor && editors.querySelector('.monaco-editor')) seen.textEditor = now;
    }
    if (!seen.webviewFrame && document.querySelector('iframe.webview')) seen.webviewFrame = now;
  }, 25);
  setTimeout(() => clearInterval(timer), 120_000);
}

/** Timestamped lines of the server's logs (local time, as VS Code writes them), as epoch ms. */
function logTimes(userDataDir: string, file: string, pattern: RegExp): { at: number; line: string }[] {
  const logs = join(userDataDir, 'logs');
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(dir, e.name));
      else if (e.name === file) found.push(join(dir, e.name));
    }
  };
  walk(logs);
  return found
    .flatMap((f) => readFileSync(f, 'utf8').split('\n'))
    .map((line) => ({ m: /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d\.\d{3})/.exec(line), line }))
    .filter((x) => x.m && pattern.test(x.line))
    .map((x) => ({ at: new Date(`${x.m![1]}T${x.m![2]}`).getTime(), line: x.line }))
    .sort((a, b) => a.at - b.at);
}

describe('first open of the demo workspace, as npm start serves it (packaged VSIX)', function () {
  this.timeout(300_000);
  let wb: Workbench;
  const figures: Record<string, unknown> = {};

  before(async () => {
    wb = await openWorkbench({
      prepareWorkspace: (dir) => {
        writeFileSync(join(dir, ROM_NAME), buildDemoRom());
        for (const f of demoDumpFiles(ROM_NAME)) writeFileSync(join(dir, f.name), f.bytes);
      },
      beforeLoad: async (page) => {
        await page.addInitScript(watchPage);
      },
    });
  });
  afterEach(async function () {
    if (this.currentTest?.state !== 'failed') return;
    await wb?.screenshot(`failed-first-open-${this.currentTest.title.replace(/\W+/g, '-')}`);
    console.log(wb?.log().split('\n').slice(-20).join('\n'));
  });
  after(async () => {
    writeFileSync(join(RESULTS, 'first-open.json'), JSON.stringify(figures, null, 2) + '\n');
    await wb?.close();
  });

  /** Waits for the ROM editor's first thumbnails on this page load; its figures, from the page's start. */
  async function measure(page: Page, since: number): Promise<Record<string, number | string | null>> {
    const view = wb.webview();
    await view.locator('.cell[data-state="ready"]').first().waitFor({ timeout: 120_000 });
    await view.locator('body[data-first-paint-epoch-ms]').waitFor({ timeout: 60_000 });
    const body = view.locator('body');
    const num = async (name: string) => Number(await body.getAttribute(name));
    const start = await page.evaluate(() => performance.timeOrigin);
    const seen = await page.evaluate(() => (window as unknown as { __seen: Seen }).__seen);
    const rel = (t: number | undefined) => (t === undefined || !Number.isFinite(t) ? null : Math.round(t - start));
    const after = (xs: { at: number; line: string }[]) => xs.find((x) => x.at >= since);
    const hostStarted = after(logTimes(wb.userDataDir, 'remoteexthost.log', /Extension host with pid \d+ started/));
    const activated = after(logTimes(wb.userDataDir, 'remoteexthost.log', /_doActivateExtension spritepal\.spritepal/));
    const opened = after(logTimes(wb.userDataDir, 'SpritePal.log', new RegExp(`opened .*${ROM_NAME}`)));
    return {
      pageToFirstThumbnailsMs: rel(await num('data-first-paint-epoch-ms')),
      workbenchMs: rel(seen.workbench),
      extensionHostStartedMs: rel(hostStarted?.at),
      spritepalActivatedMs: rel(activated?.at),
      activationEvent: /activationEvent: '([^']+)'/.exec(activated?.line ?? '')?.[1] ?? null,
      romDocumentOpenedMs: rel(opened?.at),
      webviewFrameMs: rel(seen.webviewFrame),
      webviewScriptStartMs: rel(await num('data-script-start-epoch-ms')),
      webviewOwnPaintMs: Math.round(await num('data-first-paint-ms')),
      binaryPageMs: rel(seen.binary),
      textEditorMs: rel(seen.textEditor),
    };
  }

  function print(which: string, f: Record<string, number | string | null>): void {
    console.log(
      `      ${which}: page load → first 20 thumbnails ${f.pageToFirstThumbnailsMs} ms (workbench shown ${f.workbenchMs}; extension host started ` +
        `${f.extensionHostStartedMs}; SpritePal activated ${f.spritepalActivatedMs} by ${f.activationEvent}; ROM document opened ` +
        `${f.romDocumentOpenedMs}; webview frame ${f.webviewFrameMs}; its script ${f.webviewScriptStartMs}; painted ${f.webviewOwnPaintMs} ms after that)`,
    );
  }

  it('opens the demo ROM in the ROM editor with no binary-file page, and prints page load → first thumbnails', async () => {
    const since = Date.now() - 120_000;
    const f = await measure(wb.page, since);
    figures.firstOpen = f;
    print('first open', f);
    await wb.page.locator('.tab.active', { hasText: ROM_NAME }).waitFor();
    assert.equal(f.binaryPageMs, null, 'VS Code never showed its "file is binary" page');
    assert.equal(f.textEditorMs, null, 'the ROM never opened in the text editor');
    // One tab: the ROM, in SpritePal's editor (the one whose webview painted the thumbnails).
    assert.equal(await wb.page.locator('.tab').count(), 1);
  });

  it('reloads the window to the ROM editor again (VS Code restores the tab), and prints the figure', async () => {
    const since = Date.now();
    // As a user reloads: VS Code's own command, which saves the workbench's state (the open tabs) first.
    const reloaded = wb.page.waitForEvent('framenavigated', { predicate: (f) => f === wb.page.mainFrame(), timeout: 60_000 });
    await wb.runCommand('Developer: Reload Window');
    await reloaded;
    await waitFor('the workbench after the reload', async () => (await wb.page.locator('.monaco-workbench').count()) > 0, 60_000);
    const f = await measure(wb.page, since);
    figures.reload = f;
    print('reload', f);
    assert.equal(f.binaryPageMs, null);
    assert.equal(f.textEditorMs, null);
  });
});
