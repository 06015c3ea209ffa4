/**
 * Bench group "monitoring": what MetricsRegistry.time() costs per call, enabled against disabled,
 * around a small real workload (summing a 64 KiB buffer). On and off batches run alternately, side by
 * side in one run; the ratio is the median of the per-pair ratios. Also: disabled against calling the
 * function directly, the bare per-call cost around an empty function, and the registry's own
 * self-reported overhead next to the measured one (does it tell the truth?).
 * The gallery-workload figures (monitoringOverheadRatio, reopenCacheHitRate) come with the gallery.
 */
import { performance } from 'node:perf_hooks';
import { MetricsRegistry } from '../core/metrics';
import { median, round, type BenchGroup, type BenchRow } from './harness';

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
      { key: 'instrumentationBareCostNsPerCall', label: 'time() on minus off, per call (empty function)', value: round(emptyCost.deltaMs * 1e6, 0), unit: 'ns' },
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
    return rows;
  },
};

function sum(buf: Uint8Array): number {
  let s = 0;
  for (let i = 0; i < buf.length; i++) s += buf[i]!;
  return s;
}
