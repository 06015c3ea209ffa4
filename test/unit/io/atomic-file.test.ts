import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
  mkdirSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { backupTimestamp, FileChangedError, listBackups, originalBackups, writeFileAtomic, SaveError } from '../../../src/core/io/atomic-file';
import { acquireLock, lockPathFor } from '../../../src/core/io/file-lock';

describe('atomic save with backups', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'spritepal-save-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes a new file and leaves no temporary file behind', async () => {
    const file = join(dir, 'new.sfc');
    const r = await writeFileAtomic(file, Uint8Array.of(1, 2, 3), { keepBackups: 3 });
    assert.equal(r.backupPath, null);
    assert.deepEqual([...readFileSync(file)], [1, 2, 3]);
    assert.deepEqual(readdirSync(dir), ['new.sfc']);
  });

  it('backs up the previous file with a timestamp and keeps only the newest N', async () => {
    const file = join(dir, 'rom.sfc');
    writeFileSync(file, Uint8Array.of(0));
    let t = Date.UTC(2026, 10, 28, 12, 0, 0);
    const now = () => new Date((t += 1000));
    for (let i = 1; i <= 5; i++) {
      const r = await writeFileAtomic(file, Uint8Array.of(i), { keepBackups: 3, now });
      assert.ok(r.backupPath!.startsWith(file + '.bak-20261128-12000'));
      assert.deepEqual([...readFileSync(r.backupPath!)], [i - 1], 'the backup holds the previous bytes');
    }
    assert.deepEqual([...readFileSync(file)], [5]);
    const backups = await listBackups(file);
    assert.equal(backups.length, 3);
    assert.deepEqual(
      backups.map((b) => readFileSync(b)[0]),
      [4, 3, 2],
      'newest first, oldest pruned',
    );
  });

  it('refuses a read-only file (even as root) and changes nothing', async () => {
    const file = join(dir, 'ro.sfc');
    writeFileSync(file, Uint8Array.of(9));
    chmodSync(file, 0o444);
    await assert.rejects(writeFileAtomic(file, Uint8Array.of(1)), (e: Error) => e instanceof SaveError && /read-only/.test(e.message));
    assert.deepEqual([...readFileSync(file)], [9]);
  });

  it('refuses to save over a directory', async () => {
    mkdirSync(join(dir, 'd.sfc'));
    await assert.rejects(writeFileAtomic(join(dir, 'd.sfc'), Uint8Array.of(1)), /is a directory/);
  });

  it('reports a failed write clearly and leaves the old file whole', async () => {
    const missing = join(dir, 'no-such-dir', 'x.sfc');
    await assert.rejects(writeFileAtomic(missing, Uint8Array.of(1)), /could not save .*the file on disk is unchanged/);
  });

  it('formats backup timestamps in UTC, sortable', () => {
    assert.equal(backupTimestamp(new Date(Date.UTC(2026, 0, 2, 3, 4, 5, 6))), '20260102-030405-006');
  });
});

