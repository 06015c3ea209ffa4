/** Command-palette commands (category SpritePal). Each works on the active ROM editor. */
import * as vscode from 'vscode';
import { hex } from '../core/format';
import type { RomEditorProvider } from './rom-editor-provider';
import { ROM_EDITOR_VIEW_TYPE } from './rom-editor-provider';

export function registerCommands(context: vscode.ExtensionContext, editor: RomEditorProvider, log: vscode.LogOutputChannel): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('spritepal.fixChecksum', async () => {
      const doc = editor.activeDocument;
      if (!doc) {
        void vscode.window.showWarningMessage('SpritePal: open a ROM in the SpritePal ROM editor first.');
        return;
      }
      try {
        const r = editor.fixChecksum(doc);
        const value = r.checksum === null ? '' : ` ${hex(r.checksum, 4)}`;
        void vscode.window.showInformationMessage(
          r.applied ? `SpritePal: checksum set to${value} (unsaved; undo with Ctrl+Z).` : `SpritePal: the checksum${value} is already correct.`,
        );
      } catch (err) {
        void vscode.window.showErrorMessage(`SpritePal: ${(err as Error).message}`);
      }
    }),
    vscode.commands.registerCommand('spritepal.openDemoRom', async () => {
      const dir = context.globalStorageUri;
      await vscode.workspace.fs.createDirectory(dir);
      const uri = vscode.Uri.joinPath(dir, 'spritepal-demo.sfc');
      const demo = loadDemoRom(context.extensionUri);
      await vscode.workspace.fs.writeFile(uri, demo.buildDemoRom());
      // Beside it, a scene made from its sprites as emulator dumps: something to try Find in ROM with.
      const dumps = demo.demoDumpFiles('spritepal-demo.sfc').map((f) => ({ ...f, uri: vscode.Uri.joinPath(dir, f.name) }));
      for (const f of dumps) await vscode.workspace.fs.writeFile(f.uri, f.bytes);
      log.info(`wrote the demo ROM to ${uri.fsPath}, and its scene's dumps beside it`);
      await vscode.commands.executeCommand('vscode.openWith', uri, ROM_EDITOR_VIEW_TYPE);
      const open = 'Open Demo Dump';
      void vscode.window
        .showInformationMessage(
          'SpritePal: beside the demo ROM is a memory dump of a scene made from its sprites (VRAM, CGRAM, OAM): open it to see the sprites on screen and try Find in ROM.',
          open,
        )
        .then((a) => (a === open ? vscode.commands.executeCommand('vscode.openWith', dumps[0]!.uri, 'spritepal.dumpViewer') : undefined));
    }),
  );
}

/**
 * The demo ROM builder, loaded only when "Open Demo ROM" runs: the demo art is its own bundle
 * (dist/demo-rom.js, built by esbuild.mjs), so extension.js does not carry it.
 */
function loadDemoRom(extensionUri: vscode.Uri): typeof import('../core/demo/demo-files') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a bundle beside extension.js, loaded on demand on purpose
  return require(vscode.Uri.joinPath(extensionUri, 'dist', 'demo-rom.js').fsPath) as typeof import('../core/demo/demo-files');
}
