import * as assert from 'node:assert/strict';
import { decode, decodeInto, tryDecode, HalDecodeError, type HalDecodeReason } from '../../../src/core/hal';
import { SpritePalError } from '../../../src/core/errors';
import { concat, hexBytes } from './helpers';

function expectError(src: Uint8Array, reason: HalDecodeReason, offset: number, start = 0, opts?: { strict?: boolean; maxOutput?: number }): void {
  assert.throws(
    () => decode(src, start, opts),
    (e: unknown) => {
      assert.ok(e instanceof HalDecodeError, String(e));
      assert.ok(e instanceof SpritePalError);
      assert.equal(e.code, 'hal-decode');
      assert.equal(e.reason, reason);
      assert.equal(e.offset, offset);
      assert.match(e.message, new RegExp(`0x${offset.toString(16).toUpperCase().padStart(6, '0')}`));
      return true;
    },
  );
}

describe('HAL decode: the format document §4 vectors', () => {
  const ok: [string, string][] = [
    ['02 01 02 03 FF', '01 02 03'],
    ['23 AA FF', 'AA AA AA AA'],
    ['42 12 34 FF', '12 34 12 34 12 34'],
    ['65 FE FF', 'FE FF 00 01 02 03'],
    ['01 0A 0B 85 00 00 FF', '0A 0B 0A 0B 0A 0B 0A 0B'],
    ['01 01 80 A1 00 00 FF', '01 80 80 01'],
    ['02 01 02 03 C2 00 02 FF', '01 02 03 03 02 01'],
    ['03 01 02 03 04 FC 03 00 00 FF', '01 02 03 04 01 02 03 04'],
    ['01 0A 0B 83 00 05 FF', '0A 0B 00 00 00 00'],
  ];
  for (const [stream, output] of ok) {
    it(`${stream} -> ${output}`, () => {
      const src = hexBytes(stream);
      const r = decode(src);
      assert.deepEqual([...r.data], [...hexBytes(output)]);
      assert.equal(r.consumed, src.length);
    });
  }

  it('long raw: E0 22 + 35 bytes + FF', () => {
    const body = Uint8Array.from({ length: 35 }, (_, k) => k * 7);
    const r = decode(concat([0xe0, 0x22], body, [0xff]));
    assert.deepEqual([...r.data], [...body]);
    assert.equal(r.consumed, 38);
  });

  it('long fills: E4 FF 55 -> 256 x 55; EB FF 01 02 -> 1,024 x 01 02', () => {
    const a = decode(hexBytes('E4 FF 55 FF'));
    assert.equal(a.data.length, 256);
    assert.ok(a.data.every((v) => v === 0x55));
    const b = decode(hexBytes('EB FF 01 02 FF'));
    assert.equal(b.data.length, 2048);
    assert.ok(b.data.every((v, k) => v === (k & 1 ? 2 : 1)));
  });

  it('a long copy: 01 02 03 04 then 36 bytes from 0', () => {
    const r = decode(hexBytes('03 01 02 03 04 F0 23 00 00 FF'));
    assert.equal(r.data.length, 40);
    assert.deepEqual([...r.data.subarray(0, 8)], [1, 2, 3, 4, 1, 2, 3, 4]);
    assert.deepEqual([...r.data.subarray(36)], [1, 2, 3, 4]);
  });

  it('accepts a long header with a small count (inhal never writes one)', () => {
    assert.deepEqual([...decode(hexBytes('E0 01 07 08 FF')).data], [7, 8]);
  });

  it('32 x EB FF 00 00 decodes to exactly 65,536 zero bytes; one more byte overflows', () => {
    const fill = Array.from({ length: 32 }, () => [0xeb, 0xff, 0, 0]).flat();
    const r = decode(concat(fill, [0xff]));
    assert.equal(r.data.length, 65536);
    assert.ok(r.data.every((v) => v === 0));
    expectError(concat(fill, [0x20, 0x00, 0xff]), 'overflow', 128);
  });

  it('count 4 backwards from offset 2 reads before index 0', () => {
    expectError(hexBytes('02 01 02 03 C3 00 02 FF'), 'copy-before-start', 4);
  });

  it('FF alone is an empty stream', () => {
    expectError(hexBytes('FF'), 'empty', 0);
  });

  it('00 41 then end of input is truncated (no terminator)', () => {
    expectError(hexBytes('00 41'), 'truncated', 2);
  });
});

