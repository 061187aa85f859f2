/**
 * Driftwatch findings in the Problems panel (source `Driftwatch`), per `driftwatch.lint.problems`:
 * `off`, `assistantRegions` (only findings anchored in code an assistant wrote, from an `AssistantRegionSource`)
 * or `wholeFile`. Open documents are kept parsed incrementally: a change event only edits the tree (cheap, on the
 * typing path); parsing and linting run once the document has been quiet for a moment. The engine and its wasm load
 * on the first lint, never during activation. Code actions: "Explain" opens the rule's page; "Not a problem" stores a
 * `feedback` event (no code, no path) and hides that finding.
 */
import * as vscode from 'vscode';
import { isLintLanguage } from '../../core/lint/languages.js';
import type { Finding } from '../../core/lint/rule.js';
import { ruleMeta } from '../../core/lint/ruleCatalog.js';
import type { EventStore } from '../../core/store/eventStore.js';
import type { ConfigService } from '../config.js';
import type { Logger } from '../logger.js';
import type { LintWorkerClient } from './lintWorkerClient.js';

/** Where assistant-written code is in a document; supplied by capture (the lead wires it). */
export interface AssistantRegionSource {
  regionsFor(uri: vscode.Uri): readonly vscode.Range[];
  /** Fires when regions of a document (or of all documents, with undefined) changed. */
  readonly onDidChange: vscode.Event<vscode.Uri | undefined>;
}

export const EXPLAIN_COMMAND = 'driftwatch.lint.explain';
export const NOT_A_PROBLEM_COMMAND = 'driftwatch.lint.notAProblem';
const SOURCE = 'Driftwatch';
const DEBOUNCE_MS = 400;

