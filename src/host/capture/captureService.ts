/**
 * The capture service: subscribes to the editor and feeds the capture session (src/core/capture/captureSession.ts),
 * which makes every decision. What stays here is VS Code-specific: which documents are captured, the evidence
 * observers (one file each, registered below), reading files written on disk, and the tracker's persistence.
 *
 * What is captured (deliberate, documented in the README):
 * - documents inside a workspace folder (`file`, remote and virtual-workspace schemes) and notebook cells of notebooks
 *   inside one (recorded under the notebook's path; cells are tracked as their own documents);
 * - untitled documents, documents outside every workspace folder, output/git/settings and other virtual documents
 *   are ignored entirely (nothing recorded, not even counters);
 * - documents over `capture.maxFileSizeKb` are counted (an assistant edit record with `untracked: true`, no text) but
 *   neither shadowed, tracked nor linted;
 * - files written on disk while closed are read only when UTF-8 text under the size limit; binary (NUL bytes) and
 *   non-UTF-8 files and notebook JSON are skipped with one debug line;
 * - a few seconds after start, the text of the workspace's source files that are not open is read once in the
 *   background (bounded: {@link PRIME_MAX_FILES} files, {@link PRIME_MAX_FILE_BYTES} each, {@link PRIME_BUDGET_CHARS}
 *   in all; local and remote folders only), so an agent's FIRST write to a file the editor never opened is diffed and
 *   classified like any other write instead of being counted as an unknown external change.
 */
import * as vscode from 'vscode';
import ignore from 'ignore';
import { ArcTracker } from '../../core/capture/arcTracker.js';
import { CaptureSession, type CaptureDocument } from '../../core/capture/captureSession.js';
import { decodeText } from '../../core/capture/decodeText.js';
import { EditTracker } from '../../core/capture/editTracker.js';
import type { EvidenceSource } from '../../core/capture/evidenceSource.js';
import { parsePendingState } from '../../core/capture/pendingState.js';
import type { RegionLinter } from '../../core/capture/regionLinter.js';
import type { TextChange } from '../../core/capture/textChange.js';
import type { VerdictLedger } from '../../core/capture/verdictLedger.js';
import { isAgentConfigPath } from '../../core/hooks/agentConfig.js';
import { languageIdForFileName } from '../../core/lint/languages.js';
import type { DriftEventInput } from '../../core/schema/events.js';
import type { EventStore } from '../../core/store/eventStore.js';
import { systemClock, type Clock } from '../../core/util/clock.js';
import type { ConfigService } from '../config.js';
import type { Logger } from '../logger.js';
import { AiContributionCheck } from './aiContributionCheck.js';
import { AssistantRegistry } from './assistantRegistry.js';
import { ChatEditingActivity, CHAT_EDITING_SCHEMES } from './chatEditingActivity.js';
import { EditSourceObserver } from './editSourceObserver.js';
import { FileActivity, type DiskWrite } from './fileActivity.js';
import { FileRenames } from './fileRenames.js';
import { InlineAcceptObserver } from './inlineAcceptObserver.js';
import { PasteObserver } from './pasteObserver.js';
import { SaveActivity } from './saveActivity.js';
import { SuggestObserver } from './suggestObserver.js';
import { TerminalActivity } from './terminalActivity.js';

/** Regions of code an assistant wrote, for the Problems panel ("assistantRegions"). */
export interface AssistantRegionSource {
  regionsFor(uri: vscode.Uri): vscode.Range[];
  readonly onDidChange: vscode.Event<vscode.Uri>;
}

const PENDING_KEY = 'driftwatch.capture.pending';
const NOTEBOOK_CELL_SCHEME = 'vscode-notebook-cell';
const CLIPBOARD_TIMEOUT_MS = 400;
/** Paths never treated as authored code when written on disk (editor settings and snippets are configuration). */
const ALWAYS_IGNORED = ['.git/', 'node_modules/', '.vscode/', '.vscode-test/', '*.ipynb', '.claude/', '.cursor/'];
/** Priming the text of files not open (see the header): when, what, and how much. */
const PRIME_DELAY_MS = 4_000;
export const PRIME_MAX_FILES = 3_000;
export const PRIME_MAX_FILE_BYTES = 256 * 1024;
export const PRIME_BUDGET_CHARS = 8 * 1024 * 1024;
const PRIME_GLOB = '**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs,py,pyi,java,kt,go,rs,rb,php,cs,c,h,cc,cpp,hpp,swift,scala,vue,svelte,sh,sql}';
/** A file modified this recently may be mid-write: leave it to the write path rather than take a torn base. */
const PRIME_QUIET_MS = 3_000;

