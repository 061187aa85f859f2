/**
 * Everything the panel draws, computed from daily rollups only (never raw events): the headline, the series per day
 * or week, version/model markers, breakdowns by assistant, model and language, and the rule table with precision
 * from "not a problem" feedback. Filters apply to everything except the filter choices themselves.
 */
import type { DailyRollup, Bucket } from '../store/rollup.js';
import { addDays, type Day } from '../time/day.js';
import { addBucket, breakdownRow, emptyMetrics, metricValues, type MetricAcc } from './metrics.js';
import type { DriftAlertView, Marker, PanelData, PanelQuery, RecentEdit, RuleRow } from './panelData.js';
import { bucketOf, bucketStarts, rangeStart, resolveGranularity } from './periods.js';

export interface PanelInputs {
  /** Rollups of every stored day (the function picks what it needs); oldest first is not required. */
  rollups: readonly DailyRollup[];
  query: PanelQuery;
  /** The viewer's local day. */
  today: Day;
  /** Undefined while the host is still reading them (the panel then shows them when they arrive). */
  recentEdits?: readonly RecentEdit[];
  drift?: readonly DriftAlertView[];
}

/** Human characters that count as writing code for the share-of-code figure (not undo/redo/format/vcs/external). */
const HUMAN_WRITING = ['typed', 'paste', 'snippet', 'refactor'] as const;
const MAX_RULES = 40;

/** The recent edits that pass the query's filters (the range does not apply: the list is always the newest). */
export function filterRecentEdits(rows: readonly RecentEdit[], q: PanelQuery, limit = 200): RecentEdit[] {
  return rows.filter((e) => (q.assistant === undefined || e.assistant === q.assistant) && (q.model === undefined || e.model === q.model) && (q.language === undefined || e.language === q.language)).slice(0, limit);
}

/** Whether a rollup bucket passes the query's filters (assistant, model, language). */
export function matchesQuery(b: Bucket, q: PanelQuery): boolean {
  return (q.assistant === undefined || b.assistant === q.assistant) && (q.model === undefined || b.model === q.model) && (q.language === undefined || b.language === q.language);
}

/**
 * Where the rule set behind the series changes: each period is scored mostly by one rule set (the one most of its
 * scored edits come from); a period whose rule set differs from the previous scored period's starts a new segment.
 * Once history is re-scored every period has the current rule set and there is no break.
 */
function ruleSetBreaks(starts: readonly Day[], perBucket: readonly Map<string, number>[]): Day[] {
  const out: Day[] = [];
  let previous: string | undefined;
  perBucket.forEach((counts, i) => {
    let major: string | undefined;
    let best = 0;
    for (const [rs, n] of [...counts].sort(([a], [b]) => (a < b ? -1 : 1))) if (n > best) [major, best] = [rs, n];
    if (major === undefined) return;
    if (previous !== undefined && major !== previous) out.push(starts[i]!);
    previous = major;
  });
  return out.slice(-500);
}

