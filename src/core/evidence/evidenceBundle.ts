/**
 * The evidence report for a vendor: what a user attaches to an assistant's issue tracker after Driftwatch saw its
 * quality drift. Built from the same computations the sidebar uses — drift v2 (`detectDrift`: change point, effect
 * sizes with confidence intervals, per-assistant multiple-testing correction), the panel's daily series
 * (`buildPanelData`) and the stratified rate ratio (`mhRateRatio`) for the per-rule rises — so the report, the alert
 * and the charts can never disagree.
 *
 * Pure: rollups (and the examples the user chose) in, a JSON-able bundle out. The bundle carries no file path and
 * no code except in examples the caller marked `includeCode` (see `evidenceExamples.ts`).
 */
import { detectDrift, type DriftMetric, type DriftOptions, type DriftReport, type DriftTest, type EffectName } from '../drift/detectDrift.js';
import { describeAlertTitle, describeControls, describeWatched, METRIC_LABEL } from '../drift/describeAlert.js';
import { mhRateRatio, type RateStratum } from '../drift/stratifiedEffects.js';
import { ruleMeta } from '../lint/ruleCatalog.js';
import { buildPanelData } from '../panel/buildPanelData.js';
import type { DailyRollup } from '../store/rollup.js';
import { addDays, type Day } from '../time/day.js';
import type { EvidenceExample } from './evidenceExamples.js';

/** Version of the bundle's JSON shape (`report.json`). */
export const EVIDENCE_FORMAT = 1 as const;

export interface EvidenceWindow {
  since: Day;
  until: Day;
}

export interface EvidenceMetric {
  metric: DriftMetric;
  label: string;
  /** Set when the test is for one of the assistant's models. */
  model?: string;
  test: DriftTest['test'];
  /** Change-point estimate of this metric (first day of "after"). */
  since: Day;
  before: { n: number; value: number; since: Day; until: Day };
  after: { n: number; value: number; since: Day; until: Day };
  effect: { name: EffectName; value: number; ci: [number, number]; level: 0.95 };
  p: number;
  pAdjusted: number;
  direction: DriftTest['direction'];
  /** Worse and significant at the assistant's family-wise level (what the alert lists). */
  significant: boolean;
  strata: number;
}

export interface EvidenceRule {
  ruleId: string;
  title: string;
  summary: string;
  why: string;
  /** The rule's documentation page, relative to Driftwatch's repository (and packaged extension) root. */
  docPath: string;
  severity: string;
  before: { findings: number; lines: number; per100: number };
  after: { findings: number; lines: number; per100: number };
  /** Mantel–Haenszel rate ratio after/before over language × edit-size strata, when both sides have findings. */
  rateRatio?: { value: number; ci: [number, number]; level: 0.95 };
}

export interface EvidenceSeries {
  days: Day[];
  edits: number[];
  findingsPer100: (number | null)[];
  survival5m: (number | null)[];
  acceptance: (number | null)[];
  fixRate: (number | null)[];
  score: (number | null)[];
}

export interface EvidenceChange {
  day: Day;
  kind: 'version' | 'model';
  from?: string;
  to?: string;
}

export interface EvidenceBundle {
  format: typeof EVIDENCE_FORMAT;
  generatedAt: string;
  tool: { name: 'driftwatch'; version: string };
  assistant: string;
  /** Plain-language summary (the alert's headline, or that no drift was found). */
  headline: string;
  drifted: boolean;
  /** "Compared like with like: …" */
  controls: string;
  /** Family-wise error rate per assistant the verdict was decided at. */
  alpha: number;
  windows: { before: EvidenceWindow; after: EvidenceWindow; changePoint: Day };
  versions: { before: string[]; after: string[] };
  models: { before: Record<string, number>; after: Record<string, number> };
  edits: { before: number; after: number };
  changes: EvidenceChange[];
  /** The version or model change the drift coincides with, when there is one. */
  cause?: EvidenceChange;
  metrics: EvidenceMetric[];
  rules: EvidenceRule[];
  series: EvidenceSeries;
  examples: EvidenceExample[];
  method: string[];
}

export interface EvidenceInputs {
  assistant: string;
  /** Every stored rollup (the builder picks the analysis window). */
  rollups: readonly DailyRollup[];
  drift: DriftOptions;
  /**
   * A report `detectDrift` already made of these rollups with these options (the editor's drift monitor keeps one), so
   * the evidence states exactly what the alert said and the host does not run the scans a second time.
   */
  report?: DriftReport;
  /** Examples the user reviewed and ticked, already shaped by `toEvidenceExample` (code only where chosen). */
  examples?: readonly EvidenceExample[];
  generatedAt: string;
  toolVersion: string;
  /** Most rules listed (default 10). */
  maxRules?: number;
}

/** The most tangible metric first, as the alert lists them. */
export const METRIC_ORDER: readonly DriftMetric[] = ['findings', 'survival5m', 'acceptance', 'fixRate', 'score'];

const round = (x: number, digits = 4): number => Math.round(x * 10 ** digits) / 10 ** digits;

