/**
 * Find in ROM end to end (packaged VSIX, Chromium): in the dump viewer on the demo scene, select a
 * sprite, run "Find in ROM..." (the button, then the command), and land in the demo ROM's detail
 * view of the sheet the sprite was copied from, drawn in that sheet's colours.
 */
import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDemoDumps, DEMO_OBJ_BASE } from '../../src/core/demo/demo-dumps';
import { buildDemoRom, demoRomLayout } from '../../src/core/demo/demo-rom';
import { parseOam } from '../../src/core/dumps/oam';
import { bgr555ToRgb, readBgr555 } from '../../src/core/gfx/color';
import { formatSnes } from '../../src/core/format';
import { Rom } from '../../src/core/rom/rom';
import { canvasColours } from './canvas';
import { writeDemoDumps } from './demo-workspace';
import { openWorkbench, type Workbench } from './workbench';

describe('Find in ROM from the dump viewer (packaged VSIX)', function () {
  this.timeout(300_000);
  let wb: Workbench;
  const bytes = buildDemoRom();
  const rom = new Rom(bytes);
  const dumps = buildDemoDumps();
  const sheets = demoRomLayout()
    .sprites.filter((s) => s.bpp === 4 && s.tiles === 32)
    .slice(0, 8);
  const visible = parseOam(dumps.oam).filter((e) => e.visible);

  before(async () => {
    wb = await openWorkbench({
      prepareWorkspace: (dir) => {
        writeFileSync(join(dir, 'spritepal-demo.sfc'), bytes);
        writeDemoDumps(dir, dumps);
      },
    });
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await wb?.screenshot(`failed-${this.currentTest.title.replace(/\W+/g, '-')}`);
  });
  after(async () => wb?.close());

  /** Picks the best match in the quick pick and checks the ROM editor's detail view shows `sheet`. */
  async function chooseAndCheck(sheet: (typeof sheets)[number], shot: string): Promise<void> {
    const first = wb.page.locator('.quick-input-list .monaco-list-row', { hasText: 'tiles matched' }).first();
    await first.waitFor({ timeout: 60_000 });
    const text = (await first.textContent()) ?? '';
    assert.ok(text.includes(sheet.name), `the best match is ${sheet.name}: ${text}`);
    assert.match(text, /(\d+) of \1 tiles matched/, 'every tile matched');
    await wb.screenshot(`${shot}-matches`);
    await wb.page.keyboard.press('Enter');
    const view = wb.webview();
    await view.locator('#panel-sprites #detail[data-ready="true"]').waitFor({ timeout: 60_000 });
    const facts = (await view.locator('#panel-sprites #detail-facts').textContent()) ?? '';
    assert.ok(
      facts.includes(formatSnes(rom.snesOf(sheet.romOffset)!)),
      `the detail view is the block at ${formatSnes(rom.snesOf(sheet.romOffset)!)}: ${facts}`,
    );
    // Drawn in the sheet's own catalog palette (Auto), and not blank.
    const allowed = new Set(Array.from(readBgr555(rom.data, sheet.paletteRomOffset, 16), (c) => bgr555ToRgb(c).join(',')).slice(1));
    const drawn = await canvasColours(view.locator('#panel-sprites #detail-canvas'));
    assert.ok(drawn.opaque > 500, `${drawn.opaque} opaque pixels`);
    const foreign = drawn.colours.filter((c) => !allowed.has(c));
    // The tile grid's lines are the only other colour allowed.
    assert.ok(foreign.length <= 1, `colours outside ${sheet.name}'s palette: ${foreign.join(' ')}`);
    await wb.screenshot(shot);
  }

  it('traces a selected sprite of the demo scene to its demo ROM block (the button)', async () => {
    await wb.quickOpen('spritepal-demo.sfc');
    await wb.webview().locator('.cell[data-state="ready"]').first().waitFor({ timeout: 60_000 });
    await wb.quickOpen('Demo.SnesVideoRam.dmp');
    const view = wb.webview();
    await view.locator('#composite[data-ready="true"]').waitFor({ timeout: 60_000 });
    const sprite = visible[4]!;
    await view.locator(`#oam-row-${sprite.index}`).click();
    await view.locator(`#find-in-rom[data-selection="sprite:${sprite.index}"]`).waitFor();
    await view.locator('#find-in-rom').click();
    await chooseAndCheck(sheets[Math.floor(sprite.tile / 32)]!, 'e2e-find-in-rom');
  });

  it('does the same from the command palette for another sprite', async () => {
    await wb.page.locator('.tab', { hasText: 'Demo.SnesVideoRam.dmp' }).click();
    const view = wb.webview();
    await view.locator('#composite[data-ready="true"]').waitFor({ timeout: 60_000 });
    const sprite = visible[9]!;
    await view.locator(`#oam-row-${sprite.index}`).click();
    await view.locator(`#find-in-rom[data-selection="sprite:${sprite.index}"]`).waitFor();
    await wb.runCommand('SpritePal: Find in ROM...');
    await chooseAndCheck(sheets[Math.floor(sprite.tile / 32)]!, 'e2e-find-in-rom-command');
  });

  it('finds a Shift-selected run of VRAM tiles in the sheet that holds them', async () => {
    await wb.page.locator('.tab', { hasText: 'Demo.SnesVideoRam.dmp' }).click();
    const view = wb.webview();
    await view.locator('#vram-canvas[data-ready="true"]').waitFor({ timeout: 60_000 });
    // The first OBJ tile is sheet 0's tile 0 (demo-dumps.ts); Shift+Right three times takes tiles 0-3.
    await view.locator('#vram-show-obj').click();
    for (let i = 0; i < 3; i++) await wb.page.keyboard.press('Shift+ArrowRight');
    await view.locator(`#find-in-rom[data-selection="tiles:${DEMO_OBJ_BASE / 32}:4"]`).waitFor();
    await view.locator('#find-in-rom').click();
    await chooseAndCheck(sheets[0]!, 'e2e-find-in-rom-range');
  });
});
