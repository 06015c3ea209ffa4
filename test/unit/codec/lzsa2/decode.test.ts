import * as assert from 'node:assert/strict';
import { lzsa2Codec } from '../../../../src/core/codec/lzsa2';
import { probeScan, strongHits } from '../../../../src/core/codec/probe-scan';
import { ascii, bytes, commonCodecTests, expectDecode, expectStatus, HandStream, noise, roundTrips, tiles } from '../helpers';

/**
 * Places the fields of an LZSA2 stream as BlockFormat_LZSA2.md says: a nibble goes into the high half
 * of a new byte where none is pending, else into the pending byte's low half. Every field value is
 * given by the test; `want` models what the stream decodes to.
 */
class Stream extends HandStream {
  private pending = -1;

  byte(...b: number[]): this {
    this.out.push(...b);
    return this;
  }

  nib(v: number): this {
    if (this.pending < 0) {
      this.pending = this.out.length;
      this.out.push(v << 4);
    } else {
      this.out[this.pending]! |= v;
      this.pending = -1;
    }
    return this;
  }

  /** The raw-block end as lzsa writes it: repeat-offset token with `litField`, nibble 15, byte 232. */
  end(litField = 0): this {
    return this.byte(0xe7 | (litField << 3))
      .nib(15)
      .byte(232);
  }
}

const decodes = (s: Stream, strict = true) => expectDecode(lzsa2Codec, s.bytes, s.want, strict);
const refuses = (src: Uint8Array, reason: string, strict = true) => expectStatus(lzsa2Codec, src, reason, strict);

