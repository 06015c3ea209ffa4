/**
 * End to end, in Chromium against the packaged VSIX: drawing on a demo sprite in the detail view's
 * edit mode. A pencil stroke changes the canvas and the gallery thumbnail; Ctrl+Z / Ctrl+Y undo
 * and redo it through VS Code; Ctrl+S saves, and the CLI's `extract` reads the drawn pixels back
 * from the file. Flood fill, the eyedropper and a palette colour edit too; screenshots of edit mode
 * in a light and a dark theme land in test-results/.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decode as decodePng } from 'fast-png';
import type { Locator } from 'playwright-core';
import { buildDemoRom, demoRomLayout, type DemoSprite } from '../../src/core/demo/demo-rom';
import { bgr555ToRgb, readBgr555 } from '../../src/core/gfx/color';
import { tilesToImage } from '../../src/core/gfx/arrange';
import { decodeTiles } from '../../src/core/gfx/tiles';
import { decode } from '../../src/core/hal';
import { copierHeaderSize } from '../../src/core/rom/copier-header';
import { freeAfter, waitFor } from './edit-helpers';
import { ROOT, openWorkbench, type Workbench } from './workbench';

const ROM_NAME = 'spritepal-demo.sfc';

/** The sprite's pixels as the detail view lays them out (its catalog width). */
function spriteImage(rom: Uint8Array, s: DemoSprite) {
  const data = rom.subarray(copierHeaderSize(rom.length));
  return tilesToImage(decodeTiles(decode(data, s.romOffset).data, s.bpp), { widthTiles: Math.min(s.widthTiles, s.tiles) });
}

/** "r,g,b" of colour `i` of the sprite's ROM palette, as the webview draws it. */
function paletteRgb(rom: Uint8Array, s: DemoSprite, i: number): string {
  const data = rom.subarray(copierHeaderSize(rom.length));
  return bgr555ToRgb(readBgr555(data, s.paletteRomOffset, 16)[i]!).join(',');
}

/** "r,g,b,a" of image pixel (x, y) on the detail canvas (at its zoom). */
function canvasPixel(canvas: Locator, zoom: number, x: number, y: number): Promise<string> {
  return canvas.evaluate(
    (c: HTMLCanvasElement, p: { x: number; y: number; z: number }) =>
      Array.from(c.getContext('2d')!.getImageData(p.x * p.z + (p.z >> 1), p.y * p.z + (p.z >> 1), 1, 1).data).join(','),
    { x, y, z: zoom },
  );
}

/** All the pixels of a canvas, for "changed" / "back as it was" comparisons. */
function canvasHash(canvas: Locator): Promise<string> {
  return canvas.evaluate((c: HTMLCanvasElement) => {
    const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let h = 0x811c9dc5;
    for (let i = 0; i < d.length; i++) h = Math.imul(h ^ d[i]!, 0x01000193) >>> 0;
    return `${c.width}x${c.height}:${h.toString(16)}`;
  });
}

/** Opens the demo ROM, the sprite's detail view and edit mode; returns the canvas and its zoom. */
async function openEditor(wb: Workbench, s: DemoSprite): Promise<{ canvas: Locator; overlay: Locator; zoom: number }> {
  await wb.quickOpen(ROM_NAME);
  const view = wb.webview();
  await view.locator('.cell[data-state="ready"]').first().waitFor({ timeout: 60_000 });
  await view.locator('[data-scan="done"]').first().waitFor({ timeout: 120_000 });
  await view
    .locator('#gallery-search')
    .locator('input')
    .fill(s.name)
    .catch(async () => {
      await view.locator('#gallery-search').click();
      await wb.page.keyboard.type(s.name);
    });
  await view.locator(`#cell-${s.romOffset}[data-state="ready"]`).waitFor({ timeout: 60_000 });
  await view.locator(`#cell-${s.romOffset}`).dblclick();
  await view.locator('#detail[data-ready="true"]').waitFor();
  await view.locator('#detail-edit').click();
  await view.locator('#detail[data-editing="true"]').waitFor();
  const canvas = view.locator('#detail-canvas');
  const zoom = Number(await view.locator('#detail-zoom').inputValue());
  return { canvas, overlay: view.locator('#pe-overlay'), zoom };
}

