/**
 * The editor's palette strip: the sprite's 4 or 16 colours (colour 0 shown as transparency),
 * left click picks the foreground index, right click the background. With a ROM palette shown,
 * the foreground colour can be edited in BGR555 steps (0-31 a channel, or the 15-bit word in hex)
 * and written into the ROM as an undoable edit.
 */
import { isRomPaletteId } from '../../../core/gallery/palette-id';
import type { PaletteOption } from '../../protocol';
import { el } from '../dom';
import { cssRgb } from '../../../core/format';

export interface PaletteStripHooks {
  /** The foreground or background index changed. */
  picked(): void;
  /** Write colour `index` of the ROM palette `paletteId` (BGR555). */
  writeColor(paletteId: string, index: number, color: number): Promise<void>;
}

/** 0xRRGGBB (8 bits a channel) to BGR555. */
export function rgbToBgr555(rgb: number): number {
  return ((rgb >> 19) & 0x1f) | (((rgb >> 11) & 0x1f) << 5) | (((rgb >> 3) & 0x1f) << 10);
}

/** BGR555 to 0xRRGGBB, full range (31 -> 255), as the host renders palettes. */
export function bgr555ToRgb(c: number): number {
  const x = (v: number) => ((v << 3) | (v >> 2)) & 0xff;
  return (x(c & 0x1f) << 16) | (x((c >> 5) & 0x1f) << 8) | x((c >> 10) & 0x1f);
}

export class PaletteStrip {
  readonly root: HTMLElement;
  fg = 1;
  bg = 0;
  private palette: PaletteOption | undefined;
  private colors = 16;
  private readonly swatches: HTMLElement;
  private readonly fgBox: HTMLElement;
  private readonly bgBox: HTMLElement;
  private readonly editor: HTMLElement;
  private readonly channels: HTMLInputElement[];
  private readonly hexInput: HTMLInputElement;
  private readonly preview: HTMLElement;
  private readonly note: HTMLElement;

  constructor(private readonly hooks: PaletteStripHooks) {
    this.swatches = el('div', { class: 'pe-swatches', role: 'listbox', 'aria-label': 'Palette: left click foreground, right click background' });
    this.fgBox = el('span', { class: 'pe-swatch pe-current', id: 'pe-fg', title: 'Foreground (left button)' });
    this.bgBox = el('span', { class: 'pe-swatch pe-current', id: 'pe-bg', title: 'Background (right button)' });
    const swap = el('button', { class: 'pe-button', id: 'pe-swap', title: 'Swap foreground and background (X)' }, '⇄');
    swap.addEventListener('click', () => this.swap());
    this.channels = ['R', 'G', 'B'].map((c) =>
      el('input', { type: 'number', min: '0', max: '31', step: '1', class: 'pe-channel', id: `pe-${c.toLowerCase()}`, 'aria-label': `${c} (0-31)` }),
    );
    this.hexInput = el('input', { type: 'text', class: 'pe-hex', id: 'pe-hex', maxlength: '4', 'aria-label': 'BGR555 value in hex (0000-7FFF)' });
    this.preview = el('span', { class: 'pe-swatch', id: 'pe-preview' });
    const apply = el('button', { class: 'pe-button', id: 'pe-apply-color', title: 'Write this colour into the ROM (undoable)' }, 'Write to ROM');
    this.note = el('span', { class: 'pe-note' });
    for (const input of this.channels) input.addEventListener('input', () => this.fromChannels());
    this.hexInput.addEventListener('input', () => this.fromHex());
    apply.addEventListener('click', () => void this.apply());
    this.editor = el(
      'div',
      { class: 'pe-color-editor', id: 'pe-color-editor', hidden: '' },
      el('span', { class: 'pe-label' }, 'Colour'),
      ...this.channels.flatMap((input, i) => [el('label', { for: input.id }, 'RGB'[i]!), input]),
      el('label', { for: 'pe-hex' }, 'BGR555 $'),
      this.hexInput,
      this.preview,
      apply,
      this.note,
    );
    this.root = el(
      'div',
      { class: 'pe-palette', id: 'pe-palette' },
      el('span', { class: 'pe-label' }, 'Palette'),
      this.swatches,
      this.fgBox,
      this.bgBox,
      swap,
      this.editor,
    );
  }

  setPalette(p: PaletteOption | undefined, bpp: number): void {
    this.palette = p;
    this.colors = Math.min(16, 1 << bpp);
    this.fg = Math.min(this.fg, this.colors - 1);
    this.bg = Math.min(this.bg, this.colors - 1);
    this.render();
  }

