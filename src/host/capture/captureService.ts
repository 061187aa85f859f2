/**
 * The capture service: listens to the editor, asks the pure classifier where each change came from, hands assistant
 * edits to the tracker and counts human editing. Everything VS Code-specific about capture lives here and in the small
 * adapters beside it; every decision lives in src/core/capture.
 *
 * What is captured (deliberate, documented in the README):
 * - documents inside a workspace folder (`file`, remote and virtual-workspace schemes) and notebook cells of notebooks
 *   inside one (recorded under the notebook's path; cells are tracked as their own documents);
 * - untitled documents, documents outside every workspace folder, output/git/settings and other virtual documents
 *   are ignored entirely (nothing recorded, not even counters);
 * - documents over `capture.maxFileSizeKb` are counted (an assistant edit record with `untracked: true`, no text) but
 *   neither shadowed, tracked nor linted;
 * - files written on disk while closed are read only when UTF-8 text under the size limit; binary (NUL bytes) and
 *   non-UTF-8 files and notebook JSON are skipped with one debug line.
 */
import * as vscode from 'vscode';
import ignore from 'ignore';
import { diskChanges } from '../../core/capture/diskDiff.js';
import { EditTracker, type CaptureTimings } from '../../core/capture/editTracker.js';
import { HumanActivityCounter } from '../../core/capture/humanActivity.js';
import { countLines, LineIndex } from '../../core/capture/lineIndex.js';
import { parsePendingState } from '../../core/capture/pendingState.js';
import { classify, isQuickHuman, squash, type ChangeObservation, type Evidence, type OffsetSelection, type Verdict } from '../../core/capture/provenance.js';
import type { RegionLinter } from '../../core/capture/regionLinter.js';
import { transformRegion, type Region } from '../../core/capture/regionTransform.js';
import { applyChange, type TextChange } from '../../core/capture/textChange.js';
import { LEDGER_TEXT_CHARS, textHash, VerdictLedger } from '../../core/capture/verdictLedger.js';
import { claimedFields, claimedVerdict, claimForChange, mergedRegion } from '../../core/capture/hooks/claimedEdit.js';
import { isAgentConfigPath } from '../../core/hooks/agentConfig.js';
import type { DriftEventInput, Provenance } from '../../core/schema/events.js';
import type { EventStore } from '../../core/store/eventStore.js';
import { systemClock, type Clock } from '../../core/util/clock.js';
import type { ConfigService } from '../config.js';
import type { Logger } from '../logger.js';
import { AssistantRegistry } from './assistantRegistry.js';
import { DocumentShadow } from './documentShadow.js';
import { FileActivity, type DiskWrite } from './fileActivity.js';
import { InlineAcceptObserver } from './inlineAcceptObserver.js';
import { PasteObserver } from './pasteObserver.js';
import { TerminalActivity } from './terminalActivity.js';
import { SuggestObserver } from './suggestObserver.js';

/** Regions of code an assistant wrote, for the Problems panel ("assistantRegions"). */
export interface AssistantRegionSource {
  regionsFor(uri: vscode.Uri): vscode.Range[];
  readonly onDidChange: vscode.Event<vscode.Uri>;
}

const PENDING_KEY = 'driftwatch.capture.pending';
/** Schemes of documents VS Code's chat editing keeps beside the real file while it applies edits. */
const CHAT_EDITING_SCHEMES = new Set(['chat-editing-text-model', 'chat-editing-snapshot-text-model', 'vscode-chat-code-block']);
const NOTEBOOK_CELL_SCHEME = 'vscode-notebook-cell';
/** How long a bulk change waits for its evidence (the selection event it caused, the other documents of a WorkspaceEdit, the clipboard). */
const BULK_EVIDENCE_MS = 150;
/** How long a reload from disk waits for `.git` activity that may follow it. */
const RELOAD_EVIDENCE_MS = 2_000;
const CLIPBOARD_TIMEOUT_MS = 400;
/** Bytes of closed-document text kept so a later disk write can be diffed. */
const CLOSED_CACHE_CHARS = 16 * 1024 * 1024;
const SHADOW_SYNC_MS = 2_000;
const RECENT_WINDOW_MS = 5_000;
/** Paths never treated as authored code when written on disk (editor settings and snippets are configuration). */
const ALWAYS_IGNORED = ['.git/', 'node_modules/', '.vscode/', '.vscode-test/', '*.ipynb', '.claude/', '.cursor/'];

