import * as assert from 'node:assert/strict';
import { lzsa1Codec } from '../../../../src/core/codec/lzsa1';
import { probeScan, strongHits } from '../../../../src/core/codec/probe-scan';
import { bytes, commonCodecTests, expectDecode, expectStatus, noise, roundTrips, tiles } from '../helpers';

/** The raw-block end: a command with offset byte 00 and match length EE 00 00 (token O=0, M=15). */
const END = [0x00, 0xee, 0x00, 0x00];

const decodes = (src: Uint8Array, want: Uint8Array | string, strict = true) => expectDecode(lzsa1Codec, src, want, strict);
const refuses = (src: Uint8Array, reason: string, strict = true) => expectStatus(lzsa1Codec, src, reason, strict);

describe('lzsa1 decode: raw blocks written by hand from BlockFormat_LZSA1.md', () => {
  it('literals, a short-offset match (stored negated), and the end marker with the last literals', () => {
    // token O=0 LLL=4 MMMM=2 (a 5-byte match); "abcd"; offset byte -4 = FC; then 3 literals and the end
    decodes(bytes(0x42, 'abcd', 0xfc, 0x3f, 'xyz', END), 'abcdabcdaxyz');
    // an empty block is just the end command
    decodes(bytes(0x0f, END), '');
  });

  it('every literal-length form: 0-6 in the token, 7 + byte, 250 + byte (256-511), 249 + 16 bits', () => {
    for (const [n, ext] of [
      [6, []],
      [7, [0]],
      [255, [248]],
      [256, [250, 0]],
      [511, [250, 255]],
      [512, [249, 0x00, 0x02]],
      [1000, [249, 0xe8, 0x03]],
    ] as const) {
      const lit = noise(n, n);
      decodes(bytes((Math.min(n, 7) << 4) | 0x0f, ext, lit, END), lit);
    }
  });

  it('every match-length form: 3-17 in the token, 18 + byte (18-255), 239 + byte (256-511), 238 + 16 bits', () => {
    for (const [m, field, ext] of [
      [3, 0, []],
      [17, 14, []],
      [18, 15, [0]],
      [255, 15, [237]],
      [256, 15, [239, 0]],
      [511, 15, [239, 255]],
      [512, 15, [238, 0x00, 0x02]],
    ] as const) {
      // one literal "q" then a run of it (offset 1: byte FF)
      decodes(bytes(0x10 | field, 'q', 0xff, ext, 0x0f, END), 'q'.repeat(1 + m));
    }
  });

  it('offsets: 1-256 in one byte, 257-65535 in two (O bit), all stored negated', () => {
    const head = noise(300, 3);
    // 300 literals (250 + 44) and a 4-byte copy from offset 256 (one byte: 00), then 3 bytes from
    // offset 257 (O set; two bytes FF FE)
    const src = bytes(0x71, 250, 44, head, 0x00, 0x80, 0xff, 0xfe, 0x0f, END);
    const want = [...head, ...head.subarray(300 - 256, 300 - 256 + 4)];
    want.push(...want.slice(want.length - 257, want.length - 257 + 3));
    decodes(src, Uint8Array.from(want));
    // the farthest a 64 KiB block reaches: 65,533 literals, then 3 bytes from offset 65,533 (03 00)
    const big = noise(65533, 4);
    decodes(bytes(0xf0, 249, 0xfd, 0xff, big, 0x03, 0x00, 0x0f, END), bytes(big, big.subarray(0, 3)));
  });

  it('refuses bad streams at the failing command: truncation, a copy before the start, overflow', () => {
    refuses(bytes(0x42, 'abcd', 0xfc), 'truncated');
    refuses(bytes(0x40, 'abcd', 0xf0, 0x0f, END), 'offset-before-start');
    const st = lzsa1Codec.decodeInto(bytes(0x1f, 'q', 0xff, 238, 0x00, 0x10, 0x0f, END), 0, new Uint8Array(0x10000), { maxOutput: 100 });
    assert.deepEqual(st, { ok: false, reason: 'overflow', offset: 0 });
  });

  it('strict refuses what lzsa never writes; a console decoder would run it', () => {
    const cases: [Uint8Array, string][] = [
      [bytes(0x70, 249, 0x08, 0x00, 'abcdefgh', 0xf8, 0x0f, END), 'non-canonical-length'], // 16-bit count for 8
      [bytes(0x70, 251, noise(258, 1), 0xff, 0x0f, END), 'non-canonical-length'], // byte 251: 7 + 251
      [bytes(0x9f, 'q', 0xff, 0xff, 240, 0x0f, END), 'non-canonical-offset'], // two-byte offset 1
      [bytes(0x1f, 'q', 0xff, 240, 0x0f, END), 'non-canonical-length'], // match byte 240
      [bytes(0x1f, 'q', 0xff, 238, 0x20, 0x00, 0x0f, END), 'non-canonical-length'], // 16-bit length 32
      [bytes(0x0f, 0x01, 0xee, 0x00, 0x00), 'end-marker-form'], // end with offset byte 01
      [bytes(0x8f, 0x00, 0x00, 0xee, 0x00, 0x00), 'end-marker-form'], // end with a two-byte offset
    ];
    for (const [src, reason] of cases) {
      refuses(src, reason, true);
      refuses(src, 'ok', false);
    }
  });

  commonCodecTests(lzsa1Codec, {
    seeds: () => [lzsa1Codec.encode(tiles(3000, 2)), bytes(0x42, 'abcd', 0xfc, 0x3f, 'xyz', END)],
    likely: [0x0f, 0x00, 0xee, 0xff, 0x70, 0x8f, 249, 250, 238, 239],
  });

  it('encodes runs to a few bytes; the probe calls our encoder output strong', () => {
    assert.ok(roundTrips(lzsa1Codec, new Uint8Array(65536)).length < 20);
    const f = lzsa1Codec.encode(tiles(4096, 5));
    assert.deepEqual(
      strongHits(probeScan(lzsa1Codec, bytes(noise(50, 1), f, noise(50, 2)))).map((h) => [h.offset, h.consumed, h.size]),
      [[50, f.length, 4096]],
    );
  });
});
