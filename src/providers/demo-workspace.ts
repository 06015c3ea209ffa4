/**
 * SpritePal's demo workspace (what `npm start` serves: the demo ROM, `spritepal-demo.sfc`, at the
 * root of its folder) opens on its demo ROM, in the ROM editor, the first time it is opened. The
 * workbench is not asked to open it from its URL: on a browser's first visit VS Code opens a file
 * named there before it knows any extension's editors, in the text editor, which shows its "file is
 * binary" page until SpritePal is loaded and reopens it (microsoft/vscode#164008; later visits are
 * fine, VS Code remembers which files have a custom editor).
 */
import * as vscode from 'vscode';
import { romContentHash } from '../core/cache/rom-hash';
import { DEMO_ROM_SHA256 } from '../core/catalog/bundled';
import { ROM_EDITOR_VIEW_TYPE } from './rom-editor-provider';

export const DEMO_ROM_NAME = 'spritepal-demo.sfc';
const OPENED_KEY = 'spritepal.demoWorkspaceOpened';
/** The demo ROM's size: a file of another size is not it (and is not read). */
const DEMO_ROM_SIZE = 512 * 1024;

/** Opens the demo ROM of a demo workspace once, when nothing else is open. Returns whether it did. */
export async function openDemoWorkspaceRom(memento: vscode.Memento, log: vscode.LogOutputChannel): Promise<boolean> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder || memento.get<boolean>(OPENED_KEY) || vscode.window.tabGroups.all.some((g) => g.tabs.length > 0)) return false;
  const uri = vscode.Uri.joinPath(folder.uri, DEMO_ROM_NAME);
  const st = await Promise.resolve(vscode.workspace.fs.stat(uri)).catch(() => null);
  if (!st || st.size !== DEMO_ROM_SIZE) return false;
  if (romContentHash(new Uint8Array(await vscode.workspace.fs.readFile(uri))) !== DEMO_ROM_SHA256) return false;
  await memento.update(OPENED_KEY, true);
  log.info(`${DEMO_ROM_NAME}: the demo workspace, opened for the first time: showing its demo ROM`);
  await vscode.commands.executeCommand('vscode.openWith', uri, ROM_EDITOR_VIEW_TYPE);
  return true;
}
