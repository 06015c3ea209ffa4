import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encode as encodePng } from 'fast-png';
import { decode } from '../../../src/core/hal';
import { decodeTiles } from '../../../src/core/gfx/tiles';
import { Rom } from '../../../src/core/rom/rom';
import { runCli } from '../../support/cli';
import { A, B, C, D, E, PIX_B, PTR_A, PTR_D1, PTR_D2, buildFixture, diffIndices, indexedPng, noisyPixels, sheetPng, spritePixels } from './fixture';

const fx = buildFixture();
const hash = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const hex = (n: number) => '0x' + n.toString(16);

describe('inject: CLI', function () {
  this.timeout(20000);
  let dir: string;
  let rom: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'spritepal-inject-'));
    rom = join(dir, 'game.sfc');
    writeFileSync(rom, fx.file);
  });
  afterEach(() => {
    try {
      chmodSync(rom, 0o644);
    } catch {
      /* removed by the test */
    }
    rmSync(dir, { recursive: true, force: true });
  });

  const inject = (...args: string[]) => runCli(['inject', 'game.sfc', ...args], dir);
  const json = (stdout: string) => JSON.parse(stdout) as Record<string, unknown>;
  const png = (name: string, bytes: Uint8Array) => {
    writeFileSync(join(dir, name), bytes);
    return name;
  };

  it('export then inject unchanged: the whole file byte-identical, unchanged: true, no backup', async () => {
    const before = hash(rom);
    for (const [offset, bpp] of [
      [A, 4],
      [B, 4],
      [E, 2],
    ] as const) {
      const ex = await runCli(['extract', 'game.sfc', '--offset', hex(offset), '--bpp', String(bpp), '-o', 'sheet.png'], dir);
      assert.equal(ex.code, 0, ex.stderr);
      const r = await inject('--offset', hex(offset), '--image', 'sheet.png', '--bpp', String(bpp), '--json');
      assert.equal(r.code, 0, r.stderr);
      const out = json(r.stdout);
      assert.equal(out.unchanged, true);
      assert.equal(out.relocated, false);
      assert.equal(out.offset, offset);
    }
    const raw = await runCli(['extract', 'game.sfc', '--offset', hex(C), '--raw', '--length', '512', '-o', 'raw.png'], dir);
    assert.equal(raw.code, 0, raw.stderr);
    const r = await inject('--offset', hex(C), '--raw', '--length', '512', '--image', 'raw.png');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /unchanged.*nothing was written/);
    assert.equal(hash(rom), before);
    assert.deepEqual(
      readdirSync(dir).filter((n) => n.includes('.bak-')),
      [],
    );
  });

  it('edited image in place: backup of the old file, decoded tiles equal the image, checksum valid, only the block changed', async () => {
    const edited = PIX_B.slice();
    for (const i of [3, 99, 1000, 1500]) edited[i] = 15 - edited[i]!;
    const r = await inject('--offset', '$83:8000', '--image', png('e.png', sheetPng(edited)), '--json');
    assert.equal(r.code, 0, r.stderr);
    const out = json(r.stdout);
    assert.equal(out.relocated, false);
    assert.equal(out.verified, true);
    assert.equal(out.offset, B);
    assert.equal(out.snes, '$83:8000');
    const after = new Rom(new Uint8Array(readFileSync(rom)));
    assert.deepEqual(decodeTiles(decode(after.data, B).data, 4), edited);
    assert.ok(after.checksum!.valid);
    assert.equal(after.checksum!.stored, out.checksum);
    const end = B + Math.max(fx.sizeB, out.newSize as number);
    for (const i of diffIndices(fx.file, after.file)) assert.ok((i >= B && i < end) || (i >= 0x7fdc && i < 0x7fe0), `byte ${hex(i)} changed`);
    const backups = readdirSync(dir).filter((n) => n.startsWith('game.sfc.bak-'));
    assert.equal(backups.length, 1);
    assert.deepEqual(new Uint8Array(readFileSync(join(dir, backups[0]!))), fx.file);
    assert.equal(out.backup, join(dir, backups[0]!));
  });

  it('oversize: refused without --relocate; relocated with the pointer updated and the old block free', async () => {
    const before = hash(rom);
    const image = png('big.png', indexedPng(noisyPixels(20)));
    const no = await inject('--offset', hex(A), '--image', image);
    assert.notEqual(no.code, 0);
    assert.match(no.stderr, /0x010000.*allow relocation.*\(--relocate\)/);
    assert.equal(hash(rom), before);
    const r = await inject('--offset', hex(A), '--image', image, '--relocate', '-o', 'out.sfc', '--json');
    assert.equal(r.code, 0, r.stderr);
    assert.equal(hash(rom), before, '-o leaves the input alone');
    const out = json(r.stdout);
    assert.equal(out.relocated, true);
    assert.deepEqual(out.pointersUpdated, [PTR_A]);
    const after = new Rom(new Uint8Array(readFileSync(join(dir, 'out.sfc'))));
    const ptr = after.data[PTR_A]! | (after.data[PTR_A + 1]! << 8) | (after.data[PTR_A + 2]! << 16);
    assert.equal(after.resolveAddress(`$${ptr.toString(16)}`).romOffset, out.offset);
    assert.deepEqual(decodeTiles(decode(after.data, out.offset as number).data, 4), noisyPixels(20));
    assert.ok(after.data.subarray(A, A + fx.sizeA).every((b) => b === 0xff));
    assert.ok(after.checksum!.valid);
  });

  it('ambiguous pointers: refused with the candidates, then done with --pointer', async () => {
    const before = hash(rom);
    const image = png('d.png', indexedPng(noisyPixels(16)));
    const r = await inject('--offset', hex(D), '--image', image, '--relocate');
    assert.notEqual(r.code, 0);
    assert.match(r.stderr, /2 places.*--pointer.*0x008020, 0x008030/);
    assert.equal(hash(rom), before);
    const ok = await inject('--offset', hex(D), '--image', image, '--relocate', '--pointer', hex(PTR_D1), '--pointer', hex(PTR_D2), '--json');
    assert.equal(ok.code, 0, ok.stderr);
    assert.deepEqual(json(ok.stdout).pointersUpdated, [PTR_D1, PTR_D2]);
    assert.notEqual(hash(rom), before);
  });

  it('every refusal exits non-zero and leaves the file byte-identical', async () => {
    const before = hash(rom);
    writeFileSync(join(dir, 'pal.pal.json'), JSON.stringify({ name: 'p', colors: Array.from({ length: 16 }, (_, i) => [i * 8, 0, 0]) }));
    const rgb = encodePng({ width: 8, height: 8, data: new Uint8Array(64 * 3).fill(200), channels: 3, depth: 8 });
    const many = new Uint8Array(20 * 64).map((_, i) => i % 20);
    const cases: [string, string[], RegExp][] = [
      ['wrong tile count', ['--offset', hex(A), '--image', png('w.png', sheetPng(spritePixels(48)))], /48 tiles.*holds 20/],
      [
        'too many colours',
        [
          '--offset',
          hex(A),
          '--image',
          png(
            'm.png',
            encodePng({
              width: 128,
              height: 16,
              data: new Uint8Array(128 * 16).map((_, i) => many[i % many.length]!),
              channels: 1,
              depth: 8,
              palette: Array.from({ length: 32 }, (_, i) => [i, i, i]),
            }),
          ),
        ],
        /indices past 15/,
      ],
      [
        'colour not in the palette',
        ['--offset', hex(C), '--raw', '--tiles', '1', '--image', png('r.png', rgb), '--palette', 'pal.pal.json'],
        /not in the target palette/,
      ],
      ['no room', ['--offset', hex(A), '--image', png('n.png', indexedPng(noisyPixels(20)))], /allow relocation/],
      [
        'no pointers',
        ['--offset', hex(E), '--bpp', '2', '--relocate', '--image', png('p.png', indexedPng(noisyPixels(16, 4), 4))],
        /no 24-bit pointer.*with --pointer <addr>/,
      ],
      ['no free space', ['--offset', hex(A), '--relocate', '--resize', '--image', png('f.png', indexedPng(noisyPixels(1100)))], /no free space/],
      ['not a HAL stream', ['--offset', '0x30000', '--image', 'n.png'], /no HAL stream/],
      ['raw without a size', ['--offset', hex(C), '--raw', '--image', 'n.png'], /--tiles n or --length n/],
      ['bad bpp', ['--offset', hex(C), '--bpp', '3', '--image', 'n.png'], /--bpp must be 2, 4 or 8/],
      ['missing image', ['--offset', hex(C)], /missing --image/],
      ['missing offset', ['--image', 'n.png'], /missing --offset/],
      ['two ROMs', ['other.sfc', '--offset', hex(A), '--image', 'n.png'], /one ROM at a time/],
      ['raw with both sizes', ['--offset', hex(C), '--raw', '--tiles', '16', '--length', '512', '--image', 'n.png'], /not both/],
      ['raw length not whole tiles', ['--offset', hex(C), '--raw', '--length', '500', '--image', 'n.png'], /not a whole number/],
      ['tiles on a HAL target', ['--offset', hex(A), '--tiles', '16', '--image', 'n.png'], /go with --raw/],
      ['bad pointer', ['--offset', hex(A), '--relocate', '--pointer', hex(PTR_D1), '--image', 'n.png'], /not a pointer to/],
    ];
    for (const [what, args, pattern] of cases) {
      const r = await inject(...args);
      assert.notEqual(r.code, 0, what);
      assert.match(r.stderr, pattern, what);
      assert.equal(hash(rom), before, what);
    }
    chmodSync(rom, 0o444);
    const ro = await inject('--offset', hex(B), '--image', png('e.png', sheetPng(spritePixels(32, 16, 4))));
    assert.notEqual(ro.code, 0);
    assert.match(ro.stderr, /read-only/);
    assert.equal(hash(rom), before);
    assert.deepEqual(
      readdirSync(dir).filter((n) => n.includes('.bak-') || n.endsWith('.tmp')),
      [],
    );
  });

  it('prints a readable summary', async () => {
    const r = await inject('--offset', hex(A), '--image', png('big.png', indexedPng(noisyPixels(20))), '--relocate');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /20 tiles, \d+ -> \d+ bytes, moved from 0x010000 to 0x[0-9A-F]+ \(\$[0-9A-F]{2}:[0-9A-F]{4}\); checksum 0x[0-9A-F]{4}, verified/);
    assert.match(r.stdout, /pointer at 0x008010 updated/);
    assert.match(r.stdout, /backup .*game\.sfc\.bak-/);
  });
});
