/**
 * A capture session on the {@link Clock}: every change event of the workspace's documents goes candidates → evidence →
 * verdict → tracker here. The host only subscribes to the editor and hands events in (already converted to offsets and
 * plain strings); every decision and every timer lives in this class, so the whole pipeline runs in unit tests on a
 * manual clock.
 *
 * - Typing (the hot path) is O(changes + regions in the document): counted, moved through tracked regions, queued on
 *   the document's shadow; no evidence is gathered.
 * - A bulk change becomes a candidate: its inserted regions wait {@link BULK_EVIDENCE_MS} for evidence (the selection
 *   event it caused, the other documents of a WorkspaceEdit, the clipboard), a clean document a further
 *   {@link RELOAD_EVIDENCE_MS} for `.git` activity (it was reloaded from disk), then the classifier decides.
 * - A file written on disk while closed is diffed against its last known text and classified the same way.
 *
 * `dispose` cancels every timer and ignores every late callback: once capture is switched off nothing more is recorded.
 */
import type { DriftEventInput, Provenance } from '../schema/events.js';
import type { Clock, TimerHandle } from '../util/clock.js';
import type { ActiveAssistant } from './assistantCatalog.js';
import { composeChanges } from './arcSpans.js';
import { candidateRegions, removedTextsOf, type CandidateRegion } from './candidateRegions.js';
import { diskChanges } from './diskDiff.js';
import { DocumentShadow } from './documentShadow.js';
import type { EditTracker } from './editTracker.js';
import { gatherEvidence, type EvidenceSource } from './evidenceSource.js';
import { HumanActivityCounter } from './humanActivity.js';
import { countLines, LineIndex } from './lineIndex.js';
import { classify, isQuickHuman, squash, SIGNAL_WINDOW_MS, type ChangeObservation, type Evidence, type OffsetSelection, type Verdict } from './provenance.js';
import { transformRegion } from './regionTransform.js';
import type { TextChange } from './textChange.js';
import { claimedFields, claimedVerdict, claimForChange, mergedRegion } from './hooks/claimedEdit.js';
import { adoptable, expectedVerdict, signalClaimable } from './decisionClaim.js';
import { LEDGER_TEXT_CHARS, textHash, VerdictLedger } from './verdictLedger.js';

/** How long a bulk change waits for its evidence (the selection event it caused, the other documents of a WorkspaceEdit, the clipboard). */
export const BULK_EVIDENCE_MS = 150;
/** How long a reload from disk waits for `.git` activity that may follow it. */
export const RELOAD_EVIDENCE_MS = 2_000;
/** Characters of closed-document text kept so a later disk write can be diffed. */
const CLOSED_CACHE_CHARS = 16 * 1024 * 1024;
/** How often a shadow that typing made dirty re-reads its document. */
const SHADOW_SYNC_MS = 2_000;
/** How long recent bulk changes and deletions are remembered (multi-document edits, moves). */
const RECENT_WINDOW_MS = 5_000;
/** Characters of context either side of a change the classifier sees (duplicate-line detection). */
const CONTEXT_CHARS = 400;
/** How long a write from disk by an unknown writer can still be adopted by a decision signal that arrives after it. */
export const ADOPT_WINDOW_MS = 60_000;
const MAX_UNATTRIBUTED = 50;

/** An open document as the session sees it; the host adapts its editor's document object to this. */
export interface CaptureDocument {
  readonly uri: string;
  /** Workspace-relative path with `/` (the notebook's path for a notebook cell). */
  readonly file: string;
  readonly languageId: string;
  getText(): string;
  /** Read when the verdict is due: a document reloaded from disk stays clean, one an edit changed turns dirty. */
  readonly isDirty: boolean;
  readonly isClosed: boolean;
}

/** One verdict, as listeners see it (never code text). */
export interface VerdictNote {
  /** The document's URI (kept in memory only). */
  readonly uri: string;
  readonly file: string;
  readonly provenance: Provenance;
  readonly rule: string;
  readonly at: number;
  readonly editIds: readonly string[];
  /** The channel of an assistant verdict. */
  readonly channel?: string;
  /** VS Code's source tag, when it took part. */
  readonly editSource?: string;
}

