import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encode, HalDecodeError } from '../../../src/core/hal';
import { buildRom } from '../../../src/core/rom/build';
import { RomSession } from '../../../src/core/session/rom-session';
import { createServices, type SessionServices } from '../../../src/core/session/services';

function romWithBlock(): { file: Uint8Array; raw: Uint8Array; stream: Uint8Array } {
  const raw = new Uint8Array(2048);
  for (let i = 0; i < raw.length; i++) raw[i] = (i * 7) & 0x3f;
  const stream = encode(raw, { level: 'greedy' });
  const file = buildRom({ mapping: 'lorom', size: 0x40000, content: (d) => d.set(stream, 0x10000) });
  return { file, raw, stream };
}

describe('RomSession facade', () => {
  let services: SessionServices;
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'spritepal-session-'));
    services = createServices({ cacheDir: dir });
  });
  afterEach(async () => {
    await services.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('decodes a block once and serves the second request from the cache, counting both', async () => {
    const { file, raw, stream } = romWithBlock();
    const session = RomSession.open(file, 'test.sfc', services);
    const a = await session.decodeBlock(0x10000);
    assert.deepEqual(Buffer.from(a.data), Buffer.from(raw));
    assert.equal(a.consumed, stream.length);
    const b = await session.decodeBlock(0x10000);
    assert.deepEqual(Buffer.from(b.data), Buffer.from(raw));
    const snap = services.metrics.snapshot();
    assert.equal(snap.caches.memory!.hits, 1);
    assert.equal(snap.caches.memory!.misses, 1);
    assert.equal(snap.operations['hal.decode']!.count, 1);
    assert.equal(snap.operations['rom.open']!.count, 1);
  });

  it('a second session on the same bytes (a reopen) hits the disk level even with a cold memory level', async () => {
    const { file } = romWithBlock();
    const first = RomSession.open(file, 'a.sfc', services);
    await first.decodeBlock(0x10000);
    await services.dispose();
    services = createServices({ cacheDir: dir });
    const second = RomSession.open(file.slice(), 'a.sfc', services);
    await second.decodeBlock(0x10000);
    assert.equal(services.metrics.snapshot().caches.disk!.hits, 1);
    assert.equal(services.metrics.snapshot().operations['hal.decode'], undefined, 'nothing decoded again');
  });

  it('keeps cached blocks an edit did not touch, and recomputes the ones it did', async () => {
    const { file } = romWithBlock();
    const session = RomSession.open(file, 'e.sfc', services);
    const oldHash = session.romHash;
    await session.decodeBlock(0x10000);
    const edited = file.slice();
    edited[0x30000] ^= 0xff;
    session.update(edited, [{ start: 0x30000, end: 0x30001 }]);
    assert.notEqual(session.romHash, oldHash);
    await session.decodeBlock(0x10000);
    assert.equal(services.metrics.snapshot().operations['hal.decode']!.count, 1, 'carried over, not decoded again');
    const touched = edited.slice();
    touched[0x10001] ^= 0x01;
    session.update(touched, [{ start: 0x10001, end: 0x10002 }]);
    await session.decodeBlock(0x10000).catch(() => undefined);
    assert.equal(services.metrics.snapshot().operations['hal.decode']!.count, 2, 'the edited block is decoded again');
  });

  it('counts failed decodes by kind and rethrows the typed error', async () => {
    // The format document's error vector: a backwards copy of 4 bytes from offset 2 reads before 0.
    const file = buildRom({ mapping: 'lorom', size: 0x10000, content: (d) => d.set([0x02, 0x01, 0x02, 0x03, 0xc3, 0x00, 0x02, 0xff], 0x8000) });
    const session = RomSession.open(file, 'bad.sfc', services);
    await assert.rejects(session.decodeBlock(0x8000), (e: Error) => e instanceof HalDecodeError && e.offset === 0x8004);
    assert.equal(services.metrics.snapshot().errors['decode-failed']!.count, 1);
  });

  it('makes and disposes private services when none are given', async () => {
    const { file } = romWithBlock();
    const session = RomSession.open(file);
    assert.equal(session.services.pool, null);
    assert.equal(session.info().mapping, 'lorom');
    await session.dispose();
  });
});
