/**
 * The gallery after an edit, end to end (packaged VSIX, Chromium): a pencil stroke on one sprite
 * re-decodes and redraws that sprite's thumbnail only, and a rescan after the edit redraws none:
 * every other thumbnail stays on screen as the same canvas, never drawn again. The gallery counts
 * its canvas draws (data-renders on each canvas and on the gallery); canvases are marked before
 * the edit, so a cell made anew (or a canvas cleared and drawn again) shows.
 */
import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDemoRom, demoRomLayout, type DemoSprite } from '../../src/core/demo/demo-rom';
import { decode } from '../../src/core/hal';
import { decodeTiles } from '../../src/core/gfx/tiles';
import { copierHeaderSize } from '../../src/core/rom/copier-header';
import { drawn, gridSettled, type Drawn } from './canvas';
import { freeAfter, waitFor } from './edit-helpers';
import { openWorkbench, type Workbench } from './workbench';

const ROM_NAME = 'spritepal-demo.sfc';

describe('gallery after an edit (packaged VSIX)', function () {
  this.timeout(300_000);
  let wb: Workbench;
  const rom = buildDemoRom();
  const data = rom.subarray(copierHeaderSize(rom.length));
  // 4bpp sheets a stroke fits in place (relocating asks a modal question the test refuses).
  const candidates = demoRomLayout().sprites.filter((s) => s.bpp === 4 && s.tiles >= 16 && freeAfter(rom, s) >= 1024);
  let sprite: DemoSprite;
  let marked: Drawn;
  let afterStroke: Drawn;

  before(async () => {
    wb = await openWorkbench({ prepareWorkspace: (dir) => writeFileSync(join(dir, ROM_NAME), rom) });
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await wb?.screenshot(`failed-${this.currentTest.title.replace(/\W+/g, '-')}`);
  });
  after(async () => wb?.close());

  it('redraws only the thumbnail of the block a stroke changed', async () => {
    await wb.quickOpen(ROM_NAME);
    const view = wb.webview();
    await view.locator('.cell[data-state="ready"]').first().waitFor({ timeout: 60_000 });
    await view.locator('.gallery[data-scan="done"]').waitFor({ timeout: 120_000 });
    // A candidate whose cell is in view, opened in the detail view's edit mode.
    const inView = new Set(Object.keys((await drawn(view)).cells).map(Number));
    sprite = candidates.find((s) => inView.has(s.romOffset))!;
    assert.ok(sprite, `one of ${candidates.map((s) => s.name).join(', ')} is in view`);
    await view.locator(`#cell-${sprite.romOffset}`).dblclick();
    await view.locator('#detail[data-ready="true"]').waitFor();
    await view.locator('#detail-edit').click();
    await view.locator('#detail[data-editing="true"]').waitFor();
    // The detail view narrows the grid (cells made anew): wait for it to settle, then mark.
    await view.locator(`#cell-${sprite.romOffset}[data-state="ready"]`).waitFor({ timeout: 30_000 });
    await gridSettled(view, wb.page);
    marked = await drawn(view, 'before-edit');
    assert.ok(Object.keys(marked.cells).length >= 6, `${Object.keys(marked.cells).length} thumbnails in view`);
    assert.ok(marked.cells[sprite.romOffset], 'the edited sprite is in view');

    // One pencil stroke across the top-left pixels, in a colour that is not there yet.
    const zoom = Number(await view.locator('#detail-zoom').inputValue());
    // Pixels (0..5, 0) are row 0 of the first tile at any width: draw in a colour one of them lacks.
    const row0 = decodeTiles(decode(data, sprite.romOffset).data, 4, 1).subarray(0, 6);
    const fg = [5, 3, 7, 9].find((c) => row0.some((v) => v !== c))!;
    await view.locator(`#pe-palette .pe-swatch[data-index="${fg}"]`).click();
    const overlay = view.locator('#pe-overlay');
    await overlay.hover({ position: { x: zoom >> 1, y: zoom >> 1 } });
    await wb.page.mouse.down();
    await overlay.hover({ position: { x: 5 * zoom + (zoom >> 1), y: zoom >> 1 } });
    await wb.page.mouse.up();
    await view.locator('#pe-overlay[data-applied="1"]').waitFor({ timeout: 30_000 });
    // No question about the clean original: it was kept when the ROM was opened.
    assert.equal(await wb.page.locator('.notification-toast', { hasText: 'clean original' }).count(), 0);

    await waitFor(
      'the edited thumbnail to be drawn again',
      async () => (await drawn(view)).cells[sprite.romOffset]?.hash !== marked.cells[sprite.romOffset]!.hash,
    );
    await wb.page.waitForTimeout(1000); // time for any other (wrong) redraw to happen
    afterStroke = await drawn(view);
    const edited = afterStroke.cells[sprite.romOffset]!;
    assert.ok(edited.renders > marked.cells[sprite.romOffset]!.renders, 'the edited thumbnail was drawn again');
    assert.equal(edited.mark, 'before-edit', 'in the same canvas');
    for (const [off, was] of Object.entries(marked.cells)) {
      if (Number(off) === sprite.romOffset) continue;
      const now = afterStroke.cells[off];
      assert.ok(now, `thumbnail ${off} still on screen`);
      assert.deepEqual(now, was, `thumbnail ${off}: same canvas, not drawn again, same pixels`);
    }
    assert.equal(afterStroke.total - marked.total, edited.renders - marked.cells[sprite.romOffset]!.renders, 'no draw but the edited thumbnail');
    await wb.screenshot('e2e-gallery-after-stroke');
  });

  it('keeps every thumbnail on screen, undrawn, through a rescan after the edit', async () => {
    const view = wb.webview();
    const gallery = view.locator('.gallery');
    await gallery.evaluate((g: HTMLElement) => {
      const seen: string[] = [];
      new MutationObserver(() => seen.push(g.dataset.scan ?? '')).observe(g, { attributes: true, attributeFilter: ['data-scan'] });
      (window as unknown as { scanStates: string[] }).scanStates = seen;
    });
    await view.locator('#scan-button', { hasText: 'Rescan' }).click();
    await waitFor(
      'the rescan to run and finish',
      async () => {
        const seen = await gallery.evaluate(() => (window as unknown as { scanStates: string[] }).scanStates);
        return seen.includes('running') && seen[seen.length - 1] === 'done';
      },
      120_000,
    );
    await wb.page.waitForTimeout(1000); // the entries event follows the scan's end
    const now = await drawn(view);
    assert.deepEqual(now, afterStroke, 'every thumbnail the same canvas, not drawn again, same pixels');
  });
});