interface DocInfo {
  readonly uri: string;
  /** Workspace-relative path with `/` (the notebook's path for a cell). */
  readonly file: string;
  readonly folder: vscode.WorkspaceFolder;
  oversize: boolean;
}

interface Candidate {
  readonly uri: string;
  readonly at: number;
  readonly changes: readonly TextChange[];
  /** Regions of the inserted text, moved through later changes until the verdict arrives. */
  regions: { region: Region; original: string; inserted: number; removed: number; removedText: string | undefined; linesRemoved: number }[];
  selectionsAfter: OffsetSelection[] | undefined;
  placeholderSeen?: boolean;
  done: boolean;
  /** For a write to a closed file: the file's new text (there is no open document to read it from). */
  afterText?: string;
}

/** One verdict, kept briefly for tests and debug logs (never code text). */
export interface VerdictNote {
  readonly file: string;
  readonly provenance: Provenance;
  readonly rule: string;
  readonly at: number;
  readonly editIds: readonly string[];
}

export class CaptureService implements vscode.Disposable, AssistantRegionSource {
  readonly tracker: EditTracker;
  private readonly clock: Clock;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly registry: AssistantRegistry;
  private readonly files: FileActivity;
  private readonly accepts: InlineAcceptObserver;
  private readonly pastes: PasteObserver;
  private readonly terminals: TerminalActivity;
  private readonly suggest: SuggestObserver;
  private renamingUntil = 0;
  private handlerMs = 0;
  private handlerCalls = 0;
  private readonly activity: HumanActivityCounter;
  /** Shared with the agent-hook channel, which claims the edits it reports here ([hooks]). */
  readonly ledger: VerdictLedger;
  private readonly regionEmitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.regionEmitter.event;

