import * as assert from 'node:assert/strict';
import { lz4Codec } from '../../../../src/core/codec/lz4';
import { probeScan, strongHits } from '../../../../src/core/codec/probe-scan';
import { numericTables } from '../../../../src/core/codec/synthetic-tables';
import { requireShared } from '../../../support/shared';
import { bytes, fuzzDecoder, homebrewRoms, knownLz4Frames, noise, tiles } from '../helpers';
import { FLG, frame, sequence } from './frame-builder';

describe('lz4 probe', () => {
  it('finds a frame by its magic and calls it strong, listing what it verified', () => {
    const f = lz4Codec.encode(tiles(3000));
    const src = bytes(noise(100, 1), f, noise(100, 2));
    const scan = probeScan(lz4Codec, src, { minSize: 1 });
    assert.equal(scan.candidates, 1);
    assert.deepEqual(
      scan.hits.map((h) => [h.offset, h.consumed, h.size, h.confidence]),
      [[100, f.length, 3000, 'strong']],
    );
    assert.ok(scan.hits[0]!.reasons.includes('content checksum verified'));
    const linked = frame({
      flg: FLG.version | FLG.blockChecksum | FLG.contentSize,
      contentSize: 5,
      blocks: [{ data: Uint8Array.from(sequence(bytes('hello'))) }],
    });
    const v = lz4Codec.probe!.judge(linked, 0, linked.length, bytes('hello'));
    assert.ok(v.reasons.includes('block checksums verified') && v.reasons.includes('content size matches'));
    assert.match(v.reasons.at(-1)!, /^linked blocks/);
  });

  it('finds nothing in generated 16-bit numeric tables', () => {
    assert.equal(strongHits(probeScan(lz4Codec, numericTables(1 << 16))).length, 0);
  });

  it('fuzz: random and mutated frames never throw, hang or write past maxOutput', function () {
    this.timeout(120_000);
    const seeds = [
      lz4Codec.encode(tiles(2000, 4)),
      lz4Codec.encode(noise(300, 5)),
      frame({
        flg: FLG.version | FLG.blockChecksum | FLG.contentChecksum | FLG.contentSize,
        contentSize: 5,
        content: bytes('hello'),
        blocks: [{ data: Uint8Array.from(sequence(bytes('hello'))) }],
      }),
    ];
    fuzzDecoder(lz4Codec, seeds, [0x04, 0x22, 0x4d, 0x18, 0x64, 0x40, 0x60, 0x7c, 0x80, 0xff, 0x00, 0xf0, 0x0f], 300);
  });

  describe('on the homebrew ROMs in ../shared', () => {
    let shared: string;
    before(function () {
      shared = requireShared(this);
    });

    it('reports exactly the 9 real frames of the libSFX ROMs (offset, whole-frame length) and nothing else, at 512 bytes', function () {
      this.timeout(120_000);
      const known = knownLz4Frames(shared);
      const found: string[] = [];
      for (const rom of homebrewRoms(shared)) {
        for (const h of strongHits(probeScan(lz4Codec, rom.data, { minSize: 512 }))) found.push(`${rom.name}@${h.offset}+${h.consumed}`);
      }
      assert.deepEqual(found.sort(), known.map((k) => `${k.rom}@${k.offset}+${k.length}`).sort());
    });
  });
});
