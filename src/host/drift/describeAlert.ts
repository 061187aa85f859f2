/** One-line, human wording of a drift alert for the notification, the log and the status bar tooltip. */
import type { DriftAlert, DriftTest } from '../../core/drift/detectDrift.js';

const LABEL: Record<DriftTest['metric'], string> = {
  score: 'score',
  acceptance: 'acceptance',
  survival5m: 'survival@5 min',
  fixRate: 'follow-up fix rate',
  findings: 'findings/100 lines',
};

function value(t: DriftTest, v: number): string {
  if (t.metric === 'score') return v.toFixed(0);
  if (t.metric === 'findings') return v.toFixed(1);
  return `${Math.round(v * 100)}%`;
}

export function describeMetric(t: DriftTest): string {
  return `${LABEL[t.metric]} ${value(t, t.baseline.value)} → ${value(t, t.recent.value)}`;
}

export function describeAlert(alert: DriftAlert): string {
  const version = alert.changes.find((c) => c.kind === 'version');
  const model = alert.changes.find((c) => c.kind === 'model');
  const cause = version
    ? ` after updating to ${version.to ?? alert.version ?? '?'}`
    : model
      ? ` after switching model to ${model.to ?? '?'}`
      : alert.version
        ? ` (version ${alert.version})`
        : '';
  const metrics = alert.metrics.slice(0, 3).map(describeMetric).join(', ');
  return `${alert.assistant} quality dropped${cause}: ${metrics}.`;
}