export interface CaptureSessionDeps {
  readonly clock: Clock;
  readonly tracker: EditTracker;
  /** Appends records to the store. */
  emit(records: DriftEventInput[]): unknown;
  /** Every evidence channel (observers in the host); more can be added with {@link CaptureSession.addSource}. */
  readonly sources?: readonly EvidenceSource[];
  /** The assistants installed, with their current activation state. */
  assistants(): readonly ActiveAssistant[];
  /** The open document for a URI, if any. */
  openDocument(uri: string): CaptureDocument | undefined;
  /** The URI of the active text editor's document. */
  activeUri(): string | undefined;
  /** The clipboard text (may resolve undefined: unreadable or too slow). Read only for bulk inserts. */
  readClipboard(): Promise<string | undefined>;
  /** Documents over this many characters are counted but neither shadowed nor tracked. */
  maxChars(): number;
  readonly log: { debug(m: string): void; trace(m: string): void; error(m: string): void };
  /** The ledger shared with precise channels (agent hooks) that claim edits; a private one when absent. */
  readonly ledger?: VerdictLedger;
}

interface DocState {
  readonly doc: CaptureDocument;
  oversize: boolean;
  shadow: DocumentShadow | undefined;
}

interface Candidate {
  readonly uri: string;
  readonly file: string;
  readonly languageId: string;
  readonly oversize: boolean;
  readonly at: number;
  readonly changes: readonly TextChange[];
  readonly regions: CandidateRegion[];
  selectionsAfter: OffsetSelection[] | undefined;
  placeholderSeen: boolean;
  /** For a write to a closed file: the file's new text (there is no open document to read it from). */
  readonly afterText?: string;
}

/** A file written on disk while it was closed in the editor, read by the host (UTF-8 text under the size limit). */
export interface ClosedFileWrite {
  readonly uri: string;
  readonly file: string;
  readonly languageId: string;
  readonly created: boolean;
  /** When the watcher saw the write (clock ms). */
  readonly at: number;
  readonly text: string;
}

export class CaptureSession {
  /** Recent verdicts, so a later, more precise channel (hooks, OTLP) confirms an edit instead of counting it twice. */
  readonly ledger: VerdictLedger;
  private readonly sources: EvidenceSource[];
  private readonly activity: HumanActivityCounter;
  private readonly docs = new Map<string, DocState>();
  private readonly selections = new Map<string, OffsetSelection[]>();
  private readonly candidates = new Map<string, Candidate[]>();
  private readonly closedTexts = new Map<string, string>();
  private closedChars = 0;
  private recentBulk: { uri: string; at: number; newCode: number; textKey: string }[] = [];
  private recentDeletions: { text: string; at: number }[] = [];
  /** Writes from disk by an unknown writer, recent enough for a late decision signal to adopt (regions kept moving). */
  private unattributed: { candidate: Candidate; verdict: Verdict }[] = [];
  private readonly timers = new Set<TimerHandle>();
  private shadowTimer: TimerHandle | undefined;
  private readonly verdictListeners = new Set<(note: VerdictNote) => void>();
  private pending = 0;
  private disposed = false;
  /** Verdicts where VS Code's own tag contradicted the evidence heuristics (the tag won). */
  readonly stats = { editSourceVerdicts: 0, editSourceDisagreements: 0 };

  constructor(private readonly deps: CaptureSessionDeps) {
    this.sources = [...(deps.sources ?? [])];
    this.ledger = deps.ledger ?? new VerdictLedger();
    this.activity = new HumanActivityCounter(deps.clock, (r) => void deps.emit([r]));
  }

  // ---- registration and observation ------------------------------------------------------------------------------

  /** Registers one more evidence channel. */
  addSource(source: EvidenceSource): { dispose(): void } {
    this.sources.push(source);
    return {
      dispose: () => {
        const at = this.sources.indexOf(source);
        if (at >= 0) this.sources.splice(at, 1);
      },
    };
  }

  /** Calls `listener` with every verdict (debug trails, tests). */
  onVerdict(listener: (note: VerdictNote) => void): { dispose(): void } {
    this.verdictListeners.add(listener);
    return { dispose: () => this.verdictListeners.delete(listener) };
  }

  /** Bulk changes and disk writes still waiting for their verdict. */
  get pendingVerdicts(): number {
    return this.pending;
  }

  /** Emits the human-activity counters now (otherwise every 5 minutes and at dispose). */
  flushActivity(): void {
    this.activity.flush();
  }

  // ---- documents --------------------------------------------------------------------------------------------------

