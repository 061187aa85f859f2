/**
 * The panel's HTML shell. It carries no data (everything arrives through validated messages after the ready
 * handshake) and a CSP that allows only our own nonce'd script and our own stylesheet/images from the webview's
 * resource origin.
 */
import type * as vscode from 'vscode';

export interface PanelHtmlParts {
  cspSource: string;
  nonce: string;
  scriptUri: vscode.Uri;
  styleUri: vscode.Uri;
}

export function panelHtml({ cspSource, nonce, scriptUri, styleUri }: PanelHtmlParts): string {
  const csp = [`default-src 'none'`, `img-src ${cspSource} data:`, `style-src ${cspSource}`, `font-src ${cspSource}`, `script-src 'nonce-${nonce}'`].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${styleUri.toString()}">
<title>Driftwatch quality trend</title>
</head>
<body>
<main id="app" data-testid="panel-root" aria-busy="true" aria-label="Driftwatch quality trend"></main>
<script nonce="${nonce}" src="${scriptUri.toString()}"></script>
</body>
</html>`;
}
