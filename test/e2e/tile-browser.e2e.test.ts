/**
 * The Tiles tab end to end (packaged VSIX, Chromium): raw tiles of the demo ROM compared pixel by
 * pixel with the ROM's own bytes decoded here, at 1x and 4x, after a palette change, in 16x16
 * sprite order, after a one-byte nudge, after "Go to" a `$BB:AAAA` address, and "Decompress from
 * here" opening the block beside the tiles.
 */
import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FrameLocator } from 'playwright-core';
import { buildDemoRom, demoRomLayout } from '../../src/core/demo/demo-rom';
import { tilePosition, tilesToImage, type TileOrder } from '../../src/core/gfx/arrange';
import { bgr555ToRgb, readBgr555 } from '../../src/core/gfx/color';
import { decodeTiles, type Bpp } from '../../src/core/gfx/tiles';
import { formatSnes } from '../../src/core/format';
import { romPaletteId } from '../../src/core/gallery/palette-id';
import { Rom } from '../../src/core/rom/rom';
import { chooseOption } from './controls';
import { openWorkbench, type Workbench } from './workbench';

const ROWS = 32;

interface Shown {
  width: number;
  height: number;
  zoom: number;
  offset: number;
  /** RGBA at the centre of each 1x pixel. */
  rgba: number[];
}

async function shown(view: FrameLocator): Promise<Shown> {
  return view.locator('.tile-browser').evaluate((root) => {
    const c = root.querySelector('#tiles-canvas') as HTMLCanvasElement;
    const zoom = Number(c.dataset.zoom);
    const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    const w = c.width / zoom;
    const h = c.height / zoom;
    const rgba: number[] = [];
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        const i = ((y * zoom + (zoom >> 1)) * c.width + x * zoom + (zoom >> 1)) * 4;
        rgba.push(d[i]!, d[i + 1]!, d[i + 2]!, d[i + 3]!);
      }
    }
    return { width: w, height: h, zoom, offset: Number((root as HTMLElement).dataset.offset), rgba };
  });
}

