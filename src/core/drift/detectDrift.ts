/**
 * Drift detection on daily rollups: for each assistant (and each of its models when it used more than one), compare
 * the recent window with the baseline window that precedes it, metric by metric, with a test suited to the data:
 *
 *   score        Mann–Whitney U on the per-edit score histograms (ties = same 5-point bin)
 *   acceptance   two-proportion z-test: kept (accepted + modified) / all outcomes
 *   survival5m   two-proportion z-test: edits unchanged at the 5-minute checkpoint / edits checked
 *   fixRate      two-proportion z-test: edits with ≥ 1 follow-up fix / assistant edits
 *   findings     conditional Poisson rate test: open findings per 100 assistant-written lines
 *
 * A metric is tested only when both windows have at least `minSamples` observations. All p-values of one run (every
 * group × metric) are adjusted together with Benjamini–Hochberg, which bounds the share of false alarms among the
 * alerts. A drift is a metric that got WORSE with q < alpha and a non-trivial effect; improvements are reported in
 * the tests but never alerted. Drifts are grouped per assistant into one alert, keyed by the assistant and the
 * version it runs now, so one regression raises exactly one notification.
 */
import padjust from '@stdlib/stats-padjust';
import type { DailyRollup } from '../store/rollup.js';
import { addDays, type Day } from '../time/day.js';
import { mannWhitneyFromHistograms } from './mannWhitney.js';
import { poissonRateTest, twoProportionTest } from './proportions.js';

export const DRIFT_METRICS = ['score', 'acceptance', 'survival5m', 'fixRate', 'findings'] as const;
export type DriftMetric = (typeof DRIFT_METRICS)[number];

export interface DriftOptions {
  /** The last day of the recent window (usually today). */
  today: Day;
  recentDays: number;
  baselineDays: number;
  /** Minimum observations per window for a metric to be tested. */
  minSamples: number;
  /** False discovery rate for alerts. Default 0.05. */
  alpha?: number;
}

/** One metric's window aggregate: the displayed value and the sample size it rests on. */
export interface WindowValue {
  n: number;
  /** Mean score, proportion (0–1) or findings per 100 lines. */
  value: number;
}

export interface DriftTest {
  assistant: string;
  /** Set for per-model groups; undefined for the whole assistant. */
  model?: string;
  metric: DriftMetric;
  test: 'mann-whitney-u' | 'two-proportion-z' | 'poisson-rate';
  baseline: WindowValue;
  recent: WindowValue;
  /** Effect size: rank-biserial r (score), difference of proportions (rates), rate ratio (findings). */
  effect: { name: 'rank-biserial' | 'difference' | 'rate-ratio'; value: number; ci: [number, number] };
  p: number;
  /** Benjamini–Hochberg adjusted p-value across all tests of the run. */
  q: number;
  direction: 'worse' | 'better' | 'same';
}

/** Something that changed for an assistant around the recent window: a version update or a model switch. */
export interface DriftChange {
  ts: number;
  kind: 'version' | 'model';
  from?: string;
  to?: string;
}

export interface DriftAlert {
  /** Stable identity: one notification per key (assistant + version it runs now). */
  key: string;
  assistant: string;
  /** The version the assistant runs in the recent window, when known. */
  version?: string;
  /** The worsened metrics, most significant first. */
  metrics: DriftTest[];
  /** Version and model changes from the start of the baseline's last week to today, newest first. */
  changes: DriftChange[];
}

export interface DriftReport {
  windows: { recent: { since: Day; until: Day }; baseline: { since: Day; until: Day } };
  tests: DriftTest[];
  alerts: DriftAlert[];
}

/** Minimum effect for an alert, so a tiny but "significant" change on a big sample stays quiet. */
const MIN_EFFECT: Record<DriftMetric, number> = { score: 0.1, acceptance: 0.03, survival5m: 0.03, fixRate: 0.03, findings: 1.15 };

interface Acc {
  edits: number;
  hist: number[];
  scoreN: number;
  scoreSum: number;
  kept: number;
  outcomes: number;
  unchanged5: number;
  checked5: number;
  editsFixed: number;
  findings: number;
  lines: number;
}

