/**
 * Checking catalog data read from JSON: every problem names the file and the path inside it, and
 * is a CatalogError. The text's size and the value's depth are bounded before anything walks it;
 * offsets are safe integers inside the largest ROM; names lose their control characters; values
 * in messages are formatted bounded (untrusted.ts).
 */
import { formatValue, shapeProblem, stripControl } from '../untrusted';
import { CatalogError, type CatalogEntry, type PaletteRef } from './types';
import { hex } from '../format';

/** Largest catalog or sprite_locations text read (the bundled catalogs are a few KiB). */
export const MAX_CATALOG_CHARS = 16 * 1024 * 1024;
export const CATALOG_SHAPE = { maxDepth: 16, maxNodes: 1_000_000 };
/** Offsets are inside the largest ROM SpritePal opens (64 MiB, headerless). */
export const MAX_CATALOG_OFFSET = 64 * 1024 * 1024 - 1;

/** A value for a message: bounded, never throwing. */
export const show = (v: unknown): string => formatValue(v, 60);

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function fail(source: string, where: string, what: string): never {
  throw new CatalogError(stripControl(`${source}: ${where ? where + ': ' : ''}${what}`));
}

/** The JSON object a catalog file holds, or a CatalogError naming the file (not JSON, not an object). */
export function parseJsonObject(text: string, source: string): Record<string, unknown> {
  if (text.length > MAX_CATALOG_CHARS) return fail(source, '', `is ${text.length} characters, over the ${MAX_CATALOG_CHARS}-character limit`);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    return fail(source, '', `not valid JSON (${(err as Error).message})`);
  }
  if (!isObject(data)) return fail(source, '', 'must hold a JSON object');
  const shape = shapeProblem(data, CATALOG_SHAPE);
  if (shape) return fail(source, '', `is ${shape}: refused`);
  return data;
}

/** A whole number or "0x..." hex string, from 0 to `max` (default: inside the largest ROM). */
export function offsetValue(v: unknown, source: string, where: string, max = MAX_CATALOG_OFFSET): number {
  let n = NaN;
  if (typeof v === 'number') n = v;
  else if (typeof v === 'string' && /^0x[0-9a-f]+$/i.test(v.trim())) n = parseInt(v.trim().slice(2), 16);
  else return fail(source, where, `${show(v)} is not an offset (a whole number or "0x..." hex)`);
  if (!Number.isSafeInteger(n) || n < 0 || n > max) return fail(source, where, `${show(v)} is not an offset from 0 to ${hex(max, 1)}`);
  return n;
}

/** A name from a file, without control characters; null when nothing is left. */
export function cleanName(v: unknown): string | null {
  if (typeof v !== 'string') return null;
  const s = stripControl(v).trim();
  return s === '' ? null : s;
}

function positiveInt(v: unknown, source: string, where: string): number {
  if (typeof v === 'number' && Number.isSafeInteger(v) && v > 0) return v;
  return fail(source, where, `${show(v)} is not a positive whole number`);
}

export function paletteRef(v: unknown, source: string, where: string): PaletteRef {
  if (!isObject(v)) return fail(source, where, 'must be an object with a "source" (rom, cgram or grayscale)');
  if (v.source === 'grayscale') return { source: 'grayscale' };
  if (v.source === 'rom') return { source: 'rom', romOffset: offsetValue(v.romOffset, source, `${where}.romOffset`) };
  if (v.source === 'cgram') {
    if (typeof v.file !== 'string' || v.file === '') return fail(source, `${where}.file`, 'must name the CGRAM dump file');
    const index = v.index;
    if (typeof index !== 'number' || !Number.isInteger(index) || index < 0 || index > 15)
      return fail(source, `${where}.index`, `${show(index)} is not a CGRAM palette index (0-15)`);
    return { source: 'cgram', file: v.file, index };
  }
  return fail(source, `${where}.source`, `${show(v.source)} is not a palette source (rom, cgram or grayscale)`);
}

/** A catalog entry from untrusted data: required fields checked, unknown fields dropped. */
export function catalogEntry(v: unknown, source: string, where: string): CatalogEntry {
  if (!isObject(v)) return fail(source, where, 'must be an object');
  const name = cleanName(v.name);
  if (name === null) return fail(source, `${where}.name`, 'must be a non-empty string');
  if (v.kind !== 'hal' && v.kind !== 'raw') return fail(source, `${where}.kind`, `${show(v.kind)} is not "hal" or "raw"`);
  if (v.bpp !== 2 && v.bpp !== 4 && v.bpp !== 8) return fail(source, `${where}.bpp`, `${show(v.bpp)} is not 2, 4 or 8`);
  const entry: CatalogEntry = { name, romOffset: offsetValue(v.romOffset, source, `${where}.romOffset`), kind: v.kind, bpp: v.bpp };
  if (v.tiles !== undefined) entry.tiles = positiveInt(v.tiles, source, `${where}.tiles`);
  if (v.widthTiles !== undefined) entry.widthTiles = positiveInt(v.widthTiles, source, `${where}.widthTiles`);
  if (v.palette !== undefined) entry.palette = paletteRef(v.palette, source, `${where}.palette`);
  if (v.notes !== undefined) {
    if (typeof v.notes !== 'string') return fail(source, `${where}.notes`, 'must be a string');
    entry.notes = stripControl(v.notes, true);
  }
  return entry;
}
