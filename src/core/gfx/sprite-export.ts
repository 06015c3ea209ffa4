/**
 * One sprite exported as SpritePal writes it: an indexed PNG in the sprite's palette (index 0
 * transparent), its palette as `<stem>.pal.json` and `<stem>.metadata.json` naming that palette as
 * CGRAM palette 8. The editor's Export PNG... and `spritepal extract --all` both build their files
 * here, so the two write the same names and the same metadata.
 */
import { hex } from '../format';
import { tilesToImage, type TileOrder } from './arrange';
import { formatPalJson } from './palette-files';
import { grayscalePalette, paletteRGBA, type Palette } from './palette';
import { encodeIndexedPng, formatMetadataJson } from './png-export';
import { bytesPerTile, decodeTiles } from './tiles';

export interface SpriteExportInput {
  /** The ROM's file name or path (metadata `rom_source`). */
  romSource: string;
  romTitle: string | null;
  /** The stored header checksum, when the ROM has a header. */
  romChecksum: number | null;
  /** On-disk offset of the data (copier header included), as the file names and metadata give it. */
  fileOffset: number;
  /** The tile bytes: a decoded HAL block or raw tiles. */
  data: Uint8Array;
  /** Bytes the HAL stream occupies; null for raw tiles. */
  consumed: number | null;
  bpp: 2 | 4 | 8;
  widthTiles: number;
  /** Tile arrangement: 8x8 tiles in rows (default) or 16x16 sprites (needs an even width). */
  order?: TileOrder;
  /** The palette to draw with; null: exact grayscale (index x 17). */
  palette: Palette | null;
  /** The palette's name in the `.pal.json` (the editor shows it as the option's label). */
  paletteName?: string;
  /** Extra fields for the `.pal.json` source block (where the palette came from). */
  paletteSource?: Record<string, unknown>;
  /** The catalog name, or null for a block found by the scanner. */
  name: string | null;
}

export interface SpriteExportFiles {
  png: Uint8Array;
  palJson: string;
  metadataJson: string;
  tiles: number;
  width: number;
  height: number;
}

/** The default file stem: the catalog name (made safe for file names) or `sprite_<on-disk offset>`. */
export function spriteExportStem(name: string | null, fileOffset: number): string {
  return (name ?? `sprite_${hex(fileOffset).slice(2)}`).replace(/[^\w.-]+/g, '_');
}

/** `<stem>.png`, `<stem>.pal.json`, `<stem>.metadata.json`: the names beside each other. */
export function spriteExportNames(stem: string): { png: string; palJson: string; metadataJson: string } {
  return { png: `${stem}.png`, palJson: `${stem}.pal.json`, metadataJson: `${stem}.metadata.json` };
}

/**
 * The three files' contents. `stem` is the PNG's file name without `.png` (the metadata names
 * the palette file by it). Throws GfxError when the data holds no whole tile.
 */
export function buildSpriteExport(input: SpriteExportInput, stem: string, now: Date = new Date()): SpriteExportFiles {
  const per = bytesPerTile(input.bpp);
  const tiles = Math.floor(input.data.length / per);
  const order = input.order ?? 'linear';
  const fit = Math.min(input.widthTiles, Math.max(1, tiles));
  // 16x16 sprites take two columns: an even width (the arrangement refuses an odd one for this order).
  const widthTiles = order === 'sprite16' ? Math.max(2, fit - (fit % 2)) : fit;
  const image = tilesToImage(decodeTiles(input.data.subarray(0, tiles * per), input.bpp, tiles), { widthTiles, order });
  const colors = Math.min(256, 1 << input.bpp);
  const png = encodeIndexedPng(image, paletteRGBA(input.palette, 1 << Math.min(input.bpp, 8)).subarray(0, 4 * colors), { transparentZero: true });
  const palette = input.palette ?? grayscalePalette(16);
  const names = spriteExportNames(stem);
  const palJson = formatPalJson({ ...palette, name: input.paletteName ?? palette.name }, input.paletteSource ?? palette.source ?? {});
  const metadataJson = formatMetadataJson(
    { '8': names.palJson.split('/').pop()! },
    {
      source_type: 'rom',
      rom_source: input.romSource,
      rom_offset: hex(input.fileOffset),
      sprite_name: input.name ?? spriteExportStem(null, input.fileOffset),
      compressed_size: input.consumed,
      tile_count: tiles,
      extraction_size: input.data.length,
      rom_title: input.romTitle,
      rom_checksum: input.romChecksum === null ? null : hex(input.romChecksum, 4),
      extraction_date: now.toISOString(),
    },
    8,
  );
  return { png, palJson, metadataJson, tiles, width: image.width, height: image.height };
}
