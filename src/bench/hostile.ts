/**
 * Bench group "hostile": what refusing hostile input costs (issue 18). PNG decompression bombs
 * (a 1-bit 40000x40000 header, an iCCP chunk inflating to 1 GiB, a 16384x16384 8-bit image, IDAT
 * data inflating to 1 GiB behind 2048x2048 headers, the largest accepted) must each be refused in < 100 ms with
 * < 50 MB of extra memory; a FIFO and /dev/zero as input must be refused at once.
 *
 * Memory is what the refusal allocated: heap + external (Buffers included) right after it, against a
 * collected baseline (nothing is freed in between), and the growth of peak RSS.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createDeflate, deflateSync } from 'node:zlib';
import { PngImportError } from '../core/gfx/errors';
import { pngChunk } from '../core/gfx/png-chunks';
import { importPng } from '../core/gfx/png-import';
import { FileReadError, readBoundedSync } from '../core/io/bounded-read';
import { round, type BenchGroup, type BenchRow } from './harness';

const chunk = (type: string, data: Uint8Array): Buffer => Buffer.from(pngChunk(type, data));

function ihdr(width: number, height: number, depth: number, colorType: number): Buffer {
  const d = Buffer.alloc(13);
  d.writeUInt32BE(width, 0);
  d.writeUInt32BE(height, 4);
  d.set([depth, colorType, 0, 0, 0], 8);
  return chunk('IHDR', d);
}

const SIG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const png = (...chunks: Buffer[]) => Buffer.concat([SIG, ...chunks, chunk('IEND', new Uint8Array())]);

/** A zlib stream of `total` zero bytes, built in 1 MiB steps (never holding the whole). */
async function deflateZeros(total: number): Promise<Buffer> {
  const d = createDeflate({ level: 9 });
  const out: Buffer[] = [];
  d.on('data', (c: Buffer) => out.push(c));
  const zeros = Buffer.alloc(1 << 20);
  for (let done = 0; done < total; done += zeros.length) {
    if (!d.write(zeros)) await new Promise((r) => d.once('drain', r));
  }
  await new Promise<void>((resolve, reject) => {
    d.once('end', resolve);
    d.once('error', reject);
    d.end();
  });
  return Buffer.concat(out);
}

let gcFn: (() => void) | null | undefined;
function collect(): void {
  if (gcFn === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      gcFn = runInNewContext('gc') as () => void;
    } catch {
      gcFn = null;
    }
  }
  gcFn?.();
}

/** Heap plus memory outside it (`external` includes ArrayBuffers and Buffers). */
const used = () => {
  const m = process.memoryUsage();
  return m.heapUsed + m.external;
};

/** Time and memory of one refusal; `expect` says whether the error is the clean one. */
function measure(fn: () => void, expect: (e: unknown) => boolean): { ms: number; mb: number; rssMb: number; clean: boolean } {
  collect();
  const base = used();
  const rss0 = process.resourceUsage().maxRSS;
  const t0 = performance.now();
  let clean = false;
  try {
    fn();
  } catch (e) {
    clean = expect(e);
  }
  const ms = performance.now() - t0;
  const mb = Math.max(0, used() - base) / 1e6;
  const rssMb = Math.max(0, process.resourceUsage().maxRSS - rss0) / 1e3;
  return { ms, mb, rssMb, clean };
}

export const hostileBench: BenchGroup = {
  name: 'hostile',
  description: 'Refusing hostile input: PNG bombs (target < 100 ms, < 50 MB extra each), FIFO and /dev/zero refused at once',
  async run(ctx) {
    const rows: BenchRow[] = [];
    const gib = ctx.quick ? 64 << 20 : 1 << 30;
    ctx.log(`building the bombs (iCCP and IDAT streams of ${gib >> 20} MiB of zeros)`);
    const zeros = await deflateZeros(gib);
    const tiny = deflateSync(Buffer.alloc(64));
    const indexed = (w: number, h: number) => ihdr(w, h, 8, 3);
    const plte = chunk('PLTE', new Uint8Array(48));
    const bombs: [string, string, Buffer][] = [
      ['png40000', '1-bit PNG declaring 40000x40000', png(ihdr(40000, 40000, 1, 0), chunk('IDAT', tiny))],
      [
        'pngIccp',
        `8x8 PNG with an iCCP chunk inflating to ${gib >> 20} MiB`,
        png(indexed(8, 8), chunk('iCCP', Buffer.concat([Buffer.from('icc\0\0', 'latin1'), zeros])), plte, chunk('IDAT', deflateSync(Buffer.alloc(72)))),
      ],
      ['png16384', '16384x16384 8-bit PNG', png(indexed(16384, 16384), plte, chunk('IDAT', tiny))],
      ['pngIdatBomb', `2048x2048 8-bit PNG whose IDAT inflates to ${gib >> 20} MiB`, png(indexed(2048, 2048), plte, chunk('IDAT', zeros))],
      // The largest image data accepted (2048x2048 16-bit RGBA, 32 MiB): the worst case for a bomb.
      ['pngIdatBombMax', `2048x2048 16-bit RGBA PNG whose IDAT inflates to ${gib >> 20} MiB`, png(ihdr(2048, 2048, 16, 6), chunk('IDAT', zeros))],
    ];
    const refused = (e: unknown) => e instanceof PngImportError;
    for (const [key, label, bytes] of bombs) {
      // The iCCP case holds a valid image: it is accepted (the chunk dropped unread), so time the import itself.
      const accepted = key === 'pngIccp';
      const m = measure(() => {
        importPng(bytes, { format: 4 });
        if (accepted) throw new PngImportError('accepted');
      }, refused);
      const note = `${bytes.length} bytes; ${accepted ? 'imported, chunk skipped' : m.clean ? 'refused cleanly' : 'NOT refused cleanly'}; peak RSS +${round(m.rssMb, 1)} MB`;
      rows.push({
        key: `${key}Ms`,
        label: `${label}: time to ${accepted ? 'import' : 'refuse'}`,
        value: round(m.ms, 2),
        unit: 'ms',
        target: '< 100 ms',
        pass: m.ms < 100 && m.clean,
        note,
      });
      rows.push({
        key: `${key}MB`,
        label: `${label}: memory allocated`,
        value: round(m.mb, 1),
        unit: 'MB',
        target: '< 50 MB',
        pass: m.mb < 50 && m.rssMb < 50,
      });
    }

    const dir = mkdtempSync(join(tmpdir(), 'spritepal-bench-hostile-'));
    try {
      const fifo = join(dir, 'pipe.sfc');
      const inputs: [string, string][] = [];
      if (spawnSync('mkfifo', [fifo]).status === 0) inputs.push(['fifo', fifo]);
      if (existsSync('/dev/zero')) inputs.push(['devZero', '/dev/zero']);
      for (const [key, path] of inputs) {
        const m = measure(
          () => readBoundedSync(path, { what: 'ROM', maxBytes: 64 << 20 }),
          (e) => e instanceof FileReadError && e.reason === 'not-a-file',
        );
        rows.push({
          key: `${key}RefuseMs`,
          label: `read ${path === fifo ? 'a FIFO' : '/dev/zero'} as a ROM: time to refuse`,
          value: round(m.ms, 3),
          unit: 'ms',
          target: '< 100 ms',
          pass: m.ms < 100 && m.clean,
        });
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    return rows;
  },
};
