/**
 * Drift alerts shown until dismissed: one plain sentence first (what a user would notice, and since when), then the
 * statistics behind a disclosure — per metric the windows, sample sizes, stratified effect with its interval, the
 * test and its p-values — and what was held fixed. "Prepare Drift Report…" starts the evidence report for the vendor.
 */
import { describeAlertTitle, describeControls, describeWatched, formatMetricValue, METRIC_LABEL } from '../core/drift/describeAlert.js';
import type { DriftAlertView } from '../core/panel/panelData.js';
import { h } from './dom.js';

type MetricView = DriftAlertView['metrics'][number];

const TEST_LABEL: Record<MetricView['test'], string> = {
  'conditional-poisson-scan': 'stratified conditional Poisson test',
  'cmh-scan': 'Cochran–Mantel–Haenszel test',
  'van-elteren-scan': 'van Elteren (stratified Wilcoxon) test',
};

function effectText(m: MetricView): string {
  const [lo, hi] = m.effect.ci;
  if (m.effect.name === 'rate-ratio') return `rate ratio ${m.effect.value.toFixed(2)}× (95% CI ${lo.toFixed(2)}–${hi.toFixed(2)})`;
  if (m.effect.name === 'mean-difference') return `difference ${m.effect.value.toFixed(1)} points (95% CI ${lo.toFixed(1)} to ${hi.toFixed(1)})`;
  return `difference ${(m.effect.value * 100).toFixed(1)} pts (95% CI ${(lo * 100).toFixed(1)} to ${(hi * 100).toFixed(1)})`;
}

const pText = (p: number): string => (p < 0.001 ? p.toExponential(1) : p.toFixed(3));

function metricDetail(m: MetricView): HTMLElement {
  return h(
    'li',
    { testid: 'drift-metric', attrs: { 'data-metric': m.metric } },
    h('span', {}, `${METRIC_LABEL[m.metric]}${m.model ? ` (${m.model})` : ''}: ${formatMetricValue(m.metric, m.baseline.value)} → ${formatMetricValue(m.metric, m.recent.value)}`),
    h(
      'div',
      { class: 'muted' },
      `${m.baseline.since} – ${m.baseline.until} (n = ${m.baseline.n}) vs ${m.recent.since} – ${m.recent.until} (n = ${m.recent.n}); ${effectText(m)}; ` +
        `${TEST_LABEL[m.test]} over ${m.strata} strata, scanning for the change day: p = ${pText(m.p)}${m.method === 'monte-carlo' ? ' (exact, Monte Carlo)' : ''}, ` +
        `adjusted for this assistant's tests ${pText(m.pAdjusted)} (p at that day alone, as if it had been known: ${pText(m.pNominal)})`,
    ),
  );
}

/** What the buttons of an alert do: hide it for good, or start the evidence report for its assistant. */
export interface DriftAlertActions {
  dismiss: (key: string) => void;
  prepareReport: (assistant: string) => void;
}

export function renderDriftAlerts(alerts: readonly DriftAlertView[], actions: DriftAlertActions): HTMLElement | null {
  if (alerts.length === 0) return null;
  return h(
    'section',
    { class: 'drift', attrs: { 'aria-label': 'Drift alerts' } },
    ...alerts.map((a) =>
      h(
        'div',
        { class: 'drift-alert', testid: 'drift-alert', attrs: { role: 'alert', 'data-assistant': a.assistant, 'data-version': a.version ?? '', 'data-key': a.key, 'data-since': a.since } },
        h('strong', { class: 'drift-title', testid: 'drift-headline' }, describeAlertTitle(a)),
        h(
          'div',
          { class: 'muted' },
          a.cause
            ? `Began around ${a.since}, when ${a.cause.kind === 'version' ? `the version changed ${a.cause.from ?? '?'} → ${a.cause.to ?? '?'}` : `the model changed ${a.cause.from ?? '?'} → ${a.cause.to ?? '?'}`}.`
            : `Began around ${a.since}; no version or model change recorded then.`,
        ),
        h(
          'details',
          { class: 'drift-details', testid: 'drift-details' },
          h('summary', {}, 'Statistics'),
          h('ul', {}, ...a.metrics.slice(0, 8).map(metricDetail)),
          h('div', { class: 'muted' }, `${describeControls(a)} Each metric is tested only for this assistant; its tests together keep false alerts under ${(a.alpha * 100).toFixed(1)}% per evaluation, and an alert needs the day before to point the same way.${describeWatched(a.watched) ? ` ${describeWatched(a.watched)}` : ''}`),
          a.changes.length > 0 ? h('div', { class: 'muted' }, `Changes in the compared period: ${a.changes.map((c) => `${c.kind} ${c.from ?? '?'} → ${c.to ?? '?'} (${c.day})`).join('; ')}`) : null,
        ),
        h(
          'div',
          { class: 'drift-actions' },
          h('button', { testid: 'drift-report', attrs: { type: 'button', 'aria-label': `Prepare a drift report for ${a.assistant} to send to its vendor` }, on: { click: () => actions.prepareReport(a.assistant) } }, 'Prepare Drift Report…'),
          h('button', { class: 'secondary', testid: 'drift-dismiss', attrs: { type: 'button', 'aria-label': `Dismiss the drift alert for ${a.assistant}` }, on: { click: () => actions.dismiss(a.key) } }, 'Dismiss'),
        ),
      ),
    ),
  );
}
