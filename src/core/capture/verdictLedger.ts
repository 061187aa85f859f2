/**
 * A short memory of recent verdicts, so a later, more precise channel (an agent hook line, an OTLP accept/reject
 * signal) can find the edit the heuristic already classified and confirm or override it instead of counting it twice.
 *
 * Keyed by document + start offset + a hash of the inserted text: hooks report file paths and new strings, not ids,
 * so the same edit must be recognisable from its content. Entries expire after {@link LEDGER_TTL_MS}.
 */
import type { AssistantProvenance, Channel, Provenance } from '../schema/events.js';

export const LEDGER_TTL_MS = 2 * 60 * 1000;
/** How long recorded assistant edits stay findable by decision signals (the longest survival checkpoint). */
export const EDIT_MEMORY_MS = 15 * 60 * 1000;
const MAX_ENTRIES = 500;

export interface LedgerEntry {
  readonly uri: string;
  readonly offset: number;
  readonly textHash: string;
  readonly provenance: Provenance;
  /** The assistant-edit record's id, when the verdict produced one. */
  readonly editId?: string;
  readonly at: number;
  /** The inserted text (capped), so a channel reporting a larger text (a whole `new_string`) can find a piece of it. */
  readonly text?: string;
  /** Who the edit was attributed to and by which channel, so a decision signal without a file (OTLP) can find it. */
  readonly assistant?: string;
  readonly channel?: Channel;
  readonly language?: string;
  /** Workspace-relative path (kept in memory only). */
  readonly file?: string;
}

/**
 * An accept decision a channel reported without naming the file (Claude Code's OTLP `tool_decision`): the next
 * write from disk by an unknown writer within its window is that assistant's edit. Taken once, oldest first.
 */
export interface DecisionExpectation {
  readonly assistant: string;
  /** When the decision was made (clock ms); a write may follow it by some seconds. */
  readonly at: number;
  /** No write after this is the decided edit. */
  readonly until: number;
  readonly proposalId: string;
  readonly model?: string;
  /** The edit recorded for it, once taken. */
  editId?: string;
  /** Called once, when capture records the expected edit. */
  onTaken?: (editId: string) => void;
}

/** How long before a decision's timestamp a write may be observed (clocks of two processes, rounding). */
export const EXPECTATION_EARLY_MS = 2_000;

/**
 * An edit a precise channel (an agent hook) announced before or while the editor observes it. Capture asks
 * {@link VerdictLedger.claimFor} before recording a bulk change: a matching claim is the authority on who made the
 * change, so the change is recorded once, with the claim's attribution, instead of once per channel.
 */
export interface EditClaim {
  readonly uri: string;
  /** Texts the channel expects to appear in the document (`new_string`, `content`, the patch's added lines, …). */
  texts: readonly string[];
  readonly at: number;
  readonly provenance: AssistantProvenance;
  readonly channel: Channel;
  readonly assistant: string;
  model?: string;
  readonly proposalId?: string;
  /** The assistant-edit record made for this claim, once there is one (by capture or by the claiming channel). */
  editId?: string;
  /** Called once, when capture records the claimed edit. */
  onTaken?: (editId: string) => void;
}

/** Text kept per ledger entry for containment matching. */
export const LEDGER_TEXT_CHARS = 64 * 1024;

/** FNV-1a over UTF-16 code units of whitespace-squashed text: cheap, stable, and good enough to match a known text. */
export function textHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) continue;
    h ^= c;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

export class VerdictLedger {
  private entries: LedgerEntry[] = [];
  private claims: EditClaim[] = [];
  private expectations: DecisionExpectation[] = [];

  record(entry: LedgerEntry): void {
    this.entries.push(entry);
    if (this.entries.length > MAX_ENTRIES) this.entries.splice(0, this.entries.length - MAX_ENTRIES);
  }

  /**
   * The most recent entry for the same document whose inserted text hashes like `text` (whitespace-insensitive),
   * within the TTL. A hook reporting `new_string` for a file finds the heuristic's verdict this way.
   */
  find(uri: string, text: string, now: number): LedgerEntry | undefined {
    const h = textHash(text);
    for (let i = this.entries.length - 1; i >= 0; i--) {
      const e = this.entries[i]!;
      if (now - e.at > LEDGER_TTL_MS) break;
      if (e.uri === uri && e.textHash === h) return e;
    }
    return undefined;
  }

  /**
   * Drops expired entries. Recorded assistant edits stay for {@link EDIT_MEMORY_MS}: a keep/undo decision (Copilot
   * Chat's hunk actions) may come minutes after the edit it decides.
   */
  prune(now: number): void {
    this.entries = this.entries.filter((e) => now - e.at <= LEDGER_TTL_MS || (e.editId !== undefined && now - e.at <= EDIT_MEMORY_MS));
  }

