/**
 * Error-budget sweep for drift detection (issue 11): how should an assistant's one-false-alert-a-year budget be spent?
 *
 * Phase 1 runs the real detector once per simulated day — power histories (a planted change; the days from the day
 * before it to six days after) and no-drift years (every day) — at a generous level (`--gate`, default 0.03), and
 * records every test it made: metric, exact scan p-value, direction and whether the effect reached the alert minimum.
 * A scan's p-value does not depend on α (only whether the Monte Carlo runs at all does, and below the gate it always
 * does), so phase 2 can replay the real decision (`driftedTests`: weighted Holm, minimum effect, then the day-before
 * confirmation) for any α, metric weights and confirmation level without re-running a test — hundreds of settings
 * in seconds. It prints, per setting, detection within 7 days for the bench's effects and volumes and the false alerts
 * per assistant-year, next to the oracle, and marks the settings within budget.
 *
 * The histories use seeds disjoint from bench/drift.bench.ts, so a setting chosen here is validated there on
 * histories it was not chosen on.
 *
 * Run: npx tsx bench/support/driftSweep.ts [--reps 200] [--years 60] [--gate 0.03] [--cache FILE] [--budget 1]
 *        [--alphas 0.007,0.01] [--confirm 0,3,4] [--weights '40/40/10/5/5;default;1/4/20/1/74']
 * A weight set is a name from WEIGHT_SETS or percent shares in the order of DRIFT_METRICS (score / acceptance /
 * survival / fix rate / findings). The recording depends on the detector's Monte Carlo resolution (`maxDraws`):
 * delete the cache file after changing it.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { DEFAULT_DRIFT_ALPHA, DEFAULT_METRIC_WEIGHTS, detectDrift, driftedTests, DRIFT_METRICS, type DriftMetric, type DriftTest } from '../../src/core/drift/detectDrift.js';
import type { DailyRollup } from '../../src/core/store/rollup.js';
import { addDays, type Day } from '../../src/core/time/day.js';
import { exactPoissonRateP, fisherLowerP, simulateRollups, windowSums, type SimChange } from '../../test/support/driftSimulation.js';

const argOf = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : fallback;
};
const REPS = Number(argOf('reps', '200'));
const YEARS = Number(argOf('years', '60'));
const GATE = Number(argOf('gate', '0.03'));
const BUDGET = Number(argOf('budget', '1'));
const CACHE = argOf('cache', `/tmp/driftwatch-drift-sweep-r${REPS}-y${YEARS}-g${GATE}.json`);
const START: Day = '2026-01-05';
const BASELINE = 28;
const RECENT = 7;
const CHANGE = BASELINE + RECENT;
const VOLUMES = [35, 70, 140];
const EFFECTS: { label: string; change: Omit<SimChange, 'day'>; metric: 'findings' | 'survival5m' }[] = [
  { label: 'findings ×1.5', change: { findingsFactor: 1.5 }, metric: 'findings' },
  { label: 'findings ×2', change: { findingsFactor: 2 }, metric: 'findings' },
  { label: 'survival −5', change: { survivalDrop: 0.05 }, metric: 'survival5m' },
  { label: 'survival −10', change: { survivalDrop: 0.1 }, metric: 'survival5m' },
];

/** A recorded test: what `driftedTests` reads. */
type Rec = [metric: number, p: number, worse: 0 | 1, effectName: DriftTest['effect']['name'], effect: number];
interface Recording {
  gate: number;
  /** [effect][volume][rep] → days (change−1 … change+6) → tests. */
  power: Rec[][][][][];
  /** [effect][volume][rep] → oracle rejected at α = 0.01. */
  oracle: boolean[][][];
  /** [volume][year] → every day's tests. */
  nullYears: Rec[][][][];
}

function record(rollups: readonly DailyRollup[], today: Day): Rec[] {
  const report = detectDrift(rollups, { today, recentDays: RECENT, baselineDays: BASELINE, minSamples: 20, alpha: GATE, confirmDays: 1 });
  return report.tests.map((t) => [DRIFT_METRICS.indexOf(t.metric), t.p, t.direction === 'worse' ? 1 : 0, t.effect.name, t.effect.value]);
}


