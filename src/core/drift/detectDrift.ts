/**
 * Drift detection v2 on daily rollups. For each assistant — and each of its models when it used more than one — and
 * each metric, a change-point scan (`changePointScan.ts`) asks: is there a day in the recent window from which this
 * assistant's work got worse than before, comparing like with like? The metrics and the test that fits each:
 *
 *   findings     counts with exposure: findings over changed lines, stratified conditional Poisson scan
 *   survival5m   per-edit binary: unchanged at the 5-minute checkpoint, Cochran–Mantel–Haenszel scan
 *   acceptance   per-edit binary: kept (accepted + modified) of all outcomes, CMH scan
 *   fixRate      per-edit binary: edits with a human follow-up fix, CMH scan
 *   score        bounded 0–100: van Elteren (stratified Wilcoxon) scan on the rollup's score bins
 *
 * Strata are language × edit size (`core/store/editSize.ts`); every test conditions on each stratum's margins, so a
 * week of different work cannot look like drift. p-values are exact conditional (Monte Carlo) p-values of the scan
 * maximum, so the search over change days is paid for. Multiple testing is corrected PER ASSISTANT (Holm across
 * that assistant's metrics and models): one assistant's data never moves another's verdict. Only "worse" is tested.
 *
 * The window values shown beside a test (baseline → recent) are the panel's own numbers (`metricValues` over the
 * panel's accumulators), so the alert and the charts never disagree.
 */
import type { DailyRollup } from '../store/rollup.js';
import { addDays, type Day } from '../time/day.js';
import { addBucket, emptyMetrics, mergeMetrics, metricValues, type MetricAcc, type MetricValues } from '../panel/metrics.js';
import { scanCategoriesSteps, scanCountsSteps, type ScanResult } from './changePointScan.js';
import { runToEnd } from '../util/sliced.js';
import type { DriftWatch } from './driftDefaults.js';
import { hashSeed, seededRandom } from '../util/random.js';
import { mhRateRatio, mhRiskDifference, stratifiedMeanDifference, type Effect } from './stratifiedEffects.js';

export const DRIFT_METRICS = ['score', 'acceptance', 'survival5m', 'fixRate', 'findings'] as const;
export type DriftMetric = (typeof DRIFT_METRICS)[number];
export { DRIFT_WATCH, type DriftWatch } from './driftDefaults.js';

export interface DriftOptions {
  /** The last day of the recent window (usually today). */
  today: Day;
  /** Days in which a change may have begun (the scan's candidates). */
  recentDays: number;
  /** Days before the recent window that form the baseline. */
  baselineDays: number;
  /** Minimum observations on each side of a candidate change day for it to be tested. */
  minSamples: number;
  /**
   * Family-wise error rate per assistant and evaluation (weighted Holm across its metrics and models). Default: the
   * watch preset's ({@link WATCH_ALPHA}: 0.008 for `all`, 0.007 for one metric), calibrated by simulation
   * (bench/drift.bench.ts, `--part false`) so that, evaluated every day, drift raises at most one false alert per
   * assistant-year at 35, 70 and 140 edits a week; a per-look 1 % raised up to 1.4 at 35 a week.
   */
  alpha?: number;
  /**
   * Upper bound on Monte Carlo draws per test (default 2999: p-values down to 1/3000, below the first Holm step of
   * findings and survival at the default α). Acceptance's first step (0.008 · 4 % = 1/3125) and the 1 % shares (fix
   * rate, score) are reached only through a Bonferroni bound below that resolution — overwhelming evidence — or after
   * another metric's rejection. (3999 draws would let acceptance's step be reached; measured, it added about 0.05
   * false alerts per assistant-year for no power on findings or survival.)
   */
  maxDraws?: number;
  /**
   * Consecutive daily evaluations (ending today) that must all find the assistant drifted before it alerts (today at
   * `alpha`, the days before at `confirmAlpha`). Default 2: a chance excursion rarely lasts two days, a real change
   * does, so this cuts false alerts at the cost of at most a day's delay.
   */
  confirmDays?: number;
  /**
   * The family-wise level the earlier days of `confirmDays` must reach. Default 3·α: a chance excursion is usually
   * one day's data and leaves the day before unremarkable, while a real change shows there too, if less strongly.
   */
  confirmAlpha?: number;
  /**
   * Share of the error budget each metric gets in the weighted Holm step (renormalised over the metrics that were
   * tested), over the `watch` preset's; a metric weighted 0 is reported but never alerts.
   */
  weights?: Partial<Record<DriftMetric, number>>;
  /** Which metrics may alert: a preset of {@link weights} (default `all`); explicit `weights` override it. */
  watch?: DriftWatch;
}

