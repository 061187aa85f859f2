/**
 * Plain wording of a drift alert, shared by the notification, the log, the status bar tooltip, the panel and the CLI
 * report so they always say the same thing. The headline says what a user would notice ("claude-code's code has
 * 2.7× more findings per line since 1.0.31"); the statistics live behind it (panel disclosure, report).
 */
import type { DriftMetric } from './detectDrift.js';

/** The parts of an alert the wording needs (satisfied by `DriftAlert` and the panel's `DriftAlertView`). */
export interface DescribableAlert {
  assistant: string;
  version?: string;
  /** Change-point estimate (first day of the drift). */
  since?: string;
  /** The version or model change on the change-point, when there was one. */
  cause?: { kind: 'version' | 'model'; to?: string };
  metrics: readonly DescribableMetric[];
  controlledFor?: readonly string[];
}

export interface DescribableMetric {
  metric: DriftMetric;
  model?: string;
  baseline: { value: number };
  recent: { value: number };
  effect?: { name: string; value: number };
}

export const METRIC_LABEL: Readonly<Record<DriftMetric, string>> = Object.freeze({
  score: 'score',
  acceptance: 'acceptance',
  survival5m: 'survival@5 min',
  fixRate: 'follow-up fix rate',
  findings: 'findings/100 lines',
});

/** Formats a metric value the way the panel shows it: score as points, findings per 100 lines, rates as %. */
export function formatMetricValue(metric: DriftMetric, v: number): string {
  if (metric === 'score') return v.toFixed(0);
  if (metric === 'findings') return v.toFixed(1);
  return `${Math.round(v * 100)}%`;
}

export function describeMetric(t: DescribableMetric): string {
  return `${METRIC_LABEL[t.metric]} ${formatMetricValue(t.metric, t.baseline.value)} → ${formatMetricValue(t.metric, t.recent.value)}`;
}

/** "since 1.0.31", "since switching to gpt-4.1", "since 2025-06-24", or "" when nothing is known. */
export function describeSince(alert: Pick<DescribableAlert, 'since' | 'cause'>): string {
  if (alert.cause?.kind === 'version' && alert.cause.to) return `since ${alert.cause.to}`;
  if (alert.cause?.kind === 'model' && alert.cause.to) return `since switching to ${alert.cause.to}`;
  return alert.since ? `since ${alert.since}` : '';
}

function ratioText(ratio: number): string {
  return `${ratio >= 9.95 ? ratio.toFixed(0) : ratio.toFixed(1)}×`;
}

/** The alert's plain headline, led by its most significant metric. */
export function describeAlertTitle(alert: DescribableAlert): string {
  const top = alert.metrics[0];
  const since = describeSince(alert);
  const tail = since ? ` ${since}` : '';
  if (!top) return `${alert.assistant}'s quality dropped${tail}`;
  const who = top.model ? `${alert.assistant} (${top.model})` : alert.assistant;
  const b = formatMetricValue(top.metric, top.baseline.value);
  const r = formatMetricValue(top.metric, top.recent.value);
  switch (top.metric) {
    case 'findings': {
      const ratio = top.effect?.name === 'rate-ratio' ? top.effect.value : top.baseline.value > 0 ? top.recent.value / top.baseline.value : Number.NaN;
      return Number.isFinite(ratio) ? `${who}'s code has ${ratioText(ratio)} more findings per line${tail}` : `${who}'s code has more findings per line${tail} (${b} → ${r} per 100 lines)`;
    }
    case 'survival5m':
      return `Less of ${who}'s code survives 5 minutes unchanged${tail}: ${r}, was ${b}`;
    case 'acceptance':
      return `You keep fewer of ${who}'s edits${tail}: ${r}, was ${b}`;
    case 'fixRate':
      return `You fix more of ${who}'s edits by hand${tail}: ${r}, was ${b}`;
    case 'score':
      return `${who}'s score fell from ${b} to ${r}${tail}`;
  }
}

/** "Compared like with like: same language and edit size." (empty when nothing was controlled for). */
export function describeControls(alert: Pick<DescribableAlert, 'controlledFor'>): string {
  const c = alert.controlledFor ?? [];
  return c.length > 0 ? `Compared like with like: same ${c.join(' and ')}.` : '';
}

/**
 * Which metrics could alert, when not all of them (`driftwatch.drift.watch`): a user who narrowed the watch reads that
 * the others were not silent by luck. Empty when every metric could alert.
 */
export function describeWatched(watched: readonly DriftMetric[] | undefined): string {
  if (!watched || watched.length >= Object.keys(METRIC_LABEL).length) return '';
  return `Only ${watched.map((m) => METRIC_LABEL[m]).join(' and ') || 'no metric'} may alert (setting driftwatch.drift.watch); the error budget is all theirs.`;
}

/** Headline, the other worsened metrics, and what was controlled for — the notification's full text. */
export function describeAlert(alert: DescribableAlert): string {
  const rest = alert.metrics.slice(1, 3).map(describeMetric);
  const also = rest.length > 0 ? ` Also ${rest.join(', ')}.` : '';
  const controls = describeControls(alert);
  return `${describeAlertTitle(alert)}.${also}${controls ? ` ${controls}` : ''}`;
}
