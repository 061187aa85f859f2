import assert from 'node:assert/strict';
import { describeAlert, describeAlertTitle, describeSince, describeWatched } from '../../../src/core/drift/describeAlert.js';
import type { DriftMetric } from '../../../src/core/drift/detectDrift.js';

const metric = (m: DriftMetric, base: number, recent: number, effect?: number) => ({
  metric: m,
  baseline: { value: base },
  recent: { value: recent },
  ...(effect !== undefined ? { effect: { name: m === 'findings' ? 'rate-ratio' : 'difference', value: effect } } : {}),
});

describe('describeAlert', () => {
  it('speaks plainly first: the assistant, how much worse, since which version; then other metrics and the controls', () => {
    const text = describeAlert({
      assistant: 'claude-code',
      version: '1.0.31',
      since: '2025-06-24',
      cause: { kind: 'version', to: '1.0.31' },
      metrics: [metric('findings', 8.04, 21.7, 2.71), metric('score', 83.6, 70.2), metric('acceptance', 0.95, 0.851)],
      controlledFor: ['language', 'edit size'],
    });
    assert.equal(text, "claude-code's code has 2.7× more findings per line since 1.0.31. Also score 84 → 70, acceptance 95% → 85%. Compared like with like: same language and edit size.");
  });

  it('words each metric as a user would notice it, and names the model of a per-model drift', () => {
    const base = { assistant: 'copilot', since: '2025-06-20' };
    assert.equal(describeAlertTitle({ ...base, metrics: [metric('survival5m', 0.8, 0.62)] }), "Less of copilot's code survives 5 minutes unchanged since 2025-06-20: 62%, was 80%");
    assert.equal(describeAlertTitle({ ...base, metrics: [metric('acceptance', 0.95, 0.85)] }), "You keep fewer of copilot's edits since 2025-06-20: 85%, was 95%");
    assert.equal(describeAlertTitle({ ...base, metrics: [metric('fixRate', 0.2, 0.31)] }), "You fix more of copilot's edits by hand since 2025-06-20: 31%, was 20%");
    assert.equal(describeAlertTitle({ ...base, metrics: [{ ...metric('score', 84, 70), model: 'gpt-4.1' }] }), "copilot (gpt-4.1)'s score fell from 84 to 70 since 2025-06-20");
    assert.equal(describeAlertTitle({ ...base, metrics: [metric('findings', 5, 10)] }), "copilot's code has 2.0× more findings per line since 2025-06-20");
  });

  it('says "since" the version, else the model switch, else the estimated day', () => {
    assert.equal(describeSince({ since: '2025-06-20', cause: { kind: 'version', to: '1.2' } }), 'since 1.2');
    assert.equal(describeSince({ since: '2025-06-20', cause: { kind: 'model', to: 'gpt-4.1' } }), 'since switching to gpt-4.1');
    assert.equal(describeSince({ since: '2025-06-20' }), 'since 2025-06-20');
    assert.equal(describeSince({}), '');
  });

  it('names the watched metrics only when the watch was narrowed', () => {
    assert.equal(describeWatched(['findings', 'survival5m', 'acceptance', 'fixRate', 'score']), '');
    assert.equal(describeWatched(undefined), '');
    assert.equal(describeWatched(['findings']), 'Only findings/100 lines may alert (setting driftwatch.drift.watch); the error budget is all theirs.');
    assert.match(describeWatched(['survival5m']), /^Only survival@5 min may alert/);
  });
});
