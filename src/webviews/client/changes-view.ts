/**
 * The Changes tab: what differs from the ROM's clean original, one row per thing (header field,
 * pointer, sprite, data) with SNES and file offsets; the selected row shows a small hex diff of
 * its ranges. Buttons make a BPS or IPS patch (the host asks where, and for the original if needed).
 */
import type { ChangeRowView, ChangesData } from '../protocol';
import { ce, el, hex } from './dom';
import type { Rpc } from './rpc';

const byte = (b: number | undefined) => (b === undefined ? '  ' : b.toString(16).toUpperCase().padStart(2, '0'));

export class ChangesView {
  readonly root = el('section', { class: 'changes-view', 'aria-label': 'Changes from the clean original' });
  private data: ChangesData | null = null;
  private selected = 0;
  private loading = false;

  constructor(
    private readonly rpc: Rpc,
    private readonly error: (message: string) => void,
  ) {}

  /** Asks the host again (the tab was shown, or the ROM changed while it is shown). */
  async refresh(): Promise<void> {
    if (this.loading) return;
    this.loading = true;
    try {
      this.data = await this.rpc.request('changes', {});
      this.render();
    } catch (e) {
      this.error(`Could not compare with the original: ${(e as Error).message}`);
    } finally {
      this.loading = false;
    }
  }

  private createPatch(format: 'bps' | 'ips'): void {
    void this.rpc
      .request('createPatch', { format })
      .then((r) => {
        if (r.output) this.root.dataset.lastPatch = r.output;
        return this.refresh();
      })
      .catch((e: Error) => this.error(e.message));
  }

  private render(): void {
    const d = this.data!;
    const bar = el('div', { class: 'changes-bar' });
    for (const format of ['bps', 'ips'] as const) {
      const b = ce('vscode-button', { id: `create-${format}`, ...(format === 'ips' ? { secondary: '' } : {}) }, `Create ${format.toUpperCase()} Patch...`);
      b.addEventListener('click', () => this.createPatch(format));
      bar.append(b);
    }
    if (d.unavailable) {
      this.root.replaceChildren(el('p', { class: 'changes-note', id: 'changes-unavailable' }, d.unavailable), bar);
      return;
    }
    const total = d.rows.reduce((n, r) => n + r.changedBytes, 0);
    bar.prepend(el('span', { class: 'changes-summary', id: 'changes-summary' }, d.rows.length === 0 ? `No changes from ${d.original}` : `${d.rows.length + d.more} changes, ${total} bytes, against ${d.original}`));
    const table = el('table', { class: 'changes', id: 'changes-table', role: 'grid' });
    table.append(el('tr', {}, el('th', {}, 'What'), el('th', {}, 'SNES'), el('th', {}, 'File'), el('th', {}, 'Bytes')));
    d.rows.forEach((r, i) => {
      const first = r.ranges[0]!;
      const tr = el('tr', { class: `change ${r.kind}${i === this.selected ? ' selected' : ''}`, tabindex: '0', 'data-kind': r.kind }, el('td', { title: r.detail ?? '' }, r.label), el('td', {}, first.snes ?? '—'), el('td', {}, hex(first.fileOffset)), el('td', {}, String(r.changedBytes)));
      const select = () => {
        this.selected = i;
        this.render();
      };
      tr.addEventListener('click', select);
      tr.addEventListener('keydown', (e) => {
        if (e.key === 'Enter' || e.key === ' ') select();
      });
      table.append(tr);
    });
    if (d.more) table.append(el('tr', {}, el('td', { colspan: '4' }, `… and ${d.more} more`)));
    const row = d.rows[this.selected] ?? d.rows[0];
    this.root.replaceChildren(bar, table, ...(row ? [this.diff(row)] : []));
  }

  /** Before and after, 16 bytes a line, changed bytes marked. */
  private diff(row: ChangeRowView): HTMLElement {
    const box = el('div', { class: 'change-diff', id: 'change-diff' }, el('h3', {}, row.label), ...(row.detail ? [el('p', {}, row.detail)] : []));
    for (const r of row.ranges) {
      const pre = el('pre', { class: 'hexdiff' });
      for (let at = 0; at < r.after.length; at += 16) {
        const line = (which: number[], label: string) => {
          const span = el('span', {}, `${label} ${hex(r.fileOffset + at)}  `);
          for (let k = at; k < Math.min(at + 16, which.length); k++) {
            const b = el('span', r.before[k] !== r.after[k] ? { class: 'changed' } : {}, byte(which[k]) + ' ');
            span.append(b);
          }
          return span;
        };
        pre.append(line(r.before, '-'), '\n', line(r.after, '+'), '\n');
      }
      if (r.length > r.after.length) pre.append(`… ${r.length - r.after.length} more bytes\n`);
      box.append(el('h4', {}, `${r.snes ?? ''} file ${hex(r.fileOffset)}, ${r.changedBytes} of ${r.length} bytes changed`), pre);
    }
    return box;
  }
}
