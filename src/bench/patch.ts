/**
 * Bench group "patch": making and applying patches for a 4 MiB ROM with 20 scattered edits
 * (src/bench/patch-pair.ts). BPS creation time against its 200 ms goal; patch sizes against the
 * raw size of the changes (bytes that differ), measured in the same run. Flips' size for the same
 * pair (Flips built from Alcaro/Flips ff216a7 with -O2, `flips --create --bps-delta`, run by hand:
 * it is not part of the tests) is printed beside ours when the pair is the one it was measured on.
 * Two more pairs bound the encoder's worst case: two unrelated ROM images (nothing but scattered
 * shared code and padding to copy) and random bytes against random bytes (nothing at all).
 */
import { applyBps, applyIps, countChanged, createBps, createIps } from '../core/patch';
import { round, timeIt, type BenchGroup, type BenchRow } from './harness';
import { patchBenchPair, randomPatchPair, unrelatedPatchPair } from './patch-pair';

/** Flips' patch sizes for the shared-fixture pairs, measured by hand (same build and flags). */
const FLIPS = { bps: 4691, ips: 6191, unrelatedBps: 108643 };

export const patchBench: BenchGroup = {
  name: 'patch',
  description: 'BPS and IPS of a 4 MiB ROM with 20 scattered edits: create and apply time, size against the changed bytes',
  async run(ctx) {
    const rows: BenchRow[] = [];
    const pair = patchBenchPair(ctx.sharedDir);
    const shared = !pair.origin.startsWith('synthetic');
    const raw = countChanged(pair.source, pair.target);
    const opts = { minMs: ctx.quick ? 20 : 600, minRuns: ctx.quick ? 1 : 5, warmup: ctx.quick ? 1 : 2 };
    ctx.log(`patch pair: ${pair.origin}, ${pair.edits} edits, ${raw} bytes differ`);

    let bps = createBps(pair.source, pair.target);
    const create = timeIt(() => (bps = createBps(pair.source, pair.target)), opts);
    rows.push({
      key: 'patchBpsCreate4MiBMs',
      label: `BPS create, 4 MiB ROM, ${pair.edits} edits`,
      value: round(create.medianMs, 1),
      unit: 'ms',
      target: '< 200 ms',
      pass: create.medianMs < 200,
      note: `best ${round(create.minMs, 1)} ms`,
    });
    rows.push({
      key: 'patchBpsSizeVsChanged',
      label: `BPS size / changed bytes (${bps.length} / ${raw} B)`,
      value: round(bps.length / raw, 3),
      unit: 'x',
      note: pair.origin,
    });
    // The size goal is against Flips, whose size is known for the shared pair only.
    if (shared) {
      const vsFlips = bps.length / FLIPS.bps;
      rows.push({
        key: 'patchBpsSizeVsFlips',
        label: `BPS size / Flips' BPS size (${bps.length} / ${FLIPS.bps} B, Flips measured by hand)`,
        value: round(vsFlips, 3),
        unit: 'x',
        target: '<= 1.1 x',
        pass: vsFlips <= 1.1,
      });
    }
    const apply = timeIt(() => applyBps(pair.source, bps), opts);
    rows.push({ key: 'patchBpsApply4MiBMs', label: 'BPS apply, 4 MiB ROM (all three CRCs checked)', value: round(apply.medianMs, 1), unit: 'ms' });

    let ips = createIps(pair.source, pair.target);
    const ipsCreate = timeIt(() => (ips = createIps(pair.source, pair.target)), opts);
    rows.push({ key: 'patchIpsCreate4MiBMs', label: `IPS create, 4 MiB ROM, ${pair.edits} edits`, value: round(ipsCreate.medianMs, 1), unit: 'ms' });
    rows.push({
      key: 'patchIpsSizeVsChanged',
      label: `IPS size / changed bytes (${ips.length} / ${raw} B)`,
      value: round(ips.length / raw, 3),
      unit: 'x',
      note: shared ? `Flips ${FLIPS.ips} B on this pair` : pair.origin,
    });
    const ipsApply = timeIt(() => applyIps(pair.source, ips), opts);
    rows.push({ key: 'patchIpsApply4MiBMs', label: 'IPS apply, 4 MiB ROM', value: round(ipsApply.medianMs, 1), unit: 'ms' });

    // The hard cases: fewer runs, each one long.
    const hardOpts = { minMs: ctx.quick ? 1 : 1500, minRuns: ctx.quick ? 1 : 3, warmup: ctx.quick ? 0 : 1 };
    const unrelated = unrelatedPatchPair(ctx.sharedDir);
    const unrelatedShared = !unrelated.origin.startsWith('unrelated random');
    ctx.log(`unrelated pair: ${unrelated.origin}`);
    let ub = createBps(unrelated.source, unrelated.target);
    const ut = timeIt(() => (ub = createBps(unrelated.source, unrelated.target)), hardOpts);
    rows.push({
      key: 'patchBpsCreateUnrelatedMs',
      label: 'BPS create, two unrelated 4 MiB ROM images',
      value: round(ut.medianMs, 1),
      unit: 'ms',
      note: `best ${round(ut.minMs, 1)} ms; ${unrelated.origin}`,
    });
    rows.push({
      key: 'patchBpsUnrelatedBytes',
      label: 'BPS size, two unrelated 4 MiB ROM images',
      value: ub.length,
      unit: 'B',
      note: unrelatedShared
        ? `Flips ${FLIPS.unrelatedBps} B on this pair (ours ${round((ub.length / FLIPS.unrelatedBps) * 100, 1)} % of it)`
        : unrelated.origin,
    });
    const random = randomPatchPair();
    let rb = createBps(random.source, random.target);
    const rt = timeIt(() => (rb = createBps(random.source, random.target)), hardOpts);
    rows.push({
      key: 'patchBpsCreateRandomMs',
      label: 'BPS create, 4 MiB random against 4 MiB other random (worst case)',
      value: round(rt.medianMs, 1),
      unit: 'ms',
      note: `best ${round(rt.minMs, 1)} ms; ${rb.length} B for ${random.target.length} B (Flips: the same size)`,
    });
    return rows;
  },
};
