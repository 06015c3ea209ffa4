/**
 * The "Metrics" tree view: the groups of the core's buildTreeModel (Overview, Operations, Cache,
 * Workers, Memory, Errors, Alerts), each value in its item's description. The provider renders
 * whatever snapshot it was last given; refreshes are throttled (at most twice a second).
 */
import * as vscode from 'vscode';
import { buildTreeModel, throttle, type MetricsSnapshot, type Throttled, type TreeGroupId, type TreeGroupModel, type TreeItemModel } from '../../core/metrics';

export const METRICS_VIEW_ID = 'spritepal.metrics';
export const TREE_REFRESHES_PER_SECOND = 2;

type Node = { kind: 'group'; group: TreeGroupModel } | { kind: 'item'; group: TreeGroupId; index: number; item: TreeItemModel };

const GROUP_ICONS: Record<TreeGroupId, string> = {
  overview: 'dashboard',
  operations: 'watch',
  cache: 'database',
  workers: 'server-process',
  memory: 'circuit-board',
  errors: 'error',
  alerts: 'bell',
};

/** Groups shown collapsed at first (the rest open expanded). */
const COLLAPSED: ReadonlySet<TreeGroupId> = new Set(['workers']);

export class MetricsTreeProvider implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private model: TreeGroupModel[] = [];
  private readonly refresh: Throttled<[MetricsSnapshot]>;

  /** `protocolViolations`: how many webview messages the editor providers refused so far (shown under Errors). */
  constructor(private readonly protocolViolations: () => number = () => 0) {
    this.refresh = throttle((s: MetricsSnapshot) => {
      this.model = buildTreeModel(s, { protocolViolations: this.protocolViolations() });
      this.changed.fire(undefined);
    }, TREE_REFRESHES_PER_SECOND);
  }

  /** Shows this snapshot now, or a moment later when the last refresh was too recent (the latest wins). */
  update(s: MetricsSnapshot): void {
    this.refresh(s);
  }

  flush(): void {
    this.refresh.flush();
  }

  getChildren(node?: Node): Node[] {
    if (!node) return this.model.map((group) => ({ kind: 'group', group }));
    if (node.kind === 'group') return node.group.items.map((item, index) => ({ kind: 'item', group: node.group.id, index, item }));
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'group') {
      const g = node.group;
      const state =
        g.items.length === 0
          ? vscode.TreeItemCollapsibleState.None
          : COLLAPSED.has(g.id)
            ? vscode.TreeItemCollapsibleState.Collapsed
            : vscode.TreeItemCollapsibleState.Expanded;
      const t = new vscode.TreeItem(g.label, state);
      t.id = `group:${g.id}`;
      t.description = g.description || (g.items.length === 0 ? 'none' : '');
      t.iconPath = new vscode.ThemeIcon(GROUP_ICONS[g.id]);
      t.contextValue = `spritepal.metrics.group.${g.id}`;
      return t;
    }
    const { item } = node;
    const t = new vscode.TreeItem(item.label, vscode.TreeItemCollapsibleState.None);
    // Stable ids keep selection and scroll position across refreshes; alerts are a list, so by position.
    t.id = node.group === 'alerts' ? `alerts:${node.index}` : `${node.group}:${item.label}`;
    t.description = item.description;
    if (item.tooltip) t.tooltip = `${item.label}: ${item.description}\n${item.tooltip}`;
    if (node.group === 'alerts') {
      const critical = item.label.startsWith('Critical');
      t.iconPath = new vscode.ThemeIcon(critical ? 'error' : 'warning', new vscode.ThemeColor(critical ? 'list.errorForeground' : 'list.warningForeground'));
    }
    return t;
  }

  /** The tree as the view renders it: every group's and item's label and description, from getTreeItem. */
  rendered(): TreeGroupModel[] {
    return this.getChildren().map((groupNode) => {
      const g = this.getTreeItem(groupNode);
      const group = (groupNode as Extract<Node, { kind: 'group' }>).group;
      return {
        id: group.id,
        label: labelText(g.label),
        description: String(g.description ?? ''),
        items: this.getChildren(groupNode).map((n) => {
          const t = this.getTreeItem(n);
          const tooltip = typeof t.tooltip === 'string' ? t.tooltip : undefined;
          return tooltip === undefined
            ? { label: labelText(t.label), description: String(t.description ?? '') }
            : { label: labelText(t.label), description: String(t.description ?? ''), tooltip };
        }),
      };
    });
  }

  dispose(): void {
    this.refresh.dispose();
    this.changed.dispose();
  }
}

function labelText(label: string | vscode.TreeItemLabel | undefined): string {
  return typeof label === 'string' ? label : (label?.label ?? '');
}