  /** A workspace document was opened (or was open when capture started). */
  onDocumentOpened(doc: CaptureDocument): void {
    const text = doc.getText();
    const oversize = text.length > this.deps.maxChars();
    this.docs.set(doc.uri, { doc, oversize, shadow: oversize ? undefined : new DocumentShadow(text) });
    this.forgetClosed(doc.uri);
    this.deps.tracker.onDocumentOpened(doc.uri, text);
  }

  onDocumentClosed(uri: string): void {
    const state = this.docs.get(uri);
    if (!state) return;
    this.docs.delete(uri);
    this.selections.delete(uri);
    if (state.oversize) return;
    const text = state.doc.getText();
    this.deps.tracker.onDocumentClosed(uri, text);
    this.rememberClosed(uri, text);
  }

  /**
   * Remembers the text of a workspace file that is not open and whose text is not known yet, read by the host ahead of
   * any write (see CaptureService's priming), so the first write to a never-opened file can be diffed and classified
   * like any other. Returns false when the file is open or already known (nothing changes).
   */
  primeClosedText(uri: string, text: string): boolean {
    if (this.disposed || this.docs.has(uri) || this.closedTexts.has(uri)) return false;
    this.rememberClosed(uri, text);
    return true;
  }

  /** Characters of closed-file text held for diffing (bounded by the cache limit). */
  get closedTextChars(): number {
    return this.closedChars;
  }

  /** True when the text of a closed file is known, so a disk write to it can be diffed. */
  knowsClosedText(uri: string): boolean {
    return this.closedTexts.has(uri);
  }

  /** Selections of an editor on `uri` changed (offsets). */
  onSelections(uri: string, selections: OffsetSelection[]): void {
    // Snippets first put the cursor after the text, then select their placeholders: a selection or several cursors
    // seen at any point of the evidence window wins over the first plain cursor.
    const placeholder = selections.length > 1 || selections.some((o) => o.anchor !== o.active);
    for (const c of this.candidates.get(uri) ?? []) {
      if (!c.selectionsAfter || (placeholder && !c.placeholderSeen)) {
        c.selectionsAfter = selections;
        c.placeholderSeen ||= placeholder;
      }
    }
    this.selections.set(uri, selections);
  }

  /** True once selections were noted for `uri` (a newly shown editor has a cursor before any selection event). */
  hasSelections(uri: string): boolean {
    return this.selections.has(uri);
  }

  // ---- change events ----------------------------------------------------------------------------------------------

  /** One change event of an open document (changes as VS Code reports them, already applied to the document). */
  onChange(uri: string, changes: readonly TextChange[], reason: 'undo' | 'redo' | undefined): void {
    if (this.disposed || changes.length === 0) return;
    const state = this.docs.get(uri);
    if (!state) return;
    const now = this.deps.clock.now();
    this.moveCandidates(uri, changes);
    if (isQuickHuman({ changes, ...(reason ? { reason } : {}) }) && !this.requiresVerdict(uri, now)) {
      // The typing hot path: O(changes + regions in this document).
      const provenance: Provenance = reason ?? 'typed';
      // Text removed by undo/redo is not "moved" anywhere; only cuts and refactors feed move detection.
      if (!reason && changes.some((c) => c.removedLength >= 16)) this.noteDeletions(state, changes, now);
      if (state.shadow) {
        state.shadow.queue(changes);
        this.scheduleShadowSync();
      }
      this.deps.tracker.onChange(uri, changes, provenance);
      let chars = 0;
      for (const c of changes) chars += c.text.length;
      this.activity.count(provenance, chars);
      return;
    }
    this.onBulkChange(state, changes, reason, now);
  }

  private requiresVerdict(uri: string, now: number): boolean {
    for (const s of this.sources) if (s.requiresVerdict?.({ uri, now, isActiveDocument: false })) return true;
    return false;
  }

