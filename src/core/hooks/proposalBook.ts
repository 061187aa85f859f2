/**
 * The proposal book: follows each agent tool call from its proposal (PreToolUse) to its decision, and makes sure every
 * applied call is ONE assistant edit, recorded by whichever side sees it first with the hook as the authority:
 *
 * - A proposal (or an applied call with no proposal, as Cursor reports) becomes a claim in the verdict ledger. When
 *   capture then observes the change (a disk reload or a change event), it records the edit with the hook's
 *   attribution and tells the claim ({@link EditClaim.onTaken}).
 * - An applied call whose change capture already recorded before the hook arrived is matched to that edit.
 * - An applied call capture has not observed within `applyGraceMs` (a closed file it never saw, an ignored path, a
 *   one-character change that looked like typing) is recorded by the hook channel itself, and the claim stays behind
 *   marked as recorded so a late observation is not counted again.
 * - A proposal with no applied call by the end of its turn (Stop), its session (SessionEnd) or `proposalTimeoutMs`
 *   is a rejected proposal. One proposal record per call carries the decision.
 */
import type { AssistantProvenance } from '../schema/events.js';
import type { Clock, TimerHandle } from '../util/clock.js';
import type { EditClaim, VerdictLedger } from '../capture/verdictLedger.js';
import type { CallSignal, HookSignal } from './hookRecords.js';

export interface HookTimings {
  /** How long an applied call waits for capture to observe it before the hook records it itself. */
  applyGraceMs: number;
  /** How long after Stop / SessionEnd an undecided proposal waits (a PostToolUse may be a moment behind). */
  endGraceMs: number;
  /** A proposal with no decision after this long is rejected. */
  proposalTimeoutMs: number;
  /** How long a settled claim stays in the ledger so a late observation of the same change is not counted again. */
  lingerMs: number;
}

export const DEFAULT_HOOK_TIMINGS: Readonly<HookTimings> = Object.freeze({ applyGraceMs: 6_000, endGraceMs: 1_500, proposalTimeoutMs: 10 * 60_000, lingerMs: 60_000 });

/** An applied call the hook channel records itself. */
export interface AppliedCall {
  readonly proposalId: string;
  readonly uri: string;
  readonly file: string;
  readonly assistant: string;
  readonly provenance: AssistantProvenance;
  readonly texts: readonly string[];
  readonly model?: string;
  readonly toolName?: string;
  /** 1-based first line of the change, when the hook reported a patch. */
  readonly line?: number;
}

/** The decision on one call, as stored in a `proposal` record. */
export interface ProposalDecision {
  readonly proposalId: string;
  readonly uri: string;
  readonly file: string;
  readonly assistant: string;
  readonly model?: string;
  readonly toolName?: string;
  readonly decision: 'accepted' | 'rejected' | 'unknown';
  readonly decisionSource?: 'signal' | 'no-matching-edit' | 'hook-post' | 'editor-observed';
  readonly texts: readonly string[];
  readonly matchedEditId?: string;
  readonly userModified?: boolean;
}

/** What the book needs from the host. */
export interface HookSink {
  /** The document uri of an absolute file path, or undefined when the file is outside what Driftwatch captures. */
  uriOf(file: string): string | undefined;
  /**
   * Records an applied call as an assistant edit (locating its text in the file). Resolves to the edit id, or
   * undefined when nothing was recorded. `final`: the window is closing; record without reading the file.
   */
  recordEdit(call: AppliedCall, final: boolean): Promise<string | undefined>;
  /** Records an applied call synchronously without reading the file (the window is closing; the store flushes next). */
  recordEditNow(call: AppliedCall): string | undefined;
  recordProposal(decision: ProposalDecision): void;
  log: { debug(message: string): void; info(message: string): void };
}

interface Call {
  readonly key: string;
  readonly proposalId: string;
  readonly uri: string;
  signal: CallSignal;
  proposedTexts: readonly string[];
  proposed: boolean;
  applied: boolean;
  userModified?: boolean;
  line?: number;
  claim: EditClaim;
  done: boolean;
  turnEnded: boolean;
  timers: TimerHandle[];
}

const RECORDING = 'pending';
const MAX_REMEMBERED = 5_000;

export class ProposalBook {
  private readonly calls = new Map<string, Call>();
  /** Keys of decided calls, so a replayed record is not decided twice. */
  private readonly decided = new Set<string>();
  private readonly timings: HookTimings;
  private disposed = false;
  private readonly recordings = new Set<Promise<unknown>>();
  /** Last signal per assistant: while its hooks report, coarser channels (OTLP) defer to them. */
  private readonly lastSignal = new Map<string, number>();

