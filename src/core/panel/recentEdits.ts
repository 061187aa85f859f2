/**
 * The recent assistant edits list: the newest `assistant-edit` records of the last few days joined with their
 * outcome, final score, finding count and the channels that proved them (the edit's own channel, the channels that
 * confirmed it, the hook/OTLP decisions linked to it), followed by the newest rejected proposals. This is the one
 * panel feature that reads raw records, and it is bounded by the days the host passes in and by `limit`.
 */
import type { AssistantEditEvent, DriftEvent, ProposalEvent } from '../schema/events.js';
import { EDIT_RECORD_KINDS, joinEditRecords } from './editRecords.js';
import type { RecentEdit } from './panelData.js';

/** The raw kinds the recent-edits list needs; the host reads only these. */
export const RECENT_EDIT_KINDS = [...EDIT_RECORD_KINDS, 'proposal'] as const;

export interface RecentEditsResult {
  /** Edits newest first, at most `limit`; then rejected proposals newest first, at most `limit` (`proposal: true`). */
  rows: RecentEdit[];
  /** The full edit records of the rows, by id, so the host can open a file at the region (or show the stored text). */
  edits: Map<string, AssistantEditEvent>;
}

export function collectRecentEdits(records: Iterable<DriftEvent>, limit: number): RecentEditsResult {
  const all = [...records];
  const { edits, outcomes, scores, findings } = joinEditRecords(all);
  // Hook and OTLP decisions: rejected proposals are listed; accepted ones linked to an edit confirm it.
  const confirmations = new Map<string, Set<string>>();
  const rejected: ProposalEvent[] = [];
  for (const r of all) {
    if (r.kind !== 'proposal') continue;
    if (r.decision === 'rejected') rejected.push(r);
    else if (r.decision === 'accepted' && r.matchedEditId !== undefined) {
      let set = confirmations.get(r.matchedEditId);
      if (!set) confirmations.set(r.matchedEditId, (set = new Set()));
      set.add(r.channel);
    }
  }
  const newest = [...edits.values()].sort((a, b) => b.ts - a.ts || (a.id < b.id ? 1 : -1)).slice(0, Math.max(0, limit));
  const rows: RecentEdit[] = newest.map((e) => ({
    id: e.id,
    ts: e.ts,
    file: e.file,
    line: e.range.start.line,
    assistant: e.assistant,
    ...(e.model !== undefined ? { model: e.model } : {}),
    language: e.language,
    outcome: outcomes.get(e.id) ?? 'pending',
    score: scores.get(e.id) ?? null,
    findings: findings.get(e.id)?.size ?? 0,
    lines: e.linesAdded,
    channel: e.channel,
    ...confirmedBy(e, confirmations.get(e.id)),
  }));
  const proposals: RecentEdit[] = rejected
    .sort((a, b) => b.ts - a.ts || (a.id < b.id ? 1 : -1))
    .slice(0, Math.max(0, limit))
    .map((p) => ({
      id: p.id,
      ts: p.ts,
      file: p.file ?? '',
      line: 0,
      assistant: p.assistant,
      ...(p.model !== undefined ? { model: p.model } : {}),
      language: p.language ?? 'unknown',
      outcome: 'rejected',
      score: null,
      findings: 0,
      lines: p.linesProposed ?? 0,
      channel: p.channel,
      proposal: true,
      ...(p.toolName !== undefined ? { toolName: p.toolName } : {}),
    }));
  return { rows: [...rows, ...proposals], edits: new Map(newest.map((e) => [e.id, e])) };
}

function confirmedBy(e: AssistantEditEvent, linked: Set<string> | undefined): { confirmedBy?: string[] } {
  const all = new Set([...(e.confirmedBy ?? []), ...(linked ?? [])]);
  all.delete(e.channel);
  return all.size > 0 ? { confirmedBy: [...all].slice(0, 8) } : {};
}
