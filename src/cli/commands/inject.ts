import { statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { romContentHash } from '../../core/cache/rom-hash';
import { headerKey, nodeCatalogFiles, recordRomSave, resolveRomRecord, WORKSPACE_DIR, type RomRecord, type SaveRecord } from '../../core/catalog';
import { formatSnes, hex } from '../../core/format';
import { bgr555ToRgb, type Rgb } from '../../core/gfx/color';
import { applyPlan, planInjection, sameSource, InjectionRefusedError, StaleRomError, type InjectTarget } from '../../core/inject';
import { writeFileAtomic } from '../../core/io/atomic-file';
import { Rom } from '../../core/rom';
import { intOpt, printJson, requirePositional, stringOpt, UsageError, type Command, type ParsedArgs } from '../command';
import { checkOutputPath, readInputFile, sameFile } from '../files';
import { readPaletteSpec } from './gfx-args';

/** Backups kept beside a ROM written in place (the editor's default setting). */
const KEEP_BACKUPS = 5;

export const injectCommand: Command = {
  name: 'inject',
  help: `spritepal inject <rom> --offset <addr> --image <png> [-o <out>] [--relocate] [--pointer <addr>]...
                 [--raw --tiles n | --length n] [--bpp 2|4|8] [--palette <spec>] [--nearest] [--resize]
                 [--width <tiles>] [--workspace <dir> | --no-catalog] [--json]

Imports the PNG (indexed, SpritePal grayscale, or RGB with --palette), encodes its tiles in the
target's depth, compresses them (optimal HAL; --raw targets stay raw) and writes them where the
old data was when they fit there with the free bytes (0xFF or 0x00) after it. Otherwise, with
--relocate, moves them to free space inside one bank, rewrites the pointer(s) to the old address,
and frees the old block. Then fixes the checksum and decodes the result to verify it. An image
identical to what is there changes nothing. On any refusal the ROM is left byte-identical.

  --offset <addr>    where the data starts: $BB:AAAA, BB:AAAA, 0x... (file offset) or decimal
  --image <png>      the edited sheet (tiles left to right, 16 a row as extract writes them)
  -o <out>           write the result here; without it the ROM is rewritten in place, atomically,
                     after a backup <rom>.bak-<timestamp> (the newest ${KEEP_BACKUPS} are kept)
  --relocate         move the data to free space when it does not fit in place
  --pointer <addr>   a 24-bit pointer to update (repeatable); needed when several point at the data
  --raw              uncompressed tiles; give their count with --tiles n or their size with --length n
  --bpp 2|4|8        planar tile depth (default 4)
  --palette <spec>   the target palette for RGB images, as for extract (cgram:<file>[:index],
                     a .pal.json file, rom:<addr>)
  --nearest          map RGB colours not in the palette to the nearest one instead of refusing
  --resize           accept an image with a different number of tiles
  --width <tiles>    require the sheet layout extract wrote with this width
  --workspace <dir>  the folder whose .spritepal/ (catalog.json, roms.json) serves the ROM; by
                     default the nearest folder above the ROM written that holds a .spritepal/
                     folder. There, as an editor save does, the injection is recorded: the block
                     move of a relocation in catalog.json (so catalog names follow the sprite) and
                     the ROM's original in roms.json. No such folder: nothing is recorded, silently.
                     An unreadable catalog.json or roms.json refuses the injection before writing
  --no-catalog       record nothing in .spritepal/
  --json             { offset, snes, relocated, oldSize, newSize, pointersUpdated, checksum,
                     verified, unchanged, output, backup, catalog } (offsets on-disk; catalog:
                     null, or { workspace, rom, original, moves, catalogFile, catalogWritten,
                     identityFile, identityWritten })`,
  options: {
    offset: { type: 'string' },
    image: { type: 'string' },
    output: { type: 'string', short: 'o' },
    relocate: { type: 'boolean' },
    pointer: { type: 'string', multiple: true },
    raw: { type: 'boolean' },
    tiles: { type: 'string' },
    length: { type: 'string' },
    bpp: { type: 'string' },
    palette: { type: 'string' },
    nearest: { type: 'boolean' },
    resize: { type: 'boolean' },
    width: { type: 'string' },
    workspace: { type: 'string' },
    'no-catalog': { type: 'boolean' },
    json: { type: 'boolean' },
  },
  allowPositionals: true,
  async run(args, io) {
    const file = readInputFile(io.cwd, requirePositional(args, 0, '<rom>'), 'ROM');
    if (args.positionals.length > 1) throw new UsageError(`one ROM at a time: unexpected "${args.positionals[1]}"`);
    const name = basename(file.path);
    const offsetText = stringOpt(args, 'offset');
    if (offsetText === undefined) throw new UsageError('missing --offset <addr>');
    const imageArg = stringOpt(args, 'image');
    if (imageArg === undefined) throw new UsageError('missing --image <png>');
    const image = readInputFile(io.cwd, imageArg, 'image');
    const rom = new Rom(file.bytes, name);
    const at = rom.resolveAddress(offsetText);
    const bpp = intOpt(args, 'bpp', 2, 8) ?? 4;
    if (bpp !== 2 && bpp !== 4 && bpp !== 8) throw new UsageError(`--bpp must be 2, 4 or 8, got ${bpp}`);
    const target: InjectTarget = { romOffset: at.romOffset, kind: args.values.raw ? 'raw' : 'hal', bpp, widthTiles: intOpt(args, 'width', 1, 1024) };
    const tiles = intOpt(args, 'tiles', 1, 0x10000);
    const length = intOpt(args, 'length', 1, 0x10000);
    if (args.values.raw) {
      if (tiles !== undefined && length !== undefined) throw new UsageError('give --tiles or --length, not both');
      if (length !== undefined && length % (bpp * 8) !== 0) throw new UsageError(`--length ${length} is not a whole number of ${bpp * 8}-byte ${bpp}bpp tiles`);
      target.tiles = tiles ?? (length === undefined ? undefined : length / (bpp * 8));
      if (target.tiles === undefined) throw new UsageError('--raw needs the size of the data: --tiles n or --length n');
    } else if (tiles !== undefined || length !== undefined) throw new UsageError('--tiles and --length go with --raw (a HAL stream says how long it is)');

    const pointers = ((args.values.pointer as string[] | undefined) ?? []).map((p) => rom.resolveAddress(p).romOffset);
    const palette = paletteOption(stringOpt(args, 'palette'), io.cwd, file.bytes, name, bpp);
    const out = stringOpt(args, 'output');
    const outPath = out === undefined ? file.path : resolve(io.cwd, out);
    const inPlace = outPath === file.path || sameFile(outPath, file.path);
    const workspace = workspaceOption(args, io.cwd, outPath);

    let plan;
    try {
      plan = planInjection(rom, target, image.bytes, {
        relocate: Boolean(args.values.relocate),
        pointers,
        resize: Boolean(args.values.resize),
        palette,
        nearest: Boolean(args.values.nearest),
      });
    } catch (e) {
      if (!(e instanceof InjectionRefusedError)) throw e;
      // The same refusal, with the option that answers it.
      if (e.reason === 'ambiguous-pointers') {
        const list = e.candidates.map((c) => hex(rom.fileOffsetOf(c))).join(', ');
        throw new InjectionRefusedError(
          e.reason,
          `${e.message}. Nothing was written: repeat with --pointer <addr> for each one to update (file offsets ${list})`,
          e.candidates,
        );
      }
      const hint = e.reason === 'no-room' ? ' (--relocate)' : e.reason === 'no-pointers' && /give the pointer/.test(e.message) ? ' with --pointer <addr>' : '';
      throw hint ? new InjectionRefusedError(e.reason, e.message + hint) : e;
    }
    const bytes = applyPlan(file.bytes, rom.copierHeaderSize, plan);
    // Read before writing: an unreadable .spritepal file refuses the injection with nothing written.
    let before: RomRecord | null = null;
    if (workspace !== null) {
      try {
        before = await resolveRomRecord(nodeCatalogFiles(), workspace, file.path, rom, romContentHash(rom.data), { strict: true });
      } catch (e) {
        throw new UsageError(`${(e as Error).message}: nothing was written (fix the file, or give --no-catalog)`);
      }
    }
    let backup: string | null = null;
    let written = outPath;
    if (!inPlace) {
      checkOutputPath(outPath);
      written = (await writeFileAtomic(outPath, bytes)).writtenPath;
    } else if (!plan.unchanged) {
      // Under the ROM's lock, the file must still hold what the plan was made from (another
      // program, or another inject, may have saved it meanwhile).
      const check = (onDisk: Uint8Array | null) => {
        if (!onDisk || !sameSource(plan.source, onDisk))
          throw new StaleRomError(`${name} changed on disk while the injection was planned: nothing was written`);
      };
      const r = await writeFileAtomic(file.path, bytes, { keepBackups: KEEP_BACKUPS, check });
      backup = r.backupPath;
      written = r.writtenPath;
    }

    // Recorded as an editor save records: the saved moves, this injection's, the ROM's original.
    let recorded: (SaveRecord & { original: string; moves: { from: number; to: number }[] }) | null = null;
    let recordError: string | null = null;
    if (before && !(inPlace && plan.unchanged)) {
      const after = new Rom(bytes, basename(outPath));
      const identity = { header: headerKey(after), original: before.identity.original, current: romContentHash(after.data) };
      const moves = [...before.baseMoves, ...plan.moves];
      try {
        const r = await recordRomSave(nodeCatalogFiles(), workspace!, outPath, after, identity, moves);
        recorded = { ...r, original: identity.original, moves };
      } catch (e) {
        recordError = (e as Error).message;
      }
    }

    const s = plan.summary;
    const result = {
      offset: rom.fileOffsetOf(s.newRomOffset),
      snes: formatSnes(s.newSnes),
      relocated: !s.inPlace,
      oldSize: s.oldSize,
      newSize: s.newSize,
      pointersUpdated: s.pointersUpdated.map((p) => rom.fileOffsetOf(p)),
      checksum: s.checksum,
      verified: s.verified,
      unchanged: plan.unchanged,
      output: inPlace && plan.unchanged ? null : outPath,
      backup,
      catalog: recorded && {
        workspace,
        rom: recorded.romKey,
        original: recorded.original,
        moves: recorded.moves.map((m) => ({ from: rom.fileOffsetOf(m.from), to: rom.fileOffsetOf(m.to) })),
        catalogFile: recorded.catalogFile,
        catalogWritten: recorded.catalogWritten,
        identityFile: recorded.identityFile,
        identityWritten: recorded.identityWritten,
      },
    };
    const failRecord = () => {
      if (recordError !== null) throw new UsageError(`${written} was written, but its record in ${join(workspace!, WORKSPACE_DIR)} was not: ${recordError}`);
    };
    if (args.values.json) {
      printJson(io, result);
      failRecord();
      return;
    }
    const where = `${hex(result.offset)}${result.snes ? ` (${result.snes})` : ''}`;
    if (plan.unchanged) {
      io.stdout(
        `unchanged: the image is what ${hex(at.fileOffset)} already holds (${s.tiles} tiles); ${inPlace ? 'nothing was written' : `copied to ${outPath}`}\n`,
      );
      return;
    }
    const how = s.inPlace ? `in place at ${where}` : `moved from ${hex(at.fileOffset)} to ${where}`;
    io.stdout(`${s.tiles} tiles, ${s.oldSize} -> ${s.newSize} bytes, ${how}; checksum ${hex(s.checksum, 4)}, verified\n`);
    for (const p of result.pointersUpdated) io.stdout(`  pointer at ${hex(p)} updated\n`);
    io.stdout(`  wrote ${written}${written === outPath ? '' : ` (through the symbolic link ${outPath})`}\n`);
    if (backup) io.stdout(`  backup ${backup}\n`);
    if (recorded && (recorded.catalogWritten || recorded.identityWritten)) {
      const what = [
        recorded.catalogWritten ? `${recorded.moves.length} block move(s) in ${recorded.catalogFile}` : null,
        recorded.identityWritten ? `the original of ${recorded.romKey} in ${recorded.identityFile}` : null,
      ].filter(Boolean);
      io.stdout(`  recorded ${what.join(' and ')}\n`);
    }
    failRecord();
  },
};

/** The folder whose .spritepal/ serves the ROM written: --workspace, else the nearest above it holding one; null for none or --no-catalog. */
function workspaceOption(args: ParsedArgs, cwd: string, romPath: string): string | null {
  const given = stringOpt(args, 'workspace');
  if (args.values['no-catalog']) {
    if (given !== undefined) throw new UsageError('give --workspace or --no-catalog, not both');
    return null;
  }
  if (given !== undefined) {
    const dir = resolve(cwd, given);
    if (!isDirectory(dir)) throw new UsageError(`--workspace ${given}: not a folder`);
    return dir;
  }
  for (let dir = dirname(romPath); ; dir = dirname(dir)) {
    if (isDirectory(join(dir, WORKSPACE_DIR))) return dir;
    if (dirname(dir) === dir) return null;
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function paletteOption(spec: string | undefined, cwd: string, bytes: Uint8Array, name: string, bpp: number): Rgb[] | undefined {
  if (spec === undefined || spec === 'grayscale') return undefined;
  const choice = readPaletteSpec(spec, cwd, { bytes, name });
  const colors = bpp === 8 && choice.cgram ? choice.cgram : choice.palette?.colors;
  return colors ? Array.from(colors, (c) => bgr555ToRgb(c)) : undefined;
}
