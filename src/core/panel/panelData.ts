/**
 * The panel's query and the aggregated data the host sends for it, declared once with zod. The host builds
 * `PanelData` from rollups (`buildPanelData`); the webview validates it with the same schema before drawing, so a
 * host bug can never make the view render garbage silently.
 */
import * as z from 'zod';

export const RANGES = ['7d', '30d', '90d', 'all'] as const;
export const PanelRange = z.enum(RANGES);
export type PanelRange = z.infer<typeof PanelRange>;

export const Granularity = z.enum(['auto', 'day', 'week']);
export type Granularity = z.infer<typeof Granularity>;

const dimension = z.string().max(200);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** What the user asked to see. Filters are exact values; absent = all. */
export const PanelQuery = z.object({
  range: PanelRange,
  granularity: Granularity.default('auto'),
  assistant: dimension.optional(),
  model: dimension.optional(),
  language: dimension.optional(),
});
export type PanelQuery = z.infer<typeof PanelQuery>;

export const DEFAULT_QUERY: PanelQuery = { range: '30d', granularity: 'auto' };

const num = z.number().finite();
const maybe = num.nullable();

export const SCORE_COMPONENT_KEYS = ['lint', 'diagnostics', 'survival', 'fixes'] as const;
const Components = z.object({ lint: maybe, diagnostics: maybe, survival: maybe, fixes: maybe });
export type ComponentMeans = z.infer<typeof Components>;

/** One row of a breakdown (assistant, model or language). Rates are 0–1; findings per 100 lines. */
export const BreakdownRow = z.object({
  key: dimension,
  edits: z.number().int().nonnegative(),
  score: maybe,
  acceptance: maybe,
  survival5m: maybe,
  /** Accepted-and-retained characters at 5 min over accepted characters (README "ARC"). */
  arc5m: maybe,
  fixRate: maybe,
  findingsPer100: maybe,
  components: Components,
});
export type BreakdownRow = z.infer<typeof BreakdownRow>;

export const RuleRow = z.object({
  ruleId: z.string().regex(/^[a-z]+\.[a-z0-9-]+$/),
  severity: z.enum(['error', 'warning', 'info']),
  open: z.number().int().nonnegative(),
  fixed: z.number().int().nonnegative(),
  notAProblem: z.number().int().nonnegative(),
  /** 1 − notAProblem / open: the share of findings users did not dismiss. Null when nothing was found. */
  precision: maybe,
  languages: z.array(dimension).max(50),
});
export type RuleRow = z.infer<typeof RuleRow>;

export const Marker = z.object({
  ts: num,
  day,
  assistant: dimension,
  /** `rules`: Driftwatch's own rule set changed (assistant `driftwatch`); the others are the assistant's. */
  kind: z.enum(['version', 'model', 'rules']),
  label: z.string().max(400),
});
export type Marker = z.infer<typeof Marker>;

export const RecentEdit = z.object({
  id: z.string().max(64),
  ts: num,
  file: z.string().max(4096),
  line: z.number().int().nonnegative(),
  assistant: dimension,
  model: dimension.optional(),
  language: dimension,
  outcome: z.enum(['accepted', 'rejected', 'modified', 'deleted', 'pending']),
  score: maybe,
  findings: z.number().int().nonnegative(),
  lines: z.number().int().nonnegative(),
  /** The evidence channel that proved the edit (`hook`, `otlp`, `edit-source`, …). */
  channel: dimension.optional(),
  /** Other channels that confirmed it (the edit's own `confirmedBy` and decisions linked to it). */
  confirmedBy: z.array(dimension).max(8).optional(),
  /**
   * The row is a rejected proposal, not an edit (no region to open): `file` is '' when the channel named none, `lines`
   * is the proposal's size, `toolName` the agent tool or signal.
   */
  proposal: z.boolean().optional(),
  toolName: dimension.optional(),
});
export type RecentEdit = z.infer<typeof RecentEdit>;

const DriftWindowView = z.object({ n: z.number().int().nonnegative(), value: num, since: day, until: day });
const DriftChangeView = z.object({ ts: num, day, kind: z.enum(['version', 'model']), from: dimension.optional(), to: dimension.optional() });

