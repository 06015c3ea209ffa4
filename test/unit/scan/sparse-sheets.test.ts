/**
 * Small and sparse sheets (issue 12 item 3): a 16-tile sheet half of whose tiles are blank
 * compresses to a handful of commands, and is still reported at the default confidence, at its
 * true start (sparse-sheets.ts: the evidence of its blank tiles; boundary.ts: what precedes a
 * start). Hidden in the homebrew ROMs, which hold no HAL data, beside their real code and data.
 *
 * The rules were tuned on hidden-sheet seeds 0 and 1; these tests evaluate on seed 9000.
 */
import * as assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { decodeInto, encode } from '../../../src/core/hal';
import { CORPUS_SHEETS, hideBlocks, reportedHits, scanRange, scoreHidden, sparseSheetStreams, type HiddenPlace } from '../../../src/core/scan';
import { atBoundary, MIN_FILLER_BEFORE } from '../../../src/core/scan/boundary';
import { judgeStream, MIN_COMMANDS, streamShape } from '../../../src/core/scan/evidence';
import { Prng } from '../../../src/core/scan/prng';
import { sparseSheet } from '../../../src/core/scan/sparse-sheets';
import { makeTiles } from '../../../src/core/scan/synthetic-tiles';
import { readShared, requireShared } from '../../support/shared';

const HELD_OUT_SEED = 9000;
const buf = new Uint8Array(0x10000);

function verdict(stream: Uint8Array, boundary = true): ReturnType<typeof judgeStream> {
  const st = decodeInto(stream, 0, buf, { strict: true });
  assert.ok(st.ok);
  return judgeStream(stream, 0, buf, st.size, boundary);
}

/** 16 2bpp tiles made by code, with the tiles at `blank` cleared. */
function sheet(seed: number, blank: readonly number[]): Uint8Array {
  const tiles = makeTiles(new Prng(seed), 16, 2);
  for (const t of blank) tiles.fill(0, 16 * t, 16 * t + 16);
  return tiles;
}

