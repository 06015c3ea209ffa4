/**
 * A PNG's chunk list, checked before anything is inflated (fast-png inflates whatever it is given,
 * iCCP and zTXt included, and allocates what IHDR declares). Only what passes is handed to it:
 *
 * - the signature, then chunks whose lengths fit the file and whose CRCs match;
 * - IHDR first, with a valid depth / colour type, and dimensions within the cap (4096 x 4096,
 *   the largest SNES sheet several times over), so no huge image is ever allocated;
 * - ancillary chunks (lower-case first letter: iCCP, zTXt, iTXt, tEXt, ...) are dropped without
 *   being inflated, except tRNS; an unknown critical chunk is refused;
 * - the IDAT stream is inflated with its output capped at what the dimensions need (itself at
 *   most MAX_INFLATED_BYTES), so a compression bomb stops at that size.
 *
 * Hand-written because it is the 60 lines that decide what a decoder may spend; decoding stays
 * with fast-png. Every refusal is a PngImportError saying which chunk and why.
 */
import { crc32, inflateSync } from 'node:zlib';
import { PngImportError } from './errors';

/** Largest width or height accepted. */
export const MAX_PNG_SIDE = 4096;
/**
 * Most image data inflated: 2048 x 2048 at 64 bits a pixel (the 65,536 tiles a target can hold,
 * as 16-bit RGBA). A bomb costs at most this much memory before it is refused.
 */
export const MAX_INFLATED_BYTES = 2048 * (1 + 2048 * 8);

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const KEPT = new Set(['IHDR', 'PLTE', 'tRNS', 'IDAT', 'IEND']);
/** Valid bit depths for each colour type. */
const DEPTHS: Record<number, number[]> = { 0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16] };
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

export interface PngHeader {
  width: number;
  height: number;
  depth: number;
  colorType: number;
  interlaced: boolean;
}

export interface CheckedPng {
  header: PngHeader;
  /** The PNG rebuilt from the kept chunks only (what the decoder gets). */
  bytes: Uint8Array;
  /** Names of the chunks dropped unread. */
  dropped: string[];
}

/** Bytes of filtered scanlines a non-interlaced or Adam7 image of this header inflates to. */
export function inflatedSize(h: PngHeader): number {
  const bits = CHANNELS[h.colorType]! * h.depth;
  const rows = (w: number, hgt: number) => (w === 0 || hgt === 0 ? 0 : hgt * (1 + Math.ceil((w * bits) / 8)));
  if (!h.interlaced) return rows(h.width, h.height);
  const passes = [
    [0, 0, 8, 8],
    [4, 0, 8, 8],
    [0, 4, 4, 8],
    [2, 0, 4, 4],
    [0, 2, 2, 4],
    [1, 0, 2, 2],
    [0, 1, 1, 2],
  ];
  return passes.reduce((sum, [x0, y0, dx, dy]) => sum + rows(Math.ceil((h.width - x0!) / dx!), Math.ceil((h.height - y0!) / dy!)), 0);
}

/** One chunk's bytes: length, type, data, CRC (for building PNGs: tests, benchmarks, fuzzing). */
export function pngChunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const v = new DataView(out.buffer);
  v.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  v.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

function fail(what: string): never {
  throw new PngImportError(`not a readable PNG: ${what}`);
}

export function checkPng(bytes: Uint8Array, maxSide = MAX_PNG_SIDE): CheckedPng {
  if (bytes.length < 8 || SIGNATURE.some((b, i) => bytes[i] !== b)) fail('no PNG signature');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const kept: Uint8Array[] = [bytes.subarray(0, 8)];
  const idat: Uint8Array[] = [];
  const dropped: string[] = [];
  let header: PngHeader | null = null;
  let ended = false;
  for (let at = 8; at < bytes.length && !ended;) {
    if (at + 12 > bytes.length) fail(`chunk at byte ${at} is cut short (file truncated)`);
    const length = view.getUint32(at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    if (!/^[A-Za-z]{4}$/.test(type)) fail(`chunk at byte ${at} has an invalid type`);
    if (length > bytes.length - at - 12) fail(`${type} chunk at byte ${at} declares ${length} bytes, past the end of the file`);
    const whole = bytes.subarray(at, at + 12 + length);
    if (crc32(whole.subarray(4, 8 + length)) !== view.getUint32(at + 8 + length)) fail(`${type} chunk at byte ${at} fails its CRC (corrupt)`);
    const data = whole.subarray(8, 8 + length);
    at += 12 + length;
    if (!header && type !== 'IHDR') fail(`the first chunk is ${type}, not IHDR`);
    if (type === 'IHDR') {
      if (header) fail('a second IHDR chunk');
      header = readHeader(data, maxSide);
    } else if (!KEPT.has(type)) {
      if (type.charCodeAt(0) < 0x61) fail(`unknown critical chunk ${type}`);
      dropped.push(type);
      continue;
    }
    if (type === 'IDAT') idat.push(data);
    if (type === 'IEND') ended = true;
    kept.push(whole);
  }
  if (!header) fail('no IHDR chunk');
  if (!ended) fail('no IEND chunk (file truncated)');
  if (idat.length === 0) fail('no image data (IDAT)');
  const need = inflatedSize(header);
  if (need > MAX_INFLATED_BYTES) {
    throw new PngImportError(
      `image is ${header.width}x${header.height} at ${header.depth * CHANNELS[header.colorType]!} bits a pixel: ${need} bytes of image data, over the ${MAX_INFLATED_BYTES} SpritePal decodes (refused before decoding)`,
    );
  }
  let inflated: Buffer;
  try {
    // One output buffer of need + 1 bytes: zlib stops as soon as it fills (no second buffer,
    // no concatenation), so a bomb costs at most that much memory.
    inflated = inflateSync(Buffer.concat(idat), { maxOutputLength: need, chunkSize: Math.max(64, need + 1) });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE')
      fail(`the image data inflates past the ${need} bytes a ${header.width}x${header.height} image needs (a compression bomb?)`);
    fail(`the image data does not inflate (${(e as Error).message})`);
  }
  if (inflated.length > need) fail(`the image data inflates past the ${need} bytes a ${header.width}x${header.height} image needs (a compression bomb?)`);
  const out = new Uint8Array(kept.reduce((n, c) => n + c.length, 0));
  let o = 0;
  for (const c of kept) {
    out.set(c, o);
    o += c.length;
  }
  return { header, bytes: out, dropped };
}

function readHeader(data: Uint8Array, maxSide: number): PngHeader {
  if (data.length !== 13) fail(`IHDR holds ${data.length} bytes, not 13`);
  const v = new DataView(data.buffer, data.byteOffset, 13);
  const h: PngHeader = { width: v.getUint32(0), height: v.getUint32(4), depth: data[8]!, colorType: data[9]!, interlaced: data[12] === 1 };
  if (h.width === 0 || h.height === 0) fail(`image is ${h.width}x${h.height}`);
  if (h.width > maxSide || h.height > maxSide) {
    throw new PngImportError(`image is ${h.width}x${h.height}: SpritePal imports images up to ${maxSide}x${maxSide} (refused before decoding)`);
  }
  if (!DEPTHS[h.colorType]?.includes(h.depth)) fail(`IHDR colour type ${h.colorType} with bit depth ${h.depth} is not valid`);
  if (data[10] !== 0 || data[11] !== 0 || data[12]! > 1) fail('IHDR declares an unknown compression, filter or interlace method');
  return h;
}
