/**
 * The CLI under hostile input and concurrency (issue 18): each defect found by the adversarial
 * pass, as a regression test. Concurrent injects run as real, separate CLI processes.
 */
import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { decode } from '../../../src/core/hal';
import { decodeTiles } from '../../../src/core/gfx/tiles';
import { Rom } from '../../../src/core/rom/rom';
import { runCli } from '../../support/cli';
import { B, C, PIX_B, PIX_C, buildFixture, indexedPng, sheetPng } from '../inject/fixture';

const fx = buildFixture();
const ROOT = join(__dirname, '..', '..', '..', '..');
const hex = (n: number) => '0x' + n.toString(16);

function edited(pixels: Uint8Array, at: number[]): Uint8Array {
  const out = pixels.slice();
  for (const i of at) out[i] = 15 - out[i]!;
  return out;
}

/**
 * The CLI bundled as esbuild.mjs bundles it: the small entry cli.js plus one cli-<command>.js per
 * command module beside it (a process starts in ~0.1 s instead of loading out/ file by file).
 */
function bundleCli(dir: string): string {
  const commands = join(ROOT, 'src', 'cli', 'commands');
  const entryPoints: Record<string, string> = { cli: join(ROOT, 'src', 'cli.ts') };
  for (const f of readdirSync(commands)) {
    if (f.endsWith('.ts') && /^export const \w+Command: Command\b/m.test(readFileSync(join(commands, f), 'utf8')))
      entryPoints[`cli-${f.slice(0, -3)}`] = join(commands, f);
  }
  buildSync({ entryPoints, bundle: true, platform: 'node', format: 'cjs', target: 'node20', outdir: dir, logLevel: 'silent' });
  return join(dir, 'cli.js');
}

let CLI = '';

