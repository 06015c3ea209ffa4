/**
 * The "Load palette" menu the gallery and the tile browser's palette picker both show: a palette
 * from a ROM address, a CGRAM dump or a .pal.json, asked for through an inline form (webviews have
 * no prompt()) and loaded by the host. Each view says where the form goes and what it does with
 * the palette; the asking, checking and loading are here once.
 */
import type { PaletteOption } from '../protocol';
import { ce, choiceSelect, el, type SelectControl, type TextControl } from './dom';
import type { Rpc } from './rpc';

/** Where a palette can be loaded from: the gallery's and the tile browser's "Load palette" menus. */
export const LOAD_PALETTE_CHOICES: readonly (readonly [string, string])[] = [
  ['', 'Load palette…'],
  ['rom', 'From ROM address…'],
  ['cgram', 'From CGRAM dump…'],
  ['palJson', 'From .pal.json…'],
];

/** How a view shows the inline form. */
export interface InlineFormPlace {
  /** Puts the form on the page (it removes itself when answered). */
  show(form: HTMLElement): void;
  /** The text field's id, if it has one. */
  inputId?: string;
  /**
   * True: an error in what was typed (a bad CGRAM number, an address the host refuses) is shown
   * in the form, which stays open to be corrected. False: the form closes and the error goes to
   * the view's own message line.
   */
  errorsInForm: boolean;
}

export interface PaletteLoadHooks {
  /** A palette was loaded: the view adds it (withPalette) and chooses it. */
  loaded(p: PaletteOption): void;
  error(message: string): void;
}

/** The "Load palette" menu (id `id`); it goes back to "Load palette…" after every choice. */
export function paletteLoadMenu(rpc: Rpc, id: string, place: InlineFormPlace, hooks: PaletteLoadHooks): SelectControl {
  const menu = choiceSelect(id, 'Load palette', LOAD_PALETTE_CHOICES, '', (kind) => void load(kind));
  async function load(kind: string): Promise<void> {
    try {
      const option = await loadFrom(rpc, kind, place);
      if (option) hooks.loaded(option);
    } catch (e) {
      hooks.error((e as Error).message);
    } finally {
      menu.value = '';
    }
  }
  return menu;
}

/** `palettes` with `p` at the end unless one with its id is there already. */
export function withPalette(palettes: PaletteOption[], p: PaletteOption): PaletteOption[] {
  return palettes.some((x) => x.id === p.id) ? palettes : [...palettes, p];
}

async function loadFrom(rpc: Rpc, kind: string, place: InlineFormPlace): Promise<PaletteOption | null> {
  if (kind === 'rom') {
    return inlineForm(place, 'Palette address ($BB:AAAA, BB:AAAA or 0x file offset)', '$80:8200', (address) =>
      rpc.request('loadPalette', { source: 'rom', address }),
    );
  }
  if (kind === 'cgram') {
    const index = await inlineForm(place, 'CGRAM palette number (0-15; sprites use 8-15)', '8', async (text) => {
      const n = Number(text);
      if (!Number.isInteger(n) || n < 0 || n > 15) throw new Error('a CGRAM palette number is 0-15');
      return n;
    });
    return index === null ? null : rpc.request('loadPalette', { source: 'cgram', index });
  }
  if (kind === 'palJson') return rpc.request('loadPalette', { source: 'palJson' });
  return null;
}

/**
 * A small inline form: resolves with what `accept` makes of the text typed (the placeholder when
 * none), or null when cancelled. What `accept` throws is shown in the form or rejects the promise,
 * as `place` says.
 */
function inlineForm<T>(place: InlineFormPlace, label: string, placeholder: string, accept: (text: string) => Promise<T>): Promise<T | null> {
  return new Promise((resolve, reject) => {
    const input = ce('vscode-textfield', {
      class: 'inline-input',
      ...(place.inputId ? { id: place.inputId } : {}),
      placeholder,
      'aria-label': label,
    }) as TextControl;
    const message = place.errorsInForm ? el('span', { class: 'inline-error', role: 'alert' }) : null;
    const ok = ce('vscode-button', {}, 'OK');
    const cancel = ce('vscode-button', { secondary: '' }, 'Cancel');
    const form = el(
      'div',
      { class: 'inline-form', role: 'group', 'aria-label': label },
      el('label', {}, label),
      input,
      ok,
      cancel,
      ...(message ? [message] : []),
    );
    const close = (v: T | null) => {
      form.remove();
      resolve(v);
    };
    const submit = async () => {
      const text = input.value.trim() || placeholder;
      if (!message) {
        form.remove();
        accept(text).then(resolve, reject);
        return;
      }
      try {
        close(await accept(text));
      } catch (e) {
        message.textContent = (e as Error).message;
      }
    };
    ok.addEventListener('click', () => void submit());
    cancel.addEventListener('click', () => close(null));
    input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') void submit();
      if (e.key === 'Escape') close(null);
    });
    place.show(form);
    input.focus();
  });
}
