import * as assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { lcLz2, lcLz3, type Codec } from '../../../src/core/codec';
import { readShared, requireShared } from '../../support/shared';

/**
 * The reference streams of ../shared/fixtures/lz/corpus: sfc-comp's optimal parses of the HAL
 * corpus inputs in LC_LZ2 (zelda_comp_2) and LC_LZ3 (pokemon_gold_comp).
 */
describe('LC_LZ2 / LC_LZ3 against the sfc-comp corpus (shared/fixtures/lz/corpus)', function () {
  this.timeout(120_000);
  let lzDir = '';
  let binDir = '';
  const streams: { codec: Codec; name: string; file: string }[] = [];
  before(function () {
    const shared = requireShared(this);
    lzDir = join(shared, 'fixtures', 'lz', 'corpus');
    binDir = join(shared, 'fixtures', 'hal', 'corpus');
    for (const f of readdirSync(lzDir).sort()) {
      const m = /^(.*)\.lc_lz([23])$/.exec(f);
      if (m) streams.push({ codec: m[2] === '2' ? lcLz2 : lcLz3, name: m[1]!, file: f });
    }
  });

  it('has a stream per input for LC_LZ2 and the inputs up to 32 KiB for LC_LZ3', () => {
    assert.equal(streams.filter((s) => s.codec === lcLz2).length, 8);
    assert.equal(streams.filter((s) => s.codec === lcLz3).length, 4);
  });

  it('decodes every stream to its input exactly, consuming the whole file (strict and lenient alike)', () => {
    for (const { codec, name, file } of streams) {
      const stream = readShared(lzDir, file);
      const bin = readShared(binDir, `${name}.bin`);
      for (const strict of [true, false]) {
        const r = codec.decode(stream, 0, { strict });
        assert.equal(r.consumed, stream.length, `${file} consumed`);
        assert.ok(Buffer.from(r.data).equals(Buffer.from(bin)), `${file} decodes to ${name}.bin`);
      }
      // decodeInto into a dirty buffer gives the same
      const out = new Uint8Array(0x10000).fill(0xa5);
      const st = codec.decodeInto(stream, 0, out, { strict: true });
      assert.ok(st.ok && st.size === bin.length && Buffer.from(out.subarray(0, st.size)).equals(Buffer.from(bin)), `${file} decodeInto`);
    }
  });

  it('decodes a stream found in the middle of other bytes (start offset, trailing bytes ignored)', () => {
    const { codec, file, name } = streams.find((s) => s.codec === lcLz3)!;
    const stream = readShared(lzDir, file);
    const padded = new Uint8Array(stream.length + 300).fill(0x55);
    padded.set(stream, 100);
    const r = codec.decode(padded, 100);
    assert.equal(r.consumed, stream.length);
    assert.ok(Buffer.from(r.data).equals(Buffer.from(readShared(binDir, `${name}.bin`))));
  });

  it('the optimal encoders write exactly as many bytes as sfc-comp, and their streams decode back strictly', () => {
    for (const { codec, name, file } of streams) {
      const bin = readShared(binDir, `${name}.bin`);
      const ours = codec.encode(bin);
      assert.equal(ours.length, readShared(lzDir, file).length, `${file}: ours ${ours.length} bytes`);
      const back = codec.decode(ours, 0, { strict: true });
      assert.equal(back.consumed, ours.length);
      assert.ok(Buffer.from(back.data).equals(Buffer.from(bin)), `${name} round trip`);
    }
  });

  it('LC_LZ3 also encodes the 64 KiB inputs sfc-comp stops at (long sources kept below 0x8000)', () => {
    for (const name of ['sprite_64k', 'zeros_64k']) {
      const bin = readShared(binDir, `${name}.bin`);
      const ours = lcLz3.encode(bin);
      const back = lcLz3.decode(ours, 0, { strict: true });
      assert.ok(Buffer.from(back.data).equals(Buffer.from(bin)), name);
      assert.ok(ours.length < lcLz2.encode(bin).length, `${name}: LC_LZ3 (${ours.length}) is smaller than LC_LZ2`);
    }
  });
});
