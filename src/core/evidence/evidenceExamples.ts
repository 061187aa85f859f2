/**
 * Example edits for the evidence report. Candidates are read from raw records (the assistant's edits after the
 * change point, those with findings of the rules that rose first); the user sees each one and ticks it, and only
 * ticked ones become examples. An example never carries the file path or the record id; its code (and the finding
 * messages, which may quote identifiers) only when the user chose "include code" for that example.
 */
import type { DriftEvent, OutcomeKind } from '../schema/events.js';
import { EDIT_RECORD_KINDS, joinEditRecords } from '../panel/editRecords.js';
import { dayOf, type Day } from '../time/day.js';

export interface EvidenceFinding {
  ruleId: string;
  severity: string;
  /** Line within the edit, 1-based. */
  line: number;
  /** The finding's message; only with the code (it may name identifiers). */
  message?: string;
}

/** What an example shows of its edit, with or without the code. */
export interface ExampleShape {
  day: Day;
  language: string;
  model?: string;
  version?: string;
  provenance: string;
  lines: number;
  outcome: OutcomeKind | 'pending';
  score: number | null;
  findings: EvidenceFinding[];
}

/** What the user reviews before ticking an edit. Lives only in the editor/CLI process; never written as is. */
export interface EvidenceCandidate extends ExampleShape {
  /** The edit's record id, so the host can map a tick back to the candidate. Never written to the bundle. */
  editId: string;
  /** The inserted text, when the store kept it (code level `all`). */
  code?: string;
}

/** One example as written to the bundle. */
export interface EvidenceExample extends ExampleShape {
  /** 1-based position in the report ("Example 2"). */
  n: number;
  codeIncluded: boolean;
  code?: string;
}

/** The raw kinds candidates are built from. */
export const EVIDENCE_EXAMPLE_KINDS = EDIT_RECORD_KINDS;

export interface CandidateQuery {
  assistant: string;
  since: Day;
  until: Day;
  /** Rules that rose most, most first: edits with their findings are offered first. */
  rules: readonly string[];
  limit: number;
}

/**
 * The assistant's edits in [since, until] as review candidates: edits with findings of the rising rules first —
 * ordered by the highest-rising rule they show (the rule that rose most first), newest first —, then edits with
 * other findings, then the rest; newest first within each. Ordering by the rule keeps a small recent edit that shows
 * the top rule ahead of a large edit with many findings of lesser rules.
 */
export function collectEvidenceCandidates(records: Iterable<DriftEvent>, q: CandidateQuery): EvidenceCandidate[] {
  const { edits, outcomes, scores, findings } = joinEditRecords(records, (e) => {
    const day = dayOf(e.ts, e.tz);
    return e.assistant === q.assistant && day >= q.since && day <= q.until && !e.untracked;
  });
  const rank = (ruleId: string): number => {
    const i = q.rules.indexOf(ruleId);
    return i < 0 ? q.rules.length : i;
  };
  const candidates = [...edits.values()].map((e) => {
    const found = [...(findings.get(e.id)?.values() ?? [])]
      .map((f): EvidenceFinding => ({ ruleId: f.ruleId, severity: f.severity, line: Math.max(1, f.range.start.line - e.range.start.line + 1), ...(f.message !== undefined ? { message: f.message } : {}) }))
      .sort((a, b) => rank(a.ruleId) - rank(b.ruleId) || a.line - b.line);
    const candidate: EvidenceCandidate = {
      editId: e.id,
      day: dayOf(e.ts, e.tz),
      language: e.language,
      ...(e.model !== undefined ? { model: e.model } : {}),
      ...(e.assistantVersion !== undefined ? { version: e.assistantVersion } : {}),
      provenance: e.provenance,
      lines: e.linesAdded,
      outcome: outcomes.get(e.id) ?? 'pending',
      score: scores.get(e.id) ?? null,
      findings: found,
      ...(e.text !== undefined && e.text !== '' ? { code: e.text } : {}),
    };
    const rising = found.filter((f) => rank(f.ruleId) < q.rules.length).length;
    const best = found.reduce((m, f) => Math.min(m, rank(f.ruleId)), q.rules.length);
    return { candidate, rising, best, total: found.length, ts: e.ts };
  });
  return candidates
    .sort((a, b) => Number(b.rising > 0) - Number(a.rising > 0) || Number(b.total > 0) - Number(a.total > 0) || a.best - b.best || b.ts - a.ts || (a.candidate.editId < b.candidate.editId ? -1 : 1))
    .slice(0, Math.max(0, q.limit))
    .map((c) => c.candidate);
}

/**
 * The example written for a ticked candidate. Without `includeCode` it keeps only the shape (language, size, outcome,
 * score, which rules fired on which lines); never the edit's id or file.
 */
export function toEvidenceExample(c: EvidenceCandidate, n: number, includeCode: boolean): EvidenceExample {
  const withCode = includeCode && c.code !== undefined;
  return {
    n,
    day: c.day,
    language: c.language,
    ...(c.model !== undefined ? { model: c.model } : {}),
    ...(c.version !== undefined ? { version: c.version } : {}),
    provenance: c.provenance,
    lines: c.lines,
    outcome: c.outcome,
    score: c.score,
    findings: c.findings.map((f) => ({ ruleId: f.ruleId, severity: f.severity, line: f.line, ...(withCode && f.message !== undefined ? { message: f.message } : {}) })),
    codeIncluded: withCode,
    ...(withCode ? { code: c.code } : {}),
  };
}
