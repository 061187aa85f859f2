import assert from 'node:assert/strict';
import { describeAlert, describeAlertTitle } from '../../../src/core/drift/describeAlert.js';

const metric = (m: 'score' | 'acceptance' | 'findings', base: number, recent: number) => ({ metric: m, baseline: { value: base }, recent: { value: recent } });

describe('describeAlert', () => {
  it('names the assistant and the version it updated to, then the worsened metrics in their units', () => {
    const text = describeAlert({
      assistant: 'claude-code',
      version: '1.0.31',
      metrics: [metric('score', 83.6, 70.2), metric('acceptance', 0.95, 0.851), metric('findings', 8.04, 15.8)],
      changes: [{ kind: 'version', to: '1.0.31' }],
    });
    assert.equal(text, 'claude-code quality dropped after updating to 1.0.31: score 84 → 70, acceptance 95% → 85%, findings/100 lines 8.0 → 15.8.');
  });

  it('falls back to a model switch, then to the current version, when no version change is recorded', () => {
    assert.equal(describeAlertTitle({ assistant: 'copilot', version: '1.2', metrics: [], changes: [{ kind: 'model', to: 'gpt-4.1' }] }), 'copilot quality dropped after switching model to gpt-4.1');
    assert.equal(describeAlertTitle({ assistant: 'copilot', version: '1.2', metrics: [], changes: [] }), 'copilot quality dropped (version 1.2)');
    assert.equal(describeAlertTitle({ assistant: 'copilot', metrics: [], changes: [] }), 'copilot quality dropped');
  });
});
