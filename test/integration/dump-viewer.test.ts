/**
 * The memory dump viewer in a real VS Code, on the real Kirby Super Star dumps from ../shared
 * (copied into the test workspace at test time; the suite skips when ../shared is absent).
 */
import * as assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as vscode from 'vscode';
import { parseOam } from '../../src/core/dumps/oam';
import { renderSpriteScreen } from '../../src/core/dumps/vram-sheet';
import { readCgram } from '../../src/core/gfx/palette';
import { bgr555ToRgb } from '../../src/core/gfx/color';
import type { DumpHostMessage } from '../../src/webviews/dump-protocol';
import { api, EXTENSION_ID, waitFor } from './helpers';

const DUMPS = ['Cave.SnesVideoRam.dmp', 'Cave.SnesCgRam.dmp', 'Cave.SnesSpriteRam.dmp'];

/** ../shared/fixtures/kss-mesen beside the repository root, or null. */
function kssDumps(): string | null {
  const root = vscode.extensions.getExtension(EXTENSION_ID)?.extensionPath;
  const candidates = [process.env.SPRITEPAL_SHARED, root ? resolve(root, '..', 'shared') : undefined];
  for (const c of candidates) if (c && existsSync(join(c, 'fixtures', 'kss-mesen', DUMPS[0]!))) return join(c, 'fixtures', 'kss-mesen');
  return null;
}

