/**
 * The dump viewer's HTML: strict CSP with a per-load nonce; scripts and styles only from dist/ and
 * media/ (VS Code matches localResourceRoots as folders, so a root cannot be one file).
 */
import * as vscode from 'vscode';
import { randomBytes } from 'node:crypto';

function script(extensionUri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, 'dist', 'dump-webview.js');
}

function style(extensionUri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, 'media', 'dump-viewer.css');
}

export function dumpViewerOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return { enableScripts: true, enableCommandUris: false, localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')] };
}

export function dumpViewerHtml(webview: vscode.Webview, extensionUri: vscode.Uri, title: string): string {
  const nonce = randomBytes(16).toString('base64');
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
<link rel="stylesheet" href="${webview.asWebviewUri(style(extensionUri))}" nonce="${nonce}">
<title>${esc(title)}</title>
</head>
<body>
<main id="app" aria-live="polite"><p class="loading">Reading ${esc(title)}…</p></main>
<script nonce="${nonce}" src="${webview.asWebviewUri(script(extensionUri))}"></script>
</body>
</html>`;
}
