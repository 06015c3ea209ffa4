import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../support/cli';
import { makeRom } from '../../fixtures/roms';
import { decode, encode } from '../../../src/core/hal';
import { hexBytes, spriteSheet } from './helpers';

describe('CLI: compress and decompress', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'spritepal-hal-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));
  const p = (name: string) => join(dir, name);

  it('compress -o then decompress -o round-trips, with the documented JSON', async () => {
    const raw = spriteSheet(5000, 4);
    writeFileSync(p('tiles.bin'), raw);
    for (const level of ['optimal', 'greedy', 'fast']) {
      const c = await runCli(['compress', p('tiles.bin'), '-o', p(`tiles.${level}.hal`), '--level', level, '--json']);
      assert.equal(c.code, 0, c.stderr);
      const stream = readFileSync(p(`tiles.${level}.hal`));
      assert.deepEqual(JSON.parse(c.stdout), { size: 5000, compressed: stream.length, level });
      assert.ok(Buffer.from(encode(raw, { level: level as 'fast' })).equals(stream));
      const d = await runCli(['decompress', p(`tiles.${level}.hal`), '-o', p(`tiles.${level}.out`), '--json']);
      assert.equal(d.code, 0, d.stderr);
      assert.deepEqual(JSON.parse(d.stdout), { offset: 0, consumed: stream.length, size: 5000 });
      assert.ok(readFileSync(p(`tiles.${level}.out`)).equals(Buffer.from(raw)));
    }
    const text = await runCli(['compress', p('tiles.bin'), '-o', p('t.hal')]);
    assert.match(text.stdout, /5000 -> \d+ bytes \(\d+\.\d %, optimal\)/);
    const info = await runCli(['decompress', p('t.hal')]);
    assert.match(info.stdout, /Stream at 0x000000: \d+ bytes compressed, 5000 bytes decompressed\n/);
  });

  it('compress several inputs with --out-dir in one process', async () => {
    writeFileSync(p('a.bin'), spriteSheet(2048, 1));
    writeFileSync(p('b.dat'), new Uint8Array(3000).fill(7));
    const r = await runCli(['compress', p('a.bin'), p('b.dat'), '--out-dir', p('outdir/x'), '--level', 'greedy', '--json']);
    assert.equal(r.code, 0, r.stderr);
    const rows = JSON.parse(r.stdout) as { file: string; size: number; compressed: number; level: string }[];
    assert.equal(rows.length, 2);
    assert.deepEqual(
      rows.map((x) => [x.file, x.size, x.level]),
      [
        [p('a.bin'), 2048, 'greedy'],
        [p('b.dat'), 3000, 'greedy'],
      ],
    );
    assert.deepEqual(readdirSync(p('outdir/x')).sort(), ['a.hal', 'b.hal']);
    assert.equal(decode(readFileSync(p('outdir/x/b.hal'))).data.length, 3000);
    assert.equal(readFileSync(p('outdir/x/a.hal')).length, rows[0]!.compressed);
  });

  it('decompress at an offset: on-disk for plain files, any address form for a ROM', async () => {
    const stream = hexBytes('23 AA 42 12 34 FF');
    writeFileSync(p('blob.bin'), Buffer.concat([Buffer.alloc(0x20, 0x11), stream, Buffer.alloc(8, 0x22)]));
    const r = await runCli(['decompress', p('blob.bin'), '--offset', '0x20', '--json']);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout), { offset: 0x20, consumed: 6, size: 10 });
    const rom = makeRom({ mapping: 'lorom', size: 512 * 1024 });
    rom.set(stream, 0x10000);
    writeFileSync(p('game.sfc'), rom);
    const s = await runCli(['decompress', p('game.sfc'), '--offset', '$82:8000', '--json']);
    assert.equal(s.code, 0, s.stderr);
    assert.deepEqual(JSON.parse(s.stdout), { offset: 0x10000, consumed: 6, size: 10 });
    const t = await runCli(['decompress', p('game.sfc'), '--offset', '$82:8000']);
    assert.match(t.stdout, /Stream at 0x010000 \(\$82:8000\)/);
  });

  it('a malformed stream: a clear error naming what and where, non-zero exit, no output file', async () => {
    writeFileSync(p('bad.hal'), hexBytes('AA 02 01 02 03 C3 00 02 FF'));
    const r = await runCli(['decompress', p('bad.hal'), '--offset', '1', '-o', p('bad.out')]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /backwards copy reads before output index 0 at 0x000005 \(command 6, count 4, source 0x0002\)/);
    assert.equal(existsSync(p('bad.out')), false);
    writeFileSync(p('cut.hal'), hexBytes('23 AA'));
    const c = await runCli(['decompress', p('cut.hal'), '-o', p('cut.out')]);
    assert.equal(c.code, 1);
    assert.match(c.stderr, /input ends .* at 0x000002/);
    assert.equal(existsSync(p('cut.out')), false);
    const strict = await runCli(['decompress', p('bad.hal'), '--offset', '1', '--strict']);
    assert.equal(strict.code, 1);
    writeFileSync(p('ahead.hal'), hexBytes('01 0A 0B 83 00 05 FF'));
    assert.equal((await runCli(['decompress', p('ahead.hal')])).code, 0);
    assert.match((await runCli(['decompress', p('ahead.hal'), '--strict'])).stderr, /not written yet/);
    assert.match((await runCli(['decompress', p('ahead.hal'), '--offset', '0x100'])).stderr, /past the end/);
  });

  it('compress errors: limits, empty input, bad options; nothing written on failure', async () => {
    writeFileSync(
      p('rand.bin'),
      Uint8Array.from({ length: 400 }, (_, k) => (k * 97 + (k >> 3) * 31) & 0xff),
    );
    const tight = await runCli(['compress', p('rand.bin'), '-o', p('rand.hal'), '--max-size', '100']);
    assert.equal(tight.code, 1);
    assert.match(tight.stderr, /compressed stream is \d+ bytes, more than the limit of 100 bytes/);
    assert.equal(existsSync(p('rand.hal')), false);
    writeFileSync(p('empty.bin'), new Uint8Array(0));
    assert.match((await runCli(['compress', p('empty.bin'), '-o', p('e.hal')])).stderr, /empty input/);
    writeFileSync(p('huge.bin'), new Uint8Array(65537));
    assert.match((await runCli(['compress', p('huge.bin'), '-o', p('h.hal')])).stderr, /65537 bytes/);
    assert.match((await runCli(['compress', p('rand.bin'), '-o', p('x.hal'), '--level', 'best'])).stderr, /--level must be one of optimal, greedy, fast/);
    assert.match((await runCli(['compress', p('rand.bin'), p('a.bin'), '-o', p('x.hal')])).stderr, /need --out-dir/);
    assert.match((await runCli(['compress', p('rand.bin')])).stderr, /missing -o/);
    assert.match((await runCli(['compress', '-o', p('x.hal')])).stderr, /missing <raw>/);
    assert.match((await runCli(['compress', p('rand.bin'), '-o', p('x.hal'), '--out-dir', dir])).stderr, /not both/);
    writeFileSync(p('rand.dat'), new Uint8Array(10));
    assert.match((await runCli(['compress', p('rand.bin'), p('rand.dat'), '--out-dir', p('dup')])).stderr, /would both be written/);
    // A batch: the failing input is reported, the other is still written, the exit code says so.
    const multi = await runCli(['compress', p('empty.bin'), p('a.bin'), '--out-dir', p('multi')]);
    assert.equal(multi.code, 1);
    assert.match(multi.stderr, /empty\.bin: cannot compress empty input/);
    assert.match(multi.stderr, /1 of 2 files failed/);
    assert.deepEqual(decode(readFileSync(p('multi/a.hal'))).data, new Uint8Array(readFileSync(p('a.bin'))));
    assert.equal(existsSync(p('multi/empty.hal')), false);
    assert.equal(existsSync(p('x.hal')), false);
  });
});
