/**
 * Registers the memory dump viewer: the read-only custom editor `spritepal.dumpViewer` and the
 * command "SpritePal: Open Memory Dump...". Everything is disposed with the extension.
 */
import * as vscode from 'vscode';
import { DUMP_VIEWER_VIEW_TYPE, DumpViewerProvider } from './dump-viewer-provider';
import type { DumpModel } from './dump-document';
import type { RomSource } from './find-in-rom';

export { DUMP_VIEWER_VIEW_TYPE, DumpViewerProvider } from './dump-viewer-provider';
export type { DumpModel } from './dump-document';

export interface DumpViewerApi {
  provider: DumpViewerProvider;
  /** The parsed model of an open dump viewer: of `uri` when given, else the active (or only) one. */
  model(uri?: vscode.Uri): DumpModel | undefined;
}

export function registerDumpViewer(context: vscode.ExtensionContext, log: vscode.LogOutputChannel, roms?: RomSource): DumpViewerApi {
  const provider = new DumpViewerProvider(context.extensionUri, log, roms);
  context.subscriptions.push(
    vscode.window.registerCustomEditorProvider(DUMP_VIEWER_VIEW_TYPE, provider, {
      webviewOptions: { retainContextWhenHidden: false },
      supportsMultipleEditorsPerDocument: true,
    }),
    vscode.commands.registerCommand('spritepal.openMemoryDump', async () => {
      const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
      const picked = await vscode.window.showOpenDialog({
        canSelectMany: false,
        canSelectFolders: false,
        defaultUri: folder,
        openLabel: 'Open Dump',
        title: 'Open a VRAM dump (CGRAM and OAM dumps beside it are found by name)',
        filters: { 'VRAM dumps': ['dmp', 'vram', 'bin'], 'All files': ['*'] },
      });
      if (!picked?.[0]) return;
      await vscode.commands.executeCommand('vscode.openWith', picked[0], DUMP_VIEWER_VIEW_TYPE);
    }),
    vscode.commands.registerCommand('spritepal.findInRom', async () => {
      const doc = provider.currentDocument;
      if (!doc) {
        void vscode.window.showInformationMessage('Find in ROM works from a memory dump: open one (SpritePal: Open Memory Dump...) and select a sprite.');
        return;
      }
      try {
        await provider.findInRom(doc);
      } catch (e) {
        void vscode.window.showErrorMessage(`Find in ROM: ${(e as Error).message}`);
      }
    }),
  );
  return { provider, model: (uri) => provider.model(uri) };
}
