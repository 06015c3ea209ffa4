/** The gallery's model, free of VS Code: entries and their merging, stamps, palette ids. */
export { manualEntry, mergeEntries, placeOf, scanEntry, type BlockKind, type Bpp, type GalleryEntry, type KnownSprite, type RomPlace } from './entry';
export { blockBytes, entryStamp, stampOf, Stamper, type StampInput, type ThumbRequestShape } from './stamp';
export {
  formatPaletteId,
  isPaletteId,
  isRomPaletteId,
  MAX_PALETTE_ID_LENGTH,
  parsePaletteId,
  romPaletteId,
  romPaletteOffset,
  type PaletteId,
} from './palette-id';
export { planThumbRefresh, type ThumbRefresh } from './refresh';
export { GRAYSCALE, PaletteSet, RAMP, romPaletteChoice, romPaletteWhere, toOption, type PaletteChoice, type PaletteOption, type PaletteRom } from './palettes';
