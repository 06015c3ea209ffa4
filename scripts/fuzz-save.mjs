// A long run of the save path under kill -9 and concurrency (issue 18): saves killed at random
// moments, and writers racing on one file the way two `inject` runs do (read, plan, save with a
// stale check under the lock).
//   node esbuild.mjs --tests && node scripts/fuzz-save.mjs [--seconds=60] [--out=out] [--seed=1]
// Prints: tried, saved, refused cleanly, crashed, hung, data lost (a file or a backup that is
// neither version whole, a saved edit missing, a temp file or lock not recovered).
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { arg, seeded } from './lib/fuzz.mjs';

const seconds = Number(arg('seconds', '60'));
const atomic = resolve(arg('out', 'out'), 'src/core/io/atomic-file.js');
const { pick } = seeded(arg('seed', String(Date.now() & 0x7fffffff)));

// Saves alternating two versions until killed.
const LOOPER = `
const { writeFileAtomic } = require(process.argv[2]);
const fs = require('node:fs');
const [path, a, b] = process.argv.slice(3);
const v = [fs.readFileSync(a), fs.readFileSync(b)];
process.stdout.write('r');
(async () => { for (let i = 0; ; i++) { await writeFileAtomic(path, v[i % 2], { keepBackups: 3, explicit: i % 3 !== 0 }); process.stdout.write('s'); } })()
  .catch((e) => { process.stderr.write(String(e)); process.exit(3); });
`;
// One racing writer: read, "plan" (append its id), save if the file is still what it read.
const RACER = `
const { writeFileAtomic } = require(process.argv[2]);
const fs = require('node:fs');
const [path, id] = process.argv.slice(3);
const seen = fs.readFileSync(path);
const next = Buffer.concat([seen, Buffer.from([Number(id)])]);
writeFileAtomic(path, next, { keepBackups: 2, check: (d) => { if (!d || Buffer.compare(d, seen) !== 0) { const e = new Error('stale'); e.code = 'stale'; throw e; } } })
  .then(() => process.stdout.write('saved'), (e) => { process.stdout.write(e.code === 'stale' || e.code === 'locked' ? 'refused' : 'error ' + e.message); });
`;

function run(args, killAfterSaves = null, killDelay = 0) {
  return new Promise((resolveRun) => {
    const t0 = performance.now();
    const p = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let armed = false;
    const guard = setTimeout(() => p.kill('SIGKILL'), 20_000);
    p.stdout.on('data', (d) => {
      out += d;
      if (killAfterSaves !== null && !armed && out.startsWith('r') && out.split('s').length - 1 >= killAfterSaves) {
        armed = true;
        setTimeout(() => p.kill('SIGKILL'), killDelay);
      }
    });
    p.stderr.on('data', (d) => (err += d));
    p.on('close', (code, signal) => {
      clearTimeout(guard);
      resolveRun({ code, signal, out, err, ms: performance.now() - t0, timedOut: !armed && signal === 'SIGKILL' });
    });
  });
}

const count = { tried: 0, saved: 0, refused: 0, crashed: 0, hung: 0, dataLost: 0 };
const dir = mkdtempSync(join(tmpdir(), 'spritepal-fuzz-save-'));
const looper = join(dir, 'looper.js');
const racer = join(dir, 'racer.js');
writeFileSync(looper, LOOPER);
writeFileSync(racer, RACER);
const va = Buffer.alloc(2 << 20, 0xaa);
const vb = Buffer.alloc((2 << 20) + 512, 0xbb);
writeFileSync(join(dir, 'a.bin'), va);
writeFileSync(join(dir, 'b.bin'), vb);
const whole = (buf) => Buffer.compare(buf, va) === 0 || Buffer.compare(buf, vb) === 0;
const start = performance.now();
try {
  for (let round = 0; performance.now() - start < seconds * 1000; round++) {
    if (round % 2 === 0) {
      // kill -9 during saves
      const sub = join(dir, `k${round}`);
      rmSync(sub, { recursive: true, force: true });
      const fs = await import('node:fs');
      fs.mkdirSync(sub);
      const rom = join(sub, 'rom.sfc');
      writeFileSync(rom, va);
      for (let trial = 0; trial < 4; trial++) {
        count.tried++;
        const r = await run([looper, atomic, rom, join(dir, 'a.bin'), join(dir, 'b.bin')], pick(3), pick(15));
        if (r.timedOut) count.hung++;
        else if (r.signal !== 'SIGKILL') {
          count.crashed++;
          if (count.crashed <= 3) console.error(`saver exited ${r.code}: ${r.err}`);
        } else count.saved++;
        const names = readdirSync(sub);
        if (!whole(readFileSync(rom))) count.dataLost++;
        for (const n of names.filter((n) => n.includes('.bak-'))) if (!whole(readFileSync(join(sub, n)))) count.dataLost++;
      }
      // the next save recovers the killed writer's lock and temp files
      const { writeFileAtomic } = createRequire(import.meta.url)(atomic);
      const t0 = performance.now();
      await writeFileAtomic(rom, va, { keepBackups: 3, lock: { waitMs: 5000 } });
      if (performance.now() - t0 > 5000) count.hung++;
      if (readdirSync(sub).some((n) => n.endsWith('.tmp') || n.endsWith('-lock'))) count.dataLost++;
    } else {
      // racing writers
      const file = join(dir, 'race.bin');
      writeFileSync(file, Buffer.from([0]));
      const n = 2 + pick(4);
      const results = await Promise.all(Array.from({ length: n }, (_, i) => run([racer, atomic, file, String(i + 1)])));
      const final = readFileSync(file);
      results.forEach((r, i) => {
        count.tried++;
        if (r.out === 'saved') {
          count.saved++;
          if (!final.includes(i + 1)) count.dataLost++;
        } else if (r.out === 'refused') count.refused++;
        else {
          count.crashed++;
          if (count.crashed <= 3) console.error(`racer ${i + 1}: ${r.out} ${r.err}`);
        }
      });
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.log(
  `fuzz-save: tried ${count.tried}, saved ${count.saved}, refused cleanly ${count.refused}, crashed ${count.crashed}, hung ${count.hung}, data lost ${count.dataLost} (${seconds} s)`,
);
process.exitCode = count.crashed + count.hung + count.dataLost > 0 ? 1 : 0;
