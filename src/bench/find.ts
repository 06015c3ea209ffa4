/**
 * Bench group "find": Find in ROM's two searches. The demo scene's on-screen sprites (whose first
 * rows are mostly transparent, so their tiles open with zero bytes, the hard case for the raw
 * search's filter) looked up in a 4 MiB ROM that is half zeros and half noise, and in 2 MiB of
 * decoded blocks.
 */
import { buildDemoDumps, DEMO_OBJ_BASE } from '../core/demo/demo-dumps';
import { parseOam } from '../core/dumps/oam';
import { searchBlocks, searchRaw, spriteQuery, type QueryTile, type SearchBlock } from '../core/find/find-in-rom';
import { Prng } from '../core/scan/prng';
import { round, timeIt, type BenchGroup, type BenchRow } from './harness';

function noise(length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length);
  new Prng(seed).bytes(out, 0, length);
  return out;
}

export const findBench: BenchGroup = {
  name: 'find',
  description: "Find in ROM: a sprite's tiles in a 4 MiB ROM's raw bytes (target <= 500 ms) and in 2 MiB of decoded blocks (target <= 100 ms)",
  async run(ctx) {
    const rows: BenchRow[] = [];
    const minMs = ctx.quick ? 20 : 300;
    const dumps = buildDemoDumps();
    const sprite = parseOam(dumps.oam).find((e) => e.visible)!;
    const query: QueryTile[] = spriteQuery(dumps.vram, sprite, { base: DEMO_OBJ_BASE, nameSelect: 0 });
    // 4 MiB: zero runs (padding, blank tiles) alternating with noise, every 4 KiB; the sprite planted once.
    const rom = new Uint8Array(4 << 20);
    const fill = noise(rom.length, 0x9e3779b9);
    for (let p = 0; p < rom.length; p += 8192) rom.set(fill.subarray(p, p + 4096), p);
    const planted = 3 << 20;
    query.forEach((q, i) => rom.set(q.bytes, planted + i * 32));
    const raw = timeIt(() => searchRaw(query, rom), { minMs });
    const found = searchRaw(query, rom).some((m) => m.romOffset === planted);
    rows.push({
      key: 'findRaw4MiBMs',
      label: `sprite (${query.length} tiles) in 4 MiB of raw ROM bytes, half zeros`,
      value: round(raw.medianMs, 1),
      unit: 'ms',
      target: '<= 500 ms, planted copy found',
      pass: raw.medianMs <= 500 && found,
    });
    const blocks: SearchBlock[] = Array.from({ length: 1024 }, (_, i) => ({
      romOffset: i * 2048,
      kind: 'hal',
      data: fill.subarray(i * 2048, (i + 1) * 2048),
      consumed: 1024,
    }));
    blocks[700] = { ...blocks[700]!, data: rom.subarray(planted - 64, planted + 1984) };
    const blk = timeIt(() => searchBlocks(query, blocks), { minMs });
    const inBlock = searchBlocks(query, blocks).matches.some((m) => m.romOffset === blocks[700]!.romOffset && m.firstTile === 2);
    rows.push({
      key: 'findBlocks2MiBMs',
      label: 'sprite in 1,024 decoded blocks (2 MiB)',
      value: round(blk.medianMs, 1),
      unit: 'ms',
      target: '<= 100 ms, planted copy found at tile 2',
      pass: blk.medianMs <= 100 && inBlock,
    });
    return rows;
  },
};
