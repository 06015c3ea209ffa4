/**
 * A palette picker for one view (the tile browser has its own, not the gallery's): the ROM
 * editor's palettes (grayscale, catalog palettes, the default for uncatalogued ROMs, palettes
 * loaded anywhere) plus the gallery's sources for new ones (a ROM address, a CGRAM dump, a
 * .pal.json), and a strip of swatches showing the chosen colours.
 */
import type { PaletteOption } from '../protocol';
import { cssRgb } from '../../core/format';
import { ce, choiceSelect, el, setChoices, type SelectControl, type TextControl } from './dom';
import type { Rpc } from './rpc';

export interface PalettePickerHooks {
  chosen(p: PaletteOption | undefined): void;
  /** A palette was loaded here: the other views can offer it too. */
  loaded(p: PaletteOption): void;
  error(message: string): void;
}

/** Where a palette can be loaded from: the gallery's and the tile browser's "Load palette" menus. */
export const LOAD_PALETTE_CHOICES: readonly (readonly [string, string])[] = [
  ['', 'Load palette…'],
  ['rom', 'From ROM address…'],
  ['cgram', 'From CGRAM dump…'],
  ['palJson', 'From .pal.json…'],
];

export class PalettePicker {
  readonly root: HTMLElement;
  private readonly select: SelectControl;
  private readonly load: SelectControl;
  private readonly swatches: HTMLElement;
  private palettes: PaletteOption[] = [];

  constructor(
    private readonly rpc: Rpc,
    private readonly prefix: string,
    palettes: PaletteOption[],
    private chosenId: string,
    private readonly hooks: PalettePickerHooks,
  ) {
    this.select = choiceSelect(`${prefix}-palette`, 'Palette', [], '', (v) => this.choose(v));
    this.load = choiceSelect(`${prefix}-load-palette`, 'Load palette', LOAD_PALETTE_CHOICES, '', (v) => void this.loadFrom(v));
    this.swatches = el('span', { class: 'swatches', id: `${prefix}-swatches`, role: 'img' });
    this.root = el('span', { class: 'palette-picker' }, this.select, this.swatches, this.load);
    this.setPalettes(palettes);
  }

  get current(): PaletteOption | undefined {
    return this.palettes.find((p) => p.id === this.chosenId) ?? this.palettes[0];
  }

  setPalettes(palettes: PaletteOption[]): void {
    this.palettes = palettes;
    if (!palettes.some((p) => p.id === this.chosenId) && palettes[0]) this.chosenId = palettes[0].id;
    setChoices(
      this.select,
      palettes.map((p): [string, string] => [p.id, p.label]),
      this.chosenId,
    );
    this.paintSwatches();
  }

  private choose(id: string): void {
    if (!id || id === this.chosenId) return;
    this.chosenId = id;
    this.paintSwatches();
    this.hooks.chosen(this.current);
  }

  private paintSwatches(): void {
    const p = this.current;
    this.swatches.setAttribute('aria-label', p ? `Colours of ${p.label}` : 'No palette');
    this.swatches.replaceChildren(...swatchSpans(p?.colors ?? []));
  }

  private async loadFrom(kind: string): Promise<void> {
    try {
      let option: PaletteOption | null = null;
      if (kind === 'rom') {
        const address = await this.ask('Palette address ($BB:AAAA, BB:AAAA or 0x file offset)', '$80:8200');
        if (address !== null) option = await this.rpc.request('loadPalette', { source: 'rom', address });
      } else if (kind === 'cgram') {
        const text = await this.ask('CGRAM palette number (0-15; sprites use 8-15)', '8');
        const index = text === null ? null : Number(text);
        if (index !== null && (!Number.isInteger(index) || index < 0 || index > 15)) throw new Error('a CGRAM palette number is 0-15');
        if (index !== null) option = await this.rpc.request('loadPalette', { source: 'cgram', index });
      } else if (kind === 'palJson') option = await this.rpc.request('loadPalette', { source: 'palJson' });
      if (option) {
        const added = option;
        if (!this.palettes.some((p) => p.id === added.id)) this.setPalettes([...this.palettes, added]);
        this.hooks.loaded(added);
        this.chosenId = '';
        this.choose(added.id);
        this.select.value = added.id;
      }
    } catch (e) {
      this.hooks.error((e as Error).message);
    } finally {
      this.load.value = '';
    }
  }

  /** An inline text field under the picker (webviews have no prompt()): the text, or null. */
  private ask(label: string, placeholder: string): Promise<string | null> {
    return new Promise((resolve) => {
      const input = ce('vscode-textfield', { class: 'inline-input', id: `${this.prefix}-palette-input`, placeholder, 'aria-label': label }) as TextControl;
      const ok = ce('vscode-button', {}, 'OK');
      const cancel = ce('vscode-button', { secondary: '' }, 'Cancel');
      const form = el('span', { class: 'inline-form', role: 'group', 'aria-label': label }, el('label', {}, label), input, ok, cancel);
      const close = (v: string | null) => {
        form.remove();
        resolve(v);
      };
      ok.addEventListener('click', () => close(input.value.trim() || placeholder));
      cancel.addEventListener('click', () => close(null));
      input.addEventListener('keydown', (e) => {
        if (e.key === 'Enter') close(input.value.trim() || placeholder);
        if (e.key === 'Escape') close(null);
      });
      this.root.append(form);
      input.focus();
    });
  }
}

/** One small box per colour (styled through the CSSOM: the page's CSP allows no inline style attributes). */
export function swatchSpans(colors: readonly number[]): HTMLElement[] {
  return colors.slice(0, 16).map((c) => {
    const s = el('span', { class: 'swatch' });
    s.style.backgroundColor = cssRgb(c);
    return s;
  });
}
