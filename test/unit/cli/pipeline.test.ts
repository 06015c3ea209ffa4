/**
 * The README's build-pipeline example (issue 19) runs as written: its Makefile fragment, taken
 * from README.md, rebuilds the demo ROM's graphics from edited PNGs with `inject` and compresses
 * raw tile data with one `compress --out-dir` batch; a second `make` has nothing to do.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { decode as decodePng, encode as encodePng } from 'fast-png';
import { runCli } from '../../support/cli';
import { buildDemoRom, demoRomLayout } from '../../../src/core/demo/demo-rom';
import { tilesToImage } from '../../../src/core/gfx/arrange';
import { decodeTiles } from '../../../src/core/gfx/tiles';
import { decode } from '../../../src/core/hal';

const root = resolve(__dirname, '..', '..', '..', '..');
/** The compiled CLI of this test build (out/src/cli.js), run as its own process by make. */
const cliScript = resolve(__dirname, '..', '..', '..', 'src', 'cli.js');

function readmeMakefile(): string {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const m = /<!-- pipeline-makefile:start -->\n```make\n([\s\S]*?)```\n<!-- pipeline-makefile:end -->/.exec(readme);
  assert.ok(m, 'README.md has the pipeline Makefile between its markers');
  return m[1]!;
}

describe('CLI: the README pipeline Makefile', function () {
  this.timeout(120_000);
  let dir: string;
  before(function () {
    const make = spawnSync('make', ['--version']);
    if (make.error || make.status !== 0) {
      console.log('    (skipped: `make` is not installed; apt-get install make to run the pipeline example)');
      this.skip();
    }
    dir = mkdtempSync(join(tmpdir(), 'spritepal-make-'));
  });
  after(() => dir && rmSync(dir, { recursive: true, force: true }));

  it('rebuilds the demo ROM from edited PNGs and compresses the raw tiles, then is up to date', async () => {
    const rom = buildDemoRom();
    const knight = demoRomLayout().sprites.find((s) => s.name === 'Knight walk')!;
    const coin = demoRomLayout().sprites.find((s) => s.name === 'Coin spin')!;
    assert.deepEqual([knight.romOffset, coin.romOffset], [0x010000, 0x010121], 'the offsets the README names');
    writeFileSync(join(dir, 'demo.sfc'), rom);
    writeFileSync(join(dir, 'Makefile'), readmeMakefile());
    assert.equal((await runCli(['extract', 'demo.sfc', '--all', '--no-scan', '--out-dir', 'sprites'], dir)).code, 0);
    assert.equal((await runCli(['decompress', 'demo.sfc', '--offset', '0x010000', '--offset', '0x010121', '--out-dir', 'gfx'], dir)).code, 0);

    // The edit: the knight drawn in two colours (index 1 wherever it was not transparent).
    const png = decodePng(readFileSync(join(dir, 'sprites', 'Knight_walk.png')));
    const edited = Uint8Array.from(png.data as Uint8Array, (v) => (v === 0 ? 0 : 1));
    writeFileSync(
      join(dir, 'sprites', 'Knight_walk.png'),
      encodePng({ width: png.width, height: png.height, data: edited, depth: 8, channels: 1, palette: png.palette }),
    );

    const spritepal = `"${process.execPath}" "${cliScript}"`;
    const r = spawnSync('make', [`SPRITEPAL=${spritepal}`], { cwd: dir, encoding: 'utf8' });
    assert.equal(r.status, 0, `${r.stdout}\n${r.stderr}`);

    const out = new Uint8Array(readFileSync(join(dir, 'build', 'demo.sfc')));
    const image = tilesToImage(decodeTiles(decode(out, knight.romOffset).data, 4), { widthTiles: png.width / 8 });
    assert.deepEqual(image.pixels, edited, 'the knight decodes to the edited PNG at its old offset');
    assert.deepEqual(decode(out, coin.romOffset).data, decode(rom, coin.romOffset).data, 'the unedited coin is unchanged');
    for (const name of ['010000', '010121']) {
      const raw = new Uint8Array(readFileSync(join(dir, 'gfx', `${name}.bin`)));
      assert.deepEqual(decode(new Uint8Array(readFileSync(join(dir, 'build', 'gfx', `${name}.hal`)))).data, raw, name);
    }
    const again = spawnSync('make', ['-q', `SPRITEPAL=${spritepal}`], { cwd: dir });
    assert.equal(again.status, 0, 'a second make has nothing to do');
  });
});
