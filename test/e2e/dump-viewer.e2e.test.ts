/**
 * End to end, in Chromium against the packaged VSIX: the real Kirby Super Star VRAM dump opens in
 * the dump viewer through Quick Open, its CGRAM and OAM are found by name, the sprite composite is
 * drawn in the sprites' own palettes, and an OAM row selected with the keyboard is outlined.
 * The dumps are copied from ../shared into the temp workspace; without ../shared the suite skips.
 */
import * as assert from 'node:assert/strict';
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseOam } from '../../src/core/dumps/oam';
import { bgr555ToRgb } from '../../src/core/gfx/color';
import { readCgram } from '../../src/core/gfx/palette';
import { requireShared } from '../support/shared';
import { canvasColours } from './canvas';
import { openWorkbench, type Workbench } from './workbench';

const DUMPS = ['Cave.SnesVideoRam.dmp', 'Cave.SnesCgRam.dmp', 'Cave.SnesSpriteRam.dmp'];

describe('memory dump viewer in the browser (packaged VSIX)', function () {
  this.timeout(240_000);
  let wb: Workbench | undefined;
  let kss = '';

  before(async function () {
    kss = join(requireShared(this), 'fixtures', 'kss-mesen');
    wb = await openWorkbench({ prepareWorkspace: (dir) => DUMPS.forEach((f) => copyFileSync(join(kss, f), join(dir, f))) });
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await wb?.screenshot(`failed-${this.currentTest.title.replace(/\W+/g, '-')}`);
  });
  after(async () => {
    await wb?.close();
  });

  it('opens the VRAM dump with its CGRAM and OAM, draws the on-screen sprites and outlines a row chosen with the keyboard', async () => {
    await wb!.quickOpen('Cave.SnesVideoRam.dmp');
    const view = wb!.webview();
    await view.locator('body[data-ready="true"]').waitFor({ timeout: 60_000 });
    await view.locator('#composite[data-ready="true"]').waitFor();
    await view.locator('#vram-canvas[data-ready="true"]').waitFor();
    assert.match((await view.locator('#file-cgram').textContent()) ?? '', /Cave\.SnesCgRam\.dmp/);
    assert.match((await view.locator('#file-oam').textContent()) ?? '', /Cave\.SnesSpriteRam\.dmp/);

    // The composite is not blank, and every opaque pixel is a sprite-palette colour (CGRAM 8-15).
    const colors = readCgram(new Uint8Array(readFileSync(join(kss, 'Cave.SnesCgRam.dmp'))));
    const spriteColours = new Set(Array.from(colors.subarray(128), (c) => bgr555ToRgb(c).join(',')));
    const drawn = await canvasColours(view.locator('#composite'));
    assert.ok(drawn.zoom >= 1 && Number.isInteger(drawn.zoom), `whole-number zoom, got ${drawn.zoom}`);
    assert.deepEqual([drawn.width, drawn.height], [256 * drawn.zoom, 224 * drawn.zoom], 'the 256x224 screen, scaled pixel-exact');
    assert.ok(drawn.opaque > 500 * drawn.zoom * drawn.zoom, `${drawn.opaque} opaque pixels`);
    assert.ok(drawn.colours.length >= 4, `several colours drawn: ${drawn.colours.join(' ')}`);
    for (const c of drawn.colours) assert.ok(spriteColours.has(c), `${c} is a CGRAM sprite colour`);

    // The table holds all 128 entries; the first visible one is selected on focus, ArrowDown moves on.
    const entries = parseOam(new Uint8Array(readFileSync(join(kss, 'Cave.SnesSpriteRam.dmp'))));
    assert.equal(await view.locator('#oam-table tbody tr').count(), 128);
    assert.equal(await view.locator('#oam-table tbody tr.visible').count(), entries.filter((e) => e.visible).length);
    const firstVisible = entries.find((e) => e.visible)!;
    await view.locator('#oam-table').focus();
    await view.locator(`#oam-row-${firstVisible.index}[aria-selected="true"]`).waitFor();
    await wb!.page.keyboard.press('ArrowDown');
    const chosen = entries[firstVisible.index + 1]!;
    await view.locator(`#oam-row-${chosen.index}[aria-selected="true"]`).waitFor();
    assert.equal(await view.locator('#oam-table').getAttribute('aria-activedescendant'), `oam-row-${chosen.index}`);
    assert.equal(await view.locator('#composite-overlay').getAttribute('data-outlined'), String(chosen.index));
    assert.match((await view.locator('#selection-text').textContent()) ?? '', new RegExp(`^Sprite ${chosen.index}:`));
    if (chosen.visible) {
      // The outline is drawn around the sprite on the overlay.
      const outlined = await view.locator('#composite-overlay').evaluate(
        (c: HTMLCanvasElement, e) => {
          const z = Number(document.getElementById('composite')!.dataset.zoom);
          const d = c.getContext('2d')!.getImageData(Math.max(0, e.x * z - 2), Math.max(0, e.y * z - 2), e.width * z + 4, e.height * z + 4).data;
          let n = 0;
          for (let i = 3; i < d.length; i += 4) if (d[i]! > 0) n++;
          return n;
        },
        { x: chosen.x, y: chosen.y, width: chosen.width, height: chosen.height },
      );
      assert.ok(outlined > 0, 'the selected sprite is outlined');
    }
    await wb!.screenshot('e2e-dump-viewer');

    // OBSEL is in none of the dumps: size mode 3 (16x16 and 32x32), chosen with the keyboard, redraws
    // the screen with bigger sprites and the table with their new sizes.
    const revision = await view.locator('body').getAttribute('data-revision');
    await view.locator('#obsel-size').focus();
    for (const key of ['Space', 'ArrowDown', 'ArrowDown', 'ArrowDown', 'Enter']) await wb!.page.keyboard.press(key);
    await view.locator(`body:not([data-revision="${revision}"])`).waitFor();
    await view.locator('#composite[data-ready="true"]').waitFor();
    const big = parseOam(new Uint8Array(readFileSync(join(kss, 'Cave.SnesSpriteRam.dmp'))), { sizeMode: 3 });
    const bigger = await canvasColours(view.locator('#composite'));
    assert.ok(bigger.opaque > drawn.opaque, `bigger sprites cover more of the screen: ${bigger.opaque} vs ${drawn.opaque} pixels`);
    const row = big.find((e) => e.visible)!;
    const sizeCell = view.locator(`#oam-row-${row.index} td`).nth(8); // the Size column
    assert.equal(await sizeCell.textContent(), `${row.width}×${row.height}${row.large ? ' (large)' : ''}`);
  });
});

