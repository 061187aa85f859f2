/**
 * The review page of "Prepare Drift Report…": an editor tab where the user reads what the report will say, sees each
 * candidate example (with its code, which stays out unless they include it) and ticks the ones to include; then picks
 * a folder and the bundle is written there. Strict CSP, ready handshake, every message validated; the page never
 * receives a file path and its choices are checked against the candidates this panel offered.
 */
import * as vscode from 'vscode';
import { formatMetricValue } from '../../core/drift/describeAlert.js';
import type { EvidenceBundle } from '../../core/evidence/evidenceBundle.js';
import { toEvidenceExample, type EvidenceCandidate } from '../../core/evidence/evidenceExamples.js';
import { evidenceFiles, formatEffect, REPORT_MARKDOWN, ruleDocsToCopy } from '../../core/evidence/evidenceFiles.js';
import type { Day } from '../../core/time/day.js';
import { newId } from '../../core/util/ids.js';
import { describeRejection } from '../../protocol/messages.js';
import { MAX_REPORT_EXAMPLES, ReviewToHost, type ReviewSummary, type ReviewToWebview, type Selection } from '../../protocol/evidenceMessages.js';
import type { Logger } from '../logger.js';

export interface ReviewPanelDeps {
  extensionUri: vscode.Uri;
  logger: Logger;
  bundle: EvidenceBundle;
  candidates: readonly EvidenceCandidate[];
  today: Day;
}

export const REVIEW_PANEL_TYPE = 'driftwatch.driftReport';

export class EvidenceReviewPanel implements vscode.Disposable {
  private readonly panel: vscode.WebviewPanel;
  private readonly subscriptions: vscode.Disposable[] = [];
  private written: vscode.Uri | undefined;
  private writing = false;
  private rejects = 0;

  constructor(private readonly deps: ReviewPanelDeps) {
    const root = vscode.Uri.joinPath(deps.extensionUri, 'dist', 'webview');
    this.panel = vscode.window.createWebviewPanel(REVIEW_PANEL_TYPE, `Drift Report: ${deps.bundle.assistant}`, vscode.ViewColumn.Active, { enableScripts: true, localResourceRoots: [root] });
    const nonce = newId();
    const source = this.panel.webview.cspSource;
    const csp = [`default-src 'none'`, `img-src ${source}`, `style-src ${source}`, `font-src ${source}`, `script-src 'nonce-${nonce}'`];
    const script = this.panel.webview.asWebviewUri(vscode.Uri.joinPath(root, 'evidence.js'));
    const style = this.panel.webview.asWebviewUri(vscode.Uri.joinPath(root, 'evidence.css'));
    this.panel.webview.html = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp.join('; ')}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style.toString()}">
