/**
 * The `driftwatch.panel` webview view: strict CSP, resources limited to the built webview and `media/`, a ready
 * handshake before anything is posted, every incoming message validated with the protocol's zod schemas (rejects are
 * logged once each and skipped), the last query persisted per workspace, and no `retainContextWhenHidden` — the
 * webview keeps its UI state with getState/setState and asks again when it is shown.
 */
import * as vscode from 'vscode';
import { DEFAULT_QUERY, PanelQuery, type DriftAlertView } from '../../core/panel/panelData.js';
import type { DriftAlert } from '../../core/drift/detectDrift.js';
import type { Clock, TimerHandle } from '../../core/util/clock.js';
import { newId } from '../../core/util/ids.js';
import { describeRejection, ToHost, type ToWebview } from '../../protocol/messages.js';
import type { Logger } from '../logger.js';
import { openEditAtRegion } from './openEdit.js';
import { panelHtml } from './panelHtml.js';
import type { PanelDataSource } from './panelDataSource.js';

export const PANEL_VIEW_ID = 'driftwatch.panel';
const QUERY_STATE_KEY = 'driftwatch.panel.query';
/** New records arrive in bursts; the view refreshes at most this often. */
const REFRESH_DEBOUNCE_MS = 2000;
/** At most this many rejected-message warnings per minute, so a hostile peer cannot flood the log. */
const REJECT_LOG_BUDGET = 20;

export interface PanelDeps {
  extensionUri: vscode.Uri;
  workspaceState: vscode.Memento;
  logger: Logger;
  clock: Clock;
  source: PanelDataSource;
  alerts: () => DriftAlert[];
  dismissAlert: (key: string) => Promise<void>;
}

export class PanelViewProvider implements vscode.WebviewViewProvider, vscode.Disposable {
  private view: vscode.WebviewView | undefined;
  private ready = false;
  private refreshTimer: TimerHandle | undefined;
  private rejectWindowStart = 0;
  private rejectsInWindow = 0;
  private readonly viewDisposables: vscode.Disposable[] = [];
  /** Messages rejected since start (exposed for tests and the health log). */
  rejectedCount = 0;

  constructor(private readonly deps: PanelDeps) {}

  /** Whether the view is resolved and on screen. */
  get visible(): boolean {
    return this.view?.visible ?? false;
  }

  resolveWebviewView(view: vscode.WebviewView): void {
    this.disposeView();
    this.view = view;
    this.ready = false;
    const webviewRoot = vscode.Uri.joinPath(this.deps.extensionUri, 'dist', 'webview');
    view.webview.options = { enableScripts: true, localResourceRoots: [webviewRoot, vscode.Uri.joinPath(this.deps.extensionUri, 'media')] };
    view.webview.html = panelHtml({
      cspSource: view.webview.cspSource,
      nonce: newId(),
      scriptUri: view.webview.asWebviewUri(vscode.Uri.joinPath(webviewRoot, 'main.js')),
      styleUri: view.webview.asWebviewUri(vscode.Uri.joinPath(webviewRoot, 'main.css')),
    });
    this.viewDisposables.push(
      view.webview.onDidReceiveMessage((raw: unknown) => void this.handleMessage(raw)),
      // Without retainContextWhenHidden the page is torn down when hidden and sends `ready` again when shown, asking
      // for its data afresh; whatever is posted to a hidden page is simply lost, so `ready` is not reset here.
      view.onDidDispose(() => {
        if (this.view === view) {
          this.view = undefined;
          this.ready = false;
        }
      }),
    );
  }

  /** Store or drift state changed: the visible view asks again for its query (debounced). */
  refresh(): void {
    this.deps.source.invalidate();
    if (this.refreshTimer) return;
    this.refreshTimer = this.deps.clock.setTimeout(() => {
      this.refreshTimer = undefined;
      void this.post({ type: 'invalidate' });
    }, REFRESH_DEBOUNCE_MS);
  }

