import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { decode } from '../../../src/core/hal';
import { makeScanTestRom, MIN_HAL_SCORE, reportedHits, scanRange, scanRom, type ScanHit, type ScanState } from '../../../src/core/scan';
import { parseStream } from '../../../src/core/scan/candidates';
import { WorkerPool } from '../../../src/core/workers';
import { requireShared, readShared } from '../../support/shared';

// Compiled layout: out*/test/unit/scan/scan.test.js beside out*/src/core/workers/worker-main.js.
const workerScript = path.resolve(__dirname, '../../../src/core/workers/worker-main.js');

const rom = makeScanTestRom({ size: 1 << 20, blocks: 24, seed: 7 });

/** Recall and precision of what the scan reports by default (confidence strong or better). */
function accuracy(all: ScanHit[]): { recall: number; precision: number } {
  const hits = reportedHits(all);
  const real = new Map(rom.blocks.map((b) => [b.romOffset, b.consumed]));
  const correct = hits.filter((h) => h.kind === 'hal' && real.get(h.romOffset) === h.consumed).length;
  return { recall: correct / rom.blocks.length, precision: correct / hits.length };
}

describe('scan: synthetic test ROMs', () => {
  it('hides blocks that decode to whole tiles at their stated offsets, deterministically', () => {
    assert.equal(rom.data.length, 1 << 20);
    assert.equal(rom.blocks.length, 24);
    for (const b of rom.blocks) {
      const d = decode(rom.data, b.romOffset);
      assert.equal(d.consumed, b.consumed);
      assert.equal(d.data.length, b.size);
      assert.equal(b.size, b.tiles * b.bpp * 8);
      assert.ok(b.tiles >= 16 && b.tiles <= 512);
      // Every block passes the cheap rejection step (the encoders never write what it refuses).
      assert.ok(parseStream(rom.data, b.romOffset, { size: 0, consumed: 0, work: 0 }));
    }
    assert.ok(rom.blocks.some((b) => b.bpp === 2) && rom.blocks.some((b) => b.bpp === 4));
    assert.deepEqual(makeScanTestRom({ size: 1 << 20, blocks: 24, seed: 7 }).data, rom.data);
  });

  it('refuses more blocks than fit', () => {
    assert.throws(() => makeScanTestRom({ size: 64 * 1024, blocks: 200, seed: 1 }), RangeError);
  });
});

describe('scanRange', () => {
  let full: ScanState;
  before(() => {
    full = scanRange(rom.data, {});
  });

  it('finds the hidden blocks at their true start with their exact size, and few others', () => {
    assert.equal(full.complete, true);
    assert.equal(full.nextOffset, rom.data.length);
    const { recall, precision } = accuracy(full.hits);
    assert.equal(recall, 1);
    assert.ok(precision >= 0.9, `precision ${precision}`);
    for (const h of full.hits) {
      assert.equal(h.kind, 'hal');
      assert.ok(h.tiles >= 16 && h.score >= MIN_HAL_SCORE && h.score <= 1);
      assert.equal(h.size, h.tiles * h.bpp * 8);
    }
  });

  it('reports each block once: hits never overlap and are sorted', () => {
    for (let i = 1; i < full.hits.length; i++) {
      const a = full.hits[i - 1]!;
      const b = full.hits[i]!;
      assert.ok(a.romOffset + a.consumed <= b.romOffset, `${a.romOffset}+${a.consumed} overlaps ${b.romOffset}`);
    }
  });

  it('honours minTiles and reports progress up to the total', () => {
    const seen: number[] = [];
    const st = scanRange(rom.data, { minTiles: 200, start: 0, end: 0x40000, onProgress: (d, t) => seen.push(d / t) });
    assert.ok(st.hits.every((h) => h.tiles >= 200));
    assert.equal(seen[seen.length - 1], 1);
    assert.ok(seen.length > 2);
  });

  it('stops when cancelled and says where', () => {
    let calls = 0;
    const st = scanRange(rom.data, { isCancelled: () => ++calls > 3 });
    assert.equal(st.complete, false);
    assert.ok(st.nextOffset > 0 && st.nextOffset < rom.data.length);
  });

  it('rejects bad options', () => {
    assert.throws(() => scanRange(rom.data, { minTiles: 0 }), RangeError);
    assert.throws(() => scanRange(rom.data, { start: -1 }), RangeError);
  });

  it('finds uncompressed tile regions only with includeRaw, as kind raw with a lower score', () => {
    const withRaw = makeScanTestRom({ size: 512 * 1024, blocks: 8, seed: 11, rawRegions: 4 });
    const plain = scanRange(withRaw.data, {});
    assert.ok(plain.hits.every((h) => h.kind === 'hal'));
    const st = scanRange(withRaw.data, { includeRaw: true });
    const raw = st.hits.filter((h) => h.kind === 'raw');
    const covered = (r: { romOffset: number; size: number }, h: ScanHit) =>
      Math.min(r.romOffset + r.size, h.romOffset + h.consumed) - Math.max(r.romOffset, h.romOffset);
    const found = withRaw.raw.filter((r) => raw.some((h) => covered(r, h) >= r.size / 2));
    assert.ok(found.length >= withRaw.raw.length - 1, `raw regions found: ${found.length} of ${withRaw.raw.length}`);
    assert.ok(raw.every((h) => h.score <= 0.6 && h.size === h.consumed));
    const hal = st.hits.filter((h) => h.kind === 'hal');
    assert.ok(raw.every((r) => hal.every((h) => r.romOffset + r.consumed <= h.romOffset || h.romOffset + h.consumed <= r.romOffset)));
  });
});

