/** Renders the ROM header panel: what the ROM is, the mapping with its evidence, the checksum state. */
import type { RomView } from '../protocol';
import { hex } from '../../core/format';
import { COPIER_HEADER_SIZE } from '../../core/rom/copier-header';
import { el } from './dom';

export interface HeaderActions {
  fixChecksum(): void;
}

export function renderHeader(view: RomView, actions: HeaderActions): HTMLElement {
  const section = el('section', { class: 'header-view', 'aria-label': 'ROM header' });
  const title = el('h1', { id: 'rom-title' }, view.title ?? '(no internal header)');
  const badges = el('div', { class: 'badges' });
  const mapping = el('vscode-badge', { id: 'rom-mapping', variant: 'counter', title: 'Address mapping' } as Record<string, string>, view.mapping);
  badges.append(mapping);
  if (view.dirty) badges.append(el('span', { class: 'dirty' }, 'unsaved changes'));
  section.append(title, badges);

  const rows: [string, string, string?][] = [
    ['File', view.fileName],
    ['File size', `${view.fileSize.toLocaleString('en-US')} bytes${view.copierHeader ? ` (${COPIER_HEADER_SIZE}-byte copier header)` : ''}`],
    ['ROM size', `${view.romSize.toLocaleString('en-US')} bytes (${(view.romSize / 1024).toLocaleString('en-US')} KiB)`],
    ['Mapping', view.mapping, 'rom-mapping-row'],
  ];
  if (view.headerOffset !== null) {
    rows.push(
      ['Header', `${hex(view.headerFileOffset!, 6)} in the file (ROM offset ${hex(view.headerOffset, 6)})`],
      ['Map mode', `${hex(view.mapMode!, 2)} ${view.mapModeName}`],
      ['Chipset', `${hex(view.chipset!, 2)} ${view.chipsetName}`],
      ['Declared ROM size', `${hex(view.romSizeCode!, 2)} (${2 ** view.romSizeCode!} KiB)`],
      ['SRAM', view.ramSizeCode ? `${2 ** view.ramSizeCode} KiB` : 'none'],
      ['Region', `${view.region} ${view.regionName}`, 'rom-region'],
      ['Version', `1.${view.version}`],
      ['Developer id', hex(view.developerId!, 2)],
    );
  }
  const table = el('table', { class: 'facts' });
  for (const [k, v, id] of rows) table.append(el('tr', id ? { id } : {}, el('th', { scope: 'row' }, k), el('td', {}, v)));
  section.append(table);

  if (view.checksum) {
    const c = view.checksum;
    const box = el('div', { class: `checksum ${c.valid ? 'valid' : 'invalid'}`, id: 'rom-checksum', role: 'status' });
    box.append(
      el('span', { class: 'codicon-like', 'aria-hidden': 'true' }, c.valid ? '✓' : '!'),
      c.valid
        ? `Checksum ${hex(c.stored, 4)} is valid (complement ${hex(c.complement, 4)}).`
        : `Checksum is wrong: the header stores ${hex(c.stored, 4)} / ${hex(c.complement, 4)}, the ROM sums to ${hex(c.computed, 4)}.`,
    );
    if (!c.valid) {
      const button = el('vscode-button', { id: 'fix-checksum', 'aria-label': 'Fix checksum' } as Record<string, string>, 'Fix checksum');
      if (view.readOnly) button.setAttribute('disabled', '');
      button.addEventListener('click', () => actions.fixChecksum());
      box.append(button);
    }
    section.append(box);
  }

  const evidence = el('details', { class: 'evidence', id: 'rom-evidence' }, el('summary', {}, `Why ${view.mapping}?`));
  const list = el('ul');
  for (const e of view.evidence) list.append(el('li', {}, e));
  evidence.append(list);
  section.append(evidence);
  return section;
}
