/**
 * `spritepal inject` inside a workspace records what an editor save records: a relocation's block
 * move in `.spritepal/catalog.json` (so catalog names follow the sprite) and the ROM's original in
 * `.spritepal/roms.json`. Real folders on disk, the demo ROM, a workspace catalog naming a sprite.
 */
import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  addEntry,
  DEMO_ROM_SHA256,
  emptyCatalog,
  entriesForRom,
  headerKey,
  loadCatalog,
  loadIdentityStore,
  movesFor,
  nodeCatalogFiles,
  resolveRomRecord,
  romIdentity,
  saveCatalog,
} from '../../../src/core/catalog';
import { romContentHash } from '../../../src/core/cache/rom-hash';
import { buildDemoRom, demoRomLayout } from '../../../src/core/demo/demo-rom';
import { Rom } from '../../../src/core/rom';
import { runCli } from '../../support/cli';
import { indexedPng, noisyPixels } from '../inject/fixture';

const layout = demoRomLayout();
const [s1, s2] = layout.sprites.filter((x) => x.bpp === 4 && x.tiles <= 64);
const hex = (n: number) => '0x' + n.toString(16);
const files = nodeCatalogFiles();

describe('CLI inject: the workspace catalog and ROM identity', function () {
  this.timeout(30000);
  let ws: string;
  let romPath: string;
  let catalogFile: string;
  let storeFile: string;

  beforeEach(async () => {
    ws = mkdtempSync(join(tmpdir(), 'spritepal-ws-'));
    mkdirSync(join(ws, 'roms'));
    romPath = join(ws, 'roms', 'demo.sfc');
    writeFileSync(romPath, buildDemoRom());
    catalogFile = join(ws, '.spritepal', 'catalog.json');
    storeFile = join(ws, '.spritepal', 'roms.json');
    const named = addEntry(emptyCatalog(), romIdentity(new Rom(buildDemoRom())), {
      name: 'Hero of the hack',
      romOffset: s1!.romOffset,
      kind: 'hal',
      bpp: 4,
      widthTiles: s1!.widthTiles,
    });
    await saveCatalog(files, catalogFile, named);
    writeFileSync(join(ws, 'big1.png'), indexedPng(noisyPixels(s1!.tiles), 16, s1!.widthTiles));
    writeFileSync(join(ws, 'big2.png'), indexedPng(noisyPixels(s2!.tiles, 16, 11), 16, s2!.widthTiles));
  });
  afterEach(() => rmSync(ws, { recursive: true, force: true }));

  const inject = (offset: number, png: string, ...more: string[]) =>
    runCli(['inject', 'roms/demo.sfc', '--offset', hex(offset), '--image', png, '--relocate', '--json', ...more], ws);

  /** What the editor shows on opening the ROM: identity from roms.json, entries at the moved offsets. */
  async function opened(path = romPath) {
    const rom = new Rom(new Uint8Array(readFileSync(path)));
    const rec = await resolveRomRecord(files, ws, path, rom, romContentHash(rom.data), { strict: true });
    const workspace = await loadCatalog(files, catalogFile);
    return { rec, entries: entriesForRom(romIdentity(rom, rec.identity.original), { workspace, moves: rec.baseMoves }) };
  }

  it('a relocation found from the ROM folder up: the move in catalog.json, the original in roms.json, the name at the new offset', async () => {
    const r = await inject(s1!.romOffset, 'big1.png');
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout) as { relocated: boolean; offset: number; catalog: Record<string, unknown> };
    assert.equal(out.relocated, true);
    const move = { from: s1!.romOffset, to: out.offset };
    assert.deepEqual(out.catalog, {
      workspace: ws,
      rom: 'roms/demo.sfc',
      original: DEMO_ROM_SHA256,
      moves: [move],
      catalogFile,
      catalogWritten: true,
      identityFile: storeFile,
      identityWritten: true,
    });

    assert.deepEqual(movesFor(await loadCatalog(files, catalogFile), DEMO_ROM_SHA256), [move]);
    const store = await loadIdentityStore(files, storeFile);
    const edited = new Rom(new Uint8Array(readFileSync(romPath)));
    assert.deepEqual(store.files['roms/demo.sfc'], { header: headerKey(edited), original: DEMO_ROM_SHA256, current: romContentHash(edited.data) });

    const { rec, entries } = await opened();
    assert.equal(rec.identity.original, DEMO_ROM_SHA256);
    assert.equal(entries.find((e) => e.name === 'Hero of the hack')?.romOffset, out.offset, 'the name followed the sprite');
    assert.ok(
      entries.every((e) => e.romOffset !== s1!.romOffset),
      'the freed offset keeps no name',
    );
  });

  it('a second inject into the edited ROM knows its original and adds its move after the first', async () => {
    const a = await inject(s1!.romOffset, 'big1.png');
    assert.equal(a.code, 0, a.stderr);
    const b = await inject(s2!.romOffset, 'big2.png');
    assert.equal(b.code, 0, b.stderr);
    const first = { from: s1!.romOffset, to: (JSON.parse(a.stdout) as { offset: number }).offset };
    const second = { from: s2!.romOffset, to: (JSON.parse(b.stdout) as { offset: number }).offset };
    assert.deepEqual((JSON.parse(b.stdout) as { catalog: { original: string } }).catalog.original, DEMO_ROM_SHA256);
    assert.deepEqual(movesFor(await loadCatalog(files, catalogFile), DEMO_ROM_SHA256), [first, second]);
    const { entries } = await opened();
    assert.equal(entries.find((e) => e.name === 'Hero of the hack')?.romOffset, first.to);
    assert.equal(entries.find((e) => e.name === s2!.name)?.romOffset, second.to, 'the bundled name of the second sprite moved too');
  });

  it('a ROM put back to its original bytes (a build copying it afresh) starts its moves over', async () => {
    const a = await inject(s1!.romOffset, 'big1.png');
    assert.equal(a.code, 0, a.stderr);
    writeFileSync(romPath, buildDemoRom()); // `cp demo.sfc build/work.sfc`, the next build
    const b = await inject(s2!.romOffset, 'big2.png');
    assert.equal(b.code, 0, b.stderr);
    const second = { from: s2!.romOffset, to: (JSON.parse(b.stdout) as { offset: number }).offset };
    assert.deepEqual(movesFor(await loadCatalog(files, catalogFile), DEMO_ROM_SHA256), [second], 'the first build’s move is not in this ROM');
    const { entries } = await opened();
    assert.equal(entries.find((e) => e.name === 'Hero of the hack')?.romOffset, s1!.romOffset, 'not moved in this build: where it always was');
    assert.equal(entries.find((e) => e.name === s2!.name)?.romOffset, second.to);
  });

  it('a refused inject, or an unreadable catalog, changes neither the ROM nor .spritepal', async () => {
    const ok = await inject(s1!.romOffset, 'big1.png');
    assert.equal(ok.code, 0, ok.stderr);
    const snapshot = () => [romPath, catalogFile, storeFile].map((p) => readFileSync(p).toString('hex'));
    const before = snapshot();
    const refused = await runCli(['inject', 'roms/demo.sfc', '--offset', hex(s2!.romOffset), '--image', 'big2.png'], ws);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /--relocate/);
    assert.deepEqual(snapshot(), before);

    writeFileSync(catalogFile, '{ not json');
    const bad = await inject(s2!.romOffset, 'big2.png');
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /nothing was written.*--no-catalog/);
    assert.equal(readFileSync(romPath).toString('hex'), before[0]);
    assert.equal(readFileSync(catalogFile, 'utf8'), '{ not json');
    assert.equal(readFileSync(storeFile).toString('hex'), before[2]);
    // The same for a file holding the original's bytes (its moves are not read, the file still is).
    writeFileSync(romPath, buildDemoRom());
    const pristine = await inject(s2!.romOffset, 'big2.png');
    assert.equal(pristine.code, 1);
    assert.match(pristine.stderr, /nothing was written/);
    assert.deepEqual(new Uint8Array(readFileSync(romPath)), buildDemoRom());
  });

  it('--no-catalog records nothing; outside any workspace nothing is recorded; --workspace names the folder', async () => {
    const skip = await inject(s1!.romOffset, 'big1.png', '--no-catalog');
    assert.equal(skip.code, 0, skip.stderr);
    assert.equal((JSON.parse(skip.stdout) as { catalog: unknown }).catalog, null);
    assert.equal(existsSync(storeFile), false);
    assert.deepEqual(movesFor(await loadCatalog(files, catalogFile), DEMO_ROM_SHA256), []);

    // A folder with no .spritepal/ above it: the ROM is written, nothing else, nothing said.
    const bare = mkdtempSync(join(tmpdir(), 'spritepal-bare-'));
    try {
      writeFileSync(join(bare, 'demo.sfc'), buildDemoRom());
      writeFileSync(join(bare, 'big1.png'), readFileSync(join(ws, 'big1.png')));
      const args = ['inject', 'demo.sfc', '--offset', hex(s1!.romOffset), '--image', 'big1.png', '--relocate'];
      const plain = await runCli(args, bare);
      assert.equal(plain.code, 0, plain.stderr);
      assert.doesNotMatch(plain.stdout, /recorded|catalog/);
      assert.equal(existsSync(join(bare, '.spritepal')), false);

      // Told where the workspace is: recorded there, keyed by the file name (it lies outside).
      writeFileSync(join(bare, 'demo.sfc'), buildDemoRom());
      const told = await runCli([...args, '--workspace', ws], bare);
      assert.equal(told.code, 0, told.stderr);
      assert.match(told.stdout, /recorded 1 block move\(s\) in .*catalog\.json and the original of demo\.sfc in .*roms\.json/);
      assert.equal((await loadIdentityStore(files, storeFile)).files['demo.sfc']?.original, DEMO_ROM_SHA256);
      assert.equal(movesFor(await loadCatalog(files, catalogFile), DEMO_ROM_SHA256).length, 1);
    } finally {
      rmSync(bare, { recursive: true, force: true });
    }
  });
});
