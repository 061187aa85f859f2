/**
 * The per-edit tracker: every assistant edit becomes a tracked region whose fate is measured on the injectable clock —
 * outcome (rejected within the reject window, else accepted / modified / deleted at the last checkpoint), survival at
 * each checkpoint, follow-up fixes (human edit sessions touching the region), lint findings opened/fixed in the region
 * and the language-server diagnostics delta. Its pending state serialises to JSON so a reloaded window resumes it.
 *
 * Hot path: `onChange` does O(regions in that document) arithmetic and schedules nothing heavier than a timer;
 * lint, diagnostics and survival run on timers.
 */
import {
  CHECKPOINTS_S,
  type AssistantEditEvent,
  type ScoringContext,
  type Checkpoint,
  type DriftEvent,
  type DriftEventInput,
  type EditRef,
  type HumanProvenance,
  type Provenance,
} from '../schema/events.js';
import type { Clock, TimerHandle } from '../util/clock.js';
import { scoreEdit, type ScoreWeights } from '../scoring/score.js';
import { scoreInputsFromRecords } from '../scoring/scoreInputs.js';
import { baselineKeys, checkDiagnostics, type DiagnosticInfo } from './diagnosticsDelta.js';
import type { EditFollower } from './editFollower.js';
import { LineIndex } from './lineIndex.js';
import type { PendingEdit, PendingState } from './pendingState.js';
import type { RegionFinding, RegionLinter } from './regionLinter.js';
import { lintInContext, scoringContext, scoringContextWithLines } from './scoringContext.js';
import { touches, transformRegion, type Region } from './regionTransform.js';
import { measureSurvival } from './survival.js';
import type { TextChange } from './textChange.js';

export interface CaptureTimings {
  /** Survival checkpoints after the edit, ms (default 30 s, 2, 5, 10, 15 min). */
  checkpointsMs: readonly number[];
  /** An edit undone or deleted within this window is `rejected`. */
  rejectWindowMs: number;
  /** First diagnostics/lint check after the edit settles. */
  settleMs: number;
  /** Diagnostics must be quiet this long before the settled check… */
  diagnosticsQuietMs: number;
  /** …but the settled check happens at the latest this long after the edit. */
  maxSettleMs: number;
  /** Human edits touching a region less than this apart form one follow-up fix. */
  fixSessionGapMs: number;
  /** Pending state is persisted at most this often while it changes. */
  persistDebounceMs: number;
}

export const DEFAULT_TIMINGS: Readonly<CaptureTimings> = Object.freeze({
  checkpointsMs: CHECKPOINTS_S.map((s) => s * 1000),
  rejectWindowMs: 10_000,
  settleMs: 2_500,
  diagnosticsQuietMs: 1_000,
  maxSettleMs: 15_000,
  fixSessionGapMs: 3_000,
  persistDebounceMs: 2_000,
});

/** Provenances that count as a human repairing the region. Format, undo/redo and VCS are not repairs. */
const FIX_PROVENANCES: ReadonlySet<Provenance> = new Set<Provenance>(['typed', 'paste', 'snippet', 'refactor']);

/** Read access to open documents, provided by the host. */
export interface DocumentAccess {
  /** Current text of an open document, or undefined when it is not open. */
  textOf(uri: string): string | undefined;
  diagnosticsOf?(uri: string): readonly DiagnosticInfo[];
}

export interface TrackerLogger {
  debug(message: string): void;
  warn(message: string): void;
}

export interface TrackerDeps {
  clock: Clock;
  /** Appends records (the store stamps and returns them; rejected ones are absent). */
  emit(records: DriftEventInput[]): DriftEvent[];
  docs: DocumentAccess;
  log: TrackerLogger;
  timings?: Partial<CaptureTimings>;
  linter?: RegionLinter;
  scoreWeights?: () => ScoreWeights;
  /** Called (debounced) with the state to persist. */
  persist?: (state: PendingState) => void;
  /** Called whenever the set or extent of regions of a document changes (Problems panel). */
  onRegionsChanged?: (uri: string) => void;
  /** Measurements that follow every tracked edit on their own schedule (ARC). */
  followers?: readonly EditFollower[];
}

