/** The dump viewer's page: its own client and styles in the shared strict-CSP page (webview-html.ts). */
import * as vscode from 'vscode';
import { webviewHtml } from '../webview-html';

export function dumpViewerOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return {
    enableScripts: true,
    enableCommandUris: false,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')],
  };
}

export function dumpViewerHtml(webview: vscode.Webview, extensionUri: vscode.Uri, title: string): string {
  return webviewHtml(webview, extensionUri, title, { script: 'dump-webview.js', style: 'dump-viewer.css' });
}
