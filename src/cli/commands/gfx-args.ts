/**
 * What the graphics commands share: the `--palette` spec, output names beside a sheet, and writing
 * files atomically (temp file + rename).
 */
import { basename, resolve } from 'node:path';
import { cgramPalette, OBJ_PALETTE_BASE, readCgram, romPalettes, type Palette } from '../../core/gfx/palette';
import { parsePalJson } from '../../core/gfx/palette-files';
import { hex } from '../../core/format';
import { resolveOffsetArg } from '../address-arg';
import { UsageError } from '../command';
import { readInputFile, writeOutputFile } from '../files';

export interface PaletteChoice {
  /** The palette to draw with; null for grayscale. */
  palette: Palette | null;
  /** Every palette to write beside a grayscale sheet, keyed by CGRAM number. */
  sidecars: Map<number, Palette>;
  /** All 256 CGRAM colours, when the spec was a CGRAM dump (8bpp uses them). */
  cgram: Uint16Array | null;
  describe: string;
}

/**
 * `cgram:<file>[:index]` (default palette 8; beside a grayscale sheet all of 8-15), a `.pal.json`
 * file, `rom:<addr>` (read from `input`, the file being extracted) or `grayscale`.
 */
export function readPaletteSpec(spec: string | undefined, cwd: string, input: { bytes: Uint8Array; name: string }): PaletteChoice {
  if (spec === undefined || spec === 'grayscale') return { palette: null, sidecars: new Map(), cgram: null, describe: 'grayscale' };
  if (spec.startsWith('cgram:')) {
    const m = /^(.*?)(?::(\d+))?$/.exec(spec.slice('cgram:'.length))!;
    const file = readInputFile(cwd, m[1]!, 'CGRAM dump');
    const index = m[2] === undefined ? undefined : Number(m[2]);
    if (index !== undefined && index > 15) throw new UsageError(`--palette ${spec}: CGRAM palette index must be 0-15`);
    const source = { cgram_file: file.path };
    const one = (i: number) => ({ ...cgramPalette(file.bytes, i), source: { ...source, palette_index: i } });
    const sidecars = new Map<number, Palette>();
    if (index !== undefined) sidecars.set(index, one(index));
    else for (let i = OBJ_PALETTE_BASE; i < 16; i++) sidecars.set(i, one(i));
    const chosen = index ?? OBJ_PALETTE_BASE;
    return { palette: one(chosen), sidecars, cgram: readCgram(file.bytes), describe: `CGRAM palette ${chosen} of ${basename(file.path)}` };
  }
  if (spec.startsWith('rom:')) {
    const at = resolveOffsetArg(input.bytes, input.name, spec.slice(4));
    const [p] = romPalettes(input.bytes, at.fileOffset, 1);
    return { palette: p!, sidecars: new Map([[OBJ_PALETTE_BASE, p!]]), cgram: null, describe: `ROM palette at ${hex(at.fileOffset, 1)}` };
  }
  if (/\.json$/i.test(spec)) {
    const file = readInputFile(cwd, spec, 'palette file');
    const p = { ...parsePalJson(Buffer.from(file.bytes).toString('utf8'), basename(file.path)), source: { palette_file: file.path } };
    return { palette: p, sidecars: new Map([[OBJ_PALETTE_BASE, p]]), cgram: null, describe: `${p.name} (${basename(file.path)})` };
  }
  throw new UsageError(`--palette "${spec}" is not cgram:<file>[:index], a .pal.json file, rom:<addr> or grayscale`);
}

/** `out.png` -> `out` (names beside it are built from this). */
export function stemOf(outPath: string): string {
  return outPath.replace(/\.png$/i, '');
}

export function requireOutput(value: string | undefined, cwd: string, what: string): string {
  if (!value) throw new UsageError(`missing -o <${what}>`);
  return resolve(cwd, value);
}

/** Writes through a temp file renamed over the target, never over an input (files.ts). */
export const writeFileAtomic = writeOutputFile;
