/** Strokes as ROM patches: raw tiles in place, HAL re-compressed or relocated, undo exact. */
import * as assert from 'node:assert/strict';
import { decode } from '../../../src/core/hal';
import { decodeTiles } from '../../../src/core/gfx/tiles';
import { tilesToImage } from '../../../src/core/gfx/arrange';
import { applyPlan, InjectionRefusedError, type Patch } from '../../../src/core/inject';
import { minimalPatches, planPaletteColor, planStroke, tilePixelIndex, PaletteEditError, type Stroke } from '../../../src/core/edit-pixels';
import { buildDemoRom, demoRomLayout } from '../../../src/core/demo/demo-rom';
import { Rom } from '../../../src/core/rom/rom';
import { readBgr555 } from '../../../src/core/gfx/color';
import { A, B, buildFixture, C, diffIndices, D, noisyPixels, PIX_A, PIX_B, PIX_C, PIX_D, PTR_D1, PTR_D2 } from '../inject/fixture';

/** Undo as the editor does it: each patch's `before` put back, last patch first. */
function undo(file: Uint8Array, header: number, patches: readonly Patch[]): Uint8Array {
  const out = file.slice();
  for (const p of [...patches].reverse()) out.set(p.before, header + p.romOffset);
  return out;
}

/** A stroke setting image pixels (x, y) of a `widthTiles`-wide sheet, reading "before" from `pixels` (tile pixels). */
function strokeOn(target: Stroke['target'], pixels: Uint8Array, widthTiles: number, points: [number, number, number][]): Stroke {
  const image = tilesToImage(pixels, { widthTiles });
  const changes: number[] = [];
  for (const [x, y, v] of points) {
    const i = y * image.width + x;
    changes.push(i, image.pixels[i]!, v);
  }
  return { target, widthTiles, changes };
}

