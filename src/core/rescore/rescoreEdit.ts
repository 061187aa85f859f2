/**
 * Re-scoring one assistant edit under the current rule set, from what the store kept about it: the inserted text
 * (code level `all`), the region's text at its last checkpoint, and the edit's other evidence (diagnostics,
 * survival, fixes, outcome), which rules do not change. Edits stored with their scoring window (`context`, see
 * `core/capture/scoringContext.ts`) are re-linted in it, exactly as capture lints fresh edits, and only findings
 * anchored in the edit count; older records without it are re-linted from the edit's own text, as before (rules that
 * need the surrounding code find less there; see README "Like-with-like history").
 */
import { lintInContext } from '../capture/scoringContext.js';
import type { AssistantEditEvent, DriftEvent, DriftEventInput, EditRef, Range, RescoreEvent, ScoringContext, Severity } from '../schema/events.js';
import { LEGACY_RULE_SET, ruleSetRevision } from '../lint/ruleSet.js';
import { scoreEdit, type ScoreWeights } from '../scoring/score.js';
import { scoreInputsFromRecords } from '../scoring/scoreInputs.js';
import { hashSeed } from '../util/random.js';

/** Lints a piece of code on its own; returns its findings' rule ids, severities and ranges. */
export type SnippetLinter = (text: string, languageId: string) => Promise<readonly { ruleId: string; severity: Severity; range: Range }[]>;

/** Everything the store holds about one edit (records of other edits are ignored). */
export interface EditHistory {
  edit: AssistantEditEvent;
  records: readonly DriftEvent[];
}

/** The rule set an edit's numbers currently come from: its newest re-score, else its capture-time score. */
export function effectiveRuleSet(history: EditHistory): string | undefined {
  let best: { ruleSet: string; rank: number; ts: number } | undefined;
  for (const r of history.records) {
    let ruleSet: string;
    let rank: number;
    if (r.kind === 'edit-score' && r.final) {
      ruleSet = r.ruleSet ?? LEGACY_RULE_SET;
      rank = 2 * ruleSetRevision(ruleSet);
    } else if (r.kind === 'rescore' && r.status === 'rescored') {
      ruleSet = r.ruleSet;
      rank = 2 * ruleSetRevision(ruleSet) + 1;
    } else continue;
    if (!best || rank > best.rank || (rank === best.rank && r.ts > best.ts)) best = { ruleSet, rank, ts: r.ts };
  }
  return best?.ruleSet;
}

/**
 * Whether an edit scored under `from` should be re-scored under `to`: only forwards (a window still running an older
 * build never re-scores what a newer one did), and within one revision whenever the rule list differs.
 */
export function needsRescore(from: string | undefined, to: string): boolean {
  if (from === undefined || from === to) return false;
  return ruleSetRevision(from) <= ruleSetRevision(to);
}

/** Deterministic record id of the re-score of `editId` under `ruleSet` (32 hex digits, like random ids). */
export function rescoreId(editId: string, ruleSet: string): string {
  const key = `${editId}\u0000${ruleSet}`;
  let out = '';
  for (let i = 0; i < 4; i++) out += hashSeed(`${i}:${key}`).toString(16).padStart(8, '0');
  return out;
}

/**
 * Python code cut out of a file keeps its indentation, which does not parse at top level: the common leading
 * whitespace of its non-blank lines is removed (line numbers are unchanged, so nothing else moves).
 */
export function dedent(text: string): string {
  const lines = text.split('\n');
  let common: string | undefined;
  for (const line of lines) {
    if (line.trim() === '') continue;
    const lead = /^[ \t]*/.exec(line)![0];
    if (common === undefined || !lead.startsWith(common)) {
      let i = 0;
      const c = common ?? lead;
      while (i < c.length && i < lead.length && c[i] === lead[i]) i++;
      common = c.slice(0, i);
    }
    if (common === '') return text;
  }
  if (!common) return text;
  return lines.map((l) => (l.startsWith(common) ? l.slice(common.length) : l.trim() === '' ? '' : l)).join('\n');
}

function countByRule(findings: readonly { ruleId: string; severity: Severity }[]): Map<string, { severity: Severity; n: number }> {
  const out = new Map<string, { severity: Severity; n: number }>();
  for (const f of findings) {
    if (!/^[a-z]+\.[a-z0-9-]+$/.test(f.ruleId)) continue;
    const c = out.get(f.ruleId) ?? { severity: f.severity, n: 0 };
    c.n++;
    out.set(f.ruleId, c);
  }
  return out;
}

/**
 * The re-score record for one edit under `ruleSet`: `rescored` with the new findings and score when the text was
 * stored, `no-text` otherwise. Never throws for a lint failure of the snippet (the linter's own contract).
 */
export async function rescoreEdit(history: EditHistory, ruleSet: string, lint: SnippetLinter, weights?: ScoreWeights): Promise<Extract<DriftEventInput, { kind: 'rescore' }>> {
  const { edit } = history;
  const ref: EditRef = refOf(history);
  const id = rescoreId(edit.id, ruleSet);
  if (edit.text === undefined) return { kind: 'rescore', id, ref, ruleSet, status: 'no-text', findings: [] };
  const prepare = (t: string): string => (edit.language === 'python' ? dedent(t) : t);
  const lintCode = async (text: string, context: ScoringContext | undefined): Promise<readonly { ruleId: string; severity: Severity }[]> =>
    context ? lintInContext(context, edit.language, lint) : lint(prepare(text), edit.language);
  const atInsertion = countByRule(await lintCode(edit.text, edit.context));
  // Findings fixed later: present at insertion, gone from the region at its last checkpoint (when its text was kept).
  // Compared in the same kind of code as at insertion: windows on both sides, or the bare texts on both.
  let last: { checkpoint: number; text: string; context: ScoringContext | undefined; deleted: boolean } | undefined;
  for (const r of history.records) {
    if (r.kind === 'survival' && r.ref.editId === edit.id && r.regionText !== undefined && (!last || r.checkpoint > last.checkpoint)) {
      last = { checkpoint: r.checkpoint, text: r.regionText, context: r.regionContext, deleted: r.regionDeleted };
    }
  }
  const atEnd = last && !last.deleted ? countByRule(await lintCode(last.text, edit.context ? last.context : undefined)) : undefined;
  const findings: RescoreEvent['findings'] = [];
  for (const [ruleId, c] of [...atInsertion].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    findings.push({ ruleId, severity: c.severity, open: c.n, fixed: atEnd ? Math.max(0, c.n - (atEnd.get(ruleId)?.n ?? 0)) : 0 });
  }
  const inputs = scoreInputsFromRecords(
    edit,
    history.records.filter((r) => r.kind !== 'finding'),
  );
  const expanded = findings.flatMap((f) => Array.from({ length: f.open }, () => ({ severity: f.severity })));
  const score = scoreEdit({ ...inputs, findings: expanded }, weights);
  return { kind: 'rescore', id, ref, ruleSet, status: 'rescored', findings, score: score.score, components: score.components };
}

/** The edit reference its other records carry (the first one found), else one built from the edit record. */
function refOf(history: EditHistory): EditRef {
  for (const r of history.records) if ('ref' in r && r.ref.editId === history.edit.id) return r.ref;
  const e = history.edit;
  return {
    editId: e.id,
    editTs: e.ts,
    editTz: e.tz,
    assistant: e.assistant,
    ...(e.model !== undefined ? { model: e.model } : {}),
    language: e.language,
    ...(e.sized ? { lines: e.linesAdded } : {}),
  };
}