  constructor(
    private readonly clock: Clock,
    private readonly ledger: VerdictLedger,
    private readonly sink: HookSink,
    timings: Partial<HookTimings> = {},
  ) {
    this.timings = { ...DEFAULT_HOOK_TIMINGS, ...timings };
  }

  /** Calls still waiting for a decision. */
  get pending(): number {
    return this.calls.size;
  }

  /** Resolves when every edit the book started recording is stored. */
  async settled(): Promise<void> {
    while (this.recordings.size > 0) await Promise.all([...this.recordings]);
  }

  /** Whether the assistant's hooks reported anything within `ms`. */
  activeWithin(assistant: string, ms: number): boolean {
    const at = this.lastSignal.get(assistant);
    return at !== undefined && this.clock.now() - at <= ms;
  }

  accept(signal: HookSignal): void {
    if (this.disposed) return;
    this.lastSignal.set(signal.assistant, this.clock.now());
    switch (signal.type) {
      case 'proposal':
        return this.onProposal(signal);
      case 'applied':
        return this.onApplied(signal);
      case 'rejected': {
        const call = this.calls.get(signal.key);
        if (call && !call.applied) this.finish(call, 'rejected', 'signal');
        return;
      }
      case 'turn-end':
      case 'session-end':
        for (const call of this.calls.values()) {
          if (call.applied || call.signal.assistant !== signal.assistant || (signal.session !== undefined && call.signal.session !== signal.session)) continue;
          call.turnEnded = true;
          call.timers.push(this.clock.setTimeout(() => this.expire(call), this.timings.endGraceMs));
        }
        return;
    }
  }

  private open(signal: CallSignal): Call | undefined {
    if (this.decided.has(signal.key)) return undefined;
    const existing = this.calls.get(signal.key);
    if (existing) return existing;
    const uri = signal.file === '' ? undefined : this.sink.uriOf(signal.file);
    if (uri === undefined) {
      this.sink.log.debug(`hooks: ${signal.assistant} ${signal.toolName ?? 'edit'} outside the captured workspace ignored`);
      return undefined;
    }
    const proposalId = proposalIdOf(signal.key);
    const claim: EditClaim = {
      uri,
      texts: signal.texts,
      at: this.clock.now(),
      provenance: signal.provenance,
      channel: 'hook',
      assistant: signal.assistant,
      ...(signal.model !== undefined ? { model: signal.model } : {}),
      proposalId,
    };
    const call: Call = { key: signal.key, proposalId, uri, signal, proposedTexts: signal.texts, proposed: false, applied: false, claim, done: false, turnEnded: false, timers: [] };
    claim.onTaken = (editId) => this.onTaken(call, editId);
    this.ledger.claim(claim);
    this.calls.set(signal.key, call);
    return call;
  }

  private onProposal(signal: CallSignal): void {
    const call = this.open(signal);
    if (!call || call.proposed || call.applied) return;
    call.proposed = true;
    call.timers.push(this.clock.setTimeout(() => this.expire(call), this.timings.proposalTimeoutMs));
  }

  private onApplied(signal: Extract<HookSignal, { type: 'applied' }>): void {
    const call = this.open(signal);
    if (!call || call.applied) return;
    call.applied = true;
    call.signal = signal;
    if (signal.userModified !== undefined) call.userModified = signal.userModified;
    if (signal.line !== undefined) call.line = signal.line;
    // What landed (the patch) and what was proposed both identify the change the editor will see.
    call.claim.texts = [...signal.texts, ...call.proposedTexts.filter((t) => !signal.texts.includes(t))];
    if (signal.model !== undefined) call.claim.model = signal.model;
    if (call.claim.editId !== undefined && call.claim.editId !== RECORDING) return this.finish(call, 'accepted', 'hook-post', call.claim.editId);
    const seen = this.ledger.findRecorded(call.uri, signal.texts, this.clock.now());
    if (seen?.editId !== undefined) {
      this.sink.log.debug(`hooks: ${signal.assistant} ${signal.toolName ?? 'edit'} confirms an edit capture recorded first (${seen.editId})`);
      call.claim.editId = seen.editId;
      return this.finish(call, 'accepted', 'hook-post', seen.editId);
    }
    call.timers.push(this.clock.setTimeout(() => this.recordSelf(call, false), this.timings.applyGraceMs));
  }

