/**
 * The monitoring tree view's content, computed from a snapshot (pure): groups Overview, Operations,
 * Cache, Workers, Memory, Errors and Alerts, each a list of { label, description, tooltip? } items.
 * Gauges named `workers.*` go to Workers, `memory.*` to Memory, any other gauge and the counters to
 * Overview. Counts the metrics registry does not hold (webview messages the providers refused) come
 * in as `TreeExtras` and show under Errors.
 */
import { formatBytes, formatCount, formatMs, formatNumber, formatPercent, formatRate } from './format';
import type { CacheSnapshot, MetricsSnapshot } from './types';

export interface TreeItemModel {
  label: string;
  /** The value, shown dimmed beside the label. */
  description: string;
  tooltip?: string;
}

export type TreeGroupId = 'overview' | 'operations' | 'cache' | 'workers' | 'memory' | 'errors' | 'alerts';

export interface TreeGroupModel {
  id: TreeGroupId;
  label: string;
  /** A summary shown beside the group (e.g. the number of errors). */
  description: string;
  items: TreeItemModel[];
}

export interface TreeExtras {
  /** Messages from webviews that were not part of their protocol (ignored and counted by the providers). */
  protocolViolations?: number;
}

export function buildTreeModel(s: MetricsSnapshot, extras: TreeExtras = {}): TreeGroupModel[] {
  return [overview(s), operations(s), cache(s), gaugeGroup(s, 'workers', 'Workers'), gaugeGroup(s, 'memory', 'Memory'), errors(s, extras), alerts(s)];
}

function overview(s: MetricsSnapshot): TreeGroupModel {
  const o = s.overhead;
  const items: TreeItemModel[] = [
    { label: 'Monitoring', description: s.enabled ? 'on' : 'off' },
    {
      label: 'Overhead',
      description: o.percent === null ? '—' : formatPercent(o.percent),
      tooltip: `${formatMs(o.instrumentationMs)} in instrumentation against ${formatMs(o.workMs)} of instrumented work; snapshots took ${formatMs(o.snapshotMs)} and setup (histograms, once per operation) ${formatMs(o.setupMs)} (neither counted)`,
    },
    { label: 'Cache hit rate', description: formatRate(s.cacheTotals.hitRate) },
    { label: 'Operations timed', description: formatCount(Object.values(s.operations).reduce((n, op) => n + op.count, 0)) },
    { label: 'Uptime', description: formatMs(s.uptimeMs) },
    { label: 'Snapshot', description: s.timestamp, tooltip: `schema version ${s.schemaVersion}` },
  ];
  for (const [name, value] of Object.entries(s.counters)) items.push({ label: name, description: formatCount(value) });
  for (const [name, value] of Object.entries(s.gauges)) {
    if (!name.startsWith('workers.') && !name.startsWith('memory.')) items.push({ label: name, description: gaugeValue(value) });
  }
  return { id: 'overview', label: 'Overview', description: s.enabled ? '' : 'off', items };
}

function operations(s: MetricsSnapshot): TreeGroupModel {
  const items = Object.entries(s.operations).map(([name, op]): TreeItemModel => {
    const lines = [
      `${name}: ${formatCount(op.count)} calls${op.failures ? `, ${formatCount(op.failures)} failed` : ''}`,
      `p50 ${formatMs(op.p50Ms)} · p95 ${formatMs(op.p95Ms)} · p99 ${formatMs(op.p99Ms)}`,
      `min ${formatMs(op.minMs)} · mean ${formatMs(op.meanMs)} · max ${formatMs(op.maxMs)} · total ${formatMs(op.totalMs)}`,
    ];
    if (op.mbPerSec !== null) lines.push(`${formatBytes(op.bytes)} processed, ${op.mbPerSec.toFixed(1)} MB/s`);
    if (op.itemsPerSec !== null) lines.push(`${formatCount(op.items)} items, ${op.itemsPerSec.toFixed(1)} /s`);
    return { label: name, description: `p50 ${formatMs(op.p50Ms)} · p95 ${formatMs(op.p95Ms)} · ${formatCount(op.count)}×`, tooltip: lines.join('\n') };
  });
  return { id: 'operations', label: 'Operations', description: items.length ? formatCount(items.length) : '', items };
}

function cacheItem(label: string, c: CacheSnapshot, note = ''): TreeItemModel {
  const extra = [
    c.entries !== undefined ? `${formatCount(c.entries)} entries` : '',
    c.evictions !== undefined ? `${formatCount(c.evictions)} evictions` : '',
    c.servesMissesOf !== undefined ? `asked on the misses of ${c.servesMissesOf}` : '',
    note,
  ].filter(Boolean);
  return {
    label,
    description: `${formatRate(c.hitRate)} · ${formatBytes(c.bytes)}`,
    tooltip: [`${formatCount(c.hits)} hits, ${formatCount(c.misses)} misses`, ...extra].join('\n'),
  };
}

function cache(s: MetricsSnapshot): TreeGroupModel {
  const levels = Object.entries(s.caches);
  const items = levels.map(([name, c]) => cacheItem(name, c));
  const tiered = levels.some(([, c]) => c.servesMissesOf !== undefined);
  if (levels.length > 1) items.push(cacheItem('All levels', s.cacheTotals, tiered ? 'hits of every level per lookup of the first level' : ''));
  return { id: 'cache', label: 'Cache', description: levels.length ? formatRate(s.cacheTotals.hitRate) : '', items };
}

function gaugeGroup(s: MetricsSnapshot, id: 'workers' | 'memory', label: string): TreeGroupModel {
  const prefix = `${id}.`;
  const items = Object.entries(s.gauges)
    .filter(([name]) => name.startsWith(prefix))
    .map(([name, value]) => ({ label: gaugeLabel(name.slice(prefix.length)), description: gaugeValue(value), tooltip: name }));
  return { id, label, description: '', items };
}

/** "rssMB" → "rss (MB)", "busy" → "busy". */
function gaugeLabel(name: string): string {
  const m = /^(.*?)(MB)$/.exec(name);
  return m && m[1] ? `${m[1]} (MB)` : name;
}

function gaugeValue(v: number | null): string {
  return v === null ? 'unavailable' : formatNumber(v);
}

function errors(s: MetricsSnapshot, extras: TreeExtras): TreeGroupModel {
  const entries = Object.entries(s.errors);
  const items: TreeItemModel[] = entries.map(([kind, e]) => ({
    label: kind,
    description: formatCount(e.count),
    tooltip: `last (${new Date(e.lastAt).toISOString()}): ${e.lastMessage}`,
  }));
  const violations = extras.protocolViolations ?? 0;
  if (violations > 0) {
    items.push({
      label: 'webview protocol',
      description: formatCount(violations),
      tooltip: 'messages from a ROM editor or dump viewer webview that were not part of its protocol; each was ignored (see the SpritePal log)',
    });
  }
  const total = entries.reduce((n, [, e]) => n + e.count, 0) + violations;
  return { id: 'errors', label: 'Errors', description: total ? formatCount(total) : '', items };
}

function alerts(s: MetricsSnapshot): TreeGroupModel {
  const items = [...s.alerts].reverse().map((a) => ({
    label: `${a.level === 'critical' ? 'Critical' : 'Warning'}: ${a.subject}`,
    description: `${formatNumber(a.value)} ${a.unit}`,
    tooltip: `${new Date(a.at).toISOString()} · ${a.message} (rule ${a.ruleId})`,
  }));
  return { id: 'alerts', label: 'Alerts', description: s.alertsFired ? formatCount(s.alertsFired) : '', items };
}
