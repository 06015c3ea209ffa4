/**
 * Uncompressed graphics (scan --include-raw): the raw evidence (raw-evidence.ts) on the homebrew
 * ROMs against our labels of their regions (homebrew-raw-labels.ts), on real graphics planted in
 * them (the tile areas of the Kirby Super Star VRAM dumps), and on generated code, tables and
 * random data. The rules were measured on planting seed 0; these tests plant with seed 9000.
 */
import * as assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  makeScanTestRom,
  plantRawSlices,
  reportedHits,
  scanRange,
  scoreRawPlants,
  VRAM_TILE_AREAS,
  type RawPlantScore,
  type ScanHit,
} from '../../../src/core/scan';
import { Prng } from '../../../src/core/scan/prng';
import { settleRawHits } from '../../../src/core/scan/dedupe';
import { findRawRegions } from '../../../src/core/scan/raw';
import { judgeRaw, MIN_RAW_UNITS, splitRegion } from '../../../src/core/scan/raw-evidence';
import { makeTiles } from '../../../src/core/scan/synthetic-tiles';
import { readShared, requireShared } from '../../support/shared';
import { classifyRawHit, graphicsRanges, HOMEBREW_RAW_LABELS } from '../../../src/bench/homebrew-raw-labels';

const HELD_OUT_SEED = 9000;

function overlap(h: ScanHit, start: number, end: number): number {
  return Math.max(0, Math.min(h.romOffset + h.consumed, end) - Math.max(h.romOffset, start));
}

function rawHits(data: Uint8Array): ScanHit[] {
  return scanRange(data, { includeRaw: true }).hits.filter((h) => h.kind === 'raw');
}

describe('scan: uncompressed graphics in the homebrew ROMs (our labels of their regions)', function () {
  this.timeout(180_000);
  let dir: string;
  let names: string[];
  const hits = new Map<string, ScanHit[]>();
  before(function () {
    dir = join(requireShared(this), 'fixtures', 'homebrew');
    names = readdirSync(dir)
      .filter((f) => f.endsWith('.sfc'))
      .sort();
    for (const name of names) hits.set(name, rawHits(readShared(dir, name)));
  });

  it('labels only ROMs that are there, with sane ranges and a reason each', () => {
    for (const l of HOMEBREW_RAW_LABELS) {
      assert.ok(names.includes(l.rom), l.rom);
      assert.ok(l.start < l.end && l.why.length > 0, `${l.rom} 0x${l.start.toString(16)}`);
    }
  });

  it('reports no raw hit over a region labelled not graphics at the default confidence, and each strong one is labelled graphics', () => {
    const wrong: string[] = [];
    let strong = 0;
    for (const name of names) {
      for (const h of reportedHits(hits.get(name)!)) {
        strong++;
        const judged = classifyRawHit(name, h);
        // 'unlabelled': look at it (render it) and label it.
        if (judged !== 'real') wrong.push(`${name} 0x${h.romOffset.toString(16)}+${h.consumed} ${judged}: ${h.reasons.join('; ')}`);
      }
    }
    assert.deepEqual(wrong, []);
    // Measured: 8 strong raw hits, all on labelled graphics; 28 weak (shown on request), each saying why.
    assert.ok(strong >= 5, String(strong));
    for (const h of [...hits.values()].flat()) assert.ok(h.reasons.length > 1, 'every raw hit says why');
  });

  it('finds every region labelled planar graphics (a strong raw hit overlaps it)', () => {
    const missed = HOMEBREW_RAW_LABELS.filter((l) => l.kind === 'planar' && !reportedHits(hits.get(l.rom)!).some((h) => overlap(h, l.start, l.end) > 0));
    assert.deepEqual(
      missed.map((l) => `${l.rom} 0x${l.start.toString(16)} ${l.why}`),
      [],
    );
  });

  it('finds real graphics planted in them (Kirby Super Star VRAM tiles, 1-8 KiB, in filler and over code): found >= 90 %, at their start >= 75 %, hits real >= 98 %', function () {
    const shared = requireShared(this);
    const sources = VRAM_TILE_AREAS.flatMap((a) => {
      const d = readShared(shared, 'fixtures', 'kss-mesen', a.file);
      return a.ranges.map(([s, e]) => d.subarray(s, e));
    });
    const total: RawPlantScore = { planted: 0, found: 0, atStart: 0, reported: 0, real: 0 };
    const places = { gaps: 0, data: 0, packed: 0 };
    names.forEach((name, host) => {
      const { data, blocks } = plantRawSlices(readShared(dir, name), sources, 12, HELD_OUT_SEED + host * 13 + 5);
      for (const b of blocks) places[b.place]++;
      const s = scoreRawPlants(data, blocks, reportedHits(rawHits(data)), graphicsRanges(name));
      for (const k of Object.keys(total) as (keyof RawPlantScore)[]) total[k] += s[k];
    });
    assert.ok(places.gaps > 50 && places.data > 50, JSON.stringify(places));
    const msg = JSON.stringify(total);
    // Measured on seed 9000: found 93.7 %, at the start 81.8 %, real 100 % (seed 0: 95.1 %, 77.6 %, 100 %; the bench's 7000: 92.6 %, 72.3 %, 99.5 %).
    assert.ok(total.found >= 0.9 * total.planted, msg);
    assert.ok(total.atStart >= 0.75 * total.planted, msg);
    assert.ok(total.real >= 0.98 * total.reported, msg);
  });
});

