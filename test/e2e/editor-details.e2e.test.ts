/**
 * Smaller things a user meets in the ROM editor, end to end in the served VS Code (packaged VSIX,
 * Chromium, default settings: auto-save on), each as issue 26 found it: the Inject picker offers a
 * weak hit the gallery hides (item 8); a PNG with two stray colours is refused naming a palette
 * colour, and the refusal from the detail view's Inject... is a cut-off toast (items 7, 11); the
 * Tiles tab pages past the end and forgets its settings (item 9); after a relocating stroke the
 * detail view names the old address while the gallery shows the new one, and the gallery loses
 * its selection and palette strip (item 6); Apply Patch takes the active ROM without asking and
 * puts an IPS patch onto a ROM with edits without a word (item 5).
 */
import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encode } from 'fast-png';
import { buildDemoRom, demoRomLayout, type DemoSprite } from '../../src/core/demo/demo-rom';
import { planStroke, tilePixelIndex } from '../../src/core/edit-pixels/stroke';
import { formatLocation, formatSnes, hex } from '../../src/core/format';
import { bgr555ToRgb, readBgr555, rgbToBgr555 } from '../../src/core/gfx/color';
import { decodeTiles } from '../../src/core/gfx/tiles';
import { decode } from '../../src/core/hal';
import { InjectionRefusedError } from '../../src/core/inject';
import { createRomPatch } from '../../src/core/patch';
import { Rom } from '../../src/core/rom';
import { offsetToSnes } from '../../src/core/rom/mapping';
import { RomSession } from '../../src/core/session/rom-session';
import { chooseOption } from './controls';
import { waitFor } from './edit-helpers';
import { fillFileDialog } from './inject-dialogs';
import { answerFileDialog, drawStroke, openDetail } from './session-helpers';
import { openWorkbench, typeInQuickInput, type Workbench } from './workbench';

const ROM_NAME = 'spritepal-demo.sfc';
const snes = (off: number): string => formatSnes(offsetToSnes('lorom', off)) ?? hex(off);

/** A stroke (row `y`, pixels 0-5, colour `fg`) on a 4bpp sheet that no longer fits in place: found by planning it as the host will. */
function relocatingStroke(rom: Uint8Array, sprites: DemoSprite[]): { sprite: DemoSprite; y: number; fg: number } {
  const r = new Rom(rom);
  for (const sprite of sprites.filter((s) => s.bpp === 4)) {
    const width = Math.min(sprite.widthTiles, sprite.tiles);
    const pixels = decodeTiles(decode(rom, sprite.romOffset).data, 4);
    for (let y = 0; y < 8; y++) {
      for (let fg = 1; fg < 16; fg++) {
        const changes: number[] = [];
        for (let x = 0; x <= 5; x++) {
          const i = y * width * 8 + x;
          const was = pixels[tilePixelIndex(i, width, sprite.tiles)]!;
          if (was !== fg) changes.push(i, was, fg);
        }
        try {
          planStroke(r, { target: { romOffset: sprite.romOffset, kind: 'hal', bpp: 4 }, widthTiles: width, changes });
        } catch (e) {
          if (e instanceof InjectionRefusedError && e.reason === 'no-room') return { sprite, y, fg };
        }
      }
    }
  }
  throw new Error('no stroke on a demo sheet needs relocating');
}

