/**
 * Ties the accept/reject decisions assistants export over OTLP to the edits the editor observed, so each decision is
 * counted once against the editor's own observation, with the assistant's signal as the authority:
 *
 * - Claude Code's `tool_decision` (accept) names no file. The edit it decided is the editor's observation of a write
 *   from disk close after it: an assistant edit capture already recorded (linked), a write capture counted as an
 *   unknown writer's (adopted: recorded now as the assistant's, channel `otlp`), or a write still to come (expected:
 *   capture records the next unknown writer's write as the assistant's). With none of these within
 *   {@link DecisionTimings.agentWindowMs}, the decision is stored without an edit. A reject is a rejected proposal.
 * - Copilot Chat's hunk keep/undo and inline-chat accepted/rejected come after the edit was shown: they decide the
 *   newest chat edit by Copilot (or by an unnamed assistant) in the same language within
 *   {@link DecisionTimings.chatLookbackMs}. Undo / rejected also ends that edit as `rejected` (`proposal-declined`).
 * - Copilot Chat's edit survival is stored as reported, linked to the chat edit made `afterMs` before it when one fits.
 *
 * Every stored decision is a `proposal` record (channel `otlp`, `decisionSource: signal`) whose `matchedEditId` names
 * the edit; an edit is matched by at most one decision.
 */
import type { DriftEventInput } from '../schema/events.js';
import type { Clock, TimerHandle } from '../util/clock.js';
import { EXPECTATION_EARLY_MS, type DecisionExpectation, type LedgerEntry, type VerdictLedger } from './verdictLedger.js';

type ProposalInput = Extract<DriftEventInput, { kind: 'proposal' }>;
type SurvivalInput = Extract<DriftEventInput, { kind: 'reported-survival' }>;
/** What the OTLP receiver keeps from a batch: decisions and reported survival, not yet linked. */
export type SignalRecord = ProposalInput | SurvivalInput;

export interface DecisionTimings {
  /** How long after an agent's accept decision its write may be observed. */
  agentWindowMs: number;
  /** How long before a chat keep/undo its edit may have been made. */
  chatLookbackMs: number;
  /** Tolerance around a reported survival's edit time. */
  survivalToleranceMs: number;
}

export const DEFAULT_DECISION_TIMINGS: Readonly<DecisionTimings> = Object.freeze({ agentWindowMs: 30_000, chatLookbackMs: 10 * 60_000, survivalToleranceMs: 15_000 });

/** What the linker needs from capture (absent while capture is off: decisions are then stored unlinked). */
export interface DecisionEditor {
  /** Records a remembered write by an unknown writer within `[from, to]` as `who`'s edit; its id, or undefined. */
  adoptWrite(from: number, to: number, who: { assistant: string; model?: string; proposalId: string }): string | undefined;
  /** Ends a tracked edit as rejected because the assistant reported it declined; false when not tracked. */
  decline(editId: string): boolean;
}

export interface DecisionLinkerDeps {
  readonly clock: Clock;
  readonly ledger: VerdictLedger;
  editor(): DecisionEditor | undefined;
  emit(records: DriftEventInput[]): unknown;
  readonly log: { debug(message: string): void };
  readonly timings?: Partial<DecisionTimings>;
}

const AGENT_TOOLS = new Set(['Edit', 'Write', 'MultiEdit', 'NotebookEdit']);
const CHAT_TOOLS = new Set(['chat-edit-hunk', 'inline-chat']);
const MAX_LINKED = 5_000;