  private onBulkChange(state: DocState, changes: readonly TextChange[], reason: 'undo' | 'redo' | undefined, now: number): void {
    const { doc } = state;
    const uri = doc.uri;
    const before = state.shadow?.before();
    const after = doc.getText();
    if (!state.oversize && after.length > this.deps.maxChars()) {
      state.oversize = true;
      state.shadow = undefined;
    } else {
      state.shadow?.reset(after);
    }
    const removedTexts = before !== undefined ? removedTextsOf(before, changes) : undefined;
    if (removedTexts && !reason) this.noteDeletions(state, changes, now, removedTexts);
    const first = changes[changes.length - 1]!; // VS Code orders multi-range changes last-to-first
    const context =
      before !== undefined
        ? {
            textBefore: before.slice(Math.max(0, first.offset - CONTEXT_CHARS), first.offset),
            textAfter: before.slice(first.offset + first.removedLength, first.offset + first.removedLength + CONTEXT_CHARS),
          }
        : {};
    const isActive = this.deps.activeUri() === uri;
    const selectionsBefore = isActive ? (this.selections.get(uri) ?? []) : [];
    // State the edit itself ends (the suggest widget closing as its item is inserted) is read now.
    const changeEvidence = gatherEvidence(this.sources, 'change', { uri, now, isActiveDocument: isActive });
    const newCode = changes.reduce((n, c) => n + squash(c.text).length, 0);
    this.recentBulk.push({ uri, at: now, newCode, textKey: textHash(changes.map((c) => c.text).join('\u0001')) });
    this.prune(now);

    const base = { uri, changes, isActive, selectionsBefore, context, at: now, ...(removedTexts ? { removedTexts } : {}) };
    // Existing regions move now (later changes depend on it); the provisional verdict only decides whether this
    // counts as a human fix of them.
    const provisional = classify(this.observation({ ...base, ...(reason ? { reason } : {}), reloaded: false, extra: {} }));
    this.deps.tracker.onChange(uri, changes, provisional.provenance);
    if (reason) {
      this.conclude(undefined, { uri, file: doc.file, languageId: doc.languageId, oversize: state.oversize }, provisional, changes);
      return;
    }

    const candidate: Candidate = {
      uri,
      file: doc.file,
      languageId: doc.languageId,
      oversize: state.oversize,
      at: now,
      changes,
      regions: candidateRegions(after, changes, removedTexts),
      selectionsAfter: undefined,
      placeholderSeen: false,
    };
    this.addCandidate(candidate);
    const inserted = changes.reduce((n, c) => n + c.text.length, 0);
    const clipboard = inserted >= 2 ? this.deps.readClipboard().catch(() => undefined) : Promise.resolve(undefined);
    const decide = (reloaded: boolean): void => {
      void clipboard.then((clip) =>
        this.guard('classify', () => {
          const extra: Evidence = { ...changeEvidence, ...(clip !== undefined && !reloaded ? { clipboard: clip } : {}) };
          const obs = this.observation({ ...base, ...(candidate.selectionsAfter ? { selectionsAfter: candidate.selectionsAfter } : {}), reloaded, extra });
          this.finishCandidate(candidate, classify(obs));
        }),
      );
    };
    this.schedule(() => {
      // A document VS Code reloaded from disk stays clean; one the user or an extension edited turns dirty. The dirty
      // flag reaches the extension host shortly AFTER the first change to a clean document, so it is read only now.
      if (doc.isDirty || doc.isClosed) decide(false);
      else this.schedule(() => decide(true), RELOAD_EVIDENCE_MS);
    }, BULK_EVIDENCE_MS);
  }

  // ---- writes on disk to closed files ---------------------------------------------------------------------------

  /**
   * A file was written on disk while closed. Diffed against its last known text (empty when created) and classified
   * after {@link RELOAD_EVIDENCE_MS}. Returns false when its earlier text is unknown (counted as an external write).
   */
  onClosedFileWritten(write: ClosedFileWrite): boolean {
    if (this.disposed) return true;
    const before = write.created ? '' : this.closedTexts.get(write.uri);
    if (before === undefined) {
      this.activity.count('external', 0);
      return false;
    }
    const changes = diskChanges(before, write.text);
    this.rememberClosed(write.uri, write.text);
    if (changes.length === 0) return true;
    const removedTexts = removedTextsOf(before, changes);
    const candidate: Candidate = {
      uri: write.uri,
      file: write.file,
      languageId: write.languageId,
      oversize: false,
      at: write.at,
      changes,
      regions: candidateRegions(write.text, changes, removedTexts),
      selectionsAfter: undefined,
      placeholderSeen: false,
      afterText: write.text,
    };
    this.addCandidate(candidate);
    this.schedule(
      () =>
        this.guard('classify-disk', () => {
          const obs = this.observation({ uri: write.uri, changes, removedTexts, isActive: false, selectionsBefore: [], context: {}, at: write.at, reloaded: true, extra: { diskWriteAt: write.at } });
          this.finishCandidate(candidate, classify(obs));
        }),
      RELOAD_EVIDENCE_MS,
    );
    return true;
  }

