/**
 * A hacking session that lasts, end to end in the served workbench (the same server `npm start`
 * runs, without test-only flags, so VS Code's modal dialogs are real DOM dialogs clicked here):
 * inject through the whole flow (target, PNG, relocation question, summary, apply), save, undo,
 * save, redo, close and reopen with every name and palette still there and the moved sprite named
 * at its new address; the dirty sequence with the file then changed on disk (the user is asked);
 * a file that is not a ROM shows the error page with its reason.
 */
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDemoRom, demoRomLayout } from '../../src/core/demo/demo-rom';
import { bgr555ToRgb, readBgr555 } from '../../src/core/gfx/color';
import { hex } from '../../src/core/format';
import { indexedPng, noisyPixels } from '../unit/inject/fixture';
import { canvasColours } from './canvas';
import { chooseOption } from './controls';
import { injectWithDialogs } from './inject-dialogs';
import { openWorkbench, type Workbench } from './workbench';

describe('an editing session in the browser (packaged VSIX, the npm start server)', function () {
  this.timeout(300_000);
  let wb: Workbench;
  const rom = buildDemoRom();
  const layout = demoRomLayout();
  const named = layout.sprites.length + layout.raw.length;
  const sprite = layout.sprites.find((s) => s.bpp === 4 && s.tiles <= 64)!;
  const other = layout.sprites.find((s) => s.bpp === 4 && s.tiles <= 64 && s !== sprite)!;
  const pngFor = (s: typeof sprite, seed: number) => indexedPng(noisyPixels(s.tiles, 16, seed), 16, s.widthTiles);

  before(async () => {
    wb = await openWorkbench({
      settings: { 'files.autoSave': 'off' },
      prepareWorkspace: (dir) => {
        writeFileSync(join(dir, 'spritepal-demo.sfc'), rom);
        const broken = rom.slice();
        broken[0x7fde] ^= 0xff; // a wrong checksum: "Fix checksum" is an edit the user can make
        writeFileSync(join(dir, 'dirty.sfc'), broken);
        writeFileSync(join(dir, 'garbage.sfc'), new Uint8Array(1000).fill(0x41));
        writeFileSync(join(dir, 'edited.png'), pngFor(sprite, 7));
        writeFileSync(join(dir, 'other.png'), pngFor(other, 9));
      },
    });
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await wb?.screenshot(`failed-${this.currentTest.title.replace(/\W+/g, '-')}`);
  });
  after(async () => wb?.close());

  const file = (name: string) => join(wb.workspace, name);
  const catalog = () =>
    JSON.parse(readFileSync(file('.spritepal/catalog.json'), 'utf8')) as { roms: Record<string, { moves?: { from: number; to: number }[] }> };
  const movesSaved = () => (existsSync(file('.spritepal/catalog.json')) ? Object.values(catalog().roms).flatMap((r) => r.moves ?? []) : []);

  async function until(what: string, f: () => boolean, ms = 30_000): Promise<void> {
    const end = Date.now() + ms;
    while (!f()) {
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
      await wb.page.waitForTimeout(100);
    }
  }

  const injectThroughDialogs = (target: { name: string } | { address: string }, png: string) => injectWithDialogs(wb, target, png);

  async function focusTab(name: string): Promise<void> {
    await wb.page.locator('.tab', { hasText: name }).first().click();
  }

  /** Ctrl+S on the tab; done when the file was written and the tab is clean. */
  async function save(name: string): Promise<void> {
    const before = statSync(file(name)).mtimeMs;
    await focusTab(name);
    await wb.page.keyboard.press('Control+S');
    await until(`${name} to be written`, () => statSync(file(name)).mtimeMs !== before);
    await wb.page.locator('.tab.dirty', { hasText: name }).waitFor({ state: 'detached', timeout: 30_000 });
  }

  /** The gallery cells whose name matches, by offset, after searching for `name`. */
  async function cellsNamed(name: string): Promise<number[]> {
    const view = wb.webview();
    await view.locator('#gallery-search').locator('input').fill(name);
    await view.locator('#gallery-count', { hasText: /^\d+ of/ }).waitFor();
    const ids = await view
      .locator('.cell')
      .evaluateAll((cells, n) => cells.filter((c) => c.querySelector('.name')?.textContent === n).map((c) => Number(c.id.replace('cell-', ''))), name);
    await view.locator('#gallery-search').locator('input').fill('');
    return ids;
  }

  /** Waits (the gallery refreshes its names after each change) until exactly these cells carry the name. */
  async function expectNamed(name: string, offsets: number[]): Promise<void> {
    const end = Date.now() + 30_000;
    let seen: number[] = [];
    while (Date.now() < end) {
      seen = await cellsNamed(name);
      if (JSON.stringify(seen) === JSON.stringify(offsets)) return;
      await wb.page.waitForTimeout(250);
    }
    assert.deepEqual(seen, offsets, `cells named "${name}"`);
  }

  it('injects with relocation through the dialogs (summary, relocation, apply) and saves: the name moves with the sprite', async () => {
    await wb.quickOpen('spritepal-demo.sfc');
    await wb.webview().locator('.cell[data-state="ready"]').first().waitFor({ timeout: 60_000 });
    const r = await injectThroughDialogs({ name: sprite.name }, file('edited.png'));
    assert.equal(r.relocated, true, 'noise does not fit in place: the user is asked');
    assert.match(r.summary, /Relocated to/);
    assert.match(r.summary, /Pointers updated/);
    await wb.page.locator('.tab.dirty', { hasText: 'spritepal-demo.sfc' }).waitFor();
    await save('spritepal-demo.sfc');
    await until('the saved block move', () => movesSaved().length === 1);
    const [move] = movesSaved();
    assert.equal(move!.from, sprite.romOffset);
    assert.notDeepEqual(readFileSync(file('spritepal-demo.sfc')), Buffer.from(rom));
    assert.ok(existsSync(file('.spritepal/roms.json')), 'the identity of the edited ROM is remembered');
    await expectNamed(sprite.name, [move!.to]);
  });

  it('undo and save: the name is back at the old address, the file is the original again', async () => {
    await focusTab('spritepal-demo.sfc');
    await wb.page.keyboard.press('Control+Z');
    await wb.page.locator('.tab.dirty', { hasText: 'spritepal-demo.sfc' }).waitFor();
    await expectNamed(sprite.name, [sprite.romOffset]);
    await save('spritepal-demo.sfc');
    await until('the move to be dropped', () => movesSaved().length === 0);
    assert.deepEqual(readFileSync(file('spritepal-demo.sfc')), Buffer.from(rom));
  });

  it('redo, save, close, reopen: every name and palette is there and the moved sprite keeps its name', async () => {
    await focusTab('spritepal-demo.sfc');
    await wb.page.keyboard.press('Control+Shift+Z');
    await wb.page.locator('.tab.dirty', { hasText: 'spritepal-demo.sfc' }).waitFor();
    await save('spritepal-demo.sfc');
    await until('the saved block move', () => movesSaved().length === 1);
    const [move] = movesSaved();
    await wb.page.keyboard.press('Control+K');
    await wb.page.keyboard.press('W');
    await wb.page.locator('.tab', { hasText: 'spritepal-demo.sfc' }).waitFor({ state: 'detached' });
    await wb.quickOpen('spritepal-demo.sfc');
    const view = wb.webview();
    await view.locator('.cell[data-state="ready"]').first().waitFor({ timeout: 60_000 });
    await chooseOption(view.locator('#gallery-kind'), 'Named only');
    await view.locator('#gallery-count', { hasText: new RegExp(`^${named} (of \\d+ )?blocks`) }).waitFor({ timeout: 30_000 });
    await expectNamed(sprite.name, [move!.to]);
    // Its own palette (Auto = the catalog's), not grayscale.
    await view.locator('#gallery-search').locator('input').fill(sprite.name);
    await view.locator(`#cell-${move!.to}[data-state="ready"]`).waitFor({ timeout: 30_000 });
    const allowed = new Set(Array.from(readBgr555(rom, sprite.paletteRomOffset, 16), (c) => bgr555ToRgb(c).join(',')));
    const { colours } = await canvasColours(view.locator(`#cell-${move!.to} canvas`));
    assert.ok(colours.length >= 3, colours.join(' '));
    for (const c of colours) assert.ok(allowed.has(c), `${c} is one of ${sprite.name}'s palette colours`);
    await wb.screenshot('e2e-session-reopened');
    await view.locator('#gallery-search').locator('input').fill('');
    await chooseOption(view.locator('#gallery-kind'), 'All blocks');
  });

  // A copy with another checksum is another ROM to the catalog (no names): targets are typed in.
  it('save after two edits, undo one, make a new one, then the file changes on disk: dirty, and the user is asked', async () => {
    await wb.quickOpen('dirty.sfc');
    const view = wb.webview();
    await view.locator('[data-tab="header"]').click({ timeout: 60_000 });
    await view.locator('#fix-checksum').click();
    await view.locator('#rom-checksum', { hasText: 'is valid' }).waitFor();
    await view.locator('[data-tab="sprites"]').click();
    await injectThroughDialogs({ address: hex(sprite.romOffset) }, file('edited.png'));
    await save('dirty.sfc');
    const saved = readFileSync(file('dirty.sfc'));
    await focusTab('dirty.sfc');
    await wb.page.keyboard.press('Control+Z');
    await wb.page.locator('.tab.dirty', { hasText: 'dirty.sfc' }).waitFor();
    await injectThroughDialogs({ address: hex(other.romOffset) }, file('other.png'));
    // Two edits in the history as at the save, but not the saved ones: still dirty.
    await wb.page.waitForTimeout(500);
    assert.equal(await wb.page.locator('.tab.dirty', { hasText: 'dirty.sfc' }).count(), 1, 'VS Code shows the document dirty');
    // An assembler rewrites the ROM.
    const outside = Buffer.from(saved); // a copy (Buffer.slice would share the bytes)
    // Inside a third sprite's data: no edit here writes there (relocations go to free space only).
    const untouched = layout.sprites.find((s) => s !== sprite && s !== other)!.romOffset + 1;
    outside[untouched] ^= 0xff;
    writeFileSync(file('dirty.sfc'), outside);
    const toast = wb.page.locator('.notification-toast', { hasText: 'dirty.sfc changed on disk, and you have unsaved changes' });
    await toast.waitFor({ timeout: 30_000 });
    await wb.screenshot('e2e-session-changed-on-disk');
    await toast.locator('.monaco-button', { hasText: 'Keep Mine' }).click();
    assert.equal(await wb.page.locator('.tab.dirty', { hasText: 'dirty.sfc' }).count(), 1, 'the edits are kept');
    // Saving now writes the document, the new edit included, over the outside change (the user's choice).
    await save('dirty.sfc');
    const written = readFileSync(file('dirty.sfc'));
    assert.equal(written[untouched], saved[untouched], 'what is saved is the document, not what the assembler wrote');
    assert.notDeepEqual(
      written.subarray(other.romOffset, other.romOffset + other.consumed),
      Buffer.from(rom.subarray(other.romOffset, other.romOffset + other.consumed)),
      'the new edit is in it',
    );
  });

  it('a file that is not a ROM opens to an error page with the reason and Reopen With...', async () => {
    await wb.quickOpen('garbage.sfc');
    const view = wb.webview();
    await view.locator('#reason').waitFor({ timeout: 60_000 });
    assert.match((await view.locator('#reason').textContent()) ?? '', /garbage\.sfc is 1000 bytes: a SNES ROM is at least 32 KiB/);
    assert.match((await view.locator('#log-line').textContent()) ?? '', /cannot open .*garbage\.sfc as a ROM/);
    await wb.screenshot('e2e-not-a-rom');
    await view.locator('#reopen').click();
    // VS Code's "Reopen Editor With..." picker lists the other editors.
    await wb.page.locator('.quick-input-list .monaco-list-row', { hasText: 'Text Editor' }).first().waitFor({ timeout: 30_000 });
    await wb.page.keyboard.press('Escape');
  });
});
