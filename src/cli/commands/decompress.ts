import { basename, resolve } from 'node:path';
import { hex } from '../../core/errors';
import { decode } from '../../core/hal';
import { resolveOffsetArg } from '../address-arg';
import { printJson, requirePositional, stringOpt, type Command } from '../command';
import { readInputFile } from '../files';
import { writeFileAtomic } from './gfx-args';

export const decompressCommand: Command = {
  name: 'decompress',
  summary: 'Decompress one HAL stream from a file or ROM (exhal, with exact consumed size)',
  help: `spritepal decompress <file> [--offset <addr>] [-o <out>] [--strict] [--json]

Decodes the HAL-compressed stream that starts at --offset and reports how many bytes it
occupies (terminator included) and how large the data is. A malformed stream is an error that
names what is wrong and the file offset of the failing command; no output file is written then.

  --offset <addr>  where the stream starts: an on-disk offset (0x... or decimal, default 0) or,
                   for a ROM, any address form ($BB:AAAA, BB:AAAA, 0x..., decimal)
  -o, --out <out>  write the decompressed bytes here (through a temp file and rename)
  --strict         also reject copies from output bytes not written yet (games never use them)
  --json           one JSON object: { offset, consumed, size }`,
  options: { offset: { type: 'string' }, out: { type: 'string', short: 'o' }, strict: { type: 'boolean' }, json: { type: 'boolean' } },
  allowPositionals: true,
  async run(args, io) {
    const file = readInputFile(io.cwd, requirePositional(args, 0, '<file>'));
    const at = resolveOffsetArg(file.bytes, basename(file.path), stringOpt(args, 'offset'));
    const result = decode(file.bytes, at.fileOffset, { strict: Boolean(args.values.strict) });
    const outArg = stringOpt(args, 'out');
    const out = outArg === undefined ? null : resolve(io.cwd, outArg);
    if (out) writeFileAtomic(out, result.data);
    if (args.values.json) {
      printJson(io, { offset: at.fileOffset, consumed: result.consumed, size: result.data.length });
      return;
    }
    const where = `${hex(at.fileOffset)}${at.snes ? ` (${at.snes})` : ''}`;
    io.stdout(`Stream at ${where}: ${result.consumed} bytes compressed, ${result.data.length} bytes decompressed${out ? ` -> ${out}` : ''}\n`);
  },
};