const SEVERITY: Record<Finding['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

function findingKey(ruleId: string, range: vscode.Range): string {
  return `${ruleId}@${range.start.line}:${range.start.character}`;
}

export class LintDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('driftwatch');
  private readonly disposables: vscode.Disposable[] = [this.collection];
  /** Debounce timers of documents waiting to be linted. */
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Findings the user marked "Not a problem", per document, until the document closes. */
  private readonly dismissed = new Map<string, Set<string>>();
  private regions: AssistantRegionSource | undefined;
  private regionSubscription: vscode.Disposable | undefined;
  /** Worker time of each document's last answered lint, ms (tests compare the host's responsiveness with it). */
  private readonly lintMs = new Map<string, number>();
  private readonly lintedEmitter = new vscode.EventEmitter<vscode.Uri>();
  /** Fires after a document's diagnostics were refreshed (tests wait on it). */
  readonly onDidLint = this.lintedEmitter.event;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly worker: LintWorkerClient,
    private readonly config: ConfigService,
    private readonly store: EventStore,
    private readonly logger: Logger,
  ) {
    this.disposables.push(
      this.lintedEmitter,
      vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d)),
      vscode.workspace.onDidChangeTextDocument((e) => this.onChange(e)),
      vscode.workspace.onDidCloseTextDocument((d) => this.forget(d.uri)),
      this.config.onDidChange((e) => {
        if (e.affects('lint.problems')) this.refreshAll();
      }),
      vscode.commands.registerCommand(EXPLAIN_COMMAND, (ruleId: string) => this.explain(ruleId)),
      vscode.commands.registerCommand(NOT_A_PROBLEM_COMMAND, (uri: vscode.Uri, ruleId: string, range: vscode.Range, languageId: string) => this.notAProblem(uri, ruleId, range, languageId)),
      vscode.languages.registerCodeActionsProvider(
        ['python', 'typescript', 'typescriptreact', 'javascript', 'javascriptreact'].map((language) => ({ language })),
        { provideCodeActions: (doc, _range, ctx) => this.codeActions(doc, ctx) },
        { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] },
      ),
    );
    for (const d of vscode.workspace.textDocuments) this.schedule(d);
  }

  /** Connects the tracked assistant regions (capture); until then `assistantRegions` shows nothing. */
  setRegionSource(source: AssistantRegionSource | undefined): void {
    this.regionSubscription?.dispose();
    this.regions = source;
    this.regionSubscription = source?.onDidChange((uri) => {
      if (!uri) this.refreshAll();
      else {
        const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
        if (doc) this.schedule(doc);
      }
    });
    this.refreshAll();
  }

  private mode(uri: vscode.Uri): 'off' | 'assistantRegions' | 'wholeFile' {
    void uri;
    return this.config.value['lint.problems'];
  }

  private onChange(e: vscode.TextDocumentChangeEvent): void {
    const key = e.document.uri.toString();
    if (e.contentChanges.length > 0) {
      // Only forwarded (a structured clone of the changes): the worker edits its tree; nothing is parsed here.
      this.worker.change(
        key,
        e.document.version,
        e.contentChanges.map((c) => ({
          range: { start: { line: c.range.start.line, character: c.range.start.character }, end: { line: c.range.end.line, character: c.range.end.character } },
          rangeOffset: c.rangeOffset,
          rangeLength: c.rangeLength,
          text: c.text,
        })),
      );
      this.dismissed.delete(key);
    }
    this.schedule(e.document);
  }

  private schedule(doc: vscode.TextDocument): void {
    if (!isLintLanguage(doc.languageId) || doc.uri.scheme === 'output') return;
    const key = doc.uri.toString();
    const previous = this.timers.get(key);
    if (previous) clearTimeout(previous);
    this.timers.set(
      key,
      setTimeout(() => void this.lint(doc), DEBOUNCE_MS),
    );
  }

  private async lint(doc: vscode.TextDocument): Promise<void> {
    const key = doc.uri.toString();
    this.timers.delete(key);
    if (doc.isClosed) return;
    const mode = this.mode(doc.uri);
    // Nothing to show: no engine load, no parse. At activation this keeps every open file that an assistant never
    // touched from loading tree-sitter; a region appearing later re-schedules the document.
    if (mode === 'off' || (mode === 'assistantRegions' && (this.regions?.regionsFor(doc.uri) ?? []).length === 0)) {
      this.collection.delete(doc.uri);
      return;
    }
    try {
      const answer = await this.worker.lintDocument(key, doc);
      // A newer change superseded this lint (its own lint is scheduled), or the answer is for an older version.
      if (answer.kind === 'cancelled' || doc.isClosed || answer.version !== doc.version) return;
      const { findings, skipped } = answer.outcome;
      this.lintMs.set(key, answer.outcome.ms);
      if (skipped) {
        // Over the size limits or the time budget (the worker logged the budget case): no findings for this file.
        this.logger.debug(`lint: a ${doc.languageId} document was skipped (${skipped.reason}: ${skipped.detail})`);
        this.collection.delete(doc.uri);
        this.lintedEmitter.fire(doc.uri);
        return;
      }
      this.publish(doc, findings, mode);
    } catch (err) {
      this.logger.warn(`lint: could not lint a ${doc.languageId} document: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  /** How long the worker took for the document's last answered lint (ms), or undefined before the first. */
  lastLintMs(uri: vscode.Uri): number | undefined {
    return this.lintMs.get(uri.toString());
  }

  private publish(doc: vscode.TextDocument, findings: readonly Finding[], mode: 'assistantRegions' | 'wholeFile'): void {
    const regions = mode === 'assistantRegions' ? (this.regions?.regionsFor(doc.uri) ?? []) : undefined;
    const dismissed = this.dismissed.get(doc.uri.toString());
    const diagnostics: vscode.Diagnostic[] = [];
    for (const f of findings) {
      const range = new vscode.Range(f.range.start.line, f.range.start.character, f.range.end.line, f.range.end.character);
      if (regions && !regions.some((r) => r.contains(range.start))) continue;
      if (dismissed?.has(findingKey(f.ruleId, range))) continue;
      const d = new vscode.Diagnostic(range, `${f.message}. ${f.hint}`, SEVERITY[f.severity]);
      d.source = SOURCE;
      d.code = { value: f.ruleId, target: this.docUri(f.ruleId) };
      diagnostics.push(d);
    }
    this.collection.set(doc.uri, diagnostics);
    this.lintedEmitter.fire(doc.uri);
  }

  private docUri(ruleId: string): vscode.Uri {
    return vscode.Uri.joinPath(this.extensionUri, ruleMeta(ruleId)?.docPath ?? `docs/rules/${ruleId}.md`);
  }

  private codeActions(doc: vscode.TextDocument, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    for (const d of context.diagnostics) {
      if (d.source !== SOURCE || typeof d.code !== 'object') continue;
      const ruleId = String(d.code.value);
      const title = ruleMeta(ruleId)?.title ?? ruleId;
      const explain = new vscode.CodeAction(`Explain "${title}" (${ruleId})`, vscode.CodeActionKind.QuickFix);
      explain.command = { command: EXPLAIN_COMMAND, title: 'Explain', arguments: [ruleId] };
      explain.diagnostics = [d];
      const dismiss = new vscode.CodeAction(`Not a problem: hide this ${ruleId} finding`, vscode.CodeActionKind.QuickFix);
      dismiss.command = { command: NOT_A_PROBLEM_COMMAND, title: 'Not a problem', arguments: [doc.uri, ruleId, d.range, doc.languageId] };
      dismiss.diagnostics = [d];
      actions.push(explain, dismiss);
    }
    return actions;
  }

  private async explain(ruleId: string): Promise<void> {
    const uri = this.docUri(ruleId);
    try {
      await vscode.workspace.fs.stat(uri);
      await vscode.commands.executeCommand('markdown.showPreview', uri);
    } catch {
      const meta = ruleMeta(ruleId);
      void vscode.window.showInformationMessage(meta ? `${meta.title} (${ruleId}): ${meta.summary} ${meta.why}` : `Unknown rule ${ruleId}`);
    }
  }

  /** Stores the verdict (rule, language, finding key: no code, no path) and hides the finding in this document. */
  private notAProblem(uri: vscode.Uri, ruleId: string, range: vscode.Range, languageId: string): void {
    const key = findingKey(ruleId, range);
    this.store.append({ kind: 'feedback', ruleId, verdict: 'not-a-problem', findingKey: key, language: languageId });
    const docKey = uri.toString();
    let set = this.dismissed.get(docKey);
    if (!set) this.dismissed.set(docKey, (set = new Set()));
    set.add(key);
    const remaining = (this.collection.get(uri) ?? []).filter((d) => !(typeof d.code === 'object' && String(d.code.value) === ruleId && d.range.isEqual(range)));
    this.collection.set(uri, remaining);
  }

  private refreshAll(): void {
    for (const d of vscode.workspace.textDocuments) this.schedule(d);
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    const t = this.timers.get(key);
    if (t) clearTimeout(t);
    this.timers.delete(key);
    this.worker.close(key);
    this.lintMs.delete(key);
    this.dismissed.delete(key);
    this.collection.delete(uri);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    this.regionSubscription?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
