// A long fuzz run of PNG import (issue 18): valid sheets, mutated bytes, forged headers with fixed
// CRCs, decompression bombs in IDAT and in ancillary chunks. Each case must import or be refused
// with a PngImportError, quickly and within bounded memory; an image whose meaning was not
// changed (only ancillary chunks added) must import to exactly the same tiles.
//   node esbuild.mjs --tests && node scripts/fuzz-png.mjs [--seconds=60] [--out=out] [--seed=1]
// Prints: tried, accepted, refused cleanly, crashed, hung (> 1 s), over memory (> 50 MB), data lost.
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { arg, seeded } from './lib/fuzz.mjs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { deflateSync } from 'node:zlib';

const seconds = Number(arg('seconds', '60'));
const outDir = arg('out', 'out');
const { pick } = seeded(arg('seed', String(Date.now() & 0x7fffffff)));
const require = createRequire(import.meta.url);
const { importPng } = require(resolve(outDir, 'src/core/gfx/png-import.js'));
const { PngImportError } = require(resolve(outDir, 'src/core/gfx/errors.js'));
const { pngChunk } = require(resolve(outDir, 'src/core/gfx/png-chunks.js'));
const { encode } = require('fast-png');
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc');

const chunk = (type, data) => Buffer.from(pngChunk(type, data));

/** [type, data] of each chunk (no checks: the seeds are our own). */
function chunks(png) {
  const list = [];
  for (let at = 8; at + 12 <= png.length;) {
    const len = png.readUInt32BE(at);
    list.push([png.toString('latin1', at + 4, at + 8), png.subarray(at + 8, at + 8 + len)]);
    at += 12 + len;
  }
  return list;
}
const build = (list) => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), ...list.map(([t, d]) => chunk(t, d))]);

function seedImage() {
  const tiles = 1 + pick(64);
  const w = 8 * Math.min(16, tiles);
  const h = 8 * Math.ceil(tiles / 16);
  const kind = pick(3);
  const colors = 16;
  if (kind === 0) {
    const data = Uint8Array.from({ length: w * h }, () => pick(colors));
    const palette = Array.from({ length: colors }, (_, i) => [i * 16, i * 8, 255 - i * 16]);
    return { png: Buffer.from(encode({ width: w, height: h, data, depth: 8, channels: 1, palette })), format: 4 };
  }
  if (kind === 1) {
    const data = Uint8Array.from({ length: w * h }, () => pick(colors) * 17);
    return { png: Buffer.from(encode({ width: w, height: h, data, depth: 8, channels: 1 })), format: 4 };
  }
  // RGB: 15 colours on the BGR555 grid, and their palette (index 0 transparent)
  const rgb = Array.from({ length: 15 }, (_, i) => [(i * 40) & 0xf8, (i * 96) & 0xf8, (255 - i * 16) & 0xf8]);
  const data = new Uint8Array(w * h * 4);
  for (let i = 0; i < w * h; i++) data.set([...rgb[pick(15)], 255], i * 4);
  const palette = [0x7c1f, ...rgb.map(([r, g, b]) => (r >> 3) | ((g >> 3) << 5) | ((b >> 3) << 10))];
  return { png: Buffer.from(encode({ width: w, height: h, data, depth: 8, channels: 4 })), format: 4, palette };
}

const bombCache = new Map();
function bomb(bytes) {
  if (!bombCache.has(bytes)) bombCache.set(bytes, deflateSync(Buffer.alloc(bytes), { level: 9 }));
  return bombCache.get(bytes);
}