<title>Drift report</title>
</head>
<body>
<main id="app" data-testid="report-review" aria-busy="true" aria-label="Prepare drift report"></main>
<script nonce="${nonce}" src="${script.toString()}"></script>
</body>
</html>`;
    this.subscriptions.push(this.panel.webview.onDidReceiveMessage((raw: unknown) => void this.receive(raw)));
  }

  onDidDispose(listener: () => void): void {
    this.subscriptions.push(this.panel.onDidDispose(listener));
  }

  private post(message: ReviewToWebview): void {
    void this.panel.webview.postMessage(message);
  }

  private async receive(raw: unknown): Promise<void> {
    const parsed = ReviewToHost.safeParse(raw);
    if (!parsed.success) {
      if (this.rejects++ < 20) this.deps.logger.warn(`drift report: rejected a message from the review page (${describeRejection(parsed.error, raw)})`);
      return;
    }
    const m = parsed.data;
    switch (m.type) {
      case 'ready':
        this.post({ type: 'init', summary: summaryOf(this.deps.bundle), candidates: this.deps.candidates.map((c) => ({ ...c })), maxExamples: MAX_REPORT_EXAMPLES });
        return;
      case 'write':
        await this.write(m.selections);
        return;
      case 'openReport':
        if (this.written) await openMarkdown(this.written);
        return;
      case 'reportRejected':
        if (this.rejects++ < 20) this.deps.logger.warn(`drift report page rejected a message: ${m.detail}`);
        return;
    }
  }

  private async write(selections: readonly Selection[]): Promise<void> {
    if (this.writing) return;
    const byId = new Map(this.deps.candidates.map((c) => [c.editId, c]));
    const chosen: { candidate: EvidenceCandidate; includeCode: boolean }[] = [];
    const seen = new Set<string>();
    for (const s of selections) {
      const c = byId.get(s.editId);
      // Only edits this panel offered, each once: the page cannot name any other record.
      if (!c || seen.has(s.editId)) {
        this.deps.logger.warn('drift report: ignored a selection that was not offered');
        continue;
      }
      seen.add(s.editId);
      chosen.push({ candidate: c, includeCode: s.includeCode });
    }
    this.writing = true;
    try {
      const folder = await vscode.window.showOpenDialog({
        title: `Choose the folder for the drift report on ${this.deps.bundle.assistant}`,
        canSelectFiles: false,
        canSelectFolders: true,
        canSelectMany: false,
        openLabel: 'Write Report Here',
        ...(vscode.workspace.workspaceFolders?.[0] ? { defaultUri: vscode.workspace.workspaceFolders[0].uri } : {}),
      });
      if (!folder?.[0]) {
        this.post({ type: 'notWritten', reason: 'No folder chosen; nothing was written.' });
        return;
      }
      const bundle: EvidenceBundle = { ...this.deps.bundle, examples: chosen.map((c, i) => toEvidenceExample(c.candidate, i + 1, c.includeCode)) };
      const target = await freeFolder(folder[0], `driftwatch-evidence-${bundle.assistant}-${this.deps.today}`);
      const files = evidenceFiles(bundle, await this.ruleDocs(bundle));
      for (const f of files) await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(target, ...f.path.split('/')), new TextEncoder().encode(f.content));
      this.written = vscode.Uri.joinPath(target, REPORT_MARKDOWN);
      const where = target.scheme === 'file' ? target.fsPath : target.toString(true);
      const withCode = bundle.examples.filter((e) => e.codeIncluded).length;
      this.deps.logger.info(`drift report: wrote ${files.length} files for ${bundle.assistant} (${bundle.examples.length} examples, ${withCode} with code) to ${where}`);
      this.post({ type: 'written', folder: where, files: files.length, examples: bundle.examples.length });
      const choice = await vscode.window.showInformationMessage(`Drift report for ${bundle.assistant} written to ${where}. Nothing was sent anywhere: attach it to the vendor's issue yourself.`, 'Open Report');
      if (choice === 'Open Report') await openMarkdown(this.written);
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      this.deps.logger.error(`drift report: writing failed: ${reason}`);
      this.post({ type: 'notWritten', reason: `Writing failed: ${reason}` });
    } finally {
      this.writing = false;
    }
  }

  /** The rules' documentation pages from the extension's own files (a page that cannot be read is named instead). */
  private async ruleDocs(b: EvidenceBundle): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (const w of ruleDocsToCopy(b)) {
      try {
        out.set(w.ruleId, new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(this.deps.extensionUri, ...w.docPath.split('/')))));
      } catch (err) {
        this.deps.logger.warn(`drift report: the documentation of ${w.ruleId} is not included (${err instanceof Error ? err.message : String(err)})`);
      }
    }
    return out;
  }

  dispose(): void {
    for (const s of this.subscriptions.splice(0)) s.dispose();
    this.panel.dispose();
  }
}

/** `base`, or `base-2`, `base-3`… — never writes into an existing folder, so nothing of the user's is overwritten. */
async function freeFolder(parent: vscode.Uri, base: string): Promise<vscode.Uri> {
  for (let i = 1; i < 1000; i++) {
    const candidate = vscode.Uri.joinPath(parent, i === 1 ? base : `${base}-${i}`);
    try {
      await vscode.workspace.fs.stat(candidate);
    } catch {
      await vscode.workspace.fs.createDirectory(candidate);
      return candidate;
    }
  }
  throw new Error(`too many earlier reports named ${base} in this folder`);
}

/** The Markdown preview shows the charts; the plain editor is the fallback where the preview is unavailable. */
async function openMarkdown(uri: vscode.Uri): Promise<void> {
  try {
    await vscode.commands.executeCommand('markdown.showPreview', uri);
  } catch {
    await vscode.commands.executeCommand('vscode.open', uri);
  }
}

/** What the review page shows of the report, formatted as the report formats it. */
function summaryOf(b: EvidenceBundle): ReviewSummary {
  return {
    assistant: b.assistant,
    headline: b.headline,
    drifted: b.drifted,
    controls: b.controls,
    before: { ...b.windows.before, edits: b.edits.before, versions: b.versions.before.slice(0, 50) },
    after: { ...b.windows.after, edits: b.edits.after, versions: b.versions.after.slice(0, 50) },
    metrics: b.metrics
      .filter((m) => m.model === undefined)
      .map((m) => ({ label: m.label, before: formatMetricValue(m.metric, m.before.value), after: formatMetricValue(m.metric, m.after.value), effect: formatEffect(m), significant: m.significant })),
    rules: b.rules.slice(0, 5).map((r) => ({ ruleId: r.ruleId, title: r.title, before: r.before.per100, after: r.after.per100 })),
  };
}
