/**
 * SpritePal for VS Code: entry point. Wires the providers (custom editor, commands) to the core;
 * everything created here is disposed with the extension.
 */
import * as vscode from 'vscode';
import { createServices, type SessionServices } from './core/session/services';
import { registerCommands } from './providers/commands';
import { registerInjectCommands, type ReinjectWatcher } from './providers/inject-commands';
import { registerPatchCommands } from './providers/patch-commands';
import { createCatalogAccess } from './providers/catalog-access';
import { registerMonitoring, type MonitoringApi } from './providers/monitoring';
import { RomEditorProvider } from './providers/rom-editor-provider';
import { registerDumpViewer, type DumpViewerApi } from './providers/dump-viewer';
import { reopenEarlyRomTabs } from './providers/reopen-early-roms';
import { openDemoWorkspaceRom } from './providers/demo-workspace';

export interface SpritePalApi {
  /** For integration tests and other extensions: the ROM editor provider. */
  editor: RomEditorProvider;
  /** The metrics registry, cache and worker pool every open ROM shares. */
  services: SessionServices;
  /** The "Watch and Re-inject" watcher (which PNGs are being watched). */
  injection: ReinjectWatcher;
  /** The monitoring views (status bar, Metrics tree) as they render. */
  monitoring: MonitoringApi;
  /** The memory dump viewer (for integration tests: the open viewer's parsed model). */
  dumps: DumpViewerApi;
}

export function activate(context: vscode.ExtensionContext): SpritePalApi {
  const log = vscode.window.createOutputChannel('SpritePal', { log: true });
  context.subscriptions.push(log);
  const services = createServices({
    workerScript: vscode.Uri.joinPath(context.extensionUri, 'dist', 'worker.js').fsPath,
    cacheDir: vscode.Uri.joinPath(context.globalStorageUri, 'cache').fsPath,
    metricsEnabled: vscode.workspace.getConfiguration('spritepal').get<boolean>('monitoring.enabled', true),
  });
  context.subscriptions.push({ dispose: () => void services.dispose() });
  const editor = RomEditorProvider.register(context, log, services, createCatalogAccess(log));
  registerCommands(context, editor, log);
  const injection = registerInjectCommands(context, editor, log);
  registerPatchCommands(context, editor, log);
  const dumps = registerDumpViewer(context, log, editor);
  const monitoring = registerMonitoring(context, services, log, () => editor.protocolViolations + dumps.provider.protocolViolations);
  log.info('SpritePal activated');
  void reopenEarlyRomTabs(log)
    .then(() => openDemoWorkspaceRom(context.workspaceState, log))
    .catch((e: Error) => log.warn(`could not reopen ROM tabs: ${e.message}`));
  return { editor, services, injection, monitoring, dumps };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
