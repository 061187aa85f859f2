import assert from 'node:assert/strict';
import { DEFAULT_SCORE_WEIGHTS, scoreEdit, type ScoreInputs } from '../../../src/core/scoring/score.js';
import { scoreInputsFromRecords } from '../../../src/core/scoring/scoreInputs.js';
import type { AssistantEditEvent, DriftEvent, EditRef } from '../../../src/core/schema/events.js';

const clean: ScoreInputs = {
  linesChanged: 10,
  charsInserted: 300,
  findings: [],
  diagnostics: { introducedErrors: 0, introducedWarnings: 0 },
  survival: { fourGramSurvival: 1, regionDeleted: false },
  fixes: { count: 0, chars: 0 },
  outcome: 'accepted',
};

describe('scoreEdit', () => {
  it('gives a clean, surviving, unfixed edit 100 with every component at 100', () => {
    const s = scoreEdit(clean);
    assert.equal(s.score, 100);
    assert.deepEqual(s.components, { findingsWeighted: 0, lint: 100, diagnostics: 100, survival: 100, fixes: 100 });
    assert.equal(s.linesChanged, 10);
  });

  it('matches the documented formula for one warning in ten lines (hand-computed)', () => {
    // lint = exp(-5 * 1/10) = 0.6065307; score = 100 * (0.4*0.6065307 + 0.2 + 0.25 + 0.15) = 84.26
    const s = scoreEdit({ ...clean, findings: [{ severity: 'warning' }] });
    assert.equal(s.components.lint, 60.7);
    assert.equal(s.score, 84.3);
  });

  it('weighs an error three times a warning and an info a quarter', () => {
    const err = scoreEdit({ ...clean, findings: [{ severity: 'error' }] });
    const threeWarn = scoreEdit({ ...clean, findings: [{ severity: 'warning' }, { severity: 'warning' }, { severity: 'warning' }] });
    const fourInfo = scoreEdit({ ...clean, findings: [1, 2, 3, 4].map(() => ({ severity: 'info' as const })) });
    const oneWarn = scoreEdit({ ...clean, findings: [{ severity: 'warning' }] });
    assert.equal(err.score, threeWarn.score);
    assert.equal(fourInfo.score, oneWarn.score);
    assert.equal(err.components.findingsWeighted, 3);
  });

  it('penalises introduced diagnostics: one error gives diagnostics = e^-1', () => {
    const s = scoreEdit({ ...clean, diagnostics: { introducedErrors: 1, introducedWarnings: 0 } });
    assert.equal(s.components.diagnostics, 36.8);
    // 100 * (0.4 + 0.2*0.3678794 + 0.25 + 0.15) = 87.36
    assert.equal(s.score, 87.4);
  });

  it('renormalises over known components when survival and diagnostics have not arrived', () => {
    const s = scoreEdit({ linesChanged: 10, charsInserted: 100, findings: [{ severity: 'warning' }], fixes: { count: 0, chars: 0 } });
    assert.equal(s.components.survival, undefined);
    assert.equal(s.components.diagnostics, undefined);
    // (0.4*0.6065307 + 0.15*1) / 0.55 = 0.71384
    assert.equal(s.score, 71.4);
  });

  it('scores survival 0 for rejected or deleted edits whatever the checkpoint says', () => {
    for (const outcome of ['rejected', 'deleted'] as const) {
      const s = scoreEdit({ ...clean, outcome });
      assert.equal(s.components.survival, 0);
      assert.equal(s.score, 75);
    }
    assert.equal(scoreEdit({ ...clean, survival: { fourGramSurvival: 0.9, regionDeleted: true } }).components.survival, 0);
  });

  it('penalises follow-up fixes by count and by share of the edit rewritten', () => {
    // fixes = exp(-0.35*2) * (1 - 150/300) = 0.4965853 * 0.5 = 0.2482927
    const s = scoreEdit({ ...clean, fixes: { count: 2, chars: 150 } });
    assert.equal(s.components.fixes, 24.8);
    const rewrite = scoreEdit({ ...clean, fixes: { count: 1, chars: 5000 } });
    assert.equal(rewrite.components.fixes, 0);
  });

  it('stays within 0..100 and never NaN for hostile inputs and weights', () => {
    const s = scoreEdit(
      { linesChanged: Number.NaN, charsInserted: -5, findings: [{ severity: 'error' }], fixes: { count: Number.POSITIVE_INFINITY, chars: -1 } },
      { lint: -1, diagnostics: Number.NaN, survival: 0, fixes: 0 },
    );
    assert.ok(Number.isFinite(s.score));
    assert.ok(s.score >= 0 && s.score <= 100);
    assert.equal(s.linesChanged, 0);
  });

  it('falls back to default weights when every weight is zero', () => {
    const input = { ...clean, findings: [{ severity: 'warning' as const }] };
    assert.equal(scoreEdit(input, { lint: 0, diagnostics: 0, survival: 0, fixes: 0 }).score, scoreEdit(input, DEFAULT_SCORE_WEIGHTS).score);
  });

  it('uses custom weights: lint only makes the score equal the lint component', () => {
    const s = scoreEdit({ ...clean, findings: [{ severity: 'warning' }] }, { lint: 1, diagnostics: 0, survival: 0, fixes: 0 });
    assert.equal(s.score, s.components.lint);
  });
});

