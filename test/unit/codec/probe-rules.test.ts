import * as assert from 'node:assert/strict';
import { gbaLz77, lcLz2, lcLz3, type Codec } from '../../../src/core/codec';
import { lunarShape } from '../../../src/core/codec/lunar/shape';
import { gbaShape } from '../../../src/core/codec/gba-lz77/shape';
import { hexBytes, randomBytes, spriteSheet } from '../hal/helpers';

function candidate(codec: Codec, hex: string): boolean {
  return codec.probe!.candidate(hexBytes(hex), 0, 0x10000);
}

/** The first waste the shape of a (decodable) stream names, or '' for none. */
function firstWaste(codec: Codec, hex: string): string {
  const src = hexBytes(hex);
  const r = codec.decode(src, 0, { strict: true });
  if (codec === gbaLz77) return gbaShape(src, 0, r.data, r.data.length).firstWaste;
  return lunarShape(src, 0, r.consumed, r.data, codec === lcLz3).firstWaste;
}

function verdict(codec: Codec, src: Uint8Array): { confidence: string; reasons: string[] } {
  const r = codec.decode(src, 0, { strict: true });
  return codec.probe!.judge(src, 0, r.consumed, r.data);
}

describe('Lunar candidate test: refuses what no encoder writes', () => {
  const refused: [Codec, string, string][] = [
    [lcLz2, 'ff', 'the empty stream'],
    [lcLz2, 'a0 00 00 ff', 'an unused command'],
    [lcLz2, 'e0 05 00 01 02 03 04 05 ff', 'a long header with a short count'],
    [lcLz2, '00 01 80 00 00 ff', 'a repeat of 1 byte'],
    [lcLz2, '02 01 02 03 82 00 05 ff', 'a repeat from output not written yet'],
    [lcLz2, '20 07 ff', 'a byte fill of 1'],
    [lcLz2, '41 01 02 ff', 'a word fill of 2'],
    [lcLz2, '42 07 07 ff', 'a word fill of two equal bytes'],
    [lcLz2, '60 07 ff', 'an increasing fill of 1'],
    [lcLz2, '01 01 02 00 03 ff', 'two raw runs that fit one'],
    [lcLz2, '21 07 22 07 ff', 'two fills of one value'],
    [lcLz2, '62 10 61 13 ff', 'an increasing fill continuing the last'],
    [lcLz2, '00 01 00', 'a stream cut short'],
    [lcLz3, '22 00 ff', 'a byte fill of 0 (the zero fill is shorter)'],
    [lcLz3, '63 62 ff', 'two zero fills that fit one'],
    [lcLz3, '63 7f 63 ff', 'three zero fills where two do (one header more than needed)'],
    [lcLz3, '01 aa bb 81 00 00 ff', 'a long address within 128 bytes back'],
    [lcLz3, '01 aa bb 80 81 ff', 'a near repeat of 1 byte'],
    [lcLz3, '01 aa bb 82 83 ff', 'a near source before the output'],
    [lcLz3, '01 aa bb c4 81 ff', 'a backwards repeat past the start'],
  ];
  for (const [codec, hex, why] of refused) {
    it(`${codec.id}: ${why}`, () => {
      assert.equal(candidate(codec, hex), false);
    });
  }

  it('lets through two short raw runs or zero fills that only tie with one long one, and every stream our encoders write', () => {
    assert.equal(candidate(lcLz2, `14 ${'01 '.repeat(21)} 14 ${'02 '.repeat(21)} ff`), true); // 21 + 21: two 1-byte headers = one 2-byte header
    assert.equal(candidate(lcLz3, '7f 7f ff'), true);
    for (const codec of [lcLz2, lcLz3]) {
      for (const n of [64, 700, 5000]) assert.equal(codec.probe!.candidate(codec.encode(spriteSheet(n, n)), 0, 0x10000), true, `${codec.id} ${n}`);
    }
  });
});

