/** The headline: today's score, the last 7 days against the 28 before, and the share of code assistants wrote. */
import type { PanelData } from '../core/panel/panelData.js';
import { h } from './dom.js';
import { fmtPct, fmtScore, fmtSigned } from './format.js';

export function renderHeadline(d: PanelData): HTMLElement {
  const hd = d.headline;
  const trend = hd.change === null ? 'flat' : hd.change <= -2 ? 'down' : hd.change >= 2 ? 'up' : 'flat';
  return h(
    'section',
    { class: 'headline', attrs: { 'aria-label': 'Headline' } },
    h(
      'div',
      { class: 'stat' },
      h('div', { class: 'stat-value', testid: 'headline-score', attrs: { 'aria-label': `Today's score ${fmtScore(hd.todayScore)}` } }, fmtScore(hd.todayScore)),
      h('div', { class: 'stat-label' }, `today's score · ${hd.todayEdits} edit${hd.todayEdits === 1 ? '' : 's'}`),
    ),
    h(
      'div',
      { class: `stat trend-${trend}` },
      h('div', { class: 'stat-value', testid: 'headline-change', attrs: { 'aria-label': `Last 7 days ${fmtScore(hd.last7)} versus ${fmtScore(hd.prior28)} in the 28 days before: ${fmtSigned(hd.change)} points` } }, fmtSigned(hd.change)),
      h('div', { class: 'stat-label' }, `7 d ${fmtScore(hd.last7)} vs prior 28 d ${fmtScore(hd.prior28)}`),
    ),
    h(
      'div',
      { class: 'stat' },
      h('div', { class: 'stat-value', testid: 'headline-share' }, fmtPct(hd.assistantShare)),
      h('div', { class: 'stat-label' }, 'of code written by assistants'),
    ),
  );
}
