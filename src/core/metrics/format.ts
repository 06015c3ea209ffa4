/** Number formatting shared by the status text and the tree model (pure, locale-independent). */
import { formatSize } from '../format';

/** A duration: "0.042 ms", "3.14 ms", "120 ms", "4.2 s". */
export function formatMs(ms: number): string {
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 100) return `${Math.round(ms)} ms`;
  if (ms >= 1) return `${ms.toFixed(2)} ms`;
  return `${ms.toFixed(3)} ms`;
}

/** A byte count in binary units, always one decimal above bytes: "512 B", "1.5 KiB", "12.3 MiB" (core/format.ts). */
export function formatBytes(bytes: number): string {
  return formatSize(bytes, 1);
}

/** A percentage already scaled to 0..100: "0.3%", "<0.1%", "12%". */
export function formatPercent(percent: number): string {
  if (percent > 0 && percent < 0.1) return '<0.1%';
  if (percent < 9.95) return `${percent.toFixed(1)}%`;
  return `${Math.round(percent)}%`;
}

/** A ratio 0..1 as a whole percentage, or "—" when there is none. */
export function formatRate(rate: number | null): string {
  return rate === null ? '—' : `${Math.round(rate * 100)}%`;
}

/** A count with thousands separators: "1,234,567". */
export function formatCount(n: number): string {
  const s = String(Math.round(Math.abs(n)));
  return (n < 0 ? '-' : '') + s.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** A gauge value: integers as counts, fractions with one decimal. */
export function formatNumber(n: number): string {
  return Number.isInteger(n) ? formatCount(n) : n.toFixed(1);
}
