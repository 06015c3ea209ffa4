import * as assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildDemoRom, demoRomLayout, DEMO_ROM_TITLE, type DemoLayout } from '../../../src/core/demo/demo-rom';
import { decode } from '../../../src/core/hal';
import { readBgr555 } from '../../../src/core/gfx/color';
import { tilesToImage } from '../../../src/core/gfx/arrange';
import { decodeTiles } from '../../../src/core/gfx/tiles';
import { Rom, snesToOffset } from '../../../src/core/rom';
import { contactSheet } from './contact-sheet';

const BANK = 0x8000;

function mirrorTile(t: Uint8Array): Uint8Array {
  const out = new Uint8Array(64);
  for (let y = 0; y < 8; y++) for (let x = 0; x < 8; x++) out[y * 8 + x] = t[y * 8 + 7 - x]!;
  return out;
}

describe('demo ROM', () => {
  let bytes: Uint8Array;
  let layout: DemoLayout;
  before(() => {
    bytes = buildDemoRom();
    layout = demoRomLayout();
  });

  it('is a valid 512 KiB LoROM titled SPRITEPAL DEMO with a correct checksum', () => {
    const rom = new Rom(bytes);
    assert.equal(rom.mapping, 'lorom');
    assert.equal(rom.data.length, 512 * 1024);
    assert.equal(rom.checksum!.valid, true);
    assert.equal(rom.info().title, DEMO_ROM_TITLE);
    assert.equal(DEMO_ROM_TITLE, 'SPRITEPAL DEMO');
    assert.equal(layout.romSize, bytes.length);
  });

  it('carries at least 40 sprites of every kind, 2bpp and 4bpp, 16 to 512 tiles, some mirrored', () => {
    const s = layout.sprites;
    assert.ok(s.length >= 40, `${s.length} sprites`);
    assert.deepEqual(new Set(s.map((x) => x.kind)), new Set(['character', 'item', 'effect', 'background']));
    assert.deepEqual(new Set(s.map((x) => x.bpp)), new Set([2, 4]));
    const sizes = new Set(s.map((x) => x.tiles));
    assert.ok(sizes.size >= 6, `tile counts: ${[...sizes].join(', ')}`);
    assert.equal(Math.min(...sizes), 16);
    assert.equal(Math.max(...sizes), 512);
    assert.ok(s.filter((x) => x.mirroredFrames).length >= 5);
    assert.equal(new Set(s.map((x) => x.name)).size, s.length, 'names are unique');
    s.forEach((x, i) => {
      assert.equal(x.index, i);
      assert.equal(x.size, x.tiles * x.bpp * 8, x.name);
      assert.equal(x.tiles % x.widthTiles, 0, x.name);
    });
  });

  it('has a pointer table of 24-bit SNES addresses, each at a block that decodes to exactly its size', () => {
    const t = layout.pointerTable;
    assert.equal(t.count, layout.sprites.length);
    assert.equal(t.entryBytes, 3);
    assert.equal(snesToOffset('lorom', t.snes), t.romOffset);
    for (const s of layout.sprites) {
      const at = t.romOffset + 3 * s.index;
      const addr = bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16);
      assert.equal(addr, s.snes, s.name);
      assert.equal(snesToOffset('lorom', addr), s.romOffset, s.name);
      const d = decode(bytes, s.romOffset);
      assert.equal(d.data.length, s.size, s.name);
      assert.equal(d.consumed, s.consumed, s.name);
      assert.ok(s.consumed < s.size, `${s.name} compresses`);
    }
    assert.deepEqual([...bytes.subarray(t.romOffset + 3 * t.count, t.romOffset + 3 * t.count + 3)], [0, 0, 0], 'terminator');
  });

  it('keeps every block inside one LoROM bank, with no overlaps, free space and other data between them', () => {
    const spans = [
      ...layout.sprites.map((s) => [s.romOffset, s.romOffset + s.consumed, s.name] as const),
      ...layout.dataGaps.map((g) => [g.romOffset, g.romOffset + g.bytes, 'data'] as const),
      [layout.pointerTable.romOffset, layout.pointerTable.romOffset + 3 * (layout.pointerTable.count + 1), 'pointers'] as const,
      [layout.paletteTable.romOffset, layout.paletteTable.romOffset + 32 * layout.paletteTable.count, 'palettes'] as const,
      [0x7fc0, 0x8000, 'header'] as const,
    ].sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < spans.length; i++) assert.ok(spans[i - 1]![1] <= spans[i]![0], `${spans[i - 1]![2]} overlaps ${spans[i]![2]}`);
    for (const s of layout.sprites) assert.equal(Math.floor(s.romOffset / BANK), Math.floor((s.romOffset + s.consumed - 1) / BANK), `${s.name} crosses a bank`);
    const banks = new Set(layout.sprites.map((s) => Math.floor(s.romOffset / BANK)));
    assert.ok(banks.size >= 2, 'sprites span more than one bank');
    const followedByFree = layout.sprites.filter((s) => bytes.subarray(s.romOffset + s.consumed, s.romOffset + s.consumed + 16).every((b) => b === 0xff));
    assert.ok(followedByFree.length >= 5, 'some blocks are followed by free space');
    const backToBack = layout.sprites.filter((s, i) => layout.sprites[i + 1]?.romOffset === s.romOffset + s.consumed);
    assert.ok(backToBack.length >= 5, 'some blocks are back to back');
    assert.ok(layout.dataGaps.length >= 3);
    for (const g of layout.dataGaps) assert.ok(bytes.subarray(g.romOffset, g.romOffset + g.bytes).some((b) => b !== 0xff));
    // Code-like bytes in bank 0 after the RESET handler, and text.
    assert.deepEqual([...bytes.subarray(0, 3)], [0x78, 0x18, 0xfb]);
    assert.ok(bytes.subarray(0x10, 0x2000).filter((b) => b === 0xff).length < 0x200);
    assert.match(Buffer.from(bytes.subarray(0x2000, 0x2100)).toString('latin1'), /ALL GRAPHICS DRAWN BY CODE/);
  });

  it('stores each sprite palette (16 BGR555 colours) at its offset in the palette table', () => {
    const t = layout.paletteTable;
    assert.equal(t.count, layout.sprites.length);
    assert.equal(snesToOffset('lorom', t.snes), t.romOffset);
    const seen = new Set<string>();
    for (const s of layout.sprites) {
      assert.equal(s.paletteRomOffset, t.romOffset + 32 * s.index);
      const colors = readBgr555(bytes, s.paletteRomOffset, 16);
      const used = s.bpp === 2 ? 4 : 16;
      assert.equal(new Uint8Array(bytes.buffer, bytes.byteOffset + s.paletteRomOffset, 32)[1]! & 0x80, 0, 'bit 15 clear');
      assert.ok(new Set(colors.subarray(1, used)).size >= Math.min(3, used - 1), `${s.name} has distinct colours`);
      seen.add(colors.join(','));
    }
    assert.ok(seen.size >= layout.sprites.length - 2, 'palettes differ between sprites');
  });

  it('has mirrored frames where it says so: most tiles of those sheets have their mirror image in the sheet', () => {
    for (const s of layout.sprites.filter((x) => x.mirroredFrames)) {
      const tiles = decodeTiles(decode(bytes, s.romOffset).data, s.bpp);
      const keys = new Set<string>();
      for (let t = 0; t < s.tiles; t++) keys.add(tiles.subarray(t * 64, t * 64 + 64).join(','));
      let nonEmpty = 0;
      let mirrored = 0;
      for (let t = 0; t < s.tiles; t++) {
        const tile = tiles.subarray(t * 64, t * 64 + 64);
        if (tile.every((p) => p === 0)) continue;
        nonEmpty++;
        if (keys.has(mirrorTile(tile).join(','))) mirrored++;
      }
      assert.ok(mirrored >= nonEmpty * 0.9, `${s.name}: ${mirrored} of ${nonEmpty} tiles have a mirror`);
    }
  });

  it('keeps an uncompressed copy of the font as raw graphics, equal to the compressed font', () => {
    const [raw] = layout.raw;
    const font = layout.sprites.find((s) => s.name === 'Font')!;
    assert.equal(raw!.bpp, 2);
    assert.deepEqual(bytes.subarray(raw!.romOffset, raw!.romOffset + raw!.size), decode(bytes, font.romOffset).data);
  });

  it('is the same every build, and callers get their own copies', () => {
    const again = buildDemoRom();
    assert.deepEqual(again, bytes);
    again[0x10000] ^= 0xff;
    assert.deepEqual(buildDemoRom(), bytes);
    const l = demoRomLayout();
    l.sprites[0]!.name = 'changed';
    assert.deepEqual(demoRomLayout(), layout);
  });

  it('writes a contact sheet of every sprite with its palette to test-results/demo-sprites.png', () => {
    const pictures = layout.sprites.map((s) => {
      const image = tilesToImage(decodeTiles(decode(bytes, s.romOffset).data, s.bpp), { widthTiles: s.widthTiles });
      return { ...image, colors: readBgr555(bytes, s.paletteRomOffset, 16), opaque: s.kind === 'background' };
    });
    const png = contactSheet(pictures, 2);
    const dir = resolve(process.cwd(), 'test-results');
    mkdirSync(dir, { recursive: true });
    writeFileSync(resolve(dir, 'demo-sprites.png'), png);
    assert.deepEqual([...png.subarray(1, 4)], [0x50, 0x4e, 0x47]);
  });
});