export function buildPanelData(inputs: PanelInputs): PanelData {
  const { query: q, today } = inputs;
  const rollups = [...inputs.rollups].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  const hasData = rollups.some((r) => Object.values(r.buckets).some((b) => b.edits > 0 || b.scores.n > 0));
  const oldest = rollups.find((r) => Object.keys(r.buckets).length > 0)?.day;
  const since = rangeStart(q.range, today, oldest);
  const granularity = resolveGranularity(q.granularity, since, today);
  const starts = bucketStarts(since, today, granularity);
  const index = new Map(starts.map((d, i) => [d, i]));
  const perBucket: MetricAcc[] = starts.map(() => emptyMetrics());

  const byAssistant = new Map<string, MetricAcc>();
  const byModel = new Map<string, MetricAcc>();
  const byLanguage = new Map<string, MetricAcc>();
  const rules = new Map<string, { severity: RuleRow['severity']; open: number; fixed: number; languages: Set<string> }>();
  const feedback = new Map<string, number>();
  const options = { assistants: new Set<string>(), models: new Set<string>(), languages: new Set<string>() };
  const markers: Marker[] = [];
  /** Scored edits per rule set, per series period. */
  const ruleSetsPerBucket: Map<string, number>[] = starts.map(() => new Map());
  let filteredChars = 0;
  let allAssistantChars = 0;
  let humanChars = 0;

  const last7 = emptyMetrics();
  const prior28 = emptyMetrics();
  const todayAcc = emptyMetrics();
  const last7Since = addDays(today, -6);
  const prior28Since = addDays(today, -34);

  const into = (map: Map<string, MetricAcc>, key: string, b: Bucket): void => {
    let acc = map.get(key);
    if (!acc) map.set(key, (acc = emptyMetrics()));
    addBucket(acc, b);
  };

  for (const r of rollups) {
    if (r.day > today) continue;
    // Headline windows are fixed (today, 7 days, the 28 before) whatever the range.
    if (r.day >= prior28Since) {
      for (const b of Object.values(r.buckets)) {
        if (!matchesQuery(b, q)) continue;
        if (r.day === today) addBucket(todayAcc, b);
        if (r.day >= last7Since) addBucket(last7, b);
        else addBucket(prior28, b);
      }
    }
    if (r.day < since) continue;
    const i = index.get(bucketOf(r.day, granularity));
    for (const b of Object.values(r.buckets)) {
      options.assistants.add(b.assistant);
      if (b.model) options.models.add(b.model);
      options.languages.add(b.language);
      allAssistantChars += b.charsInserted;
      if (!matchesQuery(b, q)) continue;
      filteredChars += b.charsInserted;
      if (i !== undefined) addBucket(perBucket[i]!, b);
      into(byAssistant, b.assistant, b);
      into(byModel, b.model || '(unknown)', b);
      into(byLanguage, b.language, b);
      for (const [ruleId, f] of Object.entries(b.findings)) {
        let row = rules.get(ruleId);
        if (!row) rules.set(ruleId, (row = { severity: f.severity, open: 0, fixed: 0, languages: new Set() }));
        row.open += f.open;
        row.fixed += f.fixed;
        row.languages.add(b.language);
      }
    }
    if (i !== undefined) for (const [rs, n] of Object.entries(r.ruleSets ?? {})) ruleSetsPerBucket[i]!.set(rs, (ruleSetsPerBucket[i]!.get(rs) ?? 0) + n);
    for (const c of r.ruleSetChanges ?? []) {
      if (c.previousRuleSet !== undefined) markers.push({ ts: c.ts, day: r.day, assistant: 'driftwatch', kind: 'rules', label: `Driftwatch rules ${c.previousRuleSet} → ${c.ruleSet}` });
    }
    for (const k of HUMAN_WRITING) humanChars += r.human.chars[k] ?? 0;
    for (const [ruleId, n] of Object.entries(r.feedback)) feedback.set(ruleId, (feedback.get(ruleId) ?? 0) + n);
    for (const v of r.versions) {
      if (q.assistant !== undefined && v.assistant !== q.assistant) continue;
      if (v.previousVersion !== undefined && v.version !== v.previousVersion) {
        markers.push({ ts: v.ts, day: r.day, assistant: v.assistant, kind: 'version', label: `${v.assistant} ${v.previousVersion} → ${v.version ?? '?'}` });
      }
      if (v.previousModel !== undefined && v.model !== v.previousModel) {
        markers.push({ ts: v.ts, day: r.day, assistant: v.assistant, kind: 'model', label: `${v.assistant} model ${v.previousModel} → ${v.model ?? '?'}` });
      }
    }
  }

  const values = perBucket.map(metricValues);
  const headline7 = metricValues(last7).score;
  const headline28 = metricValues(prior28).score;
  const denominator = allAssistantChars + humanChars;
  const sortRows = (m: Map<string, MetricAcc>) =>
    [...m.entries()].map(([k, acc]) => breakdownRow(k, acc)).sort((a, b) => b.edits - a.edits || a.key.localeCompare(b.key));

  return {
    today,
    since,
    until: today,
    granularity,
    hasData,
    headline: {
      todayScore: metricValues(todayAcc).score,
      todayEdits: todayAcc.edits,
      last7: headline7,
      prior28: headline28,
      change: headline7 !== null && headline28 !== null ? Math.round((headline7 - headline28) * 100) / 100 : null,
      assistantShare: denominator > 0 ? Math.round((filteredChars / denominator) * 10_000) / 10_000 : null,
    },
    series: {
      buckets: starts,
      edits: perBucket.map((a) => a.edits),
      score: values.map((v) => v.score),
      acceptance: values.map((v) => v.acceptance),
      survival5m: values.map((v) => v.survival5m),
      arc5m: values.map((v) => v.arc5m),
      fixRate: values.map((v) => v.fixRate),
      findingsPer100: values.map((v) => v.findingsPer100),
      rejected: perBucket.map((a) => a.rejected),
      components: {
        lint: values.map((v) => v.components.lint),
        diagnostics: values.map((v) => v.components.diagnostics),
        survival: values.map((v) => v.components.survival),
        fixes: values.map((v) => v.components.fixes),
      },
    },
    markers: markers.sort((a, b) => a.ts - b.ts).slice(-500),
    ruleSetBreaks: ruleSetBreaks(starts, ruleSetsPerBucket),
    breakdowns: { assistant: sortRows(byAssistant).slice(0, 200), model: sortRows(byModel).slice(0, 200), language: sortRows(byLanguage).slice(0, 200) },
    rules: [...rules.entries()]
      .map(([ruleId, r]): RuleRow => {
        const notAProblem = feedback.get(ruleId) ?? 0;
        return {
          ruleId,
          severity: r.severity,
          open: r.open,
          fixed: r.fixed,
          notAProblem,
          precision: r.open > 0 ? Math.round(Math.max(0, 1 - notAProblem / r.open) * 1000) / 1000 : null,
          languages: [...r.languages].sort(),
        };
      })
      .sort((a, b) => b.open - a.open || a.ruleId.localeCompare(b.ruleId))
      .slice(0, MAX_RULES),
    options: { assistants: [...options.assistants].sort(), models: [...options.models].sort(), languages: [...options.languages].sort() },
    recentEdits: filterRecentEdits(inputs.recentEdits ?? [], q),
    recentPending: inputs.recentEdits === undefined,
    drift: [...(inputs.drift ?? [])].slice(0, 50),
  };
}
