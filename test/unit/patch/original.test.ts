import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import {
  findOriginal,
  keepOriginal,
  keptOriginalPath,
  loadOriginals,
  OriginalError,
  ORIGINALS_PATH,
  parseOriginals,
  readOriginal,
  recordOriginal,
  serializeOriginals,
  type WorkspaceFiles,
} from '../../../src/core/patch/original';

/** An in-memory workspace. */
function memoryFiles(): WorkspaceFiles & { files: Map<string, Uint8Array> } {
  const files = new Map<string, Uint8Array>();
  return {
    files,
    readFile: async (p) => files.get(p) ?? null,
    writeFile: async (p, b) => void files.set(p, b.slice()),
  };
}

const refused = (reason: string, text?: RegExp) => (e: unknown) => e instanceof OriginalError && e.reason === reason && (!text || text.test(e.message));

describe('the clean original record (.spritepal/originals.json)', () => {
  const rom = new Uint8Array(0x8000).map((_, i) => i & 0xff);
  const headered = Uint8Array.from([...new Uint8Array(512).fill(7), ...rom]);

  it('records the SHA-256 of the headerless original and its path, and reads it back checked', async () => {
    const fs = memoryFiles();
    fs.files.set('clean/game.smc', headered);
    const rec = await recordOriginal(fs, 'hack.sfc', { path: 'clean/game.smc', bytes: headered }, new Date('2026-12-03T08:00:00Z'));
    assert.deepEqual(rec, {
      path: 'clean/game.smc',
      sha256: createHash('sha256').update(rom).digest('hex'),
      size: rom.length,
      recordedAt: '2026-12-03T08:00:00.000Z',
    });
    assert.ok(fs.files.has(ORIGINALS_PATH));
    assert.deepEqual(await findOriginal(fs, 'hack.sfc'), rec);
    assert.equal(await findOriginal(fs, 'other.sfc'), null);
    const back = await readOriginal(fs, 'hack.sfc');
    assert.deepEqual(back.bytes, headered);
    // A second ROM is added beside the first, and the file is written with sorted keys.
    await recordOriginal(fs, 'a-first.sfc', { path: 'clean/game.smc', bytes: rom });
    const text = new TextDecoder().decode(fs.files.get(ORIGINALS_PATH));
    assert.deepEqual(Object.keys(JSON.parse(text).roms), ['a-first.sfc', 'hack.sfc']);
    assert.equal(serializeOriginals(parseOriginals(text)), text);
  });

  it('says why there is no usable original: none recorded, gone, or changed since', async () => {
    const fs = memoryFiles();
    await assert.rejects(readOriginal(fs, 'hack.sfc'), refused('none', /no clean original is recorded for hack.sfc: a patch needs the unmodified ROM/));
    fs.files.set('orig.sfc', rom);
    await recordOriginal(fs, 'hack.sfc', { path: 'orig.sfc', bytes: rom });
    const edited = rom.slice();
    edited[100] ^= 1;
    fs.files.set('orig.sfc', edited);
    await assert.rejects(readOriginal(fs, 'hack.sfc'), refused('changed', /orig.sfc is no longer the clean original of hack.sfc/));
    fs.files.delete('orig.sfc');
    await assert.rejects(readOriginal(fs, 'hack.sfc'), refused('missing', /no longer exists/));
  });

  it('keeps the ROM as first opened: a copy under .spritepal/originals/, or the backup that already holds it', async () => {
    const fs = memoryFiles();
    const sha = createHash('sha256').update(rom).digest('hex');
    assert.equal(keptOriginalPath('dir/game.smc', sha), `.spritepal/originals/game-${sha.slice(0, 12)}.smc`);
    assert.equal(keptOriginalPath('noext', sha), `.spritepal/originals/noext-${sha.slice(0, 12)}`);
    // No holder: the bytes are copied (header and all) and the copy is the record's path.
    const rec = await keepOriginal(fs, 'hack.smc', { romName: 'hack.smc', bytes: headered }, new Date('2026-12-03T08:00:00Z'));
    const copy = keptOriginalPath('hack.smc', sha);
    assert.deepEqual(rec, { path: copy, sha256: sha, size: rom.length, recordedAt: '2026-12-03T08:00:00.000Z' });
    assert.deepEqual(fs.files.get(copy), headered);
    assert.deepEqual((await readOriginal(fs, 'hack.smc')).bytes, headered);
    // A second ROM from the same original shares the copy: it is not written again.
    let writes = 0;
    const counting: WorkspaceFiles = { readFile: fs.readFile, writeFile: async (p, b) => void (writes++, fs.files.set(p, b.slice())) };
    await keepOriginal(counting, 'other.smc', { romName: 'hack.smc', bytes: headered });
    assert.equal(writes, 1, 'only originals.json written');
    // A holder (the -original backup) is recorded as it is, nothing copied.
    fs.files.set('hack.smc.bak-20261203-080000-000-original', rom);
    const before = fs.files.size;
    const held = await keepOriginal(fs, 'third.sfc', { romName: 'third.sfc', bytes: rom, holder: 'hack.smc.bak-20261203-080000-000-original' });
    assert.equal(held.path, 'hack.smc.bak-20261203-080000-000-original');
    assert.equal(held.sha256, sha);
    assert.equal(fs.files.size, before);
  });

  it('treats the file as untrusted input', async () => {
    const fs = memoryFiles();
    assert.deepEqual(await loadOriginals(fs), { formatVersion: 1, roms: {} });
    const bad: [string, RegExp][] = [
      ['not json', /not valid JSON/],
      ['[]', /must hold a JSON object/],
      ['{"formatVersion":2,"roms":{}}', /formatVersion: 2 is not a version/],
      ['{"formatVersion":1,"roms":[]}', /roms: must be an object/],
      ['{"formatVersion":1,"roms":{"a":1}}', /roms\["a"\]: must be an object/],
      ['{"formatVersion":1,"roms":{"a":{"path":"","sha256":"","size":1,"recordedAt":""}}}', /roms\["a"\].path: must be a non-empty string/],
      ['{"formatVersion":1,"roms":{"a":{"path":"x","sha256":"ABC","size":1,"recordedAt":""}}}', /sha256: must be a lower-case hex SHA-256/],
      [`{"formatVersion":1,"roms":{"a":{"path":"x","sha256":"${'0'.repeat(64)}","size":-1,"recordedAt":""}}}`, /size: must be a whole number/],
      [`{"formatVersion":1,"roms":{"a":{"path":"x","sha256":"${'0'.repeat(64)}","size":1,"recordedAt":5}}}`, /recordedAt: must be an ISO date/],
    ];
    for (const [text, msg] of bad) {
      fs.files.set(ORIGINALS_PATH, new TextEncoder().encode(text));
      await assert.rejects(loadOriginals(fs), refused('malformed', msg), text);
    }
  });
});
