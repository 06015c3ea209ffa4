/**
 * The memory dump viewer's webview client: the VRAM as tiles (OBJ area marked), the sprites that
 * were on screen (each in its own CGRAM palette) and the OAM table. Talks to the host only through
 * src/webviews/dump-protocol.ts (the shared Rpc, typed to the dump viewer's maps) and keeps its UI
 * state with getState/setState (state.ts). Pixels arrive indexed; colours are applied here.
 * The parts: vram-view.ts (the tile canvas and its toolbar), screen-view.ts (the sprites on
 * screen), oam-table.ts, controls.ts (files, OBSEL, the selection bar); this file wires them.
 */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-badge/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import type { DumpEvent, DumpRequestMap, DumpView, ObselSettings, SiblingKind } from '../dump-protocol';
import { el } from '../client/dom';
import { Rpc } from '../client/rpc';
import { FilesView, ObselControls, SelectionBar } from './controls';
import { OamTable } from './oam-table';
import { ScreenView } from './screen-view';
import { DumpState } from './state';
import { VramView } from './vram-view';

const rpc = new Rpc<DumpRequestMap, DumpEvent>();
const state = new DumpState(rpc.api);

const app = document.getElementById('app')!;
const errorBox = el('div', { class: 'error', role: 'alert', hidden: '' });
function showError(message: string): void {
  errorBox.textContent = message;
  errorBox.hidden = false;
}

// ---- the parts ---------------------------------------------------------------------------------

const filesView = new FilesView((kind) => void pickSibling(kind));
const vram = new VramView(state, rpc, { rangeChanged: () => selectionChanged(), showError });
const screen = new ScreenView(state, rpc, { pick: (index) => oamTable.select(index), showError });
const obsel = new ObselControls((patch) => void setObsel(patch));
const selectionBar = new SelectionBar(() => void findInRom());
const oamTable = new OamTable((index) => {
  state.save({ selected: index });
  // Choosing a sprite makes it what Find in ROM looks for.
  vram.selectionChanged(index !== null);
  screen.drawOverlay();
  vram.draw();
  selectionBar.describe(state.selectedEntry());
  selectionChanged();
});

const oamTitle = el('h2', { id: 'oam-title' }, 'OAM');
const screenSection = el(
  'section',
  { class: 'screen-section', 'aria-labelledby': 'screen-title' },
  el('h2', { id: 'screen-title' }, 'Sprites on screen'),
  obsel.root,
  screen.summary,
  screen.host,
  selectionBar.root,
  oamTitle,
  oamTable.root,
);

// ---- what the parts ask of the host -------------------------------------------------------------

async function pickSibling(kind: SiblingKind): Promise<void> {
  try {
    const v = await rpc.request('pickSibling', { kind });
    if (v) await applyView(v);
  } catch (e) {
    showError((e as Error).message);
  }
}

async function setObsel(patch: Partial<ObselSettings>): Promise<void> {
  if (!state.view) return;
  try {
    await applyView(await rpc.request('setObsel', { ...state.view.obsel, ...patch }));
  } catch (e) {
    showError((e as Error).message);
  }
}

function selectionChanged(): void {
  const sel = state.findSelection();
  selectionBar.setFindSelection(sel);
  void rpc.request('select', { selection: sel }).catch(() => undefined);
}

async function findInRom(): Promise<void> {
  const sel = state.findSelection();
  if (!sel) return;
  try {
    await rpc.request('findInRom', sel);
  } catch (e) {
    showError(`Find in ROM: ${(e as Error).message}`);
  }
}

async function applyView(v: DumpView): Promise<void> {
  state.view = v;
  filesView.render(v);
  vram.setView(v);
  obsel.render(v);
  oamTable.setEntries(v.entries ?? []);
  oamTitle.toggleAttribute('hidden', !v.entries);
  oamTable.root.hidden = !v.entries;
  if (state.ui.selected !== null && !v.entries?.[state.ui.selected]) state.save({ selected: null });
  selectionBar.describe(state.selectedEntry());
  await Promise.all([vram.load(), screen.load()]);
  document.body.dataset.revision = String(v.revision);
}

// ---- start -------------------------------------------------------------------------------------

// A theme change swaps the CSS variables (and the body's class): redraw what the canvases took from them.
new MutationObserver(() => {
  vram.draw();
  screen.drawOverlay();
}).observe(document.body, { attributes: true, attributeFilter: ['class', 'data-vscode-theme-id'] });

rpc.onEvent((m) => {
  // A change this panel asked for was applied from the response already.
  if (m.event === 'viewChanged' && m.data.revision !== state.view?.revision) void applyView(m.data);
});

async function start(): Promise<void> {
  try {
    const v = await rpc.request('ready', {});
    app.replaceChildren(
      el('header', { class: 'dump-header' }, filesView.title, filesView.files),
      errorBox,
      el('div', { class: 'dump-layout' }, vram.root, screenSection),
    );
    await applyView(v);
    if (state.ui.selected !== null) oamTable.select(state.ui.selected, true);
    selectionChanged();
    document.body.dataset.ready = 'true';
  } catch (e) {
    app.replaceChildren(errorBox);
    showError(`Could not show this dump: ${(e as Error).message}`);
  }
}

void start();