/** Language ids compared loosely: Claude Code says `TypeScript`, VS Code `typescript`; unknown matches anything. */
function sameLanguage(a: string | undefined, b: string | undefined): boolean {
  const norm = (s: string | undefined): string => (s ?? '').toLowerCase().replace(/[^a-z0-9+#]/g, '');
  const x = norm(a);
  const y = norm(b);
  return x === '' || y === '' || x === 'unknown' || y === 'unknown' || x === y;
}

export class DecisionLinker {
  private readonly timings: DecisionTimings;
  /** Edits already matched by a decision (each edit is decided once). */
  private readonly linked = new Set<string>();
  private readonly waiting = new Map<DecisionExpectation, { record: ProposalInput; timer: TimerHandle }>();
  private disposed = false;
  /** Decisions stored with an edit, and without (status, tests). */
  readonly counts = { linked: 0, adopted: 0, expected: 0, unmatched: 0, declined: 0 };

  constructor(private readonly deps: DecisionLinkerDeps) {
    this.timings = { ...DEFAULT_DECISION_TIMINGS, ...deps.timings };
  }

  /** Decisions waiting for the write they decided. */
  get pending(): number {
    return this.waiting.size;
  }

  accept(records: readonly SignalRecord[]): void {
    for (const r of records) {
      if (this.disposed) {
        this.deps.emit([r]);
        continue;
      }
      if (r.kind === 'reported-survival') this.survival(r);
      else if (r.channel === 'otlp' && r.toolName !== undefined && AGENT_TOOLS.has(r.toolName)) this.agentDecision(r);
      else if (r.channel === 'otlp' && r.toolName !== undefined && CHAT_TOOLS.has(r.toolName)) this.chatDecision(r);
      else this.store(r, undefined);
    }
  }

  private agentDecision(r: ProposalInput): void {
    if (r.decision !== 'accepted') return this.store(r, undefined);
    const at = r.ts ?? this.deps.clock.now();
    const from = at - EXPECTATION_EARLY_MS;
    const to = at + this.timings.agentWindowMs;
    // Recorded already (an agent-capable extension was active, or VS Code / a terminal named the writer).
    const seen = this.deps.ledger.recordedBetween(from, to, (e) => e.provenance === 'ai-agent' && this.free(e) && (e.assistant === r.assistant || e.channel === 'disk-write') && sameLanguage(e.language, r.language));
    const oldest = seen[seen.length - 1];
    if (oldest) return this.store(r, oldest);
    // Counted as an unknown writer's write before the decision arrived (exporters batch for seconds).
    const adopted = this.deps.editor()?.adoptWrite(from, to, { assistant: r.assistant, ...(r.model !== undefined ? { model: r.model } : {}), proposalId: r.proposalId });
    if (adopted !== undefined) {
      this.counts.adopted++;
      return this.store(r, this.deps.ledger.entryFor(adopted) ?? { editId: adopted });
    }
    // Still to come: the next write by an unknown writer is this decision's.
    const expectation: DecisionExpectation = {
      assistant: r.assistant,
      at,
      until: to,
      proposalId: r.proposalId,
      ...(r.model !== undefined ? { model: r.model } : {}),
      onTaken: (editId) => {
        const w = this.waiting.get(expectation);
        if (!w) return;
        this.waiting.delete(expectation);
        this.deps.clock.clearTimeout(w.timer);
        this.counts.expected++;
        this.store(r, this.deps.ledger.entryFor(editId) ?? { editId });
      },
    };
    const timer = this.deps.clock.setTimeout(() => this.expire(expectation), Math.max(0, to - this.deps.clock.now()) + 1);
    this.waiting.set(expectation, { record: r, timer });
    this.deps.ledger.expect(expectation);
  }

  private expire(expectation: DecisionExpectation): void {
    const w = this.waiting.get(expectation);
    if (!w) return;
    this.waiting.delete(expectation);
    this.deps.ledger.withdrawExpectation(expectation);
    this.store(w.record, undefined);
  }

  private chatDecision(r: ProposalInput): void {
    const at = r.ts ?? this.deps.clock.now();
    const seen = this.deps.ledger.recordedBetween(at - this.timings.chatLookbackMs, at + EXPECTATION_EARLY_MS, (e) => e.provenance === 'ai-chat' && this.free(e) && (e.assistant === r.assistant || e.assistant === 'unknown') && sameLanguage(e.language, r.language));
    const newest = seen[0];
    this.store(r, newest);
    if (newest?.editId !== undefined && r.decision === 'rejected' && this.deps.editor()?.decline(newest.editId)) this.counts.declined++;
  }

  private survival(r: SurvivalInput): void {
    const at = (r.ts ?? this.deps.clock.now()) - (r.afterMs ?? 0);
    const tol = this.timings.survivalToleranceMs;
    const seen = r.afterMs === undefined ? [] : this.deps.ledger.recordedBetween(at - tol, at + tol, (e) => e.provenance === 'ai-chat' && (e.assistant === r.assistant || e.assistant === 'unknown') && sameLanguage(e.language, r.language));
    // The chat edit closest to when the reported edit was made.
    const editId = seen.reduce<LedgerEntry | undefined>((best, e) => (!best || Math.abs(e.at - at) < Math.abs(best.at - at) ? e : best), undefined)?.editId;
    this.deps.emit([{ ...r, ...(editId !== undefined ? { matchedEditId: editId } : {}) }]);
  }

  private free(e: LedgerEntry): boolean {
    return e.editId !== undefined && !this.linked.has(e.editId);
  }

  private store(r: ProposalInput, edit: Pick<LedgerEntry, 'editId' | 'file' | 'language'> | undefined): void {
    if (edit?.editId === undefined) {
      this.counts.unmatched++;
      this.deps.emit([r]);
      return;
    }
    this.linked.add(edit.editId);
    if (this.linked.size > MAX_LINKED) this.linked.delete(this.linked.values().next().value!);
    this.counts.linked++;
    this.deps.log.debug(`otlp: ${r.assistant} ${r.toolName ?? 'decision'} ${r.decision} matched edit ${edit.editId}`);
    this.deps.emit([{ ...r, matchedEditId: edit.editId, ...(edit.file !== undefined ? { file: edit.file } : {}), ...(edit.language !== undefined && edit.language !== '' ? { language: edit.language } : {}) }]);
  }

  /** The window is closing: decisions still waiting for their write are stored without one. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const [expectation, w] of [...this.waiting]) {
      this.waiting.delete(expectation);
      this.deps.clock.clearTimeout(w.timer);
      this.deps.ledger.withdrawExpectation(expectation);
      this.deps.emit([w.record]);
    }
  }
}