/** What the service knows when it hands an assistant edit to the tracker. */
export type NewAssistantEdit = Omit<Extract<DriftEventInput, { kind: 'assistant-edit' }>, 'kind'> & {
  /** Document uri (string form) — in memory and in pending state only. */
  uri: string;
  /** Offsets of the inserted text in the document right after the edit. */
  region: Region;
  /** The whole document text now (the region's offsets refer to it). */
  documentText: string;
  /** The inserted text as it was right after the edit, when the region may have moved or changed since. */
  original?: string;
  /** The characters the change really altered, when capture saw it (`CandidateRegion.spans`/`trimmed`). */
  changed?: { spans: readonly Region[]; trimmed: boolean; accepted: number };
};

interface FixSession {
  startedAt: number;
  lastAt: number;
  chars: number;
  provenance: HumanProvenance;
}

interface Tracked {
  edit: AssistantEditEvent;
  ref: EditRef;
  uri: string;
  region: Region;
  original: string;
  insertedAt: number;
  checkpointIndex: number;
  /** Last known region text while the document is closed. */
  closedText: string | undefined;
  fixes: number;
  fixSession: FixSession | undefined;
  openFindings: Map<string, RegionFinding>;
  diagBaseline: string[];
  diagPrevious: string[];
  settled: boolean;
  settleTimer: TimerHandle | undefined;
  checkpointTimer: TimerHandle | undefined;
  fixTimer: TimerHandle | undefined;
  lastDiagnosticsChange: number;
  records: DriftEvent[];
  deletedAt: number | undefined;
  undone: boolean;
}

const round = (x: number): number => Math.round(x);

export class EditTracker {
  private readonly byUri = new Map<string, Set<Tracked>>();
  private readonly timings: CaptureTimings;
  private persistTimer: TimerHandle | undefined;
  private readonly loggedLintFailures = new Set<string>();
  private disposed = false;

  constructor(private readonly deps: TrackerDeps) {
    this.timings = { ...DEFAULT_TIMINGS, ...deps.timings };
  }

  private get followers(): readonly EditFollower[] {
    return this.deps.followers ?? [];
  }

  /** Replaces timings (tests shorten checkpoints); applies to edits tracked from now on. */
  setTimings(timings: Partial<CaptureTimings>): void {
    Object.assign(this.timings, timings);
  }

  get activeCount(): number {
    let n = 0;
    for (const s of this.byUri.values()) n += s.size;
    return n;
  }

  /** Current regions (offsets) of the tracked edits of a document. */
  regionsOf(uri: string): { editId: string; region: Region }[] {
    return [...(this.byUri.get(uri) ?? [])].map((t) => ({ editId: t.ref.editId, region: t.region }));
  }

  /**
   * Records an assistant edit and starts tracking it. Returns the stored record, or undefined when the store
   * rejected it. Untracked edits (`untracked: true`, e.g. oversized files) are stored and not followed.
   */
  track(input: NewAssistantEdit): AssistantEditEvent | undefined {
    const { uri, region, documentText, original, changed, ...fields } = input;
    // `sized`: every record about this edit carries its size in `ref.lines`, so rollups stratify it by edit size.
    // The scoring window is stored with the code (code level `all`: the store strips both otherwise), so re-scoring
    // after a rule change lints what this edit's fresh score was linted in.
    const context = fields.text !== undefined && !fields.untracked && this.deps.linter?.supports(fields.language) ? scoringContext(documentText, region, fields.language) : undefined;
    const [stored] = this.deps.emit([{ kind: 'assistant-edit', ...fields, ...(context ? { context } : {}), sized: true }]);
    if (!stored || stored.kind !== 'assistant-edit') return undefined;
    if (stored.untracked || this.disposed) return stored;
    const ref: EditRef = {
      editId: stored.id,
      editTs: stored.ts,
      editTz: stored.tz,
      assistant: stored.assistant,
      ...(stored.model !== undefined ? { model: stored.model } : {}),
      language: stored.language,
      ...(stored.sized ? { lines: stored.linesAdded } : {}),
    };
    const t: Tracked = {
      edit: stored,
      ref,
      uri,
      region,
      original: original ?? documentText.slice(region.start, region.end),
      insertedAt: this.deps.clock.now(),
      checkpointIndex: 0,
      closedText: undefined,
      fixes: 0,
      fixSession: undefined,
      openFindings: new Map(),
      diagBaseline: baselineKeys(this.deps.docs.diagnosticsOf?.(uri) ?? []),
      diagPrevious: [],
      settled: false,
      settleTimer: undefined,
      checkpointTimer: undefined,
      fixTimer: undefined,
      lastDiagnosticsChange: this.deps.clock.now(),
      records: [stored],
      deletedAt: undefined,
      undone: false,
    };
    this.add(t);
    for (const f of this.followers) {
      f.follow({ edit: stored, ref, uri, region, documentText, insertedAt: t.insertedAt, ...(changed ? { changed } : {}), ...(fields.replacedText !== undefined ? { replacedText: fields.replacedText } : {}) });
    }
    t.settleTimer = this.deps.clock.setTimeout(() => this.settle(t), this.timings.settleMs);
    this.scheduleCheckpoint(t);
    this.schedulePersist();
    return stored;
  }

