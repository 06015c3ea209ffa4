/**
 * CLI batches (issue 19): one process decodes, extracts or compresses many items; each output is
 * byte for byte what the single-item command writes; an item that fails mid-batch is reported,
 * the others are still written, and the exit code is non-zero.
 */
import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../support/cli';
import { buildDemoRom, demoRomLayout } from '../../../src/core/demo/demo-rom';
import { demoRomCatalog } from '../../../src/core/demo/demo-catalog';
import { romIdentity } from '../../../src/core/catalog/identity';
import { Rom } from '../../../src/core/rom';
import { bytesPerTile } from '../../../src/core/gfx/tiles';
import { decode } from '../../../src/core/hal';

const hex6 = (n: number) => n.toString(16).padStart(6, '0');

describe('CLI batches: decompress, extract --all, compress --out-dir', function () {
  this.timeout(60_000);
  let dir: string;
  let rom: string;
  const layout = demoRomLayout();
  const p = (...parts: string[]) => join(dir, ...parts);
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'spritepal-batch-'));
    rom = p('demo.sfc');
    writeFileSync(rom, buildDemoRom());
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('decompress --offset ... --out-dir writes <6 hex digits>.bin per block, equal to single runs', async () => {
    const picks = [layout.sprites[0]!, layout.sprites[7]!, layout.sprites[23]!];
    const args = picks.flatMap((s) => ['--offset', `0x${s.romOffset.toString(16)}`]);
    const r = await runCli(['decompress', rom, ...args, '--out-dir', p('blocks'), '--json']);
    assert.equal(r.code, 0, r.stderr);
    const rows = JSON.parse(r.stdout) as { offset: number; snes: string; consumed: number; size: number; out: string }[];
    assert.deepEqual(
      rows.map((x) => [x.offset, x.consumed, x.size, x.out]),
      picks.map((s) => [s.romOffset, s.consumed, s.size, p('blocks', `${hex6(s.romOffset)}.bin`)]),
    );
    assert.match(rows[0]!.snes, /^\$[0-9A-F]{2}:[0-9A-F]{4}$/);
    for (const s of picks) {
      const one = await runCli(['decompress', rom, '--offset', String(s.romOffset), '-o', p(`one-${s.index}.bin`)]);
      assert.equal(one.code, 0, one.stderr);
      assert.ok(readFileSync(p(`one-${s.index}.bin`)).equals(readFileSync(p('blocks', `${hex6(s.romOffset)}.bin`))), s.name);
    }
    // Without --json: one line per block.
    const lines = await runCli(['decompress', rom, ...args, '--out-dir', p('blocks2')]);
    assert.equal(lines.stdout.trimEnd().split('\n').length, picks.length);
  });

  it('decompress --from-scan writes every block of the demo ROM, each the decoded sheet', async () => {
    const r = await runCli(['decompress', rom, '--from-scan', '--out-dir', p('scan'), '--jobs', '0']);
    assert.equal(r.code, 0, r.stderr);
    const names = readdirSync(p('scan')).sort();
    const want = layout.sprites.map((s) => `${hex6(s.romOffset)}.bin`).sort();
    assert.deepEqual(names, want);
    const bytes = buildDemoRom();
    for (const s of layout.sprites) assert.ok(Buffer.from(decode(bytes, s.romOffset).data).equals(readFileSync(p('scan', `${hex6(s.romOffset)}.bin`))), s.name);
    assert.equal(r.stdout.trimEnd().split('\n').length, layout.sprites.length);
  });

  it('a failing block mid-batch is reported, the others are written, the exit code is 1', async () => {
    const [a, b] = [layout.sprites[2]!, layout.sprites[3]!];
    const bad = buildDemoRom().length - 1; // one byte before the end: a stream cannot end there
    const r = await runCli([
      'decompress',
      rom,
      '--offset',
      String(a.romOffset),
      '--offset',
      String(bad),
      '--offset',
      '$FF:FFFF',
      '--offset',
      String(b.romOffset),
      '--out-dir',
      p('partial'),
      '--json',
    ]);
    assert.equal(r.code, 1);
    const rows = JSON.parse(r.stdout) as { offset: number | null; error?: string; out?: string }[];
    assert.equal(rows.length, 4);
    assert.equal(rows[1]!.offset, bad);
    assert.match(rows[1]!.error!, /HAL stream: /);
    assert.equal(rows[2]!.offset, null);
    assert.ok(rows[2]!.error);
    assert.deepEqual(readdirSync(p('partial')).sort(), [`${hex6(a.romOffset)}.bin`, `${hex6(b.romOffset)}.bin`]);
    assert.match(r.stderr, new RegExp(`0x${bad.toString(16).toUpperCase().padStart(6, '0')}.*HAL stream`));
    assert.match(r.stderr, /2 of 4 blocks failed/);
    assert.match((await runCli(['decompress', rom, '--offset', '0', '--offset', '1', '-o', p('x.bin')])).stderr, /use --out-dir/);
  });

  it('extract --all writes every catalog sprite in its own palette, equal to single extracts', async () => {
    const r = await runCli(['extract', rom, '--all', '--out-dir', p('sprites'), '--jobs', '0', '--json']);
    assert.equal(r.code, 0, r.stderr);
    const rows = JSON.parse(r.stdout) as { offset: number; name: string | null; source: string; bpp: number; tiles: number; width: number; files: string[] }[];
    const catalog = demoRomCatalog().entries;
    assert.equal(rows.length, catalog.length); // the scan finds nothing the catalog does not name
    for (const e of catalog) {
      const row = rows.find((x) => x.offset === e.romOffset)!;
      assert.ok(row, e.name);
      assert.equal(row.source, 'bundled');
      const stem = e.name.replace(/[^\w.-]+/g, '_');
      assert.deepEqual(row.files, [p('sprites', `${stem}.png`), p('sprites', `${stem}.pal.json`), p('sprites', `${stem}.metadata.json`)]);
      const meta = JSON.parse(readFileSync(row.files[2]!, 'utf8'));
      assert.equal(meta.palettes['8'], `${stem}.pal.json`);
      assert.equal(meta.extraction.sprite_name, e.name);
      assert.equal(meta.extraction.tile_count, e.tiles);
      const pal = JSON.parse(readFileSync(row.files[1]!, 'utf8'));
      assert.equal(pal.palette.colors.length, 16);
      // The same sprite through the single-item command.
      const single = [
        'extract',
        rom,
        '--offset',
        String(e.romOffset),
        '--bpp',
        String(e.bpp),
        '--width',
        String(Math.min(e.widthTiles!, e.tiles!)),
        '--palette',
        `rom:${(e.palette as { romOffset: number }).romOffset}`,
        '-o',
        p(`single-${stem}.png`),
      ];
      if (e.kind === 'raw') single.push('--raw', '--length', String(e.tiles! * bytesPerTile(e.bpp)));
      const one = await runCli(single);
      assert.equal(one.code, 0, one.stderr);
      assert.ok(readFileSync(p(`single-${stem}.png`)).equals(readFileSync(row.files[0]!)), e.name);
    }
  });

  it('extract --all: a sprite that fails is reported, the others are written', async () => {
    // A workspace catalog adds an entry that cannot decode (its offset holds no stream) between good ones.
    const bytes = buildDemoRom();
    const { sha256 } = romIdentity(new Rom(bytes, 'demo.sfc'));
    const badOffset = bytes.length - 1;
    const catalog = {
      formatVersion: 1,
      roms: { [sha256]: { title: 'SPRITEPAL DEMO', checksum: null, entries: [{ name: 'Broken', romOffset: badOffset, kind: 'hal', bpp: 4 }] } },
    };
    writeFileSync(p('catalog.json'), JSON.stringify(catalog));
    const r = await runCli(['extract', rom, '--all', '--out-dir', p('partial-sprites'), '--catalog', p('catalog.json'), '--no-scan']);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /Broken: HAL stream/);
    assert.match(r.stderr, new RegExp(`1 of ${demoRomCatalog().entries.length + 1} sprites failed`));
    assert.equal(r.stdout.trimEnd().split('\n').length, demoRomCatalog().entries.length);
    assert.equal(existsSync(p('partial-sprites', 'Broken.png')), false);
    assert.equal(readdirSync(p('partial-sprites')).length, 3 * demoRomCatalog().entries.length);
    assert.match((await runCli(['extract', rom, '--all'])).stderr, /needs --out-dir/);
    assert.match((await runCli(['extract', rom, '--all', '--out-dir', p('z'), '--bpp', '2'])).stderr, /drop --bpp/);
    assert.match((await runCli(['extract', rom, '--offset', '0', '-o', p('z.png'), '--out-dir', p('z')])).stderr, /goes with --all/);
  });
});
