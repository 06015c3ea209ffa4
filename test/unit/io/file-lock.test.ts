/**
 * The ROM lock (issue 18, item 1): writers of one file never interleave, a second writer waits a
 * bounded time and then refuses naming the holder's pid, and locks left by dead processes or too
 * old are recovered.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { acquireLock, lockPathFor, RomLockedError, withFileLock } from '../../../src/core/io/file-lock';

/** A pid that certainly names no live process: a child that has already exited. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(r.stdout.toString());
}

describe('io: the ROM lock', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'spritepal-lock-'));
    file = join(dir, 'rom.sfc');
    writeFileSync(file, '0');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('serialises read-modify-write cycles: 12 concurrent increments, none lost, lock removed after', async () => {
    const bump = () =>
      withFileLock(file, async () => {
        const n = Number(await readFile(file, 'utf8'));
        await new Promise((r) => setTimeout(r, 2));
        await writeFile(file, String(n + 1));
      });
    await Promise.all(Array.from({ length: 12 }, bump));
    assert.equal(readFileSync(file, 'utf8'), '12');
    assert.equal(existsSync(lockPathFor(file)), false);
  });

  it('a second writer waits a bounded time, then refuses naming the holder pid', async () => {
    const release = await acquireLock(file);
    const started = Date.now();
    await assert.rejects(
      acquireLock(file, { waitMs: 150 }),
      (e: unknown) =>
        e instanceof RomLockedError && e.pid === process.pid && new RegExp(`ROM is being written by another process \\(pid ${process.pid}\\)`).test(e.message),
    );
    assert.ok(Date.now() - started >= 140, 'it waited');
    await release();
    const again = await acquireLock(file, { waitMs: 0 });
    await again();
  });

  it('recovers a lock whose process is dead, and one older than staleMs', async () => {
    const lock = lockPathFor(file);
    writeFileSync(lock, JSON.stringify({ pid: deadPid(), host: hostname(), time: Date.now(), token: 'x' }));
    const r1 = await acquireLock(file, { waitMs: 0 });
    await r1();
    // A live pid (ours), but an hour old: its holder is stuck or the pid was reused.
    writeFileSync(lock, JSON.stringify({ pid: process.pid, host: hostname(), time: Date.now() - 3_600_000, token: 'y' }));
    const old = new Date(Date.now() - 3_600_000);
    utimesSync(lock, old, old);
    const r2 = await acquireLock(file, { waitMs: 0, staleMs: 60_000 });
    await r2();
    assert.equal(existsSync(lock), false);
  });

  it('waits for a young lock whose body is not written yet, and breaks it once it is old', async () => {
    const lock = lockPathFor(file);
    writeFileSync(lock, '');
    await assert.rejects(acquireLock(file, { waitMs: 50 }), (e: unknown) => e instanceof RomLockedError && e.pid === null);
    const old = new Date(Date.now() - 10_000);
    utimesSync(lock, old, old);
    const r = await acquireLock(file, { waitMs: 0 });
    await r();
  });

  it('release leaves a lock that is not its own (taken over after being judged stale)', async () => {
    const release = await acquireLock(file);
    const other = JSON.stringify({ pid: process.pid, host: hostname(), time: Date.now(), token: 'other' });
    writeFileSync(lockPathFor(file), other);
    await release();
    assert.equal(readFileSync(lockPathFor(file), 'utf8'), other);
  });
});
