/**
 * Metrics export: "Export Metrics..." writes one JSON snapshot where the user says (or to a Uri
 * passed as the command's argument, which skips the dialog); the optional periodic export writes
 * into the extension's own storage, rotated by file count and total size. Nothing leaves the machine.
 */
import * as vscode from 'vscode';
import { SnapshotRotator, startPeriodicExport, type MetricsSnapshot, type PeriodicExport } from '../../core/metrics';
import type { MonitoringSettings } from './settings';

export function snapshotJson(s: MetricsSnapshot): string {
  return JSON.stringify(s, null, 2) + '\n';
}

/** A file name for a snapshot: spritepal-metrics-2025-01-31T12-00-00.json. */
export function exportFileName(s: MetricsSnapshot): string {
  return `spritepal-metrics-${s.timestamp.replace(/\.\d+Z$/, '').replace(/:/g, '-')}.json`;
}

/** Writes the snapshot to `target`, or asks where (undefined when the dialog was cancelled). */
export async function exportSnapshot(s: MetricsSnapshot, target: vscode.Uri | undefined): Promise<vscode.Uri | undefined> {
  let uri = target;
  if (!uri) {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    uri = await vscode.window.showSaveDialog({
      title: 'Export SpritePal Metrics',
      saveLabel: 'Export',
      defaultUri: folder ? vscode.Uri.joinPath(folder, exportFileName(s)) : undefined,
      filters: { 'JSON snapshot': ['json'] },
    });
    if (!uri) return undefined;
  }
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(snapshotJson(s)));
  return uri;
}

export type PeriodicSettings = Pick<MonitoringSettings, 'periodicExport' | 'exportIntervalMs' | 'exportMaxFiles' | 'exportMaxBytes'>;

export function samePeriodic(a: PeriodicSettings, b: PeriodicSettings): boolean {
  return (
    a.periodicExport === b.periodicExport &&
    a.exportIntervalMs === b.exportIntervalMs &&
    a.exportMaxFiles === b.exportMaxFiles &&
    a.exportMaxBytes === b.exportMaxBytes
  );
}

/** Starts the periodic export into `dir` when the settings ask for it; null otherwise. */
export function startPeriodic(
  dir: vscode.Uri,
  settings: PeriodicSettings,
  snapshot: () => MetricsSnapshot,
  log: vscode.LogOutputChannel,
): PeriodicExport | null {
  if (!settings.periodicExport) return null;
  const rotator = new SnapshotRotator({ dir: dir.fsPath, maxFiles: settings.exportMaxFiles, maxBytes: settings.exportMaxBytes });
  const periodic = startPeriodicExport({
    snapshot,
    rotator: {
      write: async (s) => {
        const r = await rotator.write(s);
        log.debug(`metrics exported to ${r.path}`);
        if (r.removed.length) log.info(`metrics export rotation removed ${r.removed.join(', ')}`);
        return r;
      },
    },
    intervalMs: settings.exportIntervalMs,
    onError: (e) => log.warn(`periodic metrics export failed: ${e instanceof Error ? e.message : String(e)}`),
  });
  log.info(
    `periodic metrics export every ${settings.exportIntervalMs / 60_000} min into ${dir.fsPath} (at most ${settings.exportMaxFiles} files, ${Math.round(settings.exportMaxBytes / 1024 / 1024)} MB)`,
  );
  return periodic;
}