  /**
   * The assistant reported that the user declined this edit (Copilot Chat's hunk "undo", a discarded inline chat):
   * its outcome is `rejected` (`proposal-declined`) and it is no longer followed. False when the edit is not tracked.
   */
  decline(editId: string): boolean {
    const t = this.findEdit(editId);
    if (!t || !this.isTracked(t)) return false;
    this.finish(t, 'rejected', 'proposal-declined');
    return true;
  }

  /**
   * Moves every region of the document through one change event and notes human fixes and rejections. `provenance`
   * is the classifier's verdict for the whole event.
   */
  onChange(uri: string, changes: readonly TextChange[], provenance: Provenance): void {
    for (const f of this.followers) f.onChange(uri, changes);
    const set = this.byUri.get(uri);
    if (!set || set.size === 0) return;
    const now = this.deps.clock.now();
    let moved = false;
    for (const t of set) {
      let touched = 0;
      for (const c of changes) {
        if (touches(t.region, c)) touched += c.text.length + c.removedLength;
        const next = transformRegion(t.region, c);
        if (next.start !== t.region.start || next.end !== t.region.end) moved = true;
        t.region = next;
      }
      if (touched === 0) continue;
      if (t.region.start === t.region.end && t.deletedAt === undefined) {
        t.deletedAt = now;
        t.undone = provenance === 'undo';
        if (now - t.insertedAt <= this.timings.rejectWindowMs) {
          this.finish(t, 'rejected', t.undone ? 'undo' : 'deleted-quickly');
          continue;
        }
      } else if (t.region.start !== t.region.end) {
        t.deletedAt = undefined;
      }
      if (FIX_PROVENANCES.has(provenance)) this.noteFix(t, provenance as HumanProvenance, touched, now);
    }
    if (moved) {
      this.deps.onRegionsChanged?.(uri);
      this.schedulePersist();
    }
  }

  /** Diagnostics changed for a document: postpones the settled check of its young edits. */
  onDiagnosticsChanged(uri: string): void {
    const now = this.deps.clock.now();
    for (const t of this.byUri.get(uri) ?? []) {
      if (t.settled) continue;
      t.lastDiagnosticsChange = now;
      const sinceEdit = now - t.insertedAt;
      if (sinceEdit >= this.timings.maxSettleMs) continue;
      if (t.settleTimer) this.deps.clock.clearTimeout(t.settleTimer);
      const wait = Math.min(this.timings.diagnosticsQuietMs, this.timings.maxSettleMs - sinceEdit);
      t.settleTimer = this.deps.clock.setTimeout(() => this.settle(t), Math.max(wait, this.timings.settleMs - sinceEdit));
    }
  }

  /** The document was closed: keep its regions' text so checkpoints can still be measured. */
  onDocumentClosed(uri: string, text: string): void {
    for (const f of this.followers) f.onDocumentClosed(uri, text);
    for (const t of this.byUri.get(uri) ?? []) t.closedText = text.slice(t.region.start, t.region.end);
    this.schedulePersist();
  }

