/**
 * Our labels of regions of the homebrew ROMs in shared/fixtures/homebrew, for the raw (uncompressed
 * graphics) scan: offsets and words only, no ROM bytes. Every region `scan --include-raw` reported
 * before raw evidence (27), and every region a candidate detector reported while raw-evidence.ts was
 * measured, was rendered as a PNG at 2bpp and 4bpp (and as Mode 7 chunky pixels where the bytes
 * were small values), looked at, and read as a hex dump; graphics the scan missed were found in
 * whole-bank renders of each ROM. Extents: graphics regions run from their first to their last
 * tile as far as the render and the hex dump show; the other regions cover what was reported.
 *
 * - `planar`: 2bpp or 4bpp planar tiles (fonts, sprites, background tiles): the raw scan's business;
 * - `other-gfx`: graphics in a form the scan does not report (Mode 7 chunky pixels, 1bpp fonts):
 *   a raw hit on one is real, but none is required;
 * - `not`: code, tables, tile maps, headers, samples;
 * - `unclear`: could not be told either way (neither counted real nor false).
 */
export type RawLabelKind = 'planar' | 'other-gfx' | 'not' | 'unclear';

export interface RawRegionLabel {
  rom: string;
  /** Headerless ROM offsets, [start, end). */
  start: number;
  end: number;
  kind: RawLabelKind;
  why: string;
}

export const HOMEBREW_RAW_LABELS: readonly RawRegionLabel[] = [
  { rom: 'accuracysnes-lorom.sfc', start: 0x08010, end: 0x08340, kind: 'other-gfx', why: '1bpp font (8 bytes a glyph), not planar' },
  { rom: 'accuracysnes-lorom.sfc', start: 0x203e0, end: 0x20530, kind: 'not', why: 'byte table of 1s and 2s between two pointer tables' },
  { rom: 'accuracysnes-lorom.sfc', start: 0x22620, end: 0x22950, kind: 'not', why: 'small-value bytes, then increasing 16-bit offsets, after test-name text' },
  { rom: 'gilyon-spctest.sfc', start: 0x00480, end: 0x00a78, kind: 'planar', why: '2bpp ASCII font, glyphs in plane 1' },
  { rom: 'libsfx-Hello-Mode7.sfc', start: 0x10290, end: 0x103a0, kind: 'not', why: 'table of small 16-bit words (high bytes 0x00/0xFF)' },
  { rom: 'libsfx-Hello-Mode7.sfc', start: 0x113c0, end: 0x114d0, kind: 'not', why: 'slowly rising small bytes (a perspective table)' },
  { rom: 'libsfx-Hello-Mode7.sfc', start: 0x13060, end: 0x131b0, kind: 'not', why: 'music data: pairs of note and length bytes' },
  { rom: 'libsfx-Hello.sfc', start: 0x00cf0, end: 0x00df0, kind: 'not', why: 'byte code / data interleaved with small operands' },
  { rom: 'libsfx-Hello.sfc', start: 0x10010, end: 0x101e0, kind: 'not', why: 'table of 8-byte records (runs of one byte value)' },
  { rom: 'libsfx-Hello.sfc', start: 0x10ff0, end: 0x11140, kind: 'not', why: 'table of small values 0x0E/0x0F' },
  { rom: 'libsfx-Mode7-Transform.sfc', start: 0x10200, end: 0x10430, kind: 'not', why: 'parameter tables: ramps (30 30 31 31 ...), repeated bytes' },
  { rom: 'libsfx-Mode7-Transform.sfc', start: 0x10480, end: 0x105a0, kind: 'not', why: 'sparse byte table' },
  { rom: 'libsfx-Mode7-Transform.sfc', start: 0x11f00, end: 0x125a0, kind: 'not', why: 'table of 16-bit words stepping by 0x10 (0x2000, 0x2010, ...)' },
  { rom: 'libsfx-Mouse.sfc', start: 0x10010, end: 0x10140, kind: 'not', why: 'sparse table of words in zeros' },
  { rom: 'libsfx-Mouse.sfc', start: 0x11580, end: 0x116b0, kind: 'not', why: 'table of 16-bit code addresses, then small-value bytes' },
  { rom: 'libsfx-Mouse.sfc', start: 0x11db0, end: 0x11fe0, kind: 'not', why: 'fill values (0x77, 0xFF runs) and sparse bytes' },
  { rom: 'libsfx-Mouse.sfc', start: 0x13010, end: 0x13300, kind: 'not', why: 'sorted table of 16-bit addresses (0x3442, 0x3444, ...)' },
  { rom: 'libsfx-Mouse.sfc', start: 0x1f200, end: 0x1f3c0, kind: 'unclear', why: 'mostly 0xFF, a few bytes every 64: neither tiles nor a table by eye' },
  { rom: 'lorom-template.sfc', start: 0x20200, end: 0x20820, kind: 'planar', why: '4bpp sprite frames of a walking character' },
  { rom: 'lorom-template.sfc', start: 0x28100, end: 0x28710, kind: 'planar', why: '2bpp background tiles, then a font' },
  { rom: 'nesdoug-SNES_13.sfc', start: 0x00970, end: 0x00a70, kind: 'not', why: 'byte tables of 0/1 flags' },
  { rom: 'nesdoug-SNES_13.sfc', start: 0x10000, end: 0x10100, kind: 'not', why: 'increasing 16-bit words (0x0000, 0x0040, ...) and colours' },
  { rom: 'nts2-2019-lorom.sfc', start: 0x10000, end: 0x10b00, kind: 'planar', why: '2bpp tiles: blocks, arrows, "Exit" letters, coins, hearts' },
  { rom: 'nts2-2019-lorom.sfc', start: 0x11000, end: 0x11780, kind: 'planar', why: '2bpp tiles: bridges, pipes, fences' },
  { rom: 'pvsneslib-AnimatedSprite-2018.sfc', start: 0x00e70, end: 0x0125b, kind: 'not', why: '65816 code (DMA set-up), right before the sprite frames' },
  {
    rom: 'pvsneslib-AnimatedSprite-2018.sfc',
    start: 0x0125b,
    end: 0x016a0,
    kind: 'planar',
    why: '4bpp sprite frames of a walking character, at an odd offset right after code',
  },
  { rom: 'pvsneslib-AnimatedSprite-2018.sfc', start: 0x02050, end: 0x023f0, kind: 'not', why: 'tables of (count, value) byte pairs' },
  {
    rom: 'pvsneslib-Mode7-2018.sfc',
    start: 0x0192b,
    end: 0x03529,
    kind: 'other-gfx',
    why: 'Mode 7 chunky pixels: 112 tiles of 64 bytes (values 0-15), then the map',
  },
  { rom: 'pvsneslib-Mode7-2018.sfc', start: 0x03529, end: 0x07529, kind: 'not', why: 'Mode 7 tile map, 128 x 128 tile numbers (runs of increasing numbers)' },
  { rom: 'pvsneslib-Mode7-2018.sfc', start: 0x07529, end: 0x07550, kind: 'not', why: 'palette (BGR555 words) after the map' },
  { rom: 'pvsneslib-Mode7-2018.sfc', start: 0x07fb0, end: 0x083a0, kind: 'not', why: 'ROM header (title text), vectors, then byte pairs' },
  { rom: 'pvsneslib-likemario-2012.sfc', start: 0x04ce0, end: 0x053e0, kind: 'not', why: 'a ramp of small bytes, then a sorted table of 16-bit addresses' },
  { rom: 'pvsneslib-likemario-2012.sfc', start: 0x09800, end: 0x09a80, kind: 'not', why: '16-bit map of 0/1 words' },
  { rom: 'pvsneslib-likemario-2012.sfc', start: 0x10000, end: 0x10600, kind: 'planar', why: '4bpp background tiles (planes 2/3 empty): ground, pipes, slopes' },
  { rom: 'pvsneslib-likemario-2012.sfc', start: 0x10600, end: 0x12b80, kind: 'not', why: '16-bit tile map of the level' },
  { rom: 'pvsneslib-likemario-2012.sfc', start: 0x15200, end: 0x155c0, kind: 'planar', why: '4bpp Mario sprite frames' },
  { rom: 'pvsneslib-likemario-2012.sfc', start: 0x15640, end: 0x16280, kind: 'planar', why: 'font, one plane of 4bpp tiles used' },
  { rom: 'pvsneslib-likemario-2012.sfc', start: 0x16280, end: 0x16400, kind: 'not', why: 'sound data after the font' },
  { rom: 'pvsneslib-likemario-2012.sfc', start: 0x282a0, end: 0x28420, kind: 'not', why: 'table of 0xFF bytes with short increasing runs' },
];

