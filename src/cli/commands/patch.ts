import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { writeFileAtomic } from '../../core/io/atomic-file';
import { applyRomPatch, createRomPatch, crcHex, formatFromName, type PatchFormat, type PatchSummary } from '../../core/patch';
import { printJson, requirePositional, stringOpt, UsageError, type Command, type ParsedArgs } from '../command';
import { readInputFile } from '../files';

export const patchCommand: Command = {
  name: 'patch',
  help: `spritepal patch create <original> <modified> -o <out.bps|out.ips> [--json]
spritepal patch apply <rom> <patch> -o <out> [--ips-headered] [--json]

create: writes the patch that turns <original> into <modified>. The format follows the extension
of -o (BPS: CRC32-checked, any size; IPS: no checks, files up to 16 MiB). Copier headers are left
out: the patch is made between the headerless ROMs, as Flips does.
apply: checks the patch (BPS: its own CRC32, then that <rom> is the ROM it was made for, then
the result's CRC32) and writes the patched ROM to -o, never over <rom> or <patch>. A ROM with a
copier header keeps it. On any error nothing is written.

  -o, --output <file>  where to write (required; must not be one of the inputs)
  --ips-headered       apply: the IPS's offsets count the ROM's 512-byte copier header
  --json               create: { format, output, patchSize, sourceSize, targetSize, changedBytes,
                       headers, crc, actions, actionBytes | records, rleRecords, truncate }
                       apply: { format, output, size, header, sourceSize, targetSize, changedBytes,
                       crc, actions, actionBytes | records, rleRecords, truncate } (CRCs in hex)`,
  options: { output: { type: 'string', short: 'o' }, json: { type: 'boolean' }, 'ips-headered': { type: 'boolean' } },
  allowPositionals: true,
  async run(args, io) {
    const sub = requirePositional(args, 0, 'a subcommand: create or apply');
    if (sub === 'create') return create(args, io.cwd, io);
    if (sub === 'apply') return apply(args, io.cwd, io);
    throw new UsageError(`unknown patch subcommand "${sub}" (create or apply)`);
  },
};

type Io = Parameters<Command['run']>[1];

/** The output path, refused when it names one of the inputs (never overwrite a source in place). */
function outputPath(args: ParsedArgs, cwd: string, inputs: string[]): string {
  const out = stringOpt(args, 'output');
  if (out === undefined) throw new UsageError('missing -o <out>: the result is always written to a new file');
  const full = resolve(cwd, out);
  let real = full;
  try {
    real = realpathSync(full);
  } catch {
    // Does not exist yet: it cannot be an input.
  }
  for (const input of inputs)
    if (real === realpathSync(input)) throw new UsageError(`-o ${out} is one of the inputs: SpritePal never overwrites a ROM or patch in place`);
  return full;
}

function jsonSummary(s: PatchSummary): Record<string, unknown> {
  const { crc, ...rest } = s;
  return { ...rest, ...(crc ? { crc: { source: crcHex(crc.source), target: crcHex(crc.target), patch: crcHex(crc.patch) } } : {}) };
}

function describe(s: PatchSummary): string {
  if (s.format === 'bps') {
    const a = s.actions!;
    return `${a.sourceRead} sourceRead, ${a.targetRead} targetRead, ${a.sourceCopy} sourceCopy, ${a.targetCopy} targetCopy; CRC32 source ${crcHex(s.crc!.source)}, target ${crcHex(s.crc!.target)}, patch ${crcHex(s.crc!.patch)}`;
  }
  return `${s.records} records (${s.rleRecords} RLE)${s.truncate !== null ? `, truncated to ${s.truncate} bytes` : ''}`;
}

async function create(args: ParsedArgs, cwd: string, io: Io): Promise<void> {
  if (args.positionals.length > 3) throw new UsageError(`unexpected "${args.positionals[3]}": create takes <original> <modified>`);
  const original = readInputFile(cwd, requirePositional(args, 1, '<original>'), 'original ROM');
  const modified = readInputFile(cwd, requirePositional(args, 2, '<modified>'), 'modified ROM');
  const out = outputPath(args, cwd, [original.path, modified.path]);
  const format: PatchFormat | null = formatFromName(out);
  if (!format) throw new UsageError(`-o ${stringOpt(args, 'output')}: name the patch .bps or .ips to choose its format`);
  const made = createRomPatch(original.bytes, modified.bytes, format);
  await writeFileAtomic(out, made.patch);
  const s = made.summary;
  if (args.values.json) {
    printJson(io, { output: out, ...jsonSummary(s), headers: made.headers });
    return;
  }
  const what = s.changedBytes === 0 && s.sourceSize === s.targetSize ? 'the files are identical: the patch changes nothing' : `${s.changedBytes} bytes differ`;
  io.stdout(`${format.toUpperCase()} patch, ${s.patchSize} bytes (${s.sourceSize} -> ${s.targetSize} byte ROM; ${what})\n`);
  io.stdout(`  ${describe(s)}\n`);
  const left = [made.headers.original && 'original', made.headers.modified && 'modified'].filter(Boolean);
  if (left.length) io.stdout(`  copier header of the ${left.join(' and ')} ROM left out of the patch\n`);
  io.stdout(`  wrote ${out}\n`);
}

async function apply(args: ParsedArgs, cwd: string, io: Io): Promise<void> {
  if (args.positionals.length > 3) throw new UsageError(`unexpected "${args.positionals[3]}": apply takes <rom> <patch>`);
  const rom = readInputFile(cwd, requirePositional(args, 1, '<rom>'), 'ROM');
  const patch = readInputFile(cwd, requirePositional(args, 2, '<patch>'), 'patch');
  const out = outputPath(args, cwd, [rom.path, patch.path]);
  const applied = applyRomPatch(rom.bytes, patch.bytes, { ipsHeadered: Boolean(args.values['ips-headered']) });
  await writeFileAtomic(out, applied.bytes);
  const s = applied.summary;
  if (args.values.json) {
    printJson(io, { output: out, size: applied.bytes.length, header: applied.header, ...jsonSummary(s) });
    return;
  }
  const checks = s.format === 'bps' ? 'patch, source and result CRC32s checked' : 'IPS has no checksums: make sure this is the ROM the patch was made for';
  io.stdout(`applied ${s.format.toUpperCase()} patch (${checks})\n`);
  io.stdout(`  ${describe(s)}\n`);
  if (applied.header === 'kept') io.stdout('  copier header kept\n');
  io.stdout(`  wrote ${out} (${applied.bytes.length} bytes)\n`);
}
