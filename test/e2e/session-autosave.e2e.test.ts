/**
 * A whole hacking session in the served VS Code (the server `npm start` runs, packaged VSIX,
 * Chromium), done as a person does it, once with the workbench's own default settings (auto-save
 * after a delay: every edit is written about a second later) and once with auto-save off (edits
 * written when the user saves): open the demo ROM (its clean original is kept at once), inject a
 * sprite that must move, draw on another, let the edits reach the disk, read the Changes tab
 * (every row against the true original, the relocation with both addresses and both images),
 * create a BPS from the tab and check it rebuilds the edited ROM from a fresh copy of the
 * original, undo after the save and redo, close and reopen (the same rows, from the recorded
 * moves), and apply the patch as a new unsaved ROM: its own name, and the catalog's names where
 * the patch put the sprites (issue 26).
 */
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDemoRom, demoRomLayout } from '../../src/core/demo/demo-rom';
import { formatSnes } from '../../src/core/format';
import { decodeTiles } from '../../src/core/gfx/tiles';
import { decode } from '../../src/core/hal';
import { applyRomPatch, crc32, crcHex } from '../../src/core/patch';
import { offsetToSnes } from '../../src/core/rom/mapping';
import { indexedPng, noisyPixels } from '../unit/inject/fixture';
import { canvasColours } from './canvas';
import { freeAfter, waitFor } from './edit-helpers';
import { injectWithDialogs } from './inject-dialogs';
import { answerFileDialog, changesShown, drawStroke, offsetsNamed, openDetail, takeFocusedPick } from './session-helpers';
import { openWorkbench, type Workbench } from './workbench';

const ROM_NAME = 'spritepal-demo.sfc';
const PNG_NAME = 'noise.png';
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

