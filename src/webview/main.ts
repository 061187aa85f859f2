/**
 * The quality-trend panel app. Boot: install the message listener, post `ready`, take the query from this webview's
 * saved state (or the host's per-workspace `init`), ask for its data, render. Every answer is matched to the latest
 * request id, so a slow answer to an old query never overwrites a newer one.
 *
 * The same app runs in the sidebar and in the full-size dashboard tab (`<body data-surface="dashboard">`). The
 * dashboard asks for the wide extras (per-rule trends), draws taller charts, and lists the edits behind a chart period
 * when a chart is clicked (or the period is picked from the list, for keyboard users).
 */
import './boot.js';
import 'uplot/dist/uPlot.min.css';
import './styles.css';
import type { PanelData, PanelQuery, RecentEdit } from '../core/panel/panelData.js';
import type { ToWebview } from '../protocol/messages.js';
import { Bridge } from './bridge.js';
import { renderBreakdowns } from './breakdowns.js';
import { Charts } from './charts.js';
import { renderControls } from './controls.js';
import { h, setChildren } from './dom.js';
import { renderDriftAlerts } from './driftAlerts.js';
import { renderEmptyState } from './emptyState.js';
import { renderHeadline } from './headline.js';
import { renderRecentEdits, renderStoredText } from './recentEdits.js';
import { ruleTrendSpecs } from './ruleTrends.js';
import { renderRules } from './rulesTable.js';

const DASHBOARD = document.body.dataset['surface'] === 'dashboard';

class App {
  private readonly bridge = new Bridge((m) => this.onMessage(m));
  private query: PanelQuery | undefined = this.bridge.state().query;
  private data: PanelData | undefined;
  private pendingQuery: string | undefined;
  /** Id of the query whose data is on screen (its `recent` answer may still come). */
  private shownQuery: string | undefined;
  private readonly pendingOpen = new Map<string, RecentEdit>();

  private readonly root = document.getElementById('app')!;
  private readonly driftSlot = h('div', { class: 'slot' });
  private readonly controlsSlot = h('div', { class: 'slot' });
  private readonly status = h('div', { class: 'status', testid: 'status', attrs: { role: 'status', 'aria-live': 'polite' } });
  private readonly body = h('div', { class: 'slot' });
  private readonly chartsHost = h('section', { class: 'charts', testid: 'charts', attrs: { 'aria-label': 'Trends' } });
  private readonly storedSlot = h('div', { class: 'slot' });
  private readonly recentSlot = h('div', { class: 'slot' });
  private readonly charts = new Charts(this.chartsHost, { tall: DASHBOARD });
  private readonly ruleChartsHost = h('section', { class: 'charts', testid: 'rule-charts', attrs: { 'aria-label': 'Findings per rule' } });
  private readonly ruleCharts = new Charts(this.ruleChartsHost, { tall: false });
  private readonly periodSlot = h('div', { class: 'slot', testid: 'period-slot' });
  /** The chart period whose edits are listed (dashboard), and the id of its pending request. */
  private period: string | undefined;
  private pendingPeriod: string | undefined;

  start(): void {
    if (DASHBOARD) {
      document.body.classList.add('dashboard');
      const pick = (i: number): void => {
        const day = this.data?.series.buckets[i];
        if (day) this.requestPeriod(day);
      };
      this.charts.onPick = pick;
      this.ruleCharts.onPick = pick;
    }
    this.root.replaceChildren(this.driftSlot, this.controlsSlot, this.status, this.body);
    // Redraw charts when the theme changes: canvas colours are resolved from CSS variables at draw time.
    new MutationObserver(() => this.data && this.drawCharts(this.data)).observe(document.body, { attributes: true, attributeFilter: ['class'] });
    this.status.textContent = 'Loading…';
    document.body.dataset['driftwatch'] = 'booting';
    this.bridge.post({ type: 'ready' });
  }