describe('memory dump viewer (extension host)', function () {
  let src = '';
  let folder = '';

  before(function () {
    const dir = kssDumps();
    if (!dir) {
      console.log('    (skipped: ../shared/fixtures/kss-mesen is not beside the project, so there are no real dumps to open)');
      this.skip();
    }
    src = dir!;
    const ws = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? mkdtempSync('/tmp/spritepal-it-');
    folder = mkdtempSync(join(ws, 'dumps-'));
  });

  /** Opens the Cave dump in the viewer and returns its document and a recorder for host messages. */
  async function openForProtocol() {
    const { dumps } = await api();
    const uri = vscode.Uri.file(join(folder, 'Cave.SnesVideoRam.dmp'));
    await vscode.commands.executeCommand('vscode.openWith', uri, 'spritepal.dumpViewer');
    const doc = await waitFor('the dump document', () => dumps.provider.documents.find((d) => d.uri.toString() === uri.toString()));
    const got: DumpHostMessage[] = [];
    const post = (m: DumpHostMessage) => void got.push(m);
    return { dumps, doc, got, post };
  }

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens Cave.SnesVideoRam.dmp with the viewer by default, finds its CGRAM and OAM by name and parses them', async () => {
    for (const f of DUMPS) copyFileSync(join(src, f), join(folder, f));
    const { dumps } = await api();
    const uri = vscode.Uri.file(join(folder, 'Cave.SnesVideoRam.dmp'));
    // Plain "open": the filename pattern makes the dump viewer the default editor.
    await vscode.commands.executeCommand('vscode.open', uri);
    const model = await waitFor('the dump viewer model', () => dumps.model(uri));
    assert.equal(dumps.model()?.uri.toString(), uri.toString(), 'the open viewer is the active one');

    assert.equal(model.vram.length, 0x10000);
    assert.equal(model.cgram?.uri.fsPath, join(folder, 'Cave.SnesCgRam.dmp'));
    assert.equal(model.cgram?.how, 'name');
    assert.equal(model.cgram?.problem, null);
    assert.equal(model.oam?.uri.fsPath, join(folder, 'Cave.SnesSpriteRam.dmp'));
    assert.equal(model.oam?.how, 'name');

    const oamBytes = new Uint8Array(readFileSync(join(src, 'Cave.SnesSpriteRam.dmp')));
    const expected = parseOam(oamBytes);
    assert.equal(model.entries?.length, 128);
    assert.deepEqual(model.entries, expected);

    // Kirby Super Star keeps its sprite tiles at byte 0xC000, and the dump says so.
    assert.equal(model.objBase, 0xc000);
    assert.ok(model.composite, 'a composite was drawn');
    assert.equal(model.composite.width, 256);
    assert.equal(model.composite.height, 224);
    assert.equal(model.composite.pixels.length, 256 * 224);
    assert.deepEqual(
      model.composite.drawn,
      expected.filter((e) => e.visible).map((e) => e.index),
    );
    assert.ok(model.composite.drawn.length > 0, 'some sprites were on screen');

    // The indexed composite, coloured with the CGRAM, is exactly the core's RGBA sprite screen.
    const cgramBytes = new Uint8Array(readFileSync(join(src, 'Cave.SnesCgRam.dmp')));
    const screen = renderSpriteScreen(new Uint8Array(readFileSync(join(src, 'Cave.SnesVideoRam.dmp'))), cgramBytes, expected, { base: model.objBase });
    const colors = readCgram(cgramBytes);
    const rgba = new Uint8ClampedArray(256 * 224 * 4);
    let opaque = 0;
    model.composite.pixels.forEach((i, p) => {
      if (i === 0) return;
      opaque++;
      rgba.set([...bgr555ToRgb(colors[i]!), 255], p * 4);
      assert.ok(i >= 128, `pixel ${p} uses a sprite palette (CGRAM index ${i})`);
    });
    assert.ok(opaque > 500, `${opaque} sprite pixels drawn`);
    assert.ok(Buffer.from(rgba).equals(Buffer.from(screen.rgba)), 'same pixels as renderSpriteScreen');
  });

  it('answers the webview protocol and ignores messages that break it', async () => {
    const { dumps, doc, got, post } = await openForProtocol();

    await dumps.provider.handleWebviewMessage(doc, { kind: 'request', id: 1, method: 'ready', params: {} }, post);
    await dumps.provider.handleWebviewMessage(doc, { kind: 'request', id: 2, method: 'tiles', params: { bpp: 4, widthTiles: 16 } }, post);
    await dumps.provider.handleWebviewMessage(doc, { kind: 'request', id: 3, method: 'composite', params: {} }, post);
    const [ready, tiles, composite] = got;
    assert.ok(ready?.kind === 'response' && ready.ok && ready.id === 1);
    const view = ready.result as import('../../src/webviews/dump-protocol').DumpView;
    assert.equal(view.cgram.name, 'Cave.SnesCgRam.dmp');
    assert.equal(view.oam.name, 'Cave.SnesSpriteRam.dmp');
    assert.equal(view.palettes?.length, 16);
    assert.equal(view.entries?.length, 128);
    assert.ok(tiles?.kind === 'response' && tiles.ok && tiles.id === 2);
    const t = tiles.result as { width: number; height: number; tiles: number; pixels: Uint8Array };
    assert.deepEqual([t.width, t.height, t.tiles, t.pixels.length], [128, 1024, 2048, 128 * 1024]);
    assert.ok(composite?.kind === 'response' && composite.ok && composite.id === 3);
    assert.equal((composite.result as { width: number }).width, 256);

    const before = dumps.provider.protocolViolations;
    got.length = 0;
    for (const raw of [
      null,
      'ready',
      { kind: 'request', id: 4, method: 'eval', params: {} },
      { kind: 'request', id: 5, method: 'tiles', params: { bpp: 3, widthTiles: 16 } },
    ]) {
      await dumps.provider.handleWebviewMessage(doc, raw, post);
    }
    // Requests that name an id are answered with the refusal (their sender must not wait forever); the rest get nothing.
    assert.deepEqual(
      got.map((m) => m.kind === 'response' && !m.ok && /^refused: /.test(m.error) && m.id),
      [4, 5],
      'only the refusals are answered',
    );
    assert.equal(dumps.provider.protocolViolations, before + 4, 'every bad message is counted');
  });

  it('applies OBSEL settings from the webview: sprite sizes, name select, a chosen base, then back to found', async () => {
    const { dumps, doc, got, post } = await openForProtocol();
    const vram = new Uint8Array(readFileSync(join(src, 'Cave.SnesVideoRam.dmp')));
    const cgramBytes = new Uint8Array(readFileSync(join(src, 'Cave.SnesCgRam.dmp')));
    const oamBytes = new Uint8Array(readFileSync(join(src, 'Cave.SnesSpriteRam.dmp')));
    const colors = readCgram(cgramBytes);
    const drawnAs = (settings: { base: number; nameSelect: number }, sizeMode: number) => {
      const screen = renderSpriteScreen(vram, cgramBytes, parseOam(oamBytes, { sizeMode }), settings);
      const rgba = new Uint8ClampedArray(256 * 224 * 4);
      doc.model.composite!.pixels.forEach((i, p) => i && rgba.set([...bgr555ToRgb(colors[i]!), 255], p * 4));
      return Buffer.from(rgba).equals(Buffer.from(screen.rgba));
    };

    // Size mode 3 (16x16 / 32x32), tiles 256-511 at base + 0x4000, the base chosen by hand.
    await dumps.provider.handleWebviewMessage(doc, { kind: 'request', id: 1, method: 'setObsel', params: { sizeMode: 3, nameSelect: 1, base: 0x8000 } }, post);
    const r = got[0];
    assert.ok(r?.kind === 'response' && r.ok, JSON.stringify(r));
    const view = r.result as import('../../src/webviews/dump-protocol').DumpView;
    assert.deepEqual(view.obsel, { sizeMode: 3, nameSelect: 1, base: 0x8000 });
    assert.equal(view.objBase, 0x8000);
    assert.equal(view.objBaseDetected, false);
    for (const e of view.entries!) assert.deepEqual([e.width, e.height], e.large ? [32, 32] : [16, 16]);
    assert.ok(drawnAs({ base: 0x8000, nameSelect: 1 }, 3), 'the composite follows the settings');

    // Back to the found base: Kirby Super Star's 0xC000 again.
    got.length = 0;
    await dumps.provider.handleWebviewMessage(doc, { kind: 'request', id: 2, method: 'setObsel', params: { sizeMode: 0, nameSelect: 0, base: null } }, post);
    const back = got[0];
    assert.ok(back?.kind === 'response' && back.ok);
    assert.equal((back.result as { objBase: number }).objBase, 0xc000);
    assert.ok(drawnAs({ base: 0xc000, nameSelect: 0 }, 0));

    // Out-of-range settings are protocol violations: refused (answered ok: false), counted, nothing changes.
    const before = dumps.provider.protocolViolations;
    const revision = doc.model.revision;
    got.length = 0;
    for (const params of [
      { sizeMode: 8, nameSelect: 0, base: null },
      { sizeMode: 0, nameSelect: 4, base: null },
      { sizeMode: 0, nameSelect: 0, base: 0x2000 },
      { sizeMode: 0, nameSelect: 0 },
    ]) {
      await dumps.provider.handleWebviewMessage(doc, { kind: 'request', id: 3, method: 'setObsel', params }, post);
    }
    assert.equal(got.length, 4);
    for (const r of got) assert.ok(r.kind === 'response' && !r.ok && /^refused: /.test(r.error), JSON.stringify(r));
    assert.equal(dumps.provider.protocolViolations, before + 4);
    assert.equal(doc.model.revision, revision);
  });

  it('still shows the tiles when CGRAM and OAM are missing, and says so', async () => {
    const lonely = join(folder, 'alone');
    mkdirSync(lonely, { recursive: true });
    copyFileSync(join(src, 'Cave.SnesVideoRam.dmp'), join(lonely, 'Cave.SnesVideoRam.dmp'));
    const { dumps } = await api();
    const uri = vscode.Uri.file(join(lonely, 'Cave.SnesVideoRam.dmp'));
    await vscode.commands.executeCommand('vscode.open', uri);
    const model = await waitFor('the dump viewer model', () => dumps.model(uri));
    assert.equal(model.cgram, null);
    assert.equal(model.oam, null);
    assert.equal(model.entries, null);
    assert.equal(model.composite, null);
    const doc = dumps.provider.documents.find((d) => d.uri.toString() === uri.toString())!;
    const view = doc.view();
    assert.deepEqual([view.cgram.name, view.oam.name, view.palettes, view.entries], [null, null, null, null]);
    assert.equal(doc.tiles(4, 16).tiles, 2048);
  });
});
