/**
 * Inject Sprite... in the served workbench, answered through VS Code's own dialogs (quick inputs,
 * the browser's simple file dialog, modal dialogs) as a person answers them. Shared by the e2e
 * tests that need an injection (the editing session, the Changes tab).
 */
import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { typeInQuickInput, type Workbench } from './workbench';

/**
 * Puts `path` in VS Code's simple file dialog (a quick input holding a path), again while the
 * dialog, still reading a folder, replaces the text with the folder's path; fails if it never stays.
 */
export async function fillFileDialog(page: Page, path: string): Promise<void> {
  const input = page.locator('.quick-input-widget input');
  for (let i = 0; i < 20; i++) {
    if ((await input.inputValue()) !== path) await input.fill(path);
    await page.waitForTimeout(250);
    if ((await input.inputValue()) === path) return;
  }
  assert.equal(await input.inputValue(), path, 'the file dialog kept replacing the path');
}

/** Inject Sprite... from the command palette to its file dialog: the target, typed or picked. */
async function pickTarget(page: Page, target: { name: string } | { address: string }): Promise<void> {
  const input = page.locator('.quick-input-widget input');
  const step = { timeout: 15_000 };
  await typeInQuickInput(page, 'F1', '>SpritePal: Inject Sprite...');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'SpritePal: Inject Sprite...' }).first().waitFor(step);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget input[placeholder="Which sprite does the PNG replace?"]').waitFor({ timeout: 30_000 });
  const label = 'name' in target ? target.name : 'Type an address';
  await input.fill('name' in target ? target.name : '', step);
  await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: label }).waitFor(step);
  await page.keyboard.press('Enter');
  if ('address' in target) {
    await page.locator('.quick-input-widget .quick-input-title', { hasText: 'Address of the graphics to replace' }).waitFor(step);
    await input.fill(target.address, step);
    await page.keyboard.press('Enter');
  }
  // VS Code's own open dialog in the browser: a quick input holding a path.
  await page.locator('.quick-input-widget .quick-input-title', { hasText: 'Choose the edited PNG' }).waitFor({ timeout: 30_000 });
}

/**
 * Inject Sprite... from the command palette, answering every question as a user does. The target
 * is a catalog name, or an address typed in (a ROM the catalog does not know).
 */
export async function injectWithDialogs(
  wb: Workbench,
  target: { name: string } | { address: string },
  png: string,
): Promise<{ relocated: boolean; summary: string }> {
  const page = wb.page;
  // Up to the file dialog, every step is a quick input; one that closes under us (the focus going
  // back into a webview closes it) is started again from the command palette, as a person would.
  const problems: string[] = [];
  for (let attempt = 1; ; attempt++) {
    try {
      await pickTarget(page, target);
      break;
    } catch (err) {
      problems.push(`attempt ${attempt}: ${(err as Error).message.split('\n')[0]}`);
      if (attempt === 3) throw new Error(`Inject Sprite... did not get to its file dialog:\n${problems.join('\n')}`);
      for (let i = 0; i < 3; i++) await page.keyboard.press('Escape');
    }
  }
  // It starts in the ROM's folder (where the PNGs are), filled in once read.
  await page.waitForFunction(() => (document.querySelector('.quick-input-widget input') as HTMLInputElement | null)?.value.endsWith('/'), undefined, {
    timeout: 30_000,
  });
  await fillFileDialog(page, png);
  await page.keyboard.press('Enter');
  const dialog = page.locator('.monaco-dialog-box');
  await dialog.waitFor({ timeout: 60_000 });
  let relocated = false;
  const relocate = dialog.locator('.monaco-button', { hasText: /^Relocate$/ });
  if ((await relocate.count()) > 0) {
    relocated = true;
    assert.match((await dialog.textContent()) ?? '', /allow relocation/);
    await wb.screenshot('e2e-inject-relocate-question');
    await relocate.click();
    await dialog.locator('.monaco-button', { hasText: /^Inject$/ }).waitFor({ timeout: 60_000 });
  }
  const summary = (await dialog.textContent()) ?? '';
  await wb.screenshot('e2e-inject-summary');
  await dialog.locator('.monaco-button', { hasText: /^Inject$/ }).click();
  await dialog.waitFor({ state: 'hidden' });
  return { relocated, summary };
}