export class CaptureService implements vscode.Disposable, AssistantRegionSource {
  readonly tracker: EditTracker;
  /** ARC (accepted-and-retained characters) on VS Code's checkpoints, following every tracked edit. */
  readonly arc: ArcTracker;
  /** The pipeline itself (pure, in core); this class only feeds it the editor's events. */
  readonly session: CaptureSession;
  /** Time spent in capture's own event handlers since start: the benchmark's direct measure of capture's cost. */
  readonly stats = { handlerMs: 0, handlerCalls: 0 };
  private readonly clock: Clock;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly registry: AssistantRegistry;
  private readonly regionEmitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.regionEmitter.event;
  /** Per document: its capture view, or null when it is not captured (untitled, outside the workspace). */
  private readonly docs = new WeakMap<vscode.TextDocument, CaptureDocument | null>();
  private readonly ignores = new Map<string, ReturnType<typeof ignore>>();
  private readonly loggedSkips = new Set<string>();
  private disposed = false;
  private readonly ignoresLoaded: Promise<void>;
  /** Files whose text was read ahead of any write, and when priming finished (tests, logs). */
  readonly primed = { files: 0, chars: 0, done: false };
  /** Cross-check of assistant verdicts against VS Code's own AI-contribution tracker, where it runs. */
  readonly aiContributions: AiContributionCheck;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly store: EventStore,
    private readonly config: ConfigService,
    private readonly logger: Logger,
    options: { clock?: Clock; linter?: RegionLinter; ledger?: VerdictLedger } = {},
  ) {
    this.clock = options.clock ?? systemClock;
    const emit = (records: DriftEventInput[]): ReturnType<EventStore['append']> => this.store.append(records);
    this.arc = new ArcTracker({ clock: this.clock, emit, textOf: (uri) => this.openDocument(uri)?.getText(), log: { debug: (m) => logger.debug(m) } });
    this.tracker = new EditTracker({
      clock: this.clock,
      emit,
      docs: {
        textOf: (uri) => this.openDocument(uri)?.getText(),
        diagnosticsOf: (uri) => this.diagnosticsOf(uri),
      },
      log: { debug: (m) => logger.debug(m), warn: (m) => logger.warn(m) },
      ...(options.linter ? { linter: options.linter } : {}),
      scoreWeights: () => this.config.value['score.weights'],
      persist: (state) => void this.context.workspaceState.update(PENDING_KEY, state),
      onRegionsChanged: (uri) => this.regionEmitter.fire(vscode.Uri.parse(uri)),
      followers: [this.arc],
    });
    this.registry = new AssistantRegistry(context.globalState, (r) => void emit(r), this.config.value['capture.assistantExtensions'], {
      id: context.extension.id,
      log: (m) => logger.info(m),
    });
    const files = new FileActivity(this.clock);
    // Every evidence channel: one observer file each, registered here.
    const sources: (EvidenceSource & vscode.Disposable)[] = [
      // First: it must see each change event before this service's own listener hands the event to the session.
      new EditSourceObserver(() => this.config.value['capture.useEditSources'], logger),
      new InlineAcceptObserver(this.clock),
      new PasteObserver(this.clock),
      new SuggestObserver(this.clock),
      new TerminalActivity(this.clock),
      files,
      new SaveActivity(this.clock),
      new FileRenames(this.clock),
      new ChatEditingActivity(this.clock),
    ];
    this.session = new CaptureSession({
      clock: this.clock,
      tracker: this.tracker,
      emit,
      sources,
      assistants: () => this.registry.assistants,
      openDocument: (uri) => {
        const doc = this.openDocument(uri);
        return doc ? (this.captured(doc) ?? undefined) : undefined;
      },
      activeUri: () => vscode.window.activeTextEditor?.document.uri.toString(),
      readClipboard,
      maxChars: () => this.maxChars(),
      log: { debug: (m) => logger.debug(m), trace: (m) => logger.trace(m), error: (m) => logger.error(m) },
      ...(options.ledger ? { ledger: options.ledger } : {}),
    });
    this.disposables.push(this.registry, ...sources, this.regionEmitter);
    this.aiContributions = new AiContributionCheck(logger);
    this.disposables.push(this.session.onVerdict((note) => void this.aiContributions.check(note)));

    for (const doc of vscode.workspace.textDocuments) this.onOpen(doc);
    for (const editor of vscode.window.visibleTextEditors) this.noteSelections(editor, editor.selections);
    this.disposables.push(
      vscode.workspace.onDidChangeTextDocument((e) => this.safely('change', () => this.onChange(e))),
      vscode.window.onDidChangeTextEditorSelection((e) => this.safely('selection', () => this.noteSelections(e.textEditor, e.selections))),
      // A newly shown editor has a cursor before any selection event fires (e.g. at 0:0).
      vscode.window.onDidChangeVisibleTextEditors((editors) =>
        this.safely('editors', () => editors.forEach((ed) => this.session.hasSelections(ed.document.uri.toString()) || this.noteSelections(ed, ed.selections))),
      ),
      vscode.workspace.onDidOpenTextDocument((d) => this.safely('open', () => this.onOpen(d))),
      vscode.workspace.onDidCloseTextDocument((d) => this.safely('close', () => this.onClose(d))),
      vscode.languages.onDidChangeDiagnostics((e) => this.safely('diagnostics', () => e.uris.forEach((u) => this.tracker.onDiagnosticsChanged(u.toString())))),
      files.onDidWrite((w) => this.safely('disk-write', () => void this.onDiskWrite(w))),
      this.config.onDidChange((e) => {
        if (e.affects('capture.assistantExtensions')) this.registry.setExtra(this.config.value['capture.assistantExtensions']);
      }),
    );
    this.ignoresLoaded = this.loadIgnores();
    this.resume();
    const primeTimer = setTimeout(() => void this.primeClosedTexts().catch((err) => logger.warn(`capture: reading workspace files ahead of writes failed: ${String(err)}`)), PRIME_DELAY_MS);
    this.disposables.push({ dispose: () => clearTimeout(primeTimer) });
  }

  /**
   * Reads the text of source files that are not open, once, in the background (see the header), yielding between
   * files so the extension host stays responsive.
   */
  private async primeClosedTexts(): Promise<void> {
    await this.ignoresLoaded;
    if (this.disposed || !this.config.value['capture.enabled']) return;
    const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file' || f.uri.scheme === 'vscode-remote');
    for (const folder of folders) {
      const uris = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, PRIME_GLOB), '{**/node_modules/**,**/.git/**}', PRIME_MAX_FILES);
      for (const uri of uris) {
        if (this.disposed || this.primed.files >= PRIME_MAX_FILES || this.primed.chars >= PRIME_BUDGET_CHARS) break;
        const key = uri.toString();
        const file = vscode.workspace.asRelativePath(uri, false).replace(/\\/g, '/');
        if (this.openDocument(key) || this.session.knowsClosedText(key) || this.ignored(folder, file)) continue;
        try {
          const stat = await vscode.workspace.fs.stat(uri);
          if (stat.type !== vscode.FileType.File || stat.size > PRIME_MAX_FILE_BYTES || Date.now() - stat.mtime < PRIME_QUIET_MS) continue;
          const text = decodeText(await vscode.workspace.fs.readFile(uri));
          if (text === undefined || this.disposed) continue;
          if (this.session.primeClosedText(key, text)) {
            this.primed.files++;
            this.primed.chars += text.length;
          }
        } catch {
          // deleted meanwhile or unreadable: its first write is counted as today
        }
        if (this.primed.files % 25 === 0) await new Promise((r) => setTimeout(r, 0));
      }
    }
    this.primed.done = true;
    this.logger.debug(`capture: read ${this.primed.files} workspace file(s) ahead of writes (${Math.round(this.primed.chars / 1024)} K characters), so a first write to them is diffed`);
  }

  /** Recent verdicts, so a later, more precise channel (hooks, OTLP) confirms an edit instead of counting it twice. */
  get ledger(): VerdictLedger {
    return this.session.ledger;
  }

  regionsFor(uri: vscode.Uri): vscode.Range[] {
    const doc = this.openDocument(uri.toString());
    if (!doc) return [];
    return this.tracker.regionsOf(uri.toString()).map(({ region }) => new vscode.Range(doc.positionAt(region.start), doc.positionAt(region.end)));
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.session.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }

  // ---- documents --------------------------------------------------------------------------------------------------

  /** The capture view of a document, or null when it is not captured. */
  private captured(doc: vscode.TextDocument): CaptureDocument | null {
    let view = this.docs.get(doc);
    if (view === undefined) {
      view = this.describe(doc) ?? null;
      this.docs.set(doc, view);
    }
    return view;
  }

  private describe(doc: vscode.TextDocument): CaptureDocument | undefined {
    if (CHAT_EDITING_SCHEMES.has(doc.uri.scheme)) return undefined; // evidence only (ChatEditingActivity)
    let target = doc.uri;
    if (doc.uri.scheme === NOTEBOOK_CELL_SCHEME) {
      const nb = vscode.workspace.notebookDocuments.find((n) => n.getCells().some((c) => c.document === doc));
      if (!nb) return undefined;
      target = nb.uri;
    }
    if (doc.isUntitled || target.scheme === 'untitled') return this.skip(`untitled documents`);
    const folder = vscode.workspace.getWorkspaceFolder(target);
    if (!folder) return this.skip(`${target.scheme} documents outside the workspace folders`);
    const file = vscode.workspace.asRelativePath(target, false).replace(/\\/g, '/');
    if (isAgentConfigPath(file)) return this.skip('agent hook and editor configuration');
    return {
      uri: doc.uri.toString(),
      file,
      get languageId() {
        return doc.languageId;
      },
      getText: () => doc.getText(),
      get isDirty() {
        return doc.isDirty;
      },
      get isClosed() {
        return doc.isClosed;
      },
    };
  }

  private skip(what: string): undefined {
    if (!this.loggedSkips.has(what)) {
      this.loggedSkips.add(what);
      this.logger.debug(`capture: ignoring ${what} (not part of the workspace)`);
    }
    return undefined;
  }

  private maxChars(): number {
    return this.config.value['capture.maxFileSizeKb'] * 1024;
  }

  private openDocument(uri: string): vscode.TextDocument | undefined {
    return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
  }

  private onOpen(doc: vscode.TextDocument): void {
    const view = this.captured(doc);
    if (view) this.session.onDocumentOpened(view);
  }

  private onClose(doc: vscode.TextDocument): void {
    const view = this.captured(doc);
    if (view) this.session.onDocumentClosed(view.uri);
  }

  private noteSelections(editor: vscode.TextEditor, selections: readonly vscode.Selection[]): void {
    const doc = editor.document;
    this.session.onSelections(
      doc.uri.toString(),
      selections.map((s) => ({ anchor: doc.offsetAt(s.anchor), active: doc.offsetAt(s.active) })),
    );
  }

  private onChange(e: vscode.TextDocumentChangeEvent): void {
    if (e.contentChanges.length === 0 || !this.config.value['capture.enabled']) return;
    const view = this.captured(e.document);
    if (!view) return;
    const changes: TextChange[] = e.contentChanges.map((c) => ({ offset: c.rangeOffset, removedLength: c.rangeLength, text: c.text }));
    const reason = e.reason === vscode.TextDocumentChangeReason.Undo ? 'undo' : e.reason === vscode.TextDocumentChangeReason.Redo ? 'redo' : undefined;
    this.session.onChange(view.uri, changes, reason);
  }

  private diagnosticsOf(uri: string): { severity: 'error' | 'warning' | 'info' | 'hint'; range: { start: { line: number; character: number }; end: { line: number; character: number } }; source?: string; key: string }[] {
    const sev = ['error', 'warning', 'info', 'hint'] as const;
    return vscode.languages
      .getDiagnostics(vscode.Uri.parse(uri))
      .filter((d) => d.source !== 'Driftwatch')
      .map((d) => ({
        severity: sev[d.severity] ?? 'info',
        range: { start: { line: d.range.start.line, character: d.range.start.character }, end: { line: d.range.end.line, character: d.range.end.character } },
        ...(d.source ? { source: d.source } : {}),
        key: `${d.source ?? ''}\u0001${typeof d.code === 'object' ? String(d.code.value) : String(d.code ?? '')}\u0001${d.message}`,
      }));
  }

  // ---- writes on disk to closed files ---------------------------------------------------------------------------

  private async onDiskWrite(w: DiskWrite): Promise<void> {
    if (!this.config.value['capture.enabled'] || this.disposed) return;
    const uri = w.uri.toString();
    if (this.openDocument(uri)) return; // an open document reloads and reaches onChange
    const folder = vscode.workspace.getWorkspaceFolder(w.uri);
    if (!folder) return;
    const file = vscode.workspace.asRelativePath(w.uri, false).replace(/\\/g, '/');
    if (this.ignored(folder, file)) return;
    const known = w.created || this.session.knowsClosedText(uri);
    let bytes: Uint8Array;
    try {
      const stat = await vscode.workspace.fs.stat(w.uri);
      if (stat.type !== vscode.FileType.File || stat.size > this.maxChars()) {
        if (stat.size > this.maxChars()) this.logger.debug(`capture: ${file} written on disk is over the size limit; not diffed`);
        return;
      }
      bytes = await vscode.workspace.fs.readFile(w.uri);
    } catch {
      return; // deleted again or unreadable: nothing to attribute
    }
    if (this.disposed) return;
    const text = decodeText(bytes);
    if (!known) {
      this.logger.debug(`capture: ${file} changed on disk while closed and its earlier text is unknown; counted as an external write`);
      this.session.onUnknownClosedFileWritten(uri, text);
      return;
    }
    if (text === undefined) {
      this.logger.debug(`capture: ${file} written on disk is binary or not UTF-8; skipped`);
      return;
    }
    // The language from the file name: opening the file to ask would make it an open document (and fire the very
    // open/close events capture listens to).
    this.session.onClosedFileWritten({ uri, file, languageId: languageIdForFileName(w.uri.path), created: w.created, at: w.at, text });
  }

  private ignored(folder: vscode.WorkspaceFolder, file: string): boolean {
    const ig = this.ignores.get(folder.uri.toString());
    try {
      return ig ? ig.ignores(file) : ignore().add(ALWAYS_IGNORED).ignores(file);
    } catch {
      return true; // not a relative path `ignore` accepts: outside what we track
    }
  }

  private async loadIgnores(): Promise<void> {
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const ig = ignore().add(ALWAYS_IGNORED);
      try {
        ig.add(new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder.uri, '.gitignore'))));
      } catch {
        // no .gitignore: only the built-in exclusions apply
      }
      this.ignores.set(folder.uri.toString(), ig);
    }
  }

  // ---- persistence ----------------------------------------------------------------------------------------------

  private resume(): void {
    const { state, dropped, error } = parsePendingState(this.context.workspaceState.get(PENDING_KEY), this.clock.now());
    if (error) this.logger.warn(`capture: pending edits from the last window could not be read (${error}); starting fresh`);
    if (dropped > 0) this.logger.info(`capture: ${dropped} pending edit(s) from an earlier window were invalid or too old and were dropped`);
    if (state.edits.length === 0 && state.followers === undefined) return;
    const resumed = this.tracker.restore(state, (uri) => this.openDocument(uri) !== undefined);
    this.logger.info(`capture: resumed ${resumed} tracked edit(s) from the last window`);
  }

  private safely(what: string, fn: () => void): void {
    const started = performance.now();
    try {
      fn();
    } catch (err) {
      this.logger.error(`capture: ${what} handler failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    } finally {
      this.stats.handlerMs += performance.now() - started;
      this.stats.handlerCalls++;
    }
  }
}

async function readClipboard(): Promise<string | undefined> {
  try {
    return await Promise.race([
      Promise.resolve(vscode.env.clipboard.readText()),
      new Promise<undefined>((r) => setTimeout(() => r(undefined), CLIPBOARD_TIMEOUT_MS)),
    ]);
  } catch {
    return undefined;
  }
}
