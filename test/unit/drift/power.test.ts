/**
 * Two points of the power curve that bench/drift.bench.ts prints (150 histories per cell), re-checked on fresh
 * histories here within their simulation error (3 standard errors of a 30-history estimate), so a change that
 * quietly costs power or raises false alerts fails a unit test rather than only a benchmark nobody reads.
 */
import assert from 'node:assert/strict';
import { detectDrift } from '../../../src/core/drift/detectDrift.js';
import { addDays } from '../../../src/core/time/day.js';
import { simulateRollups } from '../../support/driftSimulation.js';

const START = '2026-01-05';
const CHANGE = 35;
const HORIZON = 7;

function detectionRate(reps: number, seed0: number, findingsFactor: number, perWeek: number): number {
  let hits = 0;
  for (let rep = 0; rep < reps; rep++) {
    const rollups = simulateRollups({ days: CHANGE + HORIZON, start: START, seed: seed0 + rep, assistants: [{ id: 'sim', editsPerWeek: perWeek, change: { day: CHANGE, findingsFactor } }] });
    for (let d = 0; d < HORIZON; d++) {
      if (detectDrift(rollups, { today: addDays(START, CHANGE + d), recentDays: 7, baselineDays: 28, minSamples: 20 }).alerts.length > 0) {
        hits++;
        break;
      }
    }
  }
  return hits / reps;
}

describe('drift power (simulation)', function () {
  this.timeout(120_000);
  const REPS = 30;

  it('detects a 2× rise in findings per line at 140 edits/week within a week (bench: 99 % ± 1)', () => {
    const p = detectionRate(REPS, 900_000, 2, 140);
    const se = Math.sqrt((0.99 * 0.01) / REPS);
    assert.ok(p >= 0.99 - 3 * Math.max(se, 0.03), `detected ${(p * 100).toFixed(0)} %`);
  });

  it('rarely alerts within a week when nothing changed (bench: ≈ 0.8 false alerts per assistant-year, ≈ 1.5 % of weeks)', () => {
    const p = detectionRate(REPS, 800_000, 1, 70);
    // ≤ 1 false alert per assistant-year is ≤ ~2 % per week; 30 histories can show at most a couple by chance.
    assert.ok(p <= 0.1, `false alerts in ${(p * 100).toFixed(0)} % of weeks`);
  });

  it('raises about one false alert per assistant-year or fewer at 35 edits/week, evaluated daily (bench: ≤ 1), fewer than a per-look 5 %', function () {
    this.timeout(300_000);
    // Two years at the lowest volume, where the minimum-effect filter removes nothing and every chance excursion counts.
    const YEARS = 2;
    const episodes = (alpha?: number): number => {
      let n = 0;
      for (let y = 0; y < YEARS; y++) {
        const days = 365 + 35;
        const rollups = simulateRollups({ days, start: START, seed: 700_000 + y, assistants: [{ id: 'sim', editsPerWeek: 35 }] });
        let active = false;
        for (let d = 35; d < days; d++) {
          const alert = detectDrift(rollups, { today: addDays(START, d), recentDays: 7, baselineDays: 28, minSamples: 20, ...(alpha !== undefined ? { alpha } : {}) }).alerts.length > 0;
          if (alert && !active) n++;
          active = alert;
        }
      }
      return n;
    };
    const calibrated = episodes();
    // At ≤ 1 a year, 2 years show Poisson(≤ 2) episodes: more than 5 has probability < 2 %.
    assert.ok(calibrated <= 5, `${calibrated} false alerts in ${YEARS} assistant-years`);
    // The same histories at a 5 % family-wise level per look: the budget is what keeps the count down.
    const loose = episodes(0.05);
    assert.ok(loose > calibrated, `α = 0.05 gave ${loose}, the default ${calibrated}`);
  });
});