describe('atomic save: backups that keep the original, locking, links and leftovers', () => {
  let dir: string;
  let file: string;
  let t: number;
  const now = () => new Date(t);
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'spritepal-save2-'));
    file = join(dir, 'rom.sfc');
    writeFileSync(file, Uint8Array.of(0));
    t = Date.UTC(2026, 11, 3, 8, 0, 0);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const names = () => readdirSync(dir).sort();

  it('keeps the first backup (the file before its first save) beyond `keep`, and prunes only the others', async () => {
    for (let i = 1; i <= 6; i++) {
      t += 1000;
      await writeFileAtomic(file, Uint8Array.of(i), { keepBackups: 2, now });
    }
    const originals = await originalBackups(file);
    assert.equal(originals.length, 1);
    assert.match(originals[0]!, /rom\.sfc\.bak-20261203-080001-000-original$/);
    assert.deepEqual([...readFileSync(originals[0]!)], [0], 'the untouched original');
    assert.deepEqual(
      (await listBackups(file)).map((b) => readFileSync(b)[0]),
      [5, 4],
      'the newest two others',
    );
  });

  it('writes nothing and makes no backup when the disk already holds the bytes', async () => {
    const before = statSync(file).mtimeMs;
    const r = await writeFileAtomic(file, Uint8Array.of(0), { keepBackups: 5, now });
    assert.equal(r.unchanged, true);
    assert.equal(r.backupSkipped, 'identical');
    assert.equal(r.backupPath, null);
    assert.deepEqual(names(), ['rom.sfc']);
    assert.equal(statSync(file).mtimeMs, before);
  });

  it('automatic saves make at most one backup a minute; a save by hand always makes one', async () => {
    const auto = (v: number) => writeFileAtomic(file, Uint8Array.of(v), { keepBackups: 5, now, explicit: false });
    assert.ok((await auto(1)).backupPath?.endsWith('-original'), 'the first backup is never skipped');
    t += 10_000;
    const skipped = await auto(2);
    assert.equal(skipped.backupPath, null);
    assert.equal(skipped.backupSkipped, 'interval');
    t += 10_000;
    assert.ok((await writeFileAtomic(file, Uint8Array.of(3), { keepBackups: 5, now, explicit: true })).backupPath, 'by hand');
    t += 30_000;
    assert.equal((await auto(4)).backupPath, null, '30 s after the last backup');
    t += 31_000;
    const due = await auto(5);
    assert.ok(due.backupPath);
    assert.deepEqual([...readFileSync(due.backupPath!)], [4]);
    assert.deepEqual([...readFileSync(file)], [5], 'every save wrote the file');
  });

  it('refuses a save that would not fit, before writing anything (no backup filling the disk)', async () => {
    await assert.rejects(
      writeFileAtomic(file, new Uint8Array(4096), { keepBackups: 5, now, freeSpace: async () => 100_000 }),
      (e: Error) => e instanceof SaveError && /not enough free space .* with its backup: .* needed, 0\.1 MiB free \(nothing was written\)/.test(e.message),
    );
    assert.deepEqual(names(), ['rom.sfc'], 'no backup, no temp file, no lock');
    assert.deepEqual([...readFileSync(file)], [0]);
  });

  it('runs `check` under the lock on the bytes on disk; a refusal writes nothing and makes no backup', async () => {
    const seen: number[][] = [];
    await assert.rejects(
      writeFileAtomic(file, Uint8Array.of(7), {
        keepBackups: 5,
        check: (onDisk) => {
          seen.push([...onDisk!]);
          assert.ok(existsSync(lockPathFor(file)), 'the lock is held during the check');
          throw new Error('stale');
        },
      }),
      (e: Error) => e.message === 'stale' && !(e instanceof SaveError), // the caller's refusal, as thrown
    );
    assert.deepEqual(seen, [[0]]);
    assert.deepEqual(names(), ['rom.sfc']);
  });

  it('re-checks the stamp the caller read under the lock, and refuses a file changed since', async () => {
    const st = statSync(file);
    const stamp = { mtime: st.mtime.getTime(), size: st.size };
    assert.equal((await writeFileAtomic(file, Uint8Array.of(1, 1), { keepBackups: 5, expectStamp: stamp })).unchanged, false);
    await assert.rejects(
      writeFileAtomic(file, Uint8Array.of(2), { keepBackups: 5, expectStamp: stamp }),
      (e: Error) => e instanceof FileChangedError && /changed on disk since it was read \(now 2 bytes\): nothing was written/.test(e.message),
    );
    await assert.rejects(writeFileAtomic(join(dir, 'new.sfc'), Uint8Array.of(2), { expectStamp: stamp }), /now deleted/);
    assert.equal((await writeFileAtomic(join(dir, 'new.sfc'), Uint8Array.of(2), { expectStamp: null })).unchanged, false);
    assert.deepEqual([...readFileSync(file)], [1, 1]);
    assert.equal((await listBackups(file)).length + (await originalBackups(file)).length, 1, 'only the save that went through made a backup');
  });

  it('follows a symbolic link: the real file is rewritten, the link stays, and the result says so', async () => {
    mkdirSync(join(dir, 'real'));
    const real = join(dir, 'real', 'game.sfc');
    writeFileSync(real, Uint8Array.of(1));
    const link = join(dir, 'link.sfc');
    symlinkSync(real, link);
    const r = await writeFileAtomic(link, Uint8Array.of(2), { keepBackups: 1 });
    assert.equal(r.followedSymlink, true);
    assert.equal(r.writtenPath, realpathSync(real));
    assert.ok(lstatSync(link).isSymbolicLink(), 'the link is still a link');
    assert.deepEqual([...readFileSync(real)], [2]);
    assert.ok(r.backupPath!.startsWith(realpathSync(real) + '.bak-'), 'the backup is beside the real file');
    symlinkSync(join(dir, 'b'), join(dir, 'a'));
    symlinkSync(join(dir, 'a'), join(dir, 'b'));
    await assert.rejects(writeFileAtomic(join(dir, 'a'), Uint8Array.of(1)), (e: Error) => e instanceof SaveError && /symbolic link loop/.test(e.message));
  });

  it("removes temp files of dead writers (by pid) and keeps a live writer's", async () => {
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
    writeFileSync(join(dir, `.rom.sfc.spritepal-${dead}-abc123.tmp`), new Uint8Array(1000));
    const live = `.rom.sfc.spritepal-${process.pid}-def456.tmp`;
    writeFileSync(join(dir, live), new Uint8Array(10));
    await writeFileAtomic(file, Uint8Array.of(1));
    assert.deepEqual(names(), [live, 'rom.sfc'].sort());
  });

  it('is refused while another process holds the lock, leaving the file as it was', async () => {
    const release = await acquireLock(realpathSync(file));
    try {
      await assert.rejects(
        writeFileAtomic(file, Uint8Array.of(9), { keepBackups: 5, lock: { waitMs: 50 } }),
        /ROM is being written by another process \(pid \d+\)/,
      );
    } finally {
      await release();
    }
    assert.deepEqual([...readFileSync(file)], [0]);
    assert.deepEqual(names(), ['rom.sfc']);
  });
});
