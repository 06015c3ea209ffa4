/**
 * Bench group "lz4": the homebrew codecs (LZ4, LZSA1, LZSA2, ZX0, nesdoug RLE) on the reference data.
 *
 * - LZ4 decode MB/s per corpus frame (`lz4 -12` output; `decodeInto`, content checksum included)
 *   beside `lz4 -b12`'s own decompression figure for the same input in the same run (the CLI's
 *   benchmark decodes bare blocks in C, no frame or checksum), and the ratio;
 * - LZ4 encode: frame size against `lz4 -12` (target at most 1.00x) and `lz4 -9`, and ms per call;
 * - decode MB/s of the other codecs, on our own encoding of two corpus files;
 * - the probes on the 14 homebrew ROMs (lz4: the 9 real frames, exact, and nothing else; the others
 *   none) and on generated 16-bit numeric tables (none), with the scan time per offset.
 *
 * Without ../shared the corpus and ROM rows say they were skipped; without the lz4 command, the CLI
 * rows say so (the unit test script installs it).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { lz4Codec } from '../core/codec/lz4';
import { lzsa1Codec } from '../core/codec/lzsa1';
import { lzsa2Codec } from '../core/codec/lzsa2';
import { nesdougRleCodec } from '../core/codec/nesdoug-rle';
import { probeScan, strongHits } from '../core/codec/probe-scan';
import { numericTables } from '../core/codec/synthetic-tables';
import type { Codec } from '../core/codec/types';
import { zx0Codec } from '../core/codec/zx0';
import { halCorpus, mbPerSec, median, round, timeIt, type BenchContext, type BenchGroup, type BenchRow } from './harness';
import { hasLz4Cli, lz4CliBench } from './lz4-cli';

const camel = (name: string) => name.replace(/(^|[_-])([a-z0-9])/g, (_, __, c: string) => c.toUpperCase());
/** A codec id as the start of a camelCase key: lzsa1, nesdougRle. */
const keyOf = (id: string) => id.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());

export const HOMEBREW_CODECS: readonly Codec[] = [lz4Codec, lzsa1Codec, lzsa2Codec, zx0Codec, nesdougRleCodec];

export interface KnownFrame {
  rom: string;
  offset: number;
  /** The whole frame's length in bytes. */
  length: number;
  /** Decoded bytes. */
  size: number;
}

/** The real LZ4 frames in the libSFX ROMs, from the table in ../shared/fixtures/lz/README.md. */
export function knownLz4Frames(shared: string): KnownFrame[] {
  const readme = readFileSync(join(shared, 'fixtures', 'lz', 'README.md'), 'utf8');
  const rows = [...readme.matchAll(/^\|\s*(\S+\.sfc)\s*\|\s*(0x[0-9A-Fa-f]+)\s*\|\s*(\d+)\s*\|\s*(\d+)\s*\|/gm)];
  return rows.map((m) => ({ rom: m[1]!, offset: parseInt(m[2]!, 16), length: Number(m[3]), size: Number(m[4]) }));
}