  private onMessage(m: ToWebview): void {
    switch (m.type) {
      case 'init':
        this.request(this.query ?? m.query);
        break;
      case 'invalidate':
        if (this.query) this.request(this.query);
        break;
      case 'data':
        if (m.id !== this.pendingQuery) return;
        this.pendingQuery = undefined;
        this.shownQuery = m.id;
        this.data = m.data;
        this.render();
        break;
      case 'recent':
        if (m.id !== this.shownQuery || !this.data) return;
        this.data = { ...this.data, recentEdits: m.rows, recentPending: false };
        this.renderRecent();
        break;
      case 'openResult': {
        const edit = this.pendingOpen.get(m.id);
        this.pendingOpen.delete(m.id);
        if (!edit) return;
        if (m.ok && m.reason === undefined) {
          setChildren(this.storedSlot);
          this.status.textContent = `Opened ${edit.file}:${edit.line + 1}`;
        } else {
          const panel = renderStoredText(m.file ?? edit.file, m.reason ?? 'unknown-edit', m.storedText, () => setChildren(this.storedSlot));
          setChildren(this.storedSlot, panel);
          panel.focus();
          this.status.textContent = m.ok ? `Opened ${edit.file}; the region has changed since the edit` : `Could not open ${edit.file}`;
        }
        break;
      }
      case 'periodEdits': {
        if (m.id !== this.pendingPeriod) return;
        this.pendingPeriod = undefined;
        this.renderPeriod(m);
        break;
      }
      case 'error':
        if (m.id === this.pendingPeriod) this.pendingPeriod = undefined;
        if (m.id === this.pendingQuery) this.pendingQuery = undefined;
        this.status.textContent = m.message;
        this.root.setAttribute('aria-busy', 'false');
        break;
    }
  }

  private request(query: PanelQuery): void {
    // Another range or filter: the listed period's edits belong to the old one.
    if (this.period !== undefined && JSON.stringify(query) !== JSON.stringify(this.query)) {
      this.period = undefined;
      setChildren(this.periodSlot);
    }
    this.query = query;
    this.bridge.saveState({ query });
    this.pendingQuery = this.bridge.newRequestId();
    this.root.setAttribute('aria-busy', 'true');
    this.renderControls();
    this.bridge.post({ type: 'query', id: this.pendingQuery, query, ...(DASHBOARD ? { wide: true } : {}) });
  }

  /** Asks for the edits behind one chart period (dashboard). */
  private requestPeriod(period: string): void {
    const d = this.data;
    if (!d || !this.query) return;
    this.period = period;
    this.pendingPeriod = this.bridge.newRequestId();
    setChildren(this.periodSlot, h('p', { class: 'muted', attrs: { 'aria-busy': 'true' } }, `Loading the edits of ${period}…`));
    this.bridge.post({ type: 'periodEdits', id: this.pendingPeriod, query: this.query, period, granularity: d.granularity });
  }

  private renderPeriod(m: Extract<ToWebview, { type: 'periodEdits' }>): void {
    const span = m.since === m.until ? m.since : `${m.since} – ${m.until}`;
    const note = m.total > m.rows.length ? `Newest ${m.rows.length} of ${m.total} edits.` : `${m.total} edit${m.total === 1 ? '' : 's'}.`;
    const list = renderRecentEdits(m.rows, false, (e) => this.openEdit(e), { title: `Edits of ${span}`, testid: 'period-edits', empty: 'No assistant edits in this period for these filters.', note });
    list.dataset['period'] = m.since;
    keepFocus(() => setChildren(this.periodSlot, list));
    list.scrollIntoView({ block: 'nearest' });
    this.status.textContent = `${m.total} assistant edit${m.total === 1 ? '' : 's'} from ${span}`;
  }

  /** The dashboard's keyboard path to a period's edits: the same as clicking the chart there. */
  private renderPeriodPicker(d: PanelData): HTMLElement {
    const select = h(
      'select',
      { testid: 'period-select', attrs: { 'aria-label': 'Show the edits of a period' }, on: { change: () => select.value && this.requestPeriod(select.value) } },
      h('option', { attrs: { value: '' } }, 'Show the edits of…'),
      ...[...d.series.buckets].reverse().map((day, i) => h('option', { attrs: { value: day, selected: day === this.period } }, `${d.granularity === 'week' ? 'week of ' : ''}${day} (${d.series.edits[d.series.buckets.length - 1 - i] ?? 0} edits)`)),
    );
    return h('div', { class: 'period-picker' }, h('span', { class: 'muted' }, 'Click a chart point, or pick a period: '), select);
  }

