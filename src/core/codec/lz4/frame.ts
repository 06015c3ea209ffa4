/**
 * The LZ4 frame format (lz4/lz4 doc/lz4_Frame_format.md, 1.6.4): magic numbers, descriptor flags,
 * block sizes, and the descriptor parser both the decoder and the probe read frames with.
 *
 *   magic 04 22 4D 18 | FLG | BD | [content size, 8 LE] | [dict ID, 4 LE] | HC | blocks... | 00000000 | [content checksum]
 *   block: size (4 LE, bit 31 = stored uncompressed) | data | [block checksum, 4 LE]
 */
import { xxh32 } from './xxhash32';

export const LZ4_MAGIC = 0x184d2204;
/** 0x184D2A50..0x184D2A5F: user data the decoder skips (size in the next 4 bytes). */
export const SKIPPABLE_MAGIC = 0x184d2a50;
export const SKIPPABLE_MASK = 0xfffffff0;
/** The old "LZ4Demo" format (lz4 -l): fixed 8 MB blocks and no end mark, so it cannot be delimited inside a ROM. */
export const LEGACY_MAGIC = 0x184c2102;

export const FLG_VERSION_MASK = 0xc0;
export const FLG_VERSION_01 = 0x40;
export const FLG_BLOCK_INDEPENDENT = 0x20;
export const FLG_BLOCK_CHECKSUM = 0x10;
export const FLG_CONTENT_SIZE = 0x08;
export const FLG_CONTENT_CHECKSUM = 0x04;
export const FLG_RESERVED = 0x02;
export const FLG_DICT_ID = 0x01;
/** BD: bit 7 and bits 3-0 are reserved, bits 6-4 the block maximum size id (4..7). */
export const BD_RESERVED = 0x8f;

/** Block maximum size for BD id 4..7: 64 KB, 256 KB, 1 MB, 4 MB. */
export function blockMaxSize(id: number): number {
  return 1 << (2 * id + 8);
}

/** The smallest block size id (4..7) whose blocks hold `size` bytes (capped at 7), as the lz4 CLI picks it. */
export function blockSizeIdFor(size: number): number {
  let id = 4;
  while (id < 7 && blockMaxSize(id) < size) id++;
  return id;
}

export function readU32(src: Uint8Array, at: number): number {
  return (src[at]! | (src[at + 1]! << 8) | (src[at + 2]! << 16) | (src[at + 3]! << 24)) >>> 0;
}

/** What the descriptor says; filled in place (the decoder reuses one). */
export interface FrameDescriptor {
  flg: number;
  blockMax: number;
  /** -1 when the frame does not say. */
  contentSize: number;
  dictId: number;
  /** Offset of the first block (just past the header checksum). */
  blocksAt: number;
}

export type DescriptorReason = 'truncated' | 'bad-version' | 'reserved-bits' | 'bad-block-size' | 'header-checksum' | 'needs-dictionary' | 'content-too-large';

/**
 * Parses the descriptor of the frame whose magic is at `at` (already checked). Returns null when
 * it is valid (and fills `d`), else the reason; `failAt` gets the failing field's offset.
 */
export function parseDescriptor(
  src: Uint8Array,
  at: number,
  end: number,
  maxOutput: number,
  d: FrameDescriptor,
  failAt: { offset: number },
): DescriptorReason | null {
  const f = at + 4;
  failAt.offset = f;
  if (f + 3 > end) return 'truncated';
  const flg = src[f]!;
  const bd = src[f + 1]!;
  if ((flg & FLG_VERSION_MASK) !== FLG_VERSION_01) return 'bad-version';
  if (flg & FLG_RESERVED) return 'reserved-bits';
  failAt.offset = f + 1;
  if (bd & BD_RESERVED) return 'reserved-bits';
  const id = (bd >> 4) & 7;
  if (id < 4) return 'bad-block-size';
  let p = f + 2;
  let contentSize = -1;
  if (flg & FLG_CONTENT_SIZE) {
    failAt.offset = p;
    if (p + 8 > end) return 'truncated';
    const lo = readU32(src, p);
    const hi = readU32(src, p + 4);
    contentSize = hi === 0 && lo <= maxOutput ? lo : Infinity;
    p += 8;
  }
  let dictId = 0;
  if (flg & FLG_DICT_ID) {
    failAt.offset = p;
    if (p + 4 > end) return 'truncated';
    dictId = readU32(src, p);
    p += 4;
  }
  failAt.offset = p;
  if (p >= end) return 'truncated';
  if (((xxh32(src, f, p) >>> 8) & 0xff) !== src[p]) return 'header-checksum';
  // Checked after the checksum, so a frame that needs a dictionary is named as such only when its
  // header is intact (its dictionary ID is then real).
  if (flg & FLG_DICT_ID) {
    failAt.offset = f;
    d.dictId = dictId;
    return 'needs-dictionary';
  }
  if (contentSize === Infinity) {
    failAt.offset = f + 2;
    return 'content-too-large';
  }
  d.flg = flg;
  d.blockMax = blockMaxSize(id);
  d.contentSize = contentSize;
  d.dictId = dictId;
  d.blocksAt = p + 1;
  return null;
}