const DriftMetricView = z.object({
  metric: z.enum(['score', 'acceptance', 'survival5m', 'fixRate', 'findings']),
  model: dimension.optional(),
  test: z.enum(['conditional-poisson-scan', 'cmh-scan', 'van-elteren-scan']),
  since: day,
  baseline: DriftWindowView,
  recent: DriftWindowView,
  effect: z.object({ name: z.enum(['rate-ratio', 'difference', 'mean-difference']), value: num, ci: z.tuple([num, num]) }),
  p: num,
  pNominal: num,
  pAdjusted: num,
  method: z.enum(['monte-carlo', 'bonferroni']),
  strata: z.number().int().nonnegative(),
});

/** A drift alert as the panel shows it (until dismissed): plain headline first, the statistics behind a disclosure. */
export const DriftAlertView = z.object({
  key: z.string().max(300),
  assistant: dimension,
  version: dimension.optional(),
  since: day,
  cause: DriftChangeView.optional(),
  controlledFor: z.array(z.enum(['language', 'edit size'])).max(2),
  /** The per-assistant family-wise error rate the alert was decided at. */
  alpha: num,
  /** The metrics that could alert (`driftwatch.drift.watch`). */
  watched: z.array(z.enum(['score', 'acceptance', 'survival5m', 'fixRate', 'findings'])).max(5),
  metrics: z.array(DriftMetricView).max(50),
  changes: z.array(DriftChangeView).max(50),
});
export type DriftAlertView = z.infer<typeof DriftAlertView>;

/** One rule's findings per 100 changed lines per chart period (the dashboard's per-rule trends). */
export const RuleTrend = z.object({
  ruleId: z.string().regex(/^[a-z]+\.[a-z0-9-]+$/),
  severity: z.enum(['error', 'warning', 'info']),
  /** Findings in the whole range. */
  total: z.number().int().nonnegative(),
  /** Aligned with `series.buckets`. */
  values: z.array(maybe).max(2000),
});
export type RuleTrend = z.infer<typeof RuleTrend>;

export const PanelData = z.object({
  today: day,
  since: day,
  until: day,
  granularity: z.enum(['day', 'week']),
  hasData: z.boolean(),
  headline: z.object({
    todayScore: maybe,
    todayEdits: z.number().int().nonnegative(),
    last7: maybe,
    prior28: maybe,
    change: maybe,
    assistantShare: maybe,
  }),
  series: z.object({
    /** First day of each bucket. */
    buckets: z.array(day).max(2000),
    edits: z.array(z.number().int().nonnegative()),
    score: z.array(maybe),
    acceptance: z.array(maybe),
    survival5m: z.array(maybe),
    arc5m: z.array(maybe),
    fixRate: z.array(maybe),
    findingsPer100: z.array(maybe),
    rejected: z.array(z.number().int().nonnegative()),
    components: z.object({ lint: z.array(maybe), diagnostics: z.array(maybe), survival: z.array(maybe), fixes: z.array(maybe) }),
  }),
  markers: z.array(Marker).max(500),
  /**
   * First days of series periods scored by a different rule set than the period before (history that could not be
   * re-scored, e.g. stored without code): the charts break their lines there instead of joining unlike numbers.
   */
  ruleSetBreaks: z.array(day).max(500),
  breakdowns: z.object({ assistant: z.array(BreakdownRow).max(200), model: z.array(BreakdownRow).max(200), language: z.array(BreakdownRow).max(200) }),
  rules: z.array(RuleRow).max(200),
  options: z.object({ assistants: z.array(dimension).max(200), models: z.array(dimension).max(200), languages: z.array(dimension).max(200) }),
  recentEdits: z.array(RecentEdit).max(200),
  /** The recent-edits list is still being read; it follows in a `recent` message so the charts never wait for it. */
  recentPending: z.boolean(),
  drift: z.array(DriftAlertView).max(50),
  /** Per-rule trends, sent only to the full-size dashboard (the sidebar has no room for them). */
  ruleTrends: z.array(RuleTrend).max(20).optional(),
});
export type PanelData = z.infer<typeof PanelData>;
