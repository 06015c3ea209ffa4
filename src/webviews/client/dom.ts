/** Tiny DOM helpers for the webview (no framework: the UI is small and the bundle stays small). */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  for (const c of children) e.append(c);
  return e;
}

/** A custom element (the @vscode-elements controls) with attributes. */
export function ce(tag: string, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElement {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  for (const c of children) e.append(c);
  return e;
}

/** A theme colour (a --vscode-* variable) for drawing on a canvas, or `fallback` when unset. */
export function cssColor(name: string, fallback: string): string {
  return getComputedStyle(document.body).getPropertyValue(name).trim() || fallback;
}

/** Locations and sizes are written by core/format.ts, as everywhere else. */
export { hex, formatSize as formatBytes } from '../../core/format';

/** A `vscode-textfield` (its `value` is the text). */
export type TextControl = HTMLElement & { value: string };

/** A `vscode-single-select` (its `value` is the chosen option's value). */
export type SelectControl = HTMLElement & { value: string };

function options(choices: readonly (readonly [string, string])[], value: string): HTMLElement[] {
  // The chosen option is marked as the element is built: the control reads its options when
  // they are slotted, so setting `value` right after replacing them could come too early.
  return choices.map(([v, text]) => ce('vscode-option', v === value ? { value: v, selected: '' } : { value: v }, text));
}

/** A single-select control from @vscode-elements/elements with `choices` ([value, label]). */
export function choiceSelect(
  id: string,
  label: string,
  choices: readonly (readonly [string, string])[],
  value: string,
  onChange: (v: string) => void,
): SelectControl {
  const s = ce('vscode-single-select', { id, 'aria-label': label, title: label, class: 'select' }, ...options(choices, value)) as SelectControl;
  s.addEventListener('change', () => onChange(s.value));
  return s;
}

/** Replaces a select's choices, with `value` chosen. */
export function setChoices(select: SelectControl, choices: readonly (readonly [string, string])[], value: string): void {
  select.replaceChildren(...options(choices, value));
}
