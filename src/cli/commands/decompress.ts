import { reportedHits } from '../../core/scan/types';
import { mkdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { hex } from '../../core/format';
import { decode } from '../../core/hal';
import { resolveOffsetArg, tryRom, type OffsetArg } from '../address-arg';
import { runBatch, type BatchItem } from '../batch';
import { intOpt, printJson, requirePositional, stringOpt, UsageError, type Command } from '../command';
import { readInputFile } from '../files';
import { jobsOption, runScan } from '../scan-runner';
import { writeFileAtomic } from './gfx-args';

/** `<dir>/<on-disk offset as 6 lower-case hex digits>.bin`, e.g. `010000.bin`. */
export function batchFileName(fileOffset: number): string {
  return `${fileOffset.toString(16).padStart(6, '0')}.bin`;
}

export const decompressCommand: Command = {
  name: 'decompress',
  help: `spritepal decompress <file> [--offset <addr>] [-o <out>] [--strict] [--json]
spritepal decompress <file> (--offset <addr>... | --from-scan) [--out-dir <dir>] [--strict] [--json]

Decodes the HAL-compressed stream that starts at --offset and reports how many bytes it
occupies (terminator included) and how large the data is. A malformed stream is an error that
names what is wrong and the file offset of the failing command; no output file is written then.

Several --offset values, --from-scan or --out-dir make a batch, all in one process: each block
is written to <dir>/<on-disk offset, 6 lower-case hex digits>.bin (e.g. 010000.bin) and gets one
line; a block that fails is reported on stderr and the others are still written; the exit code
is 1 at the end if any failed.

  --offset <addr>  where a stream starts: an on-disk offset (0x... or decimal, default 0) or,
                   for a ROM, any address form ($BB:AAAA, BB:AAAA, 0x..., decimal); repeatable
  --from-scan      also every HAL block a scan of the ROM finds (as \`spritepal scan\` reports them)
  --jobs <n>       the scan's worker threads (auto, the default, or n; see spritepal scan --help)
  --min-tiles <n>  the scan's smallest block, in tiles
  -o, --out <out>  write the decompressed bytes here (one stream; through a temp file and rename)
  --out-dir <dir>  write each block to <dir>/<offset>.bin (created if missing)
  --strict         also reject copies from output bytes not written yet (games never use them)
  --json           one stream: { offset, consumed, size }; a batch: an array of
                   { offset, snes, consumed, size, out } or { offset, arg, error }`,
  options: {
    offset: { type: 'string', multiple: true },
    'from-scan': { type: 'boolean' },
    jobs: { type: 'string' },
    'min-tiles': { type: 'string' },
    out: { type: 'string', short: 'o' },
    'out-dir': { type: 'string' },
    strict: { type: 'boolean' },
    json: { type: 'boolean' },
  },
  allowPositionals: true,
  async run(args, io) {
    const file = readInputFile(io.cwd, requirePositional(args, 0, '<file>'));
    const name = basename(file.path);
    const offsets = (args.values.offset as string[] | undefined) ?? [];
    const outArg = stringOpt(args, 'out');
    const outDir = stringOpt(args, 'out-dir');
    const fromScan = Boolean(args.values['from-scan']);
    const strict = Boolean(args.values.strict);
    const json = Boolean(args.values.json);
    if (!fromScan && outDir === undefined && offsets.length <= 1) {
      const at = resolveOffsetArg(file.bytes, name, offsets[0]);
      const result = decode(file.bytes, at.fileOffset, { strict });
      const out = outArg === undefined ? null : resolve(io.cwd, outArg);
      if (out) writeFileAtomic(out, result.data);
      if (json) {
        printJson(io, { offset: at.fileOffset, consumed: result.consumed, size: result.data.length });
        return;
      }
      io.stdout(`Stream at ${describeAt(at)}: ${result.consumed} bytes compressed, ${result.data.length} bytes decompressed${out ? ` -> ${out}` : ''}\n`);
      return;
    }

    if (outArg !== undefined) throw new UsageError('-o writes one stream: use --out-dir <dir> for several (--offset given more than once, or --from-scan)');
    const dir = outDir === undefined ? null : resolve(io.cwd, outDir);
    // Each item: the argument it came from and, once resolved, where it is.
    const wanted: { arg: string; at: OffsetArg | null; error?: unknown }[] = offsets.map((arg) => {
      try {
        return { arg, at: resolveOffsetArg(file.bytes, name, arg) };
      } catch (error) {
        return { arg, at: null, error };
      }
    });
    if (fromScan) {
      const rom = tryRom(file.bytes, name);
      if (!rom) throw new UsageError(`--from-scan needs a ROM; ${name} is not one`);
      const { state } = await runScan(rom.data, {
        jobs: jobsOption(args),
        minTiles: intOpt(args, 'min-tiles', 1, 4096) ?? 16,
        includeRaw: false,
        mapping: rom.mapping,
      });
      const known = new Set(wanted.map((w) => w.at?.fileOffset));
      // The blocks `scan` reports by default (strong or named by a pointer table), not its weak hits.
      for (const h of reportedHits(state.hits)) {
        const fileOffset = rom.fileOffsetOf(h.romOffset);
        if (h.kind !== 'hal' || known.has(fileOffset)) continue;
        known.add(fileOffset);
        wanted.push({ arg: hex(fileOffset), at: resolveOffsetArg(file.bytes, name, String(fileOffset)) });
      }
    }
    if (wanted.length === 0) throw new UsageError(fromScan ? `the scan found no HAL blocks in ${name}` : 'missing --offset <addr> (or --from-scan)');
    if (dir) mkdirSync(dir, { recursive: true });

    interface Done {
      at: OffsetArg;
      consumed: number;
      size: number;
      out: string | null;
    }
    const items: BatchItem<Done>[] = wanted.map((w) => ({
      label: w.at ? describeAt(w.at) : `--offset ${w.arg}`,
      failure: { offset: w.at?.fileOffset ?? null, arg: w.arg },
      run(): Done {
        if (!w.at) throw w.error;
        const result = decode(file.bytes, w.at.fileOffset, { strict });
        const out = dir ? join(dir, batchFileName(w.at.fileOffset)) : null;
        if (out) writeFileAtomic(out, result.data);
        return { at: w.at, consumed: result.consumed, size: result.data.length, out };
      },
    }));
    return runBatch(io, 'decompress', items, {
      json,
      noun: 'block',
      line: (d) => `${describeAt(d.at)}: ${d.consumed} bytes compressed, ${d.size} bytes decompressed${d.out ? ` -> ${d.out}` : ''}`,
      toJson: (d) => ({ offset: d.at.fileOffset, snes: d.at.snes, consumed: d.consumed, size: d.size, out: d.out }),
    });
  },
};

function describeAt(at: OffsetArg): string {
  return `${hex(at.fileOffset)}${at.snes ? ` (${at.snes})` : ''}`;
}
