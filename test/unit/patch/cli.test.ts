import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../support/cli';
import { referenceCrc32 } from './helpers';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const hex8 = (n: number) => n.toString(16).toUpperCase().padStart(8, '0');

function rom(size: number, seed: number): Uint8Array {
  const out = new Uint8Array(size);
  let x = seed;
  for (let i = 0; i < size; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out[i] = i % 4096 < 2048 ? x >>> 24 : 0xff;
  }
  return out;
}

describe('CLI: patch create and apply', () => {
  let dir: string;
  const p = (name: string) => join(dir, name);
  const original = rom(64 * 1024, 7);
  const modified = original.slice();
  modified.set([9, 9, 9, 9], 5000);
  modified.copyWithin(40000, 100, 900);
  modified[60000] ^= 0x80;
  const header = new Uint8Array(512).fill(0x33);

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'spritepal-patch-'));
    writeFileSync(p('orig.sfc'), original);
    writeFileSync(p('hack.sfc'), modified);
    writeFileSync(p('orig-headered.smc'), Uint8Array.from([...header, ...original]));
    writeFileSync(p('other.sfc'), rom(64 * 1024, 8));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  for (const format of ['bps', 'ips'] as const) {
    it(`${format}: create then apply gives back the modified ROM, with the documented JSON`, async () => {
      const c = await runCli(['patch', 'create', p('orig.sfc'), p('hack.sfc'), '-o', p(`hack.${format}`), '--json']);
      assert.equal(c.code, 0, c.stderr);
      const made = JSON.parse(c.stdout) as Record<string, unknown>;
      const patch = readFileSync(p(`hack.${format}`));
      assert.equal(made.format, format);
      assert.equal(made.output, p(`hack.${format}`));
      assert.equal(made.patchSize, patch.length);
      assert.equal(made.sourceSize, original.length);
      assert.equal(made.targetSize, modified.length);
      assert.deepEqual(made.headers, { original: false, modified: false });
      if (format === 'bps') {
        assert.deepEqual(made.crc, {
          source: hex8(referenceCrc32(original)),
          target: hex8(referenceCrc32(modified)),
          patch: hex8(referenceCrc32(patch.subarray(0, patch.length - 4))),
        });
        assert.deepEqual(Object.keys(made.actions as object).sort(), ['sourceCopy', 'sourceRead', 'targetCopy', 'targetRead']);
      } else assert.equal(typeof made.records, 'number');

      const a = await runCli(['patch', 'apply', p('orig.sfc'), p(`hack.${format}`), '-o', p(`out-${format}.sfc`), '--json']);
      assert.equal(a.code, 0, a.stderr);
      assert.equal(sha(readFileSync(p(`out-${format}.sfc`))), sha(modified));
      const applied = JSON.parse(a.stdout) as Record<string, unknown>;
      assert.equal(applied.header, 'none');
      assert.equal(applied.size, modified.length);

      // A headered copy of the original: patched after the header, header kept.
      const h = await runCli(['patch', 'apply', p('orig-headered.smc'), p(`hack.${format}`), '-o', p(`out-${format}.smc`)]);
      assert.equal(h.code, 0, h.stderr);
      assert.match(h.stdout, /copier header kept/);
      assert.equal(sha(readFileSync(p(`out-${format}.smc`))), sha(Uint8Array.from([...header, ...modified])));
    });
  }

  it('create from a headered original leaves the header out, and says so', async () => {
    const r = await runCli(['patch', 'create', p('orig-headered.smc'), p('hack.sfc'), '-o', p('h.bps')]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^BPS patch, \d+ bytes \(65536 -> 65536 byte ROM; \d+ bytes differ\)/);
    assert.match(r.stdout, /copier header of the original ROM left out of the patch/);
    const a = await runCli(['patch', 'apply', p('orig.sfc'), p('h.bps'), '-o', p('h.sfc')]);
    assert.equal(a.code, 0, a.stderr);
    assert.equal(sha(readFileSync(p('h.sfc'))), sha(modified));
  });

  it('refusals write nothing and leave the ROM and an existing output byte-identical', async () => {
    await runCli(['patch', 'create', p('orig.sfc'), p('hack.sfc'), '-o', p('good.bps')]);
    const good = readFileSync(p('good.bps'));
    const corrupt = Uint8Array.from(good);
    corrupt[good.length >> 1] ^= 1;
    writeFileSync(p('corrupt.bps'), corrupt);
    writeFileSync(p('short.bps'), good.subarray(0, good.length - 5));
    writeFileSync(p('existing.sfc'), 'keep me');
    const romBefore = sha(readFileSync(p('other.sfc')));
    const cases: [string[], RegExp][] = [
      [['apply', p('other.sfc'), p('good.bps')], /for another ROM: it expects an original with CRC32/],
      [['apply', p('orig.sfc'), p('corrupt.bps')], /damaged or truncated/],
      [['apply', p('orig.sfc'), p('short.bps')], /damaged or truncated/],
      [['apply', p('orig.sfc'), p('orig.sfc')], /not an IPS or BPS patch/],
    ];
    for (const [args, msg] of cases) {
      for (const out of ['new.sfc', 'existing.sfc']) {
        const r = await runCli(['patch', ...args, '-o', p(out)]);
        assert.equal(r.code, 1, `${args.join(' ')}: ${r.stdout}`);
        assert.match(r.stderr, msg);
        assert.equal(existsSync(p('new.sfc')), false);
        assert.equal(readFileSync(p('existing.sfc'), 'utf8'), 'keep me');
      }
    }
    assert.equal(sha(readFileSync(p('other.sfc'))), romBefore);

    writeFileSync(p('huge.sfc'), new Uint8Array(16 * 1024 * 1024 + 1024));
    const big = await runCli(['patch', 'create', p('orig.sfc'), p('huge.sfc'), '-o', p('big.ips')]);
    assert.equal(big.code, 1);
    assert.match(big.stderr, /IPS offsets stop at 16 MiB.*make a BPS patch instead/);
    assert.equal(existsSync(p('big.ips')), false);
  });

  it('usage errors: in-place output, missing -o, unknown format or subcommand', async () => {
    const before = sha(readFileSync(p('orig.sfc')));
    const inPlace = await runCli(['patch', 'apply', p('orig.sfc'), p('good.bps'), '-o', p('orig.sfc')]);
    assert.equal(inPlace.code, 1);
    assert.match(inPlace.stderr, /is one of the inputs: SpritePal never overwrites/);
    assert.equal(sha(readFileSync(p('orig.sfc'))), before);
    assert.match((await runCli(['patch', 'create', p('orig.sfc'), p('hack.sfc')])).stderr, /missing -o/);
    assert.match((await runCli(['patch', 'create', p('orig.sfc'), p('hack.sfc'), '-o', p('x.ups')])).stderr, /name the patch \.bps or \.ips/);
    assert.match((await runCli(['patch', 'merge'])).stderr, /unknown patch subcommand "merge"/);
    assert.match((await runCli(['patch', 'create', p('orig.sfc'), p('nope.sfc'), '-o', p('x.bps')])).stderr, /modified ROM ".*nope.sfc" does not exist/);
  });
});
