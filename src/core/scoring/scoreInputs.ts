/**
 * Builds `ScoreInputs` from the stored records of one assistant edit, so every producer (capture when an edit is
 * finalised, the demo generator, a re-score after a weights change) derives the score the same way.
 */
import type { AssistantEditEvent, DriftEvent, OutcomeKind, Severity } from '../schema/events.js';
import { SURVIVAL_CHECKPOINT_S, type ScoreInputs } from './score.js';

/**
 * Collects the evidence about `edit` from `records` (records of other edits are ignored).
 * - findings: status `open` at insertion (`at` 0), one per finding key;
 * - diagnostics: the settled check (`at` 0);
 * - survival: the latest checkpoint ≤ 5 min;
 * - fixes: the number of follow-up fixes and the characters they changed;
 * - outcome: the latest outcome record.
 */
export function scoreInputsFromRecords(edit: AssistantEditEvent, records: Iterable<DriftEvent>): ScoreInputs {
  const findings = new Map<string, { severity: Severity }>();
  let diagnostics: ScoreInputs['diagnostics'];
  let survival: (ScoreInputs['survival'] & { checkpoint: number }) | undefined;
  let fixCount = 0;
  let fixChars = 0;
  let outcome: { kind: OutcomeKind; ts: number } | undefined;
  for (const r of records) {
    if (!('ref' in r) || r.ref.editId !== edit.id) continue;
    switch (r.kind) {
      case 'finding':
        if (r.status === 'open' && r.at === 0) findings.set(r.findingKey, { severity: r.severity });
        break;
      case 'diagnostics':
        if (r.at === 0) diagnostics = { introducedErrors: r.introducedErrors, introducedWarnings: r.introducedWarnings };
        break;
      case 'survival':
        if (r.checkpoint <= SURVIVAL_CHECKPOINT_S && (!survival || r.checkpoint >= survival.checkpoint)) {
          survival = { checkpoint: r.checkpoint, fourGramSurvival: r.fourGramSurvival, regionDeleted: r.regionDeleted };
        }
        break;
      case 'follow-up-fix':
        fixCount++;
        fixChars += r.charsChanged;
        break;
      case 'edit-outcome':
        if (!outcome || r.ts >= outcome.ts) outcome = { kind: r.outcome, ts: r.ts };
        break;
      default:
        break;
    }
  }
  return {
    linesChanged: Math.max(edit.linesAdded, edit.linesRemoved, 1),
    charsInserted: edit.charsInserted,
    findings: [...findings.values()],
    ...(diagnostics ? { diagnostics } : {}),
    ...(survival ? { survival: { fourGramSurvival: survival.fourGramSurvival, regionDeleted: survival.regionDeleted } } : {}),
    fixes: { count: fixCount, chars: fixChars },
    ...(outcome ? { outcome: outcome.kind } : {}),
  };
}
