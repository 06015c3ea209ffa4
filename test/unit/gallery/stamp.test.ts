import * as assert from 'node:assert/strict';
import { blockBytes, entryStamp, mergeEntries, stampOf, Stamper } from '../../../src/core/gallery';
import { encode } from '../../../src/core/hal';
import { encodeTiles } from '../../../src/core/gfx/tiles';
import { makeThumbnail } from '../../../src/core/thumbs/thumbnail';

function tiles(count: number, seed: number): Uint8Array {
  const px = new Uint8Array(count * 64);
  for (let i = 0; i < px.length; i++) px[i] = ((i >> 3) * seed + (i & 7) + (i >> 6)) & 15;
  return encodeTiles(px, 4);
}

describe('gallery thumbnail stamps', () => {
  const raw = tiles(24, 3);
  const stream = encode(raw, { level: 'optimal' });
  const HAL = 0x1000;
  const RAW = 0x4000;
  function rom(): Uint8Array {
    const d = new Uint8Array(0x8000).fill(0xff);
    d.set(stream, HAL);
    d.set(raw, RAW);
    return d;
  }
  const hal = { romOffset: HAL, kind: 'hal' as const, bpp: 4 as const, widthTiles: 16, tiles: 24, consumed: stream.length };
  const rawEntry = { romOffset: RAW, kind: 'raw' as const, bpp: 4 as const, widthTiles: 16, tiles: 24, consumed: raw.length };

  it('covers a HAL stream up to its terminator: the bytes the decoder reads, as the thumbnail reports them', () => {
    const data = rom();
    const thumb = makeThumbnail(data, { romOffset: HAL, kind: 'hal', bpp: 4, widthTiles: 16 });
    assert.equal(blockBytes(data, { ...hal, consumed: 0 }, thumb.consumed)?.length, stream.length);
    assert.equal(entryStamp(data, { ...hal, consumed: 0 }, thumb.consumed), entryStamp(data, hal), 'learned length = measured length');
    const before = entryStamp(data, hal);
    data[HAL + stream.length] = 0x12; // after the terminator: not part of the block
    assert.equal(entryStamp(data, hal), before);
    data[HAL + stream.length - 2] ^= 0x01; // inside the stream
    assert.notEqual(entryStamp(data, hal), before);
  });

  it('changes with any byte of a raw block, and with its depth, width or tile count', () => {
    const data = rom();
    const before = entryStamp(data, rawEntry)!;
    assert.notEqual(entryStamp(data, { ...rawEntry, bpp: 2 }), before);
    assert.notEqual(entryStamp(data, { ...rawEntry, widthTiles: 8 }), before);
    assert.notEqual(entryStamp(data, { ...rawEntry, tiles: 23 }), before);
    for (const at of [RAW, RAW + 400, RAW + raw.length - 1]) {
      const edited = rom();
      edited[at] ^= 0x80;
      assert.notEqual(entryStamp(edited, rawEntry), before, `byte ${at - RAW} of the block`);
    }
    const after = rom();
    after[RAW + raw.length] ^= 0x80;
    assert.equal(entryStamp(after, rawEntry), before, 'the byte after the block');
  });

  it('is the same for the same bytes elsewhere (a moved block keeps its thumbnail)', () => {
    const data = rom();
    data.set(stream, 0x6000);
    assert.equal(entryStamp(data, { ...hal, romOffset: 0x6000 }), entryStamp(data, hal));
    assert.equal(stampOf({ kind: 'hal', bpp: 4, widthTiles: 16, tiles: 0, bytes: stream }), entryStamp(data, hal));
  });

  it('is unknown while a HAL length is, and for a block past the end of the ROM', () => {
    const data = rom();
    assert.equal(entryStamp(data, { ...hal, consumed: 0 }), null);
    assert.equal(entryStamp(data, { ...rawEntry, romOffset: data.length - 100 }), null);
  });

  it("gives an entry and its thumbnail the same stamp, learning a catalog block's length from its thumbnail", () => {
    const data = rom();
    const place = { copierHeaderSize: 0, snesOf: () => null };
    const [unmeasured] = mergeEntries(place, [], [{ name: 'Knight', romOffset: HAL, kind: 'hal', bpp: 4 }], []);
    const stamper = new Stamper();
    assert.equal(stamper.entries(data, [unmeasured!])[0]!.stamp, null, 'not decoded yet');
    const request = { romOffset: HAL, kind: 'hal' as const, bpp: 4 as const, widthTiles: 16 };
    const thumb = makeThumbnail(data, request);
    const stamp = stamper.thumbnail(data, request, thumb.consumed, unmeasured);
    assert.equal(stamp, entryStamp(data, hal));
    assert.equal(stamper.entries(data, [unmeasured!])[0]!.stamp, stamp, 'the entry now has it too');
    const rawRequest = { romOffset: RAW, kind: 'raw' as const, bpp: 4 as const, widthTiles: 16, rawTiles: 24 };
    assert.equal(stamper.thumbnail(data, rawRequest, raw.length, undefined), entryStamp(data, rawEntry));
  });
});
