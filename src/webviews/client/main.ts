/**
 * The ROM editor's webview client: tabs for the sprite gallery (with its detail view), the tile
 * browser and the header. Talks to the extension host only through the typed protocol
 * (src/webviews/protocol.ts) and keeps its UI state with getState/setState.
 */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-badge/index.js';
import '@vscode-elements/elements/dist/vscode-tabs/index.js';
import '@vscode-elements/elements/dist/vscode-tab-header/index.js';
import '@vscode-elements/elements/dist/vscode-tab-panel/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import '@vscode-elements/elements/dist/vscode-progress-bar/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import type { GalleryData, GalleryEntry, RomView } from '../protocol';
import { DetailView, type DetailState } from './detail';
import { ce, el } from './dom';
import { Gallery, type GalleryState } from './gallery';
import { renderHeader } from './header-view';
import { Rpc } from './rpc';
import { TileBrowser, type TileBrowserState } from './tile-browser';

const TABS = ['sprites', 'tiles', 'header'] as const;
type Tab = (typeof TABS)[number];

interface UiState {
  tab: Tab;
  evidenceOpen: boolean;
  gallery: GalleryState;
  detail: DetailState & { open: number | null };
  tiles: TileBrowserState;
}

const started = performance.now();
const rpc = new Rpc();
const app = document.getElementById('app')!;
const saved = (rpc.api.getState() as Partial<UiState> | undefined) ?? {};
let state: UiState = {
  tab: saved.tab ?? 'sprites',
  evidenceOpen: saved.evidenceOpen ?? false,
  gallery: { sort: 'offset', kind: 'all', search: '', paletteId: '', selected: null, scrollTop: 0, ...saved.gallery },
  detail: { zoom: 4, grid: true, widthTiles: null, bpp: null, open: null, ...saved.detail },
  tiles: { offset: 0, bpp: 4, widthTiles: 16, cursor: 0, ...saved.tiles },
};

function saveState(patch: Partial<UiState>): void {
  state = { ...state, ...patch };
  rpc.api.setState(state);
}

const errorBox = el('div', { class: 'error', role: 'alert', hidden: '' });
function showError(message: string): void {
  errorBox.textContent = message;
  errorBox.hidden = false;
  setTimeout(() => (errorBox.hidden = true), 8000);
}

// ---- layout --------------------------------------------------------------------------------

const headerPanel = el('div', { class: 'panel', id: 'panel-header' });
const spritesPanel = el('div', { class: 'panel', id: 'panel-sprites' });
const tilesPanel = el('div', { class: 'panel', id: 'panel-tiles' });
const tabs = ce(
  'vscode-tabs',
  { id: 'tabs', 'selected-index': String(TABS.indexOf(state.tab)) },
  // vscode-tabs assigns its own ids to headers (for ARIA): tests and styles use data-tab.
  ce('vscode-tab-header', { slot: 'header', 'data-tab': 'sprites' }, 'Sprites'),
  ce('vscode-tab-panel', {}, spritesPanel),
  ce('vscode-tab-header', { slot: 'header', 'data-tab': 'tiles' }, 'Tiles'),
  ce('vscode-tab-panel', {}, tilesPanel),
  ce('vscode-tab-header', { slot: 'header', 'data-tab': 'header' }, 'Header'),
  ce('vscode-tab-panel', {}, headerPanel),
);
tabs.addEventListener('vsc-tabs-select', (e) => {
  const i = (e as CustomEvent<{ selectedIndex: number }>).detail.selectedIndex;
  saveState({ tab: TABS[i] ?? 'sprites' });
  if (TABS[i] === 'tiles') ensureTiles();
});
function showTab(tab: Tab): void {
  (tabs as unknown as { selectedIndex: number }).selectedIndex = TABS.indexOf(tab);
  saveState({ tab });
  if (tab === 'tiles') ensureTiles();
}

// ---- header -------------------------------------------------------------------------------

let view: RomView | null = null;
function renderHeaderPanel(v: RomView): void {
  view = v;
  const section = renderHeader(v, { fixChecksum: () => void rpc.request('fixChecksum', {}).catch((e: Error) => showError(e.message)) });
  const details = section.querySelector('details');
  if (details) {
    details.open = state.evidenceOpen;
    details.addEventListener('toggle', () => saveState({ evidenceOpen: details.open }));
  }
  headerPanel.replaceChildren(section);
  document.title = v.title ?? v.fileName;
}

// ---- gallery and detail ----------------------------------------------------------------------

