import * as assert from 'node:assert/strict';
import { decode, encode } from 'fast-png';
import fc from 'fast-check';
import { tilesToImage } from '../../../src/core/gfx/arrange';
import { bgr555ToRgba, bgr555ToRgb } from '../../../src/core/gfx/color';
import { PngImportError } from '../../../src/core/gfx/errors';
import { encodeGrayscalePng, encodeIndexedPng, formatMetadataJson } from '../../../src/core/gfx/png-export';
import { importPng } from '../../../src/core/gfx/png-import';
import { decodeTiles, encodeTiles } from '../../../src/core/gfx/tiles';

const PAL = new Uint16Array(16).map((_, i) => (i * 2) | ((31 - i) << 5) | (((i * 3) % 32) << 10));
const RGBA = bgr555ToRgba(PAL);

function image(w: number, h: number, f: (x: number, y: number) => number) {
  const pixels = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) pixels[y * w + x] = f(x, y);
  return { width: w, height: h, pixels };
}

function rgbPng(w: number, h: number, color: (x: number, y: number) => [number, number, number, number?], channels = 4, depth: 8 | 16 = 8) {
  const data = depth === 16 ? new Uint16Array(w * h * channels) : new Uint8Array(w * h * channels);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const c = color(x, y);
      for (let k = 0; k < channels; k++) data[(y * w + x) * channels + k] = (c[k] ?? 255) * (depth === 16 ? 257 : 1);
    }
  return encode({ width: w, height: h, data, channels, depth });
}

