/**
 * Palette ids: what names a palette between the host and the webview. On the wire an id is a
 * string (`auto`, `grayscale`, `ramp`, `rom:<headerless offset>`, `cgram:<file uri>:<index>`,
 * `pal:<file uri>`); in code it is this typed value, made and read only by the one format/parse
 * pair below, so no caller builds or slices the string by hand.
 */

export type PaletteId =
  /** The gallery's choice of each sprite's own catalog palette (the ramp for blocks without one). */
  | { kind: 'auto' }
  | { kind: 'grayscale' }
  /** The readable 16-colour ramp Auto gives blocks without a catalog palette. */
  | { kind: 'ramp' }
  /** 16 BGR555 colours read from the ROM at a headerless offset. */
  | { kind: 'rom'; romOffset: number }
  /** Palette `index` (0-15) of a CGRAM dump file. */
  | { kind: 'cgram'; file: string; index: number }
  /** A SpritePal `.pal.json` file. */
  | { kind: 'pal'; file: string };

/** Longest id the host accepts from a webview (a file URI is inside the cgram/pal forms). */
export const MAX_PALETTE_ID_LENGTH = 200;

const ROM = /^rom:(0|[1-9]\d{0,8})$/;
const CGRAM = /^cgram:(.+):(\d{1,2})$/;

export function formatPaletteId(id: PaletteId): string {
  switch (id.kind) {
    case 'auto':
    case 'grayscale':
    case 'ramp':
      return id.kind;
    case 'rom':
      return `rom:${id.romOffset}`;
    case 'cgram':
      return `cgram:${id.file}:${id.index}`;
    case 'pal':
      return `pal:${id.file}`;
  }
}

/** The typed id of a wire string, or null when it is not one (too long, unknown form, bad number). */
export function parsePaletteId(text: string): PaletteId | null {
  if (text.length === 0 || text.length > MAX_PALETTE_ID_LENGTH) return null;
  if (text === 'auto' || text === 'grayscale' || text === 'ramp') return { kind: text };
  const rom = ROM.exec(text);
  if (rom) return { kind: 'rom', romOffset: Number(rom[1]) };
  const cgram = CGRAM.exec(text);
  if (cgram) {
    const index = Number(cgram[2]);
    return index <= 15 ? { kind: 'cgram', file: cgram[1]!, index } : null;
  }
  if (text.startsWith('pal:') && text.length > 4) return { kind: 'pal', file: text.slice(4) };
  return null;
}

/** The wire id of the ROM palette at a headerless offset. */
export function romPaletteId(romOffset: number): string {
  return formatPaletteId({ kind: 'rom', romOffset });
}

/** The headerless offset of a ROM palette's id; null for any other id (or none). */
export function romPaletteOffset(text: string | null | undefined): number | null {
  const id = text == null ? null : parsePaletteId(text);
  return id?.kind === 'rom' ? id.romOffset : null;
}

/** Whether a wire string is a well-formed palette id (the webview validators use it). */
export function isPaletteId(v: unknown): v is string {
  return typeof v === 'string' && parsePaletteId(v) !== null;
}

/** Whether a wire string is a ROM palette's id (only those can be edited). */
export function isRomPaletteId(v: unknown): v is string {
  return typeof v === 'string' && romPaletteOffset(v) !== null;
}
