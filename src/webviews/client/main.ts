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
import { GRAYSCALE_ID, type GalleryData, type GalleryEntry, type RomView, type TileView } from '../protocol';
import { movedOffset } from '../../core/catalog/moves';
import { fileOffsetOf, formatSnes } from '../../core/format';
import { COPIER_HEADER_SIZE } from '../../core/rom/copier-header';
import { offsetToSnes } from '../../core/rom/mapping';
import { DetailView, type DetailState } from './detail';
import { ce, el } from './dom';
import { Gallery, type GalleryState } from './gallery';
import { ChangesView } from './changes-view';
import { renderHeader } from './header-view';
import { Rpc } from './rpc';
import { TileBrowser, type TileBrowserState } from './tile-browser';

const TABS = ['sprites', 'tiles', 'header', 'changes'] as const;
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
  tiles: { offset: 0, bpp: 4, widthTiles: 16, cursor: 0, zoom: 0, order: 'linear', ...saved.tiles },
};

function saveState(patch: Partial<UiState>): void {
  state = { ...state, ...patch };
  rpc.api.setState(state);
  // The Tiles tab's view is also remembered by the host (per ROM, in the workspace): the webview's
  // own state is gone when its editor is closed, and VS Code may not keep it over a reload.
  if (patch.tiles) void rpc.request('setTileView', tileView(state.tiles)).catch(() => undefined);
}

function tileView(t: TileBrowserState): TileView {
  return {
    offset: t.offset,
    cursor: t.cursor,
    bpp: t.bpp,
    widthTiles: t.widthTiles,
    order: t.order ?? 'linear',
    zoom: t.zoom ?? 0,
    paletteId: t.paletteId ?? null,
  };
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
const changesPanel = el('div', { class: 'panel', id: 'panel-changes' });
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
  ce('vscode-tab-header', { slot: 'header', 'data-tab': 'changes' }, 'Changes'),
  ce('vscode-tab-panel', {}, changesPanel),
);
tabs.addEventListener('vsc-tabs-select', (e) => {
  const i = (e as CustomEvent<{ selectedIndex: number }>).detail.selectedIndex;
  saveState({ tab: TABS[i] ?? 'sprites' });
  if (TABS[i] === 'tiles') ensureTiles();
  if (TABS[i] === 'changes') void changes.refresh();
});
function showTab(tab: Tab): void {
  (tabs as unknown as { selectedIndex: number }).selectedIndex = TABS.indexOf(tab);
  saveState({ tab });
  if (tab === 'tiles') ensureTiles();
  if (tab === 'changes') void changes.refresh();
}

const changes = new ChangesView(rpc, (m) => showError(m));
changesPanel.append(changes.root);

// ---- header -------------------------------------------------------------------------------