  private readonly docInfo = new WeakMap<vscode.TextDocument, DocInfo | null>();
  private readonly shadows = new Map<string, DocumentShadow>();
  private readonly selections = new Map<string, OffsetSelection[]>();
  private readonly candidates = new Map<string, Candidate[]>();
  private readonly chatEditingAt = new Map<string, number>();
  private readonly formattingUntil = new Map<string, number>();
  private readonly savedAt = new Map<string, number>();
  private readonly closedTexts = new Map<string, string>();
  private closedChars = 0;
  private recentBulk: { uri: string; at: number; newCode: number; textKey: string }[] = [];
  private recentDeletions: { text: string; at: number }[] = [];
  private readonly ignores = new Map<string, ReturnType<typeof ignore>>();
  private readonly loggedSkips = new Set<string>();
  private shadowTimer: ReturnType<Clock['setTimeout']> | undefined;
  private readonly notes: VerdictNote[] = [];
  private disposed = false;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly store: EventStore,
    private readonly config: ConfigService,
    private readonly logger: Logger,
    options: { clock?: Clock; linter?: RegionLinter; ledger?: VerdictLedger } = {},
  ) {
    this.clock = options.clock ?? systemClock;
    this.ledger = options.ledger ?? new VerdictLedger(); // [hooks]
    const emit = (records: DriftEventInput[]): ReturnType<EventStore['append']> => this.store.append(records);
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
    });
    this.registry = new AssistantRegistry(context.globalState, (r) => void emit(r), this.config.value['capture.assistantExtensions']);
    this.files = new FileActivity(this.clock);
    this.accepts = new InlineAcceptObserver(this.clock);
    this.pastes = new PasteObserver(this.clock);
    this.terminals = new TerminalActivity(this.clock);
    this.suggest = new SuggestObserver(this.clock);
    this.activity = new HumanActivityCounter(this.clock, (r) => void emit([r]));
    this.disposables.push(this.registry, this.files, this.accepts, this.pastes, this.terminals, this.suggest, this.regionEmitter);

    for (const doc of vscode.workspace.textDocuments) this.onOpen(doc);
    for (const editor of vscode.window.visibleTextEditors) this.noteSelections(editor, editor.selections);
    this.disposables.push(
      vscode.workspace.onDidChangeTextDocument((e) => this.safely('change', () => this.onChange(e))),
      vscode.window.onDidChangeTextEditorSelection((e) => this.safely('selection', () => this.noteSelections(e.textEditor, e.selections))),
      // A newly shown editor has a cursor before any selection event fires (e.g. at 0:0).
      vscode.window.onDidChangeVisibleTextEditors((editors) => this.safely('editors', () => editors.forEach((ed) => this.selections.has(ed.document.uri.toString()) || this.noteSelections(ed, ed.selections)))),
      vscode.workspace.onDidOpenTextDocument((d) => this.safely('open', () => this.onOpen(d))),
      vscode.workspace.onDidCloseTextDocument((d) => this.safely('close', () => this.onClose(d))),
      vscode.workspace.onWillSaveTextDocument((e) => this.safely('will-save', () => this.onWillSave(e))),
      vscode.workspace.onDidSaveTextDocument((d) => this.safely('did-save', () => this.onDidSave(d))),
      // Renaming or moving files makes language servers update imports in other (background) documents, sometimes
      // after asking the user: the window is generous because a missed chat edit costs less than a false one.
      vscode.workspace.onWillRenameFiles(() => (this.renamingUntil = this.clock.now() + 30_000)),
      vscode.workspace.onDidRenameFiles(() => (this.renamingUntil = this.clock.now() + 30_000)),
      vscode.languages.onDidChangeDiagnostics((e) => this.safely('diagnostics', () => e.uris.forEach((u) => this.tracker.onDiagnosticsChanged(u.toString())))),
      this.files.onDidWrite((w) => this.safely('disk-write', () => void this.onDiskWrite(w))),
      this.config.onDidChange((e) => {
        if (e.affects('capture.assistantExtensions')) this.registry.setExtra(this.config.value['capture.assistantExtensions']);
      }),
    );
    void this.loadIgnores();
    this.resume();
  }

  // ---- public surface ---------------------------------------------------------------------------------------------

  regionsFor(uri: vscode.Uri): vscode.Range[] {
    const doc = this.openDocument(uri.toString());
    if (!doc) return [];
    return this.tracker.regionsOf(uri.toString()).map(({ region }) => new vscode.Range(doc.positionAt(region.start), doc.positionAt(region.end)));
  }

  /** Shortens checkpoint and settle delays (integration tests; never set by the product). */
  setTimings(timings: Partial<CaptureTimings>): void {
    this.tracker.setTimings(timings);
  }

  /** The most recent verdicts, newest last (no code text). For tests and the "Show Logs" trail. */
  recentVerdicts(): readonly VerdictNote[] {
    return this.notes;
  }

  /** Time spent in capture's own event handlers since start (the benchmark's direct measure of its cost). */
  handlerTime(): { ms: number; calls: number } {
    return { ms: this.handlerMs, calls: this.handlerCalls };
  }

  /** Emits the human-activity counters now (tests; otherwise every 5 minutes and on shutdown). */
  flushActivity(): void {
    this.activity.flush();
  }

  /** Resolves when every bulk change seen so far has its verdict. */
  async idle(timeoutMs = 5_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while ([...this.candidates.values()].some((c) => c.length > 0) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (this.shadowTimer) this.clock.clearTimeout(this.shadowTimer);
    this.activity.flush();
    this.tracker.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }

  // ---- documents --------------------------------------------------------------------------------------------------

  private info(doc: vscode.TextDocument): DocInfo | undefined {
    const cached = this.docInfo.get(doc);
    if (cached !== undefined) return cached ?? undefined;
    const info = this.computeInfo(doc);
    this.docInfo.set(doc, info ?? null);
    return info;
  }

  private computeInfo(doc: vscode.TextDocument): DocInfo | undefined {
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
    if (isAgentConfigPath(file)) return this.skip('agent hook and editor configuration'); // [hooks]
    return { uri: doc.uri.toString(), file, folder, oversize: doc.getText().length > this.maxChars() };
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
    if (CHAT_EDITING_SCHEMES.has(doc.uri.scheme)) {
      this.chatEditingAt.set(doc.uri.path, this.clock.now());
      return;
    }
    const info = this.info(doc);
    if (!info) return;
    const text = doc.getText();
    if (!info.oversize) this.shadows.set(info.uri, new DocumentShadow(text));
    const cached = this.closedTexts.get(info.uri);
    if (cached !== undefined) {
      this.closedTexts.delete(info.uri);
      this.closedChars -= cached.length;
    }
    this.tracker.onDocumentOpened(info.uri, text);
  }

  private onClose(doc: vscode.TextDocument): void {
    const info = this.info(doc);
    if (!info) return;
    this.shadows.delete(info.uri);
    this.selections.delete(info.uri);
    if (info.oversize) return;
    const text = doc.getText();
    this.tracker.onDocumentClosed(info.uri, text);
    this.rememberClosed(info.uri, text);
  }

  private rememberClosed(uri: string, text: string): void {
    const old = this.closedTexts.get(uri);
    if (old !== undefined) this.closedChars -= old.length;
    this.closedTexts.delete(uri);
    this.closedTexts.set(uri, text);
    this.closedChars += text.length;
    for (const [k, v] of this.closedTexts) {
      if (this.closedChars <= CLOSED_CACHE_CHARS) break;
      this.closedTexts.delete(k);
      this.closedChars -= v.length;
    }
  }

  private onWillSave(e: vscode.TextDocumentWillSaveEvent): void {
    // Format on save and code actions on save run inside the save participant, between will-save and did-save:
    // whatever changes then is formatting. The window closes at did-save (auto-save after a delay saves often, and a
    // completion accepted right after a save is not formatting); the cap covers a save that never completes.
    this.formattingUntil.set(e.document.uri.toString(), this.clock.now() + 5_000);
  }

  private onDidSave(doc: vscode.TextDocument): void {
    this.formattingUntil.delete(doc.uri.toString());
    this.savedAt.set(doc.uri.toString(), this.clock.now());
  }

  /** Last write to the file on disk by something other than the editor's own save. */
  private externalWriteAt(uri: string): number | undefined {
    const written = this.files.lastWriteAt(uri);
    const saved = this.savedAt.get(uri);
    // The watcher reports our own save a little after did-save.
    if (written !== undefined && saved !== undefined && written >= saved - 200 && written - saved <= 2_000) return undefined;
    return written;
  }

  private noteSelections(editor: vscode.TextEditor, selections: readonly vscode.Selection[]): void {
    const doc = editor.document;
    const uri = doc.uri.toString();
    const offsets = selections.map((s) => ({ anchor: doc.offsetAt(s.anchor), active: doc.offsetAt(s.active) }));
    // Snippets first put the cursor after the text, then select their placeholders: a selection or several cursors
    // seen at any point of the evidence window wins over the first plain cursor.
    const placeholder = offsets.length > 1 || offsets.some((o) => o.anchor !== o.active);
    for (const c of this.candidates.get(uri) ?? []) if (!c.selectionsAfter || (placeholder && !c.placeholderSeen)) {
      c.selectionsAfter = offsets;
      c.placeholderSeen ||= placeholder;
    }
    this.selections.set(uri, offsets);
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

  // ---- change events ----------------------------------------------------------------------------------------------

  private onChange(e: vscode.TextDocumentChangeEvent): void {
    if (e.contentChanges.length === 0 || !this.config.value['capture.enabled']) return;
    const doc = e.document;
    if (CHAT_EDITING_SCHEMES.has(doc.uri.scheme)) {
      this.chatEditingAt.set(doc.uri.path, this.clock.now());
      return;
    }
    const info = this.info(doc);
    if (!info) return;
    const changes: TextChange[] = e.contentChanges.map((c) => ({ offset: c.rangeOffset, removedLength: c.rangeLength, text: c.text }));
    const reason = e.reason === vscode.TextDocumentChangeReason.Undo ? 'undo' : e.reason === vscode.TextDocumentChangeReason.Redo ? 'redo' : undefined;
    const now = this.clock.now();
    this.moveCandidates(info.uri, changes);
    const accept = this.accepts.acceptFor(info.uri);

    if (isQuickHuman({ changes, ...(reason ? { reason } : {}) }) && !(accept && now - accept.at < 1_500)) {
      // The typing hot path: O(changes + regions in this document).
      const provenance: Provenance = reason ?? 'typed';
      // Text removed by undo/redo is not "moved" anywhere; only cuts and refactors feed move detection.
      if (!reason && changes.some((c) => c.removedLength >= 16)) this.noteDeletions(info.uri, changes, now);
      this.shadows.get(info.uri)?.queue(changes);
      this.scheduleShadowSync();
      this.tracker.onChange(info.uri, changes, provenance);
      let chars = 0;
      for (const c of changes) chars += c.text.length;
      this.activity.count(provenance, chars);
      return;
    }
    this.onBulkChange(doc, info, changes, reason, now);
  }

  private onBulkChange(doc: vscode.TextDocument, info: DocInfo, changes: TextChange[], reason: 'undo' | 'redo' | undefined, now: number): void {
    const shadow = this.shadows.get(info.uri);
    const before = shadow?.before();
    const after = doc.getText();
    if (!info.oversize && after.length > this.maxChars()) {
      info.oversize = true;
      this.shadows.delete(info.uri);
    } else {
      shadow?.reset(after);
    }
    const removedTexts = before !== undefined ? removedTextsOf(before, changes) : undefined;
    if (removedTexts && !reason) this.noteDeletions(info.uri, changes, now, removedTexts);
    const first = changes[changes.length - 1]!; // VS Code orders multi-range changes last-to-first
    const context = before !== undefined ? { textBefore: before.slice(Math.max(0, first.offset - 400), first.offset), textAfter: before.slice(first.offset + first.removedLength, first.offset + first.removedLength + 400) } : {};
    const isActive = vscode.window.activeTextEditor?.document === doc;
    const selectionsBefore = isActive ? (this.selections.get(info.uri) ?? []) : [];
    // The widget closes as its item is inserted: read its state now, not when the verdict is made.
    const suggestOpen = isActive && this.suggest.isOpen(info.uri);
    const newCode = changes.reduce((n, c) => n + squash(c.text).length, 0);
    this.recentBulk.push({ uri: info.uri, at: now, newCode, textKey: textHash(changes.map((c) => c.text).join('\u0001')) });
    this.prune(now);

    // Existing regions move now (later changes depend on it); the provisional verdict only decides whether this
    // counts as a human fix of them.
    const provisional = classify(this.observation(info.uri, changes, removedTexts, reason, isActive, selectionsBefore, undefined, false, context, now, {}));
    this.tracker.onChange(info.uri, changes, provisional.provenance);
    if (reason) {
      this.conclude(info, doc.languageId, undefined, provisional, changes);
      return;
    }

    const candidate: Candidate = {
      uri: info.uri,
      at: now,
      changes,
      regions: candidateRegions(after, changes, removedTexts),
      selectionsAfter: undefined,
      done: false,
    };
    let list = this.candidates.get(info.uri);
    if (!list) this.candidates.set(info.uri, (list = []));
    list.push(candidate);

    const inserted = changes.reduce((n, c) => n + c.text.length, 0);
    const clipboard = inserted >= 2 ? readClipboard() : Promise.resolve(undefined);
    const decide = (reloaded: boolean): void => {
      void clipboard.then((clip) =>
        this.safely('classify', () => {
          const evidence: Evidence = { ...(clip !== undefined && !reloaded ? { clipboard: clip } : {}), ...(suggestOpen ? { suggestWidgetOpen: true } : {}) };
          const obs = this.observation(info.uri, changes, removedTexts, undefined, isActive, selectionsBefore, candidate.selectionsAfter, reloaded, context, now, evidence);
          this.finishCandidate(info, doc.languageId, candidate, classify(obs));
        }),
      );
    };
    this.clock.setTimeout(() => {
      // A document VS Code reloaded from disk stays clean; one the user or an extension edited turns dirty. The dirty
      // flag reaches the extension host shortly AFTER the first change to a clean document, so it is read only now.
      if (doc.isDirty || doc.isClosed) decide(false);
      else this.clock.setTimeout(() => decide(true), RELOAD_EVIDENCE_MS);
    }, BULK_EVIDENCE_MS);
  }

  private observation(
    uri: string,
    changes: readonly TextChange[],
    removedTexts: string[] | undefined,
    reason: 'undo' | 'redo' | undefined,
    isActive: boolean,
    selectionsBefore: OffsetSelection[],
    selectionsAfter: OffsetSelection[] | undefined,
    reloaded: boolean,
    context: { textBefore?: string; textAfter?: string },
    now: number,
    extra: Evidence,
  ): ChangeObservation {
    const accept = this.accepts.acceptFor(uri);
    const paste = this.pastes.pasteFor(uri);
    const path = vscode.Uri.parse(uri).path;
    const others = this.recentBulk.filter((b) => b.uri !== uri && Math.abs(b.at - now) <= 500);
    const other = others.filter((b) => b.newCode >= 8 && Math.abs(b.at - now) <= 500).map((b) => b.at);
    const mine = this.recentBulk.find((b) => b.uri === uri && b.at === now);
    // Replace-in-files edits every document in the same moment.
    const sameTextElsewhere = mine !== undefined && mine.newCode > 0 && others.some((b) => b.textKey === mine.textKey && Math.abs(b.at - now) <= 300);
    const formatting = (this.formattingUntil.get(uri) ?? 0) >= now;
    const evidence: Evidence = {
      ...extra,
      ...(accept ? { inlineAcceptAt: accept.at, inlineAcceptPartial: accept.partial } : {}),
      ...(paste ? { pasteAt: paste.at, pastedText: paste.text } : {}),
      ...(formatting ? { formatting } : {}),
      ...(this.renamingUntil >= now ? { renamingFiles: true } : {}),
      ...(sameTextElsewhere ? { sameTextElsewhere } : {}),
      ...(this.externalWriteAt(uri) !== undefined ? { diskWriteAt: this.externalWriteAt(uri)! } : {}),
      terminal: this.terminals.writers(),
      ...(this.files.vcsAt !== undefined ? { vcsAt: this.files.vcsAt } : {}),
      ...(this.files.massChangeBurst ? { massChangeBurst: true } : {}),
      ...(this.chatEditingAt.has(path) ? { chatEditingAt: this.chatEditingAt.get(path)! } : {}),
      ...(other.length > 0 ? { otherDocumentEditAt: Math.max(...other) } : {}),
      recentDeletions: this.recentDeletions.filter((d) => d.text.length > 0),
    };
    return {
      now: reloaded ? this.clock.now() : now,
      changes,
      ...(removedTexts ? { removedTexts } : {}),
      ...(reason ? { reason } : {}),
      isActiveDocument: isActive,
      selectionsBefore,
      ...(selectionsAfter ? { selectionsAfter } : {}),
      reloadedFromDisk: reloaded,
      ...context,
      evidence,
      assistants: this.registry.assistants,
    };
  }

  /** Moves the regions of changes still waiting for their verdict. */
  private moveCandidates(uri: string, changes: readonly TextChange[]): void {
    for (const c of this.candidates.get(uri) ?? []) {
      for (const r of c.regions) for (const ch of changes) r.region = transformRegion(r.region, ch);
    }
  }

  private finishCandidate(info: DocInfo, languageId: string, candidate: Candidate, verdict: Verdict): void {
    candidate.done = true;
    const list = this.candidates.get(info.uri);
    if (list) {
      list.splice(list.indexOf(candidate), 1);
      if (list.length === 0) this.candidates.delete(info.uri);
    }
    this.conclude(info, languageId, candidate, verdict, candidate.changes);
  }

  /** Counts the change and, for an assistant verdict, records and tracks its regions. */
  private conclude(info: DocInfo, languageId: string, candidate: Candidate | undefined, heuristic: Verdict, changes: readonly TextChange[]): void {
    // [hooks] An agent hook that announced this change is its authority: one edit, the hook's attribution; a change the
    // hook already recorded itself is not recorded again. (src/core/capture/hooks/claimedEdit.ts)
    const claim = candidate ? claimForChange(this.ledger, info.uri, heuristic, candidate.regions.map((r) => r.original)) : undefined;
    const verdict = claim ? claimedVerdict(heuristic, claim) : heuristic;
    const inserted = changes.reduce((n, c) => n + c.text.length, 0);
    this.activity.count(verdict.provenance, inserted);
    const editIds: string[] = [];
    const now = this.clock.now();
    if (claim?.editId !== undefined) {
      this.logger.trace(`capture: change in ${info.file} was already recorded from its agent hook`);
      return;
    }
    if (candidate && verdict.channel && verdict.attribution && (verdict.provenance === 'ai-inline' || verdict.provenance === 'ai-chat' || verdict.provenance === 'ai-agent')) {
      const doc = this.openDocument(info.uri);
      const text = doc?.getText() ?? candidate.afterText ?? '';
      const index = new LineIndex(text);
      for (const r of claim ? mergedRegion(candidate.regions, text) : candidate.regions) {
        const range = index.rangeOf(r.region.start, r.region.end);
        const stored = this.tracker.track({
          ...(claim ? claimedFields(claim, heuristic) : {}), // [hooks]
          provenance: verdict.provenance,
          channel: verdict.channel,
          assistant: verdict.attribution.assistant,
          ...(verdict.attribution.extensionId ? { extensionId: verdict.attribution.extensionId.slice(0, 200) } : {}),
          ...(verdict.attribution.assistantVersion ? { assistantVersion: verdict.attribution.assistantVersion } : {}),
          language: languageId.slice(0, 200),
          file: info.file,
          range,
          linesAdded: countLines(r.original),
          linesRemoved: r.linesRemoved,
          charsInserted: r.inserted,
          charsReplaced: r.removed,
          ...(info.oversize ? { untracked: true } : { text: r.original, ...(r.removedText ? { replacedText: r.removedText } : {}) }),
          uri: info.uri,
          region: r.region,
          documentText: text,
          original: r.original,
        });
        if (!stored) continue;
        editIds.push(stored.id);
        if (claim) this.ledger.taken(claim, stored.id); // [hooks]
        this.ledger.record({ uri: info.uri, offset: r.region.start, textHash: textHash(r.original), provenance: verdict.provenance, editId: stored.id, at: now, text: r.original.slice(0, LEDGER_TEXT_CHARS) });
      }
      // Written on disk while closed: the tracker measures it from this text until the file is opened.
      if (!doc && !info.oversize) this.tracker.onDocumentClosed(info.uri, text);
    }
    this.notes.push({ file: info.file, provenance: verdict.provenance, rule: verdict.rule, at: now, editIds });
    if (this.notes.length > 200) this.notes.splice(0, this.notes.length - 200);
    if (verdict.provenance !== 'typed') this.logger.trace(`capture: ${verdict.provenance} (${verdict.rule}) in ${info.file}`);
  }

  private noteDeletions(uri: string, changes: readonly TextChange[], now: number, removedTexts?: string[]): void {
    let texts = removedTexts;
    if (!texts) {
      const before = this.shadows.get(uri)?.before();
      if (before === undefined) return;
      texts = removedTextsOf(before, changes);
    }
    for (const t of texts) if (t.length >= 16) this.recentDeletions.push({ text: t, at: now });
    if (this.recentDeletions.length > 20) this.recentDeletions.splice(0, this.recentDeletions.length - 20);
  }

  private prune(now: number): void {
    this.recentBulk = this.recentBulk.filter((b) => now - b.at <= RECENT_WINDOW_MS);
    this.recentDeletions = this.recentDeletions.filter((d) => now - d.at <= RECENT_WINDOW_MS);
    this.ledger.prune(now);
  }

  private scheduleShadowSync(): void {
    if (this.shadowTimer || this.disposed) return;
    this.shadowTimer = this.clock.setTimeout(() => {
      this.shadowTimer = undefined;
      for (const [uri, shadow] of this.shadows) {
        if (!shadow.dirty) continue;
        const doc = this.openDocument(uri);
        if (doc) shadow.reset(doc.getText());
      }
    }, SHADOW_SYNC_MS);
  }

  // ---- writes on disk to closed files ---------------------------------------------------------------------------

  private async onDiskWrite(w: DiskWrite): Promise<void> {
    if (!this.config.value['capture.enabled']) return;
    const uri = w.uri.toString();
    if (this.openDocument(uri)) return; // an open document reloads and reaches onChange
    const folder = vscode.workspace.getWorkspaceFolder(w.uri);
    if (!folder) return;
    const file = vscode.workspace.asRelativePath(w.uri, false).replace(/\\/g, '/');
    if (this.ignored(folder, file)) return;
    const before = w.created ? '' : this.closedTexts.get(uri);
    if (before === undefined) {
      this.logger.debug(`capture: ${file} changed on disk while closed and its earlier text is unknown; counted as an external write`);
      this.activity.count('external', 0);
      return;
    }
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
    const text = decodeText(bytes);
    if (text === undefined) {
      this.logger.debug(`capture: ${file} written on disk is binary or not UTF-8; skipped`);
      return;
    }
    const changes = diskChanges(before, text);
    this.rememberClosed(uri, text);
    if (changes.length === 0) return;
    const info: DocInfo = { uri, file, folder, oversize: false };
    const candidate: Candidate = { uri, at: w.at, changes, regions: candidateRegions(text, changes, removedTextsOf(before, changes)), selectionsAfter: undefined, done: false, afterText: text };
    let list = this.candidates.get(uri);
    if (!list) this.candidates.set(uri, (list = []));
    list.push(candidate);
    const languageId = await languageOf(w.uri);
    this.clock.setTimeout(() => {
      this.safely('classify-disk', () => {
        const obs = this.observation(uri, changes, removedTextsOf(before, changes), undefined, false, [], undefined, true, {}, w.at, { diskWriteAt: w.at });
        this.finishCandidate(info, languageId, candidate, classify(obs));
      });
    }, RELOAD_EVIDENCE_MS);
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
    if (state.edits.length === 0) return;
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
      this.handlerMs += performance.now() - started;
      this.handlerCalls++;
    }
  }
}

