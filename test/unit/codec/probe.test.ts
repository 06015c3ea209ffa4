import * as assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gbaLz77, lcLz2, lcLz3, type Codec } from '../../../src/core/codec';
import { probeEveryOffset } from '../../../src/core/codec/measure/probe-every-offset';
import { hiddenRecall, MIN_BLOCK, tableStrongHits } from '../../../src/core/codec/measure/probe-suite';
import { CORPUS_SHEETS } from '../../../src/core/scan/hidden-blocks';
import { readShared, requireShared } from '../../support/shared';

const PROBED: Codec[] = [lcLz2, lcLz3, gbaLz77];
/** sfc-comp's streams for each codec, hidden with the slices (GBA LZ77 has none: only our encoder's). */
const REFERENCE_EXT: Record<string, string> = { 'lc-lz2': '.lc_lz2', 'lc-lz3': '.lc_lz3' };

describe('probes on generated 16-bit tables (what fooled the HAL evidence in a real game)', function () {
  this.timeout(300_000);
  for (const codec of PROBED) {
    it(`${codec.id}: no strong block in 12 seeds of tables (mixed and each kind alone)`, () => {
      const r = tableStrongHits(codec, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
      assert.equal(r.strong, 0, `${r.strong} strong of ${r.judged} judged in ${r.bytes} bytes of tables`);
    });
  }
});

describe('probes on the homebrew ROMs (none holds LC_LZ2, LC_LZ3 or GBA LZ77 data)', function () {
  this.timeout(600_000);
  let dir = '';
  let roms: string[] = [];
  let sheets: Uint8Array[] = [];
  let lzDir = '';
  before(function () {
    const shared = requireShared(this);
    dir = join(shared, 'fixtures', 'homebrew');
    lzDir = join(shared, 'fixtures', 'lz', 'corpus');
    roms = readdirSync(dir)
      .filter((f) => f.endsWith('.sfc'))
      .sort();
    sheets = CORPUS_SHEETS.map((n) => readShared(shared, 'fixtures', 'hal', 'corpus', `${n}.bin`));
  });

  for (const codec of PROBED) {
    it(`${codec.id}: 0 strong blocks of ${MIN_BLOCK} bytes or more in every ROM, and the candidate test refuses 95 % of offsets or more`, () => {
      assert.equal(roms.length, 14);
      for (const rom of roms) {
        const data = readShared(dir, rom);
        const { tally, hits } = probeEveryOffset(codec, data, MIN_BLOCK);
        const strong = hits.filter((h) => h.confidence === 'strong').map((h) => `0x${h.offset.toString(16)} (${h.reasons.join('; ')})`);
        assert.deepEqual(strong, [], `${rom}: strong ${codec.id} blocks`);
        assert.ok(tally.candidates < 0.05 * tally.offsets, `${rom}: ${tally.candidates} candidates of ${tally.offsets} offsets`);
      }
    });

    it(`${codec.id}: finds the streams hidden in those ROMs at their exact start and length, and nothing else`, () => {
      const ext = REFERENCE_EXT[codec.id];
      const refs = ext
        ? readdirSync(lzDir)
            .filter((f) => f.endsWith(ext))
            .sort()
            .map((f) => readShared(lzDir, f))
        : [];
      let hidden = 0;
      let found = 0;
      const missed: string[] = [];
      roms.forEach((rom, k) => {
        // a third of the reference streams per ROM (rotating), and 24 slices of 512 B to 8 KiB
        const score = hiddenRecall(
          codec,
          readShared(dir, rom),
          sheets,
          refs.filter((_, j) => j % 3 === k % 3),
          24,
          100 + k,
        );
        hidden += score.hidden;
        found += score.found;
        assert.equal(score.stray, 0, `${rom}: strong blocks that are not hidden streams`);
        missed.push(...score.missed.map((m) => `${rom} 0x${m.offset.toString(16)}: ${m.why}`));
      });
      assert.ok(hidden >= 300, `${hidden} streams hidden`);
      assert.ok(found >= 0.97 * hidden, `recall ${found} of ${hidden}; missed:\n${missed.join('\n')}`);
    });
  }
});
