import assert from 'node:assert/strict';
import { DEMO_DRIFT, generateDemoHistory } from '../../../src/core/demo/demoHistory.js';
import { detectDrift, detectDriftSteps } from '../../../src/core/drift/detectDrift.js';
import { applyToRollups, type DailyRollup } from '../../../src/core/store/rollup.js';
import { runSliced } from '../../../src/core/util/sliced.js';

/** A generator of `n` steps, each advancing a fake clock by `cost` ms, returning n. */
function* work(n: number, clock: { t: number }, cost: number): Generator<void, number, void> {
  for (let i = 0; i < n; i++) {
    clock.t += cost;
    yield;
  }
  return n;
}

describe('runSliced', () => {
  it('pauses once per budget of work and returns the generator value', async () => {
    const clock = { t: 0 };
    let pauses = 0;
    const { value, stats } = await runSliced(work(10, clock, 5), { budgetMs: 12, now: () => clock.t, pause: async () => void pauses++ });
    assert.equal(value, 10);
    // 5 ms steps, 12 ms budget: three steps per slice (15 ms), the eleventh call returns the value.
    assert.equal(stats.slices, 4);
    assert.equal(pauses, 3);
    assert.equal(stats.longestSliceMs, 15);
    assert.equal(stats.busyMs, 50);
  });

  it('runs a step longer than the budget alone in its slice', async () => {
    const clock = { t: 0 };
    const { stats } = await runSliced(work(3, clock, 40), { budgetMs: 12, now: () => clock.t, pause: async () => undefined });
    assert.equal(stats.slices, 4);
    assert.equal(stats.longestSliceMs, 40);
  });

  it('gives drift detection exactly the report of the unsliced run', async () => {
    const map = new Map<string, DailyRollup>();
    for (const e of generateDemoHistory({ days: 45, endTs: Date.parse('2025-06-30T17:00:00Z'), seed: 3, drift: DEMO_DRIFT })) applyToRollups(map, e);
    const rollups = [...map.values()].sort((a, b) => a.day.localeCompare(b.day));
    const options = { today: '2025-06-30', recentDays: 7, baselineDays: 28, minSamples: 20 };
    let pauses = 0;
    const { value, stats } = await runSliced(detectDriftSteps(rollups, options), { budgetMs: 0, now: () => performance.now(), pause: async () => void pauses++ });
    assert.deepEqual(value, detectDrift(rollups, options));
    assert.equal(value.alerts.length, 1);
    assert.ok(stats.slices > 5 && pauses === stats.slices - 1, `${stats.slices} slices, ${pauses} pauses`);
  });
});