describe('edit-pixels: strokes', () => {
  const { file } = buildFixture();
  const rom = new Rom(file);

  it('maps image pixels to tile pixels, and refuses cells past the last tile', () => {
    assert.equal(tilePixelIndex(0, 2, 3), 0);
    assert.equal(tilePixelIndex(8, 2, 3), 64); // (8, 0): tile 1
    assert.equal(tilePixelIndex(16 * 9 + 1, 2, 3), 64 * 2 + 8 + 1); // (1, 9): tile 2, row 1
    assert.equal(tilePixelIndex(16 * 8 + 8, 2, 3), -1); // (8, 8): tile 3 of 3
  });

  it('raw tiles: one pixel changes only the bytes of its row, and undo gives the original file', () => {
    const target = { romOffset: C, kind: 'raw' as const, bpp: 4 as const, tiles: 16 };
    const v = (PIX_C[2 * 64 + 3 * 8 + 5]! + 1) % 16;
    const { plan, pixels } = planStroke(rom, strokeOn(target, PIX_C, 16, [[2 * 8 + 5, 3, v]]));
    const out = applyPlan(file, 0, plan);
    const changed = diffIndices(file, out).filter((i) => i < rom.headerOffset! || i >= rom.headerOffset! + 0x20);
    // Row 3 of tile 2 lives at bytes 2r, 2r+1 of each 16-byte plane pair: 4 bytes, some unchanged.
    const row = [C + 64 + 6, C + 64 + 7, C + 64 + 22, C + 64 + 23];
    assert.ok(changed.length > 0 && changed.every((i) => row.includes(i)), `changed ${changed.map((i) => i.toString(16))}`);
    assert.equal(pixels[2 * 64 + 3 * 8 + 5], v);
    assert.deepEqual(decodeTiles(out.subarray(C, C + 16 * 32), 4), pixels);
    assert.ok(new Rom(out).checksum!.valid);
    assert.deepEqual(undo(out, 0, plan.patches), file);
  });

  it('HAL: the block stays decodable, decodes to the edited pixels, in place when it fits', () => {
    const target = { romOffset: B, kind: 'hal' as const, bpp: 4 as const };
    const points: [number, number, number][] = [
      [0, 0, 5],
      [1, 0, 5],
      [2, 0, 5],
      [40, 9, 3],
    ];
    const { plan, pixels } = planStroke(rom, strokeOn(target, PIX_B, 16, points));
    assert.equal(plan.summary.inPlace, true);
    const out = applyPlan(file, 0, plan);
    const r = decode(out, B);
    assert.deepEqual(decodeTiles(r.data, 4), pixels);
    assert.equal(pixels[0], 5);
    assert.deepEqual(undo(out, 0, plan.patches), file);
    // Patches hold only bytes that change.
    for (const p of plan.patches) assert.notEqual(p.after[0], p.before[0], 'a patch starts at a changed byte');
  });

  it('a stroke that undoes the last one gives back the original bytes (raw)', () => {
    const target = { romOffset: C, kind: 'raw' as const, bpp: 4 as const, tiles: 16 };
    const first = planStroke(rom, strokeOn(target, PIX_C, 16, [[7, 7, 9]]));
    const mid = applyPlan(file, 0, first.plan);
    const back = planStroke(new Rom(mid), strokeOn(target, first.pixels, 16, [[7, 7, PIX_C[63]!]]));
    assert.deepEqual(applyPlan(mid, 0, back.plan), file);
  });

  it('a HAL block that no longer fits is refused without relocation, and relocates with its pointers rewritten when allowed', () => {
    const target = { romOffset: D, kind: 'hal' as const, bpp: 4 as const };
    const noise = noisyPixels(16);
    const image = tilesToImage(noise, { widthTiles: 16 });
    const points: [number, number, number][] = [];
    for (let y = 0; y < image.height; y++) for (let x = 0; x < image.width; x++) points.push([x, y, image.pixels[y * image.width + x]!]);
    const stroke = strokeOn(target, PIX_D, 16, points);
    assert.throws(
      () => planStroke(rom, stroke),
      (e: unknown) => e instanceof InjectionRefusedError && e.reason === 'no-room' && /allow relocation/.test(e.message),
    );
    assert.throws(
      () => planStroke(rom, stroke, { relocate: true }),
      (e: unknown) => e instanceof InjectionRefusedError && e.reason === 'ambiguous-pointers',
    );
    const { plan } = planStroke(rom, stroke, { relocate: true, pointers: [PTR_D1, PTR_D2] });
    assert.equal(plan.summary.inPlace, false);
    assert.deepEqual(plan.summary.pointersUpdated, [PTR_D1, PTR_D2]);
    const out = new Rom(applyPlan(file, 0, plan));
    assert.deepEqual(decodeTiles(decode(out.data, plan.summary.newRomOffset).data, 4), noise);
    for (const slot of [PTR_D1, PTR_D2]) {
      const ptr = out.data[slot]! | (out.data[slot + 1]! << 8) | (out.data[slot + 2]! << 16);
      assert.equal(out.resolveAddress(`$${ptr.toString(16).padStart(6, '0')}`).romOffset, plan.summary.newRomOffset);
    }
    assert.ok(out.checksum!.valid);
    assert.deepEqual(undo(out.file, 0, plan.patches), file);
  });

  it('refuses a stale view, a colour the depth cannot hold, and pixels outside the sprite', () => {
    const target = { romOffset: A, kind: 'hal' as const, bpp: 4 as const };
    const image = tilesToImage(PIX_A, { widthTiles: 16 });
    const stale = { target, widthTiles: 16, changes: [0, (image.pixels[0]! + 1) % 16, 2] };
    assert.throws(() => planStroke(rom, stale), /the block changed since it was drawn/);
    assert.throws(() => planStroke(rom, { target, widthTiles: 16, changes: [0, image.pixels[0]!, 16] }), /not one of the 16/);
    // 20 tiles, 16 a row: (40, 8) is in tile 21.
    assert.throws(() => planStroke(rom, { target, widthTiles: 16, changes: [8 * 128 + 40, 0, 1] }), /outside the block's 20 tiles/);
    assert.throws(() => planStroke(rom, { target, widthTiles: 16, changes: [0, 1] }), /triples/);
    assert.throws(() => planStroke(rom, { target, widthTiles: 0, changes: [] }), /whole number of tiles/);
  });

  it('a stroke that changes nothing is an unchanged plan with no patches', () => {
    const target = { romOffset: A, kind: 'hal' as const, bpp: 4 as const };
    const { plan } = planStroke(rom, { target, widthTiles: 16, changes: [] });
    assert.equal(plan.unchanged, true);
    assert.deepEqual(plan.patches, []);
  });

  it('2bpp raw tiles on the demo ROM: only the changed row bytes and the checksum change', () => {
    const demo = buildDemoRom();
    const drom = new Rom(demo);
    const raw = demoRomLayout().raw.find((r) => r.bpp === 2) ?? demoRomLayout().raw[0]!;
    const target = { romOffset: raw.romOffset, kind: 'raw' as const, bpp: raw.bpp, tiles: raw.tiles };
    const pixels = decodeTiles(drom.data.subarray(raw.romOffset, raw.romOffset + raw.size), raw.bpp);
    const x = 8 + 2;
    const y = 5;
    const before = tilesToImage(pixels, { widthTiles: raw.widthTiles }).pixels[y * raw.widthTiles * 8 + x]!;
    const { plan } = planStroke(drom, strokeOn(target, pixels, raw.widthTiles, [[x, y, (before + 1) % (1 << raw.bpp)]]));
    const out = applyPlan(demo, drom.copierHeaderSize, plan);
    const bpt = raw.bpp * 8;
    const rowBytes = raw.bpp === 2 ? [10, 11] : [10, 11, 26, 27];
    const allowed = rowBytes.map((b) => drom.copierHeaderSize + raw.romOffset + bpt + b);
    const changed = diffIndices(demo, out).filter(
      (i) => i - drom.copierHeaderSize < drom.headerOffset! || i - drom.copierHeaderSize >= drom.headerOffset! + 0x20,
    );
    assert.ok(changed.length > 0 && changed.every((i) => allowed.includes(i)), `changed ${changed}`);
  });
});

describe('edit-pixels: minimal patches', () => {
  it('cuts a patch into the runs that differ, joining runs closer than the gap', () => {
    const after = new Uint8Array(30);
    after[2] = 1;
    after[5] = 1;
    after[25] = 1;
    const out = minimalPatches([{ romOffset: 4, before: new Uint8Array(30), after }], 4);
    assert.deepEqual(
      out.map((p) => [p.romOffset, p.after.length]),
      [
        [6, 4],
        [29, 1],
      ],
    );
    assert.deepEqual(out[0]!.before, new Uint8Array(4));
    assert.deepEqual(out[0]!.after, Uint8Array.of(1, 0, 0, 1));
    assert.deepEqual(minimalPatches([{ romOffset: 0, before: new Uint8Array(10), after: new Uint8Array(10) }]), []);
  });
});

describe('edit-pixels: palette colours', () => {
  const demo = buildDemoRom();
  const rom = new Rom(demo);
  const s = demoRomLayout().sprites[0]!;

  it('writes one BGR555 colour at the palette address with the checksum fixed, and undoes exactly', () => {
    const plan = planPaletteColor(rom, { paletteRomOffset: s.paletteRomOffset, index: 3, color: 0x7c1f });
    const out = applyPlan(demo, rom.copierHeaderSize, plan);
    const after = new Rom(out);
    assert.equal(readBgr555(after.data, s.paletteRomOffset + 6, 1)[0], 0x7c1f);
    assert.ok(after.checksum!.valid);
    const changed = diffIndices(demo, out).map((i) => i - rom.copierHeaderSize);
    assert.ok(
      changed.every((i) => i === s.paletteRomOffset + 6 || i === s.paletteRomOffset + 7 || (i >= rom.headerOffset! + 0x1c && i < rom.headerOffset! + 0x20)),
    );
    assert.deepEqual(undo(out, rom.copierHeaderSize, plan.patches), demo);
  });

  it('the colour already there is no change', () => {
    const now = readBgr555(rom.data, s.paletteRomOffset + 2, 1)[0]!;
    assert.equal(planPaletteColor(rom, { paletteRomOffset: s.paletteRomOffset, index: 1, color: now }).unchanged, true);
  });

  it('refuses a colour, an index or an address it cannot write', () => {
    const bad = (e: Partial<{ paletteRomOffset: number; index: number; color: number }>, re: RegExp) =>
      assert.throws(
        () => planPaletteColor(rom, { paletteRomOffset: s.paletteRomOffset, index: 0, color: 0, ...e }),
        (err: unknown) => err instanceof PaletteEditError && re.test((err as Error).message),
      );
    bad({ color: 0x8000 }, /not a BGR555 value/);
    bad({ index: 16 }, /not 0-15/);
    bad({ paletteRomOffset: rom.data.length - 8 }, /outside the/);
    bad({ paletteRomOffset: rom.headerOffset! }, /internal header/);
  });
});
