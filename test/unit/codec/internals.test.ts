import * as assert from 'node:assert/strict';
import { copyMatch } from '../../../src/core/codec/copy';
import { checkEncodeArgs } from '../../../src/core/codec/encode-args';
import { bitsOf, STRONG_BITS } from '../../../src/core/codec/evidence';
import { lzsa1Codec } from '../../../src/core/codec/lzsa1';
import { probeScan } from '../../../src/core/codec/probe-scan';
import { CodecEncodeError, type Codec } from '../../../src/core/codec/types';
import { WindowMatchFinder } from '../../../src/core/codec/window-match-finder';
import { zx0Codec } from '../../../src/core/codec/zx0';
import { bytes, noise, tiles } from './helpers';

describe('codec internals', () => {
  it('a judge called on its own decodes the stream again, and says when it is not one', () => {
    const f = lzsa1Codec.encode(tiles(2048, 3));
    const out = new Uint8Array(0x10000);
    const st = lzsa1Codec.decodeInto(f, 0, out, { strict: true });
    assert.ok(st.ok);
    const data = out.slice(0, st.size);
    // another decode in between (lenient, elsewhere): the judge cannot use what it recorded
    lzsa1Codec.decodeInto(noise(10), 0, out);
    const again = lzsa1Codec.probe!.judge(f, 0, f.length, data);
    assert.equal(again.confidence, 'strong');
    assert.match(again.reasons.join('; '), /bits of evidence/);
    const wrong = lzsa1Codec.probe!.judge(f, 0, f.length - 1, data);
    assert.deepEqual(wrong, { confidence: 'weak', reasons: [`the strict stream here is ${f.length} bytes long, not ${f.length - 1}`] });
    const junk = lzsa1Codec.probe!.judge(noise(40, 2), 0, 40, data);
    assert.equal(junk.confidence, 'weak');
    assert.match(junk.reasons[0]!, /^not a strict stream here \(/);
  });

  it('bits of evidence: -log2 of a chance, 0 for a sure thing, capped for an impossible one', () => {
    assert.equal(bitsOf(1), 0);
    assert.equal(bitsOf(0.25), 2);
    assert.equal(bitsOf(0), 64);
    assert.equal(STRONG_BITS, 40);
  });

  it('zx0: a stream cut inside its first length code or literals is truncated', () => {
    // 7F: a literal count of 3 (0 1 1) and no literals; 00: a count whose code never ends
    assert.deepEqual(zx0Codec.decodeInto(bytes(0x7f), 0, new Uint8Array(0x10000)), { ok: false, reason: 'truncated', offset: 0 });
    assert.deepEqual(zx0Codec.decodeInto(bytes(0x00), 0, new Uint8Array(0x10000)), { ok: false, reason: 'truncated', offset: 0 });
  });

  it('copyMatch repeats a pattern of any period, short or long', () => {
    for (const off of [1, 2, 3, 5, 16, 40]) {
      for (const n of [1, 7, 15, 16, 17, 100, 1000]) {
        const out = new Uint8Array(off + n);
        out.set(noise(off, off));
        copyMatch(out, off, off, n);
        for (let k = 0; k < n; k++) assert.equal(out[off + k], out[k], `off ${off} n ${n} k ${k}`);
      }
    }
  });

  it('the window match finder: longest match inside each window, queries only forward', () => {
    const data = bytes('abcdefgh', noise(20, 1), 'abcdefgh', 'abcd');
    const f = new WindowMatchFinder(data, [8, 64]);
    assert.equal(f.longest(1, 28), 8, 'abcdefgh, 28 back');
    assert.equal(f.source, 0);
    assert.equal(f.longest(0, 28), 0, 'nothing within 8 bytes');
    assert.equal(f.longest(0, 36), 4, 'abcd, 8 back');
    assert.equal(f.source, 28);
    assert.throws(() => f.longest(0, 3), /must not go backwards/);
  });

  it('encoders refuse with a clear message when a codec has no encoder; a scan needs a probe', () => {
    assert.throws(
      () => checkEncodeArgs('nope', [], 10, bytes(1), {}),
      (e: unknown) => e instanceof CodecEncodeError && /no encoder for this format \(it decodes only\)/.test(e.message),
    );
    assert.throws(() => probeScan({ ...lzsa1Codec, probe: undefined } as Codec, bytes(1)), /has no probe/);
  });
});
