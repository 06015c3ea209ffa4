import { basename } from 'node:path';
import { cgramPalette } from '../../core/gfx/palette';
import { formatGpl, formatJascPal, formatPalJson } from '../../core/gfx/palette-files';
import { intOpt, printJson, requirePositional, stringOpt, type Command } from '../command';
import { readInputFile } from '../files';
import { requireOutput, writeFileAtomic } from './gfx-args';

export const paletteCommand: Command = {
  name: 'palette',
  help: `spritepal palette <cgram.dmp> [--index <n>] -o <out.pal.json|out.gpl|out.pal> [--json]

Reads palette n (0-15, default 8: the first sprite palette) of a 512-byte CGRAM dump and writes it
in the format the output name asks for: SpritePal's .pal.json (channels as SpritePal wrote them,
c << 3), GIMP .gpl or JASC-PAL .pal (full-range channels).

  --index <n>  CGRAM palette 0-15 (sprites use 8-15)
  -o <file>    output file
  --json       one JSON object: { file, index, output, format, colors: [[r, g, b] x 16] }`,
  options: { index: { type: 'string' }, output: { type: 'string', short: 'o' }, json: { type: 'boolean' } },
  async run(args, io) {
    const file = readInputFile(io.cwd, requirePositional(args, 0, '<cgram.dmp>'), 'CGRAM dump');
    const index = intOpt(args, 'index', 0, 15) ?? 8;
    const out = requireOutput(stringOpt(args, 'output'), io.cwd, 'out.pal.json');
    const palette = { ...cgramPalette(file.bytes, index), source: { cgram_file: file.path, palette_index: index } };
    const format = /\.gpl$/i.test(out) ? 'gpl' : /\.json$/i.test(out) ? 'pal.json' : /\.pal$/i.test(out) ? 'jasc' : 'pal.json';
    const text = format === 'gpl' ? formatGpl(palette) : format === 'jasc' ? formatJascPal(palette) : formatPalJson(palette);
    writeFileAtomic(out, text);
    if (args.values.json) {
      const colors = format === 'pal.json' ? JSON.parse(text).palette.colors : undefined;
      printJson(io, { file: file.path, index, output: out, format, colors });
    } else io.stdout(`palette ${index} of ${basename(file.path)} -> ${out} (${format})\n`);
  },
};
