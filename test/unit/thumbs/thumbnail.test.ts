import * as assert from 'node:assert/strict';
import { encode } from '../../../src/core/hal';
import { decodeTiles, encodeTiles } from '../../../src/core/gfx/tiles';
import { tilesToImage } from '../../../src/core/gfx/arrange';
import { makeThumbnail } from '../../../src/core/thumbs/thumbnail';
import { buildRom } from '../../../src/core/rom/build';
import { RomSession } from '../../../src/core/session/rom-session';
import { createServices } from '../../../src/core/session/services';
import { resolve } from 'node:path';

function tilePixels(count: number): Uint8Array {
  const px = new Uint8Array(count * 64);
  for (let i = 0; i < px.length; i++) px[i] = ((i >> 3) + (i & 7) + (i >> 6)) & 15;
  return px;
}

describe('thumbnails', () => {
  const pixels = tilePixels(40);
  const raw = encodeTiles(pixels, 4);
  const stream = encode(raw, { level: 'optimal' });
  const file = buildRom({
    mapping: 'lorom',
    size: 0x20000,
    content: (d) => {
      d.set(stream, 0x10000);
      d.set(raw, 0x18000);
      d.set([0x02, 0x01, 0x02, 0x03, 0xc3, 0x00, 0x02, 0xff], 0x1c000); // a backwards copy before 0: invalid
    },
  });
  const data = file;

  it('decodes a HAL block into the same indexed image the graphics core makes', () => {
    const t = makeThumbnail(data, { romOffset: 0x10000, kind: 'hal', bpp: 4, widthTiles: 8 });
    const expected = tilesToImage(decodeTiles(raw, 4), { widthTiles: 8 });
    assert.equal(t.width, 64);
    assert.equal(t.height, expected.height);
    assert.deepEqual(Buffer.from(t.pixels), Buffer.from(expected.pixels));
    assert.equal(t.tiles, 40);
    assert.equal(t.consumed, stream.length);
    assert.equal(t.size, raw.length);
  });

  it('draws at most maxTiles but reports the whole block', () => {
    const t = makeThumbnail(data, { romOffset: 0x10000, kind: 'hal', bpp: 4, widthTiles: 16, maxTiles: 16 });
    assert.equal(t.width, 128);
    assert.equal(t.height, 8);
    assert.equal(t.tiles, 40);
  });

  it('reads raw tiles, and refuses a raw block without a tile count', () => {
    const t = makeThumbnail(data, { romOffset: 0x18000, kind: 'raw', bpp: 4, widthTiles: 16, rawTiles: 40 });
    assert.deepEqual(Buffer.from(t.pixels), Buffer.from(tilesToImage(decodeTiles(raw, 4), { widthTiles: 16 }).pixels));
    assert.throws(() => makeThumbnail(data, { romOffset: 0x18000, kind: 'raw', bpp: 4, widthTiles: 16 }), /tile count/);
  });

  it('renders on the worker pool and inline alike, caches them, and reports bad blocks per item', async () => {
    const workerScript = resolve(__dirname, '../../../src/core/workers/worker-main.js');
    const pooled = createServices({ workerScript, jobs: 2 });
    const inline = createServices();
    try {
      const reqs = [
        { romOffset: 0x10000, kind: 'hal' as const, bpp: 4 as const, widthTiles: 16 },
        { romOffset: 0x18000, kind: 'raw' as const, bpp: 4 as const, widthTiles: 16, rawTiles: 40 },
        { romOffset: 0x1c000, kind: 'hal' as const, bpp: 4 as const, widthTiles: 16 },
      ];
      const a = await RomSession.open(file.slice(), 'a', pooled).thumbnails(reqs);
      const b = await RomSession.open(file.slice(), 'b', inline).thumbnails(reqs);
      for (let i = 0; i < 2; i++) {
        const x = a[i]!;
        const y = b[i]!;
        assert.ok(!('error' in x) && !('error' in y));
        assert.deepEqual(Buffer.from(x.pixels), Buffer.from(y.pixels));
      }
      assert.ok('error' in a[2]! && 'error' in b[2]!, 'an invalid stream is an error entry, not a failed request');
      assert.equal(pooled.metrics.snapshot().errors['decode-failed']!.count, 1);
      const again = RomSession.open(file.slice(), 'c', pooled);
      await again.thumbnails(reqs.slice(0, 2));
      assert.equal(pooled.metrics.snapshot().operations['thumbnail']!.count, 3, 'the second request came from the cache');
    } finally {
      await pooled.dispose();
      await inline.dispose();
    }
  });
});
