/**
 * The team page served by `driftwatch collect` at `/`: asks for the team token, fetches the pooled series
 * (`GET /driftwatch/v1/series`, zod-validated), and draws the sidebar's uPlot charts with one line per assistant,
 * model or assistant version (the viewer picks), plus members per day and the collector's drift alerts. Same origin only (the page's CSP allows nothing else).
 */
import 'uplot/dist/uPlot.min.css';
import './team.css';
import { ALERTS_PATH, AlertsResponseSchema, SERIES_PATH, SeriesResponseSchema, type SeriesResponse } from '../../core/team/teamApi.js';
import { Charts, type ChartSpec } from '../charts.js';
import { h, setChildren } from '../dom.js';
import { fmtNum, fmtPct, fmtScore } from '../format.js';
import { BREAKDOWN_LABELS, teamSeries, type TeamBreakdown, type TeamMetric } from './teamSeries.js';

const COLORS = ['--vscode-charts-blue', '--vscode-charts-orange', '--vscode-charts-green', '--vscode-charts-purple', '--vscode-charts-red'];
const TOKEN_KEY = 'driftwatch.team.token';

function specs(r: SeriesResponse, by: TeamBreakdown): { specs: ChartSpec[]; days: string[] } {
  const s = teamSeries(r, by);
  const perGroup = (id: TeamMetric, title: string, unit: string, format: ChartSpec['format'], scale = 1, range?: [number, number]): ChartSpec => ({
    id,
    title,
    unit,
    format,
    ...(range ? { range } : {}),
    // Past the palette, lines repeat a colour dashed, so six versions stay told apart.
    series: s.groups.map((a, i) => ({
      label: a,
      colorVar: COLORS[i % COLORS.length]!,
      ...(i >= COLORS.length ? { dash: [6, 3] } : {}),
      values: s.values[id][a]!.map((v) => (v === null ? null : v * scale)),
    })),
  });
  const pct = (v: number | null): string => (v === null ? '—' : `${v.toFixed(0)}%`);
  return {
    days: s.days,
    specs: [
      perGroup('score', 'Pooled score', 'points', fmtScore, 1, [0, 100]),
      perGroup('acceptance', 'Acceptance', 'percent', pct, 100, [0, 100]),
      perGroup('survival', 'Survival at 5 minutes', 'percent', pct, 100, [0, 100]),
      perGroup('arc', 'ARC at 5 minutes (characters kept)', 'percent', pct, 100, [0, 100]),
      perGroup('fixRate', 'Follow-up fix rate', 'percent', pct, 100, [0, 100]),
      perGroup('findings', 'Findings per 100 lines', 'findings', (v) => fmtNum(v, 2)),
      { id: 'members', title: 'Members per day', unit: 'members', format: (v) => fmtNum(v, 0), series: [{ label: 'members', colorVar: '--vscode-charts-blue', values: s.members }] },
    ],
  };
}