  /** Announces an edit (see {@link EditClaim}); the claiming channel withdraws it when it is decided. */
  claim(claim: EditClaim): void {
    this.claims.push(claim);
    if (this.claims.length > MAX_ENTRIES) this.claims.splice(0, this.claims.length - MAX_ENTRIES);
  }

  withdraw(claim: EditClaim): void {
    const i = this.claims.indexOf(claim);
    if (i >= 0) this.claims.splice(i, 1);
  }

  /**
   * The newest claim for `uri` whose texts cover every inserted text (each non-blank line, ignoring whitespace, is
   * part of the claimed text): VS Code reduces an agent's write to a minimal diff, so the editor sees pieces of what
   * the agent reported. A claim that already has an edit (`editId`) is returned too, so capture can skip recording it.
   */
  claimFor(uri: string, inserted: readonly string[]): EditClaim | undefined {
    if (!inserted.some((t) => squashed(t) !== '')) return undefined;
    for (let i = this.claims.length - 1; i >= 0; i--) {
      const c = this.claims[i]!;
      if (c.uri === uri && covers(c.texts, inserted)) return c;
    }
    return undefined;
  }

  /** Capture recorded the claimed edit as `editId`: the claim is settled and its channel is told. */
  taken(claim: EditClaim, editId: string): void {
    if (claim.editId !== undefined) return;
    claim.editId = editId;
    claim.onTaken?.(editId);
  }

  /**
   * An assistant edit capture already recorded (before the precise channel reported it) whose text is covered by
   * `texts`, newest first, within the TTL.
   */
  findRecorded(uri: string, texts: readonly string[], now: number): LedgerEntry | undefined {
    for (let i = this.entries.length - 1; i >= 0; i--) {
      const e = this.entries[i]!;
      if (now - e.at > LEDGER_TTL_MS) break;
      if (e.uri === uri && e.editId !== undefined && e.text !== undefined && covers(texts, [e.text])) return e;
    }
    return undefined;
  }

  /** Announces an accept decision whose edit the editor has not observed yet (see {@link DecisionExpectation}). */
  expect(expectation: DecisionExpectation): void {
    this.expectations.push(expectation);
    if (this.expectations.length > MAX_ENTRIES) this.expectations.splice(0, this.expectations.length - MAX_ENTRIES);
  }

  withdrawExpectation(expectation: DecisionExpectation): void {
    const i = this.expectations.indexOf(expectation);
    if (i >= 0) this.expectations.splice(i, 1);
  }

  /** The oldest untaken expectation a write observed at `at` may satisfy. */
  expectationFor(at: number): DecisionExpectation | undefined {
    return this.expectations.find((e) => e.editId === undefined && at >= e.at - EXPECTATION_EARLY_MS && at <= e.until);
  }

  /** Capture recorded the expected edit as `editId`. */
  expectationTaken(expectation: DecisionExpectation, editId: string): void {
    if (expectation.editId !== undefined) return;
    expectation.editId = editId;
    this.withdrawExpectation(expectation);
    expectation.onTaken?.(editId);
  }

  /**
   * Recorded assistant edits (newest first) within `[from, to]` that `accept` admits: for a decision signal that
   * names no file, the editor's own observation of the same edit.
   */
  recordedBetween(from: number, to: number, accept: (entry: LedgerEntry) => boolean): LedgerEntry[] {
    const out: LedgerEntry[] = [];
    for (let i = this.entries.length - 1; i >= 0; i--) {
      const e = this.entries[i]!;
      if (e.at < from) break;
      if (e.at <= to && e.editId !== undefined && accept(e)) out.push(e);
    }
    return out;
  }

  /** The entry of a recorded edit, while remembered. */
  entryFor(editId: string): LedgerEntry | undefined {
    for (let i = this.entries.length - 1; i >= 0; i--) if (this.entries[i]!.editId === editId) return this.entries[i];
    return undefined;
  }

  get claimCount(): number {
    return this.claims.length;
  }

  get size(): number {
    return this.entries.length;
  }
}

function squashed(text: string): string {
  return text.replace(/\s+/g, '');
}

/** Every non-blank line of every inserted text is, whitespace aside, a substring of one of the claimed texts. */
export function covers(claimed: readonly string[], inserted: readonly string[]): boolean {
  const haystack = claimed.map(squashed).join('\u0000');
  if (haystack.length === 0) return false;
  let any = false;
  for (const text of inserted) {
    for (const line of text.split('\n')) {
      const s = squashed(line);
      if (s === '') continue;
      if (!haystack.includes(s)) return false;
      any = true;
    }
  }
  return any;
}
