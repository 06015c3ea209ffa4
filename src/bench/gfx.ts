/** Bench group "gfx": tile decode throughput per bit depth; PNG encode and decode of a 128x512 sheet. */
import { decode as decodePng } from 'fast-png';
import { tilesToImage } from '../core/gfx/arrange';
import { grayscaleRGBA } from '../core/gfx/render';
import { encodeIndexedPng } from '../core/gfx/png-export';
import { importPng } from '../core/gfx/png-import';
import { decodeTiles, decodeTilesInto, encodeTiles, type TileFormat } from '../core/gfx/tiles';
import { mbPerSec, round, timeIt, type BenchGroup, type BenchRow } from './harness';

export const gfxBench: BenchGroup = {
  name: 'gfx',
  description: 'Tile decode MB/s per bit depth (target for 4bpp: >= 200 MB/s); PNG encode/decode of a 128x512 sheet',
  async run(ctx) {
    const rows: BenchRow[] = [];
    const minMs = ctx.quick ? 20 : 300;
    const data = new Uint8Array(1 << 20);
    let x = 0x9e3779b9;
    for (let i = 0; i < data.length; i++) {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      data[i] = x & 0xff;
    }
    const formats: [string, TileFormat][] = [
      ['2bpp', 2],
      ['4bpp', 4],
      ['8bpp', 8],
      ['Mode7', 'mode7'],
    ];
    // 1 MiB of tile data as 16 chunks of 64 KiB (the most a HAL stream holds), each decoded to a new array.
    const chunks = Array.from({ length: 16 }, (_, i) => data.subarray(i * 65536, (i + 1) * 65536));
    const into = new Uint8Array(65536 * 4);
    for (const [label, f] of formats) {
      const t = timeIt(() => chunks.forEach((c) => decodeTiles(c, f)), { minMs });
      const mbs = mbPerSec(data.length, t.medianMs);
      const row: BenchRow = { key: `decode${label}MBps`, label: `decode ${label} tiles (64 KiB chunks, new arrays)`, value: round(mbs, 0), unit: 'MB/s' };
      if (f === 4) Object.assign(row, { target: '>= 200 MB/s', pass: mbs >= 200 });
      rows.push(row);
      const r = timeIt(() => chunks.forEach((c) => decodeTilesInto(c, f, into)), { minMs });
      rows.push({
        key: `decode${label}IntoMBps`,
        label: `decode ${label} tiles into a reused buffer`,
        value: round(mbPerSec(data.length, r.medianMs), 0),
        unit: 'MB/s',
      });
    }
    const px4 = decodeTiles(data.subarray(0, 64 * 1024), 4);
    const enc = timeIt(() => encodeTiles(px4, 4), { minMs });
    rows.push({ key: 'encode4bppMBps', label: 'encode 4bpp tiles (64 KiB of tile data)', value: round(mbPerSec(64 * 1024, enc.medianMs), 0), unit: 'MB/s' });

    // A 128x512 sheet: 16 x 64 = 1024 tiles of 4bpp (32 KiB of tile data).
    const sheet = tilesToImage(decodeTiles(data.subarray(0, 1024 * 32), 4), { widthTiles: 16 });
    const pal = grayscaleRGBA(16);
    const pngEnc = timeIt(() => encodeIndexedPng(sheet, pal), { minMs });
    const png = encodeIndexedPng(sheet, pal);
    rows.push({ key: 'pngEncodeSheetMs', label: `PNG encode 128x512 indexed sheet (${png.length} bytes)`, value: round(pngEnc.medianMs, 3), unit: 'ms' });
    const pngDec = timeIt(() => decodePng(png), { minMs });
    rows.push({ key: 'pngDecodeSheetMs', label: 'PNG decode 128x512 indexed sheet', value: round(pngDec.medianMs, 3), unit: 'ms' });
    const imp = timeIt(() => importPng(png, { format: 4 }), { minMs });
    rows.push({ key: 'pngImportSheetMs', label: 'PNG import for injection (decode + checks + tiles)', value: round(imp.medianMs, 3), unit: 'ms' });
    return rows;
  },
};
