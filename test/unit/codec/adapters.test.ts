import * as assert from 'node:assert/strict';
import * as hal from '../../../src/core/hal';
import { CodecDecodeError, CodecEncodeError, halCodec, rawCodec } from '../../../src/core/codec';
import { randomBytes, spriteSheet } from '../hal/helpers';

describe('hal codec (a wrapper over src/core/hal)', () => {
  const sheet = spriteSheet(6000, 4);

  it('encodes byte for byte as src/core/hal at every level (fast = inhal -1, greedy = inhal -2, optimal the default)', () => {
    assert.deepEqual(halCodec.levels, ['optimal', 'greedy', 'fast']);
    assert.equal(halCodec.version, hal.HAL_CODEC_VERSION);
    for (const level of hal.HAL_LEVELS) {
      assert.ok(Buffer.from(halCodec.encode(sheet, { level })).equals(Buffer.from(hal.encode(sheet, { level }))), level);
    }
    assert.ok(Buffer.from(halCodec.encode(sheet)).equals(Buffer.from(hal.encode(sheet))));
  });

  it('decodes as src/core/hal does, statuses included, and decode throws a CodecDecodeError with the same offset', () => {
    const stream = hal.encode(sheet, { level: 'greedy' });
    const out = new Uint8Array(0x10000);
    assert.deepEqual(halCodec.decodeInto(stream, 0, out, { strict: true }), hal.decodeInto(stream, 0, new Uint8Array(0x10000), { strict: true }));
    assert.ok(Buffer.from(halCodec.decode(stream).data).equals(Buffer.from(sheet)));
    const cut = stream.subarray(0, stream.length - 1);
    const st = hal.decodeInto(cut, 0, new Uint8Array(0x10000));
    assert.ok(!st.ok);
    assert.throws(
      () => halCodec.decode(cut),
      (e: unknown) => e instanceof CodecDecodeError && e.code === 'hal-decode' && e.offset === st.offset && e.reason === st.reason,
    );
  });

  it('`length` stops the stream where the block ends', () => {
    const stream = hal.encode(sheet);
    assert.equal(halCodec.decodeInto(stream, 0, new Uint8Array(0x10000), { length: stream.length }).ok, true);
    const st = halCodec.decodeInto(stream, 0, new Uint8Array(0x10000), { length: stream.length - 1 });
    assert.ok(!st.ok && st.reason === 'truncated');
  });

  it("turns src/core/hal's encode errors into CodecEncodeErrors", () => {
    assert.throws(
      () => halCodec.encode(new Uint8Array(0)),
      (e: unknown) => e instanceof CodecEncodeError && e.code === 'hal-encode',
    );
    assert.throws(() => halCodec.encode(randomBytes(4000, 2), { maxSize: 100 }), CodecEncodeError);
    assert.throws(() => halCodec.encode(sheet, { level: 'best' }), /unknown level "best"/);
  });
});

describe('raw codec (uncompressed tiles)', () => {
  const rom = randomBytes(1000, 8);

  it('decodes `length` bytes as they are and encodes as the identity', () => {
    const r = rawCodec.decode(rom, 100, { length: 64 });
    assert.ok(Buffer.from(r.data).equals(Buffer.from(rom.subarray(100, 164))));
    assert.equal(r.consumed, 64);
    const out = new Uint8Array(64);
    assert.deepEqual(rawCodec.decodeInto(rom, 100, out, { length: 64 }), { ok: true, size: 64, consumed: 64 });
    assert.ok(Buffer.from(out).equals(Buffer.from(r.data)));
    const tiles = spriteSheet(512, 1);
    const enc = rawCodec.encode(tiles);
    assert.ok(Buffer.from(enc).equals(Buffer.from(tiles)) && enc !== tiles);
    assert.equal(rawCodec.selfDelimiting, false);
    assert.deepEqual(rawCodec.levels, ['none']);
  });

  it('needs a length (a caller mistake), and fails past the data, over the limit or for 0 bytes', () => {
    assert.throws(() => rawCodec.decode(rom, 0), /pass the block length/);
    assert.throws(() => rawCodec.decodeInto(rom, 0, new Uint8Array(10)), RangeError);
    assert.throws(() => rawCodec.decodeInto(rom, 0, new Uint8Array(10), { length: 64 }), /buffer holds 10 bytes, needs 64/);
    assert.throws(() => rawCodec.decode(rom, 0, { length: 1.5 }), RangeError);
    assert.throws(
      () => rawCodec.decode(rom, 990, { length: 64 }),
      (e: unknown) => e instanceof CodecDecodeError && e.reason === 'truncated' && e.offset === 1000,
    );
    assert.throws(
      () => rawCodec.decode(rom, 0, { length: 64, maxOutput: 32 }),
      (e: unknown) => e instanceof CodecDecodeError && e.reason === 'overflow',
    );
    assert.deepEqual(rawCodec.decodeInto(rom, 5, new Uint8Array(8), { length: 0 }), { ok: false, reason: 'empty', offset: 5 });
    assert.throws(() => rawCodec.encode(new Uint8Array(0)), CodecEncodeError);
    assert.throws(() => rawCodec.encode(rom, { maxSize: 10 }), /more than the limit of 10 bytes/);
  });
});