  /**
   * Handles one message from the webview. Returns false when it was rejected. Public so the integration suite can
   * drive it with hostile input exactly as the webview channel would deliver it.
   */
  async handleMessage(raw: unknown): Promise<boolean> {
    const parsed = ToHost.safeParse(raw);
    if (!parsed.success) {
      this.rejectedCount++;
      this.logReject(`panel: rejected message from webview (${describeRejection(parsed.error, raw)})`);
      return false;
    }
    const msg = parsed.data;
    try {
      switch (msg.type) {
        case 'ready':
          this.ready = true;
          await this.post({ type: 'init', query: this.savedQuery() });
          break;
        case 'query': {
          await this.deps.workspaceState.update(QUERY_STATE_KEY, msg.query);
          const started = Date.now();
          const data = this.deps.source.data(msg.query, this.alertViews());
          this.deps.logger.debug(`panel: data for ${msg.query.range} in ${Date.now() - started} ms`);
          await this.post({ type: 'data', id: msg.id, data });
          if (data.recentPending) await this.post({ type: 'recent', id: msg.id, rows: await this.deps.source.recentFor(msg.query) });
          break;
        }
        case 'openEdit': {
          const edit = await this.deps.source.edit(msg.editId);
          const result = await openEditAtRegion(edit, this.deps.logger);
          await this.post({ type: 'openResult', id: msg.id, ...result });
          break;
        }
        case 'openRuleDoc':
          await this.openRuleDoc(msg.ruleId);
          break;
        case 'dismissDrift':
          await this.deps.dismissAlert(msg.key);
          await this.post({ type: 'invalidate' });
          break;
        case 'reportRejected':
          this.rejectedCount++;
          this.logReject(`panel: webview rejected a message from the host (${msg.detail})`);
          break;
      }
    } catch (err) {
      this.deps.logger.error(`panel: ${msg.type} failed: ${err instanceof Error ? err.message : String(err)}`);
      if ('id' in msg) await this.post({ type: 'error', id: msg.id, message: 'The request failed; see Driftwatch logs.' });
    }
    return true;
  }

  private savedQuery(): PanelQuery {
    const stored = this.deps.workspaceState.get<unknown>(QUERY_STATE_KEY);
    if (stored === undefined) return DEFAULT_QUERY;
    const parsed = PanelQuery.safeParse(stored);
    if (parsed.success) return parsed.data;
    this.deps.logger.warn('panel: stored query for this workspace is invalid; using the default');
    return DEFAULT_QUERY;
  }

  private alertViews(): DriftAlertView[] {
    return this.deps.alerts().map((a) => ({
      key: a.key,
      assistant: a.assistant,
      ...(a.version !== undefined ? { version: a.version } : {}),
      since: a.since,
      ...(a.cause ? { cause: a.cause } : {}),
      controlledFor: a.controlledFor,
      alpha: a.alpha,
      metrics: a.metrics.map((m) => ({
        metric: m.metric,
        ...(m.model !== undefined ? { model: m.model } : {}),
        test: m.test,
        since: m.since,
        baseline: m.baseline,
        recent: m.recent,
        effect: m.effect,
        p: m.p,
        pNominal: m.pNominal,
        pAdjusted: m.pAdjusted,
        method: m.method,
        strata: m.strata,
      })),
      changes: a.changes,
    }));
  }

  private async openRuleDoc(ruleId: string): Promise<void> {
    const doc = vscode.Uri.joinPath(this.deps.extensionUri, 'docs', 'rules', `${ruleId}.md`);
    try {
      await vscode.workspace.fs.stat(doc);
    } catch {
      this.deps.logger.warn(`panel: no documentation for rule ${ruleId} at ${doc.toString()}`);
      void vscode.window.showInformationMessage(`Driftwatch has no documentation page for ${ruleId} yet.`);
      return;
    }
    await vscode.commands.executeCommand('markdown.showPreview', doc);
  }

  private logReject(line: string): void {
    const now = this.deps.clock.now();
    if (now - this.rejectWindowStart > 60_000) {
      this.rejectWindowStart = now;
      this.rejectsInWindow = 0;
    }
    if (++this.rejectsInWindow <= REJECT_LOG_BUDGET) this.deps.logger.warn(line);
  }

  private async post(message: ToWebview): Promise<void> {
    // Before the handshake the page has no listener; anything posted would be lost silently.
    if (!this.view || !this.ready) return;
    await this.view.webview.postMessage(message);
  }

  private disposeView(): void {
    for (const d of this.viewDisposables.splice(0)) d.dispose();
  }

  dispose(): void {
    if (this.refreshTimer) this.deps.clock.clearTimeout(this.refreshTimer);
    this.disposeView();
  }
}
