import { basename, dirname, join, resolve } from 'node:path';
import { buildDemoRom } from '../../core/demo/demo-rom';
import { demoDumpFiles } from '../../core/demo/demo-files';
import { demoRomCatalog } from '../../core/demo/demo-catalog';
import { writeFileAtomic } from '../../core/io/atomic-file';
import { printJson, stringOpt, UsageError, type Command } from '../command';

export const demoCommand: Command = {
  name: 'demo',
  help: `spritepal demo -o <out.sfc> [--catalog <out.json>] [--dumps] [--json]

Generates SpritePal's demo ROM: a valid 512 KiB LoROM with a correct header and 44 original
sprite sheets (characters, items, effects, backgrounds; 2bpp and 4bpp; some with mirrored frames),
HAL-compressed by our encoder, with a pointer table and their palettes in ROM. Everything is
drawn by code; no game data.

  --catalog <f>  also write the demo ROM's catalog entries (what src/core/catalog/demo-catalog.json holds)
  --dumps        also write memory dumps of a scene made from its sprites beside it, named as Mesen
                 names them (<name>.SnesVideoRam.dmp, .SnesCgRam.dmp, .SnesSpriteRam.dmp)`,
  options: { out: { type: 'string', short: 'o' }, catalog: { type: 'string' }, dumps: { type: 'boolean' }, json: { type: 'boolean' } },
  allowPositionals: false,
  async run(args, io) {
    const out = stringOpt(args, 'out');
    if (!out) throw new UsageError('missing -o <out.sfc>');
    const bytes = buildDemoRom();
    const path = resolve(io.cwd, out);
    await writeFileAtomic(path, bytes);
    const catalog = stringOpt(args, 'catalog');
    if (catalog) await writeFileAtomic(resolve(io.cwd, catalog), new TextEncoder().encode(JSON.stringify(demoRomCatalog(), null, 2) + '\n'));
    const dumps = args.values.dumps ? demoDumpFiles(basename(path)).map((f) => ({ ...f, path: join(dirname(path), f.name) })) : [];
    for (const f of dumps) await writeFileAtomic(f.path, f.bytes);
    if (args.values.json) printJson(io, { file: path, size: bytes.length, ...(dumps.length ? { dumps: dumps.map((f) => f.path) } : {}) });
    else io.stdout(`wrote ${path} (${bytes.length} bytes)${dumps.map((f) => `\nwrote ${f.path}`).join('')}\n`);
  },
};
