/**
 * Patches whose bytes are written out here by hand from the published specs (byuu's BPS spec in
 * Alcaro/Flips bps_spec.md; IPS as every patcher reads it), not produced by our encoders. CRC32s
 * come from a bit-at-a-time reference implementation of the polynomial, not from zlib.
 */
import * as assert from 'node:assert/strict';
import { applyBps, applyIps, createBps, parseIps, readBpsHeader } from '../../../src/core/patch';
import { ByteWriter, readVarint, varintSize } from '../../../src/core/patch/varint';
import { ascii, bpsFile, referenceCrc32 } from './helpers';

describe('patch vectors from the specs', () => {
  it('the reference CRC32 gives the standard check value', () => {
    assert.equal(referenceCrc32(Uint8Array.from(ascii('123456789'))), 0xcbf43926);
  });

  it('beat numbers: the spec encoding, one byte per 7 bits with the off-by-one', () => {
    const cases: [number, number[]][] = [
      [0, [0x80]],
      [1, [0x81]],
      [127, [0xff]],
      [128, [0x00, 0x80]],
      [255, [0x7f, 0x80]],
      [16511, [0x7f, 0xff]],
      [16512, [0x00, 0x00, 0x80]],
    ];
    for (const [n, bytes] of cases) {
      const w = new ByteWriter();
      w.varint(n);
      assert.deepEqual(Array.from(w.result()), bytes, `encode ${n}`);
      assert.equal(varintSize(n), bytes.length);
      assert.deepEqual(readVarint(Uint8Array.from(bytes), 0, bytes.length, 'n'), { value: n, next: bytes.length });
    }
  });

  it('BPS: all four actions, a backward SourceCopy and an overlapping TargetCopy', () => {
    const source = Uint8Array.from(ascii('ABCDEFGH'));
    const target = Uint8Array.from(ascii('ABCDxyEFGHEFGHABzzzz'));
    const patch = bpsFile(source, target, [
      ...ascii('BPS1'),
      0x88, // source size 8
      0x94, // target size 20
      0x80, // no metadata
      0x8c, // SourceRead 4: ((4-1)<<2)|0 = 12         -> ABCD
      0x85,
      ...ascii('xy'), // TargetRead 2: (1<<2)|1  -> xy
      0x8e,
      0x88, // SourceCopy 4: (3<<2)|2, +4 -> 8  -> EFGH (source cursor 8)
      0x8f,
      0x8c, // TargetCopy 4: (3<<2)|3, +6 -> 12 -> EFGH (target cursor 10)
      0x86,
      0x91, // SourceCopy 2: (1<<2)|2, -8 -> 17 -> AB
      0x81,
      ...ascii('z'), // TargetRead 1             -> z
      0x8b,
      0x8c, // TargetCopy 3: (2<<2)|3, +6 -> 12 -> zzz from the z just written
    ]);
    const r = applyBps(source, patch);
    assert.equal(Buffer.from(r.target).toString('latin1'), 'ABCDxyEFGHEFGHABzzzz');
    assert.deepEqual(r.stats.actions, { sourceRead: 1, targetRead: 2, sourceCopy: 2, targetCopy: 2 });
    assert.deepEqual(r.stats.bytes, { sourceRead: 4, targetRead: 3, sourceCopy: 6, targetCopy: 7 });
    const h = readBpsHeader(patch);
    assert.equal(h.sourceCrc, referenceCrc32(source));
    assert.equal(h.targetCrc, referenceCrc32(target));
  });

  it('BPS: metadata is skipped, and our encoder writes the same header and footer', () => {
    const source = Uint8Array.from(ascii('hello'));
    const target = Uint8Array.from(ascii('hellO'));
    const patch = bpsFile(source, target, [...ascii('BPS1'), 0x85, 0x85, 0x83, ...ascii('<x>'), 0x8c, 0x81, ...ascii('O')]);
    assert.equal(Buffer.from(applyBps(source, patch).target).toString('latin1'), 'hellO');
    assert.deepEqual(Array.from(readBpsHeader(patch).metadata), ascii('<x>'));
    // SourceRead 4 then TargetRead "O" is also the cheapest encoding, so ours is byte-identical.
    const ours = createBps(source, target, { metadata: Uint8Array.from(ascii('<x>')) });
    assert.deepEqual(Array.from(ours), Array.from(patch));
  });

  it('IPS: a literal record, an RLE record, growth past the end and the truncation extension', () => {
    const source = new Uint8Array(16);
    const patch = Uint8Array.from([
      ...ascii('PATCH'),
      0x00,
      0x00,
      0x02,
      0x00,
      0x03,
      ...ascii('abc'), // 3 bytes at 2
      0x00,
      0x00,
      0x0a,
      0x00,
      0x00,
      0x00,
      0x04,
      0x5a, // RLE: 4 x 'Z' at 10
      ...ascii('EOF'),
    ]);
    const out = applyIps(source, patch);
    assert.deepEqual(Array.from(out), [0, 0, ...ascii('abc'), 0, 0, 0, 0, 0, ...ascii('ZZZZ'), 0, 0]);
    const parsed = parseIps(patch);
    assert.deepEqual(
      parsed.records.map((r) => [r.offset, r.size, r.rleByte]),
      [
        [2, 3, undefined],
        [10, 4, 0x5a],
      ],
    );
    assert.equal(parsed.truncate, null);

    const grow = Uint8Array.from([...ascii('PATCH'), 0x00, 0x00, 0x12, 0x00, 0x01, 0x77, ...ascii('EOF')]);
    assert.deepEqual(Array.from(applyIps(source, grow)), [...new Array(18).fill(0), 0x77]);

    const cut = Uint8Array.from([...ascii('PATCH'), 0x00, 0x00, 0x00, 0x00, 0x01, 0x41, ...ascii('EOF'), 0x00, 0x00, 0x05]);
    assert.deepEqual(Array.from(applyIps(source, cut)), [0x41, 0, 0, 0, 0]);
    assert.equal(parseIps(cut).truncate, 5);
  });
});
