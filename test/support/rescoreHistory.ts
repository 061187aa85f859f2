/**
 * A history for re-scoring tests: every day the same assistant writes the same code, so any step in its trend can
 * only come from the rules that scored it. Days before `changeDay` were scored by `oldRuleSet` (which found nothing);
 * later days by the current rules (whose findings the caller passes, as the real engine reports them).
 */
import type { DriftEvent, EditRef, Severity } from '../../src/core/schema/events.js';
import { scoreEdit } from '../../src/core/scoring/score.js';
import { scoreInputsFromRecords } from '../../src/core/scoring/scoreInputs.js';

export const SNIPPET = 'def render(items):\n    out = ""\n    for item in items:\n        out += str(item)\n    return out\n';
/** What the current rules find in {@link SNIPPET} (checked against the real engine by the tests). */
export const SNIPPET_FINDINGS: readonly { ruleId: string; severity: Severity; line: number }[] = [{ ruleId: 'loop.string-concat-in-loop', severity: 'warning', line: 3 }];

export interface RescoreHistoryOptions {
  /** Local midnight (UTC offset `tz`) of the first day, epoch ms. */
  start: number;
  days: number;
  editsPerDay: number;
  /** Days from this index on were scored by `currentRuleSet`. */
  changeDay: number;
  /** Rule set of the earlier days; undefined = records from before rule-set ids existed. */
  oldRuleSet?: string;
  currentRuleSet: string;
  withText: boolean;
  assistant?: string;
  tz?: number;
  idPrefix?: string;
}

export function rescoreHistory(o: RescoreHistoryOptions): DriftEvent[] {
  const tz = o.tz ?? 0;
  const assistant = o.assistant ?? 'rs-steady';
  const out: DriftEvent[] = [];
  let n = 0;
  const env = (ts: number) => ({ schema: 1 as const, id: `${o.idPrefix ?? 'rs'}${String(n++).padStart(8, '0')}`, ts, tz });
  const lines = SNIPPET.split('\n').length - 1;
  for (let d = 0; d < o.days; d++) {
    const current = d >= o.changeDay;
    const ruleSet = current ? o.currentRuleSet : o.oldRuleSet;
    for (let i = 0; i < o.editsPerDay; i++) {
      const ts = o.start + d * 86_400_000 + 9 * 3_600_000 + i * 60_000;
      const edit = {
        ...env(ts),
        kind: 'assistant-edit' as const,
        provenance: 'ai-inline' as const,
        channel: 'inline-heuristic' as const,
        assistant,
        language: 'python',
        file: 'src/render.py',
        range: { start: { line: 0, character: 0 }, end: { line: lines, character: 0 } },
        linesAdded: lines,
        linesRemoved: 0,
        charsInserted: SNIPPET.length,
        charsReplaced: 0,
        ...(o.withText ? { text: SNIPPET } : {}),
        sized: true,
      };
      const ref: EditRef = { editId: edit.id, editTs: ts, editTz: tz, assistant, language: 'python', lines };
      const records: DriftEvent[] = [edit];
      if (current) {
        for (const f of SNIPPET_FINDINGS) {
          records.push({ ...env(ts + 2500), kind: 'finding', ref, findingKey: `${f.ruleId}@${f.line}`, ruleId: f.ruleId, severity: f.severity, range: { start: { line: f.line, character: 0 }, end: { line: f.line, character: 10 } }, status: 'open', at: 0, ruleSet });
        }
      }
      records.push({ ...env(ts + 300_000), kind: 'survival', ref, checkpoint: 300, distanceRatio: 0, unchanged: true, fourGramSurvival: 1, regionDeleted: false, ...(o.withText ? { regionText: SNIPPET } : {}) });
      records.push({ ...env(ts + 900_000), kind: 'edit-outcome', ref, outcome: 'accepted', reason: 'kept' });
      const s = scoreEdit(scoreInputsFromRecords(edit, records));
      records.push({ ...env(ts + 900_001), kind: 'edit-score', ref, score: s.score, components: s.components, linesChanged: s.linesChanged, final: true, ...(ruleSet !== undefined ? { ruleSet } : {}) });
      out.push(...records);
    }
  }
  return out;
}
