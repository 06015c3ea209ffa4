import * as assert from 'node:assert/strict';
import { buildDemoDumps, DEMO_OBJ_BASE } from '../../../src/core/demo/demo-dumps';
import { buildDemoRom, demoRomLayout } from '../../../src/core/demo/demo-rom';
import { parseOam } from '../../../src/core/dumps/oam';
import { findInRom, findTiles, searchRaw, spriteQuery, vramRangeQuery, type QueryTile } from '../../../src/core/find/find-in-rom';
import { decode } from '../../../src/core/hal';
import { RomSession } from '../../../src/core/session/rom-session';

describe('find in ROM', () => {
  const rom = buildDemoRom();
  const layout = demoRomLayout();
  const dumps = buildDemoDumps();
  // The scene's sheets, as demo-dumps.ts picks them: VRAM holds sheet i at DEMO_OBJ_BASE + i * 32 tiles.
  const sheets = layout.sprites.filter((s) => s.bpp === 4 && s.tiles === 32).slice(0, 8);
  const settings = { base: DEMO_OBJ_BASE, nameSelect: 0 };

  it('traces every on-screen sprite of the demo scene to its demo ROM block and tile range', async function () {
    this.timeout(60_000);
    const session = RomSession.open(rom, 'demo.sfc');
    try {
      const visible = parseOam(dumps.oam).filter((e) => e.visible);
      assert.ok(visible.length >= 10, `${visible.length} sprites on screen`);
      for (const e of visible) {
        const query = spriteQuery(dumps.vram, e, settings);
        assert.equal(query.length, 4, 'a 16x16 sprite is four tiles');
        const r = await findInRom(session, query);
        const best = r.matches[0];
        assert.ok(best, `sprite ${e.index}: found`);
        // Which sheet and frame the OAM tile names (tile = sheet * 32 + frame * 2), read from VRAM's layout.
        const sheet = sheets[Math.floor(e.tile / 32)]!;
        const first = e.tile % 32;
        assert.equal(best.romOffset, sheet.romOffset, `sprite ${e.index} comes from ${sheet.name}`);
        assert.equal(best.source, 'block');
        assert.equal(best.kind, 'hal');
        assert.equal(best.matched, r.queried, `sprite ${e.index}: every non-blank tile matched`);
        assert.equal(best.aligned, best.matched, 'all at one tile offset');
        // The non-blank tiles lie within the frame's n, n+1, n+16, n+17.
        assert.ok(best.firstTile >= first && best.lastTile <= first + 17, `tiles ${best.firstTile}-${best.lastTile} in frame at ${first}`);
        const expectedAt = query.map((q) => (q.bytes.every((b) => b === 0) ? null : q.vramTile! - DEMO_OBJ_BASE / 32 - Math.floor(e.tile / 32) * 32));
        assert.deepEqual(best.at, expectedAt, `sprite ${e.index}: each tile where the sheet has it`);
      }
    } finally {
      await session.dispose();
    }
  });

  it('finds a run of VRAM tiles at a tile offset inside a block, and a subset of them', () => {
    const sheet = sheets[2]!;
    const data = decode(rom, sheet.romOffset).data;
    const block = { romOffset: sheet.romOffset, kind: 'hal' as const, data, consumed: sheet.consumed };
    const firstVram = DEMO_OBJ_BASE / 32 + 2 * 32 + 5;
    const query = vramRangeQuery(dumps.vram, firstVram, 6, 4);
    const r = findTiles(query, rom, [block]);
    assert.equal(r.matches[0]!.romOffset, sheet.romOffset);
    assert.equal(r.matches[0]!.firstTile, 5);
    assert.equal(r.matches[0]!.lastTile, 10);
    // Tiles from elsewhere (a tile of another sheet, which this block lacks) leave a subset.
    const other = vramRangeQuery(dumps.vram, DEMO_OBJ_BASE / 32 + 5 * 32 + 3, 1, 4);
    const partial = findTiles([...query.slice(0, 3), ...other], rom, [block]);
    assert.equal(partial.matches[0]!.matched, 3);
    assert.equal(partial.queried, 4);
  });

  it('finds uncompressed tiles in the raw ROM bytes at any byte offset, outside the blocks searched', () => {
    const font = layout.raw[0]!;
    const tiles: QueryTile[] = [];
    for (let t = 3; t < 8; t++) tiles.push({ bytes: rom.slice(font.romOffset + t * 16, font.romOffset + t * 16 + 16) });
    const hits = searchRaw(tiles, rom, { per: 16 });
    const run = hits.find((m) => m.romOffset === font.romOffset + 3 * 16);
    assert.ok(run, `a run at the font's tile 3: ${JSON.stringify(hits.map((h) => h.romOffset))}`);
    assert.equal(run.source, 'rom');
    assert.equal(run.matched, 5);
    assert.deepEqual([run.firstTile, run.lastTile], [0, 4]);
    // Skipping the font's bytes (a block already searched) leaves no run there.
    const skipped = searchRaw(tiles, rom, { per: 16, skip: [{ start: font.romOffset, end: font.romOffset + font.size }] });
    assert.ok(!skipped.some((m) => m.romOffset >= font.romOffset && m.romOffset < font.romOffset + font.size));
  });

  it('leaves blank tiles out and refuses tiles of the wrong size', () => {
    const blank = [{ bytes: new Uint8Array(32), vramTile: 0 }];
    const r = findTiles(blank, rom, []);
    assert.deepEqual([r.queried, r.blank, r.matches.length], [0, 1, 0]);
    assert.throws(() => findTiles([{ bytes: new Uint8Array(16).fill(1) }], rom, []), /16 bytes, not 32/);
  });
});