/** Builds the evidence bundle for one assistant. */
export function buildEvidence(inputs: EvidenceInputs): EvidenceBundle {
  const { assistant, drift: options } = inputs;
  const report = inputs.report ?? detectDrift(inputs.rollups, options);
  const alert = report.alerts.find((a) => a.assistant === assistant);
  const changePoint = alert?.since ?? report.windows.recent.since;
  const before: EvidenceWindow = { since: report.windows.baseline.since, until: addDays(changePoint, -1) };
  const after: EvidenceWindow = { since: changePoint, until: options.today };
  const inRange = inputs.rollups.filter((r) => r.day >= before.since && r.day <= after.until);

  const metrics = report.tests
    .filter((t) => t.assistant === assistant)
    .sort((a, b) => Number(a.model !== undefined) - Number(b.model !== undefined) || METRIC_ORDER.indexOf(a.metric) - METRIC_ORDER.indexOf(b.metric) || (a.model ?? '').localeCompare(b.model ?? ''))
    .map((t): EvidenceMetric => ({
      metric: t.metric,
      label: METRIC_LABEL[t.metric],
      ...(t.model !== undefined ? { model: t.model } : {}),
      test: t.test,
      since: t.since,
      before: { ...t.baseline },
      after: { ...t.recent },
      effect: { name: t.effect.name, value: t.effect.value, ci: [t.effect.ci[0], t.effect.ci[1]], level: 0.95 },
      p: t.p,
      pAdjusted: t.pAdjusted,
      direction: t.direction,
      significant: alert?.metrics.includes(t) ?? false,
      strata: t.strata,
    }));

  const changes = collectChanges(inputs.rollups, assistant, before.since, after.until);
  const cause = alert?.cause ? { day: alert.cause.day, kind: alert.cause.kind, ...(alert.cause.from !== undefined ? { from: alert.cause.from } : {}), ...(alert.cause.to !== undefined ? { to: alert.cause.to } : {}) } : undefined;
  const panel = buildPanelData({ rollups: inRange, today: options.today, query: { range: 'all', granularity: 'day', assistant } });
  const series: EvidenceSeries = {
    days: panel.series.buckets,
    edits: panel.series.edits,
    findingsPer100: panel.series.findingsPer100,
    survival5m: panel.series.survival5m,
    acceptance: panel.series.acceptance,
    fixRate: panel.series.fixRate,
    score: panel.series.score,
  };
  const edits = { before: 0, after: 0 };
  const models = { before: {} as Record<string, number>, after: {} as Record<string, number> };
  for (const r of inRange) {
    const side = r.day < changePoint ? 'before' : 'after';
    for (const b of Object.values(r.buckets)) {
      if (b.assistant !== assistant || b.edits === 0) continue;
      edits[side] += b.edits;
      const m = b.model || '(unknown)';
      models[side][m] = (models[side][m] ?? 0) + b.edits;
    }
  }

  return {
    format: EVIDENCE_FORMAT,
    generatedAt: inputs.generatedAt,
    tool: { name: 'driftwatch', version: inputs.toolVersion },
    assistant,
    headline: alert
      ? describeAlertTitle(alert)
      : `No significant drift in ${assistant}'s code between ${before.since} … ${before.until} and ${after.since} … ${after.until}`,
    drifted: alert !== undefined,
    controls: describeControls({ controlledFor: alert?.controlledFor ?? ['language', 'edit size'] }),
    alpha: report.alpha,
    windows: { before, after, changePoint },
    versions: versionsByWindow(inputs.rollups, assistant, before, after),
    models,
    edits,
    changes,
    ...(cause ? { cause } : {}),
    metrics,
    rules: risingRules(inRange, assistant, changePoint, inputs.maxRules ?? 10),
    series,
    examples: [...(inputs.examples ?? [])],
    method: methodNotes(report, options),
  };
}

/** Version and model changes of the assistant within the window, oldest first. */
function collectChanges(rollups: readonly DailyRollup[], assistant: string, since: Day, until: Day): EvidenceChange[] {
  const out: { ts: number; change: EvidenceChange }[] = [];
  for (const r of rollups) {
    if (r.day < since || r.day > until) continue;
    for (const v of r.versions) {
      if (v.assistant !== assistant) continue;
      if (v.previousVersion !== undefined && v.version !== v.previousVersion) out.push({ ts: v.ts, change: { day: r.day, kind: 'version', from: v.previousVersion, ...(v.version !== undefined ? { to: v.version } : {}) } });
      if (v.previousModel !== undefined && v.model !== v.previousModel) out.push({ ts: v.ts, change: { day: r.day, kind: 'model', from: v.previousModel, ...(v.model !== undefined ? { to: v.model } : {}) } });
    }
  }
  return out.sort((a, b) => a.ts - b.ts).map((c) => c.change);
}