  /**
   * A closed file whose earlier text was unknown changed on disk: counted as external (nothing to diff), and its new
   * text remembered so the next write to it can be diffed.
   */
  onUnknownClosedFileWritten(uri: string, text: string | undefined): void {
    if (this.disposed) return;
    this.activity.count('external', 0);
    if (text !== undefined) this.rememberClosed(uri, text);
  }

  // ---- verdicts -----------------------------------------------------------------------------------------------------

  private observation(o: {
    uri: string;
    changes: readonly TextChange[];
    removedTexts?: readonly string[];
    reason?: 'undo' | 'redo';
    isActive: boolean;
    selectionsBefore: readonly OffsetSelection[];
    selectionsAfter?: readonly OffsetSelection[];
    reloaded: boolean;
    context: { textBefore?: string; textAfter?: string };
    at: number;
    extra: Evidence;
  }): ChangeObservation {
    const { uri, at } = o;
    const now = this.deps.clock.now();
    const others = this.recentBulk.filter((b) => b.uri !== uri && Math.abs(b.at - at) <= SIGNAL_WINDOW_MS.multiDocument);
    const other = others.filter((b) => b.newCode >= 8).map((b) => b.at);
    const mine = this.recentBulk.find((b) => b.uri === uri && b.at === at);
    // Replace-in-files edits every document in the same moment.
    const sameTextElsewhere = mine !== undefined && mine.newCode > 0 && others.some((b) => b.textKey === mine.textKey && Math.abs(b.at - at) <= 300);
    const evidence: Evidence = {
      ...o.extra,
      ...gatherEvidence(this.sources, 'verdict', { uri, now: at, isActiveDocument: o.isActive }),
      ...(sameTextElsewhere ? { sameTextElsewhere } : {}),
      ...(other.length > 0 ? { otherDocumentEditAt: Math.max(...other) } : {}),
      recentDeletions: this.recentDeletions.filter((d) => d.text.length > 0),
    };
    return {
      now: o.reloaded ? now : at,
      changes: o.changes,
      ...(o.removedTexts ? { removedTexts: o.removedTexts } : {}),
      ...(o.reason ? { reason: o.reason } : {}),
      isActiveDocument: o.isActive,
      selectionsBefore: o.selectionsBefore,
      ...(o.selectionsAfter ? { selectionsAfter: o.selectionsAfter } : {}),
      reloadedFromDisk: o.reloaded,
      ...o.context,
      evidence,
      assistants: this.deps.assistants(),
    };
  }

  private addCandidate(candidate: Candidate): void {
    let list = this.candidates.get(candidate.uri);
    if (!list) this.candidates.set(candidate.uri, (list = []));
    list.push(candidate);
    this.pending++;
  }

  /** Moves the regions of changes still waiting for their verdict. */
  private moveCandidates(uri: string, changes: readonly TextChange[]): void {
    for (const c of this.candidates.get(uri) ?? []) {
      for (const r of c.regions) {
        for (const ch of changes) r.region = transformRegion(r.region, ch);
        r.spans = composeChanges(r.spans, changes);
      }
    }
    for (const { candidate: c } of this.unattributed) {
      if (c.uri !== uri) continue;
      for (const r of c.regions) for (const ch of changes) r.region = transformRegion(r.region, ch);
    }
  }

  /**
   * A decision signal that names no file (Claude Code's OTLP accept) arrived after the write it decided: the oldest
   * write from disk by an unknown writer observed within `[from, to]` becomes that assistant's edit (channel `otlp`,
   * the heuristic's channel confirming). Returns the edit id, or undefined when no such write is remembered.
   */
  adoptWrite(from: number, to: number, who: { assistant: string; model?: string; proposalId: string }): string | undefined {
    if (this.disposed) return undefined;
    this.pruneUnattributed(this.deps.clock.now());
    const i = this.unattributed.findIndex((u) => u.candidate.at >= from && u.candidate.at <= to);
    if (i < 0) return undefined;
    const [u] = this.unattributed.splice(i, 1);
    const { candidate, verdict } = u!;
    const ids = this.conclude(candidate, candidate, verdict, candidate.changes, { verdict: expectedVerdict(verdict, who, 'adopted-by-otlp'), proposalId: who.proposalId });
    return ids[0];
  }

