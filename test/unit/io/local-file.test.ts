import * as assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { localStamp, readLocalFile } from '../../../src/core/io/local-file';

describe('io: reading local files', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'spritepal-local-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads the bytes with a whole-millisecond mtime and the size, as VS Code stat reports them', async () => {
    const path = join(dir, 'game.sfc');
    const bytes = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7) & 0xff);
    writeFileSync(path, bytes);
    utimesSync(path, 1_700_000_000.1239, 1_700_000_000.1239); // a sub-millisecond part
    const f = await readLocalFile(path, 'a ROM file', () => undefined);
    assert.deepEqual(f.bytes, bytes);
    assert.equal(f.size, 4096);
    assert.ok(Number.isInteger(f.mtime));
    // VS Code's disk provider reports stat.mtime.getTime(): the same whole number, so stamps from
    // either source compare equal.
    assert.equal(f.mtime, statSync(path).mtime.getTime());
    assert.equal(f.writeProtected, false);
    assert.deepEqual(await localStamp(path), { mtime: f.mtime, size: 4096 });
  });

  it('reports a write-protected file (owner write bit clear, whoever reads it)', async () => {
    const path = join(dir, 'locked.sfc');
    writeFileSync(path, new Uint8Array(32));
    chmodSync(path, 0o444);
    assert.equal((await readLocalFile(path, 'a ROM file', () => undefined)).writeProtected, true);
  });

  it('refuses a directory by name, and lets the size check refuse before reading', async () => {
    await assert.rejects(
      readLocalFile(dir, 'a ROM file', () => undefined),
      { message: `a ROM file "${dir}" is a directory, not a file: nothing was read` },
    );
    const path = join(dir, 'huge.sfc');
    writeFileSync(path, new Uint8Array(100));
    const sizes: number[] = [];
    await assert.rejects(
      readLocalFile(path, 'a ROM file', (size) => {
        sizes.push(size);
        throw new Error(`too big: ${size}`);
      }),
      /too big: 100/,
    );
    assert.deepEqual(sizes, [100]);
    await assert.rejects(
      readLocalFile(join(dir, 'missing.sfc'), 'a ROM file', () => undefined),
      { code: 'read', reason: 'missing' },
    );
  });
});
