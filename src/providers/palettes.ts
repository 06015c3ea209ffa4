/**
 * Loading the palettes a ROM editor offers from where the user points: a ROM address, a CGRAM
 * dump's sprite palettes, `.pal.json` files (VS Code's dialogs). The palettes themselves and their
 * set are core (src/core/gallery/palettes.ts).
 */
import * as vscode from 'vscode';
import { parsePalJson } from '../core/gfx/palette-files';
import { cgramPalette } from '../core/gfx/palette';
import type { Rom } from '../core/rom';
import type { PaletteSource } from '../webviews/protocol';
import { formatPaletteId, GRAYSCALE, romPaletteChoice, toOption, type PaletteChoice } from '../core/gallery';

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
      const picked = await vscode.window.showOpenDialog({
        canSelectMany: false,
        title: 'Choose a CGRAM dump (512 bytes)',
        filters: { 'CGRAM dumps': ['dmp', 'bin', 'cgram'], 'All files': ['*'] },
      });
      if (!picked?.[0]) return null;
      const bytes = await vscode.workspace.fs.readFile(picked[0]);
      const name = picked[0].path.split('/').pop()!;
      const palette = cgramPalette(bytes, req.index, `${name} palette ${req.index}`);
      return {
        option: toOption(formatPaletteId({ kind: 'cgram', file: picked[0].toString(), index: req.index }), `${name} · palette ${req.index}`, palette),
        palette,
      };
    }
    case 'palJson': {
      const picked = await vscode.window.showOpenDialog({
        canSelectMany: false,
        title: 'Choose a palette file',
        filters: { 'SpritePal palettes': ['json'], 'All files': ['*'] },
      });
      if (!picked?.[0]) return null;
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(picked[0]));
      const name = picked[0].path.split('/').pop()!;
      const palette = parsePalJson(text, name);
      return { option: toOption(formatPaletteId({ kind: 'pal', file: picked[0].toString() }), `${palette.name} (${name})`, palette), palette };
    }
  }
}
