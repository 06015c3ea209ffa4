/**
 * SpritePal's `sprite_locations.json` (known sprites per game):
 * `{format_version, games: {"<HEADER TITLE>": {checksums: {"<version>": "0xHHHH"}, sprites: {"<name>":
 * {offset: "0xHEX", expected_size, compressed, palette_indices, offset_variants: {"<version>": ["0xHEX"]}}},
 * palettes: {offset, sprite_palettes}}}}`. Keys starting with `_` are comments at every level.
 * Offsets are headerless. A ROM matches a game by header checksum first, then by title.
 * SpritePal's offsets were partly guessed: entries from here are marked as such and lose to the
 * project's own catalog.
 */
import { hex } from '../format';
import { cleanName, fail, isObject, offsetValue, parseJsonObject, show } from './validate';
import type { CatalogEntry } from './types';

export interface SpriteLocation {
  name: string;
  /** Headerless ROM offset. */
  offset: number;
  expectedSize: number | null;
  compressed: boolean;
  paletteIndices: number[];
  /** Version name to alternative offsets in that version. */
  offsetVariants: Record<string, number[]>;
}

export interface SpriteLocationsGame {
  title: string;
  /** Version name to the header checksum of that version. */
  checksums: Record<string, number>;
  sprites: SpriteLocation[];
  paletteOffset: number | null;
  spritePalettes: Record<string, string>;
}

export interface SpriteLocationsFile {
  formatVersion: string | null;
  games: SpriteLocationsGame[];
}

export interface SpriteLocationsMatch {
  game: SpriteLocationsGame;
  matchedBy: 'checksum' | 'title';
  /** The version whose checksum matched (null for a title match). */
  version: string | null;
}

function entries(obj: Record<string, unknown>): Array<[string, unknown]> {
  return Object.entries(obj).filter(([k]) => !k.startsWith('_'));
}

function hexValue(v: unknown, source: string, where: string): number {
  if (typeof v === 'string' && !/^0x[0-9a-f]+$/i.test(v.trim())) fail(source, where, `${show(v)} is not a hex offset (0x...)`);
  return offsetValue(v, source, where);
}

function parseSprite(name: string, v: unknown, source: string, where: string): SpriteLocation {
  if (!isObject(v)) return fail(source, where, 'must be an object with an "offset"');
  if (v.offset === undefined) fail(source, where, 'has no "offset"');
  const offset = hexValue(v.offset, source, `${where}.offset`);
  let expectedSize: number | null = null;
  if (v.expected_size !== undefined && v.expected_size !== null) {
    if (typeof v.expected_size !== 'number' || !Number.isInteger(v.expected_size) || v.expected_size <= 0)
      fail(source, `${where}.expected_size`, `${show(v.expected_size)} is not a positive size in bytes`);
    expectedSize = v.expected_size as number;
  }
  if (v.compressed !== undefined && typeof v.compressed !== 'boolean') fail(source, `${where}.compressed`, 'must be true or false');
  const paletteIndices: number[] = [];
  if (v.palette_indices !== undefined) {
    if (!Array.isArray(v.palette_indices)) fail(source, `${where}.palette_indices`, 'must be an array of palette numbers');
    (v.palette_indices as unknown[]).forEach((p, i) => {
      if (typeof p !== 'number' || !Number.isInteger(p) || p < 0 || p > 15)
        fail(source, `${where}.palette_indices[${i}]`, `${show(p)} is not a palette number (0-15)`);
      paletteIndices.push(p as number);
    });
  }
  const offsetVariants: Record<string, number[]> = {};
  if (v.offset_variants !== undefined) {
    if (!isObject(v.offset_variants)) fail(source, `${where}.offset_variants`, 'must be an object of version to offsets');
    for (const [version, list] of entries(v.offset_variants as Record<string, unknown>)) {
      const w = `${where}.offset_variants["${version}"]`;
      const items = Array.isArray(list) ? list : [list];
      offsetVariants[version] = items.map((o, i) => hexValue(o, source, `${w}[${i}]`));
    }
  }
  return { name: cleanName(name) ?? '(unnamed)', offset, expectedSize, compressed: v.compressed !== false, paletteIndices, offsetVariants };
}