  private pruneUnattributed(now: number): void {
    this.unattributed = this.unattributed.filter((u) => now - u.candidate.at <= ADOPT_WINDOW_MS);
    if (this.unattributed.length > MAX_UNATTRIBUTED) this.unattributed.splice(0, this.unattributed.length - MAX_UNATTRIBUTED);
  }

  private finishCandidate(candidate: Candidate, verdict: Verdict): void {
    const list = this.candidates.get(candidate.uri);
    const at = list?.indexOf(candidate) ?? -1;
    if (!list || at < 0) return;
    list.splice(at, 1);
    if (list.length === 0) this.candidates.delete(candidate.uri);
    this.pending--;
    this.conclude(candidate, candidate, verdict, candidate.changes);
  }

  /**
   * Counts the change and, for an assistant verdict, records and tracks its regions; returns the recorded edit ids.
   * `adopted`: a write already counted as an unknown writer's, now decided by a later signal (not counted again).
   */
  private conclude(
    candidate: Candidate | undefined,
    where: { uri: string; file: string; languageId: string; oversize: boolean },
    heuristic: Verdict,
    changes: readonly TextChange[],
    adopted?: { verdict: Verdict; proposalId: string },
  ): string[] {
    // An agent hook that announced this change is its authority: one edit, the hook's attribution; a change the hook
    // already recorded itself is not recorded again (hooks/claimedEdit.ts).
    const claim = candidate && !adopted ? claimForChange(this.ledger, where.uri, heuristic, candidate.regions.map((r) => r.original)) : undefined;
    // An accept decision that named no file (OTLP) explains a write from disk by an unknown writer (decisionClaim.ts).
    const pending = !claim && !adopted && candidate ? this.ledger.expectationFor(candidate.at) : undefined;
    const expectation = pending && signalClaimable(heuristic, pending.assistant) ? pending : undefined;
    const verdict = adopted ? adopted.verdict : claim ? claimedVerdict(heuristic, claim) : expectation ? expectedVerdict(heuristic, expectation, 'expected-by-otlp') : heuristic;
    const inserted = changes.reduce((n, c) => n + c.text.length, 0);
    if (!adopted) this.activity.count(verdict.provenance, inserted);
    const editIds: string[] = [];
    const now = this.deps.clock.now();
    if (claim?.editId !== undefined) {
      this.deps.log.trace(`capture: change in ${where.file} was already recorded from its agent hook`);
      return editIds;
    }
    if (candidate && !adopted && !where.oversize && !verdict.channel && adoptable(verdict)) {
      this.unattributed.push({ candidate, verdict });
      this.pruneUnattributed(now);
    }
    const oneEdit = claim !== undefined || expectation !== undefined || adopted !== undefined;
    const proposalId = adopted?.proposalId ?? expectation?.proposalId;
    if (candidate && verdict.channel && verdict.attribution && (verdict.provenance === 'ai-inline' || verdict.provenance === 'ai-chat' || verdict.provenance === 'ai-agent')) {
      const doc = this.deps.openDocument(where.uri);
      const text = doc?.getText() ?? candidate.afterText ?? '';
      const index = new LineIndex(text);
      for (const r of oneEdit ? mergedRegion(candidate.regions, text) : candidate.regions) {
        const stored = this.deps.tracker.track({
          ...(claim ? claimedFields(claim, heuristic) : {}),
          ...(proposalId !== undefined ? { proposalId } : {}),
          provenance: verdict.provenance,
          channel: verdict.channel,
          assistant: verdict.attribution.assistant,
          ...(verdict.attribution.extensionId ? { extensionId: verdict.attribution.extensionId.slice(0, 200) } : {}),
          ...(verdict.attribution.assistantVersion ? { assistantVersion: verdict.attribution.assistantVersion } : {}),
          ...(verdict.attribution.model ? { model: verdict.attribution.model.slice(0, 200) } : {}),
          ...(verdict.confirmedBy ? { confirmedBy: [...verdict.confirmedBy] } : {}),
          ...(verdict.editSource ? { editSource: verdict.editSource.slice(0, 200) } : {}),
          language: where.languageId.slice(0, 200),
          file: where.file,
          range: index.rangeOf(r.region.start, r.region.end),
          linesAdded: countLines(r.original),
          linesRemoved: r.linesRemoved,
          charsInserted: r.inserted,
          charsReplaced: r.removed,
          ...(where.oversize ? { untracked: true } : { text: r.original, ...(r.removedText ? { replacedText: r.removedText } : {}) }),
          uri: where.uri,
          region: r.region,
          documentText: text,
          original: r.original,
          changed: { spans: r.spans, trimmed: r.trimmed, accepted: r.accepted },
        });
        if (!stored) continue;
        editIds.push(stored.id);
        if (claim) this.ledger.taken(claim, stored.id);
        this.ledger.record({
          uri: where.uri,
          offset: r.region.start,
          textHash: textHash(r.original),
          provenance: verdict.provenance,
          editId: stored.id,
          at: now,
          text: r.original.slice(0, LEDGER_TEXT_CHARS),
          assistant: stored.assistant,
          channel: stored.channel,
          language: stored.language,
          file: where.file,
        });
        // After the ledger entry exists: the decision's proposal reads the edit's file from it.
        if (expectation) this.ledger.expectationTaken(expectation, stored.id);
      }
      // Written on disk while closed: the tracker measures it from this text until the file is opened.
      if (!doc && !where.oversize) this.deps.tracker.onDocumentClosed(where.uri, text);
    }
    if (verdict.editSource) this.stats.editSourceVerdicts++;
    if (verdict.disagreement) {
      this.stats.editSourceDisagreements++;
      this.deps.log.debug(`capture: VS Code's tag ${verdict.editSource ?? ''} overrode the evidence in ${where.file} (${verdict.rule}); ${this.stats.editSourceDisagreements} disagreement(s) so far`);
    }
    const note: VerdictNote = { uri: where.uri, file: where.file, provenance: verdict.provenance, rule: verdict.rule, at: now, editIds, ...(verdict.channel ? { channel: verdict.channel } : {}), ...(verdict.editSource ? { editSource: verdict.editSource } : {}) };
    for (const l of this.verdictListeners) l(note);
    if (verdict.provenance !== 'typed') this.deps.log.trace(`capture: ${verdict.provenance} (${verdict.rule}) in ${where.file}`);
    return editIds;
  }

