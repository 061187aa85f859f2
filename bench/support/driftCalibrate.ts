/**
 * Calibration sweep for drift detection's error budget (issue 11): for one set of DriftOptions overrides (α,
 * confirmDays, confirmAlpha …), prints the detection rate within 7 days for the four planted effects at 35, 70 and 140
 * edits/week and the false alerts per assistant-year on no-drift histories — the two sides of the trade-off the
 * default α (detectDrift.ts) was chosen on. Quick and rough (defaults: 60 histories per cell, 10 years per volume);
 * confirm a choice with bench/drift.bench.ts at 300 reps / 30 years.
 *
 * Run: npx tsx bench/support/driftCalibrate.ts '{"alpha":0.007}' [reps] [years]
 */
import { detectDrift, type DriftOptions } from '../../src/core/drift/detectDrift.js';
import { addDays } from '../../src/core/time/day.js';
import { simulateRollups } from '../../test/support/driftSimulation.js';
const START = '2026-01-05';
const extra: Partial<DriftOptions> = JSON.parse(process.argv[2] ?? '{}');
const REPS = Number(process.argv[3] ?? 60), YEARS = Number(process.argv[4] ?? 10);
const opt = (today: string): DriftOptions => ({ today, recentDays: 7, baselineDays: 28, minSamples: 20, ...extra });
const EFFECTS = [{ findingsFactor: 1.5 }, { findingsFactor: 2 }, { survivalDrop: 0.05 }, { survivalDrop: 0.1 }];
const out: string[] = [JSON.stringify(extra)];
for (const [ei, eff] of EFFECTS.entries()) {
  const row: string[] = [];
  for (const v of [35, 70, 140]) {
    let det = 0;
    for (let rep = 0; rep < REPS; rep++) {
      const rollups = simulateRollups({ days: 42, start: START, seed: 1000 * v + rep + 7919 * ei, assistants: [{ id: 'sim', editsPerWeek: v, change: { day: 35, ...eff } }] });
      for (let d = 0; d < 7; d++) if (detectDrift(rollups, opt(addDays(START, 35 + d))).alerts.length) { det++; break; }
    }
    row.push(`${v}:${Math.round(100 * det / REPS)}`);
  }
  out.push(`${JSON.stringify(eff)} ${row.join(' ')}`);
}
const fa: string[] = [];
for (const v of [35, 70, 140]) {
  let ep = 0;
  for (let y = 0; y < YEARS; y++) {
    const rollups = simulateRollups({ days: 400, start: START, seed: 50_000 + 100 * v + y, assistants: [{ id: 'sim', editsPerWeek: v }] });
    let active = false;
    for (let d = 35; d < 400; d++) { const a = detectDrift(rollups, opt(addDays(START, d))).alerts.length > 0; if (a && !active) ep++; active = a; }
  }
  fa.push(`${v}:${(ep / YEARS).toFixed(2)}`);
}
out.push(`FA/yr ${fa.join(' ')}`);
console.log(out.join('\n'));
