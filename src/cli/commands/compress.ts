import { mkdirSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { encode, HAL_LEVELS, type HalLevel } from '../../core/hal';
import { intOpt, printJson, stringOpt, UsageError, type Command } from '../command';
import { runBatch, type BatchItem } from '../batch';
import { readInputFile } from '../files';
import { writeFileAtomic } from './gfx-args';

export const compressCommand: Command = {
  name: 'compress',
  help: `spritepal compress <raw> -o <out> [--level optimal|greedy|fast] [--max-size <n>] [--json]
spritepal compress <raw>... --out-dir <dir> [--level ...] [--max-size <n>] [--json]

Compresses 1 to 65,536 bytes into a HAL Laboratory stream (terminator included). With --out-dir,
a batch in one process: writes <dir>/<name>.hal for each <name>.<ext>, one line per file; an input
that fails (unreadable, empty, over the limit) is reported on stderr, the others are still
written, and the exit code is 1 at the end. Each file goes through a temp file and rename.

  -o, --out <out>    the output file (one input)
  --out-dir <dir>    the output folder (one or more inputs; created if missing)
  --level <l>        optimal (default): the smallest stream, a true optimal parse;
                     greedy: byte-identical to inhal -2; fast: byte-identical to inhal -1
  --max-size <n>     fail if the stream is larger than n bytes (e.g. the ROM slot it replaces;
                     default 65,536)
  --json             { size, compressed, level } (size = input bytes, compressed = stream bytes);
                     with --out-dir an array of those objects, each with file and out (or
                     { file, error } for an input that failed)`,
  options: {
    out: { type: 'string', short: 'o' },
    'out-dir': { type: 'string' },
    level: { type: 'string' },
    'max-size': { type: 'string' },
    json: { type: 'boolean' },
  },
  allowPositionals: true,
  async run(args, io) {
    const inputs = args.positionals;
    if (inputs.length === 0) throw new UsageError('missing <raw> input file');
    const out = stringOpt(args, 'out');
    const outDir = stringOpt(args, 'out-dir');
    if (out !== undefined && outDir !== undefined) throw new UsageError('use either -o <out> or --out-dir <dir>, not both');
    if (outDir === undefined && out === undefined) throw new UsageError('missing -o <out> (or --out-dir <dir>)');
    if (out !== undefined && inputs.length > 1) throw new UsageError(`${inputs.length} inputs need --out-dir <dir> instead of -o`);
    const levelArg = stringOpt(args, 'level') ?? 'optimal';
    if (!HAL_LEVELS.includes(levelArg as HalLevel)) throw new UsageError(`--level must be one of ${HAL_LEVELS.join(', ')}, got "${levelArg}"`);
    const level = levelArg as HalLevel;
    const maxSize = intOpt(args, 'max-size', 1, 0x10000);

    if (out !== undefined) {
      const file = readInputFile(io.cwd, inputs[0]!, 'input');
      const stream = encode(file.bytes, { level, maxSize });
      writeFileAtomic(resolve(io.cwd, out), stream);
      if (args.values.json) printJson(io, { size: file.bytes.length, compressed: stream.length, level });
      else io.stdout(lineFor(inputs[0]!, file.bytes.length, stream.length, level, resolve(io.cwd, out)) + '\n');
      return;
    }

    const dir = resolve(io.cwd, outDir!);
    const jobs = inputs.map((arg) => {
      const full = resolve(io.cwd, arg);
      return { arg, full, target: join(dir, `${basename(full, extname(full))}.hal`) };
    });
    const seen = new Map<string, string>();
    for (const j of jobs) {
      const other = seen.get(j.target);
      if (other !== undefined) throw new UsageError(`"${other}" and "${j.arg}" would both be written to ${j.target}`);
      seen.set(j.target, j.arg);
    }
    mkdirSync(dir, { recursive: true });
    const items: BatchItem<{ arg: string; file: string; target: string; size: number; compressed: number }>[] = jobs.map((j) => ({
      label: j.arg,
      failure: { file: j.full },
      run() {
        const file = readInputFile(io.cwd, j.arg, 'input');
        const stream = encode(file.bytes, { level, maxSize });
        writeFileAtomic(j.target, stream);
        return { arg: j.arg, file: file.path, target: j.target, size: file.bytes.length, compressed: stream.length };
      },
    }));
    return runBatch(io, 'compress', items, {
      json: Boolean(args.values.json),
      noun: 'file',
      line: (r) => lineFor(r.arg, r.size, r.compressed, level, r.target),
      toJson: (r) => ({ file: r.file, out: r.target, size: r.size, compressed: r.compressed, level }),
    });
  },
};

function lineFor(arg: string, size: number, compressed: number, level: HalLevel, target: string): string {
  return `${arg}: ${size} -> ${compressed} bytes (${((100 * compressed) / size).toFixed(1)} %, ${level}) -> ${target}`;
}
