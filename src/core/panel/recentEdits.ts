/**
 * The recent assistant edits list: the newest `assistant-edit` records of the last few days joined with their
 * outcome, final score and finding count. This is the one panel feature that reads raw records, and it is bounded by
 * the days the host passes in and by `limit`.
 */
import type { AssistantEditEvent, DriftEvent } from '../schema/events.js';
import { EDIT_RECORD_KINDS, joinEditRecords } from './editRecords.js';
import type { RecentEdit } from './panelData.js';

/** The raw kinds the recent-edits list needs; the host reads only these. */
export const RECENT_EDIT_KINDS = EDIT_RECORD_KINDS;

export interface RecentEditsResult {
  /** Newest first, at most `limit`. */
  rows: RecentEdit[];
  /** The full edit records of the rows, by id, so the host can open a file at the region (or show the stored text). */
  edits: Map<string, AssistantEditEvent>;
}

export function collectRecentEdits(records: Iterable<DriftEvent>, limit: number): RecentEditsResult {
  const { edits, outcomes, scores, findings } = joinEditRecords(records);
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
  }));
  return { rows, edits: new Map(newest.map((e) => [e.id, e])) };
}
