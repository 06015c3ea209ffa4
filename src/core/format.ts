/**
 * How SpritePal writes locations and sizes, in one place for the editor, the webviews, the CLI and
 * error messages: SNES addresses `$BB:AAAA`, file offsets `0x01F400` (copier header included, as a
 * hex editor or exhal shows them) and byte sizes in binary units. Pure: no imports, so the webview
 * bundles can take it too.
 */

/** `0x` and upper-case hex with at least `width` digits: `hex(0x1f400)` is "0x01F400". */
export function hex(n: number, width = 6): string {
  return '0x' + n.toString(16).toUpperCase().padStart(width, '0');
}

/** A 24-bit SNES bus address: `$BB:AAAA` (null stays null: a byte the mapping cannot reach). */
export function formatSnes(snes: number): string;
export function formatSnes(snes: number | null): string | null;
export function formatSnes(snes: number | null): string | null {
  if (snes === null) return null;
  const bank = (snes >>> 16).toString(16).toUpperCase().padStart(2, '0');
  const addr = (snes & 0xffff).toString(16).toUpperCase().padStart(4, '0');
  return `$${bank}:${addr}`;
}

/** The on-disk file offset of a headerless ROM offset: what hex editors and exhal count. */
export function fileOffsetOf(romOffset: number, copierHeaderSize: number): number {
  return romOffset + copierHeaderSize;
}

/**
 * How a location is written:
 * - `short`: `$BB:AAAA`, or the file offset when the mapping gives the byte no SNES address;
 * - `with-file`: `$BB:AAAA (file 0x01F600)`, or the file offset alone;
 * - `dotted`: `$BB:AAAA · 0x01F600`, or the file offset alone (lists, where space is short).
 */
export type LocationStyle = 'short' | 'with-file' | 'dotted';

/**
 * A location from its SNES address (a number, or text already formatted by `formatSnes`, as the
 * webview protocols carry it; null without one) and its on-disk file offset.
 */
export function formatLocation(snes: number | string | null, fileOffset: number, style: LocationStyle = 'short'): string {
  const file = hex(fileOffset);
  if (snes === null) return file;
  const text = typeof snes === 'number' ? formatSnes(snes) : snes;
  switch (style) {
    case 'short':
      return text;
    case 'with-file':
      return `${text} (file ${file})`;
    case 'dotted':
      return `${text} · ${file}`;
  }
}

/** A 24-bit 0xRRGGBB colour as CSS writes it: `#rrggbb`. */
export function cssRgb(rgb: number): string {
  return `#${rgb.toString(16).padStart(6, '0')}`;
}

const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'] as const;

/**
 * A byte count in binary units: "512 B", "1.5 KiB", "12 KiB". With `decimals` every unit above
 * bytes has that many ("12.3 MiB", "5.0 TiB"); without, one below 10 and none from 10 up.
 */
export function formatSize(bytes: number, decimals?: number): string {
  let v = bytes;
  let u = 0;
  while (Math.abs(v) >= 1024 && u < UNITS.length - 1) {
    v /= 1024;
    u++;
  }
  if (u === 0) return `${Math.round(v)} B`;
  const digits = decimals ?? (Math.abs(v) < 10 ? 1 : 0);
  return `${v.toFixed(digits)} ${UNITS[u]}`;
}
