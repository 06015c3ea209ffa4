/**
 * The gallery after a relocating injection, end to end (packaged VSIX, Chromium): Inject Sprite...
 * with a PNG whose stream no longer fits (noise compresses badly) moves the block to free space.
 * The sprite's cell then shows the new offset and the new pixels, in the same canvas as before (a
 * relocated block takes its canvas along, issue 17), while every other thumbnail stays on screen
 * undrawn; no cell is left at the old offset with the sprite's name. Undo puts the sprite back at
 * its old offset with its old pixels, redo moves it again, and the catalog follows the move across
 * save, close and reopen. The grid is sorted by name, so the sprite's cell keeps its place in view
 * wherever its block goes (sorted by offset, the new place would be far down the list).
 */
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FrameLocator } from 'playwright-core';
import { buildDemoRom, demoRomLayout } from '../../src/core/demo/demo-rom';
import { hex } from '../../src/core/format';
import { bgr555ToRgb, readBgr555 } from '../../src/core/gfx/color';
import { indexedPng, noisyPixels } from '../unit/inject/fixture';
import { canvasColours, drawn, gridSettled, type Cell, type Drawn } from './canvas';
import { chooseOption } from './controls';
import { freeAfter, waitFor } from './edit-helpers';
import { injectWithDialogs } from './inject-dialogs';
import { offsetsNamed } from './session-helpers';
import { openWorkbench, type Workbench } from './workbench';

const ROM_NAME = 'spritepal-demo.sfc';
const PNG_NAME = 'noise.png';

