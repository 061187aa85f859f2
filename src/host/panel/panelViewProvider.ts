/**
 * The `driftwatch.panel` webview view: strict CSP, resources limited to the built webview and `media/`, messages
 * handled by a {@link PanelChannel} (handshake, validation, answers), the last query persisted per workspace, and no
 * `retainContextWhenHidden` — the webview keeps its UI state with getState/setState and asks again when it is shown.
 */
import type * as vscode from 'vscode';
import { PanelChannel, type PanelDeps } from './panelChannel.js';
import { configureWebview } from './panelHtml.js';

export type { PanelDeps } from './panelChannel.js';

export const PANEL_VIEW_ID = 'driftwatch.panel';
const QUERY_STATE_KEY = 'driftwatch.panel.query';

export class PanelViewProvider implements vscode.WebviewViewProvider, vscode.Disposable {
  private view: vscode.WebviewView | undefined;
  private readonly viewDisposables: vscode.Disposable[] = [];
  private readonly channel: PanelChannel;

  constructor(private readonly deps: PanelDeps) {
    this.channel = new PanelChannel(deps, () => this.view?.webview, QUERY_STATE_KEY);
  }

  /** Whether the view is resolved and on screen. */
  get visible(): boolean {
    return this.view?.visible ?? false;
  }

  /** Messages rejected since start (exposed for tests and the health log). */
  get rejectedCount(): number {
    return this.channel.rejectedCount;
  }

  resolveWebviewView(view: vscode.WebviewView): void {
    this.disposeView();
    this.view = view;
    this.channel.reset();
    configureWebview(view.webview, this.deps.extensionUri, 'sidebar');
    this.viewDisposables.push(
      view.webview.onDidReceiveMessage((raw: unknown) => void this.channel.handleMessage(raw)),
      // Without retainContextWhenHidden the page is torn down when hidden and sends `ready` again when shown, asking
      // for its data afresh; whatever is posted to a hidden page is simply lost, so `ready` is not reset here.
      view.onDidDispose(() => {
        if (this.view === view) {
          this.view = undefined;
          this.channel.reset();
        }
      }),
    );
  }

  /** Store or drift state changed: the visible view asks again for its query (debounced). */
  refresh(): void {
    this.deps.source.invalidate();
    this.channel.refreshSoon();
  }

  /**
   * Handles one message from the webview. Returns false when it was rejected. Public so the integration suite can
   * drive it with hostile input exactly as the webview channel would deliver it.
   */
  handleMessage(raw: unknown): Promise<boolean> {
    return this.channel.handleMessage(raw);
  }

  private disposeView(): void {
    for (const d of this.viewDisposables.splice(0)) d.dispose();
  }

  dispose(): void {
    this.channel.dispose();
    this.disposeView();
  }
}
