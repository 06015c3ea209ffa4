/**
 * `spritepal extract <rom> --all --out-dir <dir>`: every sprite the catalogs know for this ROM
 * (bundled, and a workspace catalog with --catalog) and every HAL block a scan finds, each as
 * SpritePal's export writes it (core/gfx/sprite-export.ts, the same files as the editor's
 * Export PNG...): `<name>.png` in the sprite's own palette where the catalog gives one (grayscale
 * otherwise), `<name>.pal.json` and `<name>.metadata.json`. One process, one line per sprite;
 * a sprite that fails is reported and the others are still written.
 */
import { reportedHits } from '../core/scan/types';
import { mkdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { entriesForRom, parseCatalog, romIdentity, type MergedEntry, type PaletteRef } from '../core/catalog';
import { formatSnes, hex } from '../core/format';
import { cgramPalette, romPalettes, type Palette } from '../core/gfx/palette';
import { buildSpriteExport, spriteExportNames, spriteExportStem } from '../core/gfx/sprite-export';
import { bytesPerTile } from '../core/gfx/tiles';
import { decode } from '../core/hal';
import type { Rom } from '../core/rom';
import { runBatch, type BatchItem } from './batch';
import { UsageError, type CliIO } from './command';
import { readInputFile } from './files';
import { runScan, type JobsChoice } from './scan-runner';
import { writeFileAtomic } from './commands/gfx-args';

export interface ExtractAllOptions {
  romPath: string;
  outDir: string;
  /** A workspace catalog file (.spritepal/catalog.json) whose entries for this ROM come first. */
  catalogPath?: string;
  /** Also the blocks a scan finds (default true). */
  scan: boolean;
  jobs: JobsChoice;
  minTiles: number;
  json: boolean;
}

/** One sprite to write: a catalog entry, or a block the scanner found. */
interface Target {
  romOffset: number;
  name: string | null;
  source: MergedEntry['source'] | 'scan';
  kind: 'hal' | 'raw';
  bpp: 2 | 4 | 8;
  tiles?: number;
  widthTiles: number;
  palette?: PaletteRef;
}

interface Written {
  target: Target;
  fileOffset: number;
  snes: string | null;
  tiles: number;
  width: number;
  height: number;
  palette: string;
  files: string[];
}

export async function extractAll(rom: Rom, io: CliIO, opts: ExtractAllOptions): Promise<number> {
  const workspace = opts.catalogPath
    ? parseCatalog(new TextDecoder().decode(readInputFile(io.cwd, opts.catalogPath, 'catalog').bytes), opts.catalogPath)
    : undefined;
  const targets: Target[] = entriesForRom(romIdentity(rom), { workspace }).map((e) => ({
    romOffset: e.romOffset,
    name: e.name,
    source: e.source,
    kind: e.kind,
    bpp: e.bpp,
    tiles: e.tiles,
    widthTiles: e.widthTiles ?? 16,
    palette: e.palette,
  }));
  if (opts.scan) {
    const known = new Set(targets.map((t) => t.romOffset));
    const { state } = await runScan(rom.data, { jobs: opts.jobs, minTiles: opts.minTiles, includeRaw: false, mapping: rom.mapping });
    // The blocks `scan` reports by default (strong or named by a pointer table), not its weak hits.
    for (const h of reportedHits(state.hits))
      if (h.kind === 'hal' && !known.has(h.romOffset))
        targets.push({ romOffset: h.romOffset, name: null, source: 'scan', kind: 'hal', bpp: h.bpp, widthTiles: 16 });
  }
  if (targets.length === 0)
    throw new UsageError(`no catalog entries and ${opts.scan ? 'no blocks found' : 'no scan (--no-scan)'} for ${basename(opts.romPath)}: nothing to extract`);
  targets.sort((a, b) => a.romOffset - b.romOffset);
  mkdirSync(opts.outDir, { recursive: true });

  const info = rom.info();
  const used = new Set<string>();
  const catalogDir = opts.catalogPath ? dirname(opts.catalogPath) : dirname(opts.romPath);
  const items: BatchItem<Written>[] = targets.map((t) => {
    const fileOffset = rom.fileOffsetOf(t.romOffset);
    return {
      label: `${hex(fileOffset)}${t.name ? ` ${t.name}` : ''}`,
      failure: { offset: fileOffset, name: t.name, source: t.source },
      run(): Written {
        let data: Uint8Array;
        let consumed: number | null = null;
        if (t.kind === 'raw') {
          if (t.tiles === undefined) throw new UsageError('a raw catalog entry needs its tile count');
          const end = t.romOffset + t.tiles * bytesPerTile(t.bpp);
          if (end > rom.data.length) throw new UsageError(`${t.tiles} raw tiles run past the end of the ROM`);
          data = rom.data.subarray(t.romOffset, end);
        } else {
          ({ data, consumed } = decode(rom.data, t.romOffset));
        }
        const { palette, label } = paletteFor(rom, t.palette, catalogDir);
        // One stem per sprite: a second sprite of the same name gets its offset added.
        let stem = spriteExportStem(t.name, fileOffset);
        if (used.has(stem)) stem = `${stem}_${hex(fileOffset).slice(2)}`;
        used.add(stem);
        const path = join(opts.outDir, stem);
        const files = buildSpriteExport(
          {
            romSource: opts.romPath,
            romTitle: info.title,
            romChecksum: info.checksum?.stored ?? null,
            fileOffset,
            data,
            consumed,
            bpp: t.bpp,
            widthTiles: t.widthTiles,
            palette,
            name: t.name,
          },
          path,
        );
        const names = spriteExportNames(path);
        writeFileAtomic(names.png, files.png);
        writeFileAtomic(names.palJson, files.palJson);
        writeFileAtomic(names.metadataJson, files.metadataJson);
        return {
          target: t,
          fileOffset,
          snes: formatSnes(rom.snesOf(t.romOffset)),
          tiles: files.tiles,
          width: files.width,
          height: files.height,
          palette: label,
          files: [names.png, names.palJson, names.metadataJson],
        };
      },
    };
  });
  return runBatch(io, 'extract', items, {
    json: opts.json,
    noun: 'sprite',
    line: (w) =>
      `${hex(w.fileOffset)}${w.snes ? ` (${w.snes})` : ''} ${w.target.name ?? '(found by the scan)'}: ${w.tiles} tiles at ${w.target.bpp}bpp, ${w.width}x${w.height}, ${w.palette} -> ${w.files[0]}`,
    toJson: (w) => ({
      offset: w.fileOffset,
      snes: w.snes,
      name: w.target.name,
      source: w.target.source,
      kind: w.target.kind,
      bpp: w.target.bpp,
      tiles: w.tiles,
      width: w.width,
      height: w.height,
      palette: w.palette,
      files: w.files,
    }),
  });
}

/** The catalog's palette for a sprite; grayscale when it names none. A cgram file is relative to the catalog. */
function paletteFor(rom: Rom, ref: PaletteRef | undefined, baseDir: string): { palette: Palette | null; label: string } {
  if (!ref || ref.source === 'grayscale') return { palette: null, label: 'grayscale' };
  if (ref.source === 'rom') {
    const [p] = romPalettes(rom.data, ref.romOffset, 1);
    return { palette: p!, label: `ROM palette at ${hex(rom.fileOffsetOf(ref.romOffset))}` };
  }
  const path = resolve(baseDir, ref.file);
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(path));
  } catch {
    throw new UsageError(`its palette's CGRAM dump "${ref.file}" cannot be read (looked at ${path})`);
  }
  return {
    palette: { ...cgramPalette(bytes, ref.index), source: { cgram_file: path, palette_index: ref.index } },
    label: `CGRAM palette ${ref.index} of ${basename(path)}`,
  };
}
