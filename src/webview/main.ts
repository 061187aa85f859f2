/**
 * The quality-trend panel app. Boot: install the message listener, post `ready`, take the query from this webview's
 * saved state (or the host's per-workspace `init`), ask for its data, render. Every answer is matched to the latest
 * request id, so a slow answer to an old query never overwrites a newer one.
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
import { renderRules } from './rulesTable.js';

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
  private readonly charts = new Charts(this.chartsHost);

  start(): void {
    this.root.replaceChildren(this.driftSlot, this.controlsSlot, this.status, this.body);
    // Redraw charts when the theme changes: canvas colours are resolved from CSS variables at draw time.
    new MutationObserver(() => this.data && this.charts.render(this.data)).observe(document.body, { attributes: true, attributeFilter: ['class'] });
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
      case 'error':
        if (m.id === this.pendingQuery) this.pendingQuery = undefined;
        this.status.textContent = m.message;
        this.root.setAttribute('aria-busy', 'false');
        break;
    }
  }

  private request(query: PanelQuery): void {
    this.query = query;
    this.bridge.saveState({ query });
    this.pendingQuery = this.bridge.newRequestId();
    this.root.setAttribute('aria-busy', 'true');
    this.renderControls();
    this.bridge.post({ type: 'query', id: this.pendingQuery, query });
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
    setChildren(this.driftSlot, renderDriftAlerts(d.drift, (key) => this.bridge.post({ type: 'dismissDrift', key })));
    if (!d.hasData) {
      this.charts.destroy();
      setChildren(this.controlsSlot);
      setChildren(this.body, renderEmptyState());
      this.status.textContent = '';
      return;
    }
    this.renderControls();
    const rangeEdits = d.series.edits.reduce((a, b) => a + b, 0);
    this.status.textContent = `${rangeEdits} assistant edit${rangeEdits === 1 ? '' : 's'} from ${d.since} to ${d.until}, per ${d.granularity}`;
    const markers = d.markers.filter((m) => m.day >= d.since && m.day <= d.until);
    setChildren(
      this.body,
      renderHeadline(d),
      this.chartsHost,
      h(
        'section',
        { class: 'markers', testid: 'version-markers', attrs: { 'aria-label': 'Version and model changes' } },
        markers.length > 0 ? h('ul', {}, ...markers.map((m) => h('li', { attrs: { 'data-kind': m.kind } }, `${m.day}: ${m.label}`))) : h('p', { class: 'muted' }, 'No assistant version or model changes in this range.'),
      ),
      this.recentSlot,
      this.storedSlot,
      renderBreakdowns(d),
      renderRules(d, (ruleId) => this.bridge.post({ type: 'openRuleDoc', ruleId })),
    );
    this.renderRecent();
    this.charts.render(d);
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
