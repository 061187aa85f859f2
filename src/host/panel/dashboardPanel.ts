/**
 * The full-size dashboard: the panel app in an editor tab (`driftwatch.dashboard`), with wider charts, per-rule trends
 * and the edits behind any chart period. One tab at most; "Open Dashboard" reveals it when it exists. VS Code
 * restores it after a reload through the registered serializer (the page's own state carries its query), and like
 * the sidebar it keeps no context while hidden: the page asks again for its data when it is shown.
 */
import * as vscode from 'vscode';
import { PanelChannel, type PanelDeps } from './panelChannel.js';
import { configureWebview } from './panelHtml.js';

export const DASHBOARD_VIEW_TYPE = 'driftwatch.dashboard';
const QUERY_STATE_KEY = 'driftwatch.dashboard.query';

export class DashboardPanel implements vscode.WebviewPanelSerializer, vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private readonly panelDisposables: vscode.Disposable[] = [];
  private readonly channel: PanelChannel;

  constructor(private readonly deps: PanelDeps) {
    this.channel = new PanelChannel(deps, () => this.panel?.webview, QUERY_STATE_KEY);
  }

  /** Whether the dashboard tab exists (open, possibly in the background). */
  get isOpen(): boolean {
    return this.panel !== undefined;
  }

  /** Opens the dashboard, or reveals the open one. */
  open(): void {
    if (this.panel) {
      this.panel.reveal();
      return;
    }
    const panel = vscode.window.createWebviewPanel(DASHBOARD_VIEW_TYPE, 'Driftwatch Dashboard', vscode.ViewColumn.Active, { enableScripts: true });
    this.adopt(panel);
    this.deps.logger.info('dashboard opened');
  }

  /** Restores the tab VS Code kept across a reload (the page's saved state brings back its query). */
  async deserializeWebviewPanel(panel: vscode.WebviewPanel): Promise<void> {
    if (this.panel) {
      // A second restored tab would only duplicate the first.
      panel.dispose();
      return;
    }
    this.adopt(panel);
    this.deps.logger.info('dashboard restored after reload');
  }

  /** Store or drift state changed: the open dashboard asks again for its query (debounced). */
  refresh(): void {
    if (this.panel) this.channel.refreshSoon();
  }

  /** Handles one message as the dashboard's webview would deliver it (for the integration suite). */
  handleMessage(raw: unknown): Promise<boolean> {
    return this.channel.handleMessage(raw);
  }

  private adopt(panel: vscode.WebviewPanel): void {
    this.panel = panel;
    this.channel.reset();
    panel.iconPath = vscode.Uri.joinPath(this.deps.extensionUri, 'media', 'driftwatch.svg');
    configureWebview(panel.webview, this.deps.extensionUri, 'dashboard');
    this.panelDisposables.push(
      panel.webview.onDidReceiveMessage((raw: unknown) => void this.channel.handleMessage(raw)),
      panel.onDidDispose(() => {
        if (this.panel !== panel) return;
        this.panel = undefined;
        this.channel.reset();
        for (const d of this.panelDisposables.splice(0)) d.dispose();
      }),
    );
  }

  dispose(): void {
    this.channel.dispose();
    for (const d of this.panelDisposables.splice(0)) d.dispose();
  }
}