  /**
   * The document (re)opened — after a close or a window reload. Regions are re-found: at their old offsets when the
   * text there is unchanged, else by searching for their last known text; a region that cannot be found any more is
   * finalised from what was last known.
   */
  onDocumentOpened(uri: string, text: string): void {
    for (const f of this.followers) f.onDocumentOpened(uri, text);
    for (const t of [...(this.byUri.get(uri) ?? [])]) {
      if (t.closedText === undefined) continue;
      const known = t.closedText;
      if (text.slice(t.region.start, t.region.end) !== known) {
        const at = known === '' ? -1 : text.indexOf(known);
        if (at === -1 || (known !== '' && text.indexOf(known, at + 1) !== -1)) {
          this.deps.log.debug(`capture: region of edit ${t.ref.editId} not found after reopening; finalising from its last known text`);
          this.runDueCheckpoints(t, true);
          if (this.isTracked(t)) this.finish(t, this.outcomeOf(t, known), 'file-closed');
          continue;
        }
        t.region = { start: at, end: at + known.length };
      }
      t.closedText = undefined;
    }
    this.deps.onRegionsChanged?.(uri);
  }

  /** Records the current state, for persistence across a window reload. */
  snapshot(): PendingState {
    const edits: PendingEdit[] = [];
    for (const [uri, set] of this.byUri) {
      for (const t of set) {
        edits.push({
          edit: stripText(t.edit) as AssistantEditEvent,
          uri,
          region: t.region,
          original: t.original,
          regionText: t.closedText ?? this.currentText(t),
          insertedAt: t.insertedAt,
          checkpointIndex: t.checkpointIndex,
          fixes: t.fixes,
          openFindings: [...t.openFindings.entries()].map(([key, f]) => ({ key, finding: f })),
          diagBaseline: t.diagBaseline,
          diagPrevious: t.diagPrevious,
          settled: t.settled,
          records: t.records.map(stripText),
        });
      }
    }
    const followers: Record<string, unknown> = {};
    for (const f of this.followers) followers[f.name] = f.snapshot();
    return { v: 1, edits, ...(this.followers.length > 0 ? { followers } : {}) };
  }

  /**
   * Resumes edits persisted by an earlier window. Overdue checkpoints are computed now from the last known text and
   * marked `late`; the rest are rescheduled at their original times.
   */
  restore(state: PendingState, isOpen: (uri: string) => boolean): number {
    for (const f of this.followers) f.restore(state.followers?.[f.name], isOpen);
    let resumed = 0;
    for (const p of state.edits) {
      if (this.findEdit(p.edit.id)) continue;
      const ref: EditRef = {
        editId: p.edit.id,
        editTs: p.edit.ts,
        editTz: p.edit.tz,
        assistant: p.edit.assistant,
        ...(p.edit.model !== undefined ? { model: p.edit.model } : {}),
        language: p.edit.language,
        ...(p.edit.sized ? { lines: p.edit.linesAdded } : {}),
      };
      const t: Tracked = {
        edit: p.edit,
        ref,
        uri: p.uri,
        region: p.region,
        original: p.original,
        insertedAt: p.insertedAt,
        checkpointIndex: p.checkpointIndex,
        // Until the document is seen again its regions are only known by text.
        closedText: p.regionText,
        fixes: p.fixes,
        fixSession: undefined,
        openFindings: new Map(p.openFindings.map((f) => [f.key, f.finding])),
        diagBaseline: p.diagBaseline,
        diagPrevious: p.diagPrevious,
        settled: p.settled,
        settleTimer: undefined,
        checkpointTimer: undefined,
        fixTimer: undefined,
        lastDiagnosticsChange: p.insertedAt,
        records: p.records,
        deletedAt: undefined,
        undone: false,
      };
      this.add(t);
      resumed++;
      if (!t.settled) t.settled = true; // the settle moment is gone; checkpoints carry the diagnostics from here on
      this.runDueCheckpoints(t, true);
      if (this.isTracked(t)) this.scheduleCheckpoint(t);
      if (isOpen(t.uri)) {
        const text = this.deps.docs.textOf(t.uri);
        if (text !== undefined) this.onDocumentOpened(t.uri, text);
      }
    }
    return resumed;
  }

  /** Persists now (used on shutdown). */
  flushPersist(): void {
    if (this.persistTimer) this.deps.clock.clearTimeout(this.persistTimer);
    this.persistTimer = undefined;
    this.deps.persist?.(this.snapshot());
  }

  /** Stops every timer; pending state is persisted so the next window resumes it. */
  dispose(): void {
    this.flushPersist();
    this.disposed = true;
    for (const f of this.followers) f.dispose();
    for (const set of this.byUri.values()) for (const t of set) this.clearTimers(t);
    this.byUri.clear();
  }

