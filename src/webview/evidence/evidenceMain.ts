/**
 * The "Prepare Drift Report" review page. Shows what the report will say, then every candidate example as the user
 * must judge it — its findings and its code — with two choices per example: include it, and (only then) include its
 * code. Code is out by default; paths never reach this page. Choices survive the tab being hidden (getState/setState).
 */
import '../boot.js';
import './evidence.css';
import type { ReviewCandidate, ReviewSummary, ReviewToHost } from '../../protocol/evidenceMessages.js';
import { ReviewToWebview } from '../../protocol/evidenceMessages.js';
import { describeRejection } from '../../protocol/messages.js';
import { h, setChildren } from '../dom.js';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

/** Per edit id: ticked, and whether its code goes in. */
type Ticks = Record<string, { includeCode: boolean }>;

class ReviewApp {
  private readonly api = acquireVsCodeApi();
  private readonly root = document.getElementById('app')!;
  private candidates: ReviewCandidate[] = [];
  private max = 20;
  private ticks: Ticks = {};
  private readonly summaryLine = h('p', { class: 'selection', testid: 'selection-summary', attrs: { role: 'status', 'aria-live': 'polite' } });
  private readonly status = h('div', { class: 'status', testid: 'write-status', attrs: { role: 'status', 'aria-live': 'polite' } });
  private readonly writeButton = h('button', { testid: 'write-report', on: { click: () => this.write() } }, 'Write Report…');

  constructor() {
    const saved = this.api.getState() as { ticks?: unknown } | undefined;
    if (saved && typeof saved.ticks === 'object' && saved.ticks !== null) this.ticks = saved.ticks as Ticks;
    window.addEventListener('message', (e: MessageEvent<unknown>) => this.receive(e.data));
    this.post({ type: 'ready' });
  }

  private post(m: ReviewToHost): void {
    this.api.postMessage(m);
  }

  private receive(raw: unknown): void {
    const parsed = ReviewToWebview.safeParse(raw);
    if (!parsed.success) {
      this.post({ type: 'reportRejected', detail: describeRejection(parsed.error, raw).slice(0, 300) });
      return;
    }
    const m = parsed.data;
    switch (m.type) {
      case 'init':
        this.candidates = m.candidates;
        this.max = m.maxExamples;
        // Forget ticks of edits no longer offered (the report was prepared again).
        this.ticks = Object.fromEntries(Object.entries(this.ticks).filter(([id]) => m.candidates.some((c) => c.editId === id)));
        this.render(m.summary);
        break;
      case 'written':
        this.writeButton.disabled = false;
        setChildren(
          this.status,
          h('span', {}, `Written to ${m.folder}: report.md, report.json and ${m.files - 2} chart(s), ${m.examples} example(s). Nothing was sent anywhere.`),
          ' ',
          h('button', { class: 'secondary', testid: 'open-report', on: { click: () => this.post({ type: 'openReport' }) } }, 'Open Report'),
        );
        this.status.dataset['state'] = 'written';
        break;
      case 'notWritten':
        this.writeButton.disabled = false;
        setChildren(this.status, m.reason);
        this.status.dataset['state'] = 'not-written';
        break;
    }
  }

  private save(): void {
    this.api.setState({ ticks: this.ticks });
  }

  private render(s: ReviewSummary): void {
    const metrics = h(
      'table',
      { class: 'metrics', testid: 'report-metrics' },
      h('thead', {}, h('tr', {}, h('th', {}, 'Metric'), h('th', {}, 'Before'), h('th', {}, 'After'), h('th', {}, 'Effect (95% CI)'), h('th', {}, 'Verdict'))),
      h('tbody', {}, ...s.metrics.map((m) => h('tr', { class: m.significant ? 'worse' : '' }, h('th', {}, m.label), h('td', {}, m.before), h('td', {}, m.after), h('td', {}, m.effect), h('td', {}, m.significant ? 'worse' : '—')))),
    );
    const rules = s.rules.length
      ? h('ul', { class: 'rules', testid: 'report-rules' }, ...s.rules.map((r) => h('li', {}, h('code', {}, r.ruleId), ` ${r.title}: ${r.before.toFixed(2)} → ${r.after.toFixed(2)} per 100 lines`)))
      : h('p', { class: 'muted' }, 'No rule found more per line after the change.');
    const versions = (v: string[]): string => (v.length ? v.join(', ') : 'unknown');
    setChildren(
      this.root,
      h('h1', {}, `Drift report for the vendor: ${s.assistant}`),
      h('p', { class: 'headline', testid: 'report-headline' }, h('strong', {}, `${s.headline}.`), s.controls ? ` ${s.controls}` : ''),
      h('p', { class: 'muted' }, `Before: ${s.before.since} … ${s.before.until} (${s.before.edits} edits, version ${versions(s.before.versions)}). After: ${s.after.since} … ${s.after.until} (${s.after.edits} edits, version ${versions(s.after.versions)}).`),
      h('p', { class: 'notice' }, 'Nothing is sent anywhere. Driftwatch writes the report (Markdown, JSON and SVG charts) to a folder you choose; you attach it to the vendor\'s issue yourself. File paths are never included.'),
      h('h2', {}, 'What the report says'),
      metrics,
      h('h3', {}, 'Rules whose findings rose most'),
      rules,
      h('h2', {}, 'Examples (optional)'),
      h('p', {}, `Vendors usually ask for examples. Tick up to ${this.max} edits to include. Each example's code stays out of the report unless you also tick "Include code" for it — read the code below first.`),
      this.candidates.length === 0
        ? h('p', { class: 'muted', testid: 'no-candidates' }, 'No edits after the change to choose from.')
        : h('ol', { class: 'candidates' }, ...this.candidates.map((c, i) => this.card(c, i))),
      h('footer', { class: 'actions' }, this.summaryLine, this.writeButton, this.status),
    );
    this.root.setAttribute('aria-busy', 'false');
    document.body.dataset['driftwatch'] = 'ready';
    this.updateSelection();
  }

