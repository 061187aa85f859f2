/**
 * Joins an edit's records: its `assistant-edit`, its final outcome (the latest `edit-outcome`), its final score (the
 * `edit-score` marked final, else the first) and its open findings (one per finding key). The recent-edits list and
 * the evidence report's example candidates both read edits this way, so an edit's outcome and score are the same
 * wherever they are shown.
 */
import type { AssistantEditEvent, DriftEvent, FindingEvent, OutcomeKind } from '../schema/events.js';

/** The raw kinds a join reads; hosts read only these. */
export const EDIT_RECORD_KINDS = ['assistant-edit', 'edit-outcome', 'edit-score', 'finding'] as const;

export interface JoinedEdits {
  edits: Map<string, AssistantEditEvent>;
  outcomes: Map<string, OutcomeKind>;
  scores: Map<string, number>;
  /** Per edit id: its open findings by finding key (the first record of each key). */
  findings: Map<string, Map<string, FindingEvent>>;
}

/** One pass over the records; `keep` selects the edits (their records are joined whatever order they come in). */
export function joinEditRecords(records: Iterable<DriftEvent>, keep: (e: AssistantEditEvent) => boolean = () => true): JoinedEdits {
  const edits = new Map<string, AssistantEditEvent>();
  const outcomes = new Map<string, { kind: OutcomeKind; ts: number }>();
  const scores = new Map<string, number>();
  const findings = new Map<string, Map<string, FindingEvent>>();
  for (const r of records) {
    switch (r.kind) {
      case 'assistant-edit':
        if (keep(r)) edits.set(r.id, r);
        break;
      case 'edit-outcome': {
        const prev = outcomes.get(r.ref.editId);
        if (!prev || r.ts >= prev.ts) outcomes.set(r.ref.editId, { kind: r.outcome, ts: r.ts });
        break;
      }
      case 'edit-score':
        if (r.final || !scores.has(r.ref.editId)) scores.set(r.ref.editId, r.score);
        break;
      case 'finding': {
        if (r.status !== 'open') break;
        let byKey = findings.get(r.ref.editId);
        if (!byKey) findings.set(r.ref.editId, (byKey = new Map()));
        if (!byKey.has(r.findingKey)) byKey.set(r.findingKey, r);
        break;
      }
      default:
        break;
    }
  }
  return { edits, outcomes: new Map([...outcomes].map(([id, o]) => [id, o.kind])), scores, findings };
}
