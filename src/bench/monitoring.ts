/**
 * Bench group "monitoring": what MetricsRegistry.time() costs per call, enabled against disabled,
 * around a small real workload (summing a 64 KiB buffer). On and off batches run alternately, side by
 * side in one run; the ratio is the median of the per-pair ratios. Also: disabled against calling the
 * function directly, the bare per-call cost around an empty function, and the registry's own
 * self-reported overhead next to the measured one (does it tell the truth?).
 *
 * Then the gallery workload, with the real pieces: open the demo ROM in a RomSession on fresh
 * services (memory cache + a disk cache in a fresh temp folder), decode every sprite block through
 * the session (cache and metrics) and render each as a thumbnail (tiles, arrangement, its ROM
 * palette, RGBA), then reopen it: new services on the same disk folder (a fresh memory level, as a
 * new window has) and do it all again. Monitoring on and off alternate pass by pass in one run;
 * monitoringOverheadRatio is the median of the per-block ratios (on, off, off, on), reopenCacheHitRate the share of the
 * reopen's lookups served by memory or disk. The session writes the disk level behind the caller
 * (TieredCache.put), as it does for a user; closing the first window (services.dispose, outside
 * the clock like the window switch it stands for) waits for those writes before the reopen.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildDemoRom, demoRomLayout, type DemoSprite } from '../core/demo/demo-rom';
import { tilesToImage } from '../core/gfx/arrange';
import { paletteRGBA, romPalettes } from '../core/gfx/palette';
import { renderIndexed } from '../core/gfx/render';
import { decodeTiles } from '../core/gfx/tiles';
import { MetricsRegistry, type MetricsSnapshot } from '../core/metrics';
import { RomSession } from '../core/session/rom-session';
import { createServices } from '../core/session/services';
import { median, round, type BenchContext, type BenchGroup, type BenchRow } from './harness';

const BUFFER_BYTES = 64 * 1024;

export const monitoringBench: BenchGroup = {
  name: 'monitoring',
  description: 'Cost of MetricsRegistry.time() on vs off around a 64 KiB sum (alternating pairs, median); self-reported vs measured overhead',
  async run(ctx) {
    const buf = new Uint8Array(BUFFER_BYTES);
    let x = 0x9e3779b9;
    for (let i = 0; i < buf.length; i++) {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      buf[i] = x & 0xff;
    }
    const on = new MetricsRegistry({ processGauges: false });
    const onEmpty = new MetricsRegistry({ processGauges: false });
    const off = new MetricsRegistry({ enabled: false, processGauges: false });
    const size = { bytes: BUFFER_BYTES };
    const work = (): number => sum(buf);
    const empty = (): number => 0;
    let sink = 0;

    const batch = 25;
    const pairs = ctx.quick ? 21 : 401;
    const timeBatch = (run: () => number, n: number): number => {
      const t0 = performance.now();
      for (let i = 0; i < n; i++) sink += run();
      return performance.now() - t0;
    };
    const viaOn = (): number => on.time('hal.decode', work, size);
    const viaOff = (): number => off.time('hal.decode', work, size);
    const emptyOn = (): number => onEmpty.time('scan', empty);
    const emptyOff = (): number => off.time('scan', empty);

    // Warm-up: every path optimised before anything is measured.
    for (const f of [viaOn, viaOff, work, emptyOn, emptyOff]) timeBatch(f, 2000);
    on.reset();
    onEmpty.reset();

    /** Alternating pairs (the order flips every pair so drift cancels); per-pair a/b and (a-b)/n. */
    const sideBySide = (a: () => number, b: () => number, n: number) => {
      const ratios: number[] = [];
      const deltas: number[] = [];
      const msA: number[] = [];
      for (let p = 0; p < pairs; p++) {
        let ta: number, tb: number;
        if (p % 2 === 0) {
          ta = timeBatch(a, n);
          tb = timeBatch(b, n);
        } else {
          tb = timeBatch(b, n);
          ta = timeBatch(a, n);
        }
        ratios.push(ta / tb);
        deltas.push((ta - tb) / n);
        msA.push(ta / n);
      }
      return { ratio: median(ratios), deltaMs: median(deltas), perCallMs: median(msA) };
    };

    const onOff = sideBySide(viaOn, viaOff, batch);
    const selfReported = on.snapshot().overhead;
    const offDirect = sideBySide(viaOff, work, batch);
    const emptyCost = sideBySide(emptyOn, emptyOff, batch * 20);
    const emptyReport = onEmpty.snapshot();
    const selfCostNs = (emptyReport.overhead.instrumentationMs / emptyReport.operations.scan!.count) * 1e6;
    ctx.log(`sink ${sink} (keeps the workload alive); ${on.snapshot().operations['hal.decode']!.count} timed calls`);

    const measuredPercent = (onOff.ratio - 1) * 100;
    const rows: BenchRow[] = [
      {
        key: 'instrumentationOverheadRatio',
        label: 'time() on / off, 64 KiB sum per call',
        value: round(onOff.ratio, 4),
        unit: '×',
        target: '<= 1.01',
        pass: onOff.ratio <= 1.01,
        note: `median of ${pairs} alternating pairs of ${batch} calls; workload ${round(onOff.perCallMs * 1000, 1)} µs/call`,
      },
      { key: 'instrumentationCostNsPerCall', label: 'time() on minus off, per call (64 KiB sum)', value: round(onOff.deltaMs * 1e6, 0), unit: 'ns' },
      {
        key: 'instrumentationBareCostNsPerCall',
        label: 'time() on minus off, per call (empty function)',
        value: round(emptyCost.deltaMs * 1e6, 0),
        unit: 'ns',
      },
      {
        key: 'selfReportedCostNsPerCall',
        label: 'instrumentation time the registry reports, per call',
        value: round(selfCostNs, 0),
        unit: 'ns',
        note: `empty function; measured on minus off: ${round(emptyCost.deltaMs * 1e6, 0)} ns`,
      },
      {
        key: 'disabledOverheadRatio',
        label: 'time() off / direct call, 64 KiB sum',
        value: round(offDirect.ratio, 4),
        unit: '×',
        target: '<= 1.01',
        pass: offDirect.ratio <= 1.01,
        note: 'monitoring off should cost nothing measurable',
      },
      {
        key: 'selfReportedOverheadPercent',
        label: 'overhead the registry reports about itself',
        value: round(selfReported.percent ?? 0, 3),
        unit: '%',
        note: `measured side by side: ${round(measuredPercent, 3)} %; the report sums every bookkeeping interval, so interruptions landing there count (conservative)`,
      },
    ];
    rows.push(...(await galleryRows(ctx)));
    return rows;
  },
};