function emptyAcc(): Acc {
  return { edits: 0, hist: [], scoreN: 0, scoreSum: 0, kept: 0, outcomes: 0, unchanged5: 0, checked5: 0, editsFixed: 0, findings: 0, lines: 0 };
}

/** Runs drift detection. Pure: the same rollups and options always give the same report. */
export function detectDrift(rollups: readonly DailyRollup[], options: DriftOptions): DriftReport {
  const alpha = options.alpha ?? 0.05;
  const recentSince = addDays(options.today, -(options.recentDays - 1));
  const baselineUntil = addDays(recentSince, -1);
  const baselineSince = addDays(baselineUntil, -(options.baselineDays - 1));
  const windows = { recent: { since: recentSince, until: options.today }, baseline: { since: baselineSince, until: baselineUntil } };

  // group key → [baseline, recent]
  const groups = new Map<string, { assistant: string; model?: string; acc: [Acc, Acc] }>();
  const modelsPerAssistant = new Map<string, Set<string>>();
  const addToGroup = (key: string, model: string | undefined, w: 0 | 1, b: DailyRollup['buckets'][string]): void => {
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { assistant: b.assistant, ...(model !== undefined ? { model } : {}), acc: [emptyAcc(), emptyAcc()] }));
    addBucket(g.acc[w], b);
  };
  const versionMarkers: { ts: number; day: Day; assistant: string; version?: string; previousVersion?: string; model?: string; previousModel?: string }[] = [];
  for (const r of rollups) {
    for (const v of r.versions) versionMarkers.push({ ...v, day: r.day });
    if (r.day < baselineSince || r.day > options.today) continue;
    const w: 0 | 1 = r.day >= recentSince ? 1 : 0;
    for (const b of Object.values(r.buckets)) {
      if (b.model) {
        let set = modelsPerAssistant.get(b.assistant);
        if (!set) modelsPerAssistant.set(b.assistant, (set = new Set()));
        set.add(b.model);
      }
      addToGroup(b.assistant, undefined, w, b);
      if (b.model) addToGroup(`${b.assistant}\u0001${b.model}`, b.model, w, b);
    }
  }

  const tests: Omit<DriftTest, 'q'>[] = [];
  for (const g of groups.values()) {
    // Per-model groups only add information when the assistant used several models.
    if (g.model !== undefined && (modelsPerAssistant.get(g.assistant)?.size ?? 0) < 2) continue;
    tests.push(...testGroup(g.assistant, g.model, g.acc[0], g.acc[1], options.minSamples));
  }
  const q = tests.length > 0 ? padjust(tests.map((t) => t.p), 'bh') : [];
  const all: DriftTest[] = tests.map((t, i) => ({ ...t, q: q[i] ?? 1 }));

  const byAssistant = new Map<string, DriftTest[]>();
  for (const t of all) {
    if (t.direction !== 'worse' || t.q >= alpha || !bigEnough(t)) continue;
    byAssistant.set(t.assistant, [...(byAssistant.get(t.assistant) ?? []), t]);
  }
  const alerts: DriftAlert[] = [];
  for (const [assistant, metrics] of byAssistant) {
    metrics.sort((a, b) => a.q - b.q || a.p - b.p);
    const markers = versionMarkers
      .filter((m) => m.assistant === assistant && m.day >= addDays(baselineUntil, -6) && m.day <= options.today)
      .sort((a, b) => b.ts - a.ts);
    const changes: DriftChange[] = [];
    for (const m of markers) {
      if (m.previousVersion !== undefined && m.version !== m.previousVersion) changes.push({ ts: m.ts, kind: 'version', from: m.previousVersion, ...(m.version !== undefined ? { to: m.version } : {}) });
      if (m.previousModel !== undefined && m.model !== m.previousModel) changes.push({ ts: m.ts, kind: 'model', from: m.previousModel, ...(m.model !== undefined ? { to: m.model } : {}) });
    }
    const version = currentVersion(versionMarkers, assistant, options.today);
    alerts.push({ key: `${assistant}@${version ?? 'unknown'}`, assistant, ...(version !== undefined ? { version } : {}), metrics, changes });
  }
  alerts.sort((a, b) => (a.metrics[0]?.q ?? 1) - (b.metrics[0]?.q ?? 1));
  return { windows, tests: all, alerts };
}

