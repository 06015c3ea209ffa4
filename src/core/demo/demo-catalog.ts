/**
 * The demo ROM's catalog entries, derived from its layout (drawing every sprite: about half a
 * second). `spritepal demo --catalog` writes them to src/core/catalog/demo-catalog.json, which is
 * what ships; a test keeps the two equal.
 */
import type { CatalogEntry, RomCatalog } from '../catalog/types';
import { hex } from '../format';
import { buildDemoRom, demoRomLayout, DEMO_ROM_TITLE } from './demo-rom';

/** The demo ROM's catalog, derived from its layout. */
export function demoRomCatalog(): RomCatalog {
  const layout = demoRomLayout();
  const entries: CatalogEntry[] = layout.sprites.map((s) => ({
    name: s.name,
    romOffset: s.romOffset,
    kind: 'hal',
    bpp: s.bpp,
    tiles: s.tiles,
    widthTiles: s.widthTiles,
    palette: { source: 'rom', romOffset: s.paletteRomOffset },
    notes: `Demo ${s.kind}${s.mirroredFrames ? ' with mirrored frames' : ''}; pointer at ${hex(layout.pointerTable.romOffset + 3 * s.index)}.`,
  }));
  for (const r of layout.raw) {
    const font = layout.sprites.find((s) => s.bpp === r.bpp && s.size === r.size);
    const entry: CatalogEntry = {
      name: r.name,
      romOffset: r.romOffset,
      kind: 'raw',
      bpp: r.bpp,
      tiles: r.tiles,
      widthTiles: r.widthTiles,
      notes: 'Demo raw (uncompressed) graphics.',
    };
    if (font) entry.palette = { source: 'rom', romOffset: font.paletteRomOffset };
    entries.push(entry);
  }
  const rom = buildDemoRom();
  const header = 0x7fc0;
  return { title: DEMO_ROM_TITLE, checksum: rom[header + 0x1e]! | (rom[header + 0x1f]! << 8), entries };
}