export function parseSpriteLocations(text: string, source = 'sprite_locations.json'): SpriteLocationsFile {
  const data = parseJsonObject(text, source);
  if (!isObject(data.games)) return fail(source, 'games', 'missing: the file needs a "games" object keyed by header title');
  const games: SpriteLocationsGame[] = [];
  for (const [title, g] of entries(data.games)) {
    const where = `games["${title}"]`;
    if (!isObject(g)) return fail(source, where, 'must be an object');
    const checksums: Record<string, number> = {};
    if (g.checksums !== undefined) {
      if (!isObject(g.checksums)) fail(source, `${where}.checksums`, 'must be an object of version to "0xHHHH"');
      for (const [version, c] of entries(g.checksums as Record<string, unknown>)) {
        const value = hexValue(c, source, `${where}.checksums["${version}"]`);
        if (value > 0xffff) fail(source, `${where}.checksums["${version}"]`, `${hex(value, 4)} is not a 16-bit checksum`);
        checksums[version] = value;
      }
    }
    if (g.sprites !== undefined && !isObject(g.sprites)) fail(source, `${where}.sprites`, 'must be an object of sprite name to location');
    const sprites = entries((g.sprites ?? {}) as Record<string, unknown>).map(([name, s]) => parseSprite(name, s, source, `${where}.sprites["${name}"]`));
    let paletteOffset: number | null = null;
    const spritePalettes: Record<string, string> = {};
    if (isObject(g.palettes)) {
      if (g.palettes.offset !== undefined && g.palettes.offset !== null) paletteOffset = hexValue(g.palettes.offset, source, `${where}.palettes.offset`);
      if (isObject(g.palettes.sprite_palettes)) {
        for (const [k, label] of entries(g.palettes.sprite_palettes)) {
          const text = typeof label === 'number' ? String(label) : cleanName(label);
          if (text === null) fail(source, `${where}.palettes.sprite_palettes["${cleanName(k) ?? ''}"]`, `${show(label)} is not a palette label (a string)`);
          spritePalettes[k] = text;
        }
      }
    }
    games.push({ title: cleanName(title) ?? '', checksums, sprites, paletteOffset, spritePalettes });
  }
  const fv = data.format_version;
  return { formatVersion: typeof fv === 'string' || typeof fv === 'number' ? String(fv) : null, games };
}

function normalTitle(t: string): string {
  return t.trim().replace(/\s+/g, ' ').toUpperCase();
}

/** The game a ROM is: by its header checksum first, then by its header title. */
export function matchGame(file: SpriteLocationsFile, rom: { title: string | null; checksum: number | null }): SpriteLocationsMatch | null {
  if (rom.checksum !== null) {
    for (const game of file.games) {
      for (const [version, sum] of Object.entries(game.checksums)) if (sum === rom.checksum) return { game, matchedBy: 'checksum', version };
    }
  }
  if (rom.title) {
    const t = normalTitle(rom.title);
    const game = file.games.find((g) => normalTitle(g.title) === t);
    if (game) return { game, matchedBy: 'title', version: null };
  }
  return null;
}

/**
 * Catalog entries for a ROM from a sprite_locations file (empty when no game matches). A version
 * matched by checksum uses that version's first offset variant. Sprites are 4bpp (what SpritePal
 * extracts); an expected size that is whole tiles gives the tile count.
 */
export function spriteLocationEntries(
  file: SpriteLocationsFile,
  rom: { title: string | null; checksum: number | null },
): { match: SpriteLocationsMatch | null; entries: CatalogEntry[] } {
  const match = matchGame(file, rom);
  if (!match) return { match, entries: [] };
  const how = match.matchedBy === 'checksum' ? `checksum ${hex(rom.checksum!, 4)}, version "${match.version}"` : `title "${match.game.title}"`;
  const list = match.game.sprites.map((s) => {
    const variant = match.version !== null ? s.offsetVariants[match.version]?.[0] : undefined;
    const entry: CatalogEntry = { name: s.name, romOffset: variant ?? s.offset, kind: s.compressed ? 'hal' : 'raw', bpp: 4 };
    if (s.expectedSize !== null && s.expectedSize % 32 === 0) entry.tiles = s.expectedSize / 32;
    const notes = [`From SpritePal's sprite_locations.json (matched by ${how}); its offsets were partly guessed.`];
    if (s.paletteIndices.length > 0)
      notes.push(
        `Palettes ${s.paletteIndices.map((p) => (match.game.spritePalettes[String(p)] ? `${p} (${match.game.spritePalettes[String(p)]})` : String(p))).join(', ')}.`,
      );
    entry.notes = notes.join(' ');
    return entry;
  });
  return { match, entries: list };
}