/** A hit covering more than this much of a region labelled not graphics is over it (label borders are good to a tile or two). */
export const BORDER_SLACK = 64;

interface Span {
  romOffset: number;
  consumed: number;
}

function overlap(h: Span, l: RawRegionLabel): number {
  return Math.max(0, Math.min(h.romOffset + h.consumed, l.end) - Math.max(h.romOffset, l.start));
}

/** The labels of `rom` of the given kinds. */
export function labelsOf(rom: string, ...kinds: RawLabelKind[]): RawRegionLabel[] {
  return HOMEBREW_RAW_LABELS.filter((l) => l.rom === rom && kinds.includes(l.kind));
}

/** [start, end) of the regions of `rom` labelled graphics (planar or not). */
export function graphicsRanges(rom: string): (readonly [number, number])[] {
  return labelsOf(rom, 'planar', 'other-gfx').map((l) => [l.start, l.end] as const);
}

/**
 * What a raw hit in `rom` is by our labels: `real` (half or more of it in graphics), `not` (over a
 * region labelled not graphics or unclear, by more than BORDER_SLACK), else `unlabelled`.
 */
export function classifyRawHit(rom: string, h: Span): 'real' | 'not' | 'unlabelled' {
  const gfx = labelsOf(rom, 'planar', 'other-gfx').reduce((s, l) => s + overlap(h, l), 0);
  if (labelsOf(rom, 'not', 'unclear').some((l) => overlap(h, l) > BORDER_SLACK)) return 'not';
  return 2 * gfx >= h.consumed ? 'real' : 'unlabelled';
}