describe('sprite editor: drawing on a sprite (packaged VSIX)', function () {
  this.timeout(300_000);
  let wb: Workbench;
  const rom = buildDemoRom();
  const layout = demoRomLayout();
  // A 4bpp sheet with free bytes after it, so the strokes fit in place (relocation asks a modal
  // question, which the test workbench refuses to show).
  const sprite = layout.sprites.find((s) => s.bpp === 4 && s.tiles >= 16 && freeAfter(rom, s) >= 1024)!;
  const image = spriteImage(rom, sprite);
  const FG = 5;
  // A short run on row y whose pixels are not colour FG yet.
  const y = 3;
  const xs = [2, 3, 4, 5, 6].filter((x) => image.pixels[y * image.width + x] !== FG);
  let canvas: Locator;
  let overlay: Locator;
  let zoom: number;
  let thumbBefore = '';

  before(async () => {
    wb = await openWorkbench({
      prepareWorkspace: (dir) => writeFileSync(join(dir, ROM_NAME), rom),
      settings: { 'workbench.colorTheme': 'Default Light Modern' },
    });
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await wb?.screenshot(`failed-${this.currentTest.title.replace(/\W+/g, '-')}`);
  });
  after(async () => {
    await wb?.close();
  });

  const at = (x: number, yy: number) => ({ x: x * zoom + (zoom >> 1), y: yy * zoom + (zoom >> 1) });
  const thumb = () => wb.webview().locator(`#cell-${sprite.romOffset} canvas`);

  it('draws a pencil stroke: the canvas and the gallery thumbnail show it', async () => {
    ({ canvas, overlay, zoom } = await openEditor(wb, sprite));
    const view = wb.webview();
    thumbBefore = await canvasHash(thumb());
    // Record every scan state the gallery shows from now on: a stroke must not start a rescan.
    await view
      .locator('[data-scan]')
      .first()
      .evaluate((g: HTMLElement) => {
        const seen: string[] = [];
        new MutationObserver(() => seen.push(g.dataset.scan ?? '')).observe(g, { attributes: true, attributeFilter: ['data-scan'] });
        (window as unknown as { scanStates: string[] }).scanStates = seen;
      });
    assert.ok(xs.length >= 2, 'the row has pixels to draw on');
    await view.locator(`#pe-palette .pe-swatch[data-index="${FG}"]`).click();
    assert.equal(await view.locator('#pe-fg').textContent(), String(FG));
    await overlay.hover({ position: at(xs[0]!, y) });
    await wb.page.mouse.down();
    await overlay.hover({ position: at(xs[xs.length - 1]!, y) });
    await wb.page.mouse.up();
    await view.locator('#pe-overlay[data-applied="1"]').waitFor({ timeout: 30_000 });
    // No question about the clean original: it was kept when the ROM was opened.
    assert.equal(await wb.page.locator('.notification-toast', { hasText: 'clean original' }).count(), 0);
    assert.match((await view.locator('.detail-message').textContent()) ?? '', new RegExp(`^Draw on ${sprite.name}: ${xs.length} pixels`));
    const fg = `${paletteRgb(rom, sprite, FG)},255`;
    for (const x of xs) assert.equal(await canvasPixel(canvas, zoom, x, y), fg, `pixel (${x}, ${y}) drawn in colour ${FG}`);
    await waitFor('the thumbnail to show the stroke', async () => (await canvasHash(thumb())) !== thumbBefore);
    await wb.screenshot('e2e-pixel-edit-light');
    const states = await view
      .locator('[data-scan]')
      .first()
      .evaluate(() => (window as unknown as { scanStates: string[] }).scanStates);
    assert.deepEqual(
      states.filter((x) => x !== 'done'),
      [],
      `no rescan after the stroke (scan states seen: ${states.join(', ')})`,
    );
  });

  it('undoes the stroke with Ctrl+Z and redoes it with Ctrl+Y', async () => {
    const view = wb.webview();
    const fg = `${paletteRgb(rom, sprite, FG)},255`;
    await overlay.focus();
    await wb.page.keyboard.press('Control+Z');
    await waitFor('the pixels to come back', async () => (await canvasPixel(canvas, zoom, xs[0]!, y)) !== fg);
    for (const x of xs) {
      const v = image.pixels[y * image.width + x]!;
      const px = await canvasPixel(canvas, zoom, x, y);
      if (v === 0) assert.ok(px.endsWith(',0'), `pixel (${x}, ${y}) transparent again: ${px}`);
      else assert.equal(px, `${paletteRgb(rom, sprite, v)},255`, `pixel (${x}, ${y}) back to colour ${v}`);
    }
    await waitFor('the thumbnail to be as it was', async () => (await canvasHash(thumb())) === thumbBefore);
    await overlay.focus();
    await wb.page.keyboard.press('Control+Y');
    await waitFor('the stroke to come back', async () => (await canvasPixel(canvas, zoom, xs[0]!, y)) === fg);
    assert.equal(await view.locator('#detail[data-editing="true"]').count(), 1);
  });

  it('saves with Ctrl+S, and the CLI extract reads the drawn pixels from the file', async () => {
    const file = join(wb.workspace, ROM_NAME);
    await overlay.focus();
    await wb.page.keyboard.press('Control+S');
    await waitFor('the ROM on disk to change', async () => !readFileSync(file).equals(Buffer.from(rom)));
    const out = join(wb.workspace, 'drawn.png');
    const r = spawnSync(
      process.execPath,
      [
        join(ROOT, 'dist', 'cli.js'),
        'extract',
        file,
        '--offset',
        `0x${(sprite.romOffset + copierHeaderSize(rom.length)).toString(16)}`,
        '--bpp',
        '4',
        '--width',
        String(image.width / 8),
        '-o',
        out,
        '--json',
      ],
      { encoding: 'utf8' },
    );
    assert.equal(r.status, 0, r.stderr);
    const png = decodePng(readFileSync(out));
    for (const x of xs) assert.equal(png.data[y * png.width + x], FG, `extracted pixel (${x}, ${y})`);
    // Every other pixel is as it was.
    let others = 0;
    for (let i = 0; i < image.pixels.length; i++) {
      if (Math.floor(i / image.width) === y && xs.includes(i % image.width)) continue;
      if (png.data[i] !== image.pixels[i]) others++;
    }
    assert.equal(others, 0, 'no other pixel changed');
  });

  it('flood fills a region, picks colours with the eyedropper and Alt+click', async () => {
    const view = wb.webview();
    // A pixel of colour 0 somewhere in the sheet's first tiles, away from the stroke.
    let fx = -1;
    let fy = -1;
    for (let i = 0; i < image.pixels.length && fx < 0; i++) {
      const px = i % image.width;
      const py = Math.floor(i / image.width);
      if (image.pixels[i] === 0 && py > 8) [fx, fy] = [px, py];
    }
    assert.ok(fx >= 0, 'a transparent pixel to fill from');
    const FILL = 7;
    await view.locator(`#pe-palette .pe-swatch[data-index="${FILL}"]`).click();
    await overlay.focus();
    await wb.page.keyboard.press('g');
    assert.equal(await view.locator('#pe-tool-fill').getAttribute('aria-pressed'), 'true');
    const applied = Number((await overlay.getAttribute('data-applied')) ?? 0);
    await overlay.click({ position: at(fx, fy) });
    const fill = `${paletteRgb(rom, sprite, FILL)},255`;
    await view.locator(`#pe-overlay[data-applied="${applied + 1}"]`).waitFor();
    await waitFor('the fill to be drawn', async () => (await canvasPixel(canvas, zoom, fx, fy)) === fill);
    // Eyedropper (I): picks the stroke's colour as the foreground.
    await wb.page.keyboard.press('i');
    await overlay.click({ position: at(xs[0]!, y) });
    assert.equal(await view.locator('#pe-fg').textContent(), String(FG));
    // Alt+click with the pencil: picks the filled colour, draws nothing.
    await wb.page.keyboard.press('b');
    const before = await canvasHash(canvas);
    await overlay.click({ position: at(fx, fy), modifiers: ['Alt'] });
    assert.equal(await view.locator('#pe-fg').textContent(), String(FILL));
    assert.equal(await canvasHash(canvas), before, 'Alt+click drew nothing');
  });

  it('edits a palette colour in BGR555 and writes it into the ROM', async () => {
    const view = wb.webview();
    await view.locator(`#pe-palette .pe-swatch[data-index="${FG}"]`).click();
    await view.locator('#pe-color-editor').waitFor();
    await view.locator('#pe-hex').fill('7C1F'); // red 31, green 0, blue 31
    assert.equal(await view.locator('#pe-r').inputValue(), '31');
    assert.equal(await view.locator('#pe-g').inputValue(), '0');
    await view.locator('#pe-apply-color').click();
    await view.locator('.detail-message', { hasText: 'written to the ROM' }).waitFor();
    await waitFor('the stroke to be drawn in the new colour', async () => (await canvasPixel(canvas, zoom, xs[0]!, y)) === '255,0,255,255');
    await wb.screenshot('e2e-pixel-edit-palette');
  });

  it('selects a row of pixels (M), flips it (H) as one stroke, and undoes the flip', async () => {
    const view = wb.webview();
    const row = [0, 1, 2, 3, 4, 5, 6, 7].map((x) => x + 8 * Math.floor(image.width / 16));
    let yy = 0;
    const read = () => Promise.all(row.map((x) => canvasPixel(canvas, zoom, x, yy)));
    // A row whose 8 pixels read differently backwards (else a flip would show nothing).
    let before = await read();
    while (yy < image.height - 1 && before.join(' ') === [...before].reverse().join(' ')) {
      yy++;
      before = await read();
    }
    await overlay.focus();
    await wb.page.keyboard.press('m');
    await overlay.hover({ position: at(row[0]!, yy) });
    await wb.page.mouse.down();
    await overlay.hover({ position: at(row[7]!, yy) });
    await wb.page.mouse.up();
    const applied = Number((await overlay.getAttribute('data-applied')) ?? 0);
    assert.notEqual(before.join(' '), [...before].reverse().join(' '), 'the row reads differently backwards');
    await wb.page.keyboard.press('h');
    await view.locator(`#pe-overlay[data-applied="${applied + 1}"]`).waitFor();
    await waitFor('the row to be flipped', async () => (await read()).join(' ') === [...before].reverse().join(' '));
    await overlay.focus();
    await wb.page.keyboard.press('Control+Z');
    await waitFor('the flip to be undone', async () => (await read()).join(' ') === before.join(' '));
  });

  it('draws a line (L) and a rectangle outline (U), each one stroke that one Ctrl+Z takes back', async () => {
    const view = wb.webview();
    const COLOUR = 9;
    const colour = `${paletteRgb(rom, sprite, COLOUR)},255`;
    await view.locator(`#pe-palette .pe-swatch[data-index="${COLOUR}"]`).click();
    const drag = async (from: [number, number], to: [number, number]) => {
      const applied = Number((await overlay.getAttribute('data-applied')) ?? 0);
      await overlay.hover({ position: at(...from) });
      await wb.page.mouse.down();
      await overlay.hover({ position: at(...to) });
      await wb.page.mouse.up();
      await view.locator(`#pe-overlay[data-applied="${applied + 1}"]`).waitFor();
    };
    // A 45-degree line: exactly the pixels (i, i), whatever the line algorithm.
    await overlay.focus();
    await wb.page.keyboard.press('l');
    assert.equal(await view.locator('#pe-tool-line').getAttribute('aria-pressed'), 'true');
    const n = Math.min(6, image.width, image.height);
    await drag([0, 0], [n - 1, n - 1]);
    for (let i = 0; i < n; i++) await waitFor(`line pixel (${i}, ${i})`, async () => (await canvasPixel(canvas, zoom, i, i)) === colour);
    // A rectangle in the other corner: its border in the colour, its inside as it was.
    const [x0, y0, x1, y1] = [image.width - 7, image.height - 6, image.width - 1, image.height - 1];
    const inside: [number, number][] = [];
    for (let yy = y0 + 1; yy < y1; yy++) for (let x = x0 + 1; x < x1; x++) inside.push([x, yy]);
    const border: [number, number][] = [];
    for (let x = x0; x <= x1; x++) border.push([x, y0], [x, y1]);
    for (let yy = y0 + 1; yy < y1; yy++) border.push([x0, yy], [x1, yy]);
    const read = (pts: [number, number][]) => Promise.all(pts.map(([x, yy]) => canvasPixel(canvas, zoom, x, yy)));
    const borderBefore = await read(border);
    const insideBefore = await read(inside);
    await wb.page.keyboard.press('u');
    assert.equal(await view.locator('#pe-tool-rect').getAttribute('aria-pressed'), 'true');
    await drag([x0, y0], [x1, y1]);
    await waitFor('the rectangle border', async () => (await read(border)).every((c) => c === colour));
    assert.deepEqual(await read(inside), insideBefore, 'the inside of the outline is untouched');
    // One stroke: one undo brings every border pixel back, and the line stays.
    await overlay.focus();
    await wb.page.keyboard.press('Control+Z');
    await waitFor('the rectangle to be undone', async () => (await read(border)).join(' ') === borderBefore.join(' '));
    assert.equal(await canvasPixel(canvas, zoom, 0, 0), colour, 'the line is a separate edit');
  });
});