describe('gallery after a relocating injection (packaged VSIX)', function () {
  this.timeout(300_000);
  let wb: Workbench;
  const rom = buildDemoRom();
  const layout = demoRomLayout();
  // A small 4bpp sheet near the top of the list sorted by name, whose noise cannot fit in place.
  const sprite = layout.sprites
    .filter((s) => s.bpp === 4 && s.tiles <= 32)
    .sort((a, b) => a.name.localeCompare(b.name))
    .find((s) => s.consumed + freeAfter(rom, s) < s.tiles * 32)!;
  const oldOffset = sprite.romOffset;
  const palette = new Set(Array.from(readBgr555(rom, sprite.paletteRomOffset, 16), (c) => bgr555ToRgb(c).join(',')));
  let newOffset = -1;
  let marked: Drawn;
  let original: Cell;
  let moved: Cell;

  before(async () => {
    wb = await openWorkbench({
      settings: { 'files.autoSave': 'off' },
      prepareWorkspace: (dir) => {
        writeFileSync(join(dir, ROM_NAME), rom);
        writeFileSync(join(dir, PNG_NAME), indexedPng(noisyPixels(sprite.tiles, 16, 11), 16, sprite.widthTiles));
      },
    });
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await wb?.screenshot(`failed-${this.currentTest.title.replace(/\W+/g, '-')}`);
  });
  after(async () => wb?.close());

  const file = (name: string) => join(wb.workspace, name);
  const movesSaved = (): { from: number; to: number }[] => {
    if (!existsSync(file('.spritepal/catalog.json'))) return [];
    const c = JSON.parse(readFileSync(file('.spritepal/catalog.json'), 'utf8')) as { roms: Record<string, { moves?: { from: number; to: number }[] }> };
    return Object.values(c.roms).flatMap((r) => r.moves ?? []);
  };

  /** Records the gallery's scan states from now on (window.scanStates), to wait for a rescan's end. */
  async function watchScan(view: FrameLocator): Promise<void> {
    await view.locator('.gallery').evaluate((g: HTMLElement) => {
      const seen: string[] = [];
      new MutationObserver(() => seen.push(g.dataset.scan ?? '')).observe(g, { attributes: true, attributeFilter: ['data-scan'] });
      (window as unknown as { scanStates: string[] }).scanStates = seen;
    });
  }
  const rescanned = (view: FrameLocator) =>
    view.locator('.gallery').evaluate((g: HTMLElement) => {
      const seen = (window as unknown as { scanStates: string[] }).scanStates;
      return seen.includes('running') && g.dataset.scan === 'done';
    });

  /** Waits until the sprite's name is on exactly one cell, at `offset`, drawn with pixels other than `not`'s (or equal to `is`). */
  async function expectSpriteAt(view: FrameLocator, offset: number, pixels: { is?: string; not?: string }): Promise<Cell> {
    let cell: Cell | undefined;
    let named: number[] = [];
    await waitFor(
      `${sprite.name} drawn at ${hex(offset)} only`,
      async () => {
        named = await offsetsNamed(view, sprite.name);
        cell = (await drawn(view)).cells[offset];
        return (
          named.length === 1 &&
          named[0] === offset &&
          cell?.name === sprite.name &&
          (pixels.is === undefined || cell.hash === pixels.is) &&
          (pixels.not === undefined || cell.hash !== pixels.not)
        );
      },
      60_000,
    ).catch((e: Error) => {
      throw new Error(`${e.message}: named at ${named.map((o) => hex(o)).join(', ')}; cell there ${JSON.stringify(cell)}`);
    });
    return cell!;
  }

  /** Ctrl+S on the ROM's tab: done when the file was written and the tab is clean. */
  async function save(): Promise<void> {
    const was = statSync(file(ROM_NAME)).mtimeMs;
    await wb.page.locator('.tab', { hasText: ROM_NAME }).first().click();
    await wb.page.keyboard.press('Control+S');
    await waitFor(`${ROM_NAME} to be written`, async () => statSync(file(ROM_NAME)).mtimeMs !== was);
    await wb.page.locator('.tab.dirty', { hasText: ROM_NAME }).waitFor({ state: 'detached', timeout: 30_000 });
  }

  it('moves the sprite to its new offset in the same canvas, redrawn once, and leaves every other thumbnail undrawn', async () => {
    assert.ok(sprite, 'a 4bpp demo sprite whose noise cannot fit in place');
    await wb.quickOpen(ROM_NAME);
    const view = wb.webview();
    await view.locator('.cell[data-state="ready"]').first().waitFor({ timeout: 60_000 });
    await view.locator('.gallery[data-scan="done"]').waitFor({ timeout: 120_000 });
    await chooseOption(view.locator('#gallery-sort'), 'Name');
    await view.locator(`#cell-${oldOffset}[data-state="ready"]`).waitFor({ timeout: 30_000 });
    await gridSettled(view, wb.page);
    marked = await drawn(view, 'before-inject');
    original = marked.cells[oldOffset]!;
    assert.ok(Object.keys(marked.cells).length >= 6, `${Object.keys(marked.cells).length} thumbnails in view`);
    assert.equal(original?.name, sprite.name, `${sprite.name} is in view at ${hex(oldOffset)}`);
    await watchScan(view);

    const injected = await injectWithDialogs(wb, { name: sprite.name }, file(PNG_NAME));
    assert.equal(injected.relocated, true, 'noise does not fit in place: the user is asked to relocate');
    assert.match(injected.summary, /Relocated to/);
    await wb.page.locator('.tab.dirty', { hasText: ROM_NAME }).waitFor();

    // The name on one cell, at an offset other than the old one, drawn with other pixels.
    await waitFor(
      `${sprite.name} at a new offset`,
      async () => {
        const at = await offsetsNamed(view, sprite.name);
        newOffset = at.length === 1 && at[0] !== oldOffset ? at[0]! : -1;
        return newOffset >= 0;
      },
      60_000,
    );
    await waitFor('the rescan after the relocation to finish', () => rescanned(view), 120_000);
    moved = await expectSpriteAt(view, newOffset, { not: original.hash });
    await wb.page.waitForTimeout(1000); // time for any other (wrong) redraw to happen
    const now = await drawn(view);
    moved = now.cells[newOffset]!;
    await wb.screenshot('e2e-gallery-relocated');

    // What the cell says: the new place (the demo ROM has no copier header: file offset = ROM offset).
    assert.ok(moved.label.includes(hex(newOffset)), `the cell's label names ${hex(newOffset)}: ${moved.label}`);
    assert.ok(!moved.label.includes(hex(oldOffset)), `the cell's label no longer names ${hex(oldOffset)}: ${moved.label}`);
    assert.equal(await view.locator(`#cell-${newOffset}`).getAttribute('data-offset'), String(newOffset));
    // What its canvas shows: the noise, in the sprite's own palette (Auto: the catalog's).
    assert.notEqual(moved.hash, original.hash, 'the canvas shows the injected pixels');
    const { colours } = await canvasColours(view.locator(`#cell-${newOffset} canvas`));
    // Noise uses every index: every opaque colour of the palette shows (index 0 may be transparent).
    assert.ok(colours.length >= palette.size - 1, `noise over 16 indices shows the palette's colours: ${colours.length} of ${palette.size}`);
    for (const c of colours) assert.ok(palette.has(c), `${c} is one of ${sprite.name}'s palette colours`);
    // The canvas went along with the block (the one marked before), drawn once more.
    assert.equal(moved.mark, 'before-inject', 'the relocated sprite keeps its canvas');
    assert.equal(moved.renders, original.renders + 1, 'drawn once with the new pixels');
    // Nothing left at the old offset with the sprite's name.
    const old = view.locator(`#cell-${oldOffset}`);
    if ((await old.count()) > 0) assert.notEqual(await old.locator('.name').textContent(), sprite.name, `no ${sprite.name} at ${hex(oldOffset)}`);
    // Every other thumbnail: the same canvas, not drawn again, the same pixels.
    for (const [off, was] of Object.entries(marked.cells)) {
      if (Number(off) === oldOffset) continue;
      assert.deepEqual(now.cells[off], was, `thumbnail ${hex(Number(off))}: same canvas, not drawn again, same pixels`);
    }
    assert.equal(now.total - marked.total, 1, 'one draw in all: the relocated sprite');
  });

  it('undo puts the sprite back with its old pixels, redo moves it again; the catalog follows it through save, close and reopen', async () => {
    const view = wb.webview();
    const tab = wb.page.locator('.tab', { hasText: ROM_NAME }).first();
    await tab.click();
    await wb.page.keyboard.press('Control+Z');
    await wb.page.locator('.tab.dirty', { hasText: ROM_NAME }).waitFor({ state: 'detached', timeout: 30_000 });
    const undone = await expectSpriteAt(view, oldOffset, { is: original.hash });
    assert.ok(undone.label.includes(hex(oldOffset)), undone.label);
    assert.equal(undone.mark, 'before-inject', 'the canvas comes back with the block');
    await wb.screenshot('e2e-gallery-relocate-undone');

    await watchScan(view);
    await tab.click();
    await wb.page.keyboard.press('Control+Shift+Z');
    await wb.page.locator('.tab.dirty', { hasText: ROM_NAME }).waitFor({ timeout: 30_000 });
    const redone = await expectSpriteAt(view, newOffset, { is: moved.hash });
    assert.ok(redone.label.includes(hex(newOffset)), redone.label);
    assert.equal(redone.mark, 'before-inject', 'and goes along again');
    // Through the undo and the redo (each with its rescan), no other thumbnail was drawn again.
    await waitFor('the rescan after the redo to finish', () => rescanned(view), 120_000);
    await wb.page.waitForTimeout(1000); // the entries event follows the scan's end
    const others = await drawn(view);
    for (const [off, was] of Object.entries(marked.cells)) {
      if (Number(off) !== oldOffset) assert.deepEqual(others.cells[off], was, `thumbnail ${hex(Number(off))} after undo and redo`);
    }

    await save();
    await waitFor('the saved block move', async () => movesSaved().length === 1);
    assert.deepEqual(movesSaved(), [{ from: oldOffset, to: newOffset }], 'the catalog records the move');
    await tab.click();
    await wb.page.keyboard.press('Control+K');
    await wb.page.keyboard.press('W');
    await wb.page.locator('.tab', { hasText: ROM_NAME }).waitFor({ state: 'detached' });

    await wb.quickOpen(ROM_NAME);
    const reopened = wb.webview();
    await reopened.locator('.cell[data-state="ready"]').first().waitFor({ timeout: 60_000 });
    await reopened.locator('.gallery[data-scan="done"]').waitFor({ timeout: 120_000 });
    await reopened.locator('#gallery-search').locator('input').fill(sprite.name);
    await reopened.locator('#gallery-count', { hasText: /^\d+ of/ }).waitFor();
    const shown = await expectSpriteAt(reopened, newOffset, { not: original.hash });
    assert.ok(shown.label.includes(hex(newOffset)), shown.label);
    const { colours } = await canvasColours(reopened.locator(`#cell-${newOffset} canvas`));
    assert.ok(colours.length >= palette.size - 1, `the injected noise after reopening: ${colours.length} of ${palette.size} colours`);
    await wb.screenshot('e2e-gallery-relocate-reopened');
  });
});