describe('gfx/png export and import', () => {
  it('indexed PNG: palette chunk, index 0 transparent, indices survive the round trip', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32 * 3, maxLength: 32 * 40 }), fc.integer({ min: 1, max: 8 }), (raw, w) => {
        const data = raw.subarray(0, raw.length - (raw.length % 32));
        const tiles = decodeTiles(data, 4);
        const img = tilesToImage(tiles, { widthTiles: w });
        const png = encodeIndexedPng(img, RGBA);
        const back = decode(png);
        assert.equal(back.palette!.length, 16);
        assert.deepEqual(back.palette![0], [RGBA[0], RGBA[1], RGBA[2], 0]);
        assert.equal(back.palette![5]![3], 255);
        const imported = importPng(png, { format: 4, order: 'linear' });
        assert.equal(imported.kind, 'indexed');
        assert.deepEqual(imported.image.pixels, img.pixels);
        const n = data.length / 32;
        assert.deepEqual(encodeTiles(imported.tiles.subarray(0, n * 64), 4), data);
      }),
      { numRuns: 25 },
    );
  });

  it('indexed PNG without transparency, and refusals of bad palettes', () => {
    const img = image(8, 8, (x) => x & 3);
    const png = decode(encodeIndexedPng(img, RGBA.subarray(0, 16), { transparentZero: false }));
    assert.equal(png.palette![0]!.length, 3);
    assert.throws(() => encodeIndexedPng(img, new Uint8Array(0)), /1-256 colours/);
    assert.throws(() => encodeIndexedPng(img, RGBA.subarray(0, 8)), /uses index 3/);
  });

  it('grayscale PNG: value = index x 17, and imports back exactly', () => {
    const img = image(16, 8, (x, y) => (x + y) & 15);
    const png = encodeGrayscalePng(img);
    const d = decode(png);
    assert.equal(d.channels, 1);
    assert.equal(d.palette, undefined);
    assert.equal(d.data[3], 3 * 17);
    const back = importPng(png, { format: 4 });
    assert.equal(back.kind, 'grayscale');
    assert.deepEqual(back.image.pixels, img.pixels);
    assert.throws(() => encodeGrayscalePng(img, 5), /2, 4, 16 or 256/);
    assert.throws(() => encodeGrayscalePng(img, 4), /index 4/);
    const two = encodeGrayscalePng(
      image(8, 8, (x) => x & 3),
      4,
    );
    assert.deepEqual(importPng(two, { format: 2 }).image.pixels, image(8, 8, (x) => x & 3).pixels);
  });

  it('imports 4-bit and 16-bit grayscale and gray+alpha', () => {
    const packed = new Uint8Array(8 * 4);
    packed[0] = 0x1f; // pixels (0,0)=1, (1,0)=15
    const g4 = encode({ width: 8, height: 8, data: packed, depth: 4, channels: 1 });
    const r4 = importPng(g4, { format: 4 });
    assert.deepEqual([...r4.image.pixels.subarray(0, 3)], [1, 15, 0]);
    const g16 = encode({ width: 8, height: 8, data: new Uint16Array(64).fill(17 * 257 * 2), depth: 16, channels: 1 });
    assert.equal(importPng(g16, { format: 4 }).image.pixels[0], 2);
    const ga = new Uint8Array(128);
    ga[0] = 34;
    ga[1] = 255;
    ga[2] = 51;
    ga[3] = 0;
    const rga = importPng(encode({ width: 8, height: 8, data: ga, depth: 8, channels: 2 }), { format: 4 });
    assert.deepEqual([...rga.image.pixels.subarray(0, 2)], [2, 0]);
  });

  it('imports 4-bit packed indexed PNGs', () => {
    const packed = new Uint8Array(8 * 4);
    packed[0] = 0x2a;
    const png = encode({ width: 8, height: 8, data: packed, depth: 4, channels: 1, palette: Array.from({ length: 16 }, () => [0, 0, 0]) });
    assert.deepEqual([...importPng(png, { format: 4 }).image.pixels.subarray(0, 2)], [2, 10]);
  });

  it('RGB(A): maps colours to the palette by BGR555 equality, alpha 0 to index 0', () => {
    const want = image(16, 16, (x, y) => (x * 3 + y) & 15);
    const full = rgbPng(16, 16, (x, y) => {
      const i = want.pixels[y * 16 + x]!;
      return i === 0 ? [1, 2, 3, 0] : [...bgr555ToRgb(PAL[i]!), 255];
    });
    const r = importPng(full, { format: 4, palette: PAL });
    assert.equal(r.kind, 'rgb');
    assert.deepEqual(r.image.pixels, want.pixels);
    // SpritePal-style c << 3 colours, as RGB without alpha, in 16-bit
    const sp = rgbPng(
      16,
      16,
      (x, y) => {
        const c = PAL[want.pixels[y * 16 + x]!]!;
        return [(c & 31) << 3, ((c >> 5) & 31) << 3, ((c >> 10) & 31) << 3];
      },
      3,
      16,
    );
    assert.deepEqual(importPng(sp, { format: 4, palette: PAL }).image.pixels, want.pixels);
  });

  it('RGB: an opaque pixel matching colour 0 prefers a duplicate at another index', () => {
    const pal = new Uint16Array([0x1234, 0x0001, 0x1234]);
    const png = rgbPng(8, 8, () => [...bgr555ToRgb(0x1234), 255]);
    assert.equal(importPng(png, { format: 2, palette: pal }).image.pixels[0], 2);
    assert.equal(importPng(png, { format: 2, palette: pal.subarray(0, 2) }).image.pixels[0], 0);
  });

  it('nearest option maps unknown colours to the closest palette colour and counts them', () => {
    const pal = new Uint16Array([0, 0x001f, 0x7c00]);
    const png = rgbPng(8, 8, (x) => (x < 4 ? [240, 16, 0] : [0, 0, 200]));
    assert.throws(() => importPng(png, { format: 2, palette: pal }), PngImportError);
    const r = importPng(png, { format: 2, palette: pal, nearest: true });
    assert.equal(r.image.pixels[0], 1);
    assert.equal(r.image.pixels[7], 2);
    assert.equal(r.approximated, 64);
  });

  describe('refusals name the first offending pixels and the counts', () => {
    it('size not a multiple of 8', () => {
      const png = encode({ width: 10, height: 12, data: new Uint8Array(120), channels: 1, depth: 8 });
      assert.throws(
        () => importPng(png, { format: 4 }),
        (e: Error) => e instanceof PngImportError && /10x12/.test(e.message) && /width 10 is 2 past/.test(e.message) && /height 12 is 4 past/.test(e.message),
      );
    });

    it('indexed: indices past the bit depth', () => {
      const img = image(8, 8, (x, y) => (y === 2 && x >= 5 ? 4 : 1));
      const png = encodeIndexedPng(img, RGBA);
      assert.throws(
        () => importPng(png, { format: 2 }),
        (e: Error) =>
          e instanceof PngImportError &&
          /^3 pixels with palette indices past 3 \(more colours than 2bpp allows\)/.test(e.message) &&
          /\(5, 2\) index 4/.test(e.message),
      );
    });

    it('grayscale: values that are not multiples of 17', () => {
      const data = new Uint8Array(64).fill(34);
      data[9] = 35;
      const png = encode({ width: 8, height: 8, data, channels: 1, depth: 8 });
      assert.throws(
        () => importPng(png, { format: 4 }),
        (e: Error) => /^1 pixel with gray values that are not exact multiples of 17/.test(e.message) && /\(1, 1\) gray 35/.test(e.message),
      );
    });

    it('RGB: more colours than the bit depth allows', () => {
      const png = rgbPng(8, 8, (x) => [x * 32, 0, 0]);
      assert.throws(
        () => importPng(png, { format: 2, palette: PAL, nearest: true }),
        (e: Error) => /8 distinct colours, more than the 4 2bpp allows/.test(e.message) && /\(4, 0\) #800000/.test(e.message),
      );
    });

    it('RGB: more colours than allowed names the ones not in the palette, where they first are (issue 26 item 7)', () => {
      // Two stray pixels, read before palette colours 14 and 15 first appear (row 10): the strays
      // are named, not the 17th and 18th colours read.
      const stray: Record<string, [number, number, number]> = { '8,8': [0x10, 0x20, 0x30], '9,9': [0xfa, 0x00, 0xfa] };
      const png = rgbPng(24, 16, (x, y) => stray[`${x},${y}`] ?? [...bgr555ToRgb(PAL[(x + y * 24) % (y < 10 ? 14 : 16)]!)]);
      assert.throws(
        () => importPng(png, { format: 4, palette: PAL }),
        (e: Error) =>
          e.message === 'image has 18 distinct colours, more than the 16 4bpp allows; 2 colours are not in the target palette: (8, 8) #102030, (9, 9) #fa00fa',
      );
    });

    it('RGB: colours not in the palette', () => {
      const png = rgbPng(8, 8, (x, y) => (x === 7 ? [255, 255, 255] : [...bgr555ToRgb(PAL[(y % 2) + 1]!)]));
      assert.throws(
        () => importPng(png, { format: 4, palette: PAL }),
        (e: Error) =>
          /^8 pixels with colours not in the target palette \(1 distinct\); first: \(7, 0\) #ffffff, \(7, 1\)/.test(e.message) && /, \.\.\.$/.test(e.message),
      );
    });

    it('RGB without a palette', () => {
      assert.throws(
        () =>
          importPng(
            rgbPng(8, 8, () => [0, 0, 0]),
            { format: 4 },
          ),
        /needs the target palette/,
      );
    });

    it('a different tile count than the target unless resizing', () => {
      const png = encodeIndexedPng(
        image(16, 8, () => 1),
        RGBA,
      );
      assert.throws(() => importPng(png, { format: 4, expectedTiles: 4 }), /holds 2 tiles \(2x1\) but the target holds 4/);
      assert.equal(importPng(png, { format: 4, expectedTiles: 4, allowResize: true }).tileCount, 2);
    });

    it('not a PNG', () => {
      assert.throws(() => importPng(new Uint8Array([1, 2, 3]), { format: 4 }), /not a readable PNG/);
    });
  });

  it('sprite16 order on import', () => {
    const tiles = new Uint8Array(32 * 64).map((_, i) => (i >> 6) & 15);
    const img = tilesToImage(tiles, { widthTiles: 4, order: 'sprite16' });
    const r = importPng(encodeIndexedPng(img, RGBA), { format: 4, order: 'sprite16' });
    assert.deepEqual(r.tiles, tiles);
  });

  it('metadata.json in SpritePal shape', () => {
    const extraction = {
      source_type: 'rom',
      rom_source: 'kss.sfc',
      rom_offset: '0x1000',
      sprite_name: 'x',
      compressed_size: 10,
      tile_count: 2,
      extraction_size: 64,
      rom_title: 'T',
      rom_checksum: '0x1234',
      extraction_date: '2024-01-01T00:00:00.000Z',
    };
    const doc = JSON.parse(formatMetadataJson({ '9': 'a.pal.json', '8': 'b.pal.json' }, extraction));
    assert.equal(doc.format_version, '1.0');
    assert.equal(doc.default_palette, 8);
    assert.deepEqual(doc.extraction, extraction);
    assert.equal(JSON.parse(formatMetadataJson({ '10': 'a' }, extraction)).default_palette, 10);
    assert.equal(JSON.parse(formatMetadataJson({}, extraction, 12)).default_palette, 12);
  });
});
