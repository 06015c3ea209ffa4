import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
const DUMP_VIEWER_VIEW_TYPE = 'spritepal.dumpViewer';

interface CustomEditor {
  viewType: string;
  selector: { filenamePattern: string }[];
  priority: string;
}

describe('package.json custom editors', () => {
  const manifest = JSON.parse(readFileSync(join(process.cwd(), 'package.json'), 'utf8')) as { contributes: { customEditors: CustomEditor[] } };
  const editors = manifest.contributes.customEditors;

  it('declares each view type once (VS Code logs "already registered" and drops a second one)', () => {
    const types = editors.map((e) => e.viewType);
    assert.deepEqual([...new Set(types)], types);
  });

  it('opens VRAM dumps by default and leaves other .dmp files (crash dumps, CGRAM, OAM) to their editors', () => {
    const dump = editors.find((e) => e.viewType === DUMP_VIEWER_VIEW_TYPE);
    assert.ok(dump, 'the dump viewer is declared');
    assert.equal(dump.priority, 'default');
    const patterns = dump.selector.map((s) => s.filenamePattern);
    for (const p of ['*VideoRam*.dmp', '*VRAM*.dmp']) assert.ok(patterns.includes(p), `${p} opens in the viewer`);
    assert.ok(!patterns.includes('*.dmp'), 'a bare *.dmp would take every crash dump');
  });
});
