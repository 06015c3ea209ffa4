import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDemoRom, demoRomLayout } from '../../../src/core/demo/demo-rom';
import { formatSnes } from '../../../src/core/format';
import { makeScanTestRom } from '../../../src/core/scan';
import type { ScanRow } from '../../../src/cli/commands/scan';
import { runCli } from '../../support/cli';

describe('cli: spritepal scan', function () {
  this.timeout(60_000);
  let dir: string;
  const rom = makeScanTestRom({ size: 512 * 1024, blocks: 10, seed: 5 });
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'spritepal-scan-'));
    const file = new Uint8Array(512 + rom.data.length); // a 512-byte copier header in front
    file.set(rom.data, 512);
    writeFileSync(join(dir, 'game.smc'), file);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('prints a JSON array sorted by offset, with on-disk offsets and SNES addresses', async () => {
    const r = await runCli(['scan', 'game.smc', '--json', '--jobs', '1'], dir);
    assert.equal(r.code, 0, r.stderr);
    const rows = JSON.parse(r.stdout) as ScanRow[];
    assert.ok(Array.isArray(rows));
    for (let i = 1; i < rows.length; i++) assert.ok(rows[i - 1]!.offset < rows[i]!.offset);
    const byOffset = new Map(rows.map((x) => [x.offset, x]));
    for (const b of rom.blocks) {
      const row = byOffset.get(b.romOffset + 512);
      assert.ok(row, `block at ${b.romOffset} (file offset ${b.romOffset + 512})`);
      assert.equal(row.consumed, b.consumed);
      assert.equal(row.size, b.size);
      assert.equal(row.kind, 'hal');
      assert.ok(row.snes === null || /^\$[0-9A-F]{2}:[0-9A-F]{4}$/.test(row.snes), String(row.snes));
    }
  });

  it('gives SNES addresses and pointer-table slots when the ROM has a header (the demo ROM, LoROM)', async () => {
    const demo = buildDemoRom();
    const file = new Uint8Array(512 + demo.length);
    file.set(demo, 512);
    writeFileSync(join(dir, 'demo.smc'), file);
    const r = await runCli(['scan', 'demo.smc', '--json', '--jobs', '1'], dir);
    assert.equal(r.code, 0, r.stderr);
    const rows = JSON.parse(r.stdout) as ScanRow[];
    const sprite = demoRomLayout().sprites[1]!;
    const row = rows.find((x) => x.offset === sprite.romOffset + 512);
    assert.ok(row);
    assert.equal(row.snes, formatSnes(sprite.snes));
    // Every sheet, each with its slot in the pointer table (on-disk offset, header included).
    const layout = demoRomLayout();
    for (const s of layout.sprites) {
      const hit = rows.find((x) => x.offset === s.romOffset + 512);
      assert.equal(hit?.consumed, s.consumed, s.name);
      assert.equal(hit?.pointer, layout.pointerTable.romOffset + 3 * s.index + 512, s.name);
    }
  });

  it('prints a table without --json', async () => {
    const r = await runCli(['scan', 'game.smc', '--jobs', '1', '--min-tiles', '16'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /blocks? in .*game\.smc/);
    assert.match(r.stdout, /offset +snes/);
  });

  it('filters by --min-confidence (default strong) and prints confidence and reasons in --json', async () => {
    // The demo ROM holds one weak candidate besides its 44 sheets (all named by its pointer table).
    const n = demoRomLayout().sprites.length;
    const rows = async (...extra: string[]) => {
      const r = await runCli(['scan', 'demo.smc', '--json', '--jobs', '1', ...extra], dir);
      assert.equal(r.code, 0, r.stderr);
      return JSON.parse(r.stdout) as ScanRow[];
    };
    const byDefault = await rows();
    const pointer = await rows('--min-confidence', 'pointer');
    const weak = await rows('--min-confidence', 'weak');
    assert.equal(pointer.length, n);
    assert.ok(pointer.every((x) => x.confidence === 'pointer' && x.reasons[0]!.startsWith('named by a pointer table')));
    assert.ok(byDefault.every((x) => x.confidence !== 'weak'));
    assert.ok(weak.length > byDefault.length, 'weak hits only when asked');
    for (const x of weak) assert.ok(x.reasons.length > 0 && x.reasons.every((t) => typeof t === 'string' && t.length > 0));
    const table = await runCli(['scan', 'demo.smc', '--jobs', '1'], dir);
    assert.match(table.stdout, /less sure hits? not shown: --min-confidence weak/);
  });

  it('reports errors as one line', async () => {
    for (const args of [['scan', 'missing.smc'], ['scan', 'game.smc', '--jobs', 'many'], ['scan'], ['scan', 'game.smc', '--min-confidence', 'sure']]) {
      const r = await runCli(args, dir);
      assert.notEqual(r.code, 0);
      assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    }
  });
});
