import * as assert from 'node:assert/strict';
import { decode, encode } from '../../../src/core/hal';
import { buildRom } from '../../../src/core/rom/build';
import { decodeTiles, encodeTiles } from '../../../src/core/gfx/tiles';
import { Rom } from '../../../src/core/rom/rom';
import { readChecksumState } from '../../../src/core/rom/checksum';
import { offsetToSnes } from '../../../src/core/rom/mapping';
import { applyPlan, planInjection, InjectionRefusedError, type InjectionPlan } from '../../../src/core/inject';
import {
  A,
  B,
  C,
  D,
  E,
  FREE_BANK,
  PIX_A,
  PIX_B,
  PIX_C,
  PIX_D,
  PIX_E,
  PTR_A,
  PTR_D1,
  PTR_D2,
  buildFixture,
  diffIndices,
  indexedPng,
  noise,
  noisyPixels,
  sheetPng,
  spritePixels,
} from './fixture';

const fx = buildFixture();
const rom = new Rom(fx.file, 'fixture.sfc');
const CHECKSUM_PAIR = [0x7fdc, 0x7fdd, 0x7fde, 0x7fdf];

function refused(reason: string, pattern?: RegExp) {
  return (e: unknown) => {
    assert.ok(e instanceof InjectionRefusedError, `expected an InjectionRefusedError, got ${String(e)}`);
    assert.equal(e.code, 'inject-refused');
    assert.equal(e.reason, reason, e.message);
    if (pattern) assert.match(e.message, pattern);
    return true;
  };
}

function applied(plan: InjectionPlan, file = fx.file): Rom {
  return new Rom(applyPlan(file, 0, plan), 'patched.sfc');
}

