/**
 * Bench group "scan": the ROM scanner on generated ROMs of 1, 2 and 4 MiB (HAL blocks hidden among
 * code-like bytes, tables, random data and padding): time on 2 workers, recall (real blocks found
 * at their true start with their exact size) and precision (reported hits that are real); the
 * speed-up of 2 workers over 1 (pools made once and warmed up, runs alternated, the median of the
 * per-round ratios; also on a larger workload, less sensitive to noise); and cold vs warm: the
 * first open of a ROM scans, a reopen (fresh services, same cache folder) is served from cache.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildDemoRom, demoRomLayout } from '../core/demo/demo-rom';
import { encode } from '../core/hal';
import { offsetToSnes, Rom } from '../core/rom';
import { hiddenStreams, hideBlocks, makeScanTestRom, reportedHits, scanRom, scoreHidden, type HiddenScore, type ScanHit, type ScanTestRom } from '../core/scan';
import { CORPUS_SHEETS, plantRawSlices, scoreRawPlants, VRAM_TILE_AREAS, type RawPlantScore } from '../core/scan/hidden-blocks';
import { applyPointerTables } from '../core/scan/pointer-tables';
import { sparseSheetStreams } from '../core/scan/sparse-samples';
import { RomSession } from '../core/session/rom-session';
import { createServices } from '../core/session/services';
import { WorkerPool } from '../core/workers';
import { round, median, type BenchContext, type BenchGroup, type BenchRow } from './harness';
import { classifyRawHit, graphicsRanges, HOMEBREW_RAW_LABELS } from './homebrew-raw-labels';

/** dist/worker.js beside the CLI bundle, or the compiled worker entry in a test build. */
function workerScript(): string {
  const candidates = [join(__dirname, 'worker.js'), join(__dirname, '..', 'core', 'workers', 'worker-main.js')];
  return candidates.find((p) => existsSync(p)) ?? candidates[0]!;
}

function accuracy(rom: ScanTestRom, all: ScanHit[]): { recall: number; precision: number } {
  const hits = reportedHits(all);
  const real = new Map(rom.blocks.map((b) => [b.romOffset, b.consumed]));
  const correct = hits.filter((h) => real.get(h.romOffset) === h.consumed).length;
  return { recall: rom.blocks.length ? correct / rom.blocks.length : 1, precision: hits.length ? correct / hits.length : 1 };
}

async function timeScan(rom: Uint8Array, pool: WorkerPool): Promise<{ ms: number; hits: ScanHit[] }> {
  const t0 = performance.now();
  const state = await scanRom(rom, { pool });
  return { ms: performance.now() - t0, hits: state.hits };
}

/** Median of per-round 1-worker / 2-worker time ratios over `rounds` alternated rounds on `roms`. */
async function speedup(roms: Uint8Array[], pool1: WorkerPool, pool2: WorkerPool, rounds: number): Promise<{ one: number; two: number; ratio: number }> {
  const all = async (pool: WorkerPool) => {
    let ms = 0;
    for (const r of roms) ms += (await timeScan(r, pool)).ms;
    return ms;
  };
  await all(pool1); // warm-up: both pools started, code compiled
  await all(pool2);
  const one: number[] = [];
  const two: number[] = [];
  const ratios: number[] = [];
  for (let i = 0; i < rounds; i++) {
    // Alternate which runs first, so a drift in machine load hits both alike.
    const a = i % 2 ? await all(pool2) : await all(pool1);
    const b = i % 2 ? await all(pool1) : await all(pool2);
    const [t1, t2] = i % 2 ? [b, a] : [a, b];
    one.push(t1);
    two.push(t2);
    ratios.push(t1 / t2);
  }
  return { one: median(one), two: median(two), ratio: median(ratios) };
}

