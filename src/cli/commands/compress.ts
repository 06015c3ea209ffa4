import { mkdirSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { encode, HAL_LEVELS, type HalLevel } from '../../core/hal';
import { intOpt, printJson, stringOpt, UsageError, type Command } from '../command';
import { readInputFile } from '../files';
import { writeFileAtomic } from './gfx-args';

export const compressCommand: Command = {
  name: 'compress',
  summary: 'Compress raw data to a HAL stream (optimal by default; greedy = inhal -2, fast = inhal -1)',
  help: `spritepal compress <raw> -o <out> [--level optimal|greedy|fast] [--max-size <n>] [--json]
spritepal compress <raw>... --out-dir <dir> [--level ...] [--max-size <n>] [--json]

Compresses 1 to 65,536 bytes into a HAL Laboratory stream (terminator included). With several
inputs, writes <dir>/<name>.hal for each <name>.<ext>, all in one process. Nothing is written
unless every input compresses within the limit; each file goes through a temp file and rename.

  -o, --out <out>    the output file (one input)
  --out-dir <dir>    the output folder (one or more inputs; created if missing)
  --level <l>        optimal (default): the smallest stream, a true optimal parse;
                     greedy: byte-identical to inhal -2; fast: byte-identical to inhal -1
  --max-size <n>     fail if the stream is larger than n bytes (e.g. the ROM slot it replaces;
                     default 65,536)
  --json             { size, compressed, level } (size = input bytes, compressed = stream bytes);
                     with --out-dir an array of those objects, each with file and out`,
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

    const jobs = inputs.map((p) => {
      const file = readInputFile(io.cwd, p, 'input');
      const name = basename(file.path, extname(file.path));
      const target = out !== undefined ? resolve(io.cwd, out) : join(resolve(io.cwd, outDir!), `${name}.hal`);
      return { arg: p, file, target };
    });
    const seen = new Map<string, string>();
    for (const j of jobs) {
      const other = seen.get(j.target);
      if (other !== undefined) throw new UsageError(`"${other}" and "${j.arg}" would both be written to ${j.target}`);
      seen.set(j.target, j.arg);
    }
    const results = jobs.map((j) => {
      try {
        return { ...j, stream: encode(j.file.bytes, { level, maxSize }) };
      } catch (e) {
        if (inputs.length > 1 && e instanceof Error) e.message = `${j.arg}: ${e.message}`;
        throw e;
      }
    });
    if (outDir !== undefined) mkdirSync(resolve(io.cwd, outDir), { recursive: true });
    for (const r of results) writeFileAtomic(r.target, r.stream);

    const rows = results.map((r) => ({ size: r.file.bytes.length, compressed: r.stream.length, level }));
    if (args.values.json) {
      if (outDir === undefined) printJson(io, rows[0]);
      else printJson(io, results.map((r, k) => ({ file: r.file.path, out: r.target, ...rows[k]! })));
      return;
    }
    for (const r of results) {
      const pct = ((100 * r.stream.length) / r.file.bytes.length).toFixed(1);
      io.stdout(`${r.arg}: ${r.file.bytes.length} -> ${r.stream.length} bytes (${pct} %, ${level}) -> ${r.target}\n`);
    }
  },
};
