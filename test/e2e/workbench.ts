/**
 * A real VS Code server with the packaged VSIX installed, and Chromium driving its workbench the
 * way a person does. One per test file; everything is torn down in `close()`.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, FrameLocator, Page } from 'playwright-core';

type ServerLib = typeof import('../../scripts/lib/vscode-server.mjs');

export const ROOT = process.cwd();
export const RESULTS = join(ROOT, 'test-results');

export interface Workbench {
  page: Page;
  workspace: string;
  /** The active webview's own document (two frames deep). */
  webview(): FrameLocator;
  /** Opens a workspace file with Quick Open; resolves with the wall-clock time (ms) Enter was pressed. */
  quickOpen(fileName: string): Promise<number>;
  runCommand(title: string): Promise<void>;
  screenshot(name: string): Promise<string>;
  /** The SpritePal output channel's log file as the server wrote it so far (a failed test prints its end). */
  log(): string;
  /** The server's user-data folder (logs, settings). */
  userDataDir: string;
  close(): Promise<void>;
}

/** Every file under `dir` whose name is `name`. */
function findFiles(dir: string, name: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? findFiles(join(dir, e.name), name) : e.name === name ? [join(dir, e.name)] : [],
  );
}

/**
 * Opens Quick Open (`Control+P`) or the command palette (`F1`) and types `text` into it, as a
 * person would, and again when it did not take. Focus moving between the workbench and a webview
 * (a webview being made, a click inside one) can swallow the key, or close the quick input on blur
 * between its appearing and the typing; then the key is pressed again, and on the last tries the
 * command center is clicked instead. Done when the input holds exactly `text`.
 */
export async function typeInQuickInput(page: Page, key: 'Control+P' | 'F1', text: string): Promise<void> {
  const input = page.locator('.quick-input-widget input');
  const problems: string[] = [];
  for (let attempt = 0; attempt < 5; attempt++) {
    if (attempt < 3) await page.keyboard.press(key);
    else
      await page
        .locator('.command-center .command-center-center')
        .click()
        .catch((e: Error) => problems.push(e.message));
    try {
      await input.waitFor({ timeout: 5_000 });
      // The command center opens file search; a leading ">" in `text` turns it into the command palette.
      await input.fill(text, { timeout: 5_000 });
      if ((await input.inputValue({ timeout: 1_000 })) === text) return;
      problems.push(`attempt ${attempt + 1}: the input held ${JSON.stringify(await input.inputValue().catch(() => '?'))}`);
    } catch (err) {
      problems.push(`attempt ${attempt + 1}: ${(err as Error).message.split('\n')[0]}`);
    }
    await page.keyboard.press('Escape').catch(() => undefined);
  }
  throw new Error(`could not type ${JSON.stringify(text)} into ${key === 'F1' ? 'the command palette' : 'Quick Open'}:\n${problems.join('\n')}`);
}

export async function openWorkbench(opts: {
  prepareWorkspace(dir: string): void;
  settings?: Record<string, unknown>;
  /** Runs on the page before the workbench is loaded (init scripts that watch it from the start). */
  beforeLoad?(page: Page): Promise<void>;
}): Promise<Workbench> {
  const lib = (await import(pathToFileURL(join(ROOT, 'scripts', 'lib', 'vscode-server.mjs')).href)) as ServerLib;
  const vsix = process.env.SPRITEPAL_VSIX ?? join(ROOT, 'dist', 'spritepal.vsix');
  const base = mkdtempSync(join(tmpdir(), 'spritepal-e2e-'));
  const profile = lib.freshProfile(base, opts.settings);
  lib.installVsix(vsix, { ...profile, base });
  const workspace = join(base, 'workspace');
  mkdirSync(workspace, { recursive: true });
  opts.prepareWorkspace(workspace);
  mkdirSync(RESULTS, { recursive: true });
  const server = await lib.startServer({ base, ...profile });
  let browser: Browser | undefined;
  try {
    browser = await lib.launchChromium();
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await opts.beforeLoad?.(page);
    await page.goto(lib.workbenchUrl(server, workspace));
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    // The explorer shows the folder once the remote connection is up.
    await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
    const b = browser;
    return {
      page,
      workspace,
      // Hidden editors keep their iframes in the DOM: the active webview is the visible one.
      webview: () => page.frameLocator('iframe.webview.ready >> visible=true').first().frameLocator('#active-frame'),
      async quickOpen(fileName) {
        await typeInQuickInput(page, 'Control+P', fileName);
        // Wait for the filtered row (the list first shows recently opened files).
        await page.locator('.quick-input-list .monaco-list-row', { hasText: fileName }).first().waitFor();
        await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: fileName }).waitFor();
        const at = Date.now();
        await page.keyboard.press('Enter');
        return at;
      },
      async runCommand(title) {
        await typeInQuickInput(page, 'F1', `>${title}`);
        await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
        await page.keyboard.press('Enter');
      },
      userDataDir: profile.userDataDir,
      log: () =>
        findFiles(join(profile.userDataDir, 'logs'), 'SpritePal.log')
          .map((f) => readFileSync(f, 'utf8'))
          .join(''),
      async screenshot(name) {
        const path = join(RESULTS, `${name}.png`);
        await page.screenshot({ path });
        return path;
      },
      async close() {
        await b.close().catch(() => undefined);
        server.stop();
        rmSync(base, { recursive: true, force: true, maxRetries: 3 });
      },
    };
  } catch (err) {
    await browser?.close().catch(() => undefined);
    server.stop();
    throw err;
  }
}
