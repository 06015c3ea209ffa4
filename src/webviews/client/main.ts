/**
 * The ROM editor's webview client. Talks to the extension host only through the typed protocol
 * (src/webviews/protocol.ts) and keeps its UI state with getState/setState.
 */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-badge/index.js';
import type { RomView } from '../protocol';
import { renderHeader } from './header-view';
import { Rpc } from './rpc';

interface UiState {
  evidenceOpen: boolean;
}

const rpc = new Rpc();
const app = document.getElementById('app')!;
let state: UiState = { evidenceOpen: false, ...((rpc.api.getState() as Partial<UiState> | undefined) ?? {}) };

function saveState(patch: Partial<UiState>): void {
  state = { ...state, ...patch };
  rpc.api.setState(state);
}

function showError(message: string): void {
  const box = document.createElement('div');
  box.className = 'error';
  box.setAttribute('role', 'alert');
  box.textContent = message;
  app.prepend(box);
}

function render(view: RomView): void {
  const section = renderHeader(view, {
    fixChecksum: () => {
      rpc.request('fixChecksum', {}).catch((e: Error) => showError(e.message));
    },
  });
  const details = section.querySelector('details');
  if (details) {
    details.open = state.evidenceOpen;
    details.addEventListener('toggle', () => saveState({ evidenceOpen: details.open }));
  }
  app.replaceChildren(section);
  document.body.dataset.ready = 'true';
}

rpc.onEvent((e) => {
  if (e.event === 'romChanged') render(e.data);
});
rpc.request('ready', {}).then(render, (e: Error) => showError(`Could not read the ROM: ${e.message}`));