/** One side of a comparison: its days, its sample size and the value the panel would show. */
export interface WindowValue {
  n: number;
  /** Mean score, proportion (0–1) or findings per 100 lines. */
  value: number;
  since: Day;
  until: Day;
}

/** What a comparison holds fixed. */
export type ControlledFor = 'language' | 'edit size';

export type DriftTestName = 'conditional-poisson-scan' | 'cmh-scan' | 'van-elteren-scan';
export type EffectName = 'rate-ratio' | 'difference' | 'mean-difference';

export interface DriftTest {
  assistant: string;
  /** Set for per-model groups; undefined for the whole assistant. */
  model?: string;
  metric: DriftMetric;
  test: DriftTestName;
  /** Change-point estimate: the first day of the "after" side. */
  since: Day;
  baseline: WindowValue;
  recent: WindowValue;
  /** Stratified effect after vs before: MH rate ratio (findings), MH difference (rates), mean difference (score points). */
  effect: { name: EffectName; value: number; ci: [number, number] };
  /** p-value of the scan (exact conditional, Monte Carlo; or a Bonferroni bound when far from significant). */
  p: number;
  /** One-sided p at the estimated change day as if it had been known in advance (for reference only). */
  pNominal: number;
  /** Holm-adjusted across the tests of this assistant only. */
  pAdjusted: number;
  method: ScanResult['method'];
  /** Number of strata (language × edit size cells) that carried data. */
  strata: number;
  controlledFor: ControlledFor[];
  direction: 'worse' | 'better' | 'same';
}

/** Something that changed for an assistant: a version update or a model switch. */
export interface DriftChange {
  ts: number;
  day: Day;
  kind: 'version' | 'model';
  from?: string;
  to?: string;
}

export interface DriftAlert {
  /** Stable identity: one notification per key (assistant + version it runs now). */
  key: string;
  assistant: string;
  /** The version the assistant runs now, when known. */
  version?: string;
  /** The worsened metrics, the most tangible first (findings, survival, acceptance, fix rate, score). */
  metrics: DriftTest[];
  /** When the drift most likely began (the leading metric's change-point estimate). */
  since: Day;
  /** A version or model change on (or a day either side of) `since`, when there was one. */
  cause?: DriftChange;
  /** Version and model changes in the analysis window, newest first. */
  changes: DriftChange[];
  controlledFor: ControlledFor[];
  /** The per-assistant family-wise error rate it was decided at. */
  alpha: number;
  /** The metrics that could alert (had a share of the error budget). */
  watched: DriftMetric[];
}

export interface DriftReport {
  windows: { recent: { since: Day; until: Day }; baseline: { since: Day; until: Day } };
  /** The per-assistant family-wise error rate the alerts were decided at. */
  alpha: number;
  /** The metrics that could alert (had a share of the error budget). */
  watched: DriftMetric[];
  tests: DriftTest[];
  alerts: DriftAlert[];
}

/** Minimum effect for an alert, so a tiny but "significant" change on a big sample stays quiet. */
const MIN_EFFECT: Record<DriftMetric, number> = { score: 2, acceptance: 0.02, survival5m: 0.02, fixRate: 0.02, findings: 1.1 };

interface MetricSpec {
  metric: DriftMetric;
  /** Sample size of an accumulator for this metric. */
  units: (a: MetricAcc) => number;
  value: (v: MetricValues) => number | null;
}

