/**
 * The VS Code side of monitoring: the status-bar item, the Metrics tree view, alerts with the
 * thresholds from the settings, export (on demand and periodic) and the commands behind them.
 * Everything reads one source, `services.metrics` (the registry every ROM session records into):
 * a sample takes one snapshot and renders the status bar and the tree from it. The alert rules are
 * the registry's own, set from the settings (setAlertRules), so every call is judged by its exact
 * duration as it is recorded. Samples are taken every second only while something shows them (the
 * status-bar item, i.e. monitoring on, or the Metrics view), and on demand.
 */
import * as vscode from 'vscode';
import { throttle, type MetricsSnapshot, type PeriodicExport, type TreeGroupModel } from '../../core/metrics';
import type { SessionServices } from '../../core/session/services';
import { reportAlert } from './alerts-notifier';
import { exportSnapshot, samePeriodic, startPeriodic } from './export-commands';
import { METRICS_VIEW_ID, MetricsTreeProvider } from './metrics-tree';
import { applyAlertSettings, readMonitoringSettings, type MonitoringSettings } from './settings';
import { MetricsStatusBar, STATUS_UPDATES_PER_SECOND } from './status-bar';

export const COMMANDS = {
  show: 'spritepal.showMetrics',
  reset: 'spritepal.resetMetrics',
  export: 'spritepal.exportMetrics',
} as const;

/** How often the views sample while visible. */
export const SAMPLE_INTERVAL_MS = 1000;

/** What tests (and other extensions) can see of monitoring; every value is what the views show. */
export interface MonitoringApi {
  /** The status-bar item's text as shown, or undefined while the item is hidden (monitoring off). */
  statusText(): string | undefined;
  /** Its tooltip as shown, or undefined while hidden. */
  statusTooltip(): string | undefined;
  /** The Metrics tree as the view gets it (labels and descriptions of the provider's TreeItems). */
  treeModel(): TreeGroupModel[];
  /** Whether the Metrics view is visible. */
  viewVisible(): boolean;
  /** Takes a snapshot now (gauge alert rules run on it) and renders the status bar and the tree from it at once; returns it. */
  refresh(): MetricsSnapshot;
  /** The settings in force. */
  readonly settings: MonitoringSettings;
  /** Where the periodic export writes. */
  readonly exportDir: vscode.Uri;
}

export function registerMonitoring(
  context: vscode.ExtensionContext,
  services: SessionServices,
  log: vscode.LogOutputChannel,
  protocolViolations?: () => number,
): MonitoringApi {
  const metrics = services.metrics;
  const readSettings = (): MonitoringSettings => {
    const config = vscode.workspace.getConfiguration('spritepal.monitoring');
    const { settings, problems } = readMonitoringSettings((key) => {
      const i = config.inspect(key);
      // Only values someone set: the defaults live in readMonitoringSettings (and match package.json).
      return i?.workspaceFolderValue ?? i?.workspaceValue ?? i?.globalValue;
    });
    for (const p of problems) log.warn(p);
    return settings;
  };
  let settings = readSettings();
  const exportDir = vscode.Uri.joinPath(context.globalStorageUri, 'metrics');

  applyAlertSettings(metrics, settings);
  const status = new MetricsStatusBar(COMMANDS.show);
  const tree = new MetricsTreeProvider(protocolViolations);
  const view = vscode.window.createTreeView(METRICS_VIEW_ID, { treeDataProvider: tree, showCollapseAll: true });
  context.subscriptions.push(status, tree, view);

  let sampling = false;
  const sample = (): MetricsSnapshot => {
    sampling = true;
    try {
      const s = metrics.snapshot();
      if (status.visible) status.update(s);
      tree.update(s);
      return s;
    } finally {
      sampling = false;
    }
  };
  // A critical operation alert shows at once (not at the next tick), at most twice a second.
  const criticalRefresh = throttle(() => {
    sample();
    status.flush();
  }, STATUS_UPDATES_PER_SECOND);
  context.subscriptions.push({ dispose: () => criticalRefresh.dispose() });

  let timer: ReturnType<typeof setInterval> | undefined;
  const updateSampling = (): void => {
    const wanted = status.visible || view.visible;
    if (wanted && !timer) {
      timer = setInterval(sample, SAMPLE_INTERVAL_MS);
      timer.unref?.();
    } else if (!wanted && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };
  context.subscriptions.push({ dispose: () => timer && clearInterval(timer) });

  let periodic: PeriodicExport | null = null;
  const restartPeriodic = (): void => {
    periodic?.dispose();
    periodic = settings.enabled ? startPeriodic(exportDir, settings, sample, log) : null;
  };
  context.subscriptions.push({ dispose: () => periodic?.dispose() });

  const applyEnabled = (): void => {
    metrics.setEnabled(settings.enabled);
    status.setVisible(settings.enabled);
    updateSampling();
  };

  context.subscriptions.push(
    metrics.onAlert((a) => {
      // Gauge alerts fire inside a sample, whose snapshot already holds them; operation alerts
      // inside the registry's bookkeeping of a call, which should not pay for the reporting.
      const inSample = sampling;
      queueMicrotask(() => {
        reportAlert(a, log, { notifyCritical: settings.notifyCritical, showCommand: COMMANDS.show });
        if (a.level !== 'critical') return;
        if (inSample) status.flush();
        else criticalRefresh();
      });
    }),
    view.onDidChangeVisibility((e) => {
      updateSampling();
      if (e.visible) sample();
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration('spritepal.monitoring')) return;
      const old = settings;
      settings = readSettings();
      if (old.enabled !== settings.enabled) {
        log.info(`monitoring ${settings.enabled ? 'on' : 'off'}`);
        applyEnabled();
      }
      const rules = applyAlertSettings(metrics, settings);
      if (rules)
        log.info(
          'alert thresholds changed: ' +
            rules.map((r) => `${r.id} ${r.warning}/${r.critical}${r.unit ? ' ' + r.unit : ''}`).join(', ') +
            `; cooldown ${settings.cooldownMs / 1000} s`,
        );
      if (old.enabled !== settings.enabled || !samePeriodic(old, settings)) restartPeriodic();
      sample();
    }),
    vscode.commands.registerCommand(COMMANDS.show, async () => {
      await vscode.commands.executeCommand(`${METRICS_VIEW_ID}.focus`);
    }),
    vscode.commands.registerCommand(COMMANDS.reset, () => {
      metrics.reset();
      log.info('metrics reset');
      sample();
      status.flush();
      tree.flush();
    }),
    vscode.commands.registerCommand(COMMANDS.export, async (target?: unknown) => {
      try {
        const uri = await exportSnapshot(sample(), target instanceof vscode.Uri ? target : undefined);
        if (uri) log.info(`metrics exported to ${uri.fsPath}`);
        return uri;
      } catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        log.error(`metrics export failed: ${message}`);
        void vscode.window.showErrorMessage(`SpritePal: could not export the metrics: ${message}`);
        return undefined;
      }
    }),
  );

  applyEnabled();
  restartPeriodic();
  sample();
  log.info(`monitoring ${settings.enabled ? 'on' : 'off'}`);

  return {
    statusText: () => (status.visible ? status.text : undefined),
    statusTooltip: () => (status.visible ? status.tooltip : undefined),
    treeModel: () => tree.rendered(),
    viewVisible: () => view.visible,
    refresh: () => {
      const s = sample();
      status.flush();
      tree.flush();
      return s;
    },
    get settings() {
      return settings;
    },
    exportDir,
  };
}