  /** Capture recorded the claimed change. */
  private onTaken(call: Call, editId: string): void {
    if (call.done) return;
    if (call.applied) this.finish(call, 'accepted', 'hook-post', editId);
    // A proposal the editor already shows applied (e.g. an auto-accepted edit whose PostToolUse is on its way):
    // the decision waits for PostToolUse or the end of the turn.
  }

  private recordSelf(call: Call, final: boolean): void {
    if (call.done || call.claim.editId !== undefined) return;
    call.claim.editId = RECORDING; // capture must not record the same change while the file is read
    const s = call.signal;
    const applied: AppliedCall = {
      proposalId: call.proposalId,
      uri: call.uri,
      file: s.file,
      assistant: s.assistant,
      provenance: s.provenance,
      texts: s.texts,
      ...(s.model !== undefined ? { model: s.model } : {}),
      ...(s.toolName !== undefined ? { toolName: s.toolName } : {}),
      ...(call.line !== undefined ? { line: call.line } : {}),
    };
    if (final) {
      // Synchronously: the store is flushed and closed right after the owner disposes its services.
      const editId = this.sink.recordEditNow(applied);
      if (editId !== undefined) call.claim.editId = editId;
      return this.finish(call, 'accepted', 'hook-post', editId);
    }
    const p = this.sink
      .recordEdit(applied, false)
      .catch(() => undefined)
      .then((editId) => {
        if (editId !== undefined) call.claim.editId = editId;
        this.finish(call, 'accepted', 'hook-post', editId);
      })
      .finally(() => this.recordings.delete(p));
    this.recordings.add(p);
  }

  /** End of turn, session or timeout: an applied call is decided elsewhere; a proposal without one is rejected. */
  private expire(call: Call): void {
    if (call.done || call.applied) return;
    if (call.claim.editId !== undefined && call.claim.editId !== RECORDING) return this.finish(call, 'accepted', 'editor-observed', call.claim.editId);
    this.finish(call, 'rejected', 'no-matching-edit');
  }

  private finish(call: Call, decision: ProposalDecision['decision'], source: ProposalDecision['decisionSource'] | undefined, editId?: string): void {
    if (call.done) return;
    call.done = true;
    for (const t of call.timers) this.clock.clearTimeout(t);
    call.timers = [];
    this.calls.delete(call.key);
    this.decided.add(call.key);
    if (this.decided.size > MAX_REMEMBERED) this.decided.delete(this.decided.values().next().value!);
    const s = call.signal;
    this.sink.recordProposal({
      proposalId: call.proposalId,
      uri: call.uri,
      file: s.file,
      assistant: s.assistant,
      ...(s.model !== undefined ? { model: s.model } : {}),
      ...(s.toolName !== undefined ? { toolName: s.toolName } : {}),
      decision,
      ...(source !== undefined ? { decisionSource: source } : {}),
      texts: call.proposed ? call.proposedTexts : s.texts,
      ...(editId !== undefined && editId !== RECORDING ? { matchedEditId: editId } : {}),
      ...(call.userModified !== undefined ? { userModified: call.userModified } : {}),
    });
    if (decision === 'rejected' || this.disposed || call.claim.editId === undefined) this.ledger.withdraw(call.claim);
    else this.clock.setTimeout(() => this.ledger.withdraw(call.claim), this.timings.lingerMs);
  }

  /**
   * The window is closing: applied calls are recorded now (without waiting for capture), proposals whose turn ended
   * are rejected, and proposals still awaiting the user are stored as `unknown`.
   */
  dispose(): void {
    if (this.disposed) return;
    for (const call of [...this.calls.values()]) {
      if (call.applied) this.recordSelf(call, true);
      else if (call.claim.editId !== undefined && call.claim.editId !== RECORDING) this.finish(call, 'accepted', 'editor-observed', call.claim.editId);
      else if (call.turnEnded) this.finish(call, 'rejected', 'no-matching-edit');
      else this.finish(call, 'unknown', undefined);
    }
    this.disposed = true;
  }
}

/** A record id for a call: the agent's own id when it fits the schema, else a hash of the key. */
export function proposalIdOf(key: string): string {
  if (/^[\w.:-]{1,64}$/.test(key)) return key;
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
  }
  return `hook-${h1.toString(16).padStart(8, '0')}${h2.toString(16).padStart(8, '0')}`;
}