let view: RomView | null = null;
function renderHeaderPanel(v: RomView): void {
  view = v;
  gallery.setRom(v);
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

/** A ROM offset's SNES address and file offset in the open ROM (a block that moved). */
function locate(romOffset: number): Pick<GalleryEntry, 'snes' | 'fileOffset'> {
  if (!view) return { snes: null, fileOffset: romOffset };
  return { snes: formatSnes(offsetToSnes(view.mapping, romOffset)), fileOffset: fileOffsetOf(romOffset, view.copierHeader ? COPIER_HEADER_SIZE : 0) };
}

function openDetail(e: GalleryEntry): void {
  detail = new DetailView(rpc, e, gallery.paletteFor(e), state.detail, {
    close: closeDetail,
    saveState: (p) => saveState({ detail: { ...state.detail, ...p } }),
    renamed: () => undefined,
    locate,
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
});

// ---- tile browser ------------------------------------------------------------------------------

let tileBrowser: TileBrowser | null = null;
/** The block "Decompress from here" found, beside the tiles (the Sprites tab keeps its own). */
let tilesDetail: DetailView | null = null;
const tilesDetailHost = el('div', { class: 'detail-host', id: 'tiles-detail-host' });

function ensureTiles(): void {
  if (tileBrowser || !view) return;
  tileBrowser = new TileBrowser(rpc, state.tiles, gallery.palettes, gallery.paletteFor(undefined)?.id ?? GRAYSCALE_ID, view, {
    saveState: (p) => saveState({ tiles: { ...state.tiles, ...p } }),
    openDetail: (e) => openTilesDetail(e),
    paletteLoaded: (p) => {
      if (!gallery.palettes.some((x) => x.id === p.id)) gallery.setPalettes([...gallery.palettes, p]);
    },
    paletteChosen: (p) => tilesDetail?.setPalette(p),
  });
  tilesPanel.replaceChildren(tileBrowser.root, tilesDetailHost);
}

function openTilesDetail(e: GalleryEntry): void {
  const close = () => {
    tilesDetail = null;
    tilesDetailHost.replaceChildren();
    tilesPanel.classList.remove('with-detail');
    tileBrowser?.focus();
  };
  tilesDetail = new DetailView(
    rpc,
    e,
    tileBrowser?.palette,
    { ...state.detail, widthTiles: null, bpp: null, order: state.tiles.order },
    {
      close,
      saveState: (p) => saveState({ detail: { ...state.detail, ...p, widthTiles: state.detail.widthTiles, bpp: state.detail.bpp } }),
      renamed: () => undefined,
      locate,
    },
  );
  tilesDetailHost.replaceChildren(tilesDetail.root);
  tilesPanel.classList.add('with-detail');
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

/** How the first view came: the host's push, or the fallback's own requests (and what they said). */
let firstBoot: { path: 'push' | 'asked'; view: RomView; gallery: GalleryData } | null = null;

/**
 * Whether two first views show the same: the ROM's view, and the catalog's entries (what the first
 * cells are). Scan hits may differ, as the scan runs on between the two.
 */
function sameFirstView(a: { view: RomView; gallery: GalleryData }, b: { view: RomView; gallery: GalleryData }): string | null {
  if (JSON.stringify(a.view) !== JSON.stringify(b.view)) return 'the ROM view differs';
  const named = (g: GalleryData) =>
    JSON.stringify(g.entries.filter((e) => e.source !== 'scan').map((e) => [e.romOffset, e.name, e.kind, e.bpp, e.tiles, e.widthTiles, e.paletteId]));
  if (named(a.gallery) !== named(b.gallery)) return 'the catalog entries differ';
  return null;
}

/** The first view and gallery data (pushed or asked for); later calls only refresh them. */
function boot(v: RomView, g: GalleryData, path: 'push' | 'asked'): void {
  renderHeaderPanel(v);
  gallery.setShowWeak(g.showWeak);
  gallery.setData(g.entries, g.palettes);
  gallery.setScan(g.scan);
  if (booted) {
    // The push came after the fallback had asked and shown its answer: the two must agree.
    if (path === 'push' && firstBoot?.path === 'asked' && document.body.dataset.bootSame === undefined) {
      const diff = sameFirstView(firstBoot, { view: v, gallery: g });
      document.body.dataset.bootSame = String(diff === null);
      if (diff) document.body.dataset.bootDiff = diff;
    }
    return;
  }
  booted = true;
  firstBoot = { path, view: v, gallery: g };
  document.body.dataset.bootPath = path;
  // A fresh webview (editor reopened, window reloaded) takes the Tiles tab's view the host remembers.
  if (!saved.tiles && g.tileView) state = { ...state, tiles: { ...g.tileView, paletteId: g.tileView.paletteId ?? undefined } };
  for (const w of bootWaiters.splice(0)) w();
  mark('boot');
  gallery.restoreScroll();
  document.body.dataset.ready = 'true';
  if (state.tab === 'tiles') ensureTiles();
  if (state.tab === 'changes') void changes.refresh();
  if (state.detail.open !== null) {
    const e = gallery.entry(state.detail.open);
    if (e) openDetail(e);
  }
}

const bootWaiters: (() => void)[] = [];
/** Resolves once the first view and gallery data are in (at once when they are). */
function afterBoot(): Promise<void> {
  return booted ? Promise.resolve() : new Promise((resolve) => bootWaiters.push(resolve));
}

/** The host asks to show a tab, with a block (Sprites: its detail view) or an offset (Tiles). */
async function reveal(tab: Tab, romOffset: number | undefined): Promise<void> {
  showTab(tab);
  if (romOffset === undefined) return;
  if (tab === 'tiles') tileBrowser?.go(romOffset);
  if (tab !== 'sprites') return;
  try {
    openDetail(gallery.entry(romOffset) ?? (await rpc.request('decompressAt', { romOffset })));
  } catch (err) {
    showError(`Could not open the block at ${romOffset}: ${(err as Error).message}`);
  }
}

async function askForBoot(): Promise<void> {
  if (booted) return;
  mark('asked');
  try {
    // Both requests at once: the gallery does not wait for the header's round trip.
    const [v, g] = await Promise.all([rpc.request('ready', {}), rpc.request('gallery', {})]);
    if (!booted) boot(v, g, 'asked');
  } catch (e) {
    showError(`Could not read the ROM: ${(e as Error).message}`);
  }
}

rpc.onEvent((e) => {
  switch (e.event) {
    case 'boot':
      mark('pushed');
      boot(e.data.view, e.data.gallery, 'push');
      gallery.expectThumbnails(e.data.thumbOffsets);
      break;
    case 'thumbs':
      mark('thumbs');
      gallery.acceptThumbnails(e.data);
      break;
    case 'romChanged':
      renderHeaderPanel(e.data);
      // Thumbnails stay: the entries event that follows an edit says which changed (by stamp).
      if (state.tab === 'changes') void changes.refresh();
      tileBrowser?.setView(e.data);
      void detail?.refresh();
      break;
    case 'scanStatus':
      gallery.setScan(e.data);
      break;
    case 'entries':
      gallery.setData(e.data.entries, e.data.palettes, e.data.moves);
      tileBrowser?.setPalettes(gallery.palettes);
      if (detail) {
        // The block shown may have moved (a relocating stroke or injection, its undo or redo): the
        // detail view follows it to its entry there, with that entry's facts and palette.
        const at = movedOffset(detail.romOffset, e.data.moves ?? []);
        const fresh = gallery.entry(at);
        if (fresh) {
          detailEntry = fresh;
          detail.setEntry(fresh);
        }
        if (state.detail.open !== at) saveState({ detail: { ...state.detail, open: at } });
      }
      detail?.setPalette(gallery.paletteFor(detailEntry));
      break;
    case 'showTab':
      void afterBoot().then(() => reveal(e.data.tab, e.data.romOffset));
      break;
  }
});

app.replaceChildren(errorBox, tabs);
setTimeout(() => void askForBoot(), BOOT_WAIT_MS);
