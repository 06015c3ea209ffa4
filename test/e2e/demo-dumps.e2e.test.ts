/**
 * The dump viewer on memory dumps made from the demo ROM's sprites (original content, no game
 * data): always runs, and its screenshot is the one the README shows.
 */
import * as assert from 'node:assert/strict';
import { buildDemoDumps } from '../../src/core/demo/demo-dumps';
import { bgr555ToRgb } from '../../src/core/gfx/color';
import { readCgram } from '../../src/core/gfx/palette';
import { canvasColours } from './canvas';
import { writeDemoDumps } from './demo-workspace';
import { openWorkbench, type Workbench } from './workbench';

describe('memory dump viewer on the demo scene (packaged VSIX)', function () {
  this.timeout(240_000);
  let wb: Workbench | undefined;
  const dumps = buildDemoDumps();

  before(async () => {
    wb = await openWorkbench({
      prepareWorkspace: (dir) => {
        writeDemoDumps(dir, dumps);
      },
    });
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await wb?.screenshot(`failed-${this.currentTest.title.replace(/\W+/g, '-')}`);
  });
  after(async () => wb?.close());

  it('shows the VRAM tiles, the 12 sprites on screen in their own palettes, and the OAM table', async () => {
    await wb!.quickOpen('Demo.SnesVideoRam.dmp');
    const view = wb!.webview();
    await view.locator('#composite[data-ready="true"]').waitFor({ timeout: 60_000 });
    await view.locator('#vram-canvas[data-ready="true"]').waitFor();
    assert.match((await view.locator('#file-cgram').textContent()) ?? '', /Demo\.SnesCgRam\.dmp/);
    assert.match((await view.locator('#file-oam').textContent()) ?? '', /Demo\.SnesSpriteRam\.dmp/);
    const spriteColours = new Set(Array.from(readCgram(dumps.cgram).subarray(128), (c) => bgr555ToRgb(c).join(',')));
    const drawn = await canvasColours(view.locator('#composite'));
    assert.ok(drawn.opaque > 500, `${drawn.opaque} opaque pixels`);
    for (const c of drawn.colours) assert.ok(spriteColours.has(c), `${c} is a sprite palette colour`);
    await wb!.screenshot('e2e-dump-viewer-demo');
  });
});
