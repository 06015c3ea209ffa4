import * as assert from 'node:assert/strict';
import { bundledEntriesFor, shippedDemoCatalog, DEMO_ROM_SHA256 } from '../../../src/core/catalog/bundled';
import { demoRomCatalog } from '../../../src/core/demo/demo-catalog';
import { addEntry, emptyCatalog } from '../../../src/core/catalog/catalog';
import { romIdentity } from '../../../src/core/catalog/identity';
import { entriesForRom, mergeEntries } from '../../../src/core/catalog/merge';
import { parseSpriteLocations } from '../../../src/core/catalog/sprite-locations';
import type { CatalogEntry } from '../../../src/core/catalog/types';
import { romContentHash } from '../../../src/core/cache/rom-hash';
import { buildDemoRom, demoRomLayout } from '../../../src/core/demo/demo-rom';
import { decode } from '../../../src/core/hal';
import { readBgr555 } from '../../../src/core/gfx/color';
import { Rom } from '../../../src/core/rom';

const e = (name: string, romOffset: number, extra: Partial<CatalogEntry> = {}): CatalogEntry => ({ name, romOffset, kind: 'hal', bpp: 4, ...extra });

describe('catalog: bundled entries and merging', () => {
  it('bundles entries for the demo ROM only, verified against the built ROM', () => {
    const bytes = buildDemoRom();
    assert.equal(romContentHash(bytes), DEMO_ROM_SHA256, "the pinned hash is the demo ROM's (update it when the demo art changes)");
    const id = romIdentity(new Rom(bytes));
    assert.deepEqual(id, { sha256: DEMO_ROM_SHA256, title: 'SPRITEPAL DEMO', checksum: new Rom(bytes).checksum!.stored });
    const cat = demoRomCatalog();
    assert.equal(cat.checksum, id.checksum);
    assert.deepEqual(
      shippedDemoCatalog(),
      cat,
      'src/core/catalog/demo-catalog.json is what the code derives (regenerate it with `spritepal demo -o <rom> --catalog src/core/catalog/demo-catalog.json`)',
    );
    const layout = demoRomLayout();
    const entries = bundledEntriesFor(DEMO_ROM_SHA256.toUpperCase());
    assert.equal(entries.length, layout.sprites.length + layout.raw.length);
    for (const entry of entries) {
      const size = entry.tiles! * entry.bpp * 8;
      if (entry.kind === 'hal') {
        const sprite = layout.sprites.find((s) => s.romOffset === entry.romOffset)!;
        assert.equal(entry.name, sprite.name);
        assert.equal(decode(bytes, entry.romOffset).data.length, sprite.size, entry.name);
        assert.equal(size, sprite.size, entry.name);
      } else {
        assert.ok(entry.romOffset + size <= bytes.length);
      }
      assert.equal(entry.palette!.source, 'rom');
      const pal = readBgr555(bytes, (entry.palette as { romOffset: number }).romOffset, 16);
      assert.ok(
        pal.some((c) => c !== 0),
        `${entry.name} palette`,
      );
    }
    assert.deepEqual(bundledEntriesFor('0'.repeat(64)), []);
  });

  it('merges by ROM offset: workspace over bundled over sprite_locations, each entry naming its source', () => {
    const merged = mergeEntries({
      'sprite-locations': [e('Guess A', 0x100), e('Guess B', 0x200), e('Guess C', 0x300)],
      bundled: [e('Known B', 0x200), e('Known D', 0x400)],
      workspace: [e('Mine A', 0x100, { notes: 'renamed' }), e('Mine E', 0x050)],
    });
    assert.deepEqual(
      merged.map((m) => [m.romOffset, m.name, m.source, m.overrides]),
      [
        [0x050, 'Mine E', 'workspace', []],
        [0x100, 'Mine A', 'workspace', ['sprite-locations']],
        [0x200, 'Known B', 'bundled', ['sprite-locations']],
        [0x300, 'Guess C', 'sprite-locations', []],
        [0x400, 'Known D', 'bundled', []],
      ],
    );
    assert.equal(merged[1]!.notes, 'renamed');
    // Two entries at one offset within a source: the first stands and nothing is overridden.
    assert.deepEqual(
      mergeEntries({ workspace: [e('One', 1), e('Two', 1)] }).map((m) => [m.name, m.overrides]),
      [['One', []]],
    );
  });

  it('gathers the entries for an open ROM from every source', () => {
    const id = { sha256: DEMO_ROM_SHA256, title: 'SPRITEPAL DEMO', checksum: 0x1111 };
    const layout = demoRomLayout();
    const first = layout.sprites[0]!;
    const workspace = addEntry(emptyCatalog(), id, e('My knight', first.romOffset, { notes: 'hero' }));
    const locations = parseSpriteLocations(
      JSON.stringify({ games: { 'SPRITEPAL DEMO': { sprites: { Extra: { offset: '0x070000' }, Knight: { offset: `0x${first.romOffset.toString(16)}` } } } } }),
    );
    const all = entriesForRom(id, { workspace, spriteLocations: [locations] });
    const knight = all.find((m) => m.romOffset === first.romOffset)!;
    assert.equal(knight.name, 'My knight');
    assert.equal(knight.source, 'workspace');
    assert.deepEqual(knight.overrides, ['bundled', 'sprite-locations']);
    assert.equal(all.find((m) => m.romOffset === 0x70000)!.source, 'sprite-locations');
    assert.equal(all.filter((m) => m.source === 'bundled').length, layout.sprites.length + layout.raw.length - 1);
    assert.deepEqual(entriesForRom({ sha256: 'f'.repeat(64), title: 'X', checksum: null }), []);
  });
});
