/**
 * The status-bar item's text and tooltip, computed from a snapshot (pure). Text:
 * `$(pulse) 0.3% · 92% cache` = the instrumentation's own overhead, then the hit rate over all cache
 * levels ("no lookups yet" before the first lookup; "—" overhead before the first timed operation), marked with `$(warning)` for
 * five minutes after a critical alert.
 */
import { RSS_GAUGE } from './alerts';
import { formatBytes, formatCount, formatMs, formatNumber, formatPercent, formatRate } from './format';
import type { MetricsSnapshot } from './types';

/** How long after a critical alert the text carries a `$(warning)` mark. */
export const CRITICAL_MARK_MS = 5 * 60_000;

export function formatStatusText(s: MetricsSnapshot): string {
  if (!s.enabled) return '$(pulse) off';
  const overhead = s.overhead.percent === null ? '—' : formatPercent(s.overhead.percent);
  const recentCritical = s.alerts.some((a) => a.level === 'critical' && s.at - a.at < CRITICAL_MARK_MS);
  const alert = recentCritical ? '$(warning) ' : '';
  const cache = s.cacheTotals.hitRate === null ? 'no lookups yet' : `${formatRate(s.cacheTotals.hitRate)} cache`;
  return `${alert}$(pulse) ${overhead} · ${cache}`;
}

export function formatStatusTooltip(s: MetricsSnapshot): string {
  const lines = [`SpritePal monitoring${s.enabled ? '' : ' (off)'}`];
  const o = s.overhead;
  lines.push(
    o.percent === null
      ? 'Overhead: — (no operations timed yet)'
      : `Overhead: ${formatPercent(o.percent)} (${formatMs(o.instrumentationMs)} instrumentation / ${formatMs(o.workMs)} work)`,
  );
  const c = s.cacheTotals;
  lines.push(
    c.hitRate === null
      ? 'Cache: no lookups yet'
      : `Cache: ${formatRate(c.hitRate)} hits (${formatCount(c.hits)} hits, ${formatCount(c.misses)} misses, ${formatBytes(c.bytes)})`,
  );
  const ops = Object.entries(s.operations);
  if (ops.length > 0) {
    const count = ops.reduce((n, [, op]) => n + op.count, 0);
    const [slowName, slow] = ops.reduce((a, b) => (b[1].p95Ms > a[1].p95Ms ? b : a));
    lines.push(`Operations: ${formatCount(count)} timed; slowest p95 ${slowName} ${formatMs(slow.p95Ms)}`);
  }
  const rss = s.gauges[RSS_GAUGE];
  if (rss !== undefined && rss !== null) lines.push(`Memory (RSS): ${formatNumber(rss)} MB`);
  const errors = Object.values(s.errors).reduce((n, e) => n + e.count, 0);
  if (errors > 0) lines.push(`Errors: ${formatCount(errors)}`);
  if (s.alertsFired > 0) {
    const last = s.alerts[s.alerts.length - 1];
    lines.push(`Alerts: ${formatCount(s.alertsFired)}${last ? ` (last: ${last.level}, ${last.message})` : ''}`);
  }
  return lines.join('\n');
}
