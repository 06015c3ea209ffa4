/**
 * Bench group "codecs": every codec of CODEC_BENCH_CASES on the corpus inputs
 * (shared/fixtures/hal/corpus/<name>.bin) and, where there is one, the reference encoder's streams
 * of them (shared/fixtures/lz/corpus/<name><ext>):
 * - decode MB/s of decodeInto on the reference stream (or on ours when there is none);
 * - encode: ms per call at the default level, and the size against the reference (ratio, target
 *   at most its `maxRatio`) or against another level of ours (GBA LZ77: optimal vs greedy);
 * - the probe (issue 23): candidate -> strict decode -> judge at every offset of the 14 homebrew
 *   ROMs (strong blocks of 512 bytes or more per ROM: all false, target 0), in generated 16-bit
 *   tables (target 0), and recall on streams hidden in those ROMs at their exact start and length,
 *   with the time per offset.
 * The list is generic: a codec joins with one entry (codec, reference files).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gbaLz77, lcLz2, lcLz3, type Codec } from '../core/codec';
import { probeEveryOffset } from '../core/codec/measure/probe-every-offset';
import { hiddenRecall, MIN_BLOCK, tableStrongHits } from '../core/codec/measure/probe-suite';
import { CORPUS_SHEETS } from '../core/scan/hidden-blocks';
import { halCorpus, mbPerSec, round, timeIt, type BenchContext, type BenchGroup, type BenchRow } from './harness';

export interface CodecBenchCase {
  codec: Codec;
  /** Reference streams `<name><ext>` in shared/fixtures/lz/corpus, who wrote them, and the largest acceptable size ratio. */
  reference?: { ext: string; by: string; maxRatio: number };
  /** Another level our default level is compared with (when there is no reference). */
  baselineLevel?: string;
}

export const CODEC_BENCH_CASES: CodecBenchCase[] = [
  { codec: lcLz2, reference: { ext: '.lc_lz2', by: 'sfc-comp zelda_comp_2 (optimal)', maxRatio: 1 } },
  { codec: lcLz3, reference: { ext: '.lc_lz3', by: 'sfc-comp pokemon_gold_comp (optimal)', maxRatio: 1 } },
  { codec: gbaLz77, baselineLevel: 'greedy' },
];

const camel = (name: string) => name.replace(/(^|[_-])([a-z0-9])/g, (_, __, c: string) => c.toUpperCase());

function readIf(path: string): Uint8Array | null {
  return existsSync(path) ? new Uint8Array(readFileSync(path)) : null;
}