const SPECS: readonly MetricSpec[] = [
  { metric: 'findings', units: (a) => a.edits, value: (v) => v.findingsPer100 },
  { metric: 'survival5m', units: (a) => a.checked5, value: (v) => v.survival5m },
  { metric: 'acceptance', units: (a) => a.outcomes, value: (v) => v.acceptance },
  { metric: 'fixRate', units: (a) => a.edits, value: (v) => v.fixRate },
  { metric: 'score', units: (a) => a.scoreN, value: (v) => v.score },
];

/** Per-day accumulators of one group (assistant or assistant × model), per stratum. */
interface Group {
  assistant: string;
  model?: string;
  strata: Map<string, MetricAcc[]>;
}

const UNSIZED = '*';
const PRIORITY: readonly DriftMetric[] = SPECS.map((s) => s.metric);

/**
 * Share of an assistant's error budget each metric gets under the default watch (`all`, weighted Holm). The budget is
 * one false alert per assistant-year, and every share a metric holds is budget the others lose. Findings per line get
 * 74 % and survival 20 %: at ~70 edits a week this keeps both a 1.5× findings rise and a 10-point survival drop within
 * 10 points of an oracle that knows the change day (an even split lost 20 points on the findings rise). Survival holds
 * little information at such volumes — the oracle itself catches a 10-point drop 17–18 % of the time — so a small
 * share costs it a few points, while each point of budget moved to findings buys several (chosen over ~100 splits with
 * bench/support/driftSweep.ts, validated on bench/drift.bench.ts's own seeds; README "Drift"). Acceptance 4 %; the
 * follow-up fix rate (which moves with survival: an edit that did not survive is the one fixed) and the composite
 * score (which re-measures findings and survival) 1 % each, so overwhelming evidence there still alerts.
 * `driftwatch.drift.watch` gives one metric the whole budget instead. Per-model groups split their metric's share
 * equally.
 */
export const DEFAULT_METRIC_WEIGHTS: Readonly<Record<DriftMetric, number>> = Object.freeze({ findings: 0.74, survival5m: 0.2, acceptance: 0.04, fixRate: 0.01, score: 0.01 });

const ONLY = (metric: DriftMetric): Readonly<Record<DriftMetric, number>> => Object.freeze({ findings: 0, survival5m: 0, acceptance: 0, fixRate: 0, score: 0, [metric]: 1 });

/** The weights each {@link DriftWatch} preset spends the budget with. */
export const WATCH_WEIGHTS: Readonly<Record<DriftWatch, Readonly<Record<DriftMetric, number>>>> = Object.freeze({
  all: DEFAULT_METRIC_WEIGHTS,
  findings: ONLY('findings'),
  survival: ONLY('survival5m'),
});

/**
 * Family-wise α per evaluation for each preset, each calibrated by simulation to the error users meet: at most one
 * false alert per assistant-year with the detector run every day, at 35, 70 and 140 edits a week, with a margin for
 * the simulation's error (measured 0.75–0.96 for `all` on the bench's seeds and 0.80–0.83 on the sweep's, 0.70–0.87
 * for the others: bench/drift.bench.ts `--part false`, bench/support/driftSweep.ts). `all` tolerates a slightly higher
 * α: its small shares (acceptance, fix rate, score) rarely reach their Holm steps by chance.
 */
export const WATCH_ALPHA: Readonly<Record<DriftWatch, number>> = Object.freeze({ all: 0.008, findings: 0.007, survival: 0.007 });
/** α of the default watch (`all`). */
export const DEFAULT_DRIFT_ALPHA = WATCH_ALPHA.all;

/** The α an evaluation uses: the explicit one, else its watch preset's. */
export function driftAlpha(options: Pick<DriftOptions, 'watch' | 'alpha'>): number {
  return options.alpha ?? WATCH_ALPHA[options.watch ?? 'all'];
}

/** The weights an evaluation uses: the watch preset, then any explicit weights over it. */
export function driftWeights(options: Pick<DriftOptions, 'watch' | 'weights'>): Record<DriftMetric, number> {
  return { ...WATCH_WEIGHTS[options.watch ?? 'all'], ...options.weights };
}

