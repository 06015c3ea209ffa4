import * as assert from 'node:assert/strict';
import { CRITICAL_MARK_MS, formatStatusText, formatStatusTooltip } from '../../../src/core/metrics/status-text';
import { busySnapshot, emptySnapshot } from './snapshots';

describe('metrics: status text', () => {
  it('shows the overhead and the overall cache hit rate', () => {
    const s = busySnapshot();
    s.alerts = s.alerts.slice(0, 1);
    assert.equal(formatStatusText(s), '$(pulse) 0.3% · 92% cache');
  });

  it('shows "—" before any timed work and "no lookups yet" before any cache lookup (not "0%")', () => {
    assert.equal(formatStatusText(emptySnapshot()), '$(pulse) — · no lookups yet');
  });

  it('marks a recent critical alert, says "off" when disabled, and rounds tiny overheads to <0.1%', () => {
    const s = busySnapshot();
    assert.equal(formatStatusText(s), '$(warning) $(pulse) 0.3% · 92% cache');
    s.at = s.alerts[1]!.at + CRITICAL_MARK_MS; // five minutes on, the mark goes
    assert.equal(formatStatusText(s), '$(pulse) 0.3% · 92% cache');
    assert.equal(formatStatusText(emptySnapshot({ enabled: false })), '$(pulse) off');
    const tiny = emptySnapshot({ overhead: { instrumentationMs: 0.01, workMs: 1000, percent: 0.001, snapshotMs: 0, setupMs: 0 } });
    assert.equal(formatStatusText(tiny), '$(pulse) <0.1% · no lookups yet');
    const big = emptySnapshot({
      overhead: { instrumentationMs: 30, workMs: 100, percent: 30, snapshotMs: 0, setupMs: 0 },
      cacheTotals: { hits: 1, misses: 2, bytes: 0, hitRate: 1 / 3 },
    });
    assert.equal(formatStatusText(big), '$(pulse) 30% · 33% cache');
  });

  it('puts the key figures in the tooltip', () => {
    assert.equal(
      formatStatusTooltip(busySnapshot()),
      [
        'SpritePal monitoring',
        'Overhead: 0.3% (1.20 ms instrumentation / 400 ms work)',
        'Cache: 92% hits (920 hits, 80 misses, 12.0 MiB)',
        'Operations: 1,542 timed; slowest p95 rom.open 240 ms',
        'Memory (RSS): 312.5 MB',
        'Errors: 3',
        'Alerts: 7 (last: critical, memory.rssMB 1100 MB reached the critical threshold of 1000 MB)',
      ].join('\n'),
    );
  });

  it('says what is missing in an empty or disabled tooltip', () => {
    assert.equal(
      formatStatusTooltip(emptySnapshot({ enabled: false })),
      'SpritePal monitoring (off)\nOverhead: — (no operations timed yet)\nCache: no lookups yet',
    );
  });
});