function main(): void {
  const status = h('p', { class: 'status', testid: 'status', attrs: { role: 'status' } }, 'Enter the team token to see the pooled trend.');
  const token = h('input', { testid: 'token', attrs: { type: 'password', autocomplete: 'off', placeholder: 'Team token', 'aria-label': 'Team token' } });
  const alerts = h('ul', { class: 'alerts', testid: 'alerts' });
  const chartHost = h('div', { testid: 'charts' });
  const charts = new Charts(chartHost);
  // The breakdown only regroups the response already loaded: no new request, no new data.
  const breakdown = h(
    'select',
    { testid: 'breakdown', attrs: { 'aria-label': 'One line per' }, on: { change: () => draw() } },
    ...(Object.keys(BREAKDOWN_LABELS) as TeamBreakdown[]).map((by) => h('option', { attrs: { value: by } }, BREAKDOWN_LABELS[by])),
  );
  // Which metrics may alert: the whole false-alert budget on one metric makes it more sensitive (README, Drift).
  const watch = h(
    'select',
    { testid: 'watch', attrs: { 'aria-label': 'Alerts from' }, on: { change: () => void loadAlerts().catch(() => undefined) } },
    h('option', { attrs: { value: 'all' } }, 'every metric'),
    h('option', { attrs: { value: 'findings' } }, 'findings per line only'),
    h('option', { attrs: { value: 'survival' } }, 'survival only'),
  ) as HTMLSelectElement;
  let loaded: SeriesResponse | undefined;
  const draw = (): void => {
    if (!loaded) return;
    const by = breakdown.value as TeamBreakdown;
    const { specs: list, days } = specs(loaded, by);
    chartHost.dataset.breakdown = by;
    charts.renderSpecs(list, days, []);
  };
  const load = async (): Promise<void> => {
    const t = token.value.trim();
    if (!t) return;
    sessionStorage.setItem(TOKEN_KEY, t);
    status.textContent = 'Loading…';
    const headers = { Authorization: `Bearer ${t}` };
    // The charts first (cells only: cheap), then the drift alerts (the collector's costlier tests) on the same window.
    const res = await fetch(`${SERIES_PATH}?alerts=0`, { headers });
    if (res.status === 401) {
      status.textContent = 'That token is not valid for this collector.';
      return;
    }
    if (!res.ok) {
      status.textContent = `The collector answered ${res.status}.`;
      return;
    }
    const parsed = SeriesResponseSchema.safeParse(await res.json());
    if (!parsed.success) {
      status.textContent = 'The collector sent data this page does not understand.';
      return;
    }
    const r = parsed.data;
    const memberDays = r.members.filter((m) => m.members > 0);
    status.textContent = `Team ${r.teamId}, ${r.since} to ${r.until}: ${r.cells.length} published cells (k = ${r.k}), up to ${Math.max(0, ...memberDays.map((m) => m.members))} members a day, acceptance across assistants ${fmtPct(
      (() => {
        const kept = r.cells.reduce((a, c) => a + c.accepted + c.modified, 0);
        const decided = r.cells.reduce((a, c) => a + c.accepted + c.modified + c.rejected + c.deleted, 0);
        return decided > 0 ? kept / decided : null;
      })(),
    )}.`;
    alerts.dataset.state = 'loading';
    setChildren(alerts, h('li', { class: 'pending' }, 'Checking the pooled series for drift…'));
    loaded = r;
    draw();
    await loadAlerts();
  };
  // Only the alerts depend on the watch: changing it asks the collector again for them, not for the charts.
  const loadAlerts = async (): Promise<void> => {
    const r = loaded;
    const t = token.value.trim();
    if (!r || !t) return;
    alerts.dataset.state = 'loading';
    setChildren(alerts, h('li', { class: 'pending' }, 'Checking the pooled series for drift…'));
    const range = new URLSearchParams({ since: r.since, until: r.until, k: String(r.k), watch: watch.value });
    const alertsRes = await fetch(`${ALERTS_PATH}?${range.toString()}`, { headers: { Authorization: `Bearer ${t}` } });
    const found = alertsRes.ok ? AlertsResponseSchema.safeParse(await alertsRes.json()) : undefined;
    if (!found?.success) {
      setChildren(alerts, h('li', { class: 'pending' }, `Drift alerts could not be loaded (${alertsRes.status}).`));
      alerts.dataset.state = 'failed';
      return;
    }
    const list = found.data.alerts.map((a) => h('li', { class: 'alert', testid: 'alert' }, h('strong', {}, a.title), h('div', {}, a.text)));
    setChildren(alerts, ...(list.length > 0 ? list : [h('li', { class: 'pending', testid: 'no-alert' }, 'No drift in the pooled series.')]));
    alerts.dataset.watch = found.data.watch;
    alerts.dataset.state = 'done';
  };
  const form = h(
    'form',
    { on: { submit: (e) => (e.preventDefault(), void load().catch((err: unknown) => (status.textContent = `Could not load: ${String(err)}`))) } },
    token,
    h('button', { testid: 'load', attrs: { type: 'submit' } }, 'Show'),
    h('label', { class: 'breakdown' }, 'One line per ', breakdown),
    h('label', { class: 'breakdown' }, 'Alerts from ', watch),
  );
  setChildren(document.body, h('h1', {}, 'Driftwatch — team trend'), form, status, alerts, chartHost);
  const saved = sessionStorage.getItem(TOKEN_KEY);
  if (saved) {
    token.value = saved;
    form.requestSubmit();
  }
}

main();