describe('inject: planInjection', () => {
  it('an unchanged export injects as no change at all', () => {
    for (const [offset, pixels, colors, bpp] of [
      [A, PIX_A, 16, 4],
      [B, PIX_B, 16, 4],
      [E, PIX_E, 4, 2],
    ] as const) {
      const plan = planInjection(rom, { romOffset: offset, kind: 'hal', bpp }, sheetPng(pixels, colors), {});
      assert.equal(plan.unchanged, true);
      assert.deepEqual(plan.patches, []);
      assert.deepEqual(applyPlan(fx.file, 0, plan), fx.file, 'byte-identical file');
      assert.equal(plan.summary.tiles, pixels.length / 64);
    }
    const raw = planInjection(rom, { romOffset: C, kind: 'raw', bpp: 4, tiles: 16 }, indexedPng(PIX_C), {});
    assert.equal(raw.unchanged, true);
  });

  it('accepts an exported sheet whose last row is padded with blank cells', () => {
    // 20 tiles at 16 a row: a 128x16 sheet, 12 blank cells.
    const plan = planInjection(rom, { romOffset: A, kind: 'hal', bpp: 4, widthTiles: 16 }, sheetPng(PIX_A), {});
    assert.equal(plan.unchanged, true);
  });

  it('writes an edited image in place: decodes to the image, valid checksum, nothing else changed', () => {
    const edited = PIX_A.slice();
    for (const i of [5, 77, 300, 301, 302, 900, 1279]) edited[i] = 15 - edited[i]!; // a few pixels retouched
    const plan = planInjection(rom, { romOffset: B, kind: 'hal', bpp: 4 }, sheetPng(PIX_B.map((v, i) => (i < edited.length ? edited[i]! : v))), {});
    assert.equal(plan.unchanged, false);
    assert.equal(plan.summary.inPlace, true);
    assert.equal(plan.summary.newRomOffset, B);
    const out = applied(plan);
    const { data, consumed } = decode(out.data, B);
    assert.equal(consumed, plan.summary.newSize);
    assert.deepEqual(
      decodeTiles(data, 4),
      PIX_B.map((v, i) => (i < edited.length ? edited[i]! : v)),
    );
    assert.ok(out.checksum!.valid);
    assert.equal(out.checksum!.stored, plan.summary.checksum);
    const end = B + Math.max(fx.sizeB, plan.summary.newSize);
    const changed = diffIndices(fx.file, out.file);
    assert.ok(changed.length > 4);
    for (const i of changed) assert.ok((i >= B && i < end) || CHECKSUM_PAIR.includes(i), `byte ${i.toString(16)} changed outside the block`);
  });

  it('pads the rest of the old block when the new stream is shorter', () => {
    const blank = new Uint8Array(PIX_D.length);
    blank[0] = 1;
    const plan = planInjection(rom, { romOffset: D, kind: 'hal', bpp: 4 }, sheetPng(blank), {});
    assert.ok(plan.summary.newSize < fx.sizeD);
    assert.equal(plan.summary.inPlace, true);
    assert.equal(plan.summary.padding, 0xff, 'noise follows D: the default padding');
    const out = applied(plan);
    assert.deepEqual(decodeTiles(decode(out.data, D).data, 4), blank);
    assert.ok(out.data.subarray(D + plan.summary.newSize, D + fx.sizeD).every((b) => b === 0xff));
    for (const i of diffIndices(fx.file, out.file)) assert.ok((i >= D && i < D + fx.sizeD) || CHECKSUM_PAIR.includes(i));
  });

  it('grows a block in place into the free bytes after it', () => {
    const grown = noisyPixels(32);
    const plan = planInjection(rom, { romOffset: B, kind: 'hal', bpp: 4 }, indexedPng(grown), {});
    assert.ok(plan.summary.newSize > fx.sizeB);
    assert.equal(plan.summary.inPlace, true);
    const out = applied(plan);
    assert.deepEqual(decodeTiles(decode(out.data, B).data, 4), grown);
    for (const i of diffIndices(fx.file, out.file)) assert.ok((i >= B && i < B + plan.summary.newSize) || CHECKSUM_PAIR.includes(i));
  });

  it('refuses data that does not fit when relocation is not allowed, naming the sizes and the place', () => {
    const png = indexedPng(noisyPixels(20));
    assert.throws(
      () => planInjection(rom, { romOffset: A, kind: 'hal', bpp: 4 }, png, {}),
      refused('no-room', /ROM offset 0x010000 \(\$82:8000\).*allow relocation/),
    );
  });

  it('relocates an oversize block: new place in free space, pointer rewritten, old block freed', () => {
    const big = noisyPixels(20);
    const plan = planInjection(rom, { romOffset: A, kind: 'hal', bpp: 4 }, indexedPng(big), { relocate: true });
    const s = plan.summary;
    assert.equal(s.inPlace, false);
    assert.deepEqual(s.pointerCandidates, [PTR_A]);
    assert.deepEqual(s.pointersUpdated, [PTR_A]);
    // First fit: the 0xFF run after B (16 bytes kept after B's 0xFF terminator), else the free bank.
    const inRun = (lo: number, hi: number) => s.newRomOffset >= lo && s.newRomOffset + s.newSize <= hi;
    assert.ok(inRun(B + fx.sizeB - 1 + 16, B + 0x8000) || inRun(FREE_BANK + 16, FREE_BANK + 0x8000 - 16), `placed at ${s.newRomOffset.toString(16)}`);
    assert.ok(
      fx.file.subarray(s.newRomOffset, s.newRomOffset + s.newSize).every((b) => b === 0xff),
      'placed in free bytes',
    );
    assert.equal(s.newSnes, offsetToSnes('lorom', s.newRomOffset));
    const out = applied(plan);
    const ptr = out.data[PTR_A]! | (out.data[PTR_A + 1]! << 8) | (out.data[PTR_A + 2]! << 16);
    assert.equal(ptr, s.newSnes);
    assert.deepEqual(decodeTiles(decode(out.data, s.newRomOffset).data, 4), big);
    assert.ok(
      out.data.subarray(A, A + fx.sizeA).every((b) => b === 0xff),
      'old block freed',
    );
    assert.ok(out.checksum!.valid);
    for (const i of diffIndices(fx.file, out.file)) {
      const ok =
        (i >= A && i < A + fx.sizeA) || (i >= PTR_A && i < PTR_A + 3) || (i >= s.newRomOffset && i < s.newRomOffset + s.newSize) || CHECKSUM_PAIR.includes(i);
      assert.ok(ok, `byte ${i.toString(16)} changed`);
    }
  });

  it('asks when several pointers point at the block, and uses the ones chosen (keeping each form)', () => {
    const png = indexedPng(noisyPixels(16));
    let candidates: number[] = [];
    assert.throws(
      () => planInjection(rom, { romOffset: D, kind: 'hal', bpp: 4 }, png, { relocate: true }),
      (e: unknown) => {
        refused('ambiguous-pointers', /2 places.*0x008020.*0x008030/)(e);
        candidates = (e as InjectionRefusedError).candidates;
        return true;
      },
    );
    assert.deepEqual(candidates, [PTR_D1, PTR_D2]);
    const plan = planInjection(rom, { romOffset: D, kind: 'hal', bpp: 4 }, png, { relocate: true, pointers: candidates });
    const out = applied(plan);
    const read = (at: number) => out.data[at]! | (out.data[at + 1]! << 8) | (out.data[at + 2]! << 16);
    const snes = plan.summary.newSnes!;
    assert.equal(read(PTR_D1), snes, 'FastROM form kept');
    assert.equal(read(PTR_D2), snes & 0x7fffff, 'SlowROM mirror form kept');
    // Only one chosen: the other keeps its old value.
    const one = applied(planInjection(rom, { romOffset: D, kind: 'hal', bpp: 4 }, png, { relocate: true, pointers: [PTR_D2] }));
    assert.equal(one.data[PTR_D1], fx.file[PTR_D1]);
  });

  it('refuses to relocate a block nothing points at, and a chosen slot that does not point at it', () => {
    const png = indexedPng(noisyPixels(16, 4), 4);
    assert.throws(
      () => planInjection(rom, { romOffset: E, kind: 'hal', bpp: 2 }, png, { relocate: true }),
      refused('no-pointers', /no 24-bit pointer to \$85:9000/),
    );
    assert.throws(
      () => planInjection(rom, { romOffset: E, kind: 'hal', bpp: 2 }, png, { relocate: true, pointers: [PTR_A] }),
      refused('no-pointers', /not a pointer to/),
    );
    assert.throws(
      () => planInjection(rom, { romOffset: E, kind: 'hal', bpp: 2 }, png, { relocate: true, pointers: [0x3ffff] }),
      refused('no-pointers', /outside/),
    );
    assert.throws(
      () => planInjection(rom, { romOffset: E, kind: 'hal', bpp: 2 }, png, { relocate: true, pointers: [E + 1] }),
      refused('no-pointers', /inside/),
    );
  });

  it('refuses when no free space is large enough', () => {
    // A whole bank of noise does not compress: 32 KiB + overhead fits no 32 KiB bank.
    const png = indexedPng(noisyPixels(1100), 16, 20);
    assert.throws(
      () => planInjection(rom, { romOffset: A, kind: 'hal', bpp: 4 }, png, { relocate: true, resize: true }),
      refused('no-free-space', /inside one 32 KiB bank/),
    );
  });

  it('writes raw targets raw', () => {
    const edited = spritePixels(16, 16, 11);
    const plan = planInjection(rom, { romOffset: C, kind: 'raw', bpp: 4, tiles: 16 }, indexedPng(edited), {});
    assert.equal(plan.summary.newSize, 16 * 32);
    const out = applied(plan);
    assert.deepEqual(out.data.subarray(C, C + 512), encodeTiles(edited, 4));
    assert.ok(readChecksumState(out.data, 0x7fc0).valid);
  });

  it('handles 8bpp tiles (raw, in place)', () => {
    const pixels = noisyPixels(2, 256);
    const plan = planInjection(rom, { romOffset: C, kind: 'raw', bpp: 8, tiles: 2 }, indexedPng(pixels, 256, 2), {});
    assert.equal(plan.summary.newSize, 128);
    const out = applied(plan);
    assert.deepEqual(decodeTiles(out.data.subarray(C, C + 128), 8), pixels);
    for (const i of diffIndices(fx.file, out.file)) assert.ok((i >= C && i < C + 128) || CHECKSUM_PAIR.includes(i));
  });

  it('refuses images of the wrong size, depth or colours, naming the target', () => {
    const t = { romOffset: A, kind: 'hal' as const, bpp: 4 as const };
    assert.throws(() => planInjection(rom, t, sheetPng(spritePixels(48)), {}), refused('image', /128x24 \(48 tiles\).*holds 20 tiles/));
    assert.throws(() => planInjection(rom, { ...t, widthTiles: 8 }, sheetPng(PIX_A), {}), refused('image', /64x24/));
    const dirty = spritePixels(32);
    assert.throws(() => planInjection(rom, t, sheetPng(dirty.subarray(0, 21 * 64)), {}), refused('image', /cell 20.*not blank/));
    assert.throws(
      () => planInjection(rom, { romOffset: E, kind: 'hal', bpp: 2 }, indexedPng(PIX_A, 16), {}),
      refused('image', /HAL block at ROM offset 0x029000.*palette indices past 3/),
    );
    assert.throws(() => planInjection(rom, t, Uint8Array.of(1, 2, 3), {}), refused('image', /not a readable PNG/));
  });

  it('maps RGB images through the palette, refusing colours not in it unless nearest', async () => {
    const { encode: encodePng } = await import('fast-png');
    const palette: [number, number, number][] = Array.from({ length: 16 }, (_, i) => [i * 16, 255 - i * 16, 0]);
    const rgb = (pixels: Uint8Array, skew: number) => {
      const width = 128;
      const height = 16;
      const data = new Uint8Array(width * height * 3);
      for (let t = 0; t < 32; t++) {
        for (let p = 0; p < 64; p++) {
          const x = (t % 16) * 8 + (p % 8);
          const y = Math.floor(t / 16) * 8 + Math.floor(p / 8);
          const [r, g, b] = palette[pixels[t * 64 + p] ?? 0]!;
          data.set([r + skew, g, b], (y * width + x) * 3);
        }
      }
      return encodePng({ width, height, data, channels: 3, depth: 8 });
    };
    const t = { romOffset: A, kind: 'hal' as const, bpp: 4 as const };
    assert.equal(planInjection(rom, t, rgb(PIX_A, 0), { palette }).unchanged, true);
    assert.throws(() => planInjection(rom, t, rgb(PIX_A, 0), {}), refused('image', /needs the target palette/));
    assert.throws(() => planInjection(rom, t, rgb(PIX_A, 9), { palette }), refused('image', /not in the target palette/));
    assert.equal(planInjection(rom, t, rgb(PIX_A, 9), { palette, nearest: true }).unchanged, true);
  });

  it('refuses unusable targets', () => {
    const png = sheetPng(PIX_A);
    assert.throws(() => planInjection(rom, { romOffset: SIZE_PAST, kind: 'hal', bpp: 4 }, png, {}), refused('target', /outside/));
    assert.throws(() => planInjection(rom, { romOffset: FREE_BANK, kind: 'hal', bpp: 4 }, png, {}), refused('target', /no HAL stream/));
    assert.throws(() => planInjection(rom, { romOffset: C, kind: 'raw', bpp: 4 }, png, {}), refused('target', /tile count/));
    assert.throws(() => planInjection(rom, { romOffset: 0x3ff00, kind: 'raw', bpp: 4, tiles: 16 }, png, {}), refused('target', /past the end/));
    assert.throws(() => planInjection(rom, { romOffset: C, kind: 'raw', bpp: 3 as 4, tiles: 1 }, png, {}), refused('target', /bit depth/));
    assert.throws(() => planInjection(rom, { romOffset: C, kind: 'lz' as 'raw', bpp: 4, tiles: 1 }, png, {}), refused('target', /unknown kind/));
  });

  it('resizes when asked (fewer tiles in place)', () => {
    const fewer = PIX_D.subarray(0, 8 * 64);
    const plan = planInjection(rom, { romOffset: D, kind: 'hal', bpp: 4 }, sheetPng(fewer, 16, 8), { resize: true });
    assert.equal(plan.summary.tiles, 8);
    assert.equal(plan.summary.inPlace, true);
    const out = applied(plan);
    assert.deepEqual(decodeTiles(decode(out.data, D).data, 4), fewer);
  });

  it('works on a ROM with a copier header (patches are headerless)', () => {
    const hx = buildFixture({ copierHeader: true });
    const hrom = new Rom(hx.file);
    const plan = planInjection(hrom, { romOffset: A, kind: 'hal', bpp: 4 }, indexedPng(noisyPixels(20)), { relocate: true });
    const out = new Rom(applyPlan(hx.file, 512, plan));
    assert.equal(out.copierHeaderSize, 512);
    assert.deepEqual(out.file.subarray(0, 512), hx.file.subarray(0, 512));
    assert.ok(out.checksum!.valid);
    assert.deepEqual(decodeTiles(decode(out.data, plan.summary.newRomOffset).data, 4), noisyPixels(20));
  });
});