  // ---- internals -------------------------------------------------------------------------------------------------

  private add(t: Tracked): void {
    let set = this.byUri.get(t.uri);
    if (!set) {
      set = new Set();
      this.byUri.set(t.uri, set);
    }
    set.add(t);
    this.deps.onRegionsChanged?.(t.uri);
  }

  private isTracked(t: Tracked): boolean {
    return this.byUri.get(t.uri)?.has(t) ?? false;
  }

  private findEdit(editId: string): Tracked | undefined {
    for (const set of this.byUri.values()) for (const t of set) if (t.ref.editId === editId) return t;
    return undefined;
  }

  private currentText(t: Tracked): string {
    if (t.closedText !== undefined) return t.closedText;
    const text = this.deps.docs.textOf(t.uri);
    if (text === undefined) return '';
    return text.slice(t.region.start, t.region.end);
  }

  private emit(t: Tracked, records: DriftEventInput[]): void {
    const stored = this.deps.emit(records);
    for (const r of stored) t.records.push(stripText(r));
  }

  private noteFix(t: Tracked, provenance: HumanProvenance, chars: number, now: number): void {
    const s = t.fixSession;
    if (s && now - s.lastAt <= this.timings.fixSessionGapMs) {
      s.lastAt = now;
      s.chars += chars;
    } else {
      if (s) this.closeFixSession(t);
      t.fixSession = { startedAt: now, lastAt: now, chars, provenance };
    }
    if (t.fixTimer) this.deps.clock.clearTimeout(t.fixTimer);
    t.fixTimer = this.deps.clock.setTimeout(() => this.closeFixSession(t), this.timings.fixSessionGapMs);
  }

  private closeFixSession(t: Tracked): void {
    const s = t.fixSession;
    if (t.fixTimer) this.deps.clock.clearTimeout(t.fixTimer);
    t.fixTimer = undefined;
    if (!s) return;
    t.fixSession = undefined;
    t.fixes++;
    this.emit(t, [
      {
        kind: 'follow-up-fix',
        ref: t.ref,
        fixIndex: t.fixes,
        provenance: s.provenance,
        charsChanged: s.chars,
        msSinceEdit: Math.max(0, round(s.startedAt - t.insertedAt)),
      },
    ]);
    this.schedulePersist();
  }

  private scheduleCheckpoint(t: Tracked): void {
    if (t.checkpointTimer) this.deps.clock.clearTimeout(t.checkpointTimer);
    t.checkpointTimer = undefined;
    const due = this.timings.checkpointsMs[t.checkpointIndex];
    if (due === undefined) return;
    const wait = Math.max(0, t.insertedAt + due - this.deps.clock.now());
    t.checkpointTimer = this.deps.clock.setTimeout(() => {
      t.checkpointTimer = undefined;
      void this.checkpoint(t, false);
    }, wait);
  }

  private runDueCheckpoints(t: Tracked, late: boolean): void {
    const now = this.deps.clock.now();
    for (;;) {
      const due = this.timings.checkpointsMs[t.checkpointIndex];
      if (due === undefined || t.insertedAt + due > now || !this.isTracked(t)) return;
      void this.checkpoint(t, late);
    }
  }

  /** Survival (+ lint, diagnostics) at the next checkpoint; the last one finalises the edit. */
  private async checkpoint(t: Tracked, late: boolean): Promise<void> {
    if (!this.isTracked(t)) return;
    const index = t.checkpointIndex;
    const checkpoint = (CHECKPOINTS_S[index] ?? CHECKPOINTS_S[CHECKPOINTS_S.length - 1]) as Checkpoint;
    t.checkpointIndex++;
    if (t.fixSession) this.closeFixSession(t);
    const current = this.currentText(t);
    const deleted = t.region.start === t.region.end;
    const s = measureSurvival(t.original, current);
    const final = t.checkpointIndex >= this.timings.checkpointsMs.length;
    const regionContext = final && !deleted ? this.regionContext(t) : undefined;
    this.emit(t, [
      {
        kind: 'survival',
        ref: t.ref,
        checkpoint,
        distanceRatio: s.distanceRatio,
        unchanged: !deleted && s.unchanged,
        fourGramSurvival: deleted ? 0 : s.fourGramSurvival,
        regionDeleted: deleted,
        regionText: current,
        ...(regionContext ? { regionContext } : {}),
        ...(late ? { late: true } : {}),
      },
    ]);
    if (!late && t.closedText === undefined) {
      if (!final) this.scheduleCheckpoint(t);
      await this.inspect(t, checkpoint);
    } else if (!final) {
      this.scheduleCheckpoint(t);
    }
    if (final && this.isTracked(t)) this.finish(t, this.outcomeOf(t, current), undefined);
    this.schedulePersist();
  }

