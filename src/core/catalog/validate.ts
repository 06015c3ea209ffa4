/** Checking catalog data read from JSON: every problem names the file and the path inside it. */
import { CatalogError, type CatalogEntry, type PaletteRef } from './types';

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function fail(source: string, where: string, what: string): never {
  throw new CatalogError(`${source}: ${where ? where + ': ' : ''}${what}`);
}

/** The JSON object a catalog file holds, or a CatalogError naming the file (not JSON, not an object). */
export function parseJsonObject(text: string, source: string): Record<string, unknown> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    return fail(source, '', `not valid JSON (${(err as Error).message})`);
  }
  if (!isObject(data)) return fail(source, '', 'must hold a JSON object');
  return data;
}

/** A non-negative whole number, or a "0x..." hex string. */
export function offsetValue(v: unknown, source: string, where: string): number {
  if (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0) return v;
  if (typeof v === 'string' && /^0x[0-9a-f]+$/i.test(v.trim())) return parseInt(v.trim().slice(2), 16);
  return fail(source, where, `${JSON.stringify(v)} is not an offset (a whole number or "0x..." hex)`);
}

function positiveInt(v: unknown, source: string, where: string): number {
  if (typeof v === 'number' && Number.isSafeInteger(v) && v > 0) return v;
  return fail(source, where, `${JSON.stringify(v)} is not a positive whole number`);
}

export function paletteRef(v: unknown, source: string, where: string): PaletteRef {
  if (!isObject(v)) return fail(source, where, 'must be an object with a "source" (rom, cgram or grayscale)');
  if (v.source === 'grayscale') return { source: 'grayscale' };
  if (v.source === 'rom') return { source: 'rom', romOffset: offsetValue(v.romOffset, source, `${where}.romOffset`) };
  if (v.source === 'cgram') {
    if (typeof v.file !== 'string' || v.file === '') return fail(source, `${where}.file`, 'must name the CGRAM dump file');
    const index = v.index;
    if (typeof index !== 'number' || !Number.isInteger(index) || index < 0 || index > 15) return fail(source, `${where}.index`, `${JSON.stringify(index)} is not a CGRAM palette index (0-15)`);
    return { source: 'cgram', file: v.file, index };
  }
  return fail(source, `${where}.source`, `${JSON.stringify(v.source)} is not a palette source (rom, cgram or grayscale)`);
}

/** A catalog entry from untrusted data: required fields checked, unknown fields dropped. */
export function catalogEntry(v: unknown, source: string, where: string): CatalogEntry {
  if (!isObject(v)) return fail(source, where, 'must be an object');
  if (typeof v.name !== 'string' || v.name.trim() === '') return fail(source, `${where}.name`, 'must be a non-empty string');
  if (v.kind !== 'hal' && v.kind !== 'raw') return fail(source, `${where}.kind`, `${JSON.stringify(v.kind)} is not "hal" or "raw"`);
  if (v.bpp !== 2 && v.bpp !== 4 && v.bpp !== 8) return fail(source, `${where}.bpp`, `${JSON.stringify(v.bpp)} is not 2, 4 or 8`);
  const entry: CatalogEntry = { name: v.name, romOffset: offsetValue(v.romOffset, source, `${where}.romOffset`), kind: v.kind, bpp: v.bpp };
  if (v.tiles !== undefined) entry.tiles = positiveInt(v.tiles, source, `${where}.tiles`);
  if (v.widthTiles !== undefined) entry.widthTiles = positiveInt(v.widthTiles, source, `${where}.widthTiles`);
  if (v.palette !== undefined) entry.palette = paletteRef(v.palette, source, `${where}.palette`);
  if (v.notes !== undefined) {
    if (typeof v.notes !== 'string') return fail(source, `${where}.notes`, 'must be a string');
    entry.notes = v.notes;
  }
  return entry;
}
