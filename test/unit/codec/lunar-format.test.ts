import * as assert from 'node:assert/strict';
import { CodecDecodeError, lcLz2, lcLz3, type Codec, type CodecDecodeOptions } from '../../../src/core/codec';
import { bitrev8, hexBytes } from '../hal/helpers';

const out = new Uint8Array(0x10000);

function decoded(codec: Codec, hex: string, opts?: CodecDecodeOptions): number[] {
  return Array.from(codec.decode(hexBytes(hex), 0, opts).data);
}

function failure(codec: Codec, hex: string, opts?: CodecDecodeOptions): { reason: string; offset: number } {
  const st = codec.decodeInto(hexBytes(hex), 0, out, opts);
  assert.ok(!st.ok, `${hex} should not decode`);
  assert.throws(
    () => codec.decode(hexBytes(hex), 0, opts),
    (e: unknown) => e instanceof CodecDecodeError && e.reason === st.reason && e.offset === st.offset && e.codec === codec.id,
  );
  return { reason: st.reason, offset: st.offset };
}

const seq = (n: number, f: (k: number) => number) => Array.from({ length: n }, (_, k) => f(k));

describe('LC_LZ2 commands (short and long headers, big-endian repeat addresses)', () => {
  it('direct copy, byte fill, word fill (an odd count ends on the first byte), increasing fill (wraps FF -> 00)', () => {
    assert.deepEqual(decoded(lcLz2, '02 0a 0b 0c  22 07  44 12 34  63 fe  ff'), [0xa, 0xb, 0xc, 7, 7, 7, 0x12, 0x34, 0x12, 0x34, 0x12, 0xfe, 0xff, 0, 1]);
  });

  it('a long header holds counts 33..1,024 (10 bits + 1)', () => {
    assert.deepEqual(
      decoded(lcLz2, 'e4 20 09 ff'),
      seq(33, () => 9),
    ); // byte fill, count 0x20 + 1
    assert.equal(lcLz2.decode(hexBytes('e7 ff 00 ff')).data.length, 1024);
    assert.deepEqual(
      decoded(lcLz2, 'ec 22 f0 ff'),
      seq(35, (k) => (0xf0 + k) & 0xff),
    );
  });

  it('a repeat reads its address big-endian and copies bytewise (an overlap repeats a pattern)', () => {
    // 01 02 03, then repeat 7 from address 0x0001: 02 03 02 03 02 03 02
    assert.deepEqual(decoded(lcLz2, '02 01 02 03  86 00 01  ff'), [1, 2, 3, 2, 3, 2, 3, 2, 3, 2]);
    // a long repeat from a 16-bit address past 0xFF
    const raw = seq(300, (k) => (k * 7) & 0xff);
    const stream = [0xe1, 0x2b, ...raw, 0xf0, 0x27, 0x01, 0x00, 0xff]; // raw 300, repeat 40 from 0x0100
    assert.deepEqual(Array.from(lcLz2.decode(Uint8Array.from(stream)).data), [...raw, ...raw.slice(0x100, 0x100 + 40)]);
  });

  it('refuses the unused commands 5 and 6 and a long header with command 7 (console decoders disagree on them)', () => {
    assert.deepEqual(failure(lcLz2, '00 01 a0 00 00 ff'), { reason: 'reserved-command', offset: 2 });
    assert.deepEqual(failure(lcLz2, '00 01 c0 00 00 ff'), { reason: 'reserved-command', offset: 2 });
    assert.deepEqual(failure(lcLz2, '00 01 fc 00 ff'), { reason: 'reserved-command', offset: 2 });
  });

  it('a repeat from output not written yet fails in strict mode and reads 0 leniently', () => {
    assert.deepEqual(failure(lcLz2, '00 05 82 00 01 ff', { strict: true }), { reason: 'unwritten-source', offset: 2 });
    assert.deepEqual(decoded(lcLz2, '00 05 82 00 01 ff'), [5, 0, 0, 0]);
    // the answer does not depend on what the buffer held before
    const dirty = new Uint8Array(0x10000).fill(0x77);
    const st = lcLz2.decodeInto(hexBytes('00 05 82 00 01 ff'), 0, dirty);
    assert.ok(st.ok);
    assert.deepEqual(Array.from(dirty.subarray(0, 4)), [5, 0, 0, 0]);
  });

  it('fails with the offset of the failing command: truncation, the limit, the empty stream', () => {
    assert.deepEqual(failure(lcLz2, '03 01 02'), { reason: 'truncated', offset: 0 });
    assert.deepEqual(failure(lcLz2, '00 01'), { reason: 'truncated', offset: 2 });
    assert.deepEqual(failure(lcLz2, '00 01 e4'), { reason: 'truncated', offset: 2 });
    assert.deepEqual(failure(lcLz2, '00 01 82 00'), { reason: 'truncated', offset: 2 });
    assert.deepEqual(failure(lcLz2, '00 01 40 02'), { reason: 'truncated', offset: 2 });
    assert.deepEqual(failure(lcLz2, 'ff'), { reason: 'empty', offset: 0 });
    assert.deepEqual(failure(lcLz2, '00 01 3f 00 ff', { maxOutput: 20 }), { reason: 'overflow', offset: 2 });
    assert.equal(decoded(lcLz2, '00 01 3f 00 ff', { maxOutput: 33 }).length, 33);
    // the 64 KiB limit: 64 fills of 1,024 fit, one byte more does not
    const full = [...Array.from({ length: 64 }, () => [0xe7, 0xff, 0]).flat(), 0xff];
    assert.equal(lcLz2.decode(Uint8Array.from(full)).data.length, 0x10000);
    assert.equal(failure(lcLz2, Buffer.from([0x00, 0x01, ...full]).toString('hex')).reason, 'overflow');
  });

  it('`length` bounds what may be read: a stream running past it is truncated there', () => {
    assert.deepEqual(failure(lcLz2, '02 01 02 03 ff', { length: 4 }), { reason: 'truncated', offset: 4 });
    assert.equal(lcLz2.decode(hexBytes('02 01 02 03 ff 99'), 0, { length: 5 }).consumed, 5);
  });

  it('checks its arguments (a caller mistake is a RangeError, not a decode failure)', () => {
    const s = hexBytes('00 01 ff');
    assert.throws(() => lcLz2.decodeInto(s, 0, new Uint8Array(100)), RangeError);
    assert.throws(() => lcLz2.decodeInto(s, -1, out), RangeError);
    assert.throws(() => lcLz2.decodeInto(s, 0, out, { maxOutput: 0x10001 }), RangeError);
    assert.throws(() => lcLz2.decodeInto(s, 0, out, { length: -1 }), RangeError);
    assert.throws(() => lcLz2.decode(s, 0, { maxOutput: 0 }), RangeError);
  });
});