let detail: DetailView | null = null;
const detailHost = el('div', { class: 'detail-host' });
const gallery = new Gallery(rpc, state.gallery, {
  open: (e) => openDetail(e),
  saveState: (p) => saveState({ gallery: { ...state.gallery, ...p } }),
  error: showError,
  firstPaint: (count) => {
    const ms = performance.now() - started;
    document.body.dataset.firstPaintMs = ms.toFixed(1);
    // Wall-clock times (ms since the epoch) of the paint, of this page's start (its navigation)
    // and of this script's start: a test on the same machine splits the time from its own
    // "open" into VS Code's part (making the webview frame), page loading, and ours.
    document.body.dataset.firstPaintEpochMs = String(Date.now());
    document.body.dataset.pageStartEpochMs = performance.timeOrigin.toFixed(0);
    document.body.dataset.scriptStartEpochMs = (performance.timeOrigin + started).toFixed(0);
    document.body.dataset.firstPaintCount = String(count);
    void rpc.request('painted', { count, ms }).catch(() => undefined);
  },
  mark: (name) => mark(name),
});
spritesPanel.append(gallery.root, detailHost);

function openDetail(e: GalleryEntry): void {
  detail = new DetailView(rpc, e, gallery.paletteFor(e), state.detail, {
    close: closeDetail,
    saveState: (p) => saveState({ detail: { ...state.detail, ...p } }),
    renamed: () => undefined,
  });
  detailEntry = e;
  detailHost.replaceChildren(detail.root);
  spritesPanel.classList.add('with-detail');
  saveState({ detail: { ...state.detail, open: e.romOffset } });
  detail.focus();
}

function closeDetail(): void {
  detail = null;
  detailHost.replaceChildren();
  spritesPanel.classList.remove('with-detail');
  saveState({ detail: { ...state.detail, open: null, widthTiles: null, bpp: null } });
  gallery.focus();
}

let detailEntry: GalleryEntry | undefined;
document.getElementById('gallery-palette')?.addEventListener('change', () => {
  detail?.setPalette(gallery.paletteFor(detailEntry));
  tileBrowser?.setPalette(gallery.paletteFor(detailEntry));
});

// ---- tile browser ------------------------------------------------------------------------------

let tileBrowser: TileBrowser | null = null;
function ensureTiles(): void {
  if (tileBrowser || !view) return;
  tileBrowser = new TileBrowser(rpc, state.tiles, gallery.paletteFor(detailEntry), view.romSize, view.copierHeader ? 512 : 0, {
    saveState: (p) => saveState({ tiles: { ...state.tiles, ...p } }),
    decompressed: (e) => {
      showTab('sprites');
      openDetail(e);
    },
  });
  tilesPanel.replaceChildren(tileBrowser.root);
}

// ---- host events and start-up ----------------------------------------------------------------

/** Start-up marks (ms since the script started), kept on the body for tests and diagnosis. */
const marks: Record<string, number> = {};
export function mark(name: string): void {
  marks[name] = Math.round(performance.now() - started);
  document.body.dataset.marks = JSON.stringify(marks);
}

/**
 * How long a fresh webview waits for the host's boot push (protocol.ts) before asking for the
 * same data itself. The push normally arrives as the page finishes loading; this only covers a
 * webview the host did not push to.
 */
const BOOT_WAIT_MS = 1500;
let booted = false;

/** The first view and gallery data (pushed or asked for); later calls only refresh them. */
function boot(v: RomView, g: GalleryData): void {
  renderHeaderPanel(v);
  gallery.setData(g.entries, g.palettes);
  gallery.setScan(g.scan);
  if (booted) return;
  booted = true;
  mark('boot');
  gallery.restoreScroll();
  document.body.dataset.ready = 'true';
  if (state.tab === 'tiles') ensureTiles();
  if (state.detail.open !== null) {
    const e = gallery.entry(state.detail.open);
    if (e) openDetail(e);
  }
}

async function askForBoot(): Promise<void> {
  if (booted) return;
  mark('asked');
  try {
    // Both requests at once: the gallery does not wait for the header's round trip.
    const [v, g] = await Promise.all([rpc.request('ready', {}), rpc.request('gallery', {})]);
    if (!booted) boot(v, g);
  } catch (e) {
    showError(`Could not read the ROM: ${(e as Error).message}`);
  }
}

rpc.onEvent((e) => {
  switch (e.event) {
    case 'boot':
      boot(e.data.view, e.data.gallery);
      gallery.expectThumbnails(e.data.thumbOffsets);
      break;
    case 'thumbs':
      mark('thumbs');
      gallery.acceptThumbnails(e.data);
      break;
    case 'romChanged':
      renderHeaderPanel(e.data);
      gallery.invalidateThumbnails();
      void detail?.refresh();
      void tileBrowser?.refresh();
      break;
    case 'scanStatus':
      gallery.setScan(e.data);
      break;
    case 'entries':
      gallery.setData(e.data.entries, e.data.palettes);
      detail?.setPalette(gallery.paletteFor(detailEntry));
      break;
    case 'showTab':
      showTab(e.data.tab);
      if (e.data.tab === 'tiles' && e.data.romOffset !== undefined) tileBrowser?.go(e.data.romOffset);
      break;
  }
});

app.replaceChildren(errorBox, tabs);
setTimeout(() => void askForBoot(), BOOT_WAIT_MS);