function runProcess(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [CLI, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    p.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    p.on('error', reject);
    p.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

describe('CLI hardening: concurrency, self-overwrite, unbounded reads, hostile names', function () {
  this.timeout(120_000);
  let bundleDir: string;
  before(() => {
    bundleDir = mkdtempSync(join(tmpdir(), 'spritepal-cli-bundle-'));
    CLI = bundleCli(bundleDir);
  });
  after(() => rmSync(bundleDir, { recursive: true, force: true }));
  let dir: string;
  let rom: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'spritepal-harden-'));
    rom = join(dir, 'game.sfc');
    writeFileSync(rom, fx.file);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('20 pairs of concurrent inject processes on one ROM: every edit reported written is in the file, or one is refused', async () => {
    const pixB = edited(PIX_B, [3, 99, 1000]);
    const pixC = edited(PIX_C, [5, 77, 300]);
    writeFileSync(join(dir, 'b.png'), sheetPng(pixB));
    writeFileSync(join(dir, 'c.png'), indexedPng(pixC));
    const tally = { both: 0, oneRefused: 0 };
    for (let round = 0; round < 20; round++) {
      writeFileSync(rom, fx.file);
      const [rb, rc] = await Promise.all([
        runProcess(['inject', 'game.sfc', '--offset', hex(B), '--image', 'b.png'], dir),
        runProcess(['inject', 'game.sfc', '--offset', hex(C), '--raw', '--length', '512', '--image', 'c.png'], dir),
      ]);
      const after = new Rom(new Uint8Array(readFileSync(rom)));
      const hasB = decodeTiles(decode(after.data, B).data, 4).every((v, i) => v === pixB[i]);
      const hasC = decodeTiles(after.data.subarray(C, C + 512), 4).every((v, i) => v === pixC[i]);
      for (const [r, has, what] of [
        [rb, hasB, 'B'],
        [rc, hasC, 'C'],
      ] as const) {
        if (r.code === 0) assert.ok(has, `round ${round}: inject ${what} printed "${r.stdout.trim()}" but its edit is not in the file (lost update)`);
        else {
          assert.match(
            r.stderr,
            /changed on disk while the injection was planned|ROM is being written by another process \(pid \d+\)/,
            `round ${round}: ${what} failed otherwise: ${r.stderr}`,
          );
          assert.ok(!has, `round ${round}: refused inject ${what} left its edit`);
        }
      }
      assert.ok(rb.code === 0 || rc.code === 0, `round ${round}: both refused`);
      if (rb.code === 0 && rc.code === 0) tally.both++;
      else tally.oneRefused++;
      assert.ok(after.checksum!.valid, `round ${round}: checksum`);
      assert.deepEqual(
        readdirSync(dir).filter((n) => n.endsWith('.tmp') || n.endsWith('-lock')),
        [],
        `round ${round}: no temp file or lock left`,
      );
    }
    assert.equal(tally.both + tally.oneRefused, 20);
  });

  it('refuses an -o that is the input, by name, through a symbolic link or a hard link; the ROM stays whole', async () => {
    symlinkSync(rom, join(dir, 'alias.sfc'));
    linkSync(rom, join(dir, 'hard.sfc'));
    for (const args of [
      ['extract', 'game.sfc', '--offset', hex(B), '-o', 'hard.sfc'],
      ['extract', 'game.sfc', '--offset', hex(B), '-o', 'game.sfc'],
      ['extract', 'game.sfc', '--offset', hex(B), '-o', 'alias.sfc'],
      ['decompress', 'game.sfc', '--offset', hex(B), '-o', 'game.sfc'],
      ['decompress', 'alias.sfc', '--offset', hex(B), '-o', join(dir, 'game.sfc')],
    ]) {
      // In process, and as the bundled CLI runs (the entry and each command are separate bundles).
      for (const r of [await runCli(args, dir), await runProcess(args, dir)]) {
        assert.equal(r.code, 1, args.join(' '));
        assert.match(r.stderr, /output ".*" is the input ".*"( \(through a link\))?: refusing to overwrite it, nothing was written/, args.join(' '));
        assert.deepEqual(new Uint8Array(readFileSync(rom)), fx.file, args.join(' '));
      }
    }
    writeFileSync(join(dir, 'b.png'), sheetPng(edited(PIX_B, [1])));
    const r = await runCli(['inject', 'game.sfc', '--offset', hex(B), '--image', 'b.png', '-o', 'b.png'], dir);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /output ".*b\.png" is the input "b\.png"/);
  });

  it('an in-place inject through a symbolic link writes the real ROM, keeps the link and says so', async () => {
    mkdirSync(join(dir, 'roms'));
    const real = join(dir, 'roms', 'real.sfc');
    writeFileSync(real, fx.file);
    symlinkSync(real, join(dir, 'link.sfc'));
    const pix = edited(PIX_B, [8, 9]);
    writeFileSync(join(dir, 'b.png'), sheetPng(pix));
    const r = await runCli(['inject', 'link.sfc', '--offset', hex(B), '--image', 'b.png'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /wrote .*roms\/real\.sfc \(through the symbolic link .*link\.sfc\)/);
    assert.ok(lstatSync(join(dir, 'link.sfc')).isSymbolicLink());
    assert.deepEqual(decodeTiles(decode(new Rom(new Uint8Array(readFileSync(real))).data, B).data, 4), pix);
    // -o naming the ROM through a link is the in-place mode too: locked, checked and backed up.
    const again = await runCli(['inject', 'roms/real.sfc', '--offset', hex(B), '--image', 'b.png', '-o', 'link.sfc'], dir);
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stdout, /unchanged.*nothing was written/);
  });

  it('refuses a FIFO and /dev/zero at once, as the ROM, the image and the palette', async function () {
    const fifo = join(dir, 'pipe.sfc');
    if (spawnSync('mkfifo', [fifo]).status !== 0) this.skip();
    writeFileSync(join(dir, 'b.png'), sheetPng(PIX_B));
    const cases: [string[], RegExp][] = [
      [['info', 'pipe.sfc'], /ROM "pipe\.sfc" is a named pipe \(FIFO\), not a file/],
      [['scan', 'pipe.sfc'], /named pipe/],
      [['extract', 'pipe.sfc', '--offset', '0', '-o', 'x.png'], /named pipe/],
      [['decompress', 'pipe.sfc'], /named pipe/],
      [['inject', 'pipe.sfc', '--offset', hex(B), '--image', 'b.png'], /named pipe/],
      [['inject', 'game.sfc', '--offset', hex(B), '--image', 'pipe.sfc'], /image "pipe\.sfc" is a named pipe/],
      [['extract', 'game.sfc', '--offset', hex(B), '--palette', 'cgram:pipe.sfc', '-o', 'x.png'], /CGRAM dump "pipe\.sfc" is a named pipe/],
      [['info', '/dev/zero'], /"\/dev\/zero" is a character device, not a file/],
    ];
    for (const [args, pattern] of cases) {
      const r = await runCli(args, dir); // a blocking open or an endless read would time the test out
      assert.equal(r.code, 1, args.join(' '));
      assert.match(r.stderr, pattern, args.join(' '));
    }
  });

  it('names a symbolic link loop as a loop, and prints one line for a bad --index', async () => {
    symlinkSync(join(dir, 'l2'), join(dir, 'l1'));
    symlinkSync(join(dir, 'l1'), join(dir, 'l2'));
    const loop = await runCli(['info', 'l1'], dir);
    assert.match(loop.stderr, /ROM "l1" is a symbolic link loop/);
    writeFileSync(join(dir, 'c.dmp'), new Uint8Array(512));
    for (const args of [
      ['palette', 'c.dmp', '--index', '-1', '-o', 'p.pal.json'],
      ['palette', 'c.dmp', '--index=-1', '-o', 'p.pal.json'],
    ]) {
      const r = await runCli(args, dir);
      assert.equal(r.code, 1);
      assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    }
  });

  it('strips terminal escapes from a .pal.json name before printing it', async () => {
    const evil = '\u001b]0;pwned\u0007\u001b[2JFire\u009b31m';
    writeFileSync(join(dir, 'p.pal.json'), JSON.stringify({ palette: { name: evil, colors: Array.from({ length: 16 }, (_, i) => [i * 16, 0, 0]) } }));
    const r = await runCli(['extract', 'game.sfc', '--offset', hex(B), '--palette', 'p.pal.json', '-o', 'x.png'], dir);
    assert.equal(r.code, 0, r.stderr);
    // eslint-disable-next-line no-control-regex
    assert.doesNotMatch(r.stdout, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    assert.match(r.stdout, /\]0;pwned\[2JFire31m \(p\.pal\.json\)/);
  });

  it('removes the temp files a killed run left beside its output, and keeps nothing of its own', async () => {
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
    const orphan = join(dir, `.out.png.spritepal-${dead}-0123ab.tmp`);
    writeFileSync(orphan, new Uint8Array(4096));
    const r = await runCli(['extract', 'game.sfc', '--offset', hex(B), '-o', 'out.png'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(existsSync(orphan), false);
    assert.deepEqual(readdirSync(dir).sort(), ['game.sfc', 'out.png']);
  });
});
