/**
 * Start-up (issue 19): a command loads only its own code, and `scan --jobs auto` decides between
 * the main thread and workers by ROM size. (The timings are in the `cli` bench group.)
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildDemoRom } from '../../../src/core/demo/demo-rom';
import { AUTO_WORKERS_FROM, jobsOption, workersFor } from '../../../src/cli/scan-runner';
import { UsageError } from '../../../src/cli/command';

const cliModule = resolve(__dirname, '..', '..', '..', 'src', 'cli.js');

/** The modules of this build a fresh process has loaded after running `args`. */
function modulesAfter(args: string[]): string[] {
  const code = `require(${JSON.stringify(cliModule)}).main(${JSON.stringify(args)}, { stdout() {}, stderr(t) { process.stderr.write(t); }, stderrIsTTY: false, cwd: process.cwd() })
    .then((c) => { if (c) process.exit(c); process.stdout.write(JSON.stringify(Object.keys(require.cache))); })`;
  const loaded = JSON.parse(execFileSync(process.execPath, ['-e', code], { encoding: 'utf8' })) as string[];
  return loaded.filter((p) => p.includes(`${join('out', 'src')}`)).map((p) => p.slice(p.indexOf(join('out', 'src'))));
}

describe('CLI start-up: each command loads only its own code', function () {
  this.timeout(30_000);
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'spritepal-startup-'));
    writeFileSync(join(dir, 'demo.sfc'), buildDemoRom());
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('--version loads the entry and the command list only; info adds the ROM reader, not the codec, scanner or benches', () => {
    const version = modulesAfter(['--version']);
    assert.ok(version.some((p) => p.endsWith(join('cli', 'commands', 'index.js'))));
    assert.ok(!version.some((p) => p.includes(join('cli', 'commands', 'info.js'))), version.join('\n'));
    for (const heavy of [join('core', 'rom'), join('core', 'hal'), join('core', 'scan')])
      assert.ok(!version.some((p) => p.includes(heavy)), `--version loaded ${heavy}`);
    const info = modulesAfter(['info', join(dir, 'demo.sfc')]);
    assert.ok(info.some((p) => p.endsWith(join('cli', 'commands', 'info.js'))));
    assert.ok(info.some((p) => p.includes(join('core', 'rom'))));
    for (const heavy of [
      join('core', 'hal'),
      join('core', 'scan'),
      join('core', 'session'),
      join('core', 'workers'),
      join('src', 'bench'),
      join('cli', 'commands', 'extract.js'),
    ]) {
      assert.ok(!info.some((p) => p.includes(heavy)), `info loaded ${heavy}`);
    }
  });

  it('scan --jobs auto: the main thread below the threshold, every core from it; n as given', () => {
    assert.equal(workersFor('auto', 512 * 1024, 2), 0);
    assert.equal(workersFor('auto', AUTO_WORKERS_FROM - 1, 8), 0);
    assert.equal(workersFor('auto', AUTO_WORKERS_FROM, 2), 2);
    assert.equal(workersFor('auto', AUTO_WORKERS_FROM, 1), 0, 'one core: workers only add start-up');
    assert.equal(workersFor(3, 1024, 2), 3);
    assert.equal(workersFor(0, 64 << 20, 2), 0);
    const args = (jobs?: string) => ({ values: { jobs }, positionals: [] });
    assert.equal(jobsOption(args()), 'auto');
    assert.equal(jobsOption(args('auto')), 'auto');
    assert.equal(jobsOption(args('0')), 0);
    assert.equal(jobsOption(args('4')), 4);
    assert.throws(() => jobsOption(args('two')), UsageError);
    assert.throws(() => jobsOption(args('999')), /from 0 \(main thread\) to 256/);
  });
});
