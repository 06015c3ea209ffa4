/**
 * The Changes tab: what differs from the ROM's clean original, one row per thing (header field,
 * pointer, sprite, data) with SNES and file offsets. The selected row shows a small hex diff of
 * its ranges; a sprite's row first shows the sprite before and after side by side (decoded by the
 * host from the original and the document, coloured here with the sprite's palette as the gallery
 * does). Buttons make a BPS or IPS patch (the host asks where, and for the original if needed).
 */
import type { ChangePreview, ChangeRowView, ChangesData, ChangeSpriteRef, ThumbItem } from '../protocol';
import { ce, el, hex } from './dom';
import { drawZoomed, paletteRgba, toBitmap } from './draw';
import type { Rpc } from './rpc';

/** The largest a before/after image is drawn (CSS pixels a side), at an integer zoom of at most 4. */
const PREVIEW_BOX = 256;

const byte = (b: number | undefined) => (b === undefined ? '  ' : b.toString(16).toUpperCase().padStart(2, '0'));

export class ChangesView {
  readonly root = el('section', { class: 'changes-view', 'aria-label': 'Changes from the clean original' });
  private data: ChangesData | null = null;
  private selected = 0;
  private loading = false;
  /** The last preview asked for (by its sprite reference), so re-rendering the table does not ask again. */
  private preview: { key: string; result: Promise<ChangePreview> } | null = null;

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
      this.preview = null; // the bytes may have changed: decode the selected sprite again
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

  private setOriginal(): void {
    void this.rpc
      .request('setOriginal', {})
      .then(() => this.refresh())
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
    const setOriginal = ce('vscode-button', { id: 'set-original', secondary: '' }, 'Set Clean Original...');
    setOriginal.addEventListener('click', () => this.setOriginal());
    bar.append(setOriginal);
    if (d.unavailable) {
      this.root.replaceChildren(el('p', { class: 'changes-note', id: 'changes-unavailable' }, d.unavailable), bar);
      return;
    }
    const total = d.rows.reduce((n, r) => n + r.changedBytes, 0);
    const original = `${d.original} (CRC32 ${d.originalCrc32})`;
    const count = d.rows.length + d.more;
    bar.prepend(
      el(
        'span',
        { class: 'changes-summary', id: 'changes-summary' },
        count > 0
          ? `${count} change${count === 1 ? '' : 's'}, ${total} byte${total === 1 ? '' : 's'}, against the clean original ${original}`
          : d.edits
            ? `This ROM has edits (${d.edits}), but its bytes equal the clean original ${original}: there is nothing to patch. If that file is not the unmodified ROM, set the clean original again.`
            : `No changes from the clean original ${original}`,
      ),
    );
    const table = el('table', { class: 'changes', id: 'changes-table', role: 'grid' });
    table.append(el('tr', {}, el('th', {}, 'What'), el('th', {}, 'SNES'), el('th', {}, 'File'), el('th', {}, 'Bytes')));
    d.rows.forEach((r, i) => {
      const first = r.ranges[0]!;
      const tr = el(
        'tr',
        { class: `change ${r.kind}${i === this.selected ? ' selected' : ''}`, tabindex: '0', 'data-kind': r.kind },
        el('td', { title: r.detail ?? '' }, r.label),
        el('td', {}, first.snes ?? '—'),
        el('td', {}, hex(first.fileOffset)),
        el('td', {}, String(r.changedBytes)),
      );
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

  /** A sprite before and after, side by side: two canvases filled when the host has decoded both. */
  private spriteView(ref: ChangeSpriteRef): HTMLElement {
    const side = (which: 'before' | 'after', title: string) => {
      const canvas = el('canvas', { class: 'change-image', id: `change-${which}`, width: '1', height: '1' });
      const caption = el('figcaption', {}, title);
      return { canvas, caption, figure: el('figure', { class: 'change-side', 'data-side': which }, canvas, caption) };
    };
    const before = side('before', 'Before (original)');
    const after = side('after', 'After (this document)');
    const box = el('div', { class: 'change-sprite', id: 'change-sprite', 'data-state': 'loading' }, before.figure, after.figure);
    const key = JSON.stringify(ref);
    if (this.preview?.key !== key) this.preview = { key, result: this.rpc.request('changePreview', ref) };
    void this.preview.result.then(
      (p) => {
        const draw = (s: typeof before, item: ThumbItem | null, where: number | null, title: string) => {
          if (item === null || !('pixels' in item)) {
            s.canvas.hidden = true;
            s.caption.textContent = item === null ? `${title}: none (${where === null ? 'not in this ROM' : hex(where)})` : `${title}: ${item.error}`;
            return;
          }
          const zoom = Math.max(1, Math.min(4, Math.floor(PREVIEW_BOX / Math.max(item.width, item.height))));
          drawZoomed(s.canvas, toBitmap(item.pixels, item.width, item.height, paletteRgba(p.palette ?? undefined, ref.bpp)), zoom, false, '');
          s.canvas.dataset.width = String(item.width);
          s.canvas.dataset.height = String(item.height);
          s.caption.textContent = `${title}: ${item.tiles} tiles, ${item.consumed} B at ROM offset ${hex(item.romOffset)}`;
        };
        draw(before, p.before, ref.before, 'Before (original)');
        draw(after, p.after, ref.after, 'After (this document)');
        box.dataset.state = 'ready';
        if (p.palette) box.title = `Palette: ${p.palette.label}`;
      },
      (e: Error) => {
        box.dataset.state = 'failed';
        box.replaceChildren(el('p', { class: 'changes-note' }, `Could not draw the sprite: ${e.message}`));
      },
    );
    return box;
  }

  /** Before and after, 16 bytes a line, changed bytes marked (under a sprite's images when it is one). */
  private diff(row: ChangeRowView): HTMLElement {
    const box = el('div', { class: 'change-diff', id: 'change-diff' }, el('h3', {}, row.label), ...(row.detail ? [el('p', {}, row.detail)] : []));
    if (row.sprite) box.append(this.spriteView(row.sprite));
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
