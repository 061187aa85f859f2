/**
 * The panel's HTML shell. It carries no data (everything arrives through validated messages after the ready
 * handshake) and a CSP that allows only our own nonce'd script and our own stylesheet/images from the webview's
 * resource origin. The same app serves the sidebar and the dashboard tab; `surface` tells it which it is.
 */
import * as vscode from 'vscode';
import { newId } from '../../core/util/ids.js';

/** Where the app runs: the glanceable sidebar view or the full-size dashboard in an editor tab. */
export type PanelSurface = 'sidebar' | 'dashboard';

export interface PanelHtmlParts {
  cspSource: string;
  nonce: string;
  scriptUri: vscode.Uri;
  styleUri: vscode.Uri;
  surface?: PanelSurface;
}

export function panelHtml({ cspSource, nonce, scriptUri, styleUri, surface = 'sidebar' }: PanelHtmlParts): string {
  const csp = [`default-src 'none'`, `img-src ${cspSource} data:`, `style-src ${cspSource}`, `font-src ${cspSource}`, `script-src 'nonce-${nonce}'`].join('; ');
  const title = surface === 'dashboard' ? 'Driftwatch dashboard' : 'Driftwatch quality trend';
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${styleUri.toString()}">
<title>${title}</title>
</head>
<body data-surface="${surface}">
<main id="app" data-testid="panel-root" aria-busy="true" aria-label="${title}"></main>
<script nonce="${nonce}" src="${scriptUri.toString()}"></script>
</body>
</html>`;
}

/** Scripts on, resources limited to the built webview and `media/`, and the shell for `surface`. */
export function configureWebview(webview: vscode.Webview, extensionUri: vscode.Uri, surface: PanelSurface): void {
  const webviewRoot = vscode.Uri.joinPath(extensionUri, 'dist', 'webview');
  webview.options = { enableScripts: true, localResourceRoots: [webviewRoot, vscode.Uri.joinPath(extensionUri, 'media')] };
  webview.html = panelHtml({
    cspSource: webview.cspSource,
    nonce: newId(),
    scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(webviewRoot, 'main.js')),
    styleUri: webview.asWebviewUri(vscode.Uri.joinPath(webviewRoot, 'main.css')),
    surface,
  });
}
