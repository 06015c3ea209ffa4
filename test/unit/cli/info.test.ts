import * as assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../support/cli';
import { makeRom, referenceChecksum } from '../../fixtures/roms';
import { buildDemoDumps } from '../../../src/core/demo/demo-dumps';
import { Rom } from '../../../src/core/rom';

describe('CLI: info, demo, help', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'spritepal-cli-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('lists the commands with --help and explains one with <cmd> --help', async () => {
    const all = await runCli(['--help']);
    assert.equal(all.code, 0);
    for (const c of ['info', 'demo', 'bench']) assert.match(all.stdout, new RegExp(`^  ${c}\\s`, 'm'));
    const one = await runCli(['info', '--help']);
    assert.equal(one.code, 0);
    assert.match(one.stdout, /spritepal info <rom> \[--json\]/);
    assert.equal((await runCli([])).code, 1);
    assert.match((await runCli(['--version'])).stdout, /spritepal \d+\.\d+\.\d+/);
  });

  it('info --json prints the documented fields for a copier-headered LoROM with a bad checksum', async () => {
    const file = join(dir, 'game.smc');
    const bytes = makeRom({ mapping: 'lorom', size: 1024 * 1024, copierHeader: true, wrongChecksum: true, title: 'MY GAME' });
    writeFileSync(file, bytes);
    const r = await runCli(['info', file, '--json']);
    assert.equal(r.code, 0, r.stderr);
    const j = JSON.parse(r.stdout);
    assert.equal(j.file, file);
    assert.equal(j.fileSize, bytes.length);
    assert.equal(j.copierHeader, true);
    assert.equal(j.romSize, 1024 * 1024);
    assert.equal(j.mapping, 'lorom');
    assert.equal(j.headerOffset, 0x7fc0);
    assert.equal(j.title, 'MY GAME');
    assert.equal(j.mapMode, 0x20);
    assert.equal(j.chipset, 0x02);
    assert.equal(j.romSizeCode, 10);
    assert.equal(j.ramSizeCode, 3);
    assert.equal(j.region, 1);
    assert.equal(j.regionName, 'North America');
    assert.equal(j.version, 2);
    assert.equal(j.checksum.valid, false);
    assert.equal(j.checksum.computed, referenceChecksum(bytes.subarray(512), 0x7fc0));
    assert.equal(typeof j.checksum.stored, 'number');
    assert.equal(typeof j.checksum.complement, 'number');
    assert.ok(Array.isArray(j.evidence) && j.evidence.every((e: unknown) => typeof e === 'string'));
  });

  it('info prints a readable summary', async () => {
    const file = join(dir, 'hi.sfc');
    writeFileSync(file, makeRom({ mapping: 'hirom', size: 512 * 1024, title: 'HI THERE' }));
    const r = await runCli(['info', 'hi.sfc'], dir);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /Title\s+"HI THERE"/);
    assert.match(r.stdout, /Mapping\s+hirom/);
    assert.match(r.stdout, /Checksum\s+0x[0-9A-F]{4} \/ complement 0x[0-9A-F]{4}: valid/);
  });

  it('fails with one clear line on stderr and a non-zero exit', async () => {
    const cases: [string[], RegExp][] = [
      [['info', join(dir, 'nope.sfc')], /^spritepal info: ROM ".*nope\.sfc" does not exist\n$/],
      [['info', dir], /is a directory, not a file/],
      [['info'], /missing <rom>/],
      [['info', '--bogus'], /Unknown option '--bogus'/],
      [['frobnicate'], /unknown command "frobnicate"/],
    ];
    writeFileSync(join(dir, 'small.sfc'), new Uint8Array(100));
    cases.push([['info', join(dir, 'small.sfc')], /small\.sfc is 100 bytes: a SNES ROM is at least 32 KiB/]);
    for (const [args, re] of cases) {
      const r = await runCli(args);
      assert.notEqual(r.code, 0, args.join(' '));
      assert.match(r.stderr, re);
      assert.equal(r.stderr.trim().split('\n').length, 1, 'one line, no stack trace');
    }
    const debug = await runCli(['info', join(dir, 'small.sfc'), '--debug']);
    assert.match(debug.stderr, /at /, '--debug shows the stack');
  });

  it('demo writes a valid LoROM the info command reads', async () => {
    mkdirSync(join(dir, 'out'), { recursive: true });
    const out = join(dir, 'out', 'demo.sfc');
    const r = await runCli(['demo', '-o', out, '--json']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(JSON.parse(r.stdout).file, out);
    const rom = new Rom(new Uint8Array(readFileSync(out)));
    assert.equal(rom.mapping, 'lorom');
    assert.equal(rom.checksum!.valid, true);
    assert.equal(rom.info().title, 'SPRITEPAL DEMO');
    assert.match((await runCli(['demo'])).stderr, /missing -o/);
  });

  it('demo --dumps also writes the scene dumps beside the ROM, named as Mesen names them', async () => {
    mkdirSync(join(dir, 'dumps'), { recursive: true });
    const out = join(dir, 'dumps', 'game.sfc');
    const r = await runCli(['demo', '-o', out, '--dumps', '--json']);
    assert.equal(r.code, 0, r.stderr);
    const names = ['game.SnesVideoRam.dmp', 'game.SnesCgRam.dmp', 'game.SnesSpriteRam.dmp'];
    assert.deepEqual(
      JSON.parse(r.stdout).dumps,
      names.map((n) => join(dir, 'dumps', n)),
    );
    const dumps = buildDemoDumps();
    assert.deepEqual(readFileSync(join(dir, 'dumps', names[0]!)), Buffer.from(dumps.vram));
    assert.deepEqual(readFileSync(join(dir, 'dumps', names[1]!)), Buffer.from(dumps.cgram));
    assert.deepEqual(readFileSync(join(dir, 'dumps', names[2]!)), Buffer.from(dumps.oam));
  });

  it('bench --only rom --quick --json prints figures for every target', async () => {
    const r = await runCli(['bench', '--only', 'rom', '--quick', '--json']);
    assert.equal(r.code, 0, r.stderr);
    const j = JSON.parse(r.stdout);
    for (const k of ['openRom4MiBMs', 'openRom32MiBMs', 'checksum4MiBMBps', 'checksum32MiBMBps']) assert.equal(typeof j.figures[k], 'number', k);
    assert.ok(j.rows.every((row: { group: string }) => row.group === 'rom'));
    const bad = await runCli(['bench', '--only', 'nope']);
    assert.match(bad.stderr, /unknown bench group "nope"/);
  });
});
