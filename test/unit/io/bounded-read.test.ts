/**
 * Bounded reads (issue 18, item 4): a FIFO hung every command, /dev/zero grew to gigabytes and a
 * 1.5 GiB file was read whole before its size was refused. Each is now refused from its stat,
 * before a byte is read; missing files, dangling links and link loops each say what they are.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, ftruncateSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileReadError, readBounded, readBoundedSync } from '../../../src/core/io/bounded-read';

const refused = (reason: FileReadError['reason'], pattern: RegExp) => (e: unknown) =>
  e instanceof FileReadError && e.reason === reason && pattern.test(e.message);

describe('io: bounded reads refuse what is not a file of an accepted size, before reading', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'spritepal-bounded-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads a regular file whole, through a symbolic link too', async () => {
    const path = join(dir, 'a.bin');
    writeFileSync(path, Uint8Array.of(1, 2, 3));
    symlinkSync(path, join(dir, 'link.bin'));
    assert.deepEqual([...(await readBounded(join(dir, 'link.bin'), { maxBytes: 3 })).bytes], [1, 2, 3]);
    assert.deepEqual([...readBoundedSync(path, { maxBytes: 3 }).bytes], [1, 2, 3]);
  });

  it('refuses a FIFO at once instead of blocking on it', async function () {
    const fifo = join(dir, 'pipe.sfc');
    if (spawnSync('mkfifo', [fifo]).status !== 0 || !existsSync(fifo)) this.skip();
    // Were it opened for reading, these calls would block forever: no writer ever comes.
    assert.throws(
      () => readBoundedSync(fifo, { what: 'ROM', maxBytes: 1024 }),
      refused('not-a-file', /ROM ".*pipe\.sfc" is a named pipe \(FIFO\), not a file/),
    );
    await assert.rejects(readBounded(fifo, { what: 'ROM', maxBytes: 1024 }), refused('not-a-file', /named pipe/));
  });

  it('refuses /dev/zero (a device that never ends) and a directory', async function () {
    if (!existsSync('/dev/zero')) this.skip();
    assert.throws(() => readBoundedSync('/dev/zero', { maxBytes: 1 << 20 }), refused('not-a-file', /is a character device/));
    await assert.rejects(readBounded('/dev/zero', { maxBytes: 1 << 20 }), refused('not-a-file', /is a character device/));
    assert.throws(() => readBoundedSync(dir, { what: 'image', maxBytes: 10 }), refused('not-a-file', /image ".*" is a directory/));
  });

  it('refuses a 1.5 GiB file from its size, without reading it, and lets `check` refuse first', async () => {
    const big = join(dir, 'big.sfc');
    const fd = openSync(big, 'w');
    ftruncateSync(fd, 1.5 * 1024 ** 3); // sparse: nothing is written, reading it would take 1.5 GiB
    closeSync(fd);
    const before = process.memoryUsage().rss;
    assert.throws(
      () => readBoundedSync(big, { maxBytes: 64 << 20 }),
      refused('too-large', /is 1610612736 bytes, over the 67108864-byte limit: nothing was read/),
    );
    await assert.rejects(readBounded(big, { maxBytes: 64 << 20 }), refused('too-large', /1610612736 bytes/));
    assert.ok(process.memoryUsage().rss - before < 64 << 20, 'nothing near the file size was allocated');
    const seen: number[] = [];
    assert.throws(
      () =>
        readBoundedSync(big, {
          maxBytes: 64 << 20,
          check: (size) => {
            seen.push(size);
            throw new Error('ROM too large');
          },
        }),
      /ROM too large/,
    );
    assert.deepEqual(seen, [1.5 * 1024 ** 3]);
  });

  it('names a missing file, a dangling link and a link loop for what they are', async () => {
    assert.throws(
      () => readBoundedSync(join(dir, 'none.sfc'), { what: 'ROM', maxBytes: 10, display: 'none.sfc' }),
      refused('missing', /^ROM "none\.sfc" does not exist$/),
    );
    symlinkSync(join(dir, 'gone.sfc'), join(dir, 'dangling.sfc'));
    assert.throws(() => readBoundedSync(join(dir, 'dangling.sfc'), { maxBytes: 10 }), refused('missing', /is a symbolic link to a file that does not exist/));
    await assert.rejects(readBounded(join(dir, 'dangling.sfc'), { maxBytes: 10 }), refused('missing', /symbolic link to a file that does not exist/));
    symlinkSync(join(dir, 'loop2'), join(dir, 'loop1'));
    symlinkSync(join(dir, 'loop1'), join(dir, 'loop2'));
    assert.throws(() => readBoundedSync(join(dir, 'loop1'), { maxBytes: 10 }), refused('loop', /is a symbolic link loop/));
    await assert.rejects(readBounded(join(dir, 'loop1'), { maxBytes: 10 }), refused('loop', /symbolic link loop/));
  });
});
