/**
 * xxHash32 (Yann Collet's xxHash, 32-bit variant, as the LZ4 frame format uses it for the header,
 * block and content checksums), over `data[start, end)`.
 *
 * Written here rather than taken from npm: the pure-JS package (js-xxhash 5, well kept, bundles
 * anywhere) hashed 0.4-0.8 GB/s on this machine against 2.9 GB/s for this version (4-byte lanes
 * read through a DataView, Math.imul), and the content checksum runs over every decoded frame, so
 * the library would have cost more than the LZ4 decode itself; the fast native and wasm builds
 * need an addon or an async start that a synchronous decoder in a worker cannot wait for. It is
 * checked against the lz4 CLI's own checksums in the corpus frames and the reference vectors.
 */
import { ViewCache } from '../view-cache';

const P1 = 0x9e3779b1 | 0;
const P2 = 0x85ebca77 | 0;
const P3 = 0xc2b2ae3d | 0;
const P4 = 0x27d4eb2f | 0;
const P5 = 0x165667b1 | 0;

const views = new ViewCache();

function rotl(x: number, r: number): number {
  return (x << r) | (x >>> (32 - r));
}

function round(acc: number, lane: number): number {
  return Math.imul(rotl((acc + Math.imul(lane, P2)) | 0, 13), P1);
}

/** The unsigned 32-bit xxHash32 of `data[start, end)` with `seed` (LZ4 uses seed 0). */
export function xxh32(data: Uint8Array, start = 0, end = data.length, seed = 0): number {
  const v = views.of(data);
  let p = start;
  let h: number;
  if (end - start >= 16) {
    let v1 = (seed + P1 + P2) | 0;
    let v2 = (seed + P2) | 0;
    let v3 = seed | 0;
    let v4 = (seed - P1) | 0;
    for (const lim = end - 16; p <= lim; p += 16) {
      v1 = round(v1, v.getInt32(p, true));
      v2 = round(v2, v.getInt32(p + 4, true));
      v3 = round(v3, v.getInt32(p + 8, true));
      v4 = round(v4, v.getInt32(p + 12, true));
    }
    h = (rotl(v1, 1) + rotl(v2, 7) + rotl(v3, 12) + rotl(v4, 18)) | 0;
  } else h = (seed + P5) | 0;
  h = (h + (end - start)) | 0;
  for (; p + 4 <= end; p += 4) h = Math.imul(rotl((h + Math.imul(v.getInt32(p, true), P3)) | 0, 17), P4);
  for (; p < end; p++) h = Math.imul(rotl((h + Math.imul(data[p]!, P5)) | 0, 11), P1);
  h = Math.imul(h ^ (h >>> 15), P2);
  h = Math.imul(h ^ (h >>> 13), P3);
  return (h ^ (h >>> 16)) >>> 0;
}