/** Decode speed and encode size/time per corpus input, and the totals. */
function corpusRows(ctx: BenchContext, c: CodecBenchCase, binDir: string, lzDir: string, names: string[]): BenchRow[] {
  const { codec } = c;
  const id = camel(codec.id);
  const rows: BenchRow[] = [];
  const out = new Uint8Array(codec.maxOutput);
  const opts = { minMs: ctx.quick ? 10 : 200, minRuns: ctx.quick ? 1 : 5, warmup: ctx.quick ? 1 : 3 };
  let ours = 0;
  let theirs = 0;
  for (const name of names) {
    const bin = new Uint8Array(readFileSync(join(binDir, `${name}.bin`)));
    const ref = c.reference ? readIf(join(lzDir, `${name}${c.reference.ext}`)) : null;
    if (c.reference && !ref) continue; // no reference for this input (LC_LZ3: inputs up to 32 KiB)
    let stream = codec.encode(bin);
    const enc = timeIt(() => (stream = codec.encode(bin)), { ...opts, minRuns: ctx.quick ? 1 : 3 });
    const probe = ref ?? stream;
    const dec = timeIt(() => codec.decodeInto(probe, 0, out), opts);
    const st = codec.decodeInto(probe, 0, out, { strict: true });
    if (!st.ok || st.size !== bin.length) throw new Error(`${codec.id}: ${name} does not decode to its input`);
    const nameId = camel(name);
    rows.push({
      key: `${id}Decode${nameId}MBps`,
      label: `${codec.id} decodeInto ${name} (${bin.length} B) from ${ref ? c.reference!.by.split(' (')[0] : 'our'} stream`,
      value: round(mbPerSec(bin.length, dec.medianMs), 0),
      unit: 'MB/s',
      note: `best call ${round(mbPerSec(bin.length, dec.minMs), 0)} MB/s`,
    });
    const base = ref ? ref.length : c.baselineLevel ? codec.encode(bin, { level: c.baselineLevel }).length : stream.length;
    ours += stream.length;
    theirs += base;
    rows.push({
      key: `${id}Encode${nameId}Ms`,
      label: `${codec.id} encode ${name}, ${codec.defaultLevel ?? 'default'} level: ms per call`,
      value: round(enc.medianMs, 2),
      unit: 'ms',
      ...(bin.length >= 0x10000 ? { target: '< 1000 ms', pass: enc.medianMs < 1000 } : {}),
      note: `${stream.length} bytes`,
    });
    if (ref || c.baselineLevel) {
      const ratio = stream.length / base;
      rows.push({
        key: `${id}Encode${nameId}Vs${ref ? 'Reference' : camel(c.baselineLevel!)}`,
        label: `${codec.id} ${name}: our size / ${ref ? c.reference!.by : `our ${c.baselineLevel}`}`,
        value: round(ratio, 4),
        unit: 'x',
        ...(ref ? { target: `<= ${c.reference!.maxRatio.toFixed(2)}x`, pass: ratio <= c.reference!.maxRatio } : {}),
        note: `${stream.length} vs ${base} bytes`,
      });
    }
  }
  if (theirs > 0 && (c.reference || c.baselineLevel)) {
    const ratio = ours / theirs;
    rows.push({
      key: `${id}EncodeCorpusVs${c.reference ? 'Reference' : camel(c.baselineLevel!)}`,
      label: `${codec.id} whole corpus: our bytes / ${c.reference ? c.reference.by : `our ${c.baselineLevel}`}`,
      value: round(ratio, 4),
      unit: 'x',
      ...(c.reference ? { target: `<= ${c.reference.maxRatio.toFixed(2)}x`, pass: ratio <= c.reference.maxRatio } : {}),
      note: `${ours} vs ${theirs} bytes`,
    });
  }
  return rows;
}

