import * as assert from 'node:assert/strict';
import { zx0Codec } from '../../../../src/core/codec/zx0';
import { probeScan, strongHits } from '../../../../src/core/codec/probe-scan';
import { ascii, bytes, commonCodecTests, expectDecode, expectStatus, HandStream, noise, roundTrips, tiles } from '../helpers';

/** Interlaced Elias gamma as the ZX0 README defines it: per bit below the leading 1, a 0 and the bit (inverted if asked); then a 1. */
function gamma(v: number, invert = false): string {
  let s = '';
  for (let b = 31 - Math.clz32(v) - 1; b >= 0; b--) s += '0' + (((v >> b) & 1) ^ (invert ? 1 : 0));
  return s + '1';
}

/**
 * Places a ZX0 stream's bits and bytes in the order the decoder takes them: bits fill a byte from
 * its top bit, a new one taken where the next bit is needed; bytes (literals, offset low bytes) go
 * where they come. `want` models the output.
 */
class Stream extends HandStream {
  private at = -1;
  private mask = 0;

  bits(s: string): this {
    for (const ch of s) {
      if (this.mask === 0) {
        this.at = this.out.length;
        this.out.push(0);
        this.mask = 0x80;
      }
      if (ch === '1') this.out[this.at]! |= this.mask;
      this.mask >>= 1;
    }
    return this;
  }

  /** A new offset's low byte: 7 bits of (127 - ((offset - 1) & 127)), and the length code's first bit in bit 0. */
  low(offset: number, firstLengthBit: string): this {
    this.out.push(((127 - ((offset - 1) & 127)) << 1) | Number(firstLengthBit));
    return this;
  }

  /** A new-offset copy: bit 1, MSB code, low byte, length - 1 code (its first bit in the low byte). */
  copyNew(offset: number, len: number): this {
    const g = gamma(len - 1);
    this.bits('1' + gamma(((offset - 1) >> 7) + 1, true))
      .low(offset, g[0]!)
      .bits(g.slice(1));
    return this.copies(offset, len);
  }

  /** The end: a new-offset bit and the inverted code of 256. */
  end(): this {
    return this.bits('1' + gamma(256, true));
  }
}

const decodes = (s: Stream, strict = true) => expectDecode(zx0Codec, s.bytes, s.want, strict);
const refuses = (src: Uint8Array, reason: string, strict = true) => expectStatus(zx0Codec, src, reason, strict);

describe('zx0 decode: v2 streams written by hand from the ZX0 README', () => {
  it('literals (first bit left out), a new offset, literals, the last offset again, the end', () => {
    const s = new Stream().bits(gamma(3)).lit('abc').copyNew(3, 6);
    s.bits('0' + gamma(1)).lit('x'); // literals after a copy
    s.bits('0' + gamma(3)).copies(3, 3); // after literals, 0 = copy from the last offset
    s.end();
    assert.equal(gamma(3), '011');
    assert.equal(gamma(256, true), '01010101010101011');
    assert.deepEqual(s.out, [0x79, 0x61, 0x62, 0x63, 0xfa, 0xa7, 0x78, 0x55, 0x55, 0x80]);
    assert.equal(ascii(Uint8Array.from(s.want)), 'abcabcabcxbcx');
    decodes(s);
  });

  it('Elias boundaries for literal and copy lengths (1, 2, 3, 4, 255, 256, 1000)', () => {
    for (const n of [1, 2, 3, 4, 255, 256, 1000]) {
      const lit = noise(n, n);
      decodes(new Stream().bits(gamma(n)).lit(lit).end());
      // a copy of n + 1 from offset 2 (its length code holds n), then the last offset again for n
      const s = new Stream()
        .bits(gamma(2))
        .lit('qr')
        .copyNew(2, n + 1);
      s.bits('0' + gamma(1))
        .lit('s')
        .bits('0' + gamma(n))
        .copies(2, n);
      decodes(s.end());
    }
  });

  it('offsets: MSB codes 1, 2 and 255 (the farthest, 32,640), new offset after a copy', () => {
    const s = new Stream()
      .bits(gamma(2))
      .lit('pq')
      .bits('0' + gamma(3))
      .copies(1, 3); // the last offset starts at 1
    s.bits('0' + gamma(300))
      .lit(noise(300, 3))
      .copyNew(129, 4); // MSB 2
    s.copyNew(128, 2).copyNew(128, 2); // straight after a copy, 1 = new offset (even the same one again)
    decodes(s.end());
    const far = new Stream().bits(gamma(32640)).lit(noise(32640, 4)).copyNew(32640, 5);
    decodes(far.end());
  });

  it('refuses bad streams: truncation, a copy before the start, overflow, an endless length code', () => {
    refuses(new Stream().bits(gamma(3)).lit('ab').bytes, 'truncated');
    refuses(new Stream().bits(gamma(1)).lit('a').copyNew(2, 2).end().bytes, 'offset-before-start');
    refuses(
      new Stream()
        .bits(gamma(1))
        .lit('a')
        .bits('0' + gamma(70000))
        .end().bytes,
      'overflow',
    );
    refuses(bytes(0, 0, 0, 0, 0, 0, 0, 0), 'length-too-long');
  });

  it('strict refuses what salvador never writes; a console decoder would run it', () => {
    // after literals, the last offset written out again instead of the last-offset form
    const rep = new Stream()
      .bits(gamma(2))
      .lit('ab')
      .copyNew(1, 2)
      .bits('0' + gamma(1))
      .lit('c')
      .copyNew(1, 2)
      .end();
    // an MSB past 255 (offset over 32,640) that is not the end marker
    const tooFar = new Stream().bits(gamma(32770)).lit(noise(32770, 5)).copyNew(32769, 2).end();
    // bits set after the end marker
    const trailing = new Stream().bits(gamma(1)).lit('a').end().bits('1');
    for (const [s, reason] of [
      [rep, 'last-offset-written-out'],
      [tooFar, 'offset-too-far'],
      [trailing, 'end-marker-form'],
    ] as const) {
      refuses(s.bytes, reason, true);
      refuses(s.bytes, 'ok', false);
    }
  });

  commonCodecTests(zx0Codec, {
    seeds: () => [zx0Codec.encode(tiles(3000, 2)), new Stream().bits(gamma(3)).lit('abc').copyNew(3, 6).end().bytes],
    likely: [0x00, 0xff, 0x55, 0xaa, 0x80, 0x01, 0xfe],
  });

  it('encodes runs to a few bytes; the probe calls our encoder output strong', () => {
    assert.ok(roundTrips(zx0Codec, new Uint8Array(65536)).length < 20);
    const f = zx0Codec.encode(tiles(4096, 5));
    const hits = strongHits(probeScan(zx0Codec, bytes(noise(50, 1), f, noise(50, 2))));
    assert.ok(hits.some((h) => h.offset === 50 && h.consumed === f.length && h.size === 4096));
    // ZX0's bit stream falls back into step: a start a byte or so early or late can decode to the same
    // end marker. Such neighbours all end where the real stream does (the scanner keeps one of them).
    for (const h of hits) {
      assert.equal(h.offset + h.consumed, 50 + f.length);
      assert.ok(Math.abs(h.offset - 50) <= 8, `a neighbour at ${h.offset}`);
    }
  });
});
