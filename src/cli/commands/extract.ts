import { basename, resolve } from 'node:path';
import { hex } from '../../core/format';
import { decode } from '../../core/hal';
import { tilesToImage, type TileOrder } from '../../core/gfx/arrange';
import { bgr555ToRgba } from '../../core/gfx/color';
import { paletteRGBA } from '../../core/gfx/palette';
import { formatPalJson } from '../../core/gfx/palette-files';
import { encodeGrayscalePng, encodeIndexedPng, formatMetadataJson } from '../../core/gfx/png-export';
import { colorsOf, decodeTiles, type TileFormat } from '../../core/gfx/tiles';
import { resolveOffsetArg } from '../address-arg';
import { intOpt, printJson, requirePositional, stringOpt, UsageError, type CliIO, type Command, type ParsedArgs } from '../command';
import { readInputFile } from '../files';
import { readPaletteSpec, requireOutput, stemOf, writeFileAtomic } from './gfx-args';
import { tryRom } from '../address-arg';
import { extractAll } from '../extract-all';
import { jobsOption } from '../scan-runner';

export const extractCommand: Command = {
  name: 'extract',
  help: `spritepal extract <file> --offset <addr> [--raw] [--bpp 2|4|8] [--length n] [--palette <spec>]
                  [--width <tiles>] [--order linear|sprite16] [--grayscale] -o <out.png> [--json]
spritepal extract <rom> --all --out-dir <dir> [--catalog <catalog.json>] [--no-scan] [--jobs n] [--json]

HAL-decompresses the data at the offset (or with --raw takes --length bytes as they are), decodes
the tiles and writes them as an indexed PNG (palette in the file, index 0 transparent).

  --offset <addr>    where the data starts: $BB:AAAA, BB:AAAA, 0x... (file offset) or decimal
  --raw              no decompression: take --length bytes (default: the rest of the file, up to 64 KiB)
  --bpp 2|4|8        planar tile depth (default 4)
  --mode7            linear 8bpp tiles (Mode 7 characters) instead of planar
  --palette <spec>   cgram:<file>[:index] (default palette 8), a .pal.json file, rom:<addr>
                     (32 bytes in this file) or grayscale (default)
  --width <tiles>    tiles a row (default 16)
  --order <o>        linear (default) or sprite16: 16x16 sprites from tiles n, n+1, n+16, n+17
  --grayscale        SpritePal's form: gray = index x 17, with <out>.metadata.json and the
                     palettes as <out>_pal<N>.pal.json beside it (all of 8-15 for cgram:<file>)
  -o <out.png>       output PNG
  --json             one JSON object: { offset, consumed, size, tiles, width, height }

With --all, one process writes every sprite of the ROM into --out-dir, as the editor's Export
PNG... does: <name>.png (indexed, in the sprite's own palette where the catalog names one, else
grayscale), <name>.pal.json and <name>.metadata.json. The sprites are the catalog's entries for
this ROM (the bundled catalog, and --catalog's) and every HAL block a scan finds (named
sprite_<OFFSET>). One line per sprite; one that fails is reported on stderr and the others are
still written; the exit code is 1 at the end if any failed.

  --out-dir <dir>    where the files go (created if missing)
  --catalog <file>   a workspace catalog (.spritepal/catalog.json); its entries win over bundled ones
  --no-scan          only the catalog's entries
  --jobs <n>         the scan's worker threads (auto, the default, or n; see spritepal scan --help)
  --json             an array of { offset, snes, name, source, kind, bpp, tiles, width, height,
                     palette, files } or { offset, name, source, error }`,
  options: {
    offset: { type: 'string' },
    raw: { type: 'boolean' },
    bpp: { type: 'string' },
    mode7: { type: 'boolean' },
    length: { type: 'string' },
    palette: { type: 'string' },
    width: { type: 'string' },
    order: { type: 'string' },
    grayscale: { type: 'boolean' },
    output: { type: 'string', short: 'o' },
    json: { type: 'boolean' },
    all: { type: 'boolean' },
    'out-dir': { type: 'string' },
    catalog: { type: 'string' },
    'no-scan': { type: 'boolean' },
    jobs: { type: 'string' },
    'min-tiles': { type: 'string' },
  },
  async run(args, io) {
    const file = readInputFile(io.cwd, requirePositional(args, 0, '<file>'));
    const name = basename(file.path);
    if (args.values.all) return extractAllCommand(args, io, file, name);
    const batchOnly = ['out-dir', 'catalog', 'no-scan', 'jobs', 'min-tiles'].filter((k) => args.values[k] !== undefined);
    if (batchOnly.length) throw new UsageError(`--${batchOnly.join(', --')} go${batchOnly.length === 1 ? 'es' : ''} with --all`);
    const out = requireOutput(stringOpt(args, 'output'), io.cwd, 'out.png');
    if (stringOpt(args, 'offset') === undefined) throw new UsageError('missing --offset <addr>');
    const at = resolveOffsetArg(file.bytes, name, stringOpt(args, 'offset'));
    const bpp = intOpt(args, 'bpp', 2, 8);
    if (bpp !== undefined && bpp !== 2 && bpp !== 4 && bpp !== 8) throw new UsageError(`--bpp must be 2, 4 or 8, got ${bpp}`);
    const format: TileFormat = args.values.mode7 ? 'mode7' : (bpp ?? 4);
    const order = (stringOpt(args, 'order') ?? 'linear') as TileOrder;
    if (order !== 'linear' && order !== 'sprite16') throw new UsageError(`--order must be linear or sprite16, got "${order}"`);
    const widthTiles = intOpt(args, 'width', 1, 1024) ?? 16;

    let data: Uint8Array;
    let consumed: number;
    if (args.values.raw) {
      const length = intOpt(args, 'length', 1, 0x10000) ?? Math.min(0x10000, file.bytes.length - at.fileOffset);
      if (at.fileOffset + length > file.bytes.length)
        throw new UsageError(`--length ${length} at ${hex(at.fileOffset)} runs past the end of the ${file.bytes.length}-byte file`);
      data = file.bytes.subarray(at.fileOffset, at.fileOffset + length);
      consumed = length;
    } else {
      if (args.values.length !== undefined) throw new UsageError('--length goes with --raw (a HAL stream says how long it is)');
      ({ data, consumed } = decode(file.bytes, at.fileOffset));
    }
    const tilePixels = decodeTiles(data, format);
    const tiles = tilePixels.length / 64;
    if (tiles === 0) throw new UsageError(`${data.length} bytes at ${hex(at.fileOffset)} hold no whole ${format === 'mode7' ? 'Mode 7' : `${format}bpp`} tile`);
    const image = tilesToImage(tilePixels, { widthTiles, order });

    const choice = readPaletteSpec(stringOpt(args, 'palette'), io.cwd, { bytes: file.bytes, name });
    const colors = colorsOf(format);
    const written = [out];
    if (args.values.grayscale) {
      writeFileAtomic(out, encodeGrayscalePng(image, colors));
      const stem = stemOf(out);
      const palettes: Record<string, string> = {};
      for (const [n, p] of choice.sidecars) {
        const path = `${stem}_pal${n}.pal.json`;
        writeFileAtomic(path, formatPalJson(p));
        palettes[String(n)] = basename(path);
        written.push(path);
      }
      const info = at.rom?.info();
      const meta = formatMetadataJson(palettes, {
        source_type: at.rom && at.rom.headerOffset !== null ? 'rom' : 'file',
        rom_source: file.path,
        rom_offset: hex(at.fileOffset),
        sprite_name: basename(stem),
        compressed_size: args.values.raw ? null : consumed,
        tile_count: tiles,
        extraction_size: data.length,
        rom_title: info?.title ?? null,
        rom_checksum: info?.checksum ? hex(info.checksum.stored, 4) : null,
        extraction_date: new Date().toISOString(),
      });
      writeFileAtomic(`${stem}.metadata.json`, meta);
      written.push(`${stem}.metadata.json`);
    } else {
      let rgba: Uint8Array;
      if (colors > 16) {
        if (choice.cgram) rgba = bgr555ToRgba(choice.cgram);
        else if (choice.palette)
          throw new UsageError(`${format === 'mode7' ? 'Mode 7' : '8bpp'} tiles need 256 colours: use --palette cgram:<file> or grayscale`);
        else rgba = paletteRGBA(null, 256);
      } else rgba = paletteRGBA(choice.palette, colors).subarray(0, 4 * colors); // a 2bpp sheet's PLTE holds its 4 colours
      writeFileAtomic(out, encodeIndexedPng(image, rgba));
    }
    const result = { offset: at.fileOffset, consumed, size: data.length, tiles, width: image.width, height: image.height };
    if (args.values.json) {
      printJson(io, result);
      return;
    }
    io.stdout(
      `${args.values.raw ? 'raw' : 'HAL'} ${hex(at.fileOffset)}${at.snes ? ` (${at.snes})` : ''}: ${consumed} bytes read, ${data.length} bytes of data, ${tiles} tiles -> ${image.width}x${image.height}, ${choice.describe}\n`,
    );
    for (const w of written) io.stdout(`  wrote ${w}\n`);
  },
};

/** `--all`: every sprite of the ROM into --out-dir (src/cli/extract-all.ts). */
function extractAllCommand(args: ParsedArgs, io: CliIO, file: { path: string; bytes: Uint8Array }, name: string): Promise<number> {
  const outDir = stringOpt(args, 'out-dir');
  if (outDir === undefined) throw new UsageError('--all needs --out-dir <dir>');
  const single = ['offset', 'output', 'raw', 'bpp', 'mode7', 'length', 'palette', 'width', 'order', 'grayscale'].filter((k) => args.values[k] !== undefined);
  if (single.length) throw new UsageError(`--all takes each sprite's own offset, depth, width and palette: drop --${single.join(', --')}`);
  const rom = tryRom(file.bytes, name);
  if (!rom) throw new UsageError(`--all needs a ROM; ${name} is not one`);
  return extractAll(rom, io, {
    romPath: file.path,
    outDir: resolve(io.cwd, outDir),
    catalogPath: stringOpt(args, 'catalog'),
    scan: !args.values['no-scan'],
    jobs: jobsOption(args),
    minTiles: intOpt(args, 'min-tiles', 1, 4096) ?? 16,
    json: Boolean(args.values.json),
  });
}
