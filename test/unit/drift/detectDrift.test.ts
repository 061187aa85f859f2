import assert from 'node:assert/strict';
import { DEMO_DRIFT, generateDemoHistory } from '../../../src/core/demo/demoHistory.js';
import { detectDrift, driftWeights, type DriftOptions, type DriftReport } from '../../../src/core/drift/detectDrift.js';
import { applyToRollups, type DailyRollup } from '../../../src/core/store/rollup.js';
import { addDays } from '../../../src/core/time/day.js';
import type { DemoOptions } from '../../../src/core/demo/demoHistory.js';
import { simulateRollups } from '../../support/driftSimulation.js';

const END = Date.parse('2025-06-30T17:00:00Z');
const OPTIONS: DriftOptions = { today: '2025-06-30', recentDays: 7, baselineDays: 28, minSamples: 20 };
const START = '2026-01-05';

function rollupsOf(options: DemoOptions): DailyRollup[] {
  const map = new Map<string, DailyRollup>();
  for (const e of generateDemoHistory(options)) applyToRollups(map, e);
  return [...map.values()].sort((a, b) => a.day.localeCompare(b.day));
}

const testsOf = (report: DriftReport, assistant: string) => report.tests.filter((t) => t.assistant === assistant);

describe('detectDrift (v2)', () => {
  it('raises exactly one plain alert for the planted drift: the assistant, when it began, the version change, what was controlled for', () => {
    const report = detectDrift(rollupsOf({ days: 90, endTs: END, seed: 11, drift: DEMO_DRIFT }), OPTIONS);
    assert.equal(report.alerts.length, 1, JSON.stringify(report.alerts.map((a) => a.key)));
    const alert = report.alerts[0]!;
    assert.equal(alert.key, 'claude-code@1.0.31');
    assert.equal(alert.since, '2025-06-24', 'the change began 6 days before the end');
    assert.deepEqual([alert.cause?.kind, alert.cause?.from, alert.cause?.to], ['version', '1.0.30', '1.0.31']);
    assert.deepEqual(alert.controlledFor, ['language', 'edit size']);
    const findings = alert.metrics.find((m) => m.metric === 'findings');
    assert.ok(findings, 'findings per line drifted');
    assert.equal(findings.test, 'conditional-poisson-scan');
    assert.ok(findings.effect.value > 1.5 && findings.effect.ci[0] > 1, `rate ratio ${findings.effect.value} [${findings.effect.ci}]`);
    assert.ok(findings.recent.value > findings.baseline.value);
    // So strong that the Bonferroni bound over candidate days is below what the Monte Carlo could resolve.
    assert.ok(findings.method === 'bonferroni' ? findings.p < 1 / 3000 : findings.p <= 1 / 3000 + 1e-12, `${findings.method} p ${findings.p}`);
    assert.equal(alert.metrics[0]!.metric, 'findings', 'the most tangible metric leads the alert');
    assert.ok(findings.pAdjusted >= findings.p && findings.pAdjusted < report.alpha);
    for (const m of alert.metrics) assert.equal(m.direction, 'worse');
  });

  for (const seed of [1, 2, 3, 4, 5]) {
    it(`raises no alert on a demo history without a drop (seed ${seed})`, () => {
      const report = detectDrift(rollupsOf({ days: 60, endTs: END, seed }), OPTIONS);
      assert.ok(report.tests.length >= 15, `only ${report.tests.length} tests ran`);
      assert.deepEqual(report.alerts.map((a) => a.key), []);
    });
  }

  it('isolates assistants: a planted 2.5× drift in one never changes another\'s tests or verdict', () => {
    for (const seed of [1, 2, 3]) {
      const calm = { id: 'calm', editsPerWeek: 70 };
      const withDrift = simulateRollups({ days: 42, start: START, seed, assistants: [calm, { id: 'drifty', editsPerWeek: 70, change: { day: 36, findingsFactor: 2.5, survivalDrop: 0.15, version: '2.0.0' } }] });
      const without = simulateRollups({ days: 42, start: START, seed, assistants: [calm, { id: 'drifty', editsPerWeek: 70 }] });
      const today = addDays(START, 41);
      const a = detectDrift(withDrift, { ...OPTIONS, today });
      const b = detectDrift(without, { ...OPTIONS, today });
      assert.deepEqual(a.alerts.map((x) => x.assistant), ['drifty'], `seed ${seed}`);
      assert.deepEqual(testsOf(a, 'calm'), testsOf(b, 'calm'), 'the calm assistant\'s p-values and adjustments are identical');
      assert.ok(!a.alerts.some((x) => x.assistant === 'calm'));
    }
  });

  it('compares like with like: a shift towards large TypeScript edits (higher raw finding rate, same quality) is no drift', () => {
    const rollups = simulateRollups({ days: 42, start: START, seed: 5, assistants: [{ id: 'mix', editsPerWeek: 140, mixShift: { day: 35, large: 0.6, typescript: 0.9 } }] });
    const report = detectDrift(rollups, { ...OPTIONS, today: addDays(START, 41) });
    const findings = report.tests.find((t) => t.metric === 'findings')!;
    // The crude rate rose a lot: an unstratified comparison would call it drift.
    assert.ok(findings.recent.value / findings.baseline.value > 1.3, `crude ratio ${findings.recent.value / findings.baseline.value}`);
    assert.ok(findings.effect.ci[0] < 1 && findings.effect.ci[1] > 1, `stratified rate ratio ${findings.effect.value} [${findings.effect.ci}] contains 1`);
    assert.ok(findings.strata >= 4);
    assert.deepEqual(report.alerts, []);
  });

  it('falls back to language-only strata when older records carry no edit size, and says so', () => {
    const rollups = simulateRollups({ days: 42, start: START, seed: 8, assistants: [{ id: 'old', editsPerWeek: 140, change: { day: 36, findingsFactor: 3 } }] });
    for (const r of rollups) for (const b of Object.values(r.buckets)) delete b.size;
    const report = detectDrift(rollups, { ...OPTIONS, today: addDays(START, 41) });
    assert.deepEqual(report.alerts[0]?.controlledFor, ['language']);
  });

  it('estimates when the change began and ties it to the version change on that day', () => {
    const rollups = simulateRollups({ days: 42, start: START, seed: 13, assistants: [{ id: 'cp', editsPerWeek: 140, change: { day: 37, findingsFactor: 3, version: '4.2.0' } }] });
    const report = detectDrift(rollups, { ...OPTIONS, today: addDays(START, 41) });
    const alert = report.alerts[0]!;
    assert.ok(Math.abs(Date.parse(alert.since) - Date.parse(addDays(START, 37))) <= 86_400_000, `since ${alert.since}`);
    assert.equal(alert.cause?.to, '4.2.0');
    assert.equal(alert.key, 'cp@4.2.0');
  });

  it('requires two consecutive days of evidence (confirmDays) before alerting', () => {
    const rollups = simulateRollups({ days: 42, start: START, seed: 13, assistants: [{ id: 'cp', editsPerWeek: 140, change: { day: 37, findingsFactor: 3 } }] });
    const today = addDays(START, 41);
    const single = detectDrift(rollups, { ...OPTIONS, today, confirmDays: 1 });
    const confirmed = detectDrift(rollups, { ...OPTIONS, today });
    assert.equal(single.alerts.length, 1);
    assert.equal(confirmed.alerts.length, 1);
    // On the first day with enough data after the change, the single-day rule may alert but confirmation cannot.
    const firstDay = addDays(START, 38);
    const early = detectDrift(rollups, { ...OPTIONS, today: firstDay });
    const earlySingle = detectDrift(rollups, { ...OPTIONS, today: firstDay, confirmDays: 1 });
    assert.ok(early.alerts.length <= earlySingle.alerts.length);
    assert.equal(detectDrift(rollups, { ...OPTIONS, today: addDays(START, 37) }).alerts.length, 0, 'no alert on the change day itself');
  });

  it('adjusts with weighted Holm within each assistant: adjusted p ≥ raw p, monotone in p/weight', () => {
    const report = detectDrift(rollupsOf({ days: 70, endTs: END, seed: 3 }), { ...OPTIONS, baselineDays: 56 });
    for (const assistant of new Set(report.tests.map((t) => t.assistant))) {
      const tests = testsOf(report, assistant);
      for (const t of tests) assert.ok(t.pAdjusted >= t.p - 1e-15 && t.pAdjusted <= 1);
    }
    assert.ok(report.tests.some((t) => t.assistant === 'copilot' && t.model === 'gpt-4.1'), 'per-model groups when an assistant used several models');
    assert.equal(detectDrift(rollupsOf({ days: 70, endTs: END, seed: 3 }), { ...OPTIONS, minSamples: 10_000 }).tests.length, 0);
  });

  it('gives findings 74 % of the error budget, survival 20 %, acceptance 4 %, fix rate and score 1 % each', () => {
    // One assistant, one model, a planted findings rise: all five metrics are tested, so the first Holm step is p / w.
    const rollups = simulateRollups({ days: 42, start: START, seed: 5, assistants: [{ id: 'sim', editsPerWeek: 140, change: { day: 35, findingsFactor: 2.5 } }] });
    const evaluated = detectDrift(rollups, { ...OPTIONS, today: addDays(START, 41) });
    const tests = evaluated.tests;
    assert.equal(tests.length, 5);
    const weight = { findings: 0.74, survival5m: 0.2, acceptance: 0.04, fixRate: 0.01, score: 0.01 } as const;
    const first = [...tests].sort((a, b) => a.p / weight[a.metric] - b.p / weight[b.metric])[0]!;
    assert.equal(first.metric, 'findings');
    assert.ok(Math.abs(first.pAdjusted - Math.min(1, first.p / 0.74)) < 1e-12, `${first.pAdjusted} vs ${first.p} / 0.74`);
    // The second step is p / w over the budget the first left: 1 − 0.74.
    const second = [...tests].sort((a, b) => a.p / weight[a.metric] - b.p / weight[b.metric])[1]!;
    assert.ok(Math.abs(second.pAdjusted - Math.max(first.pAdjusted, Math.min(1, (second.p / weight[second.metric]) * 0.26))) < 1e-12);
    assert.equal(evaluated.alpha, 0.008, 'the default watch (all) evaluates at its calibrated α');
    assert.equal(detectDrift(rollups, { ...OPTIONS, today: addDays(START, 41), watch: 'findings' }).alpha, 0.007, 'one watched metric: its own α');
    assert.equal(detectDrift(rollups, { ...OPTIONS, today: addDays(START, 41), alpha: 0.01 }).alpha, 0.01, 'an explicit α wins');
  });

  it('spends the error budget as the weights say: a metric weighted 0 is reported but never alerts, and never moves the others', () => {
    const rollups = simulateRollups({ days: 42, start: START, seed: 5, assistants: [{ id: 'sim', editsPerWeek: 140, change: { day: 35, findingsFactor: 2.5 } }] });
    const today = addDays(START, 41);
    const normal = detectDrift(rollups, { ...OPTIONS, today });
    assert.equal(normal.alerts[0]?.metrics[0]?.metric, 'findings');
    const muted = detectDrift(rollups, { ...OPTIONS, today, weights: { findings: 0 } });
    const findings = muted.tests.find((t) => t.metric === 'findings')!;
    assert.equal(findings.pAdjusted, 1, 'no budget, no rejection');
    assert.equal(findings.p, normal.tests.find((t) => t.metric === 'findings')!.p, 'the test itself is unchanged');
    assert.ok(!muted.alerts.some((a) => a.metrics.some((m) => m.metric === 'findings')));
    // The others share the whole budget now: their adjusted p can only fall.
    for (const t of muted.tests.filter((x) => x.metric !== 'findings')) assert.ok(t.pAdjusted <= normal.tests.find((x) => x.metric === t.metric)!.pAdjusted + 1e-12, t.metric);
  });

  it('watch presets give one metric the whole budget: a survival drop alerts under all and survival, never under findings', () => {
    const rollups = simulateRollups({ days: 42, start: START, seed: 8, assistants: [{ id: 'sim', editsPerWeek: 280, change: { day: 35, survivalDrop: 0.2 } }] });
    const today = addDays(START, 41);
    const verdict = (watch?: DriftOptions['watch']) => detectDrift(rollups, { ...OPTIONS, today, ...(watch ? { watch } : {}) });
    const all = verdict();
    assert.deepEqual(all.watched, ['findings', 'survival5m', 'acceptance', 'fixRate', 'score']);
    assert.ok(all.alerts[0]?.metrics.some((m) => m.metric === 'survival5m'), 'all: survival alerts');
    const survival = verdict('survival');
    assert.deepEqual(survival.alerts[0]?.watched, ['survival5m']);
    assert.deepEqual(survival.alerts[0]?.metrics.map((m) => m.metric), ['survival5m']);
    const s = (r: DriftReport) => r.tests.find((t) => t.metric === 'survival5m')!;
    assert.ok(s(survival).pAdjusted <= s(all).pAdjusted, 'the whole budget: adjusted p no larger than under all');
    const findings = verdict('findings');
    assert.equal(findings.alerts.length, 0, 'survival cannot alert when only findings is watched');
    assert.equal(findings.tests.length, all.tests.length, 'every metric is still tested and reported');
    assert.deepEqual(driftWeights({ watch: 'findings', weights: { survival5m: 0.5 } }), { findings: 1, survival5m: 0.5, acceptance: 0, fixRate: 0, score: 0 }, 'explicit weights override the preset');
  });

  it('returns no tests and no alerts for an empty store', () => {
    assert.deepEqual(detectDrift([], OPTIONS).alerts, []);
    assert.deepEqual(detectDrift([], OPTIONS).tests, []);
  });
});