/** Runs drift detection. Pure: the same rollups and options always give the same report. */
export function detectDrift(rollups: readonly DailyRollup[], options: DriftOptions): DriftReport {
  return runToEnd(detectDriftSteps(rollups, options));
}

/**
 * The same detection as {@link detectDrift}, as a generator that pauses between units of work (each exact-tail
 * convolution and each Monte Carlo draw of a scan, and after each test), so a host can spread an evaluation over many
 * event-loop turns instead of blocking for the whole of it. Running it to completion gives exactly `detectDrift`'s
 * report.
 */
export function* detectDriftSteps(rollups: readonly DailyRollup[], options: DriftOptions): Generator<void, DriftReport, void> {
  const report = yield* evaluateDay(rollups, options);
  const confirm = options.confirmDays ?? 2;
  if (report.alerts.length === 0 || confirm <= 1) return report;
  let confirmed = new Set(report.alerts.map((a) => a.assistant));
  for (let back = 1; back < confirm && confirmed.size > 0; back++) {
    const earlier = yield* evaluateDay(rollups, { ...options, today: addDays(options.today, -back), alpha: options.confirmAlpha ?? 3 * driftAlpha(options) }, confirmed);
    confirmed = new Set(earlier.alerts.map((a) => a.assistant).filter((a) => confirmed.has(a)));
  }
  return { ...report, alerts: report.alerts.filter((a) => confirmed.has(a.assistant)) };
}

function* evaluateDay(rollups: readonly DailyRollup[], options: DriftOptions, only?: ReadonlySet<string>): Generator<void, DriftReport, void> {
  const alpha = driftAlpha(options);
  const recentSince = addDays(options.today, -(options.recentDays - 1));
  const baselineUntil = addDays(recentSince, -1);
  const baselineSince = addDays(baselineUntil, -(options.baselineDays - 1));
  const windows = { recent: { since: recentSince, until: options.today }, baseline: { since: baselineSince, until: baselineUntil } };
  const days: Day[] = [];
  for (let d = baselineSince; d <= options.today; d = addDays(d, 1)) days.push(d);
  const dayIndex = new Map(days.map((d, i) => [d, i]));

  const inWindow = rollups.filter((r) => dayIndex.has(r.day));
  // A language whose records are partly without a size (older records) is stratified by language only.
  const unsizedLanguages = new Set<string>();
  const modelsOf = new Map<string, Set<string>>();
  for (const r of inWindow) {
    for (const b of Object.values(r.buckets)) {
      if (b.size === undefined && b.edits + b.scores.n + b.outcomes.accepted + b.outcomes.rejected > 0) unsizedLanguages.add(`${b.assistant}\u0001${b.language}`);
      if (b.model) {
        let set = modelsOf.get(b.assistant);
        if (!set) modelsOf.set(b.assistant, (set = new Set()));
        set.add(b.model);
      }
    }
  }
  const groups = new Map<string, Group>();
  const add = (key: string, assistant: string, model: string | undefined, stratum: string, day: number, b: DailyRollup['buckets'][string]): void => {
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { assistant, ...(model !== undefined ? { model } : {}), strata: new Map() }));
    let series = g.strata.get(stratum);
    if (!series) g.strata.set(stratum, (series = days.map(() => emptyMetrics())));
    addBucket(series[day]!, b);
  };
  for (const r of inWindow) {
    const d = dayIndex.get(r.day)!;
    for (const b of Object.values(r.buckets)) {
      if (only && !only.has(b.assistant)) continue;
      const sized = b.size !== undefined && !unsizedLanguages.has(`${b.assistant}\u0001${b.language}`);
      const stratum = `${b.language}\u0001${sized ? b.size : UNSIZED}`;
      add(b.assistant, b.assistant, undefined, stratum, d, b);
      // Per-model groups only add information when the assistant used several models.
      if (b.model && (modelsOf.get(b.assistant)?.size ?? 0) >= 2) add(`${b.assistant}\u0001${b.model}`, b.assistant, b.model, stratum, d, b);
    }
  }

  const firstCandidate = days.length - options.recentDays;
  const byAssistant = new Map<string, DriftTest[]>();
  for (const g of groups.values()) {
    for (const spec of SPECS) {
      const t = yield* testMetric(g, spec, days, firstCandidate, options, alpha);
      if (t) byAssistant.set(g.assistant, [...(byAssistant.get(g.assistant) ?? []), t]);
      yield;
    }
  }
  const weights = driftWeights(options);
  const watched = PRIORITY.filter((m) => weights[m] > 0);
  const verdicts = new Map([...byAssistant].map(([assistant, tests]) => [assistant, driftedTests(tests, alpha, weights)]));
  const all = [...byAssistant.values()].flat();

  const changes = collectChanges(rollups);
  const alerts: DriftAlert[] = [];
  for (const [assistant, drifted] of verdicts) {
    const top = drifted[0];
    if (!top) continue;
    const own = changes.filter((c) => c.assistant === assistant && c.day <= options.today);
    const cause = findCause(own, top.since);
    const version = currentVersion(own, options.today);
    alerts.push({
      key: `${assistant}@${version ?? 'unknown'}`,
      assistant,
      ...(version !== undefined ? { version } : {}),
      metrics: drifted,
      since: top.since,
      ...(cause ? { cause: cause.change } : {}),
      changes: own.filter((c) => c.day >= baselineSince && (c.change.kind === 'model' || c.change.from !== undefined)).map((c) => c.change).sort((a, b) => b.ts - a.ts),
      controlledFor: top.controlledFor,
      alpha,
      watched,
    });
  }
  alerts.sort((a, b) => (a.metrics[0]?.pAdjusted ?? 1) - (b.metrics[0]?.pAdjusted ?? 1));
  return { windows, alpha, watched, tests: all, alerts };
}

