import * as assert from 'node:assert/strict';
import {
  codecIds,
  decodeVia,
  findCodec,
  gbaLz77,
  getCodec,
  halCodec,
  lcLz2,
  lcLz3,
  listCodecs,
  rawCodec,
  registerCodec,
  UnknownCodecError,
  type Codec,
} from '../../../src/core/codec';

/** A codec a test adds: one byte per block (n, then n bytes), to show the registry takes anything. */
function lengthPrefixed(id = 'test-length-prefixed'): Codec {
  const decodeInto: Codec['decodeInto'] = (src, start, out) => {
    const n = src[start];
    if (n === undefined || n === 0) return { ok: false, reason: 'empty', offset: start };
    if (start + 1 + n > src.length) return { ok: false, reason: 'truncated', offset: start };
    out.set(src.subarray(start + 1, start + 1 + n));
    return { ok: true, size: n, consumed: n + 1 };
  };
  return {
    id,
    name: 'Length-prefixed (test)',
    usedBy: ['unit tests'],
    version: 'test-1',
    maxOutput: 255,
    selfDelimiting: true,
    levels: ['only'],
    defaultLevel: 'only',
    decodeInto,
    decode: decodeVia({ id, maxOutput: 255, decodeInto }),
    encode: (data) => Uint8Array.from([data.length, ...data]),
  };
}

describe('codec registry', () => {
  it('ships hal, raw, lc-lz2, lc-lz3, gba-lz77, lz4, lzsa1, lzsa2, zx0 and nesdoug-rle, in that order, each found by id', () => {
    assert.deepEqual(codecIds().slice(0, 10), ['hal', 'raw', 'lc-lz2', 'lc-lz3', 'gba-lz77', 'lz4', 'lzsa1', 'lzsa2', 'zx0', 'nesdoug-rle']);
    assert.deepEqual(listCodecs().slice(0, 5), [halCodec, rawCodec, lcLz2, lcLz3, gbaLz77]);
    for (const c of listCodecs()) assert.equal(getCodec(c.id), c);
  });

  it('an unknown id is a clear error that lists the known ones', () => {
    assert.equal(findCodec('lz77'), undefined);
    assert.throws(
      () => getCodec('lz77'),
      (e: unknown) => e instanceof UnknownCodecError && e.code === 'unknown-codec' && e.message === `unknown codec "lz77" (known: ${codecIds().join(', ')})`,
    );
  });

  it('a codec registered in a test is listed and found until it is disposed', () => {
    const codec = lengthPrefixed();
    const handle = registerCodec(codec);
    try {
      assert.equal(getCodec(codec.id), codec);
      assert.equal(listCodecs().at(-1), codec);
      const stream = getCodec(codec.id).encode(Uint8Array.from([1, 2, 3]));
      assert.deepEqual(Array.from(getCodec(codec.id).decode(stream).data), [1, 2, 3]);
    } finally {
      handle.dispose();
    }
    assert.equal(findCodec(codec.id), undefined);
    handle.dispose(); // twice is harmless
    assert.ok(!codecIds().includes(codec.id));
  });

  it('refuses a taken id, a malformed id, a bad limit and a default level it does not have', () => {
    assert.throws(() => registerCodec({ ...lengthPrefixed(), id: 'hal' }), /"hal" is already registered/);
    assert.throws(() => registerCodec(lengthPrefixed('LZ_77')), /lower-case words joined by hyphens/);
    assert.throws(() => registerCodec({ ...lengthPrefixed(), maxOutput: 0 }), /maxOutput/);
    assert.throws(() => registerCodec({ ...lengthPrefixed(), defaultLevel: 'max' }), /default level "max" is not one of its levels \(only\)/);
    assert.deepEqual(codecIds().slice(0, 10), ['hal', 'raw', 'lc-lz2', 'lc-lz3', 'gba-lz77', 'lz4', 'lzsa1', 'lzsa2', 'zx0', 'nesdoug-rle']);
  });

  it('disposing a stale handle does not remove a codec registered again under the same id', () => {
    const first = registerCodec(lengthPrefixed());
    first.dispose();
    const again = lengthPrefixed();
    const second = registerCodec(again);
    first.dispose();
    assert.equal(getCodec(again.id), again);
    second.dispose();
  });

  it('describes every built-in codec for `spritepal codecs`: name, users, a version, levels with the default first', () => {
    for (const c of listCodecs()) {
      assert.ok(c.name.length > 3 && c.usedBy.length > 0 && c.version.length > 0, c.id);
      if (c.levels.length) assert.equal(c.levels[0], c.defaultLevel, `${c.id}: the default level comes first`);
    }
  });
});