for (const autoSave of [true, false]) {
  describe(`a hacking session, auto-save ${autoSave ? 'on (the default)' : 'off'} (packaged VSIX)`, function () {
    this.timeout(600_000);
    let wb: Workbench;
    const rom = buildDemoRom();
    const layout = demoRomLayout();
    const snes = (off: number) => formatSnes(offsetToSnes('lorom', off));
    // A small 4bpp sheet whose noise cannot fit in place: injecting it moves it.
    const moved = layout.sprites
      .filter((s) => s.bpp === 4 && s.tiles <= 32)
      .sort((a, b) => a.name.localeCompare(b.name))
      .find((s) => s.consumed + freeAfter(rom, s) < s.tiles * 32)!;
    // A 4bpp sheet with room after it: a stroke on it fits in place.
    const drawn = layout.sprites.find((s) => s.bpp === 4 && s.tiles >= 16 && s !== moved && freeAfter(rom, s) >= 1024)!;
    const row0 = decodeTiles(decode(rom, drawn.romOffset).data, 4, 1).subarray(0, 6);
    const fg = [5, 3, 7, 9].find((c) => row0.some((v) => v !== c))!;
    const kept = `.spritepal/originals/spritepal-demo-${sha(rom).slice(0, 12)}.sfc`;
    const originalLine = `the clean original ${kept} (CRC32 ${crcHex(crc32(rom))})`;
    let newOffset = -1;
    let rows: string[] = [];

    before(async () => {
      wb = await openWorkbench({
        // The default profile has auto-save on (the web workbench's afterDelay); nothing is set for it.
        settings: autoSave ? {} : { 'files.autoSave': 'off' },
        prepareWorkspace: (dir) => {
          writeFileSync(join(dir, ROM_NAME), rom);
          writeFileSync(join(dir, PNG_NAME), indexedPng(noisyPixels(moved.tiles, 16, 11), 16, moved.widthTiles));
          // A file with the name Apply Patch would give its result: the new document must get its own.
          writeFileSync(join(dir, 'spritepal-demo.patched.sfc'), rom);
        },
      });
    });
    afterEach(async function () {
      if (this.currentTest?.state !== 'failed') return;
      await wb?.screenshot(`failed-session-${autoSave ? 'autosave' : 'nosave'}-${this.currentTest.title.replace(/\W+/g, '-')}`);
      console.log(wb?.log().split('\n').slice(-30).join('\n'));
    });
    after(async () => wb?.close());

    const file = (name: string) => join(wb.workspace, name);
    const disk = () => new Uint8Array(readFileSync(file(ROM_NAME)));
    const movesSaved = (): { from: number; to: number }[] => {
      if (!existsSync(file('.spritepal/catalog.json'))) return [];
      const c = JSON.parse(readFileSync(file('.spritepal/catalog.json'), 'utf8')) as { roms: Record<string, { moves?: { from: number; to: number }[] }> };
      return Object.values(c.roms).flatMap((r) => r.moves ?? []);
    };
    const originalRecord = () =>
      (JSON.parse(readFileSync(file('.spritepal/originals.json'), 'utf8')) as { roms: Record<string, { path: string; sha256: string }> }).roms[ROM_NAME];
    const tab = () => wb.page.locator('.tab', { hasText: new RegExp(`^${escape(ROM_NAME)}`) }).first();
    const dirtyTab = () => wb.page.locator('.tab.dirty', { hasText: new RegExp(`^${escape(ROM_NAME)}`) });

    /**
     * The document's edits reach the disk: with auto-save by themselves (the tab is never left
     * dirty for long), without it when the user saves (the file is untouched until then).
     */
    async function editsReachDisk(): Promise<void> {
      const was = statSync(file(ROM_NAME)).mtimeMs;
      if (autoSave) {
        await waitFor('auto-save to write the edits', async () => statSync(file(ROM_NAME)).mtimeMs !== was && (await dirtyTab().count()) === 0, 30_000);
      } else {
        await wb.page.waitForTimeout(2500); // longer than auto-save's delay: nothing may be written
        assert.equal(statSync(file(ROM_NAME)).mtimeMs, was, 'with auto-save off nothing is written before a save');
        assert.equal(await dirtyTab().count(), 1, 'the tab shows unsaved edits');
        await tab().click();
        await wb.page.keyboard.press('Control+S');
        await waitFor('the save', async () => statSync(file(ROM_NAME)).mtimeMs !== was && (await dirtyTab().count()) === 0, 30_000);
      }
      // Nothing else is written after it (auto-save has nothing left to save).
      await wb.page.waitForTimeout(1500);
      assert.equal(await dirtyTab().count(), 0);
    }

    it('opens the demo ROM; its clean original is kept at once, before any edit', async () => {
      await wb.quickOpen(ROM_NAME);
      const view = wb.webview();
      await view.locator('.cell[data-state="ready"]').first().waitFor({ timeout: 60_000 });
      await waitFor('the clean original to be kept', async () => existsSync(file('.spritepal/originals.json')) && existsSync(file(kept)));
      assert.deepEqual(
        { ...originalRecord(), recordedAt: undefined, size: undefined },
        { path: kept, sha256: sha(rom), recordedAt: undefined, size: undefined },
      );
      assert.equal(sha(readFileSync(file(kept))), sha(rom), 'the kept copy is the ROM as opened');
      await view.locator('.gallery[data-scan="done"]').waitFor({ timeout: 120_000 });
    });

    it('injects a sprite that must move and draws on another; the edits reach the disk; backups and the original are right', async () => {
      const injected = await injectWithDialogs(wb, { name: moved.name }, file(PNG_NAME));
      assert.equal(injected.relocated, true, 'noise does not fit in place: the user is asked to relocate');
      const { view, zoom } = await openDetail(wb, drawn.name, drawn.romOffset, true);
      await drawStroke(wb.page, view, zoom, fg, [0, 0], [5, 0]);
      await view.locator('#detail-close').click();
      await editsReachDisk();
      await waitFor('the saved block move', async () => movesSaved().length === 1);
      [{ to: newOffset }] = movesSaved();
      assert.deepEqual(movesSaved(), [{ from: moved.romOffset, to: newOffset }]);
      // The first save's backup is the ROM before it; the original's record never moved from the pristine bytes.
      const backups = readdirSync(wb.workspace).filter((n) => n.startsWith(`${ROM_NAME}.bak-`));
      const first = backups.filter((n) => n.endsWith('-original'));
      assert.equal(first.length, 1, backups.join(', '));
      assert.equal(sha(readFileSync(file(first[0]!))), sha(rom), 'the -original backup is the pristine ROM');
      assert.equal(originalRecord()!.sha256, sha(rom));
      assert.notEqual(sha(disk()), sha(rom));
    });

    it('lists every change against the true original, the relocation with both addresses and both images', async () => {
      const view = wb.webview();
      const shown = await changesShown(view, /against the clean original/);
      assert.match(shown.summary, new RegExp(`^\\d+ changes, \\d+ bytes, against ${escape(originalLine)}$`));
      rows = shown.labels;
      const relocation = rows.find((l) => l.startsWith(`${moved.name}: relocated ${snes(moved.romOffset)} → ${snes(newOffset)}, `));
      assert.ok(relocation, `a relocation row for ${moved.name}: ${rows.join(' | ')}`);
      assert.match(relocation, new RegExp(`, ${moved.consumed} → \\d+ B$`));
      assert.ok(
        rows.some((l) => l.startsWith(`${drawn.name}: `) && / in place|changed in place/.test(l)),
        `${drawn.name} changed in place: ${rows.join(' | ')}`,
      );
      assert.ok(rows.includes('checksum'), rows.join(' | '));
      await shown.table.locator('tr.change', { hasText: relocation }).click();
      await view.locator('#change-sprite[data-state="ready"]').waitFor({ timeout: 60_000 });
      const before = await canvasColours(view.locator('#change-before'));
      const after = await canvasColours(view.locator('#change-after'));
      for (const side of [before, after]) assert.ok(side.opaque > 0 && side.colours.length >= 3, JSON.stringify(side));
      const pixels = (id: string) => view.locator(id).evaluate((c: HTMLCanvasElement) => c.toDataURL());
      assert.notEqual(await pixels('#change-before'), await pixels('#change-after'));
      const captions = (await view.locator('#change-sprite figcaption').allTextContents()).join(' | ');
      assert.match(
        captions,
        new RegExp(`Before \\(original\\): ${moved.tiles} tiles, ${moved.consumed} B at ROM offset 0x0*${moved.romOffset.toString(16).toUpperCase()}`),
      );
      assert.match(captions, new RegExp(`After \\(this document\\): ${moved.tiles} tiles, \\d+ B at ROM offset 0x0*${newOffset.toString(16).toUpperCase()}`));
      await wb.screenshot(`e2e-session-changes-${autoSave ? 'autosave' : 'nosave'}`);
    });

    it('creates a BPS from the tab that turns a fresh copy of the original into the edited ROM', async () => {
      const view = wb.webview();
      await view.locator('#create-bps').click();
      assert.match(await answerFileDialog(wb.page, /Save the patch/, null), /spritepal-demo\.bps$/);
      await waitFor('the patch', async () => existsSync(file('spritepal-demo.bps')));
      const fresh = rom.slice();
      assert.equal(
        sha(applyRomPatch(fresh, new Uint8Array(readFileSync(file('spritepal-demo.bps')))).bytes),
        sha(disk()),
        'patched copy = the edited ROM on disk',
      );
    });

    it('undo after the save, then redo: the file and the Changes tab follow each', async () => {
      await tab().click();
      await wb.page.keyboard.press('Control+Z'); // the stroke
      await editsReachDisk();
      const undone = await changesShown(wb.webview(), /against the clean original/);
      assert.deepEqual(
        undone.labels,
        rows.filter((l) => !l.startsWith(`${drawn.name}: `)),
        'the stroke undone: its row is gone, the rest stay',
      );
      await tab().click();
      await wb.page.keyboard.press('Control+Shift+Z');
      await editsReachDisk();
      assert.deepEqual((await changesShown(wb.webview(), /against the clean original/)).labels, rows);
      assert.equal(sha(applyRomPatch(rom, new Uint8Array(readFileSync(file('spritepal-demo.bps')))).bytes), sha(disk()), 'the patch still rebuilds the file');
    });

    it('after closing and reopening the ROM, the Changes tab lists the same rows from the recorded moves', async () => {
      await tab().click();
      await wb.page.keyboard.press('Control+K');
      await wb.page.keyboard.press('W');
      await tab().waitFor({ state: 'detached' });
      await wb.quickOpen(ROM_NAME);
      const view = wb.webview();
      await view.locator('.cell[data-state="ready"]').first().waitFor({ timeout: 60_000 });
      const again = await changesShown(view, new RegExp(`against ${escape(originalLine)}$`));
      assert.deepEqual(again.labels, rows);
      const relocation = rows.find((l) => l.startsWith(`${moved.name}: relocated`))!;
      await again.table.locator('tr.change', { hasText: relocation }).click();
      await view.locator('#change-sprite[data-state="ready"]').waitFor({ timeout: 60_000 });
      assert.ok((await canvasColours(view.locator('#change-before'))).colours.length >= 3, 'the sprite before, from the original');
    });

    it('applies the patch as a new unsaved ROM with its own name, the catalog names where the patch put the sprites', async () => {
      await wb.runCommand('SpritePal: Apply Patch...');
      await answerFileDialog(wb.page, /Choose the patch/, file('spritepal-demo.bps'));
      await takeFocusedPick(wb.page, 'Apply spritepal-demo.bps to which ROM?', /Clean original of spritepal-demo\.sfc.*this patch's source/);
      await takeFocusedPick(wb.page, /where should the result go/, 'Open as a New Unsaved ROM');
      // spritepal-demo.patched.sfc exists in the folder: the new document is named otherwise.
      await wb.page.locator('.tab.active.dirty', { hasText: 'spritepal-demo.patched-2.sfc' }).waitFor({ timeout: 60_000 });
      const view = wb.webview();
      await view.locator(`#cell-${newOffset}[data-state="ready"]`).waitFor({ timeout: 60_000 });
      assert.equal(await view.locator(`#cell-${newOffset} .name`).textContent(), moved.name, 'the moved sprite is named at its new place');
      assert.deepEqual(await offsetsNamed(view, moved.name), [newOffset], 'and nowhere else');
      await view.locator(`#cell-${drawn.romOffset}[data-state="ready"]`).waitFor({ timeout: 60_000 });
      assert.equal(await view.locator(`#cell-${drawn.romOffset} .name`).textContent(), drawn.name);
      assert.equal(await view.locator('.cell.catalog[data-state="error"]').count(), 0, 'no catalog name on a freed slot');
      await wb.screenshot(`e2e-session-untitled-${autoSave ? 'autosave' : 'nosave'}`);
      // Nothing was written for it (it is unsaved).
      assert.equal(existsSync(file('spritepal-demo.patched-2.sfc')), false);
    });
  });
}