describe('scan: small and sparse sheets', function () {
  this.timeout(120_000);

  it('judges a short stream of a half-blank sheet after filler or another block strong, with its blank share among the reasons', () => {
    let short = 0;
    let strong = 0;
    for (let seed = 1; seed <= 160; seed++) {
      const stream = encode(sheet(seed, [8, 9, 10, 11, 12, 13, 14, 15]), { level: seed % 2 ? 'greedy' : 'fast' });
      if (streamShape(stream, 0).commands >= MIN_COMMANDS) continue;
      short++;
      const v = verdict(stream);
      if (v.confidence !== 'strong') continue;
      strong++;
      assert.match(v.reasons[0]!, /sparse sheet \(\d+ % blank/);
      // Between other bytes (over code) the same stream is too little evidence.
      assert.equal(
        verdict(stream, false).reasons[0],
        `only ${streamShape(stream, 0).commands} command${streamShape(stream, 0).commands === 1 ? '' : 's'} (a sparse sheet, but not after filler or another block)`,
      );
    }
    // Measured: 13 of 16 (the others repeat a tile: fewer distinct units than a quarter of the sheet).
    assert.ok(short >= 10 && strong >= 0.75 * short, `${strong} of ${short} short streams strong`);
  });

  it('keeps short streams weak without the evidence: no blank tile, only fills, or nearly all literal bytes', () => {
    // No blank tile: a short stream of a dense sheet is still too little evidence.
    const dense = new Uint8Array(256);
    for (let i = 0; i < 256; i++) dense[i] = (i * 37) & 0xff;
    const raw = encode(dense, { level: 'greedy' });
    assert.ok(streamShape(raw, 0).commands < MIN_COMMANDS);
    const n = streamShape(raw, 0).commands;
    assert.deepEqual(verdict(raw).reasons.slice(0, 1), [`only ${n} command${n === 1 ? '' : 's'}`]);
    // Blank units between ramps (an increasing-values table read as fills: homebrew's one case).
    const ramps = Uint8Array.from([0x7f, 0xff, 0x3f, 0x00, 0x7f, 0x00, 0x3f, 0x00, 0xff]);
    const st = decodeInto(ramps, 0, buf, { strict: true });
    assert.ok(st.ok);
    assert.equal(sparseSheet(buf, st.size, streamShape(ramps, 0)), null);
    // Blank units beside one raw command of host bytes (uncompressed data read as a stream).
    const host = new Uint8Array(512);
    new Prng(5).bytes(host, 0, 384);
    assert.equal(sparseSheet(host, 512, { bytes: 500, literal: 496, patterned: 0 }), null);
    assert.notEqual(sparseSheet(host, 512, { bytes: 500, literal: 400, patterned: 0 }), null);
  });

  it('takes a start after filler or right after another stream as a boundary, and one inside data as not', () => {
    const data = new Uint8Array(64).fill(0x5a);
    const ends = new Set([20]);
    data.fill(0xff, 30, 30 + MIN_FILLER_BEFORE);
    assert.ok(atBoundary(data, 0, ends));
    assert.ok(atBoundary(data, 20, ends)); // right after a stream's terminator
    assert.ok(atBoundary(data, 30 + MIN_FILLER_BEFORE, ends)); // after filler
    assert.ok(!atBoundary(data, 31 + MIN_FILLER_BEFORE, ends));
    data[20] = 0;
    data[21] = 0;
    assert.ok(atBoundary(data, 22, ends)); // a stream, then two padding bytes
    data[40] = 0;
    data[41] = 0;
    assert.ok(!atBoundary(data, 42, ends)); // two zero bytes inside data: a blank pixel row
  });

  it('promotes no short stream in random bytes rich in 0x00/0xFF (long zero fills beside a few units)', () => {
    // Measured on other seeds: the output rule alone reported 109 blocks in 8 x 2 MiB of such bytes
    // where 8 were reported before it; with the distinct share, the boundary and the ratio, none.
    for (const [seed, share] of [
      [1901, 0.25],
      [1902, 0.5],
    ] as const) {
      const rng = new Prng(seed);
      const data = new Uint8Array(1 << 20);
      for (let i = 0; i < data.length; i++) {
        const r = rng.next();
        data[i] = r < share / 2 ? 0 : r < share ? 0xff : rng.int(0, 255);
      }
      const promoted = reportedHits(scanRange(data, {}).hits).filter((h) => h.reasons.some((r) => r.includes('sparse sheet')));
      assert.deepEqual(
        promoted.map((h) => h.romOffset),
        [],
        `seed ${seed}`,
      );
    }
  });

  describe('hidden in the homebrew ROMs', () => {
    let shared: string;
    let dir: string;
    let names: string[];
    before(function () {
      shared = requireShared(this);
      dir = join(shared, 'fixtures', 'homebrew');
      names = readdirSync(dir)
        .filter((f) => f.endsWith('.sfc'))
        .sort();
    });

    it('reports half-blank 16-tile sheets at the default confidence at their exact start and size', () => {
      const bins = CORPUS_SHEETS.map((n) => readShared(shared, 'fixtures', 'hal', 'corpus', `${n}.bin`));
      let hidden = 0;
      let found = 0;
      let reported = 0;
      const short = { hidden: 0, found: 0 };
      const stored = { hidden: 0, found: 0 };
      names.forEach((name, host) => {
        const streams = sparseSheetStreams(bins, 24, host * 7 + 1 + HELD_OUT_SEED, (s, k) => encode(s, { level: k % 2 ? 'greedy' : 'fast' }));
        const { data, blocks } = hideBlocks(readShared(dir, name), streams, host + 100 + HELD_OUT_SEED);
        const hits = reportedHits(scanRange(data, {}).hits);
        const s = scoreHidden(blocks, hits);
        hidden += s.hidden;
        found += s.found;
        reported += s.reported;
        for (const b of blocks) {
          const ok = hits.some((h) => h.romOffset === b.romOffset && h.consumed === b.consumed);
          const inFiller = (['packed', 'gaps'] as HiddenPlace[]).includes(b.place);
          if (inFiller) {
            stored.hidden++;
            if (ok) stored.found++;
          }
          if (inFiller && streamShape(data, b.romOffset).commands < MIN_COMMANDS) {
            short.hidden++;
            if (ok) short.found++;
          }
        }
      });
      // Measured on seed 9000: 328 of 336 (97.6 %); before these rules 308 (91.7 %), and none of
      // the 18 short ones. Held-out seeds 5000 / 7000 / 9000: 94.4 / 96.1 / 97.6 %; the misses are
      // sheets written over code: short ones stay weak there (nothing but their output speaks for
      // them), and a start inside a sheet can out-score the true one when only code precedes it.
      assert.ok(found >= 0.93 * hidden, `found ${found} of ${hidden}`);
      assert.ok(found >= 0.95 * reported, `${found} of ${reported} reported are real`);
      // Stored as games store them (in free space, back to back or padded): 222-224 of 224 per seed.
      assert.ok(stored.found >= 0.98 * stored.hidden, `in filler: ${stored.found} of ${stored.hidden}`);
      // Of those, the ones under MIN_COMMANDS commands (strong by the sparse-sheet evidence).
      assert.ok(short.hidden >= 8 && short.found >= 0.9 * short.hidden, `short, in filler: ${short.found} of ${short.hidden}`);
    });

    it('still reports no block in the homebrew ROMs, down to 8-tile blocks', () => {
      // Smaller blocks are more chance parses to judge; measured: 97 weak there, none reported.
      const reported: string[] = [];
      for (const name of names) {
        for (const h of reportedHits(scanRange(readShared(dir, name), { minTiles: 8 }).hits))
          reported.push(`${name} 0x${h.romOffset.toString(16)} ${h.reasons.join('; ')}`);
      }
      assert.deepEqual(reported, []);
    });
  });
});