describe('detail view, Inject picker and Tiles tab (packaged VSIX)', function () {
  this.timeout(420_000);
  let wb: Workbench;
  const rom = buildDemoRom();
  const layout = demoRomLayout();
  const stroke = relocatingStroke(rom, layout.sprites);
  const STRAYS: [number, number, [number, number, number]][] = [
    [8, 8, [0x10, 0x20, 0x30]],
    [9, 9, [0xfa, 0x00, 0xfa]],
  ];
  // A 4bpp sheet with 16 distinct palette colours, none of them a stray: an RGB PNG of it uses all 16.
  const palette = (s: DemoSprite) => Array.from(readBgr555(rom, s.paletteRomOffset, 16));
  const rgbTarget = layout.sprites.find(
    (s) =>
      s.bpp === 4 &&
      s.tiles >= 32 &&
      s.widthTiles === 16 &&
      s !== stroke.sprite &&
      new Set(palette(s)).size === 16 &&
      STRAYS.every(([, , [r, g, b]]) => !palette(s).includes(rgbToBgr555(r, g, b))),
  )!;

  /**
   * The sheet as RGB in its palette's 16 colours plus the two strays, which come before the last
   * two palette colours in reading order (those first appear on row 10): the 17th and 18th
   * colours read are palette colours, as in the issue.
   */
  function strayPng(): Uint8Array {
    const width = rgbTarget.widthTiles * 8;
    const height = (rgbTarget.tiles / rgbTarget.widthTiles) * 8;
    const colours = palette(rgbTarget).map((c) => bgr555ToRgb(c));
    const data = new Uint8Array(width * height * 3);
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++)
        data.set(STRAYS.find(([sx, sy]) => sx === x && sy === y)?.[2] ?? colours[(x + y * 3) % (y < 10 ? 14 : 16)]!, (y * width + x) * 3);
    return encode({ width, height, data, channels: 3, depth: 8 });
  }

  before(async () => {
    assert.ok(rgbTarget, 'a demo sheet with 16 distinct palette colours');
    wb = await openWorkbench({
      prepareWorkspace: (dir) => {
        writeFileSync(join(dir, ROM_NAME), rom);
        writeFileSync(join(dir, 'strays.png'), strayPng());
        const changed = rom.slice();
        changed.fill(0x42, 0x70000, 0x70010);
        writeFileSync(join(dir, 'small.ips'), createRomPatch(rom, changed, 'ips').patch);
      },
    });
    await wb.quickOpen(ROM_NAME);
    await wb.webview().locator('.gallery[data-scan="done"]').waitFor({ timeout: 120_000 });
  });
  afterEach(async function () {
    if (this.currentTest?.state !== 'failed') return;
    await wb?.screenshot(`failed-details-${this.currentTest.title.replace(/\W+/g, '-')}`);
    console.log(wb?.log().split('\n').slice(-20).join('\n'));
  });
  after(async () => wb?.close());

  it('item 8: the Inject picker does not offer the weak hit the gallery hides', async () => {
    const session = RomSession.open(rom);
    const weak = (await session.scan()).hits.filter((h) => h.confidence === 'weak');
    await session.dispose();
    assert.ok(weak.length > 0, 'the demo ROM scan has a weak hit');
    await wb
      .webview()
      .locator('#gallery-count', { hasText: `${weak.length} weak hit${weak.length === 1 ? '' : 's'} hidden` })
      .waitFor();
    await typeInQuickInput(wb.page, 'F1', '>SpritePal: Inject Sprite...');
    await wb.page.locator('.quick-input-list .monaco-list-row', { hasText: 'SpritePal: Inject Sprite...' }).first().waitFor();
    await wb.page.keyboard.press('Enter');
    const input = wb.page.locator('.quick-input-widget input[placeholder="Which sprite does the PNG replace?"]');
    await input.waitFor({ timeout: 30_000 });
    const rows = (text: string) => wb.page.locator('.quick-input-list .monaco-list-row', { hasText: text });
    // A sure block is offered by its address (the filter works)...
    await input.fill(snes(layout.sprites[0]!.romOffset));
    await rows(layout.sprites[0]!.name).first().waitFor({ timeout: 10_000 });
    // ...the weak one is not.
    for (const h of weak) {
      await input.fill(snes(h.romOffset));
      await wb.page.waitForTimeout(500);
      assert.equal(await rows(snes(h.romOffset)).count(), 0, `the weak hit at ${snes(h.romOffset)} is not offered`);
    }
    await wb.page.keyboard.press('Escape');
  });

  it('items 7 and 11: Inject... in the detail view refuses a PNG with two stray colours, naming them, in full in the view', async () => {
    const { view } = await openDetail(wb, rgbTarget.name, rgbTarget.romOffset);
    await view.locator('#detail-inject').click();
    await wb.page.locator('.quick-input-widget .quick-input-title', { hasText: 'Choose the edited PNG' }).waitFor({ timeout: 30_000 });
    await wb.page.waitForFunction(() => (document.querySelector('.quick-input-widget input') as HTMLInputElement | null)?.value.endsWith('/'), undefined, {
      timeout: 30_000,
    });
    await fillFileDialog(wb.page, join(wb.workspace, 'strays.png'));
    await wb.page.keyboard.press('Enter');
    const message = view.locator('.detail-message', { hasText: 'Not injected' });
    await message.waitFor({ timeout: 60_000 });
    assert.match(
      (await message.textContent()) ?? '',
      /^Not injected: image for .+: image has 18 distinct colours, more than the 16 4bpp allows; 2 colours are not in the target palette: \(8, 8\) #102030, \(9, 9\) #fa00fa$/,
    );
    await view.locator('#detail-close').click();
  });

  it('item 9: Page Down stops at the last page and Page Up comes back exactly; the Tiles view survives closing the editor and reloading the window', async () => {
    let view = wb.webview();
    await view.locator('[data-tab="tiles"]').click();
    await view.locator('.tile-browser[data-ready="true"]').waitFor({ timeout: 60_000 });
    const page = 4 * 8 * 16 * 32; // 4bpp tiles, 16 wide, 32 rows
    const at = async (offset: number) => view.locator(`.tile-browser[data-offset="${offset}"]`).waitFor({ timeout: 30_000 });
    const start = rom.length - page - page / 2; // a page and a half before the end
    await view.locator('#tiles-goto').click();
    await wb.page.keyboard.type(hex(start));
    await wb.page.keyboard.press('Enter');
    await at(start);
    await view.locator('#tiles-canvas').focus();
    await wb.page.keyboard.press('PageDown');
    await at(start + page); // the last page: half of it past the end
    await wb.page.keyboard.press('PageDown');
    await wb.page.waitForTimeout(500);
    await at(start + page); // no further
    assert.match((await view.locator('#tiles-cursor').textContent()) ?? '', new RegExp(`^${escapeRe(snes(start + page))}`));
    await wb.page.keyboard.press('PageUp');
    await at(start); // back exactly, tiles aligned as before

    // Settings, then the editor closed and reopened, then the window reloaded: the same view each time.
    await chooseOption(view.locator('#tiles-bpp'), '2bpp');
    await chooseOption(view.locator('#tiles-width'), '32 tiles');
    await chooseOption(view.locator('#tiles-order'), '16×16 sprites');
    await chooseOption(view.locator('#tiles-zoom'), '2×');
    await view.locator('#tiles-canvas[data-zoom="2"][data-order="sprite16"]').waitFor();
    const expectSame = async () => {
      view = wb.webview();
      await view.locator('[data-tab="tiles"]').click();
      await view.locator('.tile-browser[data-ready="true"]').waitFor({ timeout: 60_000 });
      await at(start);
      await view.locator('#tiles-canvas[data-zoom="2"][data-order="sprite16"]').waitFor({ timeout: 10_000 });
      const value = (id: string) => view.locator(id).evaluate((el) => (el as HTMLElement & { value: string }).value);
      assert.deepEqual([await value('#tiles-bpp'), await value('#tiles-width')], ['2', '32']);
    };
    await wb.page.waitForTimeout(500); // the host remembers the view as it changes
    await wb.page.locator('.tab', { hasText: ROM_NAME }).first().click();
    await wb.page.keyboard.press('Control+K');
    await wb.page.keyboard.press('W');
    await wb.page.locator('.tab', { hasText: ROM_NAME }).waitFor({ state: 'detached' });
    await wb.quickOpen(ROM_NAME);
    await expectSame();
    const reloaded = wb.page.waitForEvent('framenavigated', { predicate: (f) => f === wb.page.mainFrame(), timeout: 60_000 });
    await wb.runCommand('Developer: Reload Window');
    await reloaded;
    await wb.page.locator('.tab', { hasText: ROM_NAME }).waitFor({ timeout: 120_000 });
    await expectSame();
    await view.locator('[data-tab="sprites"]').click();
  });

  it("item 6: after a relocating stroke the detail view has the block's new addresses, as the gallery shows them; the selection and palette strip stay", async () => {
    const { sprite, y, fg } = stroke;
    await wb.webview().locator('.gallery[data-scan="done"]').waitFor({ timeout: 120_000 });
    const { view, zoom } = await openDetail(wb, sprite.name, sprite.romOffset, true);
    await view.locator(`#cell-${sprite.romOffset}[aria-selected="true"]`).waitFor();
    const strip = await view.locator('#gallery-swatches').getAttribute('title');
    assert.ok(strip, "Auto shows the selected sprite's palette beside the picker");
    await drawStroke(wb.page, view, zoom, fg, [0, y], [5, y], async (page) => {
      const dialog = page.locator('.monaco-dialog-box');
      await dialog.waitFor({ timeout: 60_000 });
      assert.match((await dialog.textContent()) ?? '', /The edited sprite no longer fits in place/);
      await dialog.locator('.monaco-button', { hasText: /^Relocate$/ }).click();
    });
    const facts = async () =>
      Object.fromEntries(
        await view
          .locator('#detail-facts tr')
          .evaluateAll((rows) => rows.map((r) => [r.querySelector('th')?.textContent ?? '', r.querySelector('td')?.textContent ?? ''])),
      ) as Record<string, string>;
    let f: Record<string, string> = {};
    await waitFor('the detail view to follow the moved block', async () => {
      f = await facts();
      return f['ROM offset'] !== hex(sprite.romOffset);
    });
    const moved = Number(f['ROM offset']);
    assert.deepEqual([f['SNES address'], f['File offset']], [snes(moved), hex(moved)], 'every address in the facts is the new place');
    // The gallery shows the sprite there, with the same address, still selected, its palette beside the picker.
    const cell = view.locator(`#cell-${moved}`);
    await cell.locator('.name', { hasText: sprite.name }).waitFor({ timeout: 60_000 });
    assert.equal(await cell.locator('.facts.where').textContent(), formatLocation(snes(moved), moved));
    await view.locator(`#cell-${moved}[aria-selected="true"]`).waitFor({ timeout: 10_000 });
    assert.equal(await view.locator('#gallery-swatches').getAttribute('title'), strip);
    assert.equal(await view.locator('#pe-palette .pe-swatch[data-index]').count(), 16, "the editor's palette strip is whole");
    await wb.screenshot('e2e-detail-after-relocating-stroke');
  });

  it('item 5: Apply Patch asks which ROM (the clean original first) and asks before an IPS patch goes onto a ROM with edits', async () => {
    const page = wb.page;
    const ask = async () => {
      await wb.runCommand('SpritePal: Apply Patch...');
      await answerFileDialog(page, /Choose the patch/, join(wb.workspace, 'small.ips'));
      await page.locator('.quick-input-widget .quick-input-title', { hasText: 'Apply small.ips to which ROM?' }).waitFor({ timeout: 60_000 });
      await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: 'Clean original of spritepal-demo.sfc' }).waitFor({ timeout: 30_000 });
    };
    const tabs = await page.locator('.tab').count();
    // The ROM as it is (it has the stroke's edits): asked first, and not applied when the user declines.
    await ask();
    // A click on its row (the list may still be setting its focus on the first row: a key could land before).
    await page.locator('.quick-input-list .monaco-list-row', { hasText: /^spritepal-demo\.sfc/ }).click();
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor({ timeout: 30_000 });
    assert.match((await dialog.textContent()) ?? '', /spritepal-demo\.sfc has edits .*Apply the IPS patch small\.ips to it anyway\?/);
    await dialog.locator('.monaco-button', { hasText: /^Cancel$/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.waitForTimeout(500);
    assert.equal(await page.locator('.quick-input-widget .quick-input-title', { hasText: /where should the result go/ }).count(), 0);
    assert.equal(await page.locator('.tab').count(), tabs, 'nothing opened');
    // The clean original: no question, on to where the result goes.
    await ask();
    await page.keyboard.press('Enter');
    await page
      .locator('.quick-input-widget .quick-input-title', { hasText: 'Apply small.ips to spritepal-demo.sfc: where should the result go?' })
      .waitFor({ timeout: 30_000 });
    assert.equal(await dialog.count(), 0);
    await page.keyboard.press('Escape');
  });
});

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