describe('scanRom', function () {
  this.timeout(60_000);
  let pool: WorkerPool;
  let inline: ScanState;
  before(async () => {
    pool = new WorkerPool({ script: workerScript, size: 2 });
    inline = await scanRom(rom.data, {});
  });
  after(async () => {
    await pool.dispose();
  });

  it('inline equals the single range scan (chunk borders change nothing here)', () => {
    const direct = scanRange(rom.data, {});
    assert.deepEqual(
      inline.hits.map((h) => [h.romOffset, h.consumed]),
      direct.hits.map((h) => [h.romOffset, h.consumed]),
    );
    assert.equal(inline.complete, true);
  });

  it('gives identical results on the pool, with progress reaching the total', async () => {
    let last = [0, 0];
    const st = await scanRom(rom.data, { pool, priority: 1, onProgress: (d, t) => (last = [d, t]) });
    assert.deepEqual(st, inline);
    assert.deepEqual(last, [rom.data.length, rom.data.length]);
    // The caller's bytes are not detached (the ROM goes over in shared memory).
    assert.equal(rom.data.length, 1 << 20);
  });

  it('resolves with complete: false when aborted, and resuming gives the uninterrupted result (pool)', async () => {
    const ac = new AbortController();
    const partial = await scanRom(rom.data, {
      pool,
      signal: ac.signal,
      onProgress: (d) => {
        if (d > 300_000) ac.abort();
      },
    });
    assert.equal(partial.complete, false);
    assert.ok(partial.nextOffset > 0 && partial.nextOffset < rom.data.length);
    assert.ok(partial.hits.every((h) => h.romOffset < partial.nextOffset));
    const json = JSON.parse(JSON.stringify(partial)) as ScanState; // the state survives a cache
    let firstDone = -1;
    const resumed = await scanRom(rom.data, { pool, resume: json, onProgress: (d) => (firstDone = firstDone < 0 ? d : firstDone) });
    assert.ok(firstDone >= partial.nextOffset, 'the resumed scan starts where the first stopped');
    assert.deepEqual(resumed, inline);
  });

  it('cancels and resumes inline too, and a complete state is returned as is', async () => {
    const ac = new AbortController();
    const partial = await scanRom(rom.data, {
      signal: ac.signal,
      onProgress: (d) => {
        if (d > 500_000) ac.abort();
      },
    });
    assert.equal(partial.complete, false);
    const resumed = await scanRom(rom.data, { resume: partial });
    assert.deepEqual(resumed, inline);
    assert.deepEqual(await scanRom(rom.data, { resume: resumed }), inline);
  });

  it('scans a sub-range with a pool and an already-aborted signal leaves everything to resume', async () => {
    const ac = new AbortController();
    ac.abort();
    const st = await scanRom(rom.data, { pool, signal: ac.signal, start: 0x1000, end: 0x30000 });
    assert.deepEqual(st, { hits: [], nextOffset: 0x1000, complete: false });
    const done = await scanRom(rom.data, { pool, start: 0x1000, end: 0x30000, resume: st });
    assert.equal(done.complete, true);
    assert.deepEqual(
      done.hits,
      inline.hits.filter((h) => h.romOffset >= 0x1000 && h.romOffset < 0x30000),
    );
  });
});

describe('scan: real VRAM dump as a ROM-like buffer', () => {
  let vram: Uint8Array;
  before(function () {
    vram = readShared(requireShared(this), 'fixtures', 'kss-mesen', 'Cave.SnesVideoRam.dmp');
  });

  it('reports no HAL blocks in uncompressed graphics (no garbage hits)', () => {
    const st = scanRange(vram, {});
    const shown = reportedHits(st.hits);
    assert.ok(shown.length <= 2, `${shown.length} hits: ${JSON.stringify(shown)}`);
  });

  it('finds its uncompressed tiles as raw regions when asked', () => {
    const st = scanRange(vram, { includeRaw: true });
    assert.ok(st.hits.some((h) => h.kind === 'raw' && h.tiles >= 64));
  });
});