describe('sprite editor in a dark theme (packaged VSIX)', function () {
  this.timeout(240_000);
  it('shows edit mode with its tools and palette strip', async () => {
    const rom = buildDemoRom();
    const sprite = demoRomLayout().sprites.find((s) => s.bpp === 4 && s.tiles >= 16)!;
    const wb = await openWorkbench({
      prepareWorkspace: (dir) => writeFileSync(join(dir, ROM_NAME), rom),
      settings: { 'workbench.colorTheme': 'Default Dark Modern' },
    });
    try {
      await openEditor(wb, sprite);
      const view = wb.webview();
      assert.ok(await view.locator('body').evaluate((b) => b.classList.contains('vscode-dark')));
      // The strip fills in once the sprite's palette has arrived (after edit mode shows).
      await view.locator('#pe-palette .pe-swatch[data-index="15"]').waitFor();
      assert.equal(await view.locator('#pe-palette .pe-swatch[data-index]').count(), 16);
      assert.equal(await view.locator('#pe-tool-pencil').getAttribute('aria-pressed'), 'true');
      await wb.screenshot('e2e-pixel-edit-dark');
    } catch (err) {
      await wb.screenshot('failed-pixel-edit-dark');
      throw err;
    } finally {
      await wb.close();
    }
  });
});
