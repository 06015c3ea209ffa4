/** Alerts to the log (every one) and, for critical ones, a notification with a way to the Metrics view. */
import * as vscode from 'vscode';
import type { AlertEvent } from '../../core/metrics';

export function reportAlert(alert: AlertEvent, log: vscode.LogOutputChannel, opts: { notifyCritical: boolean; showCommand: string }): void {
  const line = `alert (${alert.level}, rule ${alert.ruleId}): ${alert.message}`;
  if (alert.level === 'critical') log.error(line);
  else log.warn(line);
  if (alert.level !== 'critical' || !opts.notifyCritical) return;
  void vscode.window.showWarningMessage(`SpritePal: ${alert.message}.`, 'Show Metrics').then(
    (choice) => {
      if (choice) void vscode.commands.executeCommand(opts.showCommand);
    },
    () => undefined,
  );
}
