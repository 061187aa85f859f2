/** Drift alerts shown until dismissed: what dropped, by how much, how sure, and what changed at the same time. */
import { describeAlertTitle, formatMetricValue, METRIC_LABEL } from '../core/drift/describeAlert.js';
import type { DriftAlertView } from '../core/panel/panelData.js';
import { h } from './dom.js';

function effectText(m: DriftAlertView['metrics'][number]): string {
  const [lo, hi] = m.effect.ci;
  if (m.effect.name === 'rank-biserial') return `rank-biserial r = ${m.effect.value.toFixed(2)} (95% CI ${lo.toFixed(2)} to ${hi.toFixed(2)})`;
  if (m.effect.name === 'rate-ratio') return `rate ratio ${m.effect.value.toFixed(2)}× (95% CI ${lo.toFixed(2)}–${hi.toFixed(2)})`;
  return `difference ${(m.effect.value * 100).toFixed(1)} pts (95% CI ${(lo * 100).toFixed(1)} to ${(hi * 100).toFixed(1)})`;
}

export function renderDriftAlerts(alerts: readonly DriftAlertView[], onDismiss: (key: string) => void): HTMLElement | null {
  if (alerts.length === 0) return null;
  return h(
    'section',
    { class: 'drift', attrs: { 'aria-label': 'Drift alerts' } },
    ...alerts.map((a) =>
      h(
        'div',
        { class: 'drift-alert', testid: 'drift-alert', attrs: { role: 'alert', 'data-assistant': a.assistant, 'data-version': a.version ?? '', 'data-key': a.key } },
        h('strong', { class: 'drift-title' }, describeAlertTitle(a)),
        h(
          'ul',
          {},
          ...a.metrics.slice(0, 5).map((m) =>
            h(
              'li',
              {},
              `${METRIC_LABEL[m.metric]}${m.model ? ` (${m.model})` : ''}: ${formatMetricValue(m.metric, m.baseline.value)} → ${formatMetricValue(m.metric, m.recent.value)} `,
              h('span', { class: 'muted' }, `n = ${m.baseline.n} → ${m.recent.n}; ${effectText(m)}; q = ${m.q < 0.001 ? m.q.toExponential(1) : m.q.toFixed(3)}`),
            ),
          ),
        ),
        a.changes.length > 0
          ? h('div', { class: 'muted' }, `Changed at the same time: ${a.changes.map((c) => `${c.kind} ${c.from ?? '?'} → ${c.to ?? '?'} (${new Date(c.ts).toISOString().slice(0, 10)})`).join('; ')}`)
          : h('div', { class: 'muted' }, 'No version or model change recorded around this drop.'),
        h('button', { class: 'secondary', testid: 'drift-dismiss', attrs: { type: 'button', 'aria-label': `Dismiss the drift alert for ${a.assistant}` }, on: { click: () => onDismiss(a.key) } }, 'Dismiss'),
      ),
    ),
  );
}