describe('tile browser (packaged VSIX)', function () {
  this.timeout(300_000);
  let wb: Workbench;
  const bytes = buildDemoRom();
  const rom = new Rom(bytes);
  const layout = demoRomLayout();
  const font = layout.raw[0]!;

  /** The page the ROM holds at `offset`, as palette indices, arranged like the browser should. */
  function expected(offset: number, bpp: Bpp, widthTiles: number, order: TileOrder) {
    const per = bpp * 8;
    const count = Math.min(widthTiles * ROWS, Math.floor((rom.data.length - offset) / per));
    return tilesToImage(decodeTiles(rom.data.subarray(offset, offset + count * per), bpp, count), { widthTiles, order });
  }

  /**
   * The canvas shows exactly the expected indices: index 0 transparent, every other index opaque,
   * one colour per index (and different indices in different colours), the cursor's tile excepted.
   */
  function assertPixels(s: Shown, exp: ReturnType<typeof expected>, cursorTile: [number, number], palette?: Set<string>): void {
    assert.equal(s.width, exp.width, 'width in pixels');
    assert.equal(s.height, exp.height, 'height in pixels');
    const colourOf = new Map<number, string>();
    let checked = 0;
    for (let y = 0; y < exp.height; y++) {
      for (let x = 0; x < exp.width; x++) {
        if (Math.floor(x / 8) === cursorTile[0] && Math.floor(y / 8) === cursorTile[1]) continue;
        const v = exp.pixels[y * exp.width + x]!;
        const i = (y * exp.width + x) * 4;
        const alpha = s.rgba[i + 3]!;
        const c = `${s.rgba[i]},${s.rgba[i + 1]},${s.rgba[i + 2]}`;
        if (v === 0) {
          assert.equal(alpha, 0, `(${x}, ${y}) is index 0: transparent`);
          continue;
        }
        assert.equal(alpha, 255, `(${x}, ${y}) is index ${v}: opaque`);
        const known = colourOf.get(v);
        if (known) assert.equal(c, known, `(${x}, ${y}): index ${v} is drawn in one colour`);
        else colourOf.set(v, c);
        if (palette) assert.ok(palette.has(c), `(${x}, ${y}): ${c} is a colour of the chosen palette`);
        checked++;
      }
    }
    assert.equal(new Set(colourOf.values()).size, colourOf.size, 'different indices, different colours');
    assert.ok(checked > 500, `${checked} opaque pixels compared`);
  }

  async function waitOffset(view: FrameLocator, offset: number): Promise<void> {
    await view.locator(`.tile-browser[data-offset="${offset}"]`).waitFor({ timeout: 30_000 });
  }

  before(async () => {
    wb = await openWorkbench({ prepareWorkspace: (dir) => writeFileSync(join(dir, 'spritepal-demo.sfc'), bytes) });
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await wb?.screenshot(`failed-${this.currentTest.title.replace(/\W+/g, '-')}`);
  });
  after(async () => wb?.close());

  it('goes to a $BB:AAAA address and shows the raw font at 1x and 4x, pixel for pixel', async () => {
    await wb.quickOpen('spritepal-demo.sfc');
    const view = wb.webview();
    await view.locator('[data-tab="tiles"]').click();
    await view.locator('.tile-browser[data-ready="true"]').waitFor({ timeout: 60_000 });
    const snes = formatSnes(rom.snesOf(font.romOffset)!);
    await view.locator('#tiles-goto').click();
    await wb.page.keyboard.type(snes);
    await wb.page.keyboard.press('Enter');
    await waitOffset(view, font.romOffset);
    assert.match((await view.locator('#tiles-cursor').textContent()) ?? '', new RegExp(snes.replace('$', '\\$')));
    await chooseOption(view.locator('#tiles-bpp'), '2bpp');
    await chooseOption(view.locator('#tiles-zoom'), '1×');
    await view.locator('#tiles-canvas[data-zoom="1"]').waitFor();
    await wb.page.waitForTimeout(300);
    assertPixels(await shown(view), expected(font.romOffset, 2, 16, 'linear'), [0, 0]);
    await chooseOption(view.locator('#tiles-zoom'), '4×');
    await view.locator('#tiles-canvas[data-zoom="4"]').waitFor();
    const at4 = await shown(view);
    assert.equal(at4.zoom, 4);
    assertPixels(at4, expected(font.romOffset, 2, 16, 'linear'), [0, 0]);
    await wb.screenshot('e2e-tiles-4x');
  });

  it('recolours with its own palette picker, and keeps the gallery palette as it was', async () => {
    const view = wb.webview();
    const sprite = layout.sprites[0]!;
    const colours = new Set(Array.from(readBgr555(rom.data, sprite.paletteRomOffset, 16), (c) => bgr555ToRgb(c).join(',')).slice(1, 4));
    await chooseOption(view.locator('#tiles-palette'), sprite.name);
    await wb.page.waitForTimeout(300);
    assertPixels(await shown(view), expected(font.romOffset, 2, 16, 'linear'), [0, 0], colours);
    // The gallery keeps its own choice (Auto): the tile browser's palette is its own.
    assert.match((await view.locator('#gallery-palette').evaluate((e) => (e as HTMLElement & { value: string }).value)) ?? '', /^auto$/);
  });

  it('arranges 16x16 sprites (tiles n, n+1, n+16, n+17) at 8 tiles wide', async () => {
    const view = wb.webview();
    await chooseOption(view.locator('#tiles-width'), '8 tiles');
    await chooseOption(view.locator('#tiles-order'), '16×16 sprites');
    await view.locator('#tiles-canvas[data-order="sprite16"]').waitFor();
    await wb.page.waitForTimeout(300);
    const s = await shown(view);
    const sprite16 = expected(font.romOffset, 2, 8, 'sprite16');
    const linear = expected(font.romOffset, 2, 8, 'linear');
    assert.notDeepEqual(Buffer.from(sprite16.pixels), Buffer.from(linear.pixels), 'the two orders differ at this width');
    assertPixels(s, sprite16, [0, 0]);
    await wb.screenshot('e2e-tiles-sprite16');
  });

  it('moves the cursor with the arrows in the 16x16 order as drawn, not in stored tile order', async () => {
    const view = wb.webview();
    /** The tile the core's 16x16 arrangement draws at a cell, 8 tiles wide. */
    const drawnAt = (x: number, y: number) => Array.from({ length: 8 * ROWS }, (_, i) => i).find((i) => tilePosition(i, 8, 'sprite16').join() === `${x},${y}`)!;
    const cursorAt = (tile: number) =>
      view.locator(`.tile-browser[data-offset="${font.romOffset}"][data-cursor="${font.romOffset + tile * 16}"]`).waitFor({ timeout: 10_000 });
    await view.locator('#tiles-canvas').focus();
    await cursorAt(0);
    const path: [string, number, number][] = [
      ['ArrowDown', 0, 1],
      ['ArrowRight', 1, 1],
      ['ArrowRight', 2, 1],
      ['ArrowUp', 2, 0],
      ['ArrowLeft', 1, 0],
      ['ArrowLeft', 0, 0],
    ];
    for (const [key, x, y] of path) {
      await wb.page.keyboard.press(key);
      await cursorAt(drawnAt(x, y));
    }
    // Down from (0, 1) lands on stored tile 16+... drawn at (0, 2); in stored order it would be tile 8+16.
    assert.equal(drawnAt(0, 1), 16);
    assert.equal(drawnAt(2, 1), 18);
  });

  it('moves the view by one byte with + and back with -', async () => {
    const view = wb.webview();
    await chooseOption(view.locator('#tiles-order'), '8×8 rows');
    await view.locator('#tiles-canvas[data-order="linear"]').waitFor();
    await view.locator('#tiles-canvas').focus();
    await wb.page.keyboard.press('+');
    await waitOffset(view, font.romOffset + 1);
    await wb.page.waitForTimeout(300);
    assertPixels(await shown(view), expected(font.romOffset + 1, 2, 8, 'linear'), [0, 0]);
    await wb.page.keyboard.press('-');
    await waitOffset(view, font.romOffset);
  });

  it('decompresses at the cursor into a detail view beside the tiles', async () => {
    const view = wb.webview();
    const sprite = layout.sprites[1]!;
    await view.locator('#tiles-goto').click();
    await wb.page.keyboard.type(formatSnes(rom.snesOf(sprite.romOffset)!));
    await wb.page.keyboard.press('Enter');
    await waitOffset(view, sprite.romOffset);
    await view.locator('#tiles-decompress').click();
    await view.locator('#tiles-detail-host #detail[data-ready="true"]').waitFor({ timeout: 30_000 });
    assert.ok(await view.locator('#panel-tiles').isVisible(), 'still on the Tiles tab');
    assert.match((await view.locator('#tiles-detail-host #detail-facts').textContent()) ?? '', new RegExp(`${sprite.tiles} at`));
    await wb.screenshot('e2e-tiles-decompress');
  });
  it("loads a palette from a ROM address in either view's Load palette menu, and says what was wrong where that view says it", async () => {
    const view = wb.webview();
    const value = (sel: string) => view.locator(sel).evaluate((e) => (e as HTMLElement & { value: string }).value);
    /** Chooses a source in a Load palette menu and types into the form that opens. */
    const answer = async (menu: string, source: string, field: string, text: string) => {
      await chooseOption(view.locator(menu), source);
      await view.locator(field).click();
      await wb.page.keyboard.type(text);
      await wb.page.keyboard.press('Enter');
    };
    // Palettes no catalog entry names: one and two colours after the first sprite's.
    const [tilesAt, galleryAt] = [2, 4].map((d) => layout.sprites[0]!.paletteRomOffset + d);

    // The tile browser: errors close the form and go to its message line; a loaded palette is chosen and offered to the gallery.
    await view.locator('[data-tab="tiles"]').click();
    await answer('#tiles-load-palette', 'From CGRAM dump…', '#tiles-palette-input', '16');
    await view.locator('#tiles-message.error-text', { hasText: 'a CGRAM palette number is 0-15' }).waitFor({ timeout: 10_000 });
    assert.equal(await view.locator('#tiles-palette-input').count(), 0, 'the form closed');
    assert.equal(await value('#tiles-load-palette'), '', 'the menu is back to "Load palette…"');
    await answer('#tiles-load-palette', 'From ROM address…', '#tiles-palette-input', '$7E:0000');
    await view.locator('#tiles-message.error-text', { hasText: 'maps to no ROM byte' }).waitFor({ timeout: 10_000 });
    await answer('#tiles-load-palette', 'From ROM address…', '#tiles-palette-input', formatSnes(rom.snesOf(tilesAt)!));
    await view.locator(`#tiles-palette vscode-option[value="${romPaletteId(tilesAt)}"]`).waitFor({ state: 'attached', timeout: 10_000 });
    assert.equal(await value('#tiles-palette'), romPaletteId(tilesAt));
    assert.equal(await view.locator(`#gallery-palette vscode-option[value="${romPaletteId(tilesAt)}"]`).count(), 1, 'the gallery offers it too');
    assert.equal(await value('#gallery-palette'), 'auto', 'the gallery keeps its own choice');

    // The gallery: errors stay in the form (to be corrected) until it is cancelled; a loaded palette is chosen.
    await view.locator('[data-tab="sprites"]').click();
    const form = view.locator('.gallery > .inline-form');
    await answer('#gallery-load-palette', 'From CGRAM dump…', '.gallery > .inline-form vscode-textfield', '16');
    await form.locator('.inline-error[role="alert"]', { hasText: 'a CGRAM palette number is 0-15' }).waitFor({ timeout: 10_000 });
    assert.equal(await form.getAttribute('aria-label'), 'CGRAM palette number (0-15; sprites use 8-15)');
    await wb.page.keyboard.press('Escape');
    await form.waitFor({ state: 'detached', timeout: 10_000 });
    assert.equal(await value('#gallery-load-palette'), '');
    await answer('#gallery-load-palette', 'From ROM address…', '.gallery > .inline-form vscode-textfield', '$7E:0000');
    await form.locator('.inline-error', { hasText: 'maps to no ROM byte' }).waitFor({ timeout: 10_000 });
    await form.locator('vscode-button', { hasText: 'Cancel' }).click();
    await form.waitFor({ state: 'detached', timeout: 10_000 });
    await answer('#gallery-load-palette', 'From ROM address…', '.gallery > .inline-form vscode-textfield', formatSnes(rom.snesOf(galleryAt)!));
    await form.waitFor({ state: 'detached', timeout: 10_000 });
    await view.locator(`#gallery-palette vscode-option[value="${romPaletteId(galleryAt)}"]`).waitFor({ state: 'attached', timeout: 10_000 });
    assert.equal(await value('#gallery-palette'), romPaletteId(galleryAt));
    await chooseOption(view.locator('#gallery-palette'), 'Auto (catalog palette)');
  });
});
