import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addEntry, emptyCatalog, entriesFor, serializeCatalog } from '../../../src/core/catalog/catalog';
import { loadCatalog, nodeCatalogFiles, saveCatalog, WORKSPACE_CATALOG_PATH, type CatalogFiles } from '../../../src/core/catalog/store';

const ROM = { sha256: 'd'.repeat(64), title: 'T', checksum: 7 };

describe('catalog: loading and saving', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'spritepal-catalog-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('saves to .spritepal/catalog.json (creating the folder) and loads it back; a missing file is an empty catalog', async () => {
    const files = nodeCatalogFiles();
    const path = join(dir, WORKSPACE_CATALOG_PATH);
    assert.deepEqual(await loadCatalog(files, path), emptyCatalog());
    const c = addEntry(emptyCatalog(), ROM, { name: 'A', romOffset: 5, kind: 'raw', bpp: 2 });
    await saveCatalog(files, path, c);
    assert.equal(readFileSync(path, 'utf8'), serializeCatalog(c));
    assert.deepEqual(entriesFor(await loadCatalog(files, path), ROM.sha256), entriesFor(c, ROM.sha256));
  });

  it('reports a malformed file by its path, and passes other read errors on', async () => {
    const files = nodeCatalogFiles();
    const path = join(dir, 'bad.json');
    writeFileSync(path, '{"formatVersion": 1, "roms": []}');
    await assert.rejects(loadCatalog(files, path), (e: Error) => e.message.startsWith(`${path}: roms: must be an object`));
    mkdirSync(join(dir, 'a-folder'));
    await assert.rejects(files.readFile(join(dir, 'a-folder')), /EISDIR/);
  });

  it('works over any readFile/writeFile pair', async () => {
    const mem = new Map<string, Uint8Array>();
    const files: CatalogFiles = { readFile: async (p) => mem.get(p) ?? null, writeFile: async (p, b) => void mem.set(p, b) };
    const c = addEntry(emptyCatalog(), ROM, { name: 'A', romOffset: 5, kind: 'hal', bpp: 4 });
    await saveCatalog(files, 'cat.json', c);
    assert.deepEqual(await loadCatalog(files, 'cat.json'), c);
  });
});
