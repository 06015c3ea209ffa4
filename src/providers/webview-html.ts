/** The ROM editor's HTML: strict CSP with a per-load nonce, scripts and styles only from dist/ and media/. */
import * as vscode from 'vscode';
import { randomBytes } from 'node:crypto';

export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return {
    enableScripts: true,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')],
  };
}

export function romEditorHtml(webview: vscode.Webview, extensionUri: vscode.Uri, title: string): string {
  return webviewHtml(webview, extensionUri, title, { script: 'webview.js', style: 'rom-editor.css' });
}

/**
 * A webview page for one of our clients: `script` from dist/, `style` from media/, under a strict
 * CSP with a per-load nonce (VS Code matches localResourceRoots as folders, so dist/ and media/
 * are as tight as the roots go).
 */
export function webviewHtml(webview: vscode.Webview, extensionUri: vscode.Uri, title: string, files: { script: string; style: string }): string {
  const nonce = randomBytes(16).toString('base64');
  const script = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', files.script));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', files.style));
  const csp = [
    "default-src 'none'",
    `img-src ${webview.cspSource} data: blob:`,
    `style-src ${webview.cspSource} 'nonce-${nonce}'`,
    `font-src ${webview.cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
  const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style}" nonce="${nonce}">
<title>${esc(title)}</title>
</head>
<body>
<main id="app" aria-live="polite"><p class="loading">Reading ${esc(title)}…</p></main>
<script nonce="${nonce}" src="${script}"></script>
</body>
</html>`;
}
