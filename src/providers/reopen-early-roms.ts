/**
 * A ROM opened before the extension host had registered SpritePal's custom editor (the browser
 * workbench opens files from its URL that early) lands in the text editor as garbage. At
 * activation, reopen such tabs in the ROM editor, in the same group. Later "Reopen With > Text
 * Editor" choices are the user's and are left alone: this runs once.
 */
import * as vscode from 'vscode';
import { ROM_EDITOR_VIEW_TYPE } from './rom-editor-provider';

const ROM_EXTENSIONS = /\.(sfc|smc|swc|fig)$/i;

export async function reopenEarlyRomTabs(log: vscode.LogOutputChannel): Promise<number> {
  let reopened = 0;
  for (const group of vscode.window.tabGroups.all) {
    for (const tab of group.tabs) {
      if (!(tab.input instanceof vscode.TabInputText) || !ROM_EXTENSIONS.test(tab.input.uri.path) || tab.isDirty) continue;
      const uri = tab.input.uri;
      const wasActive = tab.isActive;
      await vscode.commands.executeCommand('vscode.openWith', uri, ROM_EDITOR_VIEW_TYPE, {
        viewColumn: group.viewColumn,
        preserveFocus: !wasActive,
        preview: false,
      });
      // The tab objects are stale once the group changed: find the text tab again and close it.
      const stale = vscode.window.tabGroups.all
        .flatMap((g) => g.tabs)
        .filter((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === uri.toString());
      if (stale.length) await vscode.window.tabGroups.close(stale, true);
      log.info(`reopened ${uri.fsPath} in the ROM editor (it had opened as text before SpritePal loaded)`);
      reopened++;
    }
  }
  return reopened;
}