function currentVersion(markers: readonly { ts: number; day: Day; assistant: string; version?: string }[], assistant: string, today: Day): string | undefined {
  let best: { ts: number; version?: string } | undefined;
  for (const m of markers) {
    if (m.assistant !== assistant || m.day > today || m.version === undefined) continue;
    if (!best || m.ts > best.ts) best = m;
  }
  return best?.version;
}

function addBucket(acc: Acc, b: DailyRollup['buckets'][string]): void {
  acc.edits += b.edits;
  for (let k = 0; k < b.scores.hist.length; k++) acc.hist[k] = (acc.hist[k] ?? 0) + (b.scores.hist[k] ?? 0);
  acc.scoreN += b.scores.n;
  acc.scoreSum += b.scores.sum;
  acc.kept += b.outcomes.accepted + b.outcomes.modified;
  acc.outcomes += b.outcomes.accepted + b.outcomes.modified + b.outcomes.rejected + b.outcomes.deleted;
  const s5 = b.survival['300'];
  if (s5) {
    acc.unchanged5 += s5.unchanged;
    acc.checked5 += s5.n;
  }
  acc.editsFixed += b.fixes.editsFixed;
  for (const f of Object.values(b.findings)) acc.findings += f.open;
  acc.lines += b.linesAdded;
}

function direction(delta: number, higherIsBetter: boolean): DriftTest['direction'] {
  if (delta === 0) return 'same';
  return delta > 0 === higherIsBetter ? 'better' : 'worse';
}

function testGroup(assistant: string, model: string | undefined, base: Acc, recent: Acc, minSamples: number): Omit<DriftTest, 'q'>[] {
  const out: Omit<DriftTest, 'q'>[] = [];
  const id = { assistant, ...(model !== undefined ? { model } : {}) };
  if (base.scoreN >= minSamples && recent.scoreN >= minSamples) {
    const mw = mannWhitneyFromHistograms(recent.hist, base.hist);
    if (mw) {
      out.push({
        ...id,
        metric: 'score',
        test: 'mann-whitney-u',
        baseline: { n: base.scoreN, value: base.scoreSum / base.scoreN },
        recent: { n: recent.scoreN, value: recent.scoreSum / recent.scoreN },
        effect: { name: 'rank-biserial', value: mw.rankBiserial, ci: mw.ci },
        p: mw.p,
        direction: direction(mw.rankBiserial, true),
      });
    }
  }
  const prop = (metric: DriftMetric, x1: number, n1: number, x0: number, n0: number, higherIsBetter: boolean): void => {
    if (n0 < minSamples || n1 < minSamples) return;
    const t = twoProportionTest(x1, n1, x0, n0);
    if (!t) return;
    out.push({
      ...id,
      metric,
      test: 'two-proportion-z',
      baseline: { n: n0, value: t.p2 },
      recent: { n: n1, value: t.p1 },
      effect: { name: 'difference', value: t.diff, ci: t.ci },
      p: t.p,
      direction: direction(t.diff, higherIsBetter),
    });
  };
  prop('acceptance', recent.kept, recent.outcomes, base.kept, base.outcomes, true);
  prop('survival5m', recent.unchanged5, recent.checked5, base.unchanged5, base.checked5, true);
  prop('fixRate', recent.editsFixed, recent.edits, base.editsFixed, base.edits, false);
  if (base.edits >= minSamples && recent.edits >= minSamples && base.lines > 0 && recent.lines > 0) {
    const t = poissonRateTest(recent.findings, recent.lines, base.findings, base.lines);
    if (t) {
      out.push({
        ...id,
        metric: 'findings',
        test: 'poisson-rate',
        baseline: { n: base.edits, value: 100 * t.rate2 },
        recent: { n: recent.edits, value: 100 * t.rate1 },
        effect: { name: 'rate-ratio', value: t.ratio, ci: t.ci },
        p: t.p,
        direction: t.rate1 === t.rate2 ? 'same' : t.rate1 > t.rate2 ? 'worse' : 'better',
      });
    }
  }
  return out;
}

function bigEnough(t: DriftTest): boolean {
  const min = MIN_EFFECT[t.metric];
  if (t.effect.name === 'rate-ratio') return t.effect.value >= min;
  return Math.abs(t.effect.value) >= min;
}
