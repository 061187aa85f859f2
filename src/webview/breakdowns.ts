/** Breakdown tables by assistant, model and language, with the score components beside the composite. */
import type { BreakdownRow, PanelData } from '../core/panel/panelData.js';
import { h } from './dom.js';
import { fmtNum, fmtPct, fmtScore } from './format.js';

function table(testid: string, caption: string, rows: readonly BreakdownRow[]): HTMLElement {
  const head = ['', 'Edits', 'Score', 'Lint', 'Diag.', 'Surv.', 'Fixes', 'Accept', '@5 min', 'ARC@5', 'Fixed', 'Find./100'];
  const titles: Record<string, string> = {
    '@5 min': 'Edits unchanged at 5 minutes',
    'ARC@5': 'Accepted-and-retained characters at 5 minutes, as VS Code counts them',
  };
  return h(
    'table',
    { class: 'grid', testid },
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, ...head.map((t, i) => h('th', { attrs: { scope: 'col', title: i >= 3 && i <= 6 ? 'Score component (0–100)' : titles[t] } }, t)))),
    h(
      'tbody',
      {},
      ...rows.slice(0, 30).map((r) =>
        h(
          'tr',
          {},
          h('th', { attrs: { scope: 'row' } }, r.key),
          h('td', {}, r.edits),
          h('td', { class: 'strong' }, fmtScore(r.score)),
          h('td', {}, fmtScore(r.components.lint)),
          h('td', {}, fmtScore(r.components.diagnostics)),
          h('td', {}, fmtScore(r.components.survival)),
          h('td', {}, fmtScore(r.components.fixes)),
          h('td', {}, fmtPct(r.acceptance)),
          h('td', {}, fmtPct(r.survival5m)),
          h('td', {}, fmtPct(r.arc5m)),
          h('td', {}, fmtPct(r.fixRate)),
          h('td', {}, fmtNum(r.findingsPer100)),
        ),
      ),
    ),
  );
}

export function renderBreakdowns(d: PanelData): HTMLElement {
  return h(
    'section',
    { class: 'breakdowns', attrs: { 'aria-label': 'Breakdowns' } },
    h('h2', {}, 'Breakdown'),
    h('div', { class: 'scroll-x' }, table('breakdown-assistant', 'By assistant', d.breakdowns.assistant)),
    h('div', { class: 'scroll-x' }, table('breakdown-model', 'By model', d.breakdowns.model)),
    h('div', { class: 'scroll-x' }, table('breakdown-language', 'By language', d.breakdowns.language)),
  );
}