describe('scoreInputsFromRecords', () => {
  const edit: AssistantEditEvent = {
    schema: 1,
    id: 'e1',
    ts: 1_700_000_000_000,
    tz: 0,
    kind: 'assistant-edit',
    provenance: 'ai-inline',
    channel: 'inline-heuristic',
    assistant: 'copilot',
    language: 'python',
    file: 'a.py',
    range: { start: { line: 0, character: 0 }, end: { line: 4, character: 0 } },
    linesAdded: 4,
    linesRemoved: 1,
    charsInserted: 120,
    charsReplaced: 10,
  };
  const ref: EditRef = { editId: 'e1', editTs: edit.ts, editTz: 0, assistant: 'copilot', language: 'python' };
  const env = (i: number) => ({ schema: 1 as const, id: `r${i}`, ts: edit.ts + i * 1000, tz: 0 });

  it('collects open findings at insertion, settled diagnostics, the latest survival ≤ 5 min, fixes and outcome', () => {
    const records: DriftEvent[] = [
      { ...env(1), kind: 'finding', ref, findingKey: 'k1', ruleId: 'loop.manual-index', severity: 'info', range: edit.range, status: 'open', at: 0 },
      { ...env(2), kind: 'finding', ref, findingKey: 'k1', ruleId: 'loop.manual-index', severity: 'info', range: edit.range, status: 'open', at: 0 },
      { ...env(3), kind: 'finding', ref, findingKey: 'k2', ruleId: 'oop.god-class', severity: 'warning', range: edit.range, status: 'fixed', at: 300 },
      { ...env(4), kind: 'diagnostics', ref, at: 0, errors: 1, warnings: 0, introducedErrors: 1, introducedWarnings: 2, fixed: 0 },
      { ...env(5), kind: 'diagnostics', ref, at: 300, errors: 0, warnings: 0, introducedErrors: 0, introducedWarnings: 0, fixed: 1 },
      { ...env(6), kind: 'survival', ref, checkpoint: 120, distanceRatio: 0.1, unchanged: true, fourGramSurvival: 0.95, regionDeleted: false },
      { ...env(7), kind: 'survival', ref, checkpoint: 300, distanceRatio: 0.2, unchanged: true, fourGramSurvival: 0.8, regionDeleted: false },
      { ...env(8), kind: 'survival', ref, checkpoint: 900, distanceRatio: 0.9, unchanged: false, fourGramSurvival: 0.1, regionDeleted: false },
      { ...env(9), kind: 'follow-up-fix', ref, fixIndex: 1, provenance: 'typed', charsChanged: 7, msSinceEdit: 4000 },
      { ...env(10), kind: 'follow-up-fix', ref, fixIndex: 2, provenance: 'paste', charsChanged: 3, msSinceEdit: 9000 },
      { ...env(11), kind: 'edit-outcome', ref, outcome: 'modified' },
      { ...env(12), kind: 'finding', ref: { ...ref, editId: 'other' }, findingKey: 'x', ruleId: 'loop.try-in-loop', severity: 'error', range: edit.range, status: 'open', at: 0 },
    ];
    const inputs = scoreInputsFromRecords(edit, records);
    assert.deepEqual(inputs, {
      linesChanged: 4,
      charsInserted: 120,
      findings: [{ severity: 'info' }],
      diagnostics: { introducedErrors: 1, introducedWarnings: 2 },
      survival: { fourGramSurvival: 0.8, regionDeleted: false },
      fixes: { count: 2, chars: 10 },
      outcome: 'modified',
    });
  });
});
