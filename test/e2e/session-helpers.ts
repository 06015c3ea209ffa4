/**
 * Steps of a hacking session in the served workbench, done as a person does them: open a sprite's
 * detail view (search, double-click), draw a stroke, answer VS Code's own file dialogs, read the
 * Changes tab. Shared by the e2e tests of whole sessions.
 */
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { fillFileDialog } from './inject-dialogs';
import type { Workbench } from './workbench';

/** Searches the gallery for `name`, opens the cell at `romOffset` in the detail view (and its edit mode when asked). */
export async function openDetail(wb: Workbench, name: string, romOffset: number, edit = false): Promise<{ view: FrameLocator; zoom: number }> {
  const view = wb.webview();
  await view.locator('[data-tab="sprites"]').click();
  const search = view.locator('#gallery-search');
  await search
    .locator('input')
    .fill(name)
    .catch(async () => {
      await search.click();
      await wb.page.keyboard.type(name);
    });
  await view.locator(`#cell-${romOffset}[data-state="ready"]`).waitFor({ timeout: 60_000 });
  await view.locator(`#cell-${romOffset}`).click();
  await view.locator(`#cell-${romOffset}`).dblclick();
  await view.locator('#detail[data-ready="true"]').waitFor({ timeout: 30_000 });
  if (edit) {
    await view.locator('#detail-edit').click();
    await view.locator('#detail[data-editing="true"]').waitFor();
  }
  return { view, zoom: Number(await view.locator('#detail-zoom').inputValue()) };
}

/**
 * One pencil stroke in the detail view's edit mode: colour `fg` from image pixel `from` to `to`
 * (a straight drag). Resolves when the host applied it (`data-applied` counts strokes applied).
 */
export async function drawStroke(
  page: Page,
  view: FrameLocator,
  zoom: number,
  fg: number,
  from: [number, number],
  to: [number, number],
  answer?: (page: Page) => Promise<void>,
): Promise<void> {
  const overlay = view.locator('#pe-overlay');
  const applied = Number((await overlay.getAttribute('data-applied')) ?? 0);
  await view.locator(`#pe-palette .pe-swatch[data-index="${fg}"]`).click();
  const at = ([x, y]: [number, number]) => ({ x: x * zoom + (zoom >> 1), y: y * zoom + (zoom >> 1) });
  await overlay.hover({ position: at(from) });
  await page.mouse.down();
  await overlay.hover({ position: at(to) });
  await page.mouse.up();
  if (answer) await answer(page);
  await view.locator(`#pe-overlay[data-applied="${applied + 1}"]`).waitFor({ timeout: 60_000 });
}

/**
 * VS Code's simple file dialog (a quick input holding a path), titled `title`: waits for its
 * default (a path matching `offers`), then takes `path`, or with null the default. Returns the default.
 */
export async function answerFileDialog(page: Page, title: RegExp | string, path: string | null, offers = /\/[^/]*$/): Promise<string> {
  const input = page.locator('.quick-input-widget input');
  await page.locator('.quick-input-widget .quick-input-title', { hasText: title }).waitFor({ timeout: 60_000 });
  await page.waitForFunction(
    (re) => new RegExp(re).test((document.querySelector('.quick-input-widget input') as HTMLInputElement | null)?.value ?? ''),
    offers.source,
    { timeout: 30_000 },
  );
  let offered = await input.inputValue();
  if (path === null) {
    // A save dialog fills in its default name a moment after it shows the folder.
    for (let i = 0; i < 100 && (await input.inputValue()).endsWith('/'); i++) await page.waitForTimeout(100);
    offered = await input.inputValue();
  } else await fillFileDialog(page, path);
  await page.keyboard.press('Enter');
  return offered;
}

/** The focused row of the open quick pick, once it holds `text`; Enter takes it. */
export async function takeFocusedPick(page: Page, title: RegExp | string, text: RegExp | string): Promise<void> {
  await page.locator('.quick-input-widget .quick-input-title', { hasText: title }).waitFor({ timeout: 60_000 });
  await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: text }).waitFor({ timeout: 30_000 });
  await page.keyboard.press('Enter');
}

/** The Changes tab, shown and listed again: its summary line and its rows' labels. */
export async function changesShown(view: FrameLocator, summary: RegExp): Promise<{ summary: string; labels: string[]; table: Locator }> {
  await view.locator('[data-tab="changes"]').click();
  const line = view.locator('#changes-summary', { hasText: summary });
  await line.waitFor({ timeout: 60_000 });
  const table = view.locator('#changes-table');
  return { summary: (await line.textContent()) ?? '', labels: await table.locator('tr.change td:first-child').allTextContents(), table };
}

/** Offsets of the gallery cells (drawn or not) whose name is `name`. */
export function offsetsNamed(view: FrameLocator, name: string): Promise<number[]> {
  return view
    .locator('.cell')
    .evaluateAll((cells, n) => cells.filter((c) => c.querySelector('.name')?.textContent === n).map((c) => Number((c as HTMLElement).dataset.offset)), name);
}