describe('Lunar judge: waste, tables and evidence', () => {
  const wastes: [Codec, string, RegExp][] = [
    [lcLz2, '06 01 02 05 05 05 05 05 ff', /raw run holds a run/], // 5 equal bytes in a raw run
    [lcLz2, '01 05 05 ff', /raw run holds a run/], // a whole raw run of 2 equal bytes
    [lcLz2, '04 01 02 03 04 05 ff', /raw run holds a run/], // a ramp of 5
    [lcLz2, '21 07 02 07 31 5c ff', /stops one byte short/], // a fill of 07, then a raw run starting with 07
    [lcLz2, '01 01 07 22 07 ff', /could start one raw byte earlier/],
    [lcLz2, '03 11 5a 23 7c 82 00 00 82 00 03 ff', /continues the one before/], // repeats from 0 and then from 3
    [lcLz2, '01 11 5a 23 07 82 00 02 ff', /copy writes what a fill writes shorter/], // 07 07 07 repeated from the fill
    [lcLz2, '0c 31 5a 23 7c 49 0e 88 31 5a 23 7c 49 0e ff', /raw run holds bytes a copy writes shorter/], // 6 bytes again
    [lcLz3, '21 05 00 00 ff', /raw run holds a run/], // a raw run of one zero: the zero fill has no operand
    [lcLz3, '02 09 0a 3c 81 82 81 82 ff', /continues the one before/], // near repeats from 0 and then from 2
  ];
  for (const [codec, hex, re] of wastes) {
    it(`${codec.id}: ${hex} is waste (${re.source})`, () => {
      assert.match(firstWaste(codec, hex), re);
    });
  }

  it("our encoders' streams of sprite sheets have no waste and are strong; incompressible data stored raw is strong too", () => {
    for (const codec of [lcLz2, lcLz3]) {
      for (const n of [1024, 4096, 16384]) {
        const v = verdict(codec, codec.encode(spriteSheet(n, n + 1)));
        assert.equal(v.confidence, 'strong', `${codec.id} ${n}: ${v.reasons.join('; ')}`);
      }
      const raw = verdict(codec, codec.encode(randomBytes(3000, 1)));
      assert.equal(raw.confidence, 'strong', raw.reasons.join('; '));
      assert.match(raw.reasons[0]!, /raw commands of 1,024 bytes/);
    }
  });

  it('weak: a stream that does not compress, one of few commands, one mostly one fill, one of 16-bit words', () => {
    const few = verdict(lcLz2, hexBytes('02 31 5a 23 e7 ff 00 ff'));
    assert.equal(few.confidence, 'weak');
    assert.ok(few.reasons.some((r) => /only 2 commands/.test(r)) && few.reasons.some((r) => /one fill writes/.test(r)));
    const noGain = verdict(lcLz2, Uint8Array.from([0x1f, ...randomBytes(32, 3), 0xff]));
    assert.ok(noGain.reasons.some((r) => /does not compress \(34 bytes for 32\)/.test(r)));
    // a table of one word repeated, read as LC_LZ3: a fill and a near copy, over and over
    const table = Uint8Array.from({ length: 157 }, (_, k) => (k === 156 ? 0xff : k % 2 ? 0xf3 : 0xe4));
    const st = lcLz3.decode(table, 0);
    const v = lcLz3.probe!.judge(table, 0, st.consumed, st.data);
    assert.equal(v.confidence, 'weak');
    assert.ok(v.reasons.some((r) => /two before/.test(r)) && v.reasons.some((r) => /patterned fills/.test(r)), v.reasons.join('; '));
  });
});

describe('GBA LZ77 probe', () => {
  it('candidate: the tag, a size within the limit, a first literal, matches inside the output, unused flag bits 0', () => {
    assert.equal(candidate(gbaLz77, '10 03 00 00 00 61 62 63'), true);
    assert.equal(candidate(gbaLz77, '11 03 00 00 00 61 62 63'), false);
    assert.equal(candidate(gbaLz77, '10 00 00 00 00'), false);
    assert.equal(candidate(gbaLz77, '10 00 00 02 00'), false);
    assert.equal(candidate(gbaLz77, '10 03 00 00 80 00 00 61'), false); // a match first
    assert.equal(candidate(gbaLz77, '10 03 00 00 01 61 62 63'), false); // a flag bit set after the last item
    assert.equal(candidate(gbaLz77, '10 05 00 00 20 61 62 f0 01'), false); // a match past the size
    assert.equal(candidate(gbaLz77, '10 05 00 00 00 61 62'), false); // cut short
    assert.equal(gbaLz77.probe!.candidate(hexBytes('10 05 00 00 00 61 62 63 64 65'), 0, 4), false); // over the caller's limit
  });

  it('judge: waste in each of its forms', () => {
    assert.match(firstWaste(gbaLz77, '10 08 00 00 00 61 62 63 64 61 62 63 64'), /three literals/); // abcd abcd: the second abc repeats
    assert.match(firstWaste(gbaLz77, '10 06 00 00 20 61 62 00 01 62'), /stops one byte short/); // ab, abab from 2 back, then b
    assert.match(firstWaste(gbaLz77, '10 07 00 00 08 61 62 63 61 00 02'), /start one literal earlier/); // abca, then bca from 3 back: abca from 3 back was one item fewer
    assert.match(firstWaste(gbaLz77, '10 08 00 00 30 61 62 00 01 00 01'), /continues the one before/);
  });

  it("judge: our encoder's streams are strong at both levels; a stream longer than its output is weak", () => {
    for (const level of gbaLz77.levels) {
      const v = verdict(gbaLz77, gbaLz77.encode(spriteSheet(4096, 2), { level }));
      assert.equal(v.confidence, 'strong', v.reasons.join('; '));
    }
    const v = verdict(gbaLz77, gbaLz77.encode(randomBytes(600, 2)));
    assert.equal(v.confidence, 'weak');
    assert.match(v.reasons.join(';'), /does not compress/);
  });
});
