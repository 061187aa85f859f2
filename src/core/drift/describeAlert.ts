/**
 * One-line, human wording of a drift alert, shared by the notification, the log, the status bar tooltip and the
 * panel so they always say the same thing.
 */
import type { DriftMetric } from './detectDrift.js';

/** The parts of an alert the wording needs (satisfied by `DriftAlert` and the panel's `DriftAlertView`). */
export interface DescribableAlert {
  assistant: string;
  version?: string;
  metrics: readonly { metric: DriftMetric; baseline: { value: number }; recent: { value: number } }[];
  changes: readonly { kind: 'version' | 'model'; to?: string }[];
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

export function describeMetric(t: DescribableAlert['metrics'][number]): string {
  return `${METRIC_LABEL[t.metric]} ${formatMetricValue(t.metric, t.baseline.value)} → ${formatMetricValue(t.metric, t.recent.value)}`;
}

/** The alert's headline, e.g. "claude-code quality dropped after updating to 1.0.31". */
export function describeAlertTitle(alert: DescribableAlert): string {
  const version = alert.changes.find((c) => c.kind === 'version');
  const model = alert.changes.find((c) => c.kind === 'model');
  const cause = version
    ? ` after updating to ${version.to ?? alert.version ?? '?'}`
    : model
      ? ` after switching model to ${model.to ?? '?'}`
      : alert.version
        ? ` (version ${alert.version})`
        : '';
  return `${alert.assistant} quality dropped${cause}`;
}

export function describeAlert(alert: DescribableAlert): string {
  return `${describeAlertTitle(alert)}: ${alert.metrics.slice(0, 3).map(describeMetric).join(', ')}.`;
}