function runPhase1(): Recording {
  const rec: Recording = { gate: GATE, power: [], oracle: [], nullYears: [] };
  const t0 = performance.now();
  for (const [ei, effect] of EFFECTS.entries()) {
    rec.power.push([]);
    rec.oracle.push([]);
    for (const v of VOLUMES) {
      const cells: Rec[][][] = [];
      const oracle: boolean[] = [];
      for (let rep = 0; rep < REPS; rep++) {
        // Seeds disjoint from bench/drift.bench.ts (which uses 1000·v + rep + 7919·effect).
        const rollups = simulateRollups({ days: CHANGE + RECENT, start: START, seed: 3_000_000 + 10_000 * v + 1000 * ei + rep, assistants: [{ id: 'sim', editsPerWeek: v, change: { day: CHANGE, ...effect.change } }] });
        const change = addDays(START, CHANGE);
        cells.push(Array.from({ length: RECENT + 1 }, (_, k) => record(rollups, addDays(change, k - 1))));
        const before = windowSums(rollups, addDays(change, -BASELINE), addDays(change, -1));
        const after = windowSums(rollups, change, addDays(change, RECENT - 1));
        const p = effect.metric === 'findings' ? exactPoissonRateP(after.findings, after.lines, before.findings, before.lines) : fisherLowerP(after.unchanged, after.checked, before.unchanged, before.checked);
        oracle.push(p < 0.01);
      }
      rec.power[ei]!.push(cells);
      rec.oracle[ei]!.push(oracle);
    }
    console.error(`recorded ${effect.label} (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
  }
  for (const v of VOLUMES) {
    const years: Rec[][][] = [];
    for (let y = 0; y < YEARS; y++) {
      const days = 365 + CHANGE;
      const rollups = simulateRollups({ days, start: START, seed: 4_000_000 + 1000 * v + y, assistants: [{ id: 'sim', editsPerWeek: v }] });
      const out: Rec[][] = [];
      for (let d = CHANGE - 1; d < days; d++) out.push(record(rollups, addDays(START, d)));
      years.push(out);
    }
    rec.nullYears.push(years);
    console.error(`recorded ${YEARS} no-drift years at ${v}/week (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
  }
  return rec;
}

interface Setting {
  name: string;
  alpha: number;
  /** Level the day before must reach; 0 = no confirmation. */
  confirmAlpha: number;
  weights: Record<DriftMetric, number>;
}

function drifted(tests: readonly Rec[], alpha: number, weights: Record<DriftMetric, number>): boolean {
  const objs = tests.map(([m, p, worse, name, value]) => ({ metric: DRIFT_METRICS[m]!, p, pAdjusted: p, direction: worse ? 'worse' : 'better', effect: { name, value, ci: [0, 0] } }) as unknown as DriftTest);
  return driftedTests(objs, alpha, weights).length > 0;
}

function evaluate(rec: Recording, s: Setting): { power: number[][]; fa: number[] } {
  const alertOn = (days: readonly Rec[][], i: number): boolean => drifted(days[i]!, s.alpha, s.weights) && (s.confirmAlpha === 0 || drifted(days[i - 1]!, s.confirmAlpha, s.weights));
  const power = rec.power.map((byVol) =>
    byVol.map((reps) => reps.filter((days) => days.some((_, i) => i >= 1 && alertOn(days, i))).length / reps.length),
  );
  const fa = rec.nullYears.map((years) => {
    let episodes = 0;
    for (const days of years) {
      let active = false;
      for (let i = 1; i < days.length; i++) {
        const a = alertOn(days, i);
        if (a && !active) episodes++;
        active = a;
      }
    }
    return episodes / years.length;
  });
  return { power, fa };
}

const WEIGHT_SETS: Record<string, Record<DriftMetric, number>> = {
  default: { ...DEFAULT_METRIC_WEIGHTS },
  '40/40/10/5/5': { findings: 0.4, survival5m: 0.4, acceptance: 0.1, fixRate: 0.05, score: 0.05 },
  '45/45/5/2.5/2.5': { findings: 0.45, survival5m: 0.45, acceptance: 0.05, fixRate: 0.025, score: 0.025 },
  '50/50': { findings: 0.5, survival5m: 0.5, acceptance: 0, fixRate: 0, score: 0 },
  'findings only': { findings: 1, survival5m: 0, acceptance: 0, fixRate: 0, score: 0 },
  'survival only': { findings: 0, survival5m: 1, acceptance: 0, fixRate: 0, score: 0 },
};

/** `75/20/5/0/0`: percent shares in the order of `DRIFT_METRICS`, normalised to sum 1; undefined when not of that form. */
function weightsFromShares(spec: string): Record<DriftMetric, number> | undefined {
  const parts = spec.split('/').map(Number);
  if (parts.length !== DRIFT_METRICS.length || parts.some((x) => !Number.isFinite(x) || x < 0)) return undefined;
  const sum = parts.reduce((a, b) => a + b, 0);
  if (sum <= 0) return undefined;
  return Object.fromEntries(DRIFT_METRICS.map((m, i) => [m, parts[i]! / sum])) as Record<DriftMetric, number>;
}

/** The grid: `--alphas 0.007,0.01`, `--confirm 0,3,4` (multiples of α for the day before; 0 = none), `--weights a;b`. */
function settings(): Setting[] {
  const alphas = argOf('alphas', '0.007,0.01,0.0125,0.015,0.02').split(',').map(Number);
  const confirms = argOf('confirm', '0,2,3,4').split(',').map(Number);
  const weightNames = argOf('weights', Object.keys(WEIGHT_SETS).filter((w) => w !== 'default').join(';')).split(';');
  const out: Setting[] = [];
  for (const wn of weightNames) {
    const weights = WEIGHT_SETS[wn] ?? weightsFromShares(wn);
    if (!weights) throw new Error(`unknown weight set ${wn}: ${Object.keys(WEIGHT_SETS).join(', ')}, or shares a/b/c/d/e in the order ${DRIFT_METRICS.join(', ')}`);
    for (const alpha of alphas) {
      for (const cm of confirms) {
        // The recording's gate bounds every level that can be replayed exactly.
        if (alpha > GATE || cm * alpha > GATE) continue;
        out.push({ name: `w ${wn} α ${alpha} confirm ${cm === 0 ? 'none' : `${cm}α`}`, alpha, confirmAlpha: cm * alpha, weights });
      }
    }
  }
  return out;
}

function main(): void {
  let rec: Recording;
  if (existsSync(CACHE)) {
    rec = JSON.parse(readFileSync(CACHE, 'utf8')) as Recording;
    console.error(`using recorded tests from ${CACHE}`);
  } else {
    rec = runPhase1();
    writeFileSync(CACHE, JSON.stringify(rec));
  }
  const oracle = rec.oracle.map((byVol) => byVol.map((reps) => reps.filter(Boolean).length / reps.length));
  const cells = EFFECTS.flatMap((e) => VOLUMES.map((v) => `${e.label}@${v}`));
  const pct = (x: number): string => (100 * x).toFixed(0).padStart(4);
  console.log(`${REPS} histories per cell, ${YEARS} no-drift years per volume; default α ${DEFAULT_DRIFT_ALPHA}; budget ${BUDGET} false alert per assistant-year`);
  console.log(`cells: ${cells.join(' ')}`);
  console.log(`${'oracle'.padEnd(52)} ${oracle.flat().map(pct).join('')}`);
  const rows = settings().map((s) => ({ s, ...evaluate(rec, s) }));
  for (const r of rows) {
    const gaps = r.power.flat().map((p, i) => p - oracle.flat()[i]!);
    // The issue's goal is stated at ~70 edits a week: its worst gap is printed apart.
    const at70 = VOLUMES.indexOf(70);
    const gaps70 = r.power.map((byVol, e) => byVol[at70]! - oracle[e]![at70]!);
    const ok = Math.max(...r.fa) <= BUDGET ? 'within' : 'OVER  ';
    console.log(`${r.s.name.padEnd(52)} ${r.power.flat().map(pct).join('')}  | worst gap ${(100 * Math.min(...gaps)).toFixed(0).padStart(3)}, at 70/week ${(100 * Math.min(...gaps70)).toFixed(0).padStart(3)} | FA/yr ${r.fa.map((x) => x.toFixed(2)).join(' ')} ${ok}`);
  }
}

main();
