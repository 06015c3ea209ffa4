import * as assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { backupTimestamp, listBackups, writeFileAtomic, SaveError } from '../../../src/core/io/atomic-file';

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
    assert.deepEqual(backups.map((b) => readFileSync(b)[0]), [4, 3, 2], 'newest first, oldest pruned');
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