describe('scan: raw evidence on made-up data', () => {
  it('calls generated tile sheets strong, and tables of small numbers, sorted words and padded records weak', () => {
    const rng = new Prng(5);
    const sheet = makeTiles(rng, 64, 4);
    assert.equal(judgeRaw(sheet, 0, sheet.length, MIN_RAW_UNITS).confidence, 'strong');
    const small = new Uint8Array(2048).map((_, i) => (i * 7) % 13);
    assert.match(judgeRaw(small, 0, small.length, 64).reasons.join(), /low bits only/);
    const sorted = new Uint8Array(2048);
    for (let i = 0; i < 1024; i++) [sorted[2 * i], sorted[2 * i + 1]] = [(0x40 + 9 * i) & 0xff, 0x80 | ((9 * i) >> 8)];
    assert.match(judgeRaw(sorted, 0, sorted.length, 64).reasons.join(), /sorted table/);
    const records = new Uint8Array(2048);
    for (let r = 0; r < 128; r++) records.set([0x28 + r, 0x71, 0xc3, 0x5a, 0x99, 0x3c, 0x81, 0xe7], 16 * r);
    assert.match(judgeRaw(records, 0, records.length, 64).reasons.join(), /half blank/);
    assert.match(judgeRaw(sheet, 0, sheet.length, MIN_RAW_UNITS - 1).reasons.join(), new RegExp(`only ${MIN_RAW_UNITS - 1} distinct units`));
  });

  it('cuts a region where tiles give way to a table of small numbers, and judges each part by itself', () => {
    const data = new Uint8Array(8192);
    data.set(makeTiles(new Prng(7), 128, 4), 0);
    for (let i = 4096; i < 8192; i++) data[i] = ((i >> 1) % 5) + (i % 2) * 2;
    assert.deepEqual(splitRegion(data, 0, 8192), [
      [0, 4096],
      [4096, 8192],
    ]);
    const hits = findRawRegions(data, 0, data.length, 16);
    assert.ok(hits.some((h) => h.romOffset === 0 && h.consumed === 4096 && h.confidence === 'strong'));
    assert.ok(hits.every((h) => h.romOffset < 4096 || h.confidence === 'weak'));
    assert.deepEqual(splitRegion(data, 0, 4096), [[0, 4096]]);
  });

  it('cuts a raw region around a HAL block that is not weak, and lets a weak one lie over it', () => {
    const hit = (romOffset: number, consumed: number, kind: 'hal' | 'raw', confidence: 'strong' | 'weak'): ScanHit => ({
      romOffset,
      consumed,
      size: consumed,
      tiles: consumed / 32,
      score: 0.5,
      kind,
      bpp: 4,
      confidence,
      reasons: ['x'],
    });
    const raw = hit(0, 4096, 'raw', 'strong');
    const cuts: [number, number][] = [];
    const trim = (s: number, e: number) => (cuts.push([s, e]), hit(s, e - s, 'raw', 'strong'));
    const merge = (a: ScanHit) => a;
    const kept = settleRawHits([raw], [hit(1000, 500, 'hal', 'strong')], merge, trim);
    assert.deepEqual(cuts, [
      [0, 992],
      [1504, 4096],
    ]);
    assert.deepEqual(
      kept.map((h) => [h.romOffset, h.consumed]),
      [
        [0, 992],
        [1504, 2592],
      ],
    );
    assert.deepEqual(settleRawHits([raw], [hit(1000, 500, 'hal', 'weak')], merge, trim), [raw]);
    assert.deepEqual(settleRawHits([raw], [hit(1000, 500, 'hal', 'strong')], merge), []);
  });

  it('reports no raw hit in the code, tables and random data of generated ROMs, and finds most of their tile regions', () => {
    let falseHits = 0;
    let found = 0;
    let planted = 0;
    for (const seed of [11, 12]) {
      const gen = makeScanTestRom({ size: 512 * 1024, blocks: 8, seed, rawRegions: 8 });
      const raw = reportedHits(rawHits(gen.data));
      falseHits += raw.filter((h) => !gen.raw.some((r) => overlap(h, r.romOffset, r.romOffset + r.size) > 0)).length;
      planted += gen.raw.length;
      found += gen.raw.filter((r) => raw.some((h) => overlap(h, r.romOffset, r.romOffset + r.size) > 0)).length;
    }
    assert.equal(falseHits, 0);
    // Measured: 13 of 16. The others are small (20-37 distinct units, or a sheet's tail merged
    // with the table of small numbers behind it): weak, shown on request.
    assert.ok(found >= 0.75 * planted, `${found} of ${planted}`);
  });
});