async function speedupRows(ctx: BenchContext, pool1: WorkerPool, pool2: WorkerPool): Promise<BenchRow[]> {
  const mib = ctx.quick ? 1 : 4;
  const rounds = ctx.quick ? 1 : 7;
  const rom = makeScanTestRom({ size: mib << 20, blocks: 24 * mib, seed: 200 }).data;
  const small = await speedup([rom], pool1, pool2, rounds);
  const rows: BenchRow[] = [
    { key: 'scan1WorkerMs', label: `scan ${mib} MiB ROM, 1 worker (median of ${rounds})`, value: round(small.one, 0), unit: 'ms' },
    { key: 'scan2WorkersMs', label: `scan ${mib} MiB ROM, 2 workers (median of ${rounds})`, value: round(small.two, 0), unit: 'ms' },
    {
      key: 'scanSpeedup2v1',
      label: `2 workers vs 1, ${mib} MiB (median ratio, alternated)`,
      value: round(small.ratio, 2),
      unit: 'x',
      target: '>= 1.7x',
      pass: small.ratio >= 1.7,
    },
  ];
  if (!ctx.quick) {
    // A larger workload (four 4 MiB ROMs per round) is less sensitive to scheduling noise.
    const roms = [rom, ...[201, 202, 203].map((seed) => makeScanTestRom({ size: 4 << 20, blocks: 96, seed }).data)];
    const big = await speedup(roms, pool1, pool2, 3);
    rows.push({
      key: 'scanBigSpeedup2v1',
      label: '2 workers vs 1, 4 x 4 MiB (median ratio, alternated)',
      value: round(big.ratio, 2),
      unit: 'x',
      target: '>= 1.7x',
      pass: big.ratio >= 1.7,
      note: `${round(big.one, 0)} ms vs ${round(big.two, 0)} ms`,
    });
  }
  return rows;
}

/**
 * The demo ROM's 44 sheets: found at their exact start and size by the tile scan alone and with
 * the pointer-table pass (the scan the editor and CLI run), with their own bit depth, and what
 * else that scan reports; and what the pointer-table pass costs on a 4 MiB
 * ROM read as HiROM (every offset's 24-bit value translated and looked up).
 */
async function demoRows(ctx: BenchContext, pool: WorkerPool): Promise<BenchRow[]> {
  const layout = demoRomLayout();
  const demo = buildDemoRom();
  const found = (hits: ScanHit[]) =>
    layout.sprites.map((sp) => ({ sp, hit: hits.find((h) => h.romOffset === sp.romOffset && h.consumed === sp.consumed) })).filter((f) => f.hit);
  const tileOnly = found((await scanRom(demo, { pool })).hits).length;
  const fullHits = (await scanRom(demo, { pool, mapping: 'lorom' })).hits;
  const full = found(fullHits).length;
  const rightDepth = found(fullHits).filter((f) => f.hit!.bpp === f.sp.bpp).length;
  const others = reportedHits(fullHits).filter((h) => !layout.sprites.some((sp) => sp.romOffset === h.romOffset)).length;
  const bigRom = makeScanTestRom({ size: 4 << 20, blocks: 96, seed: 104 });
  const big = bigRom.data;
  const { hits } = await scanRom(big, { pool });
  const runs: number[] = [];
  for (let i = 0; i < (ctx.quick ? 1 : 5); i++) {
    const t0 = performance.now();
    applyPointerTables(big, 'hirom', hits, { minTiles: 16 });
    runs.push(performance.now() - t0);
  }
  // A split table (16-bit addresses, then bank bytes after a gap) naming every block of the
  // 4 MiB ROM read as LoROM: blocks it names, and the pass's time with it.
  const split = big.slice();
  const named = bigRom.blocks.filter((b) => offsetToSnes('lorom', b.romOffset) !== null);
  const addrAt = bigRom.blocks[0]!.romOffset - 4 * named.length - 0x40;
  named.forEach((b, k) => {
    const snes = offsetToSnes('lorom', b.romOffset)!;
    split.set([snes & 0xff, (snes >>> 8) & 0xff], addrAt + 2 * k);
    split[addrAt + 2 * named.length + 0x20 + k] = snes >>> 16;
  });
  const t1 = performance.now();
  const splitHits = applyPointerTables(split, 'lorom', hits, { minTiles: 16 });
  const splitMs = performance.now() - t1;
  const bySplit = named.filter((b) => splitHits.find((h) => h.romOffset === b.romOffset)?.pointer === addrAt + 2 * named.indexOf(b)).length;
  const n = layout.sprites.length;
  return [
    { key: 'scanDemoTileOnly', label: `demo ROM sheets at exact start, tile scan alone (of ${n})`, value: tileOnly, unit: 'sheets' },
    {
      key: 'scanDemoFound',
      label: `demo ROM sheets at exact start, with pointer tables (of ${n})`,
      value: full,
      unit: 'sheets',
      target: `all ${n}`,
      pass: full === n,
    },
    { key: 'scanDemoDepth', label: `demo ROM sheets found with their own bit depth (of ${n})`, value: rightDepth, unit: 'sheets' },
    {
      key: 'scanDemoOthers',
      label: 'demo ROM blocks reported that are not sheets (default confidence)',
      value: others,
      unit: 'blocks',
      target: '0',
      pass: others === 0,
    },
    { key: 'scanPointerPassMs', label: 'pointer-table pass, 4 MiB ROM read as HiROM (median)', value: round(median(runs), 1), unit: 'ms' },
    {
      key: 'scanSplitTable',
      label: `split table (addresses, gap, bank bytes) naming the 4 MiB ROM's blocks: named at their slot (of ${named.length})`,
      value: bySplit,
      unit: 'blocks',
      target: `all ${named.length}`,
      pass: bySplit === named.length,
      note: `pass ${round(splitMs, 0)} ms`,
    },
  ];
}

