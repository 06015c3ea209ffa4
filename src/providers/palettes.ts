/**
 * The palettes a ROM editor offers: grayscale, palettes read from the ROM (the catalog's, or an
 * address the user types), a CGRAM dump's sprite palettes, and `.pal.json` files.
 */
import * as vscode from 'vscode';
import { parsePalJson } from '../core/gfx/palette-files';
import { cgramPalette, paletteRGBA, romPalettes, type Palette } from '../core/gfx/palette';
import { hex } from '../core/errors';
import type { Rom } from '../core/rom';
import { GRAYSCALE_ID, RAMP_ID, type PaletteOption, type PaletteSource } from '../webviews/protocol';
import { readableRamp } from '../core/gfx/ramp';
import { formatSnes } from '../core/rom/mapping';
import { formatPaletteId, romPaletteId } from '../core/gallery';

export interface PaletteChoice {
  option: PaletteOption;
  /** Null: exact grayscale (index x 17). */
  palette: Palette | null;
}

export function toOption(id: string, label: string, palette: Palette | null): PaletteOption {
  const rgba = paletteRGBA(palette, 16);
  const colors: number[] = [];
  for (let i = 0; i < 16; i++) colors.push((rgba[i * 4]! << 16) | (rgba[i * 4 + 1]! << 8) | rgba[i * 4 + 2]!);
  return { id, label, colors };
}

export const GRAYSCALE: PaletteChoice = { option: toOption(GRAYSCALE_ID, 'Grayscale', null), palette: null };

/** What Auto shows a block without a catalog palette: shapes stay readable (src/core/gfx/ramp.ts). */
export const RAMP: PaletteChoice = { option: toOption(RAMP_ID, 'Readable ramp (no catalog palette)', readableRamp()), palette: readableRamp() };

export function romPaletteChoice(rom: Rom, romOffset: number, label?: string): PaletteChoice {
  const [palette] = romPalettes(rom.data, romOffset, 1);
  const where = romPaletteWhere(rom, romOffset);
  return { option: toOption(romPaletteId(romOffset), label ?? `ROM palette at ${where}`, palette!), palette: palette! };
}

/** Where a ROM palette is, as everything else in the editor says it: `$BB:AAAA` (the file offset without a mapping). */
export function romPaletteWhere(rom: Rom, romOffset: number): string {
  const snes = rom.snesOf(romOffset);
  return snes === null ? hex(romOffset + rom.copierHeaderSize) : formatSnes(snes);
}

/** Loads a palette for a request from the webview; asks for files through VS Code's dialogs. */
export async function loadPalette(rom: Rom, req: PaletteSource): Promise<PaletteChoice | null> {
  switch (req.source) {
    case 'grayscale':
      return GRAYSCALE;
    case 'rom': {
      const addr = rom.resolveAddress(req.address);
      return romPaletteChoice(rom, addr.romOffset);
    }
    case 'cgram': {
      const picked = await vscode.window.showOpenDialog({ canSelectMany: false, title: 'Choose a CGRAM dump (512 bytes)', filters: { 'CGRAM dumps': ['dmp', 'bin', 'cgram'], 'All files': ['*'] } });
      if (!picked?.[0]) return null;
      const bytes = await vscode.workspace.fs.readFile(picked[0]);
      const name = picked[0].path.split('/').pop()!;
      const palette = cgramPalette(bytes, req.index, `${name} palette ${req.index}`);
      return { option: toOption(formatPaletteId({ kind: 'cgram', file: picked[0].toString(), index: req.index }), `${name} · palette ${req.index}`, palette), palette };
    }
    case 'palJson': {
      const picked = await vscode.window.showOpenDialog({ canSelectMany: false, title: 'Choose a palette file', filters: { 'SpritePal palettes': ['json'], 'All files': ['*'] } });
      if (!picked?.[0]) return null;
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(picked[0]));
      const name = picked[0].path.split('/').pop()!;
      const palette = parsePalJson(text, name);
      return { option: toOption(formatPaletteId({ kind: 'pal', file: picked[0].toString() }), `${palette.name} (${name})`, palette), palette };
    }
  }
}