function* testMetric(g: Group, spec: MetricSpec, days: readonly Day[], firstCandidate: number, options: DriftOptions, alpha: number): Generator<void, DriftTest | undefined, void> {
  const strata = [...g.strata.entries()].filter(([, series]) => series.some((a) => spec.units(a) > 0));
  if (strata.length === 0) return undefined;
  const D = days.length;
  const unitsPerDay = new Array<number>(D).fill(0);
  for (const [, series] of strata) series.forEach((a, d) => (unitsPerDay[d]! += spec.units(a)));
  const total = unitsPerDay.reduce((a, x) => a + x, 0);
  const candidates: number[] = [];
  let after = 0;
  for (let c = D - 1; c >= Math.max(1, firstCandidate); c--) {
    after += unitsPerDay[c]!;
    if (after >= options.minSamples && total - after >= options.minSamples) candidates.unshift(c);
  }
  if (candidates.length === 0) return undefined;
  const scanOptions = {
    candidates,
    rand: seededRandom(hashSeed(`${g.assistant}\u0001${g.model ?? ''}\u0001${spec.metric}\u0001${days[D - 1]}`)),
    gate: alpha,
    maxDraws: options.maxDraws ?? 2999,
  };
  let scan: ScanResult | undefined;
  let test: DriftTestName;
  if (spec.metric === 'findings') {
    test = 'conditional-poisson-scan';
    scan = yield* scanCountsSteps(strata.map(([, s]) => ({ counts: s.map((a) => a.findings), exposure: s.map((a) => a.lines) })), scanOptions);
  } else if (spec.metric === 'score') {
    test = 'van-elteren-scan';
    // Lower bins are worse: badness = −bin.
    const badness = Array.from({ length: 21 }, (_, k) => -k);
    scan = yield* scanCategoriesSteps(strata.map(([, s]) => ({ days: s.map((a) => badness.map((_, k) => a.hist[k] ?? 0)) })), badness, 'van-elteren', scanOptions);
  } else {
    test = 'cmh-scan';
    scan = yield* scanCategoriesSteps(strata.map(([, s]) => ({ days: s.map((a) => binaryOf(spec.metric, a)) })), [0, 1], 'cmh', scanOptions);
  }
  if (!scan) return undefined;

  const c = scan.start;
  const before = emptyMetrics();
  const recent = emptyMetrics();
  const perStratum = strata.map(([, s]) => {
    const b = emptyMetrics();
    const r = emptyMetrics();
    s.forEach((a, d) => mergeMetrics(d >= c ? r : b, a));
    mergeMetrics(before, b);
    mergeMetrics(recent, r);
    return { b, r };
  });
  const effect = effectOf(spec.metric, perStratum);
  if (!effect) return undefined;
  const bv = spec.value(metricValues(before));
  const rv = spec.value(metricValues(recent));
  if (bv === null || rv === null) return undefined;
  const sizes = new Set(strata.map(([k]) => k.split('\u0001')[1]));
  const controlledFor: ControlledFor[] = ['language'];
  if (![...sizes].every((s) => s === UNSIZED)) controlledFor.push('edit size');
  return {
    assistant: g.assistant,
    ...(g.model !== undefined ? { model: g.model } : {}),
    metric: spec.metric,
    test,
    since: days[c]!,
    baseline: { n: spec.units(before), value: bv, since: days[0]!, until: days[c - 1]! },
    recent: { n: spec.units(recent), value: rv, since: days[c]!, until: days[D - 1]! },
    effect,
    p: scan.p,
    pNominal: scan.pNominal,
    pAdjusted: scan.p,
    method: scan.method,
    strata: strata.length,
    controlledFor,
    direction: directionOf(spec.metric, effect.value),
  };
}