/** The probe measures: homebrew ROMs (per ROM), tables, recall, time per offset. */
function probeRows(ctx: BenchContext, c: CodecBenchCase, shared: string, binDir: string, lzDir: string): BenchRow[] {
  const { codec } = c;
  const id = camel(codec.id);
  const rows: BenchRow[] = [];
  const homebrew = join(shared, 'fixtures', 'homebrew');
  const roms = existsSync(homebrew)
    ? readdirSync(homebrew)
        .filter((f) => f.endsWith('.sfc'))
        .sort()
        .slice(0, ctx.quick ? 1 : undefined)
    : [];
  let strong = 0;
  let offsets = 0;
  let ms = 0;
  for (const rom of roms) {
    const data = new Uint8Array(readFileSync(join(homebrew, rom)));
    const t0 = performance.now();
    const { tally } = probeEveryOffset(codec, data, MIN_BLOCK);
    ms += performance.now() - t0;
    offsets += tally.offsets;
    strong += tally.strong;
    rows.push({
      key: `${id}ProbeStrong${camel(rom.replace(/\.sfc$/, '').toLowerCase())}`,
      label: `${codec.id} probe, ${rom}: strong blocks of ${MIN_BLOCK} B or more (all false)`,
      value: tally.strong,
      unit: 'blocks',
      target: '0',
      pass: tally.strong === 0,
      note: `${tally.candidates} candidates, ${tally.decoded} decoded, ${tally.judged} judged (>= ${MIN_BLOCK} B)`,
    });
  }
  if (roms.length) {
    rows.push({
      key: `${id}ProbeHomebrewStrong`,
      label: `${codec.id} probe, ${roms.length} homebrew ROMs: strong blocks (all false)`,
      value: strong,
      unit: 'blocks',
      target: '0',
      pass: strong === 0,
    });
    rows.push({
      key: `${id}ProbeNsPerOffset`,
      label: `${codec.id} probe: candidate, decode and judge at every offset of those ROMs`,
      value: round((ms * 1e6) / offsets, 1),
      unit: 'ns/offset',
      note: `${round(ms, 0)} ms for ${offsets} offsets`,
    });
  }
  const tables = tableStrongHits(codec, ctx.quick ? [1] : [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  rows.push({
    key: `${id}ProbeTablesStrong`,
    label: `${codec.id} probe, generated 16-bit tables: strong blocks`,
    value: tables.strong,
    unit: 'blocks',
    target: '0',
    pass: tables.strong === 0,
    note: `${tables.judged} judged in ${tables.bytes} bytes`,
  });
  if (roms.length) {
    const ext = c.reference?.ext;
    const refs = ext
      ? readdirSync(lzDir)
          .filter((f) => f.endsWith(ext))
          .sort()
          .map((f) => new Uint8Array(readFileSync(join(lzDir, f))))
      : [];
    const sheets = CORPUS_SHEETS.map((n) => new Uint8Array(readFileSync(join(binDir, `${n}.bin`))));
    let hidden = 0;
    let found = 0;
    let stray = 0;
    let alternates = 0;
    roms.forEach((rom, k) => {
      const host = new Uint8Array(readFileSync(join(homebrew, rom)));
      const s = hiddenRecall(
        codec,
        host,
        sheets,
        refs.filter((_, j) => j % 3 === k % 3),
        ctx.quick ? 4 : 24,
        100 + k,
      );
      hidden += s.hidden;
      found += s.found;
      stray += s.stray;
      alternates += s.alternates;
    });
    rows.push({
      key: `${id}ProbeRecallPct`,
      label: `${codec.id} probe: hidden streams found strong at their exact start and length`,
      value: round((100 * found) / Math.max(1, hidden), 1),
      unit: '%',
      note: `${found} of ${hidden}${ext ? ` (the ${c.reference!.by} streams and` : ' (our'} encoder's slices of 512 B to 8 KiB); ${stray} other strong hits; ${alternates} at another start ending with a hidden stream (for the scanner to settle)`,
    });
  }
  return rows;
}

export async function runCodecCases(ctx: BenchContext, cases: readonly CodecBenchCase[]): Promise<BenchRow[]> {
  const corpus = halCorpus(ctx, 'codecsCorpusMissing');
  const rows: BenchRow[] = [];
  if ('missing' in corpus) {
    rows.push(corpus.missing);
    for (const c of cases) if (c.codec.probe) rows.push(...probeTablesOnly(ctx, c));
    return rows;
  }
  const lzDir = join(ctx.sharedDir!, 'fixtures', 'lz', 'corpus');
  const names = ctx.quick ? corpus.names.filter((n) => n.endsWith('8k') || n === 'sprite_64k') : corpus.names;
  for (const c of cases) {
    rows.push(...corpusRows(ctx, c, corpus.dir, lzDir, names));
    if (c.codec.probe) rows.push(...probeRows(ctx, c, ctx.sharedDir!, corpus.dir, lzDir));
  }
  return rows;
}

/** Without ../shared only the generated tables can be measured. */
function probeTablesOnly(ctx: BenchContext, c: CodecBenchCase): BenchRow[] {
  const t = tableStrongHits(c.codec, ctx.quick ? [1] : [1, 2, 3, 4, 5, 6]);
  return [
    {
      key: `${camel(c.codec.id)}ProbeTablesStrong`,
      label: `${c.codec.id} probe, generated 16-bit tables: strong blocks`,
      value: t.strong,
      unit: 'blocks',
      target: '0',
      pass: t.strong === 0,
    },
  ];
}

export const codecsBench: BenchGroup = {
  name: 'codecs',
  description:
    'Every codec: decode MB/s, encode ms and size against its reference (sfc-comp: 1.00x), and its probe (homebrew ROMs, 16-bit tables, hidden streams)',
  run: (ctx) => runCodecCases(ctx, CODEC_BENCH_CASES),
};
