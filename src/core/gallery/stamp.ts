/**
 * Stamps: what a gallery thumbnail is made of, as a short string. A thumbnail depends on the
 * block's kind, depth, width, tile count (raw) and on the ROM bytes the block occupies (a HAL
 * stream is decoded from its first byte up to its terminator, nothing after), so two equal
 * stamps draw the same pixels. After an edit the webview keeps every thumbnail whose stamp did
 * not change and asks again only for the others; a block that moved keeps its stamp.
 */
import { bytesPerTile } from '../gfx/tiles';
import type { GalleryEntry } from './entry';

/** What a stamp covers: the thumbnail's parameters and the block's bytes. */
export interface StampInput {
  kind: GalleryEntry['kind'];
  bpp: GalleryEntry['bpp'];
  widthTiles: number;
  /** Raw blocks: how many tiles are shown (HAL: ignored). */
  tiles: number;
  /** The bytes the block occupies (HAL: the stream, terminator included). */
  bytes: Uint8Array;
}

export function stampOf(s: StampInput): string {
  const shape = s.kind === 'raw' ? `raw/${s.bpp}/${s.widthTiles}/${s.tiles}` : `hal/${s.bpp}/${s.widthTiles}`;
  return `${shape}:${s.bytes.length}:${digest(s.bytes)}`;
}

/**
 * The ROM bytes an entry's thumbnail is made of: a raw block's tiles, or a HAL stream's bytes
 * (`consumed`: the entry's, or a length learned from decoding it). Null when a HAL block's
 * length is not known yet, or the range leaves the ROM.
 */
export function blockBytes(
  data: Uint8Array,
  e: Pick<GalleryEntry, 'romOffset' | 'kind' | 'bpp' | 'tiles' | 'consumed'>,
  decodedLength?: number,
): Uint8Array | null {
  const length = e.kind === 'raw' ? e.tiles * bytesPerTile(e.bpp) : (decodedLength ?? e.consumed);
  if (length <= 0 || e.romOffset + length > data.length) return null;
  return data.subarray(e.romOffset, e.romOffset + length);
}

/** An entry's stamp from the current bytes (null while its HAL length is unknown). */
export function entryStamp(
  data: Uint8Array,
  e: Omit<StampInput, 'bytes'> & Pick<GalleryEntry, 'romOffset' | 'consumed'>,
  decodedLength?: number,
): string | null {
  const bytes = blockBytes(data, e, decodedLength);
  return bytes ? stampOf({ ...e, bytes }) : null;
}

/**
 * Two 32-bit FNV-1a style hashes with different primes and seeds, as 16 hex digits: not
 * cryptographic, only so that an edit changing a block's bytes changes its stamp (a chance
 * collision would leave one stale thumbnail on screen, nothing else).
 */
function digest(bytes: Uint8Array): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ bytes.length;
  for (let i = 0; i < bytes.length; i++) {
    const v = bytes[i]!;
    a = Math.imul(a ^ v, 0x01000193);
    b = Math.imul(b ^ v, 0x5bd1e995) ^ (b >>> 15);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

/** A thumbnail request, as the gallery makes one for an entry. */
export interface ThumbRequestShape {
  romOffset: number;
  kind: GalleryEntry['kind'];
  bpp: GalleryEntry['bpp'];
  widthTiles: number;
  rawTiles?: number;
}

/**
 * Stamps for one document's entries and thumbnails, by one rule on both sides: a HAL block's
 * stream length is the entry's measured one, else the one its thumbnail decoded (a catalog block
 * the scan did not measure), learned here. So an entry's stamp and its thumbnail's agree while
 * the bytes do.
 */
export class Stamper {
  private readonly decodedLengths = new Map<number, number>();

  private streamLength(e: Pick<GalleryEntry, 'romOffset' | 'kind' | 'consumed'> | undefined, decoded?: number): number | undefined {
    if (e?.kind === 'raw') return undefined;
    if (e && e.consumed > 0) return e.consumed;
    return decoded ?? (e ? this.decodedLengths.get(e.romOffset) : undefined);
  }

  /** The entries with their stamps, from the current bytes. */
  entries(data: Uint8Array, entries: readonly GalleryEntry[]): GalleryEntry[] {
    return entries.map((e) => ({ ...e, stamp: entryStamp(data, e, this.streamLength(e)) }));
  }

  /**
   * The stamp of a thumbnail just made for `r` (`consumed`: the stream length it decoded), from
   * the current bytes; `entry`: the entry it was asked for, if any.
   */
  thumbnail(data: Uint8Array, r: ThumbRequestShape, consumed: number, entry: GalleryEntry | undefined): string | null {
    if (r.kind === 'hal') this.decodedLengths.set(r.romOffset, consumed);
    const shape = { romOffset: r.romOffset, kind: r.kind, bpp: r.bpp, widthTiles: r.widthTiles, tiles: r.rawTiles ?? 0, consumed: 0 };
    return entryStamp(data, shape, this.streamLength(entry, consumed));
  }
}