/** One hostile variant of a seed; `same` when the image's meaning is unchanged. */
function variant(s) {
  const list = chunks(s.png);
  switch (pick(8)) {
    case 0: {
      // ancillary chunks, some bombs, anywhere after IHDR: must not change the result
      const types = ['iCCP', 'zTXt', 'iTXt', 'tEXt', 'sPLT', 'eXIf', 'acTL', 'fcTL', 'fdAT'];
      for (let k = 1 + pick(4); k > 0; k--)
        list.splice(1 + pick(list.length - 1), 0, [types[pick(types.length)], pick(2) ? bomb(1 << (20 + pick(6))) : Buffer.from([pick(256), pick(256)])]);
      return { png: build(list), same: true };
    }
    case 1: {
      // forged dimensions (CRC fixed so the header is read)
      const ihdr = Buffer.from(list[0][1]);
      ihdr.writeUInt32BE([8, 16, 4096, 4097, 16384, 40000, 0x7fffffff, 0][pick(8)] || 8 * (1 + pick(600)), pick(2) ? 0 : 4);
      list[0] = ['IHDR', ihdr];
      return { png: build(list) };
    }
    case 2: {
      // IDAT replaced by a bomb
      const at = list.findIndex(([t]) => t === 'IDAT');
      list[at] = ['IDAT', bomb(1 << (16 + pick(10)))];
      return { png: build(list) };
    }
    case 3: {
      // depth / colour type / interlace forged
      const ihdr = Buffer.from(list[0][1]);
      ihdr[8 + pick(5)] = [0, 1, 2, 3, 4, 6, 8, 16, 255][pick(9)];
      list[0] = ['IHDR', ihdr];
      return { png: build(list) };
    }
    case 4: {
      // chunks dropped, duplicated or reordered
      const i = pick(list.length);
      const op = pick(3);
      if (op === 0) list.splice(i, 1);
      else if (op === 1) list.splice(i, 0, list[pick(list.length)]);
      else list.push(list.splice(i, 1)[0]);
      return { png: build(list) };
    }
    case 5: {
      // truncated
      return { png: s.png.subarray(0, pick(s.png.length)) };
    }
    default: {
      // raw byte mutations (CRCs mostly break)
      const b = Buffer.from(s.png);
      for (let k = 1 + pick(8); k > 0; k--) {
        const p = pick(b.length);
        b[p] = pick(2) ? pick(256) : b[p] ^ (1 << pick(8));
      }
      return { png: b };
    }
  }
}

const used = () => {
  const m = process.memoryUsage();
  return m.heapUsed + m.external;
};
const count = { tried: 0, accepted: 0, refused: 0, crashed: 0, hung: 0, overMemory: 0, dataLost: 0 };
let slowest = 0;
let most = 0;
const start = performance.now();
const seeds = Array.from({ length: 24 }, seedImage);
const reference = seeds.map((s) => importPng(s.png, { format: s.format, palette: s.palette }));

while (performance.now() - start < seconds * 1000) {
  const k = pick(seeds.length);
  const s = seeds[k];
  const v = variant(s);
  const opts = { format: s.format, palette: s.palette, allowResize: true };
  count.tried++;
  if (count.tried % 64 === 0) gc();
  const base = used();
  const t0 = performance.now();
  let result = null;
  try {
    result = importPng(v.png, opts);
    count.accepted++;
  } catch (err) {
    if (err instanceof PngImportError) count.refused++;
    else {
      count.crashed++;
      if (count.crashed <= 3) console.error(`crash (${err?.name}: ${err?.message}) on ${v.png.subarray(0, 64).toString('hex')}...`);
    }
  }
  const ms = performance.now() - t0;
  const mb = Math.max(0, used() - base) / 1e6;
  slowest = Math.max(slowest, ms);
  most = Math.max(most, mb);
  if (ms > 1000) count.hung++;
  if (mb > 50) count.overMemory++;
  if (v.same && (!result || Buffer.compare(Buffer.from(result.tiles), Buffer.from(reference[k].tiles)) !== 0)) count.dataLost++;
}
console.log(
  `fuzz-png: tried ${count.tried}, accepted ${count.accepted}, refused cleanly ${count.refused}, crashed ${count.crashed}, hung ${count.hung}, over memory ${count.overMemory}, data lost ${count.dataLost}; slowest ${slowest.toFixed(1)} ms, most memory ${most.toFixed(1)} MB (${seconds} s, seed ${arg('seed', 'time')})`,
);
process.exitCode = count.crashed + count.hung + count.overMemory + count.dataLost > 0 ? 1 : 0;