const SIZE_PAST = 0x40000;

describe('inject: planInjection on HiROM', () => {
  it('relocates into a 64 KiB bank and rewrites a $C0-form pointer', () => {
    const pixels = spritePixels(64);
    const stream = encode(encodeTiles(pixels, 4));
    const file = buildRom({
      mapping: 'hirom',
      size: 0x40000,
      content: (d) => {
        noise(d, 0x10, 0xffb0);
        noise(d, 0x10000, 0x30000, 8);
        d.set(stream, 0x12345);
        d.set([0x45, 0x23, 0xc1], 0x20000);
      },
    });
    const hrom = new Rom(file);
    assert.equal(hrom.mapping, 'hirom');
    const big = noisyPixels(1200); // 38,400 bytes: more than a LoROM bank holds
    const plan = planInjection(hrom, { romOffset: 0x12345, kind: 'hal', bpp: 4 }, indexedPng(big, 16, 16), { relocate: true, resize: true });
    assert.equal(plan.summary.newRomOffset, 0x30010, 'the start of the free bank, after the guard');
    assert.ok(plan.summary.newSize > 0x8000);
    const out = new Rom(applyPlan(file, 0, plan));
    assert.equal(out.data[0x20002], 0xc3);
    assert.equal(out.data[0x20000]! | (out.data[0x20001]! << 8), 0x0010);
    assert.deepEqual(decodeTiles(decode(out.data, 0x30010).data, 4), big);
    assert.ok(out.checksum!.valid);
  });

  it('refuses free space its pointers cannot address, and blocks larger than any bank', () => {
    const file = buildRom({
      mapping: 'hirom',
      size: 0x40000,
      content: (d) => {
        noise(d, 0x10, 0xffb0);
        noise(d, 0x10000, 0x40000, 8);
        d.fill(0xff, 0x30000, 0x38000); // free, but only in the low half of bank 3
        d.set(encode(encodeTiles(spritePixels(16), 4)), 0x18000);
        d.set([0x00, 0x80, 0x81], 0x20000); // $81:8000: a LoROM-style window, $8000-$FFFF only
      },
    });
    const hrom = new Rom(file);
    const t = { romOffset: 0x18000, kind: 'hal' as const, bpp: 4 as const };
    assert.throws(() => planInjection(hrom, t, indexedPng(noisyPixels(16)), { relocate: true }), refused('no-free-space', /that its pointers can address/));
    assert.throws(
      () => planInjection(hrom, t, indexedPng(noisyPixels(1100)), { relocate: true, resize: true }),
      refused('no-free-space', /inside one 64 KiB bank/),
    );
  });

  it('refuses an image whose data is more than a HAL stream holds', () => {
    const png = indexedPng(new Uint8Array(2100 * 64), 16, 20);
    assert.throws(() => planInjection(rom, { romOffset: A, kind: 'hal', bpp: 4 }, png, { resize: true }), refused('image', /65,536/));
  });
});