describe('LC_LZ3 commands (zero fill, near and long sources, bit-reversed and backwards repeats)', () => {
  const base = [0x12, 0x34, 0x56, 0x78, 0x9a];
  const raw = `04 ${base.map((b) => b.toString(16)).join(' ')}`;

  it('direct copy, byte fill, word fill, zero fill (no operand)', () => {
    assert.deepEqual(decoded(lcLz3, '01 aa bb  21 07  42 01 02  62  ff'), [0xaa, 0xbb, 7, 7, 1, 2, 1, 0, 0, 0]);
    assert.deepEqual(
      decoded(lcLz3, 'ec 27 ff'),
      seq(40, () => 0),
    ); // long zero fill
  });

  it('a near source is 1..128 bytes back in one byte; a long one a 15-bit big-endian address', () => {
    assert.deepEqual(decoded(lcLz3, `${raw} 82 84 ff`), [...base, 0x12, 0x34, 0x56]); // 5 back
    assert.deepEqual(decoded(lcLz3, `${raw} 81 00 01 ff`), [...base, 0x34, 0x56]); // address 0x0001
    assert.deepEqual(decoded(lcLz3, `${raw} 86 80 ff`), [...base, 0x9a, 0x9a, 0x9a, 0x9a, 0x9a, 0x9a, 0x9a]); // 1 back: a run
  });

  it('bit-reversed repeats flip each byte; backwards repeats read down from the source', () => {
    assert.deepEqual(decoded(lcLz3, `${raw} a2 84 ff`), [...base, ...base.slice(0, 3).map(bitrev8)]);
    assert.deepEqual(decoded(lcLz3, `${raw} c4 80 ff`), [...base, ...base.slice().reverse()]); // from 0x9a down
    assert.deepEqual(decoded(lcLz3, `${raw} c2 00 02 ff`), [...base, 0x56, 0x34, 0x12]); // from address 2 down
  });

  it('refuses a source before the output, a backwards run reading past its start, and command 7 in a long header', () => {
    assert.deepEqual(failure(lcLz3, '01 aa bb 82 82 ff'), { reason: 'copy-before-start', offset: 3 }); // 3 back from 2
    assert.deepEqual(failure(lcLz3, '01 aa bb c3 00 01 ff'), { reason: 'copy-before-start', offset: 3 }); // 4 down from 1
    assert.deepEqual(failure(lcLz3, '01 aa bb fc 00 ff'), { reason: 'reserved-command', offset: 3 });
  });

  it('a long source not written yet fails in strict mode; leniently it reads 0 (bit-reversed too), backwards into itself', () => {
    assert.equal(failure(lcLz3, '01 aa bb 81 00 05 ff', { strict: true }).reason, 'unwritten-source');
    assert.deepEqual(decoded(lcLz3, '01 aa bb 81 00 05 ff'), [0xaa, 0xbb, 0, 0]);
    assert.deepEqual(decoded(lcLz3, '01 aa bb a1 00 05 ff'), [0xaa, 0xbb, 0, 0]);
    // backwards from address 3 (= the copy's own first byte): reads 3 (unwritten: 0), then 2 (just written), 1, 0
    assert.deepEqual(decoded(lcLz3, '02 aa bb cc c3 00 03 ff'), [0xaa, 0xbb, 0xcc, 0, 0xcc, 0xbb, 0xaa]);
  });

  it('fails on truncated operands with the command offset', () => {
    assert.deepEqual(failure(lcLz3, `${raw} 82`), { reason: 'truncated', offset: 6 });
    assert.deepEqual(failure(lcLz3, `${raw} 82 00`), { reason: 'truncated', offset: 6 });
    assert.deepEqual(failure(lcLz3, `${raw} 21`), { reason: 'truncated', offset: 6 });
    assert.deepEqual(failure(lcLz3, `${raw} 41 01`), { reason: 'truncated', offset: 6 });
    assert.deepEqual(failure(lcLz3, `${raw} e0`), { reason: 'truncated', offset: 6 });
    assert.deepEqual(failure(lcLz3, `${raw} 7f`, { maxOutput: 20 }), { reason: 'overflow', offset: 6 });
  });
});
