import assert from 'node:assert/strict';
import { DEMO_DRIFT, generateDemoHistory } from '../../../src/core/demo/demoHistory.js';
import { detectDrift, type DriftOptions } from '../../../src/core/drift/detectDrift.js';
import { applyToRollups, type DailyRollup } from '../../../src/core/store/rollup.js';
import type { DemoOptions } from '../../../src/core/demo/demoHistory.js';

const END = Date.parse('2025-06-30T17:00:00Z');
const OPTIONS: DriftOptions = { today: '2025-06-30', recentDays: 7, baselineDays: 28, minSamples: 20 };

function rollupsOf(options: DemoOptions): DailyRollup[] {
  const map = new Map<string, DailyRollup>();
  for (const e of generateDemoHistory(options)) applyToRollups(map, e);
  return [...map.values()].sort((a, b) => a.day.localeCompare(b.day));
}

describe('detectDrift', () => {
  it('raises exactly one alert for the planted drop, naming the assistant, its new version and the version change', () => {
    const report = detectDrift(rollupsOf({ days: 90, endTs: END, seed: 11, drift: DEMO_DRIFT }), OPTIONS);
    assert.deepEqual(report.windows, { recent: { since: '2025-06-24', until: '2025-06-30' }, baseline: { since: '2025-05-27', until: '2025-06-23' } });
    assert.equal(report.alerts.length, 1, JSON.stringify(report.alerts.map((a) => a.key)));
    const alert = report.alerts[0]!;
    assert.equal(alert.assistant, 'claude-code');
    assert.equal(alert.version, '1.0.31');
    assert.equal(alert.key, 'claude-code@1.0.31');
    assert.deepEqual(alert.changes.map((c) => [c.kind, c.from, c.to]), [['version', '1.0.30', '1.0.31']]);
    const score = alert.metrics.find((m) => m.metric === 'score');
    assert.ok(score, 'the score metric drifted');
    assert.equal(score.test, 'mann-whitney-u');
    assert.ok(score.recent.value < score.baseline.value - 8);
    assert.ok(score.effect.ci[1] < 0, 'the effect interval excludes no change');
    assert.ok(score.q < 0.05 && score.q >= score.p);
  });

  for (const seed of [1, 2, 3, 4, 5]) {
    it(`raises no alert on history without a drop (seed ${seed})`, () => {
      const report = detectDrift(rollupsOf({ days: 60, endTs: END, seed }), OPTIONS);
      assert.ok(report.tests.length >= 15, `only ${report.tests.length} tests ran`);
      assert.deepEqual(report.alerts.map((a) => a.key), []);
    });
  }

  it('tests per model when an assistant used several models, and skips metrics under the minimum sample size', () => {
    const rollups = rollupsOf({ days: 70, endTs: END, seed: 3 });
    // copilot switched gpt-4o → gpt-4.1 45 days before the end: a 56-day baseline sees both models.
    const report = detectDrift(rollups, { ...OPTIONS, baselineDays: 56 });
    assert.deepEqual(report.alerts, []);
    assert.ok(report.tests.some((t) => t.assistant === 'copilot' && t.model === 'gpt-4.1'));
    assert.ok(!report.tests.some((t) => t.assistant === 'cursor' && t.model !== undefined));
    const strict = detectDrift(rollups, { ...OPTIONS, minSamples: 10_000 });
    assert.equal(strict.tests.length, 0);
  });

  it('adjusts p-values with Benjamini–Hochberg across every test of the run', () => {
    const report = detectDrift(rollupsOf({ days: 60, endTs: END, seed: 11, drift: DEMO_DRIFT }), OPTIONS);
    const m = report.tests.length;
    const sorted = [...report.tests].sort((a, b) => a.p - b.p);
    // Reference BH computed here: q(i) = min over j ≥ i of p(j)·m/j.
    let running = 1;
    const expected = new Map<number, number>();
    for (let i = m; i >= 1; i--) {
      running = Math.min(running, (sorted[i - 1]!.p * m) / i);
      expected.set(i, running);
    }
    sorted.forEach((t, idx) => assert.ok(Math.abs(t.q - expected.get(idx + 1)!) < 1e-12, `${t.assistant} ${t.metric}`));
  });

  it('returns no tests and no alerts for an empty store', () => {
    assert.deepEqual(detectDrift([], OPTIONS).alerts, []);
    assert.deepEqual(detectDrift([], OPTIONS).tests, []);
  });
});