describe('lzsa2 decode: raw blocks written by hand from BlockFormat_LZSA2.md', () => {
  it('literals, a 5-bit offset, nibbles sharing a byte, and the end marker', () => {
    // token XYZ=001 LL=3 MMM=3 (match 5); literal nibble 1 (4 literals); offset 4: Z=1, nibble 0xE
    const s = new Stream().byte(0x3b).nib(1).lit('abcd').nib(0xe).copies(4, 5).end();
    assert.deepEqual(s.out, [0x3b, 0x1e, 0x61, 0x62, 0x63, 0x64, 0xe7, 0xf0, 0xe8]);
    assert.equal(ascii(Uint8Array.from(s.want)), 'abcdabcda');
    decodes(s);
  });

  it('every literal-length form: 0-2 in the token, 3 + nibble, 18 + byte, 239 + 16 bits', () => {
    for (const n of [0, 2, 3, 17, 18, 255, 256, 1000]) {
      const s = new Stream();
      const lit = noise(n, n + 1);
      s.byte(0xe7 | (Math.min(n, 3) << 3));
      if (n >= 3 && n < 18) s.nib(n - 3);
      else if (n >= 18 && n < 256) s.nib(15).byte(n - 18);
      else if (n >= 256) s.nib(15).byte(239, n & 0xff, n >> 8);
      s.lit(lit).nib(15).byte(232);
      decodes(s);
    }
  });

  it('every match-length form: 2-8 in the token, 9 + nibble, 24 + byte, 233 + 16 bits', () => {
    for (const m of [2, 8, 9, 23, 24, 255, 256, 1000]) {
      // one literal "q", then a run of it from offset 1 (5-bit form: XYZ=000, nibble 15)
      const s = new Stream()
        .byte(0x08 | Math.min(m - 2, 7))
        .lit('q')
        .nib(15);
      if (m >= 9 && m < 24) s.nib(m - 9);
      else if (m >= 24 && m < 256) s.nib(15).byte(m - 24);
      else if (m >= 256) s.nib(15).byte(233, m & 0xff, m >> 8);
      s.copies(1, m).end();
      decodes(s);
    }
  });

  it('every offset form (5, 9, 13, 16 bits, both Z values) and the repeat offset', () => {
    const s = new Stream();
    // 9,000 literals (LL=3, nibble 15, 239 and a 16-bit count), then 9 bytes (MMM=7 and a nibble 0,
    // the low half of the literal count's nibble byte) from offset 9,000: 16-bit form XYZ=110, DC D8
    s.byte(0xdf).nib(15).byte(239, 0x28, 0x23).lit(noise(9000, 7));
    s.byte(0xdc, 0xd8).nib(0).copies(9000, 9);
    s.byte(0x40 | 0x01, 0xd8).copies(40, 3); // 9-bit, Z=0: offset 40 (byte D8)
    s.byte(0x60 | 0x01, 0xd4).copies(300, 3); // 9-bit, Z=1: offset 300 (byte D4)
    s.byte(0x80 | 0x02)
      .nib(15)
      .byte(0xa8)
      .copies(600, 4); // 13-bit, Z=0: offset 600 (nibble F, byte A8)
    s.byte(0xa0 | 0x00)
      .nib(0)
      .byte(0x00)
      .copies(8704, 2); // 13-bit, Z=1: offset 8,704 (nibble 0, byte 00)
    s.byte(0xe0 | 0x01).copies(8704, 3); // XYZ=111: the same offset again
    s.byte(0x20 | 0x00)
      .nib(0xe)
      .copies(4, 2); // 5-bit, Z=1: offset 4 (nibble E)
    s.byte(0x00 | 0x00)
      .nib(0xe)
      .copies(3, 2); // 5-bit, Z=0: offset 3 (nibble E)
    decodes(s.end());
  });

  it('refuses bad streams: truncation, a repeat before any offset, a copy before the start, overflow', () => {
    refuses(bytes(0x3b, 0x1e, 'abcd'), 'truncated');
    refuses(bytes(0xe8, 'q', 0xe7, 0xf0, 0xe8), 'no-previous-offset');
    refuses(bytes(0x08, 'q', 0x00, 0xe7, 0xf0, 0xe8), 'offset-before-start', false);
    const st = lzsa2Codec.decodeInto(bytes(0x0f, 'q', 0xff, 233, 0x00, 0x10, 0xe7, 0xf0, 0xe8), 0, new Uint8Array(0x10000), { maxOutput: 100 });
    assert.deepEqual(st, { ok: false, reason: 'overflow', offset: 0 });
  });

  it('strict refuses what lzsa never writes; a console decoder would run it', () => {
    const cases: [Stream, string][] = [
      [new Stream().byte(0xff).nib(15).byte(239, 5, 0).lit('abcde').nib(15).byte(232), 'non-canonical-length'], // 16-bit count 5
      [new Stream().byte(0xff).nib(15).byte(240).lit(noise(258, 1)).nib(15).byte(232), 'non-canonical-length'], // byte 240
      [new Stream().byte(0xff).nib(15).byte(238).nib(15).byte(232), 'non-canonical-length'], // byte 238 (a zero count)
      [new Stream().byte(0x0f).lit('q').nib(15).nib(15).byte(234).end(), 'non-canonical-length'], // match byte 234
      [new Stream().byte(0x0f).lit('q').nib(15).nib(15).byte(233, 30, 0).end(), 'non-canonical-length'], // 16-bit length 30
      [new Stream().byte(0x0f).lit('q').nib(15).nib(15).byte(233, 0, 0), 'end-marker-form'], // a 16-bit zero length ends too
      [new Stream().byte(0x48).lit('q').byte(0xff).end(), 'non-canonical-offset'], // offset 1 in the 9-bit form
      [new Stream().byte(0x08).lit('q').nib(15).byte(0x00).nib(15).end(), 'repeat-offset-written-out'], // offset 1 twice
      [
        new Stream()
          .byte(0x48 | 0x07)
          .lit('q')
          .byte(0x00)
          .nib(15)
          .byte(232),
        'end-marker-form',
      ], // end in the 9-bit form
      [new Stream().byte(0xe7, 0xf5, 0xe8), 'end-marker-form'], // the end's spare low nibble is not zero
    ];
    for (const [s, reason] of cases) {
      refuses(s.bytes, reason, true);
      refuses(s.bytes, 'ok', false);
    }
    refuses(new Stream().end().bytes, 'ok', true);
  });

  commonCodecTests(lzsa2Codec, {
    seeds: () => [lzsa2Codec.encode(tiles(3000, 2)), new Stream().byte(0x3b).nib(1).lit('abcd').nib(0xe).end().bytes],
    likely: [0xe7, 0xf0, 0xe8, 232, 233, 239, 0xff, 0x1f, 0xc0, 0x40],
  });

  it('encodes runs to a few bytes; the probe calls our encoder output strong', () => {
    assert.ok(roundTrips(lzsa2Codec, new Uint8Array(65536)).length < 20);
    const f = lzsa2Codec.encode(tiles(4096, 5));
    assert.deepEqual(
      strongHits(probeScan(lzsa2Codec, bytes(noise(50, 1), f, noise(50, 2)))).map((h) => [h.offset, h.consumed, h.size]),
      [[50, f.length, 4096]],
    );
  });
});
