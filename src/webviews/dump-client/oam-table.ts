/**
 * The OAM table: all 128 entries, visible ones marked, one row selected. A single tab stop
 * (role="grid" with aria-activedescendant): arrows, Page Up/Down, Home/End move the selection.
 */
import type { OamRow } from '../dump-protocol';
import { el } from '../client/dom';
import { hex } from '../../core/format';

const COLUMNS: [string, (e: OamRow) => string][] = [
  ['#', (e) => String(e.index)],
  ['X', (e) => String(e.x)],
  ['Y', (e) => String(e.y)],
  ['Tile', (e) => hex(e.tile, 3)],
  ['Palette', (e) => String(e.palette)],
  ['Priority', (e) => String(e.priority)],
  ['H flip', (e) => (e.hflip ? 'yes' : '')],
  ['V flip', (e) => (e.vflip ? 'yes' : '')],
  ['Size', (e) => `${e.width}×${e.height}${e.large ? ' (large)' : ''}`],
  ['Visible', (e) => (e.visible ? 'yes' : '')],
];

export class OamTable {
  readonly root: HTMLElement;
  private readonly table: HTMLTableElement;
  private readonly body: HTMLTableSectionElement;
  private rows: HTMLTableRowElement[] = [];
  private entries: OamRow[] = [];
  selected: number | null = null;

  constructor(private readonly onSelect: (index: number | null) => void) {
    this.body = el('tbody');
    this.table = el(
      'table',
      { id: 'oam-table', class: 'oam-table', role: 'grid', tabindex: '0', 'aria-label': 'OAM entries; arrow keys select a sprite', 'aria-rowcount': '129' },
      el('thead', {}, el('tr', { role: 'row' }, ...COLUMNS.map(([h]) => el('th', { role: 'columnheader', scope: 'col' }, h)))),
      this.body,
    );
    this.table.addEventListener('keydown', (e) => this.onKey(e));
    this.table.addEventListener('focus', () => {
      if (this.selected === null && this.entries.length) this.select(this.entries.find((x) => x.visible)?.index ?? 0);
    });
    this.root = el('div', { class: 'oam-scroll' }, this.table);
  }

  setEntries(entries: OamRow[]): void {
    this.entries = entries;
    this.rows = entries.map((e) => {
      const tr = el('tr', {
        id: `oam-row-${e.index}`,
        role: 'row',
        'aria-rowindex': String(e.index + 2),
        'aria-selected': 'false',
        class: e.visible ? 'visible' : 'hidden-sprite',
      });
      for (const [, f] of COLUMNS) tr.append(el('td', { role: 'gridcell' }, f(e)));
      tr.addEventListener('click', () => {
        this.select(e.index);
        this.table.focus();
      });
      return tr;
    });
    this.body.replaceChildren(...this.rows);
    if (this.selected !== null) this.mark(this.selected, false);
  }

  /** Selects a row (null: none), scrolls it into view and tells the owner. */
  select(index: number | null, scroll = true): void {
    if (index !== null && !this.rows[index]) index = null;
    this.mark(index, scroll);
    this.onSelect(index);
  }

  private mark(index: number | null, scroll: boolean): void {
    if (this.selected !== null) {
      this.rows[this.selected]?.classList.remove('selected');
      this.rows[this.selected]?.setAttribute('aria-selected', 'false');
    }
    this.selected = index;
    if (index === null) {
      this.table.removeAttribute('aria-activedescendant');
      return;
    }
    const row = this.rows[index]!;
    row.classList.add('selected');
    row.setAttribute('aria-selected', 'true');
    this.table.setAttribute('aria-activedescendant', row.id);
    if (scroll) {
      // Only the table's own scroller moves (scrollIntoView would scroll the page too).
      const box = this.root;
      const head = this.table.tHead?.offsetHeight ?? 0;
      if (row.offsetTop - head < box.scrollTop) box.scrollTop = row.offsetTop - head;
      else if (row.offsetTop + row.offsetHeight > box.scrollTop + box.clientHeight) box.scrollTop = row.offsetTop + row.offsetHeight - box.clientHeight;
    }
  }

  private onKey(e: KeyboardEvent): void {
    const n = this.entries.length;
    if (!n) return;
    const cur = this.selected ?? -1;
    const page = Math.max(1, Math.floor(this.root.clientHeight / (this.rows[0]?.offsetHeight || 20)) - 1);
    const moves: Record<string, number> = { ArrowDown: cur + 1, ArrowUp: cur - 1, PageDown: cur + page, PageUp: cur - page, Home: 0, End: n - 1 };
    if (e.key in moves) {
      e.preventDefault();
      this.select(Math.max(0, Math.min(n - 1, moves[e.key]!)));
    } else if (e.key === 'Escape' && this.selected !== null) {
      e.preventDefault();
      this.select(null);
    }
  }

  focus(): void {
    this.table.focus();
  }
}
