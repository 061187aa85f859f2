/**
 * Drift detection power benchmark (issue 11): on simulated assistant histories (test/support/driftSimulation.ts),
 * how often drift v2 raises an alert within a week of a planted change, against an ORACLE that knows the change
 * day and the metric (exact conditional Poisson test for findings per line, one-sided Fisher test for survival,
 * unstratified, α = 0.01, same data: the baseline before the change and the week after it); and how many false
 * alerts it raises per assistant-year on histories without any change (an episode = a day with an alert after a day
 * without).
 *
 * Run: npm run bench -- --only drift   [--reps 200] [--years 20] [--part power|false] [--watch all|findings|survival]
 * (`--watch`: which metrics may alert, the setting driftwatch.drift.watch; default all)
 * Each power cell prints its Monte Carlo standard error: √(p(1 − p)/reps).
 */
import { detectDrift, DRIFT_WATCH, type DriftOptions, type DriftWatch } from '../src/core/drift/detectDrift.js';
import { addDays, type Day } from '../src/core/time/day.js';
import { exactPoissonRateP, fisherLowerP, simulateRollups, windowSums, type SimChange } from '../test/support/driftSimulation.js';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const REPS = arg('reps', 150);
/** `--part power` or `--part false` runs one half (e.g. two processes side by side); default both. */
const PART = process.argv.includes('--part') ? process.argv[process.argv.indexOf('--part') + 1] : 'both';
const YEARS = arg('years', 15);
const WATCH = (process.argv.includes('--watch') ? process.argv[process.argv.indexOf('--watch') + 1] : 'all') as DriftWatch;
if (!DRIFT_WATCH.includes(WATCH)) throw new Error(`--watch must be one of ${DRIFT_WATCH.join('|')}`);
const START: Day = '2026-01-05';
const RECENT = 7;
const BASELINE = 28;
const HORIZON = 7;
const ORACLE_ALPHA = 0.01;

function options(today: Day): DriftOptions {
  return { today, recentDays: RECENT, baselineDays: BASELINE, minSamples: 20, watch: WATCH };
}


type Effect = { label: string; change: Omit<SimChange, 'day'>; metric: 'findings' | 'survival5m' };
const EFFECTS: Effect[] = [
  { label: 'findings/line ×1.5', change: { findingsFactor: 1.5 }, metric: 'findings' },
  { label: 'findings/line ×2', change: { findingsFactor: 2 }, metric: 'findings' },
  { label: 'survival@5m −5 pts', change: { survivalDrop: 0.05 }, metric: 'survival5m' },
  { label: 'survival@5m −10 pts', change: { survivalDrop: 0.1 }, metric: 'survival5m' },
];
const VOLUMES = [35, 70, 140];

function powerCell(effect: Effect, perWeek: number): { detector: number; oracle: number; sinceErr: number } {
  const changeDay = BASELINE + 7;
  const days = changeDay + HORIZON;
  let detected = 0;
  let oracle = 0;
  let sinceErrSum = 0;
  for (let rep = 0; rep < REPS; rep++) {
    const rollups = simulateRollups({ days, start: START, seed: 1000 * perWeek + rep + 7919 * EFFECTS.indexOf(effect), assistants: [{ id: 'sim', editsPerWeek: perWeek, change: { day: changeDay, ...effect.change } }] });
    const change = addDays(START, changeDay);
    for (let d = 0; d < HORIZON; d++) {
      const today = addDays(change, d);
      const report = detectDrift(rollups, options(today));
      const alert = report.alerts.find((a) => a.assistant === 'sim');
      if (alert) {
        detected++;
        const diff = (Date.parse(alert.since) - Date.parse(change)) / 86_400_000;
        sinceErrSum += Math.abs(diff);
        break;
      }
    }
    const before = windowSums(rollups, addDays(change, -BASELINE), addDays(change, -1));
    const after = windowSums(rollups, change, addDays(change, HORIZON - 1));
    const p = effect.metric === 'findings' ? exactPoissonRateP(after.findings, after.lines, before.findings, before.lines) : fisherLowerP(after.unchanged, after.checked, before.unchanged, before.checked);
    if (p < ORACLE_ALPHA) oracle++;
  }
  return { detector: detected / REPS, oracle: oracle / REPS, sinceErr: detected > 0 ? sinceErrSum / detected : NaN };
}

function falseAlerts(perWeek: number): { episodes: number; years: number; alertDays: number } {
  let episodes = 0;
  let alertDays = 0;
  for (let y = 0; y < YEARS; y++) {
    const days = 365 + BASELINE + RECENT;
    const rollups = simulateRollups({ days, start: START, seed: 50_000 + 100 * perWeek + y, assistants: [{ id: 'sim', editsPerWeek: perWeek }] });
    let active = false;
    for (let d = BASELINE + RECENT; d < days; d++) {
      const report = detectDrift(rollups, options(addDays(START, d)));
      const alert = report.alerts.length > 0;
      if (alert) alertDays++;
      if (alert && !active) episodes++;
      active = alert;
    }
  }
  return { episodes, years: YEARS, alertDays };
}

const pct = (x: number): string => `${(100 * x).toFixed(0)}%`.padStart(5);
const se = (p: number): string => `±${(100 * Math.sqrt((p * (1 - p)) / REPS)).toFixed(0)}`;

function main(): void {
  const t0 = performance.now();
  if (PART !== 'false') {
    console.log(`power: alert within ${HORIZON} days of the change; ${REPS} histories per cell; baseline ${BASELINE} d, recent ${RECENT} d; watch ${WATCH}`);
    console.log(`${'effect'.padEnd(22)} ${'edits/wk'.padStart(8)} ${'drift v2'.padStart(10)} ${'oracle'.padStart(10)} ${'gap'.padStart(6)}  ${'|since err| d'.padStart(13)}`);
    for (const effect of EFFECTS) {
      for (const v of VOLUMES) {
        const r = powerCell(effect, v);
        console.log(`${effect.label.padEnd(22)} ${String(v).padStart(8)} ${pct(r.detector)} ${se(r.detector).padStart(4)} ${pct(r.oracle)} ${se(r.oracle).padStart(4)} ${`${((r.detector - r.oracle) * 100).toFixed(0)}`.padStart(6)}  ${r.sinceErr.toFixed(1).padStart(13)}`);
      }
    }
  }
  if (PART !== 'power') {
    console.log(`\nfalse alerts on no-drift histories (daily evaluation for a year, ${YEARS} assistant-years per volume; watch ${WATCH})`);
    for (const v of VOLUMES) {
      const r = falseAlerts(v);
      console.log(`${String(v).padStart(4)} edits/wk: ${(r.episodes / r.years).toFixed(2)} false alerts per assistant-year (${r.episodes} episodes, ${r.alertDays} alert-days in ${r.years} years)`);
    }
  }
  console.log(`\nfinished in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
}

main();