  /** The region's scoring window now, when the document is open and its language is linted. */
  private regionContext(t: Tracked): ScoringContext | undefined {
    if (t.closedText !== undefined || !this.deps.linter?.supports(t.ref.language)) return undefined;
    const text = this.deps.docs.textOf(t.uri);
    return text === undefined ? undefined : scoringContext(text, t.region, t.ref.language);
  }

  private outcomeOf(t: Tracked, current: string): 'accepted' | 'modified' | 'deleted' {
    if (t.region.start === t.region.end && current === '') return 'deleted';
    if (current === '' && t.original !== '') return 'deleted';
    if (t.fixes > 0 && current !== t.original) return 'modified';
    return 'accepted';
  }

  private settle(t: Tracked): void {
    t.settleTimer = undefined;
    if (!this.isTracked(t) || t.settled) return;
    t.settled = true;
    void this.inspect(t, 0);
  }

  /** Lint findings and diagnostics in the region, compared with the previous inspection. */
  private async inspect(t: Tracked, at: number): Promise<void> {
    const text = this.deps.docs.textOf(t.uri);
    if (text === undefined || !this.isTracked(t)) return;
    const region = t.region;
    const index = new LineIndex(text);
    if (this.deps.docs.diagnosticsOf) {
      const d = checkDiagnostics(this.deps.docs.diagnosticsOf(t.uri), index, region, t.diagBaseline, t.diagPrevious);
      t.diagPrevious = d.present;
      this.emit(t, [
        {
          kind: 'diagnostics',
          ref: t.ref,
          at,
          errors: d.errors,
          warnings: d.warnings,
          introducedErrors: d.introducedErrors,
          introducedWarnings: d.introducedWarnings,
          fixed: d.fixed,
          ...(d.sources.length > 0 ? { sources: d.sources } : {}),
        },
      ]);
    }
    const linter = this.deps.linter;
    if (!linter || !linter.supports(t.ref.language)) return;
    // Linted in the edit's scoring window (the same definition re-scoring uses), not the whole document; findings come
    // back anchored in the region, with positions moved back to the document's lines.
    const { context, docLines } = scoringContextWithLines(text, region, t.ref.language);
    const docLine = (line: number): number => docLines[line] ?? docLines[docLines.length - 1] ?? 0;
    let findings: readonly RegionFinding[];
    try {
      const inWindow = await lintInContext(context, t.ref.language, (code, language) => linter.lint(code, language));
      findings = inWindow.map((f) => ({ ...f, range: { start: { line: docLine(f.range.start.line), character: f.range.start.character }, end: { line: docLine(f.range.end.line), character: f.range.end.character } } }));
    } catch (err) {
      // One line per distinct failure: a broken linter must not flood the log at every checkpoint.
      const why = `capture: lint failed for a ${t.ref.language} document (${err instanceof Error ? err.message : String(err)}); findings skipped`;
      if (!this.loggedLintFailures.has(why)) {
        this.loggedLintFailures.add(why);
        this.deps.log.warn(why);
      }
      return;
    }
    if (!this.isTracked(t)) return;
    this.recordFindings(t, findings, index, region, at);
  }

