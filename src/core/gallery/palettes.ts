/**
 * The palettes a gallery offers and keeps: grayscale, the readable ramp, palettes read from the
 * ROM (the catalog's, or an address the user typed; read again when the bytes change), and any
 * loaded from files. Keyed by palette id (palette-id.ts); the webview gets their options.
 */
import { fileOffsetOf, formatLocation } from '../format';
import { paletteRGBA, romPalettes, PALETTE_BYTES, type Palette } from '../gfx/palette';
import { readableRamp } from '../gfx/ramp';
import type { Span } from '../edit-pixels/edited-blocks';
import { formatPaletteId, romPaletteId, romPaletteOffset } from './palette-id';

/** 16 colours as 0xRRGGBB numbers, as the webview shows them. */
export interface PaletteOption {
  id: string;
  label: string;
  colors: number[];
}

export interface PaletteChoice {
  option: PaletteOption;
  /** Null: exact grayscale (index x 17). */
  palette: Palette | null;
}

/** What reading palettes needs of the ROM: its bytes, and where an offset is. */
export interface PaletteRom {
  readonly data: Uint8Array;
  readonly copierHeaderSize: number;
  snesOf(romOffset: number): number | null;
}

export function toOption(id: string, label: string, palette: Palette | null): PaletteOption {
  const rgba = paletteRGBA(palette, 16);
  const colors: number[] = [];
  for (let i = 0; i < 16; i++) colors.push((rgba[i * 4]! << 16) | (rgba[i * 4 + 1]! << 8) | rgba[i * 4 + 2]!);
  return { id, label, colors };
}

export const GRAYSCALE: PaletteChoice = { option: toOption(formatPaletteId({ kind: 'grayscale' }), 'Grayscale', null), palette: null };

/** What Auto shows a block without a catalog palette: shapes stay readable (src/core/gfx/ramp.ts). */
export const RAMP: PaletteChoice = {
  option: toOption(formatPaletteId({ kind: 'ramp' }), 'Readable ramp (no catalog palette)', readableRamp()),
  palette: readableRamp(),
};

/** Where a ROM palette is, as everything else in the editor says it: `$BB:AAAA` (the file offset without a mapping). */
export function romPaletteWhere(rom: Omit<PaletteRom, 'data'>, romOffset: number): string {
  return formatLocation(rom.snesOf(romOffset), fileOffsetOf(romOffset, rom.copierHeaderSize));
}

export function romPaletteChoice(rom: PaletteRom, romOffset: number, label?: string): PaletteChoice {
  const [palette] = romPalettes(rom.data, romOffset, 1);
  return { option: toOption(romPaletteId(romOffset), label ?? `ROM palette at ${romPaletteWhere(rom, romOffset)}`, palette!), palette: palette! };
}

export class PaletteSet {
  private readonly choices = new Map<string, PaletteChoice>([
    [RAMP.option.id, RAMP],
    [GRAYSCALE.option.id, GRAYSCALE],
  ]);

  get(id: string): PaletteChoice | undefined {
    return this.choices.get(id);
  }

  add(choice: PaletteChoice): void {
    this.choices.set(choice.option.id, choice);
  }

  options(): PaletteOption[] {
    return [...this.choices.values()].map((p) => p.option);
  }

  /** A catalog sprite's ROM palette, named after the sprite (kept as it is when already there). */
  addCatalogPalette(rom: PaletteRom, romOffset: number, spriteName: string): void {
    if (this.choices.has(romPaletteId(romOffset))) return;
    this.add(romPaletteChoice(rom, romOffset, `${spriteName} · ${romPaletteWhere(rom, romOffset)}`));
  }

  /**
   * A ROM palette read again from the current bytes (after a colour edit, undo or redo), keeping
   * its label. Refuses ids that are not a ROM palette's.
   */
  rereadRom(rom: PaletteRom, id: string): PaletteOption {
    const at = romPaletteOffset(id);
    if (at === null) throw new Error(`palette ${id} is not a ROM palette: only a ROM palette can be edited`);
    const choice = romPaletteChoice(rom, at, this.choices.get(id)?.option.label);
    this.add(choice);
    return choice.option;
  }

  /** Every ROM palette read again (the bytes changed). */
  rereadAllRom(rom: PaletteRom): void {
    for (const id of [...this.choices.keys()]) if (romPaletteOffset(id) !== null) this.rereadRom(rom, id);
  }

  /** The ROM bytes the ROM palettes occupy (an edit there needs no rescan). */
  romSpans(): Span[] {
    const spans: Span[] = [];
    for (const id of this.choices.keys()) {
      const at = romPaletteOffset(id);
      if (at !== null) spans.push({ start: at, end: at + PALETTE_BYTES });
    }
    return spans;
  }
}
