/**
 * Like-with-like history inside the real extension host: history scored by an older rule set reaches the store (as
 * after a Driftwatch update, or from a window still running the old build), the background re-scorer re-lints the
 * stored code with the extension's own engine, and the trend of an assistant that did not change stays flat.
 */
import * as assert from 'node:assert/strict';
import { ALL_RULES } from '../../src/core/lint/registry.js';
import { ruleSetId } from '../../src/core/lint/ruleSet.js';
import { daysToRescore } from '../../src/core/rescore/rescoreStore.js';
import { rescoreHistory } from '../support/rescoreHistory.js';
import { driftwatch, waitFor, waitForLog } from './util.js';

const ASSISTANT = 'itest-rescore';

describe('re-scoring after a rule change (extension host)', () => {
  it('re-lints history scored by older rules in the background, and the trend stays flat where the assistant did not change', async () => {
    const dw = await driftwatch();
    const current = ruleSetId(ALL_RULES);
    const tz = -new Date().getTimezoneOffset();
    // Eight days ending a week ago, local midnights; the first five scored by an older release's rules.
    const start = Math.floor((Date.now() + tz * 60_000) / 86_400_000) * 86_400_000 - tz * 60_000 - 15 * 86_400_000;
    const history = rescoreHistory({ start, days: 8, editsPerDay: 3, changeDay: 5, oldRuleSet: '0.0badc0de', currentRuleSet: current, withText: true, assistant: ASSISTANT, tz, idPrefix: `it${Date.now().toString(36)}` });
    const perDay = (): { findings: number; score: number; ruleSets: string[] }[] =>
      dw.store
        .rollups()
        .map((r) => {
          const mine = Object.values(r.buckets).filter((b) => b.assistant === ASSISTANT);
          const scored = mine.reduce((s, b) => s + b.scores.n, 0);
          return {
            findings: mine.reduce((s, b) => s + Object.values(b.findings).reduce((t, f) => t + f.open, 0), 0),
            score: scored > 0 ? mine.reduce((s, b) => s + b.scores.sum, 0) / scored : -1,
            ruleSets: Object.keys(r.ruleSets).sort(),
            scored,
          };
        })
        .filter((d) => d.scored > 0);
    assert.equal(dw.store.append(history).length, history.length);
    const before = perDay();
    assert.deepEqual(before.map((d) => d.findings), [0, 0, 0, 0, 0, 3, 3, 3], 'before: the old rules found nothing, so the trend steps at the change');

    // Nobody asks for it: the service notices history scored by other rules and re-scores it.
    await waitFor(() => daysToRescore(dw.store.rollups(), current).length === 0 && perDay().every((d) => d.findings === 3), { timeout: 60_000, message: 'the background re-score to finish' });
    const after = perDay();
    assert.deepEqual(after.map((d) => d.findings), new Array(8).fill(3), 'same code, same rules: the same findings every day');
    assert.ok(after.every((d) => Math.abs(d.score - after[7]!.score) < 1e-9), `scores flat: ${after.map((d) => d.score).join(', ')}`);
    assert.ok(after.every((d) => !d.ruleSets.includes('0.0badc0de')), 'no day is scored by the old rules any more');
    await waitForLog('re-score: done');
    assert.ok((dw.rescore?.lastSummary?.rescored ?? 0) >= 15, 'the extension re-linted the 15 old edits');
  });
});
