/**
 * The dump viewer's controls outside the canvases: the files it shows (with Pick buttons for the
 * CGRAM and OAM dumps), the OBSEL settings none of the dumps hold, and the selection bar with
 * Find in ROM.
 */
import { OBJ_SIZE_MODES } from '../../core/dumps/oam';
import { OBJ_BASE_CANDIDATES } from '../../core/dumps/vram-sheet';
import { hex } from '../../core/format';
import type { DumpView, FindSelection, ObselSettings, OamRow, SiblingKind } from '../dump-protocol';
import { ce, choiceSelect, el } from '../client/dom';

/** The header: the VRAM dump's name and size, and a line for each sibling dump (found, picked or missing). */
export class FilesView {
  readonly title = el('h1', { id: 'dump-title' });
  readonly files = el('div', { class: 'files', id: 'dump-files' });

  constructor(private readonly pick: (kind: SiblingKind) => void) {}

  render(v: DumpView): void {
    this.title.textContent = v.fileName;
    document.title = v.fileName;
    const vramLine = el(
      'div',
      { class: 'file-line', id: 'file-vram' },
      el('span', { class: 'file-kind' }, 'VRAM'),
      el('span', { class: 'file-name' }, v.fileName),
      el('span', { class: 'dim' }, `${v.vramSize.toLocaleString('en-US')} bytes`),
    );
    if (!v.vramComplete) vramLine.append(el('span', { class: 'warn' }, `not a full 64 KiB VRAM dump: tiles only, no sprites`));
    this.files.replaceChildren(vramLine, this.siblingLine('cgram', v), this.siblingLine('oam', v));
  }

  private siblingLine(kind: SiblingKind, v: DumpView): HTMLElement {
    const label = kind === 'cgram' ? 'CGRAM' : 'OAM';
    const s = v[kind];
    const pick = ce('vscode-button', { id: `pick-${kind}`, secondary: '', 'aria-label': `Pick a ${label} dump` }, s.name ? 'Change…' : `Pick ${label} dump…`);
    pick.addEventListener('click', () => this.pick(kind));
    const line = el('div', { class: 'file-line', id: `file-${kind}` }, el('span', { class: 'file-kind' }, label));
    if (s.name && !s.problem) {
      line.append(
        el('span', { class: 'file-name', title: s.path ?? '' }, s.name),
        el('span', { class: 'dim' }, s.how === 'picked' ? '(picked)' : '(found by name)'),
      );
    } else {
      const what = kind === 'cgram' ? 'so tiles and sprites are drawn in grayscale.' : 'so there are no on-screen sprites and no OAM table.';
      line.classList.add('missing');
      line.append(
        el(
          'span',
          { class: 'warn', role: 'status' },
          s.problem
            ? `${s.problem}, ${what}`
            : `No ${label} dump beside ${v.fileName} (none has ${kind === 'cgram' ? 'SnesCgRam or CGRAM' : 'SnesSpriteRam or OAM'} in its name), ${what}`,
        ),
      );
    }
    line.append(pick);
    return line;
  }
}

const sizeLabel = ([[sw, sh], [lw, lh]]: readonly [[number, number], [number, number]]) => `${sw}×${sh} and ${lw}×${lh}`;

/** OBSEL ($2101) is in none of the dumps: sprite sizes, where tiles 256-511 start, and the base. */
export class ObselControls {
  readonly root: HTMLElement;
  private readonly sizeMode: HTMLElement;
  private readonly nameSelect: HTMLElement;
  private readonly base: HTMLElement;

  constructor(change: (patch: Partial<ObselSettings>) => void) {
    this.sizeMode = choiceSelect(
      'obsel-size',
      'Sprite sizes (OBSEL size mode)',
      OBJ_SIZE_MODES.map((m, i) => [String(i), `${i}: ${sizeLabel(m)}`]),
      '0',
      (v) => change({ sizeMode: Number(v) }),
    );
    this.nameSelect = choiceSelect(
      'obsel-name',
      'Tiles 256-511 (OBSEL name select)',
      [0, 1, 2, 3].map((n) => [String(n), `base + ${hex((n + 1) * 0x2000, 4)}`]),
      '0',
      (v) => change({ nameSelect: Number(v) }),
    );
    this.base = choiceSelect(
      'obsel-base',
      'OBJ tile base',
      [['auto', 'Found from the dump'], ...OBJ_BASE_CANDIDATES.map((b): [string, string] => [String(b), hex(b, 4)])],
      'auto',
      (v) => change({ base: v === 'auto' ? null : Number(v) }),
    );
    this.root = el('div', { class: 'toolbar', role: 'toolbar', 'aria-label': 'OBSEL settings' }, this.sizeMode, this.nameSelect, this.base);
  }

  render(v: DumpView): void {
    const set = (control: HTMLElement, value: string) => ((control as unknown as { value: string }).value = value);
    set(this.sizeMode, String(v.obsel.sizeMode));
    set(this.nameSelect, String(v.obsel.nameSelect));
    set(this.base, v.obsel.base === null ? 'auto' : String(v.obsel.base));
  }
}

/** What is selected, in words, and the Find in ROM button for it. */
export class SelectionBar {
  readonly root: HTMLElement;
  private readonly text = el('p', { class: 'selection', id: 'selection-text', 'aria-live': 'polite' });
  private readonly findButton = ce('vscode-button', { id: 'find-in-rom', 'aria-label': 'Find the selected tiles in an open ROM' }, 'Find in ROM…');

  constructor(find: () => void) {
    this.findButton.addEventListener('click', find);
    this.root = el('div', { class: 'toolbar selection-bar' }, this.text, this.findButton);
  }

  describe(e: OamRow | null): void {
    this.text.textContent = e
      ? `Sprite ${e.index}: ${e.width}×${e.height} at (${e.x}, ${e.y}), tile ${hex(e.tile, 3)}, palette ${e.palette}, priority ${e.priority}${e.hflip ? ', h-flipped' : ''}${e.vflip ? ', v-flipped' : ''}${e.visible ? '' : ' (off screen)'}`
      : 'Select a sprite in the table or on the screen.';
  }

  /** What Find in ROM would look for now (null: nothing, the button is off). */
  setFindSelection(sel: FindSelection | null): void {
    const b = this.findButton;
    b.toggleAttribute('disabled', sel === null);
    b.title = !sel
      ? 'Select a sprite, or Shift+click VRAM tiles'
      : 'sprite' in sel
        ? `Find sprite ${sel.sprite}'s tiles in the open ROM`
        : `Find VRAM tiles ${sel.tiles.first}–${sel.tiles.first + sel.tiles.count - 1} in the open ROM`;
    b.dataset.selection = sel ? ('sprite' in sel ? `sprite:${sel.sprite}` : `tiles:${sel.tiles.first}:${sel.tiles.count}`) : '';
  }
}