interface PassResult {
  ms: number;
  /** Lookups of the reopen pass (each asks memory first). */
  reopenLookups: number;
  reopenMemoryHits: number;
  reopenDiskHits: number;
  /** The reopen's registry snapshot (what the status bar would show). */
  reopen: MetricsSnapshot;
  /** The first open's registry snapshot. */
  first: MetricsSnapshot;
  pixels: number;
}

/** Decodes every sprite through the session and renders it (timed as `thumbnail`, as the gallery does). */
async function galleryOnce(session: RomSession, sprites: readonly DemoSprite[]): Promise<number> {
  let pixels = 0;
  const data = session.rom.data;
  for (const sp of sprites) {
    const block = await session.decodeBlock(sp.romOffset);
    const rgba = session.services.metrics.time(
      'thumbnail',
      () => {
        const image = tilesToImage(decodeTiles(block.data, sp.bpp, sp.tiles), { widthTiles: sp.widthTiles });
        return renderIndexed(image.pixels, image.width, image.height, paletteRGBA(romPalettes(data, sp.paletteRomOffset)[0]!, 1 << sp.bpp));
      },
      { items: 1 },
    );
    pixels += rgba.length >> 2;
  }
  return pixels;
}

/** Open, gallery, reopen (fresh memory level, same disk folder), gallery; in a fresh cache folder. */
async function galleryPass(bytes: Uint8Array, sprites: readonly DemoSprite[], metricsEnabled: boolean): Promise<PassResult> {
  const cacheDir = mkdtempSync(join(tmpdir(), 'spritepal-bench-gallery-'));
  try {
    // Both sets of services exist before the clock starts: making one (the first registry of the
    // process calibrates the clock read; each prepares the known operations' histograms) is start-up,
    // not the gallery (registryCreateMsOn reports it); the reopen's second set is what
    // a new window has: its own memory level and registry, the same disk folder.
    const first = createServices({ cacheDir, metricsEnabled });
    const again = createServices({ cacheDir, metricsEnabled });
    const t0 = performance.now();
    const s1 = RomSession.open(bytes, 'spritepal-demo.sfc', first);
    let pixels = await galleryOnce(s1, sprites);
    const t1 = performance.now();
    const firstSnap = first.metrics.snapshot();
    await s1.dispose();
    await first.dispose();
    const t2 = performance.now();
    const s2 = RomSession.open(bytes, 'spritepal-demo.sfc', again);
    pixels += await galleryOnce(s2, sprites);
    const ms = t1 - t0 + (performance.now() - t2);
    const stats = again.cache.stats();
    const reopen = again.metrics.snapshot();
    await s2.dispose();
    await again.dispose();
    return {
      ms,
      reopenLookups: stats.memory.hits + stats.memory.misses,
      reopenMemoryHits: stats.memory.hits,
      reopenDiskHits: stats.disk?.hits ?? 0,
      reopen,
      first: firstSnap,
      pixels,
    };
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
}

async function galleryRows(ctx: BenchContext): Promise<BenchRow[]> {
  const layout = demoRomLayout();
  const sprites = layout.sprites;
  if (sprites.length === 0) {
    ctx.log('gallery workload skipped: the demo ROM layout lists no sprites');
    return [];
  }
  const bytes = buildDemoRom();
  // What the gallery passes leave out of their clock: making a registry. On, it prepares the known
  // operations' histograms (reported as setupMs; the clock read is calibrated once per process, by
  // the first registry, long before this); off, nothing.
  const createOn: number[] = [];
  const createOff: number[] = [];
  const setupMs: number[] = [];
  for (let i = 0; i < (ctx.quick ? 3 : 40); i++) {
    let t0 = performance.now();
    const r = new MetricsRegistry({ processGauges: false });
    createOn.push(performance.now() - t0);
    setupMs.push(r.snapshot().overhead.setupMs);
    t0 = performance.now();
    new MetricsRegistry({ processGauges: false, enabled: false });
    createOff.push(performance.now() - t0);
  }
  // Warm-up: both modes, so every path is optimised before anything is timed.
  for (let i = 0; i < 2; i++) {
    await galleryPass(bytes, sprites, true);
    await galleryPass(bytes, sprites, false);
  }
  const pairs = ctx.quick ? 2 : 30;
  const ratios: number[] = [];
  const onMs: number[] = [];
  const offMs: number[] = [];
  let lastOn: PassResult | null = null;
  let lastOff: PassResult | null = null;
  for (let p = 0; p < pairs; p++) {
    // ABBA: on, off, off, on (or the mirror image, alternately), so a position effect inside a
    // block (the previous pass's folder being deleted, the disk's write-back) cancels in each ratio.
    const order = p % 2 === 0 ? [true, false, false, true] : [false, true, true, false];
    const runs: PassResult[] = [];
    for (const enabled of order) runs.push(await galleryPass(bytes, sprites, enabled));
    const onRuns = runs.filter((_, i) => order[i]);
    const offRuns = runs.filter((_, i) => !order[i]);
    const onSum = onRuns[0]!.ms + onRuns[1]!.ms;
    const offSum = offRuns[0]!.ms + offRuns[1]!.ms;
    ratios.push(onSum / offSum);
    onMs.push(onSum / 2);
    offMs.push(offSum / 2);
    lastOn = onRuns[1]!;
    lastOff = offRuns[1]!;
  }
  const on = lastOn!;
  const off = lastOff!;
  const ratio = median(ratios);
  const served = (r: PassResult) => (r.reopenLookups ? (r.reopenMemoryHits + r.reopenDiskHits) / r.reopenLookups : 0);
  const hitRate = served(on);
  const thumbs = on.reopen.operations.thumbnail;
  const firstOverhead = on.first.overhead.percent;
  ctx.log(
    `gallery: ${sprites.length} blocks, ${on.pixels} pixels a pass; reopen: ${on.reopenLookups} lookups, ${on.reopenMemoryHits} memory hits, ${on.reopenDiskHits} disk hits (off: ${served(off).toFixed(3)})`,
  );
  return [
    {
      key: 'monitoringOverheadRatio',
      label: 'gallery workload, monitoring on / off',
      value: round(ratio, 4),
      unit: '×',
      target: '<= 1.01',
      pass: ratio <= 1.01,
      note: `median of ${pairs} ABBA blocks (2 passes on, 2 off); a pass = open the demo ROM, decode and render its ${sprites.length} blocks, reopen (fresh memory, same disk cache), again`,
    },
    { key: 'galleryPassMsOn', label: 'gallery pass, monitoring on (median)', value: round(median(onMs), 2), unit: 'ms' },
    { key: 'galleryPassMsOff', label: 'gallery pass, monitoring off (median)', value: round(median(offMs), 2), unit: 'ms' },
    {
      key: 'reopenCacheHitRate',
      label: 'reopen: lookups served by memory or disk',
      value: round(hitRate, 4),
      unit: 'ratio',
      target: '>= 0.85',
      pass: hitRate >= 0.85,
      note: `${on.reopenMemoryHits} memory + ${on.reopenDiskHits} disk hits of ${on.reopenLookups} lookups`,
    },
    {
      key: 'reopenRegistryHitRate',
      label: "reopen: the registry's all-levels hit rate (the status bar's figure)",
      value: round(on.reopen.cacheTotals.hitRate ?? 0, 4),
      unit: 'ratio',
      target: '= reopenCacheHitRate',
      pass: Math.abs((on.reopen.cacheTotals.hitRate ?? 0) - hitRate) < 1e-9,
      note: "disk serves memory's misses: every level's hits over memory's lookups",
    },
    {
      key: 'gallerySelfReportedOverheadPercent',
      label: 'overhead the registry reports after the first open',
      value: round(firstOverhead ?? 0, 3),
      unit: '%',
      note: `measured on / off: ${round((ratio - 1) * 100, 3)} %`,
    },
    {
      key: 'registryCreateMsOn',
      label: 'making a registry, monitoring on (median; once per window, outside the passes)',
      value: round(median(createOn), 3),
      unit: 'ms',
      note: `of which histogram setup ${round(median(setupMs), 3)} ms; off: ${round(median(createOff), 3)} ms; each pass makes two`,
    },
    {
      key: 'galleryThumbnailP50Ms',
      label: 'thumbnail render p50 (reopen pass)',
      value: round(thumbs?.p50Ms ?? 0, 4),
      unit: 'ms',
      note: `${thumbs?.count ?? 0} renders`,
    },
  ];
}

function sum(buf: Uint8Array): number {
  let s = 0;
  for (let i = 0; i < buf.length; i++) s += buf[i]!;
  return s;
}
