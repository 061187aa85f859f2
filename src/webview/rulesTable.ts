/** Top rules in range: counts, how many were later fixed, and precision from "not a problem" feedback. */
import type { PanelData } from '../core/panel/panelData.js';
import { h } from './dom.js';
import { fmtPct } from './format.js';

export function renderRules(d: PanelData, openDoc: (ruleId: string) => void): HTMLElement {
  if (d.rules.length === 0) {
    return h('section', { class: 'rules', attrs: { 'aria-label': 'Rules' } }, h('h2', {}, 'Top rules'), h('p', { class: 'muted', testid: 'rules-empty' }, 'No findings in assistant-written code in this range.'));
  }
  return h(
    'section',
    { class: 'rules', attrs: { 'aria-label': 'Rules' } },
    h('h2', {}, 'Top rules'),
    h(
      'div',
      { class: 'scroll-x' },
      h(
        'table',
        { class: 'grid', testid: 'rules-table' },
        h('caption', { class: 'sr-only' }, 'Findings per rule in assistant-written code'),
        h('thead', {}, h('tr', {}, ...['Rule', 'Severity', 'Found', 'Fixed later', 'Precision'].map((t) => h('th', { attrs: { scope: 'col' } }, t)))),
        h(
          'tbody',
          {},
          ...d.rules.map((r) =>
            h(
              'tr',
              { testid: 'rule-row', attrs: { 'data-rule': r.ruleId } },
              h(
                'th',
                { attrs: { scope: 'row' } },
                h('a', { class: 'link', attrs: { href: '#', role: 'link', title: `Open the documentation of ${r.ruleId}` }, on: { click: (e) => (e.preventDefault(), openDoc(r.ruleId)) } }, r.ruleId),
              ),
              h('td', { class: `sev sev-${r.severity}` }, r.severity),
              h('td', {}, r.open),
              h('td', {}, r.fixed),
              h('td', { attrs: { title: `${r.notAProblem} marked "not a problem" of ${r.open}` } }, `${fmtPct(r.precision)}${r.notAProblem > 0 ? ` (${r.notAProblem} dismissed)` : ''}`),
            ),
          ),
        ),
      ),
    ),
  );
}