  private drawCharts(d: PanelData): void {
    this.charts.render(d);
    if (DASHBOARD) this.ruleCharts.renderSpecs(ruleTrendSpecs(d), d.series.buckets, d.markers.filter((m) => m.day >= d.since && m.day <= d.until));
  }

  private renderControls(): void {
    const query = this.query;
    if (query) keepFocus(() => setChildren(this.controlsSlot, renderControls(query, this.data, (q) => this.request(q))));
  }

  private render(): void {
    keepFocus(() => this.renderAll());
  }

  private renderAll(): void {
    const d = this.data;
    if (!d) return;
    this.root.setAttribute('aria-busy', 'false');
    this.root.dataset['range'] = `${d.since}..${d.until}`;
    document.body.dataset['driftwatch'] = d.hasData ? 'ready' : 'empty';
    setChildren(
      this.driftSlot,
      renderDriftAlerts(d.drift, {
        dismiss: (key) => this.bridge.post({ type: 'dismissDrift', key }),
        prepareReport: (assistant) => this.bridge.post({ type: 'prepareDriftReport', assistant }),
      }),
    );
    if (!d.hasData) {
      this.charts.destroy();
      this.ruleCharts.destroy();
      setChildren(this.controlsSlot);
      setChildren(this.body, renderEmptyState(() => this.bridge.post({ type: 'openWalkthrough' })));
      this.status.textContent = '';
      return;
    }
    this.renderControls();
    const rangeEdits = d.series.edits.reduce((a, b) => a + b, 0);
    this.status.textContent = `${rangeEdits} assistant edit${rangeEdits === 1 ? '' : 's'} from ${d.since} to ${d.until}, per ${d.granularity}`;
    const markers = d.markers.filter((m) => m.day >= d.since && m.day <= d.until);
    const dashboardLink = DASHBOARD
      ? null
      : h('button', { class: 'link', testid: 'open-dashboard', attrs: { type: 'button', 'aria-label': 'Open the full-size dashboard in an editor tab' }, on: { click: () => this.bridge.post({ type: 'openDashboard' }) } }, 'Open full dashboard ↗');
    setChildren(
      this.body,
      renderHeadline(d),
      dashboardLink,
      DASHBOARD ? this.renderPeriodPicker(d) : null,
      this.chartsHost,
      DASHBOARD ? this.periodSlot : null,
      h(
        'section',
        { class: 'markers', testid: 'version-markers', attrs: { 'aria-label': 'Version and model changes' } },
        markers.length > 0 ? h('ul', {}, ...markers.map((m) => h('li', { attrs: { 'data-kind': m.kind } }, `${m.day}: ${m.label}`))) : h('p', { class: 'muted' }, 'No assistant version or model changes in this range.'),
      ),
      this.recentSlot,
      this.storedSlot,
      renderBreakdowns(d),
      renderRules(d, (ruleId) => this.bridge.post({ type: 'openRuleDoc', ruleId })),
      DASHBOARD ? h('h2', {}, 'Findings per rule (per 100 changed lines)') : null,
      DASHBOARD ? this.ruleChartsHost : null,
    );
    this.renderRecent();
    this.drawCharts(d);
  }

  private renderRecent(): void {
    const d = this.data;
    if (d) keepFocus(() => setChildren(this.recentSlot, renderRecentEdits(d.recentEdits, d.recentPending, (e) => this.openEdit(e))));
  }

  private openEdit(edit: RecentEdit): void {
    const id = this.bridge.newRequestId();
    this.pendingOpen.set(id, edit);
    this.bridge.post({ type: 'openEdit', id, editId: edit.id });
  }
}

/**
 * Re-rendering replaces elements; a keyboard user must not lose their place when fresh data arrives. The focused
 * control is found again by its test id (and edit id, for rows of the recent list) and refocused.
 */
function keepFocus(render: () => void): void {
  const active = document.activeElement instanceof HTMLElement ? document.activeElement : undefined;
  const testid = active?.dataset['testid'];
  const editId = active?.dataset['editId'];
  render();
  if (!testid || (active && active.isConnected)) return;
  const selector = `[data-testid="${CSS.escape(testid)}"]${editId ? `[data-edit-id="${CSS.escape(editId)}"]` : ''}`;
  document.querySelector<HTMLElement>(selector)?.focus({ preventScroll: true });
}

new App().start();