/** [good, bad] units of a per-edit binary metric, oriented so category 1 is the worse outcome. */
function binaryOf(metric: DriftMetric, a: MetricAcc): [number, number] {
  if (metric === 'survival5m') return [a.unchanged5, a.checked5 - a.unchanged5];
  if (metric === 'acceptance') return [a.kept, a.outcomes - a.kept];
  return [a.edits - a.editsFixed, a.editsFixed];
}

function effectOf(metric: DriftMetric, strata: readonly { b: MetricAcc; r: MetricAcc }[]): { name: EffectName; value: number; ci: [number, number] } | undefined {
  let e: Effect | undefined;
  if (metric === 'findings') {
    e = mhRateRatio(strata.map(({ b, r }) => ({ a: r.findings, e1: r.lines, b: b.findings, e0: b.lines })));
    return e && { name: 'rate-ratio', ...e };
  }
  if (metric === 'score') {
    e = stratifiedMeanDifference(strata.map(({ b, r }) => ({ h1: r.hist, h0: b.hist })));
    return e && { name: 'mean-difference', ...e };
  }
  const [x, n] =
    metric === 'survival5m'
      ? [(a: MetricAcc) => a.unchanged5, (a: MetricAcc) => a.checked5]
      : metric === 'acceptance'
        ? [(a: MetricAcc) => a.kept, (a: MetricAcc) => a.outcomes]
        : [(a: MetricAcc) => a.editsFixed, (a: MetricAcc) => a.edits];
  e = mhRiskDifference(strata.map(({ b, r }) => ({ x1: x(r), n1: n(r), x0: x(b), n0: n(b) })));
  return e && { name: 'difference', ...e };
}

function directionOf(metric: DriftMetric, effect: number): DriftTest['direction'] {
  const neutral = metric === 'findings' ? 1 : 0;
  if (effect === neutral) return 'same';
  const higherIsWorse = metric === 'findings' || metric === 'fixRate';
  return effect > neutral === higherIsWorse ? 'worse' : 'better';
}

function bigEnough(t: DriftTest): boolean {
  const min = MIN_EFFECT[t.metric];
  if (t.effect.name === 'rate-ratio') return t.effect.value >= min;
  return Math.abs(t.effect.value) >= min;
}