describe('HAL decode: errors, bounds and options', () => {
  it('names the absolute offset of the failing command when decoding from a start offset', () => {
    const src = hexBytes('AA BB 02 01 02 03 C3 00 02 FF');
    expectError(src, 'copy-before-start', 6, 2);
    assert.deepEqual([...decode(hexBytes('AA BB 23 AA FF'), 2).data], [0xaa, 0xaa, 0xaa, 0xaa]);
    assert.equal(decode(hexBytes('AA BB 23 AA FF 00'), 2).consumed, 3);
  });

  it('reports truncation inside each kind of command', () => {
    expectError(hexBytes('E0'), 'truncated', 0); // long header cut off
    expectError(hexBytes('03 01 02'), 'truncated', 0); // raw bytes missing
    expectError(hexBytes('23'), 'truncated', 0); // byte fill value missing
    expectError(hexBytes('42 12'), 'truncated', 0); // word fill second byte missing
    expectError(hexBytes('65'), 'truncated', 0); // increasing fill value missing
    expectError(hexBytes('00 01 83 00'), 'truncated', 2); // copy offset cut off
    expectError(new Uint8Array(0), 'truncated', 0);
    expectError(hexBytes('23 AA'), 'truncated', 2, 2);
    expectError(hexBytes('23 AA FF'), 'truncated', 5, 5);
  });

  it('rejects a copy reading past 65,535 (4, 5 and 7), but not a backwards copy from there', () => {
    expectError(hexBytes('00 01 83 FF FE FF'), 'copy-past-end', 2);
    expectError(hexBytes('00 01 A3 FF FD FF'), 'copy-past-end', 2);
    expectError(hexBytes('00 01 FC 03 FF FD FF'), 'copy-past-end', 2);
    assert.deepEqual([...decode(hexBytes('00 01 83 FF FC FF')).data], [1, 0, 0, 0, 0]);
    assert.deepEqual([...decode(hexBytes('00 01 C3 FF FF FF')).data], [1, 0, 0, 0, 0]);
  });

  it('overflow is checked per command kind', () => {
    const big = concat(...Array.from({ length: 64 }, () => [0xe7, 0xff, 0x11]), [0xff]); // 64 x 1,024
    assert.equal(decode(big).data.length, 65536);
    for (const tail of [
      [0x00, 0x01],
      [0x20, 0x01],
      [0x40, 0x01, 0x02],
      [0x60, 0x01],
      [0x80, 0x00, 0x00],
      [0xa0, 0, 0],
      [0xc0, 0, 0],
    ]) {
      expectError(concat(big.subarray(0, big.length - 1), tail, [0xff]), 'overflow', 192);
    }
  });

  it('maxOutput lowers the limit (a game buffer), and is validated', () => {
    expectError(hexBytes('23 AA FF'), 'overflow', 0, 0, { maxOutput: 3 });
    assert.equal(decode(hexBytes('23 AA FF'), 0, { maxOutput: 4 }).data.length, 4);
    assert.throws(() => decode(hexBytes('23 AA FF'), 0, { maxOutput: 0 }), RangeError);
    assert.throws(() => decode(hexBytes('23 AA FF'), 0, { maxOutput: 65537 }), RangeError);
    assert.throws(() => decode(hexBytes('23 AA FF'), -1), RangeError);
  });

  it('strict mode rejects sources not written yet; the default reads them as 0 like exhal', () => {
    const ahead = hexBytes('01 0A 0B 83 00 05 FF');
    expectError(ahead, 'unwritten-source', 3, 0, { strict: true });
    expectError(hexBytes('01 0A 0B A3 00 02 FF'), 'unwritten-source', 3, 0, { strict: true });
    expectError(hexBytes('01 0A 0B C1 00 02 FF'), 'unwritten-source', 3, 0, { strict: true });
    // overlapping forward copies and backwards copies of written bytes are fine in strict mode
    assert.equal(decode(hexBytes('01 0A 0B 85 00 00 FF'), 0, { strict: true }).data.length, 8);
    assert.equal(decode(hexBytes('02 01 02 03 C2 00 02 FF'), 0, { strict: true }).data.length, 6);
    // bit-reversed copy of unwritten bytes: bitrev(0) = 0
    assert.deepEqual([...decode(hexBytes('01 0A 0B A1 00 04 FF')).data], [0x0a, 0x0b, 0, 0]);
  });

  it('a backwards copy from an unwritten offset reads 0 until it walks into bytes it wrote', () => {
    // n = 6 from 4 would read index -1
    expectError(hexBytes('01 0A 0B C5 00 04 FF'), 'copy-before-start', 3);
    // o = 2, n = 5 from 4: reads 4, 3 (not written: 0), 2 (written by this copy: 0), 1 (0B), 0 (0A)
    assert.deepEqual([...decode(hexBytes('01 0A 0B C4 00 04 FF')).data], [0x0a, 0x0b, 0, 0, 0, 0x0b, 0x0a]);
  });

  it('decodeInto works on a dirty reused buffer and reports without throwing', () => {
    const out = new Uint8Array(65536).fill(0xee);
    const st = decodeInto(hexBytes('01 0A 0B 83 00 05 FF'), 0, out);
    assert.deepEqual(st, { ok: true, size: 6, consumed: 7 });
    assert.deepEqual([...out.subarray(0, 6)], [0x0a, 0x0b, 0, 0, 0, 0]);
    assert.deepEqual(decodeInto(hexBytes('FF'), 0, out), { ok: false, reason: 'empty', offset: 0 });
    assert.throws(() => decodeInto(hexBytes('FF'), 0, new Uint8Array(10)), RangeError);
    assert.equal(decodeInto(hexBytes('23 AA FF'), 0, new Uint8Array(10), { maxOutput: 10 }).ok, true);
  });

  it('tryDecode returns null for a bad stream and a copy of the data otherwise', () => {
    assert.equal(tryDecode(hexBytes('00')), null);
    const a = tryDecode(hexBytes('23 AA FF'))!;
    const b = tryDecode(hexBytes('23 BB FF'))!;
    assert.deepEqual([...a.data], [0xaa, 0xaa, 0xaa, 0xaa]);
    assert.deepEqual([...b.data], [0xbb, 0xbb, 0xbb, 0xbb]);
  });

  it('error messages name the command, its count and source', () => {
    assert.throws(() => decode(hexBytes('02 01 02 03 C3 00 02 FF')), /command 6, count 4, source 0x0002/);
    assert.throws(() => decode(hexBytes('E0')), /long header cut off/);
    assert.throws(() => decode(hexBytes('23 AA'), 2), /end of input/);
    assert.throws(() => decode(hexBytes('FF')), /terminator/);
  });
});
