/**
 * The gallery's layout and labels end to end (packaged VSIX, Chromium): cells share the pane's
 * whole width at two widths with the bit depth always visible and the whole name in a tooltip;
 * one count line; an address search finds the block holding that byte; palettes are named by
 * `$BB:AAAA`; a ROM without a catalog is drawn in the readable ramp, not near-black grays.
 */
import * as assert from 'node:assert/strict';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FrameLocator } from 'playwright-core';
import { buildDemoRom, demoRomLayout } from '../../src/core/demo/demo-rom';
import { bgr555ToRgb } from '../../src/core/gfx/color';
import { readableRamp } from '../../src/core/gfx/ramp';
import { formatSnes } from '../../src/core/format';
import { Rom } from '../../src/core/rom/rom';
import { canvasColours } from './canvas';
import { chooseOption, fieldValue } from './controls';
import { openWorkbench, type Workbench } from './workbench';

interface Layout {
  columns: number;
  cellWidth: number;
  paneWidth: number;
  /** Named cells whose depth is cut off, and cells whose tooltip lacks the name or depth. */
  cutDepth: string[];
  badTooltips: string[];
  cells: number;
}

function readLayout(view: FrameLocator): Promise<Layout> {
  return view.locator('.gallery').evaluate((g) => {
    const scroller = g.querySelector('#gallery-grid') as HTMLElement;
    const cells = [...g.querySelectorAll<HTMLElement>('.cell')];
    const cutDepth: string[] = [];
    const badTooltips: string[] = [];
    for (const c of cells) {
      const bpp = c.querySelector('.bpp') as HTMLElement;
      const facts = bpp.parentElement as HTMLElement;
      if (bpp.getBoundingClientRect().right > facts.getBoundingClientRect().right + 0.5) cutDepth.push(c.id);
      const name = c.querySelector('.name')?.textContent ?? '';
      if (!c.title.includes(name) || !c.title.includes(bpp.textContent ?? '?')) badTooltips.push(c.id);
    }
    return {
      columns: Number(g.dataset.columns),
      cellWidth: Number(g.dataset.cellWidth),
      paneWidth: scroller.clientWidth,
      cutDepth,
      badTooltips,
      cells: cells.length,
    };
  });
}

