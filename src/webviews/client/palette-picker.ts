/**
 * A palette picker for one view (the tile browser has its own, not the gallery's): the ROM
 * editor's palettes (grayscale, catalog palettes, the default for uncatalogued ROMs, palettes
 * loaded anywhere) plus the shared "Load palette" menu (palette-loader.ts), and a strip of
 * swatches showing the chosen colours.
 */
import type { PaletteOption } from '../protocol';
import { cssRgb } from '../../core/format';
import { choiceSelect, el, setChoices, type SelectControl } from './dom';
import { paletteLoadMenu, withPalette } from './palette-loader';
import type { Rpc } from './rpc';

export interface PalettePickerHooks {
  chosen(p: PaletteOption | undefined): void;
  /** A palette was loaded here: the other views can offer it too. */
  loaded(p: PaletteOption): void;
  error(message: string): void;
}

export class PalettePicker {
  readonly root: HTMLElement;
  private readonly select: SelectControl;
  private readonly swatches: HTMLElement;
  private palettes: PaletteOption[] = [];

  constructor(
    rpc: Rpc,
    prefix: string,
    palettes: PaletteOption[],
    private chosenId: string,
    private readonly hooks: PalettePickerHooks,
  ) {
    this.select = choiceSelect(`${prefix}-palette`, 'Palette', [], '', (v) => this.choose(v));
    const load = paletteLoadMenu(
      rpc,
      `${prefix}-load-palette`,
      { show: (form) => this.root.append(form), inputId: `${prefix}-palette-input`, errorsInForm: false },
      {
        loaded: (p) => {
          const palettes = withPalette(this.palettes, p);
          if (palettes !== this.palettes) this.setPalettes(palettes);
          this.hooks.loaded(p);
          this.chosenId = '';
          this.choose(p.id);
          this.select.value = p.id;
        },
        error: (m) => this.hooks.error(m),
      },
    );
    this.swatches = el('span', { class: 'swatches', id: `${prefix}-swatches`, role: 'img' });
    this.root = el('span', { class: 'palette-picker' }, this.select, this.swatches, load);
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
}

/** One small box per colour (styled through the CSSOM: the page's CSP allows no inline style attributes). */
export function swatchSpans(colors: readonly number[]): HTMLElement[] {
  return colors.slice(0, 16).map((c) => {
    const s = el('span', { class: 'swatch' });
    s.style.backgroundColor = cssRgb(c);
    return s;
  });
}