  /** 0xRRGGBB of index i in the current palette (grayscale without one). */
  rgbOf(i: number): number {
    if (this.palette && i < this.palette.colors.length) return this.palette.colors[i]!;
    const v = Math.round((i * 255) / Math.max(1, this.colors - 1));
    return (v << 16) | (v << 8) | v;
  }

  /** The palette id when its colours can be written to the ROM. */
  private get romPaletteId(): string | null {
    return isRomPaletteId(this.palette?.id) ? this.palette.id : null;
  }

  setFg(i: number): void {
    this.fg = i;
    this.render();
    this.hooks.picked();
  }

  setBg(i: number): void {
    this.bg = i;
    this.render();
    this.hooks.picked();
  }

  swap(): void {
    [this.fg, this.bg] = [this.bg, this.fg];
    this.render();
    this.hooks.picked();
  }

  private render(): void {
    const paint = (box: HTMLElement, i: number) => {
      box.classList.toggle('pe-transparent', i === 0);
      box.style.backgroundColor = i === 0 ? '' : cssRgb(this.rgbOf(i));
    };
    const cells: HTMLElement[] = [];
    for (let i = 0; i < this.colors; i++) {
      const cell = el('span', {
        class: 'pe-swatch',
        role: 'option',
        'data-index': String(i),
        title: `Colour ${i}${i === 0 ? ' (transparent)' : ''}: ${cssRgb(this.rgbOf(i))}`,
        'aria-selected': String(i === this.fg),
      });
      paint(cell, i);
      cell.classList.toggle('pe-fg', i === this.fg);
      cell.classList.toggle('pe-bg', i === this.bg);
      cell.addEventListener('mousedown', (e) => {
        e.preventDefault();
        if (e.button === 2) this.setBg(i);
        else this.setFg(i);
      });
      cell.addEventListener('contextmenu', (e) => e.preventDefault());
      cells.push(cell);
    }
    this.swatches.replaceChildren(...cells);
    paint(this.fgBox, this.fg);
    paint(this.bgBox, this.bg);
    this.fgBox.textContent = String(this.fg);
    this.bgBox.textContent = String(this.bg);
    const editable = this.romPaletteId !== null;
    this.editor.hidden = !editable;
    // The fields keep what the user is typing unless the colour they show changed (a palette
    // pushed again with the same colours, after a rescan, leaves them alone).
    const shown = `${this.palette?.id}:${this.fg}:${this.rgbOf(this.fg)}`;
    if (editable && shown !== this.shown) this.showColor(rgbToBgr555(this.rgbOf(this.fg)));
    this.shown = shown;
  }

  /** Palette, index and colour the editor's fields were last filled from. */
  private shown = '';

  private showColor(c: number): void {
    this.channels[0]!.value = String(c & 0x1f);
    this.channels[1]!.value = String((c >> 5) & 0x1f);
    this.channels[2]!.value = String((c >> 10) & 0x1f);
    this.hexInput.value = c.toString(16).toUpperCase().padStart(4, '0');
    this.preview.style.backgroundColor = cssRgb(bgr555ToRgb(c));
    this.note.textContent = `colour ${this.fg}`;
  }

  /** The BGR555 value the editor shows, or null when a field is out of range. */
  private edited(): number | null {
    const v = this.channels.map((i) => Number(i.value));
    if (v.some((n) => !Number.isInteger(n) || n < 0 || n > 31)) return null;
    return v[0]! | (v[1]! << 5) | (v[2]! << 10);
  }

  private fromChannels(): void {
    const c = this.edited();
    if (c === null) return;
    this.hexInput.value = c.toString(16).toUpperCase().padStart(4, '0');
    this.preview.style.backgroundColor = cssRgb(bgr555ToRgb(c));
  }

  private fromHex(): void {
    const text = this.hexInput.value.trim();
    if (!/^[0-9a-fA-F]{1,4}$/.test(text) || parseInt(text, 16) > 0x7fff) return;
    const c = parseInt(text, 16);
    this.channels[0]!.value = String(c & 0x1f);
    this.channels[1]!.value = String((c >> 5) & 0x1f);
    this.channels[2]!.value = String((c >> 10) & 0x1f);
    this.preview.style.backgroundColor = cssRgb(bgr555ToRgb(c));
  }

  private async apply(): Promise<void> {
    const id = this.romPaletteId;
    const c = this.edited();
    if (!id) return;
    if (c === null) {
      this.note.textContent = 'each channel is 0-31';
      return;
    }
    await this.hooks.writeColor(id, this.fg, c);
  }
}
