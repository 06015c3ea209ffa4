/**
 * Killing the process during a save leaves the old or the new file whole: a child Node process
 * saves a large ROM with writeFileAtomic in a loop (alternating two contents), and is killed with
 * SIGKILL at varied moments; after each kill the file, and every file under a backup name, must
 * equal one of the two exactly. Each new child recovers the lock the killed one left (dead pid).
 */
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { noise } from './fixture';

const CHILD = `
const { writeFileAtomic } = require(process.argv[2]);
const fs = require('node:fs');
const [path, a, b] = process.argv.slice(3);
const contents = [fs.readFileSync(b), fs.readFileSync(a)];
process.stdout.write('r');
(async () => {
  for (let i = 0; ; i++) {
    await writeFileAtomic(path, contents[i % 2], { keepBackups: 1 });
    process.stdout.write('s');
  }
})();
`;

describe('inject: atomic save survives SIGKILL', function () {
  this.timeout(30000);
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'spritepal-kill-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('leaves either the old or the new file, whole, after every kill', async () => {
    const a = new Uint8Array(4 * 1024 * 1024);
    noise(a, 0, a.length, 11);
    const b = new Uint8Array(4 * 1024 * 1024 + 512);
    noise(b, 0, b.length, 12);
    const aPath = join(dir, 'a.bin');
    const bPath = join(dir, 'b.bin');
    writeFileSync(aPath, a);
    writeFileSync(bPath, b);
    const child = join(dir, 'child.js');
    writeFileSync(child, CHILD);
    const module = join(__dirname, '..', '..', '..', 'src', 'core', 'io', 'atomic-file.js');
    const rom = join(dir, 'big.sfc');
    writeFileSync(rom, a);
    const seen = { a: 0, b: 0 };
    for (let round = 0; round < 12; round++) {
      const saves = round % 3; // kill before the first save ends, after one, after two
      const delay = (round * 7) % 13; // then a varied moment inside the next save
      await new Promise<void>((resolve, reject) => {
        const proc = spawn(process.execPath, [child, module, rom, aPath, bPath], { stdio: ['ignore', 'pipe', 'pipe'] });
        let out = '';
        let armed = false;
        let err = '';
        proc.stderr.on('data', (d: Buffer) => (err += d.toString()));
        proc.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          const done = out.split('s').length - 1;
          if (!armed && out.startsWith('r') && done >= saves) {
            armed = true;
            setTimeout(() => proc.kill('SIGKILL'), delay);
          }
        });
        proc.on('error', reject);
        proc.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`child exited ${code}: ${err}`))));
      });
      const now = new Uint8Array(readFileSync(rom));
      const isA = now.length === a.length && Buffer.compare(now, a) === 0;
      const isB = now.length === b.length && Buffer.compare(now, b) === 0;
      assert.ok(isA || isB, `round ${round}: the file is ${now.length} bytes and equals neither version`);
      seen[isA ? 'a' : 'b']++;
      // No partial file under a backup name: a backup is copied to a temp file and renamed.
      for (const name of readdirSync(dir).filter((n) => n.startsWith('big.sfc.bak-'))) {
        const bak = readFileSync(join(dir, name));
        assert.ok(
          Buffer.compare(bak, a) === 0 || Buffer.compare(bak, b) === 0,
          `round ${round}: backup ${name} is ${bak.length} bytes and equals neither version`,
        );
      }
    }
    assert.equal(seen.a + seen.b, 12);
  });
});
