/**
 * The drift evaluation's longest hold of the host thread on very large histories (100k and 500k assistant edits a
 * year, the panel benchmark's volumes), built in memory: the last 45 days of the demo history at that volume, rolled
 * up as the store rolls them up. Measured in the same run: the evaluation sliced on the host (the fallback, and the
 * only path before the drift worker) and in the drift worker thread (Node hosts). The hold is the worst lateness of a
 * 1 ms interval timer on the host thread while the evaluation runs (what the extension host could not answer; on a
 * loaded 2-core machine it includes the worker thread taking the host's core), beside the same timer on an idle host;
 * for the sliced path also its longest slice, for the worker the host's own longest synchronous stretch. Reports must
 * be identical.
 */
import { generateDemoHistory } from '../../src/core/demo/demoHistory.js';
import { detectDrift, detectDriftSteps } from '../../src/core/drift/detectDrift.js';
import { runSliced } from '../../src/core/util/sliced.js';
import { DriftWorkerThread } from '../../src/node/driftWorkerThread.js';
import { applyToRollups, type DailyRollup } from '../../src/core/store/rollup.js';
import { dayOf, type Day } from '../../src/core/time/day.js';
import { fmtMs, median, report } from '../benchUtil.js';

const END = Date.UTC(2026, 10, 20, 19, 0, 0);
const TODAY: Day = dayOf(END, 0);

export function largeHistoryRollups(editsPerYear: number): DailyRollup[] {
  const rollups = new Map<Day, DailyRollup>();
  const volume = editsPerYear / (46 * 365);
  for (const e of generateDemoHistory({ days: 45, endTs: END, detail: 'lean', volume, codeText: false, seed: 9, drift: { assistant: 'claude-code', daysAgo: 6, toVersion: '1.0.31' } })) {
    applyToRollups(rollups, e);
  }
  return [...rollups.values()].sort((a, b) => (a.day < b.day ? -1 : 1));
}

export const DRIFT_OPTIONS = { today: TODAY, recentDays: 7, baselineDays: 28, minSamples: 20 };

/** Every step's duration (ms) of one evaluation run step by step. */
export function stepTimes(rollups: readonly DailyRollup[]): number[] {
  const steps = detectDriftSteps(rollups, DRIFT_OPTIONS);
  const out: number[] = [];
  for (;;) {
    const t = performance.now();
    const next = steps.next();
    out.push(performance.now() - t);
    if (next.done) return out;
  }
}

/** Runs `fn` while a 1 ms timer watches the host thread; returns its result and the worst lateness seen. */
async function held<T>(fn: () => Promise<T>): Promise<{ result: T; holdMs: number }> {
  let worst = 0;
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    worst = Math.max(worst, now - last - 1);
    last = now;
  }, 1);
  try {
    const result = await fn();
    return { result, holdMs: worst };
  } finally {
    clearInterval(timer);
  }
}

export async function runPanelHold(): Promise<void> {
  const worker = new DriftWorkerThread(new URL('../../test/support/driftWorkerFromSource.mjs', import.meta.url));
  try {
    // Start and warm the worker (its first evaluation also compiles the statistics).
    await worker.evaluate(largeHistoryRollups(20_000), DRIFT_OPTIONS);
    for (const perYear of [100_000, 500_000]) {
      const t = performance.now();
      const rollups = largeHistoryRollups(perYear);
      console.log(`\n-- drift evaluation, ${perYear.toLocaleString()} edits/yr (45 days rolled up in ${fmtMs(performance.now() - t)}) --`);
      const expected = JSON.stringify(detectDrift(rollups, DRIFT_OPTIONS));
      const slicedHold: number[] = [];
      const slicedLongest: number[] = [];
      const slicedWall: number[] = [];
      const workerHold: number[] = [];
      const workerPost: number[] = [];
      const workerWall: number[] = [];
      const idleHold: number[] = [];
      for (let i = 0; i < 5; i++) {
        let w = performance.now();
        const s = await held(() => runSliced(detectDriftSteps(rollups, DRIFT_OPTIONS), { now: () => performance.now(), pause: () => new Promise((r) => setTimeout(r, 0)) }));
        slicedWall.push(performance.now() - w);
        slicedHold.push(s.holdMs);
        slicedLongest.push(s.result.stats.longestSliceMs);
        if (JSON.stringify(s.result.value) !== expected) throw new Error('sliced report differs');
        w = performance.now();
        const o = await held(() => worker.evaluate(rollups, DRIFT_OPTIONS));
        workerWall.push(performance.now() - w);
        workerHold.push(o.holdMs);
        workerPost.push(worker.longestPostMs);
        if (JSON.stringify(o.result) !== expected) throw new Error('worker report differs');
        // Baseline in the same run: the same timer while the host thread only waits as long (machine noise, GC).
        idleHold.push((await held(() => new Promise((r) => setTimeout(r, workerWall[workerWall.length - 1])))).holdMs);
      }
      report('sliced on the host: wall time', `median ${fmtMs(median(slicedWall))}`);
      report('  longest host hold (timer lateness) / longest slice', `median ${fmtMs(median(slicedHold))} / ${fmtMs(median(slicedLongest))}`);
      report('drift worker thread: wall time', `median ${fmtMs(median(workerWall))}`);
      report('  longest host hold (timer lateness)', `median ${fmtMs(median(workerHold))}`);
      report('  baseline: the same timer on an idle host for as long', `median ${fmtMs(median(idleHold))}`);
      report('  the host\'s own longest synchronous stretch (posting days)', `median ${fmtMs(median(workerPost))}`);
      report('  ratio of holds, sliced / worker', `${(median(slicedHold) / Math.max(0.01, median(workerHold))).toFixed(1)}×`);
      report('  reports identical (sliced, worker, unsliced)', 'yes');
    }
  } finally {
    worker.dispose();
  }
}
