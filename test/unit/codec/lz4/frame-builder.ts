/**
 * LZ4 frames written by hand from lz4_Frame_format.md, so the decoder is tested against the format
 * rather than against our own encoder: any flags, stored or compressed blocks (given as block-format
 * bytes), checksums right or deliberately wrong.
 */
import { xxh32 } from '../../../../src/core/codec/lz4';

export interface BlockSpec {
  /** The block's data as stored: LZ4 block-format bytes, or the plain bytes when `stored`. */
  data: Uint8Array;
  stored?: boolean;
  /** Write this block checksum instead of the right one. */
  checksum?: number;
  /** Write this block size field instead of the right one. */
  sizeField?: number;
}

export interface FrameSpec {
  flg?: number;
  /** BD byte (default 0x40: 64 KB blocks). */
  bd?: number;
  contentSize?: number;
  dictId?: number;
  blocks: BlockSpec[];
  /** The decoded content, for the content checksum (when the FLG asks for one). */
  content?: Uint8Array;
  contentChecksum?: number;
  headerChecksum?: number;
  /** Leave out the end mark (and what follows). */
  noEndMark?: boolean;
}

export const FLG = { version: 0x40, independent: 0x20, blockChecksum: 0x10, contentSize: 0x08, contentChecksum: 0x04, reserved: 0x02, dictId: 0x01 };

function u32(out: number[], v: number): void {
  out.push(v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff);
}

export function frame(spec: FrameSpec): Uint8Array {
  const flg = spec.flg ?? FLG.version | FLG.independent;
  const out: number[] = [];
  u32(out, 0x184d2204);
  const desc: number[] = [flg, spec.bd ?? 0x40];
  if (flg & FLG.contentSize) {
    u32(desc, spec.contentSize ?? 0);
    u32(desc, 0);
  }
  if (flg & FLG.dictId) u32(desc, spec.dictId ?? 0);
  out.push(...desc, spec.headerChecksum ?? (xxh32(Uint8Array.from(desc)) >>> 8) & 0xff);
  for (const b of spec.blocks) {
    u32(out, b.sizeField ?? ((b.stored ? 0x80000000 : 0) | b.data.length) >>> 0);
    out.push(...b.data);
    if (flg & FLG.blockChecksum) u32(out, b.checksum ?? xxh32(b.data));
  }
  if (spec.noEndMark) return Uint8Array.from(out);
  u32(out, 0);
  if (flg & FLG.contentChecksum) u32(out, spec.contentChecksum ?? xxh32(spec.content ?? new Uint8Array(0)));
  return Uint8Array.from(out);
}

/** A skippable frame (magic 0x184D2A5<nibble>) holding `data`. */
export function skippable(nibble: number, data: Uint8Array): Uint8Array {
  const out: number[] = [];
  u32(out, 0x184d2a50 | nibble);
  u32(out, data.length);
  out.push(...data);
  return Uint8Array.from(out);
}

/** An LZ4 block-format sequence: `literals`, then a match (omitted for the last sequence). */
export function sequence(literals: Uint8Array, match?: { offset: number; length: number }): number[] {
  const out: number[] = [];
  const l = literals.length;
  const m = match ? match.length - 4 : 0;
  out.push((Math.min(l, 15) << 4) | Math.min(m, 15));
  const ext = (rest: number) => {
    for (; rest >= 255; rest -= 255) out.push(255);
    out.push(rest);
  };
  if (l >= 15) ext(l - 15);
  out.push(...literals);
  if (!match) return out;
  out.push(match.offset & 0xff, match.offset >> 8);
  if (m >= 15) ext(m - 15);
  return out;
}
