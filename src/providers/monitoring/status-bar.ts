/**
 * The monitoring status-bar item: `$(pulse) 0.3% · 92% cache` (overhead, then the hit rate over all
 * cache levels), the key figures in the tooltip, a click that reveals the Metrics view. Text and
 * tooltip come from the core's formatStatusText / formatStatusTooltip; updates are throttled to
 * at most two a second. Hidden while monitoring is off.
 */
import * as vscode from 'vscode';
import { formatStatusText, formatStatusTooltip, throttle, type MetricsSnapshot, type Throttled } from '../../core/metrics';

export const STATUS_ITEM_ID = 'spritepal.monitoring';
/** Status-bar updates per second at most. */
export const STATUS_UPDATES_PER_SECOND = 2;

export class MetricsStatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly render: Throttled<[MetricsSnapshot]>;
  private shown = false;

  constructor(showCommand: string) {
    this.item = vscode.window.createStatusBarItem(STATUS_ITEM_ID, vscode.StatusBarAlignment.Right, 100);
    this.item.name = 'SpritePal Monitoring';
    this.item.command = { command: showCommand, title: 'Show SpritePal Metrics' };
    this.item.text = '$(pulse) — · no lookups yet';
    this.item.tooltip = 'SpritePal monitoring: no snapshot yet';
    this.render = throttle((s: MetricsSnapshot) => this.paint(s), STATUS_UPDATES_PER_SECOND);
  }

  /** Renders the snapshot now or, when the last render was too recent, a moment later (the latest wins). */
  update(s: MetricsSnapshot): void {
    this.render(s);
  }

  /** Renders a pending update now. */
  flush(): void {
    this.render.flush();
  }

  setVisible(visible: boolean): void {
    this.shown = visible;
    if (visible) this.item.show();
    else this.item.hide();
  }

  get visible(): boolean {
    return this.shown;
  }

  get text(): string {
    return this.item.text;
  }

  get tooltip(): string {
    return typeof this.item.tooltip === 'string' ? this.item.tooltip : (this.item.tooltip?.value ?? '');
  }

  dispose(): void {
    this.render.dispose();
    this.item.dispose();
  }

  private paint(s: MetricsSnapshot): void {
    const text = formatStatusText(s);
    this.item.text = text;
    this.item.tooltip = `${formatStatusTooltip(s)}\n\nClick to show the Metrics view.`;
    // The core marks the text with $(warning) for a while after a critical alert; colour it too.
    this.item.backgroundColor = text.startsWith('$(warning)') ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
  }
}
