/**
 * PNG import under hostile files (issue 18, item 2): a 1-bit PNG declaring 40000x40000 cost 53 s
 * and 3.3 GB before its size was refused, an iCCP chunk inflating to 1 GiB was accepted, and chunk
 * CRCs were not checked. The chunk list is now checked before anything is inflated; these tests
 * show each refusal happens before inflation by construction (the payloads are not even valid
 * zlib, so inflating them would fail with another message, or the import would fail).
 */
import * as assert from 'node:assert/strict';
import { deflateSync } from 'node:zlib';
import { PngImportError } from '../../../src/core/gfx/errors';
import { checkPng, inflatedSize, MAX_INFLATED_BYTES, MAX_PNG_SIDE, pngChunk } from '../../../src/core/gfx/png-chunks';
import { importPng } from '../../../src/core/gfx/png-import';
import { indexedPng, spritePixels } from '../inject/fixture';

const SIG = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);

const chunk = pngChunk;

function ihdr(width: number, height: number, depth: number, colorType: number, interlace = 0): Uint8Array {
  const d = new Uint8Array(13);
  const v = new DataView(d.buffer);
  v.setUint32(0, width);
  v.setUint32(4, height);
  d.set([depth, colorType, 0, 0, interlace], 8);
  return chunk('IHDR', d);
}

const png = (...chunks: Uint8Array[]) => Buffer.concat([SIG, ...chunks]);
const GARBAGE = Uint8Array.from({ length: 64 }, (_, i) => (i * 37 + 11) & 0xff); // not a zlib stream
const refusedWith = (pattern: RegExp) => (e: unknown) => e instanceof PngImportError && pattern.test(e.message);
const opts = { format: 4 as const };

/** The tiny 8x8 indexed image the other chunks are spliced into. */
function base(): { head: Uint8Array; rest: Uint8Array } {
  const bytes = indexedPng(spritePixels(1), 16, 1);
  const ihdrEnd = 8 + 12 + 13;
  return { head: bytes.subarray(0, ihdrEnd), rest: bytes.subarray(ihdrEnd) };
}

describe('PNG import: the chunk list is checked before anything is inflated', () => {
  it('refuses 40000x40000 (and anything over the cap) from IHDR alone', () => {
    const bomb = png(ihdr(40000, 40000, 1, 0), chunk('IDAT', GARBAGE), chunk('IEND', new Uint8Array()));
    assert.throws(() => importPng(bomb, opts), refusedWith(/image is 40000x40000: SpritePal imports images up to 4096x4096 \(refused before decoding\)/));
    assert.throws(
      () => checkPng(png(ihdr(MAX_PNG_SIDE + 8, 8, 8, 3), chunk('IDAT', GARBAGE), chunk('IEND', new Uint8Array()))),
      refusedWith(/up to 4096x4096/),
    );
    // Within the sides, but 64 MiB of RGBA data: refused before any inflation too.
    assert.throws(
      () => checkPng(png(ihdr(4096, 4096, 8, 6), chunk('IDAT', GARBAGE), chunk('IEND', new Uint8Array()))),
      refusedWith(/4096x4096 at 32 bits a pixel: 67112960 bytes of image data, over the 33556480/),
    );
    assert.ok(
      MAX_INFLATED_BYTES >= inflatedSize({ width: 2048, height: 2048, depth: 16, colorType: 6, interlaced: false }),
      'the most tiles a target holds, as 16-bit RGBA, still fits',
    );
  });

  it('drops iCCP, zTXt, iTXt and other ancillary chunks unread, whatever they hold', () => {
    const { head, rest } = base();
    const ancillary = ['iCCP', 'zTXt', 'iTXt', 'tEXt', 'eXIf', 'acTL'].map((t) => chunk(t, GARBAGE));
    const withThem = png(head.subarray(8), ...ancillary, rest);
    const checked = checkPng(withThem);
    assert.deepEqual(checked.dropped, ['iCCP', 'zTXt', 'iTXt', 'tEXt', 'eXIf', 'acTL']);
    const plain = importPng(Buffer.concat([head, rest]), opts);
    const r = importPng(withThem, opts);
    assert.deepEqual(r.tiles, plain.tiles, 'the image is read as if they were not there');
  });

  it('stops inflating image data at what the dimensions need (a compression bomb in IDAT)', () => {
    const { head } = base();
    assert.equal(checkPng(Buffer.concat([head, base().rest])).header.depth, 8, 'the base image is 8-bit indexed');
    const need = inflatedSize({ width: 8, height: 8, depth: 8, colorType: 3, interlaced: false });
    assert.equal(need, 8 * (1 + 8));
    const bombData = deflateSync(new Uint8Array(8 << 20)); // 8 MiB of zeros in ~8 KiB
    const palette = chunk('PLTE', new Uint8Array(48));
    const bomb = png(head.subarray(8), palette, chunk('IDAT', bombData), chunk('IEND', new Uint8Array()));
    const before = process.memoryUsage().arrayBuffers;
    assert.throws(() => importPng(bomb, opts), refusedWith(/the image data inflates past the 72 bytes a 8x8 image needs/));
    assert.ok(process.memoryUsage().arrayBuffers - before < 1 << 20, 'no output buffer near the bomb size was kept');
  });

  it('refuses a bad chunk CRC, an unknown critical chunk, a truncated file, and chunks out of order', () => {
    const { head, rest } = base();
    const idatAt = Buffer.from(rest).indexOf('IDAT') - 4;
    const corrupt = Buffer.concat([head, rest]);
    corrupt[head.length + idatAt + 9]! ^= 0xff; // one byte inside IDAT's data
    assert.throws(() => importPng(corrupt, opts), refusedWith(/IDAT chunk at byte \d+ fails its CRC/));
    assert.throws(() => checkPng(png(head.subarray(8), chunk('ABCD', GARBAGE), rest)), refusedWith(/unknown critical chunk ABCD/));
    const whole = Buffer.concat([head, rest]);
    assert.throws(() => checkPng(whole.subarray(0, whole.length - 6)), refusedWith(/cut short|past the end/));
    assert.throws(() => checkPng(whole.subarray(0, whole.length - 12)), refusedWith(/no IEND/));
    assert.throws(() => checkPng(png(chunk('IDAT', GARBAGE), head.subarray(8))), refusedWith(/first chunk is IDAT, not IHDR/));
    assert.throws(() => checkPng(png(ihdr(8, 8, 3, 3), chunk('IEND', new Uint8Array()))), refusedWith(/colour type 3 with bit depth 3/));
    assert.throws(() => checkPng(Uint8Array.of(1, 2, 3)), refusedWith(/no PNG signature/));
    const huge = chunk('tEXt', new Uint8Array(4));
    new DataView(huge.buffer).setUint32(0, 0x7fffffff);
    assert.throws(() => checkPng(png(head.subarray(8), huge, rest)), refusedWith(/declares 2147483647 bytes, past the end of the file/));
  });

  it('sizes interlaced (Adam7) image data pass by pass', () => {
    // 8x8, 8-bit gray: passes are 1x1, 1x1, 2x1, 2x2, 4x2, 4x4, 8x4 pixels, each row with a filter byte.
    assert.equal(inflatedSize({ width: 8, height: 8, depth: 8, colorType: 0, interlaced: true }), 2 + 2 + 3 + 2 * 3 + 2 * 5 + 4 * 5 + 4 * 9);
    // A 1x1 image has pixels in the first pass only.
    assert.equal(inflatedSize({ width: 1, height: 1, depth: 8, colorType: 6, interlaced: true }), 1 + 4);
  });
});