/** The assistant versions in use during each window: the one running when it began plus every one installed in it. */
function versionsByWindow(rollups: readonly DailyRollup[], assistant: string, before: EvidenceWindow, after: EvidenceWindow): { before: string[]; after: string[] } {
  const seen = rollups
    .flatMap((r) => r.versions.filter((v) => v.assistant === assistant && v.version !== undefined).map((v) => ({ day: r.day, ts: v.ts, version: v.version! })))
    .sort((a, b) => a.ts - b.ts);
  const during = (w: EvidenceWindow): string[] => {
    const out: string[] = [];
    let running: string | undefined;
    for (const s of seen) {
      if (s.day < w.since) running = s.version;
      else if (s.day <= w.until) out.push(s.version);
    }
    // A version replaced on the window's first day ran for hours at most: the window is about its successor.
    const replacedAtStart = seen.some((s) => s.day === w.since);
    return [...new Set([...(running !== undefined && !replacedAtStart ? [running] : []), ...out])];
  };
  return { before: during(before), after: during(after) };
}

/**
 * Rules whose findings per line rose most from before to after the change point, with a stratified (language × edit
 * size) rate ratio so a shift towards bigger edits or another language cannot make a rule look worse.
 */
function risingRules(rollups: readonly DailyRollup[], assistant: string, changePoint: Day, max: number): EvidenceRule[] {
  interface Tally {
    severity: string;
    strata: Map<string, RateStratum>;
  }
  const lines = new Map<string, { e0: number; e1: number }>();
  const rules = new Map<string, Tally>();
  for (const r of rollups) {
    const afterSide = r.day >= changePoint;
    for (const b of Object.values(r.buckets)) {
      if (b.assistant !== assistant) continue;
      const stratum = `${b.language}\u0001${b.size ?? '*'}`;
      const l = lines.get(stratum) ?? { e0: 0, e1: 0 };
      if (afterSide) l.e1 += b.linesAdded;
      else l.e0 += b.linesAdded;
      lines.set(stratum, l);
      for (const [ruleId, f] of Object.entries(b.findings)) {
        let t = rules.get(ruleId);
        if (!t) rules.set(ruleId, (t = { severity: f.severity, strata: new Map() }));
        const s = t.strata.get(stratum) ?? { a: 0, e1: 0, b: 0, e0: 0 };
        if (afterSide) s.a += f.open;
        else s.b += f.open;
        t.strata.set(stratum, s);
      }
    }
  }
  let e0 = 0;
  let e1 = 0;
  for (const l of lines.values()) {
    e0 += l.e0;
    e1 += l.e1;
  }
  const out: (EvidenceRule & { rise: number })[] = [];
  for (const [ruleId, t] of rules) {
    // Every stratum the assistant wrote in is exposure for every rule, also where the rule found nothing.
    const strata = [...lines.entries()].map(([k, l]) => ({ ...(t.strata.get(k) ?? { a: 0, b: 0 }), e0: l.e0, e1: l.e1 }));
    const a = strata.reduce((s, x) => s + x.a, 0);
    const b = strata.reduce((s, x) => s + x.b, 0);
    const per100After = e1 > 0 ? (100 * a) / e1 : 0;
    const per100Before = e0 > 0 ? (100 * b) / e0 : 0;
    const rise = per100After - per100Before;
    if (!(rise > 0)) continue;
    const meta = ruleMeta(ruleId);
    const rr = mhRateRatio(strata);
    out.push({
      ruleId,
      title: meta?.title ?? ruleId,
      summary: meta?.summary ?? '',
      why: meta?.why ?? '',
      docPath: meta?.docPath ?? 'docs/lint-rules.md',
      severity: t.severity,
      before: { findings: b, lines: e0, per100: round(per100Before, 3) },
      after: { findings: a, lines: e1, per100: round(per100After, 3) },
      ...(rr ? { rateRatio: { value: round(rr.value), ci: [round(rr.ci[0]), round(rr.ci[1])] as [number, number], level: 0.95 as const } } : {}),
      rise,
    });
  }
  return out
    .sort((x, y) => y.rise - x.rise || x.ruleId.localeCompare(y.ruleId))
    .slice(0, max)
    .map(({ rise: _rise, ...rule }) => rule);
}

function methodNotes({ alpha, watched }: Pick<DriftReport, 'alpha' | 'watched'>, o: DriftOptions): string[] {
  const narrowed = describeWatched(watched);
  return [
    `Change point: a likelihood-ratio scan over the last ${o.recentDays} days against the ${o.baselineDays} days before; the "before" window ends the day before the estimated change.`,
    'Findings per line: stratified conditional Poisson scan; effect = Mantel–Haenszel rate ratio with a Greenland–Robins 95% interval.',
    'Survival, acceptance and fix rate: Cochran–Mantel–Haenszel scan; effect = Mantel–Haenszel risk difference with a 95% Wald interval.',
    'Score (0–100): van Elteren (stratified Wilcoxon) scan; effect = stratified mean difference in points with a 95% Wald interval.',
    'Strata: language × edit size, so a change in the mix of work does not read as drift.',
    `p-values are exact conditional Monte Carlo p-values of the scan maximum, Holm-adjusted across this assistant's metrics and models only (family-wise α = ${alpha}).`,
    ...(narrowed ? [narrowed] : []),
  ];
}