describe('memory dump viewer in dark and high-contrast themes (packaged VSIX)', function () {
  this.timeout(240_000);
  let kss = '';
  before(function () {
    kss = join(requireShared(this), 'fixtures', 'kss-mesen');
  });

  for (const [theme, shot] of [
    ['Default Dark Modern', 'e2e-dump-viewer-dark'],
    ['Default High Contrast', 'e2e-dump-viewer-hc'],
    ['Default High Contrast Light', 'e2e-dump-viewer-hc-light'],
  ] as const) {
    it(`draws the sprites and the table in ${theme}`, async () => {
      const wb = await openWorkbench({
        prepareWorkspace: (dir) => DUMPS.forEach((f) => copyFileSync(join(kss, f), join(dir, f))),
        settings: { 'workbench.colorTheme': theme },
      });
      try {
        await wb.quickOpen('Cave.SnesVideoRam.dmp');
        const view = wb.webview();
        await view.locator('#composite[data-ready="true"]').waitFor({ timeout: 60_000 });
        assert.ok(
          await view
            .locator('body')
            .evaluate(
              (b) => b.classList.contains('vscode-dark') || b.classList.contains('vscode-high-contrast') || b.classList.contains('vscode-high-contrast-light'),
            ),
        );
        const opaque = await view.locator('#composite').evaluate((c: HTMLCanvasElement) => {
          const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
          let n = 0;
          for (let i = 3; i < d.length; i += 4) if (d[i] === 255) n++;
          return n;
        });
        assert.ok(opaque > 500, `${theme}: ${opaque} opaque sprite pixels`);
        await view.locator('#oam-table').focus();
        await wb.page.keyboard.press('End');
        await view.locator('#oam-row-127[aria-selected="true"]').waitFor();
        await wb.page.keyboard.press('Home');
        await view.locator('#oam-row-0[aria-selected="true"]').waitFor();
        await wb.screenshot(shot);
      } catch (err) {
        await wb.screenshot(`failed-${shot}`);
        throw err;
      } finally {
        await wb.close();
      }
    });
  }
});
