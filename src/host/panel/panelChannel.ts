/**
 * The host side of one panel webview (the sidebar view or the dashboard tab): a ready handshake before anything is
 * posted, every incoming message validated with the protocol's zod schemas (rejects are logged, rate-limited, and
 * skipped), and the answers built from the shared data source. Both surfaces run the same app and speak the same
 * protocol; only the query they remember and whether they ask for the wide extras differ.
 */
import * as vscode from 'vscode';
import type { DriftAlert } from '../../core/drift/detectDrift.js';
import { DEFAULT_QUERY, PanelQuery, type DriftAlertView } from '../../core/panel/panelData.js';
import type { Clock, TimerHandle } from '../../core/util/clock.js';
import { describeRejection, ToHost, type ToWebview } from '../../protocol/messages.js';
import type { Logger } from '../logger.js';
import { openEditAtRegion } from './openEdit.js';
import type { PanelDataSource } from './panelDataSource.js';

/** New records arrive in bursts; a page is told to refresh at most this often. */
const REFRESH_DEBOUNCE_MS = 2000;
/** At most this many rejected-message warnings per minute, so a hostile peer cannot flood the log. */
const REJECT_LOG_BUDGET = 20;
/** The evidence report flow ("evidence" part of issue 11) registers this command. */
export const PREPARE_DRIFT_REPORT_COMMAND = 'driftwatch.prepareDriftReport';
export const OPEN_DASHBOARD_COMMAND = 'driftwatch.openDashboard';

export interface PanelDeps {
  extensionUri: vscode.Uri;
  workspaceState: vscode.Memento;
  logger: Logger;
  clock: Clock;
  source: PanelDataSource;
  alerts: () => DriftAlert[];
  dismissAlert: (key: string) => Promise<void>;
}

export class PanelChannel {
  private ready = false;
  private refreshTimer: TimerHandle | undefined;
  private rejectWindowStart = 0;
  private rejectsInWindow = 0;
  /** Messages rejected since start (exposed for tests and the health log). */
  rejectedCount = 0;

  /**
   * @param webview the surface's webview while it exists
   * @param queryKey workspace-state key of the query this surface last used
   */
  constructor(
    private readonly deps: PanelDeps,
    private readonly webview: () => vscode.Webview | undefined,
    private readonly queryKey: string,
  ) {}

  /** The page was (re)created: nothing may be posted until it says `ready` again. */
  reset(): void {
    this.ready = false;
  }

  /** Handles one message from the webview. Returns false when it was rejected. */
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
          await this.deps.workspaceState.update(this.queryKey, msg.query);
          const started = Date.now();
          const data = this.deps.source.data(msg.query, this.alertViews(), msg.wide === true);
          this.deps.logger.debug(`panel: data for ${msg.query.range}${msg.wide ? ' (wide)' : ''} in ${Date.now() - started} ms`);
          await this.post({ type: 'data', id: msg.id, data });
          if (data.recentPending) await this.post({ type: 'recent', id: msg.id, rows: await this.deps.source.recentFor(msg.query) });
          break;
        }
        case 'periodEdits': {
          const started = Date.now();
          const result = await this.deps.source.editsOfPeriod(msg.query, msg.period, msg.granularity);
          this.deps.logger.debug(`panel: ${result.total} edit(s) of ${result.since}..${result.until} in ${Date.now() - started} ms`);
          await this.post({ type: 'periodEdits', id: msg.id, ...result });
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
        case 'openWalkthrough':
          await vscode.commands.executeCommand('driftwatch.openWalkthrough');
          break;
        case 'openDashboard':
          await vscode.commands.executeCommand(OPEN_DASHBOARD_COMMAND);
          break;
        case 'prepareDriftReport':
          await this.prepareDriftReport(msg.assistant);
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

  /** Tells the page its data changed, at most once per debounce period; it then asks again for its query. */
  refreshSoon(): void {
    if (this.refreshTimer) return;
    this.refreshTimer = this.deps.clock.setTimeout(() => {
      this.refreshTimer = undefined;
      void this.post({ type: 'invalidate' });
    }, REFRESH_DEBOUNCE_MS);
  }

  dispose(): void {
    if (this.refreshTimer) this.deps.clock.clearTimeout(this.refreshTimer);
    this.refreshTimer = undefined;
  }

  /**
   * "Prepare Drift Report…": only for an assistant with a visible alert (the webview cannot start the flow for
   * anything else), and only when the evidence command exists in this build — otherwise the user is told so.
   */
  private async prepareDriftReport(assistant: string): Promise<void> {
    if (!this.deps.alerts().some((a) => a.assistant === assistant)) {
      this.deps.logger.warn(`panel: no drift alert for ${assistant.slice(0, 80)}; not preparing a drift report`);
      return;
    }
    this.deps.logger.info(`panel: preparing a drift report for ${assistant}`);
    const commands = await vscode.commands.getCommands(true);
    if (!commands.includes(PREPARE_DRIFT_REPORT_COMMAND)) {
      this.deps.logger.warn(`panel: ${PREPARE_DRIFT_REPORT_COMMAND} is not available in this build`);
      void vscode.window.showWarningMessage('Driftwatch: preparing a drift report is not available in this version of Driftwatch. The alert and its statistics stay in the panel.');
      return;
    }
    await vscode.commands.executeCommand(PREPARE_DRIFT_REPORT_COMMAND, assistant);
  }

  private savedQuery(): PanelQuery {
    const stored = this.deps.workspaceState.get<unknown>(this.queryKey);
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
      watched: a.watched,
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
    const webview = this.webview();
    if (!webview || !this.ready) return;
    await webview.postMessage(message);
  }
}