describe('inject: room after a block', () => {
  // A block followed by a run of 0x00 and then data: the run minus a 16-byte guard is usable.
  const oldPixels = spritePixels(8);
  const newPixels = noisyPixels(8);
  const oldStream = encode(encodeTiles(oldPixels, 4));
  const newStream = encode(encodeTiles(newPixels, 4));
  const grow = newStream.length - oldStream.length;
  const romWithZeros = (zeros: number) =>
    new Rom(
      buildRom({
        mapping: 'lorom',
        size: 0x10000,
        content: (d) => {
          noise(d, 0x8000, 0x10000);
          d.set(oldStream, 0x9000);
          d.fill(0, 0x9000 + oldStream.length, 0x9000 + oldStream.length + zeros);
        },
      }),
    );

  it('grows into the zeros, keeping the guard, and pads with 0x00', () => {
    const zrom = romWithZeros(grow + 16);
    const plan = planInjection(zrom, { romOffset: 0x9000, kind: 'hal', bpp: 4 }, indexedPng(newPixels), {});
    assert.equal(plan.summary.inPlace, true);
    assert.equal(plan.summary.padding, 0);
    const out = new Rom(applyPlan(zrom.file, 0, plan));
    assert.deepEqual(decodeTiles(decode(out.data, 0x9000).data, 4), newPixels);
    assert.ok(
      out.data.subarray(0x9000 + newStream.length, 0x9000 + oldStream.length + grow + 16).every((b) => b === 0),
      'the guard is untouched',
    );
  });

  it('refuses when only the guard would be left short', () => {
    const zrom = romWithZeros(grow + 15);
    assert.throws(
      () => planInjection(zrom, { romOffset: 0x9000, kind: 'hal', bpp: 4 }, indexedPng(newPixels), {}),
      refused('no-room', new RegExp(`with ${grow - 1} free after it`)),
    );
  });
});