  private card(c: ReviewCandidate, i: number): HTMLElement {
    const ticked = this.ticks[c.editId] !== undefined;
    const hasCode = c.code !== undefined;
    const include = h('input', { testid: 'example-tick', attrs: { type: 'checkbox', id: `tick-${i}`, checked: ticked } });
    const withCode = h('input', { testid: 'example-include-code', attrs: { type: 'checkbox', id: `code-${i}`, checked: ticked && this.ticks[c.editId]!.includeCode, disabled: !ticked || !hasCode } });
    const badge = h('span', { class: 'badge', testid: 'code-badge' });
    const li = h('li', { class: 'candidate', testid: 'candidate', attrs: { 'data-edit-id': c.editId } });
    const sync = (): void => {
      const t = this.ticks[c.editId];
      li.classList.toggle('ticked', t !== undefined);
      withCode.disabled = t === undefined || !hasCode;
      withCode.checked = t?.includeCode ?? false;
      badge.textContent = t === undefined ? 'not in the report' : !hasCode ? 'in the report (no code stored)' : t.includeCode ? 'in the report with its code' : 'in the report, code left out';
      badge.dataset['state'] = t === undefined ? 'out' : t.includeCode ? 'with-code' : 'in';
    };
    include.addEventListener('change', () => {
      if (include.checked) this.ticks[c.editId] = { includeCode: false };
      else delete this.ticks[c.editId];
      sync();
      this.updateSelection();
    });
    withCode.addEventListener('change', () => {
      const t = this.ticks[c.editId];
      if (t) t.includeCode = withCode.checked;
      sync();
      this.updateSelection();
    });
    const meta = [c.day, c.language, c.model, c.version && `version ${c.version}`, c.provenance, `${c.lines} line(s)`, `outcome ${c.outcome}`, c.score !== null ? `score ${Math.round(c.score)}` : undefined].filter(Boolean).join(' · ');
    setChildren(
      li,
      h('div', { class: 'choices' }, h('label', { attrs: { for: `tick-${i}` } }, include, ' Include this example'), h('label', { attrs: { for: `code-${i}` } }, withCode, ' Include code'), badge),
      h('div', { class: 'meta' }, meta),
      c.findings.length
        ? h('ul', { class: 'findings' }, ...c.findings.map((f) => h('li', {}, `line ${f.line}: `, h('code', {}, f.ruleId), ` (${f.severity})`, f.message ? ` — ${f.message}` : '')))
        : h('p', { class: 'muted' }, 'No findings in this edit.'),
      hasCode ? h('pre', { class: 'code', testid: 'example-code' }, h('code', {}, c.code!)) : h('p', { class: 'muted' }, 'The store kept no code for this edit (code level "noCode").'),
    );
    sync();
    return li;
  }

  private updateSelection(): void {
    const ids = Object.keys(this.ticks);
    const withCode = ids.filter((id) => this.ticks[id]!.includeCode).length;
    this.summaryLine.textContent = ids.length === 0 ? 'No examples selected: the report will hold statistics, rules and charts only.' : `${ids.length} example(s) selected, ${withCode} with code.`;
    // At the limit, unticked examples cannot be ticked.
    for (const li of Array.from(this.root.querySelectorAll<HTMLElement>('li.candidate'))) {
      const box = li.querySelector<HTMLInputElement>('input[data-testid="example-tick"]');
      if (box && !box.checked) box.disabled = ids.length >= this.max;
    }
    this.save();
  }

  private write(): void {
    // In the order shown, so "Example 1" is the first ticked card.
    const selections = this.candidates.filter((c) => this.ticks[c.editId] !== undefined).map((c) => ({ editId: c.editId, includeCode: this.ticks[c.editId]!.includeCode }));
    this.writeButton.disabled = true;
    setChildren(this.status, 'Choose a folder for the report…');
    this.status.dataset['state'] = 'choosing';
    this.post({ type: 'write', selections });
  }
}

new ReviewApp();
