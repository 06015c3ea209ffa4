/**
 * Palette files: SpritePal's `.pal.json` (read both shapes, write the main one, with its `c << 3`
 * channels so files match SpritePal's own exports), GIMP `.gpl` and JASC-PAL (full-range channels).
 */
import { bgr555ToRgb, bgr555ToRgbSpritePal, rgbToBgr555, type Rgb } from './color';
import { formatValue, shapeProblem, stripControl } from '../untrusted';
import { PaletteError } from './errors';

/** Largest .pal.json text read: a 256-colour palette is a few KiB. */
export const MAX_PAL_JSON_CHARS = 1024 * 1024;
import type { Palette } from './palette';

/**
 * Reads `{format_version, palette: {name, colors}}` or the older top-level `{name, colors}`. The
 * text's size and the value's depth are bounded before anything walks it; the name loses its
 * control characters (it is printed and shown).
 */
export function parsePalJson(text: string, fallbackName = 'Palette'): Palette {
  if (text.length > MAX_PAL_JSON_CHARS) throw new PaletteError(`palette file is ${text.length} characters, over the ${MAX_PAL_JSON_CHARS}-character limit`);
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new PaletteError(`palette file is not JSON: ${(e as Error).message}`);
  }
  const shape = shapeProblem(doc, { maxDepth: 8, maxNodes: 10_000 });
  if (shape) throw new PaletteError(`palette file is ${shape}: refused`);
  const root = doc as { palette?: unknown; colors?: unknown; name?: unknown; source?: unknown };
  const body = (root && typeof root === 'object' && root.palette && typeof root.palette === 'object' ? root.palette : root) as {
    colors?: unknown;
    name?: unknown;
  };
  if (!body || typeof body !== 'object' || !Array.isArray(body.colors))
    throw new PaletteError('palette file has no "colors" array (expected {palette: {colors}} or {colors})');
  const list = body.colors as unknown[];
  if (list.length === 0 || list.length > 256) throw new PaletteError(`palette file has ${list.length} colours (1-256 expected)`);
  const colors = new Uint16Array(list.length);
  list.forEach((c, i) => {
    if (!Array.isArray(c) || c.length < 3 || c.slice(0, 3).some((v) => !Number.isInteger(v) || v < 0 || v > 255)) {
      throw new PaletteError(`colour ${i} of the palette file is ${formatValue(c, 40)}, not [r, g, b] with values 0-255`);
    }
    colors[i] = rgbToBgr555(c[0], c[1], c[2]);
  });
  const name = stripControl(typeof body.name === 'string' ? body.name : fallbackName).trim() || 'Palette';
  return { name, colors };
}

/** SpritePal's main `.pal.json` shape, channels as `c << 3` like its exporter. */
export function formatPalJson(palette: Palette, source: Record<string, unknown> = palette.source ?? {}): string {
  const colors = Array.from(palette.colors, (c) => bgr555ToRgbSpritePal(c));
  const doc = {
    format_version: '1.0',
    format_description: 'Indexed Pixel Editor Palette File',
    source: { ...source, extraction_tool: 'spritepal-vscode' },
    palette: { name: palette.name, colors, color_count: colors.length, format: 'RGB888' },
    usage_hints: { transparent_index: 0, typical_use: 'sprite' },
    editor_compatibility: { indexed_pixel_editor: true, supports_grayscale_mode: true, auto_loadable: true },
  };
  return JSON.stringify(doc, null, 2) + '\n';
}

function rgbs(palette: Palette): Rgb[] {
  return Array.from(palette.colors, (c) => bgr555ToRgb(c));
}

/** GIMP palette. */
export function formatGpl(palette: Palette): string {
  const lines = ['GIMP Palette', `Name: ${palette.name.replace(/[\r\n]/g, ' ')}`, 'Columns: 16', '#'];
  rgbs(palette).forEach(([r, g, b], i) => lines.push(`${String(r).padStart(3)} ${String(g).padStart(3)} ${String(b).padStart(3)}\tIndex ${i}`));
  return lines.join('\n') + '\n';
}

/** JASC-PAL (Paint Shop Pro), CRLF line ends as that format's writers use. */
export function formatJascPal(palette: Palette): string {
  const lines = ['JASC-PAL', '0100', String(palette.colors.length), ...rgbs(palette).map(([r, g, b]) => `${r} ${g} ${b}`)];
  return lines.join('\r\n') + '\r\n';
}