function lz4Rows(ctx: BenchContext, dir: string, names: string[], lzDir: string): BenchRow[] {
  const rows: BenchRow[] = [];
  const out = new Uint8Array(lz4Codec.maxOutput);
  const cli = !ctx.quick && hasLz4Cli();
  const minMs = ctx.quick ? 10 : 200;
  const totals = { ours: 0, l12: 0, l9: 0 };
  for (const name of names) {
    const id = camel(name);
    const bin = new Uint8Array(readFileSync(join(dir, `${name}.bin`)));
    const l12 = new Uint8Array(readFileSync(join(lzDir, `${name}.lz4-12.lz4`)));
    const l9 = readFileSync(join(lzDir, `${name}.lz4-9.lz4`)).length;
    const dec = timeIt(() => lz4Codec.decodeInto(l12, 0, out), { minMs, minRuns: ctx.quick ? 3 : 20, warmup: ctx.quick ? 2 : 20 });
    const ours = mbPerSec(bin.length, dec.medianMs);
    rows.push({
      key: `lz4DecodeInto${id}MBps`,
      label: `lz4 decodeInto ${name} (lz4 -12 frame, checksum verified)`,
      value: round(ours, 0),
      unit: 'MB/s',
      note: `best call ${round(mbPerSec(bin.length, dec.minMs), 0)} MB/s`,
    });
    if (cli) {
      const b = lz4CliBench(join(dir, `${name}.bin`), 12, 1);
      if (b) {
        rows.push({
          key: `lz4Cli${id}DecompressMBps`,
          label: `lz4 -b12 ${name}: the CLI's own decompression figure, same run`,
          value: round(b.decompressMBps, 0),
          unit: 'MB/s',
        });
        rows.push({
          key: `lz4Decode${id}VsCli`,
          label: `lz4 decodeInto vs lz4 -b12 decompression, ${name}`,
          value: round(ours / b.decompressMBps, 2),
          unit: 'x',
          note: 'ours decodes the frame and hashes the content; the CLI benchmark decodes bare blocks in C',
        });
      }
    }
    let frame = lz4Codec.encode(bin);
    const enc = timeIt(() => (frame = lz4Codec.encode(bin)), { minMs: ctx.quick ? 1 : 200, minRuns: ctx.quick ? 1 : 3, warmup: ctx.quick ? 0 : 1 });
    totals.ours += frame.length;
    totals.l12 += l12.length;
    totals.l9 += l9;
    rows.push({
      key: `lz4Encode${id}VsLz4_12`,
      label: `lz4 encode ${name}: frame size against lz4 -12's`,
      value: round(frame.length / l12.length, 4),
      unit: 'x',
      target: '<= 1.00x',
      pass: frame.length <= l12.length,
      note: `${frame.length} vs ${l12.length} bytes (lz4 -9 --no-frame-crc: ${l9}); ${round(enc.medianMs, 1)} ms per call`,
    });
  }
  rows.push({
    key: 'lz4EncodeCorpusVsLz4_12',
    label: "lz4 encode, whole corpus: bytes against lz4 -12's",
    value: round(totals.ours / totals.l12, 4),
    unit: 'x',
    target: '<= 1.00x',
    pass: totals.ours <= totals.l12,
    note: `${totals.ours} vs ${totals.l12} bytes`,
  });
  rows.push({
    key: 'lz4EncodeCorpusVsLz4_9',
    label: "lz4 encode, whole corpus: bytes against lz4 -9's (-9 frames carry no content checksum, 4 bytes each)",
    value: round(totals.ours / totals.l9, 4),
    unit: 'x',
    note: `${totals.ours} vs ${totals.l9} bytes`,
  });
  if (!cli)
    rows.push({
      key: 'lz4CliMissing',
      label: "lz4 -b's own figures",
      value: 0,
      unit: 'files',
      note: ctx.quick ? 'not in a quick run' : 'not measured: the lz4 command is not installed',
    });
  return rows;
}

function otherDecodeRows(ctx: BenchContext, dir: string, names: string[]): BenchRow[] {
  const rows: BenchRow[] = [];
  const picks = names.filter((n) => n === 'sprite_64k' || n === 'kss_cave_vram_64k');
  for (const codec of HOMEBREW_CODECS.slice(1)) {
    const out = new Uint8Array(codec.maxOutput);
    for (const name of picks) {
      const bin = new Uint8Array(readFileSync(join(dir, `${name}.bin`)));
      const stream = codec.encode(bin);
      const t = timeIt(() => codec.decodeInto(stream, 0, out), { minMs: ctx.quick ? 10 : 200, minRuns: ctx.quick ? 3 : 20, warmup: ctx.quick ? 2 : 20 });
      rows.push({
        key: `${keyOf(codec.id)}Decode${camel(name)}MBps`,
        label: `${codec.id} decodeInto ${name} (our ${codec.levels[0]} encoding, ${stream.length} bytes)`,
        value: round(mbPerSec(bin.length, t.medianMs), 0),
        unit: 'MB/s',
      });
    }
  }
  return rows;
}