  // ---- memory -------------------------------------------------------------------------------------------------------

  private noteDeletions(state: DocState, changes: readonly TextChange[], now: number, removedTexts?: readonly string[]): void {
    let texts = removedTexts;
    if (!texts) {
      const before = state.shadow?.before();
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

  private rememberClosed(uri: string, text: string): void {
    this.forgetClosed(uri);
    this.closedTexts.set(uri, text);
    this.closedChars += text.length;
    for (const [k, v] of this.closedTexts) {
      if (this.closedChars <= CLOSED_CACHE_CHARS) break;
      this.closedTexts.delete(k);
      this.closedChars -= v.length;
    }
  }

  private forgetClosed(uri: string): void {
    const old = this.closedTexts.get(uri);
    if (old === undefined) return;
    this.closedTexts.delete(uri);
    this.closedChars -= old.length;
  }

  private scheduleShadowSync(): void {
    if (this.shadowTimer || this.disposed) return;
    this.shadowTimer = this.schedule(() => {
      this.shadowTimer = undefined;
      for (const state of this.docs.values()) {
        if (state.shadow?.dirty && !state.doc.isClosed) state.shadow.reset(state.doc.getText());
      }
    }, SHADOW_SYNC_MS);
  }

  // ---- timers and lifetime ----------------------------------------------------------------------------------------

  /** A timer the session owns: cancelled by `dispose`, never run after it. */
  private schedule(fn: () => void, ms: number): TimerHandle {
    const handle = this.deps.clock.setTimeout(() => {
      this.timers.delete(handle);
      if (!this.disposed) fn();
    }, ms);
    this.timers.add(handle);
    return handle;
  }

  private guard(what: string, fn: () => void): void {
    if (this.disposed) return;
    try {
      fn();
    } catch (err) {
      this.deps.log.error(`capture: ${what} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    }
  }

  /** Cancels every pending verdict and timer, flushes the counters and stops the tracker. Nothing is recorded after. */
  dispose(): void {
    if (this.disposed) return;
    for (const t of this.timers) this.deps.clock.clearTimeout(t);
    this.timers.clear();
    this.candidates.clear();
    this.unattributed = [];
    this.pending = 0;
    this.activity.flush();
    this.disposed = true;
    this.deps.tracker.dispose();
    this.verdictListeners.clear();
  }
}