/** The text each change removed, given the text before the event (changes apply in order). */
export function removedTextsOf(before: string, changes: readonly TextChange[]): string[] {
  const out: string[] = [];
  let text = before;
  for (const c of changes) {
    out.push(text.slice(c.offset, c.offset + c.removedLength));
    text = applyChange(text, c);
  }
  return out;
}

/**
 * The regions an event inserted, in the coordinates of the text after the whole event, with nearby hunks merged: VS
 * Code reduces a replacement to a minimal diff, so one logical edit can arrive as several small changes a line apart.
 */
export function candidateRegions(after: string, changes: readonly TextChange[], removedTexts: string[] | undefined): Candidate['regions'] {
  const raw: { region: Region; inserted: number; removed: number; removedText: string | undefined; linesRemoved: number }[] = [];
  changes.forEach((c, i) => {
    if (squash(c.text) === '') return;
    let r: Region = { start: c.offset, end: c.offset + c.text.length };
    for (let j = i + 1; j < changes.length; j++) r = transformRegion(r, changes[j]!);
    const removedText = removedTexts?.[i];
    raw.push({ region: r, inserted: c.text.length, removed: c.removedLength, removedText, linesRemoved: removedText ? countLines(removedText) : 0 });
  });
  raw.sort((a, b) => a.region.start - b.region.start);
  const merged: typeof raw = [];
  for (const r of raw) {
    const last = merged[merged.length - 1];
    const gap = last ? after.slice(last.region.end, r.region.start) : undefined;
    if (last && gap !== undefined && r.region.start >= last.region.end && gap.length <= 200 && countLines(gap) <= 2) {
      last.region = { start: last.region.start, end: r.region.end };
      last.inserted += r.inserted;
      last.removed += r.removed;
      last.removedText = last.removedText !== undefined && r.removedText !== undefined ? last.removedText + r.removedText : undefined;
      last.linesRemoved += r.linesRemoved;
    } else {
      merged.push({ ...r });
    }
  }
  return merged.map((m) => ({ ...m, original: after.slice(m.region.start, m.region.end) }));
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

/** UTF-8 text of a file, or undefined for binary (NUL in the first 8 KB) or invalid UTF-8. */
export function decodeText(bytes: Uint8Array): string | undefined {
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * The language of a file written while closed, from its extension: opening it as a document just to ask would make
 * it an open document (and fire the open/close events capture itself listens to).
 */
async function languageOf(uri: vscode.Uri): Promise<string> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return open.languageId;
  const ext = uri.path.slice(uri.path.lastIndexOf('.') + 1).toLowerCase();
  const byExt: Readonly<Record<string, string>> = { ts: 'typescript', tsx: 'typescriptreact', js: 'javascript', jsx: 'javascriptreact', mjs: 'javascript', cjs: 'javascript', py: 'python', md: 'markdown', json: 'json' };
  return byExt[ext] ?? 'plaintext';
}