function probeRows(ctx: BenchContext, shared: string): BenchRow[] {
  const rows: BenchRow[] = [];
  const dir = join(shared, 'fixtures', 'homebrew');
  const files = ctx.quick
    ? ['libsfx-Hello.sfc']
    : readdirSync(dir)
        .filter((f) => f.endsWith('.sfc'))
        .sort();
  const roms = files.map((f) => ({ name: f, data: new Uint8Array(readFileSync(join(dir, f))) }));
  const offsets = roms.reduce((n, r) => n + r.data.length, 0);
  const known = new Set(knownLz4Frames(shared).map((k) => `${k.rom}@${k.offset}+${k.length}`));
  const tables = numericTables(ctx.quick ? 1 << 14 : 1 << 17);
  for (const codec of HOMEBREW_CODECS) {
    const id = keyOf(codec.id);
    const out = new Uint8Array(codec.maxOutput);
    const found: string[] = [];
    let candidates = 0;
    const times: number[] = [];
    for (let pass = 0; pass < (ctx.quick ? 1 : 3); pass++) {
      found.length = 0;
      candidates = 0;
      const t0 = performance.now();
      for (const rom of roms) {
        const scan = probeScan(codec, rom.data, { minSize: 512, out });
        candidates += scan.candidates;
        for (const h of strongHits(scan)) found.push(`${rom.name}@${h.offset}+${h.consumed}`);
      }
      times.push(performance.now() - t0);
    }
    const ns = (median(times) * 1e6) / offsets;
    const scope = `${roms.length} homebrew ROM${roms.length > 1 ? 's' : ''}, ${offsets} offsets`;
    if (codec === lz4Codec) {
      const wanted = [...known].filter((k) => roms.some((r) => k.startsWith(`${r.name}@`)));
      const exact = found.filter((f) => known.has(f)).length;
      const extra = found.length - exact;
      rows.push({
        key: 'lz4ProbeHomebrewFramesExact',
        label: `lz4 probe: real libSFX frames found at their exact offset and length (${scope}, 512+ bytes, strong)`,
        value: exact,
        unit: `of ${wanted.length}`,
        target: `${wanted.length} of ${wanted.length}, nothing else`,
        pass: exact === wanted.length && extra === 0,
        note: `${extra} other strong hits`,
      });
    } else {
      rows.push({
        key: `${id}ProbeHomebrewStrong`,
        label: `${codec.id} probe: strong hits on ${scope} (none hold ${codec.id})`,
        value: found.length,
        unit: 'hits',
        target: '0',
        pass: found.length === 0,
        note: found.slice(0, 3).join(', '),
      });
    }
    rows.push({
      key: `${id}ProbeHomebrewNsPerOffset`,
      label: `${codec.id} probe: candidate, strict decode and judge at every offset (${scope})`,
      value: round(ns, 0),
      unit: 'ns/offset',
      note: `${candidates} candidates (${round((100 * candidates) / offsets, 2)} %); ${round(median(times), 0)} ms`,
    });
    const tableHits = strongHits(probeScan(codec, tables, { minSize: 512, out })).length;
    rows.push({
      key: `${id}ProbeNumericTablesStrong`,
      label: `${codec.id} probe: strong hits in ${tables.length} bytes of generated 16-bit tables`,
      value: tableHits,
      unit: 'hits',
      target: '0',
      pass: tableHits === 0,
    });
  }
  return rows;
}

export const lz4Bench: BenchGroup = {
  name: 'lz4',
  description:
    'Homebrew codecs: LZ4 decode vs lz4 -b and encode size vs lz4 -12; LZSA1/LZSA2/ZX0/nesdoug RLE decode; probes on the homebrew ROMs and 16-bit tables',
  async run(ctx) {
    const corpus = halCorpus(ctx, 'lz4CorpusMissing');
    if ('missing' in corpus) return [corpus.missing];
    const { dir, names } = corpus;
    const lzDir = join(ctx.sharedDir!, 'fixtures', 'lz', 'corpus');
    const picked = ctx.quick ? names.filter((n) => n === 'sprite_8k' || n === 'sprite_64k') : names;
    return [...lz4Rows(ctx, dir, picked, lzDir), ...otherDecodeRows(ctx, dir, names), ...probeRows(ctx, ctx.sharedDir!)];
  },
};