/**
 * One assistant's verdict: sets each test's Holm-adjusted p (weighted by metric, {@link weightedHolm}) and returns the
 * tests that show drift — worse, significant at `alpha` after adjustment, and at least the minimum effect. Every
 * listed metric is significant; the most tangible leads (findings, then survival, acceptance, fix rate, score),
 * whole-assistant tests before per-model ones, then the smaller p. Exported for the calibration sweep
 * (bench/support/driftSweep.ts), which replays recorded tests under other budgets.
 */
export function driftedTests(tests: DriftTest[], alpha: number, weights: Readonly<Record<DriftMetric, number>> = DEFAULT_METRIC_WEIGHTS): DriftTest[] {
  weightedHolm(tests, weights);
  return tests
    .filter((t) => t.direction === 'worse' && t.pAdjusted < alpha && bigEnough(t))
    .sort((a, b) => PRIORITY.indexOf(a.metric) - PRIORITY.indexOf(b.metric) || Number(a.model !== undefined) - Number(b.model !== undefined) || a.p - b.p);
}

/**
 * Weighted Holm step-down (Holm 1979, weighted form), in place, over one assistant's tests: with weights w summing
 * to 1, the test with the smallest p/w is rejected at level α when p/w ≤ α, the next when p/w ≤ α·(remaining weight)
 * … The adjusted p is the smallest α at which the test would be rejected, so "pAdjusted < α" is the decision.
 */
function weightedHolm(tests: DriftTest[], weights: Readonly<Record<DriftMetric, number>>): void {
  const groups = new Map<DriftMetric, number>();
  for (const t of tests) groups.set(t.metric, (groups.get(t.metric) ?? 0) + 1);
  const metricWeight = [...groups.keys()].reduce((a, m) => a + weights[m], 0);
  const w = tests.map((t) => (metricWeight > 0 ? weights[t.metric] / metricWeight / groups.get(t.metric)! : 0));
  // A test without budget (weight 0) is never rejected; it goes last so it cannot move the others.
  const ratio = (i: number): number => (w[i]! > 0 ? tests[i]!.p / w[i]! : Infinity);
  const order = tests.map((_, i) => i).sort((a, b) => ratio(a) - ratio(b));
  let remaining = 1;
  let running = 0;
  for (const i of order) {
    running = Math.max(running, w[i]! > 0 ? Math.min(1, ratio(i) * remaining) : 1);
    tests[i]!.pAdjusted = running;
    remaining -= w[i]!;
  }
}

interface AssistantChange {
  assistant: string;
  day: Day;
  change: DriftChange;
  version?: string;
}

function collectChanges(rollups: readonly DailyRollup[]): AssistantChange[] {
  const out: AssistantChange[] = [];
  for (const r of rollups) {
    for (const m of r.versions) {
      const base = { assistant: m.assistant, day: r.day, ...(m.version !== undefined ? { version: m.version } : {}) };
      if (m.version !== m.previousVersion) out.push({ ...base, change: { ts: m.ts, day: r.day, kind: 'version', ...(m.previousVersion !== undefined ? { from: m.previousVersion } : {}), ...(m.version !== undefined ? { to: m.version } : {}) } });
      if (m.previousModel !== undefined && m.model !== m.previousModel) out.push({ ...base, change: { ts: m.ts, day: r.day, kind: 'model', from: m.previousModel, ...(m.model !== undefined ? { to: m.model } : {}) } });
    }
  }
  return out;
}

/** The version (preferred) or model change within a day of the change-point estimate. */
function findCause(changes: readonly AssistantChange[], since: Day): AssistantChange | undefined {
  const near = changes.filter((c) => c.day >= addDays(since, -1) && c.day <= addDays(since, 1) && (c.change.kind === 'model' || c.change.from !== undefined));
  return near.find((c) => c.change.kind === 'version') ?? near[0];
}

function currentVersion(changes: readonly AssistantChange[], today: Day): string | undefined {
  let best: AssistantChange | undefined;
  for (const c of changes) {
    if (c.day > today || c.version === undefined) continue;
    if (!best || c.change.ts > best.change.ts) best = c;
  }
  return best?.version;
}
