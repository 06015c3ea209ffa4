/**
 * The page a ROM editor shows when its file cannot be opened as a ROM (too small, a directory,
 * unreadable): the reason, the line written to the SpritePal output channel, and buttons to reopen
 * the file with another editor (Hex Editor, text) or show the log. Instead of VS Code's generic
 * "The editor could not be opened due to an unexpected error".
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';

/** The document of a file that failed to open: nothing to edit, save or back up. */
export class UnopenableRom implements vscode.CustomDocument {
  constructor(
    readonly uri: vscode.Uri,
    /** Why it cannot be opened (the core's clear message). */
    readonly reason: string,
    /** The line written to the output channel. */
    readonly logLine: string,
  ) {}

  dispose(): void {}
}

/** Messages the error page may send; anything else is ignored. */
export type ErrorPageMessage = { kind: 'reopenWith' } | { kind: 'showLog' };

export function parseErrorPageMessage(raw: unknown): ErrorPageMessage | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const kind = (raw as { kind?: unknown }).kind;
  return kind === 'reopenWith' || kind === 'showLog' ? { kind } : null;
}

export function errorPageHtml(doc: UnopenableRom): string {
  const nonce = randomBytes(16).toString('base64');
  const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const name = doc.uri.path.split('/').pop() ?? doc.uri.path;
  const csp = ["default-src 'none'", `style-src 'nonce-${nonce}'`, `script-src 'nonce-${nonce}'`].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<title>${esc(name)}</title>
<style nonce="${nonce}">
body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); padding: 1.5rem 2rem; max-width: 52rem; }
h1 { font-size: 1.3rem; font-weight: 600; }
.reason { font-size: 1.05rem; border-left: 3px solid var(--vscode-errorForeground); padding: .4rem .8rem; background: var(--vscode-textBlockQuote-background); }
pre { white-space: pre-wrap; font-family: var(--vscode-editor-font-family); font-size: .9em; color: var(--vscode-descriptionForeground); }
button { font: inherit; color: var(--vscode-button-foreground); background: var(--vscode-button-background); border: 1px solid var(--vscode-button-border, transparent); padding: .35rem .9rem; margin-right: .5rem; cursor: pointer; }
button.secondary { color: var(--vscode-button-secondaryForeground); background: var(--vscode-button-secondaryBackground); }
button:focus-visible { outline: 1px solid var(--vscode-focusBorder); outline-offset: 2px; }
</style>
</head>
<body>
<main role="alert">
<h1>SpritePal cannot open ${esc(name)} as a SNES ROM</h1>
<p class="reason" id="reason">${esc(doc.reason)}</p>
<p>Open it with another editor instead, such as the Hex Editor or the text editor.</p>
<p><button id="reopen">Reopen With...</button><button id="log" class="secondary">Show Log</button></p>
<p>Logged to the SpritePal output channel:</p>
<pre id="log-line">${esc(doc.logLine)}</pre>
</main>
<script nonce="${nonce}">
const vscode = acquireVsCodeApi();
document.getElementById('reopen').addEventListener('click', () => vscode.postMessage({ kind: 'reopenWith' }));
document.getElementById('log').addEventListener('click', () => vscode.postMessage({ kind: 'showLog' }));
</script>
</body>
</html>`;
}
