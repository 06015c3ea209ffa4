import { resolve } from 'node:path';
import { buildDemoRom } from '../../core/demo/demo-rom';
import { writeFileAtomic } from '../../core/io/atomic-file';
import { printJson, stringOpt, UsageError, type Command } from '../command';

export const demoCommand: Command = {
  name: 'demo',
  summary: 'Write the demo ROM (original sprites drawn by code, no game data)',
  help: `spritepal demo -o <out.sfc> [--json]

Generates SpritePal's demo ROM: a valid LoROM with a correct header, made entirely by code.`,
  options: { out: { type: 'string', short: 'o' }, json: { type: 'boolean' } },
  allowPositionals: false,
  async run(args, io) {
    const out = stringOpt(args, 'out');
    if (!out) throw new UsageError('missing -o <out.sfc>');
    const bytes = buildDemoRom();
    const path = resolve(io.cwd, out);
    await writeFileAtomic(path, bytes);
    if (args.values.json) printJson(io, { file: path, size: bytes.length });
    else io.stdout(`wrote ${path} (${bytes.length} bytes)\n`);
  },
};