/** Cold (first open scans) vs warm (a reopen with fresh services and the same cache folder). */
async function cacheRows(ctx: BenchContext, script: string): Promise<BenchRow[]> {
  const mib = ctx.quick ? 1 : 4;
  const rom = makeScanTestRom({ size: mib << 20, blocks: 24 * mib, seed: 300 }).data;
  const cacheDir = mkdtempSync(join(tmpdir(), 'spritepal-bench-scan-'));
  try {
    const open = async () => {
      const services = createServices({ cacheDir, workerScript: script, jobs: 2 });
      const session = RomSession.open(rom, 'bench.sfc', services);
      try {
        const t0 = performance.now();
        const st = await session.scan();
        const ms = performance.now() - t0;
        // The registry's all-levels figure: every level's hits over the first level's lookups
        // (the disk level only sees the memory level's misses).
        const snap = services.metrics.snapshot();
        return { ms, cached: st.cached, hitRate: snap.cacheTotals.hitRate ?? 0, diskHitRate: snap.caches.disk?.hitRate ?? null };
      } finally {
        await session.dispose();
        await services.dispose();
      }
    };
    const cold = await open();
    const warm = await open();
    return [
      { key: 'scanColdMs', label: `scan ${mib} MiB ROM, cold (first open, 2 workers)`, value: round(cold.ms, 0), unit: 'ms', note: `cached: ${cold.cached}` },
      {
        key: 'scanWarmMs',
        label: `scan ${mib} MiB ROM, warm (reopen, same cache folder)`,
        value: round(warm.ms, 1),
        unit: 'ms',
        note: `cached: ${warm.cached}`,
      },
      {
        key: 'scanWarmHitRate',
        label: 'reopen cache hit rate (all levels, as the status bar shows it)',
        value: round(100 * warm.hitRate, 1),
        unit: '%',
        target: '> 0 %, served from cache',
        pass: warm.cached && warm.hitRate > 0,
        note: `disk hit rate ${warm.diskHitRate === null ? '-' : round(100 * warm.diskHitRate, 1) + ' %'}`,
      },
    ];
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
}

/** Seed of the hidden-block evaluation (the rules were tuned on seed 0; the unit test uses 9000). */
const BENCH_HIDDEN_SEED = 7000;

/** Seed of the real tiles planted in the homebrew ROMs for the raw rows (the rules were measured on 0, the tests plant 9000). */
const BENCH_RAW_SEED = 7000;

/**
 * Uncompressed tiles (--include-raw) on the homebrew ROMs, judged against our labels of their
 * regions (src/bench/homebrew-raw-labels.ts): raw hits at the default confidence that are
 * real or not, and the labelled sheets found; then real tiles planted in them (1-8 KiB slices of
 * the Kirby Super Star VRAM dumps' tile areas, in filler and over code and data): found, found at
 * their start (within a tile), and raw hits that are real.
 */
async function rawRows(ctx: BenchContext, dir: string, names: string[], pool: WorkerPool): Promise<BenchRow[]> {
  let real = 0;
  let notReal = 0;
  let unlabelled = 0;
  let weak = 0;
  let sheetsFound = 0;
  const sheets = HOMEBREW_RAW_LABELS.filter((l) => l.kind === 'planar');
  const rawOf = async (data: Uint8Array) => (await scanRom(data, { pool, includeRaw: true })).hits.filter((h) => h.kind === 'raw');
  for (const name of names) {
    const hits = await rawOf(new Uint8Array(readFileSync(join(dir, name))));
    const shown = reportedHits(hits);
    weak += hits.length - shown.length;
    for (const h of shown) {
      const judged = classifyRawHit(name, h);
      if (judged === 'real') real++;
      else if (judged === 'not') notReal++;
      else unlabelled++;
    }
    sheetsFound += sheets.filter((l) => l.rom === name && shown.some((h) => h.romOffset < l.end && l.start < h.romOffset + h.consumed)).length;
  }
  const rows: BenchRow[] = [
    {
      key: 'scanHomebrewRawFalse',
      label: `homebrew ROMs with --include-raw: raw hits at the default confidence that are not graphics by our labels`,
      value: notReal,
      unit: 'regions',
      target: '0',
      pass: notReal === 0 && unlabelled === 0,
      note: `${real} on labelled graphics, ${unlabelled} unlabelled, ${weak} weak (shown on request); before raw evidence all 27 were shown: 12 on graphics, 14 tables, maps, headers, 1 unclear`,
    },
    {
      key: 'scanHomebrewRawSheets',
      label: `homebrew ROMs: regions labelled planar graphics that a raw hit finds (${sheetsFound} of ${sheets.length})`,
      value: sheetsFound,
      unit: 'regions',
      target: `${sheets.length}`,
      pass: sheetsFound === sheets.length,
    },
  ];
  const vram = ctx.sharedDir ? join(ctx.sharedDir, 'fixtures', 'kss-mesen') : '';
  if (!existsSync(vram))
    return [
      ...rows,
      { key: 'scanRawPlantedMissing', label: 'real tiles planted', value: 0, unit: 'files', note: 'skipped: shared/fixtures/kss-mesen not found' },
    ];
  const sources = VRAM_TILE_AREAS.flatMap((a) => {
    const d = new Uint8Array(readFileSync(join(vram, a.file)));
    return a.ranges.map(([s, e]) => d.subarray(s, e));
  });
  const total: RawPlantScore = { planted: 0, found: 0, atStart: 0, reported: 0, real: 0 };
  for (const [host, name] of names.entries()) {
    const { data, blocks } = plantRawSlices(new Uint8Array(readFileSync(join(dir, name))), sources, 12, BENCH_RAW_SEED + host * 13 + 5);
    const s = scoreRawPlants(data, blocks, reportedHits(await rawOf(data)), graphicsRanges(name));
    for (const k of Object.keys(total) as (keyof RawPlantScore)[]) total[k] += s[k];
  }
  const found = total.found / Math.max(1, total.planted);
  const precision = total.real / Math.max(1, total.reported);
  const atStart = `${round((100 * total.atStart) / Math.max(1, total.planted), 1)} % at their start (within a tile)`;
  const share = (key: string, label: string, ratio: number, min: number, note?: string): BenchRow => ({
    key,
    label,
    value: round(100 * ratio, 1),
    unit: '%',
    target: `>= ${100 * min} %`,
    pass: ratio >= min,
    ...(note ? { note } : {}),
  });
  rows.push(
    share(
      'scanRawPlantedRecall',
      `real tiles (KSS VRAM, 1-8 KiB) planted in them, found by a raw hit (${total.found} of ${total.planted})`,
      found,
      0.9,
      atStart,
    ),
    share('scanRawPlantedPrecision', `planted tiles: raw hits that are real (${total.real} of ${total.reported})`, precision, 0.98),
  );
  return rows;
}

/**
 * Real ROMs (shared/fixtures/homebrew: no HAL data, so every block reported is false): blocks
 * reported at the default confidence and weak ones; then the same ROMs with the HAL corpus's
 * reference-encoder streams hidden in them (filler back to back, with gaps, over code and data):
 * recall at the exact start and size and precision; and the time of the 14 scans on 2 workers.
 */
async function realRomRows(ctx: BenchContext, pool: WorkerPool): Promise<BenchRow[]> {
  const dir = ctx.sharedDir ? join(ctx.sharedDir, 'fixtures', 'homebrew') : null;
  const corpus = ctx.sharedDir ? join(ctx.sharedDir, 'fixtures', 'hal', 'corpus') : null;
  if (!dir || !corpus || !existsSync(dir) || !existsSync(corpus)) {
    return [
      {
        key: 'scanHomebrewMissing',
        label: 'homebrew ROMs',
        value: 0,
        unit: 'files',
        note: 'skipped: shared/fixtures/homebrew or hal/corpus not found (pass --shared <dir>)',
      },
    ];
  }
  const names = readdirSync(dir)
    .filter((f) => f.endsWith('.sfc'))
    .sort();
  let reported = 0;
  let weak = 0;
  let ms = 0;
  let bytes = 0;
  for (const name of names) {
    const rom = new Rom(new Uint8Array(readFileSync(join(dir, name))), name);
    const t0 = performance.now();
    const st = await scanRom(rom.data, { pool, mapping: rom.mapping });
    ms += performance.now() - t0;
    bytes += rom.data.length;
    reported += reportedHits(st.hits).length;
    weak += st.hits.length - reportedHits(st.hits).length;
  }
  const read = (n: string) => new Uint8Array(readFileSync(join(corpus, n)));
  /** The streams `streamsOf(host)` hidden in each homebrew ROM, scored at the default confidence. */
  const hidden = async (streamsOf: (host: number) => Uint8Array[]): Promise<HiddenScore> => {
    const sum: HiddenScore = { hidden: 0, found: 0, reported: 0 };
    for (const [host, name] of names.entries()) {
      const { data, blocks } = hideBlocks(new Uint8Array(readFileSync(join(dir, name))), streamsOf(host), host + 100 + BENCH_HIDDEN_SEED);
      const s = scoreHidden(blocks, reportedHits((await scanRom(data, { pool })).hits));
      sum.hidden += s.hidden;
      sum.found += s.found;
      sum.reported += s.reported;
    }
    return sum;
  };
  const total = await hidden((host) => hiddenStreams(read, host, BENCH_HIDDEN_SEED, 24, (s, level) => encode(s, { level })));
  // Small sparse sheets (issue 12 item 3): 16 tiles, half of them blank, often under 12 commands.
  const bins = CORPUS_SHEETS.map((n) => read(`${n}.bin`));
  const sparse = await hidden((host) =>
    sparseSheetStreams(bins, 24, host * 7 + 1 + BENCH_HIDDEN_SEED, (s, k) => encode(s, { level: k % 2 ? 'greedy' : 'fast' })),
  );
  const sparseRecall = sparse.found / sparse.hidden;
  const recall = total.found / total.hidden;
  const precision = total.found / Math.max(1, total.reported);
  // Uncompressed tiles (--include-raw), judged against our labels of the homebrew ROMs' regions
  // (src/bench/homebrew-raw-labels.ts), and with real tiles (Kirby Super Star VRAM) planted in them.
  const raw = await rawRows(ctx, dir, names, pool);
  let rawFalse = 0;
  let rawReal = 0;
  for (const seed of [11, 12, 13]) {
    const gen = makeScanTestRom({ size: 1 << 20, blocks: 24, seed, rawRegions: 16 });
    for (const h of reportedHits((await scanRom(gen.data, { pool, includeRaw: true })).hits)) {
      if (h.kind !== 'raw') continue;
      if (gen.raw.some((r) => h.romOffset < r.romOffset + r.size && r.romOffset < h.romOffset + h.consumed)) rawReal++;
      else rawFalse++;
    }
  }
  return [
    {
      key: 'scanHomebrewFalse',
      label: `homebrew ROMs (${names.length}, no HAL data): blocks reported at the default confidence`,
      value: reported,
      unit: 'blocks',
      target: '0',
      pass: reported === 0,
      note: `${weak} weak (shown on request); before confidences: 47`,
    },
    { key: 'scanHomebrewMs', label: `scan the ${names.length} homebrew ROMs (${round(bytes / 1048576, 2)} MiB), 2 workers`, value: round(ms, 0), unit: 'ms' },
    {
      key: 'scanHiddenRecall',
      label: `reference streams hidden in them, found at exact start and size (${total.found} of ${total.hidden})`,
      value: round(100 * recall, 1),
      unit: '%',
      target: '>= 98 %',
      pass: recall >= 0.98,
      note: 'before evident streams and the prefix rule: 95.8 %',
    },
    {
      key: 'scanHiddenPrecision',
      label: `hidden blocks: reported blocks that are real (${total.found} of ${total.reported})`,
      value: round(100 * precision, 1),
      unit: '%',
      target: '>= 95 %',
      pass: precision >= 0.95,
    },
    {
      key: 'scanHiddenSparse',
      label: `half-blank 16-tile sheets hidden in them, found at default confidence, exact start and size (${sparse.found} of ${sparse.hidden})`,
      value: round(100 * sparseRecall, 1),
      unit: '%',
      target: '>= 93 %',
      pass: sparseRecall >= 0.93,
      note: `${sparse.found} of ${sparse.reported} reported are real; before sparse-sheet evidence and block boundaries: 91.3 %`,
    },
    ...raw,
    {
      key: 'scanRawFalse',
      label: 'generated ROMs (3 x 1 MiB): raw hits in code, tables, random data',
      value: rawFalse,
      unit: 'regions',
      target: '0',
      pass: rawFalse === 0,
      note: `${rawReal} raw hits on planted tile regions`,
    },
  ];
}

/**
 * The scanner's worst case (issue 18): 0x3F bytes with a terminator every 4 KiB, so every offset
 * starts a valid stream of up to 64 KiB. The work budget keeps it near a normal ROM's time.
 */
async function worstCaseRows(ctx: BenchContext, pool: WorkerPool): Promise<BenchRow[]> {
  const mib = ctx.quick ? 1 : 4;
  const bad = new Uint8Array(mib << 20).fill(0x3f);
  for (let i = 0xfff; i < bad.length; i += 0x1000) bad[i] = 0xff;
  const normal = makeScanTestRom({ size: mib << 20, blocks: 24 * mib, seed: 100 + mib }).data;
  await scanRom(normal, { pool });
  let t0 = performance.now();
  await scanRom(normal, { pool });
  const normalMs = performance.now() - t0;
  t0 = performance.now();
  const st = await scanRom(bad, { pool });
  const badMs = performance.now() - t0;
  return [
    {
      key: 'scanWorstCaseMs',
      label: `scan ${mib} MiB where every offset starts a 64 KiB stream, 2 workers`,
      value: round(badMs, 0),
      unit: 'ms',
      target: '< 3x a normal ROM',
      pass: badMs < 3 * normalMs,
      note: `normal ${mib} MiB ROM: ${round(normalMs, 0)} ms; ${st.skipped ?? 0} candidates skipped (before the budget: 102 s for 4 MiB)`,
    },
  ];
}

export const scanBench: BenchGroup = {
  name: 'scan',
  description: 'ROM scanner: time on 2 workers, recall and precision on generated 1/2/4 MiB ROMs; 1 vs 2 workers',
  async run(ctx) {
    const rows: BenchRow[] = [];
    const script = workerScript();
    const pool1 = new WorkerPool({ script, size: 1 });
    const pool2 = new WorkerPool({ script, size: 2 });
    try {
      const sizes = ctx.quick ? [1] : [1, 2, 4];
      for (const mib of sizes) {
        const rom = makeScanTestRom({ size: mib << 20, blocks: 24 * mib, seed: 100 + mib });
        await timeScan(rom.data, pool2); // warm-up: workers started, code compiled
        const runs: number[] = [];
        let hits: ScanHit[] = [];
        for (let i = 0; i < (ctx.quick ? 1 : 3); i++) {
          const r = await timeScan(rom.data, pool2);
          runs.push(r.ms);
          hits = r.hits;
        }
        const ms = median(runs);
        const { recall, precision } = accuracy(rom, hits);
        const target = mib === 4 ? { target: '< 5000 ms', pass: ms < 5000 } : {};
        rows.push({
          key: `scan${mib}MiBMs`,
          label: `scan ${mib} MiB ROM, 2 workers`,
          value: round(ms, 0),
          unit: 'ms',
          ...target,
          note: `${rom.blocks.length} blocks, ${hits.length} hits`,
        });
        rows.push({
          key: `scan${mib}MiBRecall`,
          label: `recall ${mib} MiB (true start, exact size)`,
          value: round(100 * recall, 1),
          unit: '%',
          target: '100 %',
          pass: recall === 1,
        });
        rows.push({
          key: `scan${mib}MiBPrecision`,
          label: `precision ${mib} MiB (default confidence)`,
          value: round(100 * precision, 1),
          unit: '%',
          target: '>= 94 %',
          pass: precision >= 0.94,
        });
      }
      rows.push(...(await demoRows(ctx, pool2)));
      rows.push(...(await realRomRows(ctx, pool2)));
      rows.push(...(await worstCaseRows(ctx, pool2)));
      rows.push(...(await speedupRows(ctx, pool1, pool2)));
      rows.push(...(await cacheRows(ctx, script)));
    } finally {
      await Promise.all([pool1.dispose(), pool2.dispose()]);
    }
    return rows;
  },
};
