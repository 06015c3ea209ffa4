/** The metrics core: the registry, alerts, export rotation and the pure helpers the VS Code views render. */
export * from './types';
export { MetricsRegistry, type MetricsRegistryOptions } from './registry';
export { OperationHistogram } from './histogram';
export { AlertEngine, DEFAULT_ALERT_RULES, DEFAULT_COOLDOWN_MS, RSS_GAUGE, type AlertEngineOptions, type AlertRule } from './alerts';
export { Emitter } from './emitter';
export {
  SnapshotRotator,
  nodeRotationFs,
  DEFAULT_MAX_BYTES,
  DEFAULT_MAX_FILES,
  DEFAULT_PREFIX,
  type RotationFs,
  type RotationOptions,
  type WriteResult,
} from './rotation';
export { startPeriodicExport, type IntervalTimers, type PeriodicExport, type PeriodicExportOptions } from './export';
export { CRITICAL_MARK_MS, formatStatusText, formatStatusTooltip } from './status-text';
export { buildTreeModel, type TreeExtras, type TreeGroupId, type TreeGroupModel, type TreeItemModel } from './tree-model';
export { throttle, type Throttled, type ThrottleTimers } from './throttle';
export { formatBytes, formatCount, formatMs, formatNumber, formatPercent, formatRate } from './format';
