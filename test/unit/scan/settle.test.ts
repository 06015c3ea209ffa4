/**
 * Which of several starts ending at one terminator is the block's true start (dedupe.ts), and the
 * streams whose construction lets them past the tile-score floor (scan-range.ts). Fixtures are
 * built here: sheets made by code, compressed by our byte-exact encoders.
 */
import * as assert from 'node:assert/strict';
import { decodeInto, encode } from '../../../src/core/hal';
import { reportedHits, scanRange } from '../../../src/core/scan';
import { MIN_COMMANDS, streamShape, strayFills, structuredPrefix } from '../../../src/core/scan/evidence';
import { Prng } from '../../../src/core/scan/prng';
import { halCandidate, MIN_HAL_SCORE } from '../../../src/core/scan/scan-range';
import { fillCode } from '../../../src/core/scan/synthetic-filler';
import { makeTiles } from '../../../src/core/scan/synthetic-tiles';
import { countWaste } from '../../../src/core/scan/waste';

const buf = new Uint8Array(0x10000);

function wasteAt(data: Uint8Array, at: number): number {
  const st = decodeInto(data, at, buf, { strict: true });
  assert.ok(st.ok);
  return countWaste(data, at, buf, st.size);
}

/** `stream` at `at` in `size` bytes of random code-like bytes. */
function host(rng: Prng, size: number, stream: Uint8Array, at: number): Uint8Array {
  const data = new Uint8Array(size);
  rng.bytes(data, 0, size);
  data.set(stream, at);
  return data;
}

function reportedAt(data: Uint8Array, at: number, consumed: number): boolean {
  return reportedHits(scanRange(data, {}).hits).some((h) => h.romOffset === at && h.consumed === consumed);
}

describe('scan: settling the true start', function () {
  this.timeout(60_000);

  it('does not take bytes in front of a block that parse as patterned fills for its opening', () => {
    let cases = 0;
    // Most such prefixes already cost the longer reading a wasteful copy (copies read absolute
    // output offsets, shifted by the prefix); the cases kept are those where they do not.
    for (let seed = 1; seed <= 400 && cases < 6; seed++) {
      const rng = new Prng(seed);
      const block = encode(makeTiles(rng, 16 + 4 * (seed % 4), seed % 2 ? 2 : 4), { level: 'greedy' });
      const at = 0x2000;
      const data = host(rng, 0x4000, block, at);
      // Four 32-byte fills of values a table might hold (never 0x00/0xFF), ending at the block.
      const values = [0x11, 0x37, 0x5a, 0x83].map((v) => (v + seed) & 0xff);
      values.forEach((v, k) => data.set([0x3f, v], at - 8 + 2 * k));
      const earlier = halCandidate(data, at - 8, 16);
      // The prefix is a clean, longer reading of the same bytes: only its fills tell it apart.
      if (!earlier || earlier.romOffset + earlier.consumed !== at + block.length || wasteAt(data, at - 8) !== wasteAt(data, at)) continue;
      cases++;
      assert.ok(strayFills(streamShape(data, at - 8, at)));
      assert.ok(reportedAt(data, at, block.length), `seed ${seed}: block not reported at its true start`);
    }
    assert.ok(cases >= 3, `${cases} cases exercised`);
  });

  it('keeps the true start of a sheet when a start inside its first commands scores higher', () => {
    let cases = 0;
    for (let seed = 1; seed <= 600 && cases < 6; seed++) {
      const rng = new Prng(seed);
      const block = encode(makeTiles(rng, 16 + 8 * (seed % 8), seed % 2 ? 2 : 4), { level: seed % 3 ? 'greedy' : 'optimal' });
      const at = 0x1000;
      const data = new Uint8Array(0x3000);
      data.set(block, at);
      const own = halCandidate(data, at, 16);
      if (!own) continue;
      const end = at + block.length;
      const inner = [];
      for (let o = at + 1; o < at + 64 && o < end; o++) {
        const c = halCandidate(data, o, 16);
        if (c && c.romOffset + c.consumed === end && c.score > own.score && wasteAt(data, o) === 0) inner.push(c);
      }
      // Only starts that its structure settles (four or more commands of its own before them).
      if (!inner.some((c) => structuredPrefix(streamShape(data, at, c.romOffset)))) continue;
      cases++;
      assert.ok(reportedAt(data, at, block.length), `seed ${seed}: reported from inside instead of 0x${at.toString(16)}`);
    }
    assert.ok(cases >= 3, `${cases} cases exercised`);
  });

  it('finds a sheet whose tile score is below the floor by its construction (dense dithered planes that barely compress)', () => {
    const rng = new Prng(77);
    // 64 4bpp tiles: planes 0-1 dithered noise, planes 2-3 empty (a four-colour texture).
    const tiles = new Uint8Array(64 * 32);
    for (let t = 0; t < 64; t++) rng.bytes(tiles, 32 * t, 32 * t + 16);
    const block = encode(tiles, { level: 'greedy' });
    const at = 0x1800;
    const data = host(new Prng(78), 0x4000, block, at);
    const hit = halCandidate(data, at, 16);
    assert.ok(hit, 'the sheet is a candidate');
    assert.ok(hit.score < MIN_HAL_SCORE, `score ${hit.score}: below the floor for short streams`);
    assert.ok(streamShape(data, at).commands >= MIN_COMMANDS);
    const found = scanRange(data, {}).hits.find((h) => h.romOffset === at);
    assert.equal(found?.consumed, block.length);
    assert.equal(found?.confidence, 'strong', found?.reasons.join('; '));
  });

  it('finds 16-tile sheets that are half blank at their true start, over code (blank tiles first, last or between)', () => {
    for (let seed = 1; seed <= 18; seed++) {
      const rng = new Prng(seed);
      const tiles = makeTiles(rng, 8, 4);
      const sheet = new Uint8Array(16 * 32);
      const layout = seed % 3; // 0: blank tiles between, 1: blank first, 2: blank last
      for (let k = 0; k < 8; k++) sheet.set(tiles.subarray(32 * k, 32 * k + 32), layout === 0 ? 64 * k + 32 : layout === 1 ? 256 + 32 * k : 32 * k);
      const block = encode(sheet, { level: seed % 2 ? 'greedy' : 'fast' });
      const data = new Uint8Array(0x8000);
      fillCode(rng, data, 0, data.length);
      const at = 0x3000 + seed;
      data.set(block, at);
      const hit = scanRange(data, {}).hits.find((h) => h.romOffset === at);
      assert.equal(hit?.consumed, block.length, `seed ${seed} (layout ${layout}): not reported at its true start`);
      assert.notEqual(hit.confidence, 'weak', `seed ${seed}: ${hit.reasons.join('; ')}`);
    }
  });
});