describe('gallery layout, search and palettes (packaged VSIX)', function () {
  this.timeout(300_000);
  let wb: Workbench;
  const bytes = buildDemoRom();
  const rom = new Rom(bytes);
  const layout = demoRomLayout();
  // The same ROM with one byte of its end padding changed: another hash, so no catalog applies.
  const uncatalogued = bytes.slice();
  uncatalogued[uncatalogued.length - 1]! ^= 0x01;

  before(async () => {
    wb = await openWorkbench({
      prepareWorkspace: (dir) => {
        writeFileSync(join(dir, 'spritepal-demo.sfc'), bytes);
        writeFileSync(join(dir, 'no-catalog.sfc'), uncatalogued);
      },
    });
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await wb?.screenshot(`failed-${this.currentTest.title.replace(/\W+/g, '-')}`);
  });
  after(async () => wb?.close());

  async function assertFills(view: FrameLocator, label: string): Promise<Layout> {
    const l = await readLayout(view);
    assert.ok(l.cells > 0, `${label}: cells drawn`);
    assert.ok(l.cellWidth >= 152, `${label}: cells ${l.cellWidth}px wide`);
    const used = l.columns * l.cellWidth;
    assert.ok(
      used <= l.paneWidth && l.paneWidth - used < l.columns,
      `${label}: ${l.columns} columns of ${l.cellWidth}px fill ${l.paneWidth}px (${l.paneWidth - used}px left)`,
    );
    assert.deepEqual(l.cutDepth, [], `${label}: the bit depth is never cut off`);
    assert.deepEqual(l.badTooltips, [], `${label}: every tooltip holds the whole name and the depth`);
    return l;
  }

  it('fills the pane at two widths, with the depth visible and the whole name in the tooltip', async () => {
    await wb.quickOpen('spritepal-demo.sfc');
    const view = wb.webview();
    await view.locator('.cell[data-state="ready"]').nth(5).waitFor({ timeout: 60_000 });
    await view.locator('[data-scan="done"]').first().waitFor({ timeout: 120_000 });
    const wide = await assertFills(view, '1400px window');
    const first = layout.sprites[0]!;
    const thumb = await canvasColours(view.locator(`#cell-${first.romOffset} canvas`));
    assert.ok(thumb.width >= 128 && thumb.opaque > 200, `the thumbnail is ${thumb.width}px with ${thumb.opaque} opaque pixels`);
    await wb.screenshot('e2e-gallery-wide');
    await wb.page.setViewportSize({ width: 950, height: 900 });
    await view.locator(`.gallery:not([data-columns="${wide.columns}"])`).waitFor();
    await view.locator('.cell[data-state="ready"]').first().waitFor();
    const narrow = await assertFills(view, '950px window');
    assert.ok(narrow.columns < wide.columns, `${narrow.columns} columns after ${wide.columns}`);
    await wb.screenshot('e2e-gallery-narrow');
    await wb.page.setViewportSize({ width: 1400, height: 900 });
  });

  it('says the counts in one line, and an address finds the block holding it', async () => {
    const view = wb.webview();
    const count = (await view.locator('#gallery-count').textContent()) ?? '';
    assert.match(count, /^\d+ blocks .*scan/, count);
    assert.equal(await view.locator('#scan-status').count(), 0, 'no second count line');
    const sprite = layout.sprites[3]!;
    const inside = formatSnes(rom.snesOf(sprite.romOffset + Math.floor(sprite.consumed / 2))!);
    await view.locator('#gallery-search').click();
    await wb.page.keyboard.type(inside);
    await view.locator(`.gallery .cell#cell-${sprite.romOffset}`).waitFor();
    await wb.page.waitForTimeout(300);
    assert.deepEqual(
      await view.locator('.gallery .cell').evaluateAll((cs) => cs.map((c) => c.id)),
      [`cell-${sprite.romOffset}`],
      `${inside} is inside ${sprite.name} only`,
    );
    assert.match((await view.locator('#gallery-count').textContent()) ?? '', /^1 of \d+ blocks/);
    await wb.page.keyboard.press('Control+A');
    await wb.page.keyboard.press('Backspace');
  });

  it('names ROM palettes by $BB:AAAA and shows the chosen colours', async () => {
    const view = wb.webview();
    const labels = await view.locator('#gallery-palette vscode-option').allTextContents();
    const sprite = layout.sprites[0]!;
    assert.ok(
      labels.some((l) => l.includes(sprite.name) && l.includes(formatSnes(rom.snesOf(sprite.paletteRomOffset)!))),
      labels.join(' | '),
    );
    assert.ok(!labels.some((l) => /ROM 0x/.test(l)), 'no palette is named by a file offset');
    await view.locator(`#cell-${sprite.romOffset}`).click();
    assert.equal(await view.locator('#gallery-swatches .swatch').count(), 16);
  });

  it('exports into a folder asked for once, offers Reveal in Explorer and Open PNG, and never overwrites', async () => {
    const view = wb.webview();
    const sprite = layout.sprites[2]!;
    const stem = sprite.name.replace(/[^\w.-]+/g, '_');
    await view.locator(`#cell-${sprite.romOffset}`).dblclick();
    await view.locator('#panel-sprites #detail[data-ready="true"]').waitFor();
    await view.locator('#panel-sprites #detail-export').click();
    // The first export asks for the folder (VS Code's own dialog, starting beside the ROM).
    const input = wb.page.locator('.quick-input-widget input');
    await input.waitFor();
    await wb.page.keyboard.press('Enter');
    await view.locator('#panel-sprites .detail-message', { hasText: `Exported ${stem}.png` }).waitFor({ timeout: 30_000 });
    assert.ok(existsSync(join(wb.workspace, `${stem}.png`)), 'written into the chosen folder');
    const toast = wb.page.locator('.notification-toast', { hasText: `Exported ${stem}.png` });
    await toast.waitFor();
    await toast.locator('.monaco-button', { hasText: 'Reveal in Explorer' }).waitFor();
    await wb.screenshot('e2e-export-notification');
    // The second export goes to the same folder without asking, beside the first, not over it.
    await view.locator('#panel-sprites #detail-export').click();
    await view.locator('#panel-sprites .detail-message', { hasText: `Exported ${stem}-2.png` }).waitFor({ timeout: 30_000 });
    assert.equal(await input.isVisible(), false, 'no folder dialog the second time');
    assert.ok(existsSync(join(wb.workspace, `${stem}-2.png`)));
    await wb.page
      .locator('.notification-toast', { hasText: `Exported ${stem}-2.png` })
      .locator('.monaco-button', { hasText: 'Open PNG' })
      .click();
    await wb.page.locator('.tab', { hasText: `${stem}-2.png` }).waitFor();
    await wb.page.locator('.tab', { hasText: 'spritepal-demo.sfc' }).click();
  });

  it('draws an uncatalogued ROM in the readable ramp', async () => {
    await wb.quickOpen('no-catalog.sfc');
    const view = wb.webview();
    await view.locator('[data-scan="done"]').first().waitFor({ timeout: 120_000 });
    const cell = view.locator('.cell[data-state="ready"]').first();
    await cell.waitFor({ timeout: 60_000 });
    const ramp = new Set(Array.from(readableRamp().colors, (c) => bgr555ToRgb(c).join(',')).slice(1));
    const { colours, opaque } = await canvasColours(cell.locator('canvas'));
    assert.ok(opaque > 100, `${opaque} opaque pixels`);
    assert.ok(colours.length >= 3, `${colours.length} colours`);
    for (const c of colours) assert.ok(ramp.has(c), `${c} is a colour of the ramp`);
    await wb.screenshot('e2e-gallery-no-catalog');
  });

  it('shows weak hits when asked, and every ROM opened later in the workspace does too', async () => {
    await wb.quickOpen('spritepal-demo.sfc');
    let view = wb.webview();
    await view.locator('[data-scan="done"]').first().waitFor({ timeout: 120_000 });
    const count = view.locator('#gallery-count');
    await count.filter({ hasText: /weak hits? hidden/ }).waitFor();
    const blocks = async () => Number(/^(\d+) blocks/.exec((await count.textContent()) ?? '')?.[1]);
    const before = await blocks();
    const hidden = Number(/(\d+) weak hits? hidden/.exec((await count.textContent()) ?? '')?.[1]);
    await chooseOption(view.locator('#gallery-confidence'), 'Also weak hits');
    await count.filter({ hasNotText: /hidden/ }).waitFor();
    assert.equal(await blocks(), before + hidden, 'the weak hits are counted and shown now');
    // Close every editor, then open another ROM of the workspace: its gallery starts with weak hits shown.
    await wb.page.keyboard.press('Control+K');
    await wb.page.keyboard.press('Control+W');
    await wb.page.locator('.tab').first().waitFor({ state: 'detached' });
    await wb.quickOpen('no-catalog.sfc');
    view = wb.webview();
    await view.locator('[data-scan="done"]').first().waitFor({ timeout: 120_000 });
    assert.equal(await fieldValue(view.locator('#gallery-confidence')), 'weak');
    assert.doesNotMatch((await view.locator('#gallery-count').textContent()) ?? '', /hidden/);
    // Back to sure hits only, for whoever comes next.
    await chooseOption(view.locator('#gallery-confidence'), 'Sure hits');
  });
});