  private recordFindings(t: Tracked, findings: readonly RegionFinding[], index: LineIndex, region: Region, at: number): void {
    const regionLine = index.positionAt(region.start).line;
    const now = new Map<string, RegionFinding>();
    for (const f of findings) {
      const anchor = index.offsetAt(f.range.start);
      if (anchor < region.start || anchor >= region.end) continue;
      if (!/^[a-z]+\.[a-z0-9-]+$/.test(f.ruleId)) continue;
      // Keyed by rule and line relative to the region, so a finding keeps its identity when code above it moves.
      let key = `${f.ruleId}@${f.range.start.line - regionLine}`;
      for (let i = 2; now.has(key); i++) key = `${f.ruleId}@${f.range.start.line - regionLine}#${i}`;
      now.set(key, f);
    }
    const appeared = [...now.keys()].filter((k) => !t.openFindings.has(k));
    const gone = [...t.openFindings.keys()].filter((k) => !now.has(k));
    const records: DriftEventInput[] = [];
    // A finding whose line moved inside the region (a fix above it added lines) is the same finding: re-key it.
    for (const oldKey of gone) {
      const old = t.openFindings.get(oldKey)!;
      const i = appeared.findIndex((k) => now.get(k)!.ruleId === old.ruleId);
      t.openFindings.delete(oldKey);
      if (i >= 0) {
        const [newKey] = appeared.splice(i, 1);
        t.openFindings.set(newKey!, now.get(newKey!)!);
      } else {
        records.push(findingRecord(t.ref, oldKey, old, 'fixed', at, this.deps.linter?.ruleSet));
      }
    }
    for (const key of appeared) {
      const f = now.get(key)!;
      t.openFindings.set(key, f);
      records.push(findingRecord(t.ref, key, f, 'open', at, this.deps.linter?.ruleSet));
    }
    if (records.length > 0) this.emit(t, records);
  }

  private finish(t: Tracked, outcome: 'accepted' | 'rejected' | 'modified' | 'deleted', reason: 'undo' | 'deleted-quickly' | 'file-closed' | 'proposal-declined' | undefined): void {
    if (t.fixSession) this.closeFixSession(t);
    const why = reason ?? (outcome === 'accepted' ? 'kept' : outcome === 'modified' ? 'changed' : 'removed');
    this.emit(t, [{ kind: 'edit-outcome', ref: t.ref, outcome, reason: why }]);
    try {
      const weights = this.deps.scoreWeights?.();
      const score = scoreEdit(scoreInputsFromRecords(t.edit, t.records), weights);
      const ruleSet = this.deps.linter?.ruleSet;
      this.emit(t, [{ kind: 'edit-score', ref: t.ref, score: score.score, components: score.components, linesChanged: score.linesChanged, final: true, ...(ruleSet !== undefined ? { ruleSet } : {}) }]);
    } catch (err) {
      this.deps.log.warn(`capture: could not score edit ${t.ref.editId}: ${String(err)}`);
    }
    this.clearTimers(t);
    this.byUri.get(t.uri)?.delete(t);
    if (this.byUri.get(t.uri)?.size === 0) this.byUri.delete(t.uri);
    this.deps.onRegionsChanged?.(t.uri);
    this.schedulePersist();
  }

  private clearTimers(t: Tracked): void {
    for (const h of [t.settleTimer, t.checkpointTimer, t.fixTimer]) if (h) this.deps.clock.clearTimeout(h);
    t.settleTimer = t.checkpointTimer = t.fixTimer = undefined;
  }

  private schedulePersist(): void {
    if (!this.deps.persist || this.persistTimer || this.disposed) return;
    this.persistTimer = this.deps.clock.setTimeout(() => {
      this.persistTimer = undefined;
      this.deps.persist?.(this.snapshot());
    }, this.timings.persistDebounceMs);
  }
}

function findingRecord(ref: EditRef, key: string, f: RegionFinding, status: 'open' | 'fixed', at: number, ruleSet: string | undefined): DriftEventInput {
  return {
    ...(ruleSet !== undefined ? { ruleSet } : {}),
    kind: 'finding',
    ref,
    findingKey: key.slice(0, 200),
    ruleId: f.ruleId,
    severity: f.severity,
    range: f.range,
    status,
    ...(f.message !== undefined ? { message: f.message.slice(0, 500) } : {}),
    at,
  };
}

/** Records kept in memory for scoring carry no code text. */
function stripText<T extends DriftEvent>(r: T): T {
  if (!('text' in r) && !('regionText' in r) && !('replacedText' in r) && !('context' in r) && !('regionContext' in r)) return r;
  const copy: Record<string, unknown> = { ...r };
  delete copy['text'];
  delete copy['regionText'];
  delete copy['replacedText'];
  delete copy['context'];
  delete copy['regionContext'];
  return copy as T;
}
