/**
 * Recent assistant edits. Each row is a button (Enter/Space open it); Up/Down/Home/End move between rows. Opening
 * asks the host by edit id; when the file is gone or the region changed, the stored text is shown below the list.
 * Each row names the channel that proved the edit. Rejected proposals (rows with `proposal`) follow in their own list:
 * they never changed the file, so there is nothing to open.
 */
import type { RecentEdit } from '../core/panel/panelData.js';
import { h } from './dom.js';
import { fmtScore, fmtTime } from './format.js';

/** "via hook", "via disk-write, confirmed by otlp". */
function provedBy(e: RecentEdit): string {
  if (!e.channel) return '';
  return `via ${e.channel}${e.confirmedBy && e.confirmedBy.length > 0 ? `, confirmed by ${e.confirmedBy.join(', ')}` : ''}`;
}

/** How a list of edits is titled and tagged (the sidebar's recent edits, or the dashboard's edits of one period). */
export interface EditListLabels {
  title: string;
  /** Test id of the list; rows get `<testid minus the trailing s>` (recent-edits → recent-edit). */
  testid: string;
  empty: string;
  note?: string;
}

const RECENT_LABELS: EditListLabels = { title: 'Recent edits', testid: 'recent-edits', empty: 'No assistant edits in the last 3 days for these filters.' };

export function renderRecentEdits(all: readonly RecentEdit[], pending: boolean, open: (edit: RecentEdit) => void, labels: EditListLabels = RECENT_LABELS): HTMLElement {
  const rows = all.filter((e) => !e.proposal);
  const rowTestid = labels.testid.replace(/s$/, '');
  const list = h('ul', { class: 'recent', testid: labels.testid, attrs: { 'aria-label': labels.title } });
  const buttons: HTMLButtonElement[] = [];
  for (const e of rows) {
    const via = provedBy(e);
    const label = `${e.file}:${e.line + 1} by ${e.assistant}${e.model ? ` (${e.model})` : ''}${via ? ` ${via}` : ''}, ${e.outcome}, score ${fmtScore(e.score)}, ${e.findings} finding${e.findings === 1 ? '' : 's'}, ${fmtTime(e.ts)}`;
    const btn = h(
      'button',
      { class: 'recent-edit', testid: rowTestid, attrs: { type: 'button', 'data-edit-id': e.id, 'aria-label': `Open ${label}` }, on: { click: () => open(e) } },
      h('span', { class: 'recent-file' }, `${e.file}:${e.line + 1}`),
      h('span', { class: `badge outcome-${e.outcome}` }, e.outcome),
      h('span', { class: 'recent-score' }, fmtScore(e.score)),
      h('span', { class: 'muted recent-meta' }, `${fmtTime(e.ts)} · ${e.assistant}${e.model ? ` · ${e.model}` : ''} · ${e.lines} line${e.lines === 1 ? '' : 's'} · ${e.findings} finding${e.findings === 1 ? '' : 's'}${via ? ` · ${via}` : ''}`),
    );
    buttons.push(btn);
    list.append(h('li', {}, btn));
  }
  list.addEventListener('keydown', (ev) => {
    const i = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (i < 0) return;
    const next = ev.key === 'ArrowDown' ? i + 1 : ev.key === 'ArrowUp' ? i - 1 : ev.key === 'Home' ? 0 : ev.key === 'End' ? buttons.length - 1 : -1;
    if (next < 0 || next >= buttons.length || next === i) return;
    ev.preventDefault();
    buttons[next]!.focus();
  });
  const proposals = all.filter((e) => e.proposal);
  return h(
    'section',
    { class: 'recent-section', attrs: { 'aria-label': labels.title } },
    h('h2', {}, labels.title),
    labels.note ? h('p', { class: 'muted', testid: `${labels.testid}-note` }, labels.note) : null,
    rows.length > 0 ? list : pending ? h('p', { class: 'muted', attrs: { 'aria-busy': 'true' } }, 'Loading edits…') : h('p', { class: 'muted', testid: `${labels.testid}-empty` }, labels.empty),
    ...(proposals.length > 0 ? [h('h3', {}, 'Rejected proposals'), renderProposals(proposals)] : []),
  );
}

/** Proposals the user declined: what was proposed, by whom, and the channel that reported the decision. */
function renderProposals(rows: readonly RecentEdit[]): HTMLElement {
  return h(
    'ul',
    { class: 'recent proposals', testid: 'rejected-proposals', attrs: { 'aria-label': 'Rejected proposals' } },
    ...rows.map((p) =>
      h(
        'li',
        { class: 'rejected-proposal', testid: 'rejected-proposal', attrs: { 'data-proposal-id': p.id } },
        h('span', { class: 'recent-file' }, p.file !== '' ? p.file : '(file not reported)'),
        h('span', { class: 'badge outcome-rejected' }, 'rejected'),
        h('span', { class: 'muted recent-meta' }, `${fmtTime(p.ts)} · ${p.assistant}${p.toolName ? ` · ${p.toolName}` : ''}${p.lines > 0 ? ` · ${p.lines} line${p.lines === 1 ? '' : 's'}` : ''} · via ${p.channel ?? 'unknown'}`),
      ),
    ),
  );
}

/** The stored text of an edit whose file changed or is gone. */
export function renderStoredText(file: string, reason: string, text: string | undefined, onClose: () => void): HTMLElement {
  const why = reason === 'changed' ? 'The file has changed since; this is what the assistant wrote:' : reason === 'missing-file' ? 'The file is no longer in the workspace; this is what the assistant wrote:' : reason === 'no-workspace' ? 'Open the workspace folder to jump to the file; this is what the assistant wrote:' : 'This edit is no longer in the recent list.';
  return h(
    'section',
    { class: 'stored', testid: 'stored-text', attrs: { 'aria-label': `Stored text of ${file}`, tabindex: -1 } },
    h('div', { class: 'stored-head' }, h('strong', {}, file), h('button', { class: 'secondary', attrs: { type: 'button', 'aria-label': 'Close stored text' }, on: { click: onClose } }, 'Close')),
    h('p', { class: 'muted' }, why),
    text !== undefined ? h('pre', {}, h('code', {}, text)) : h('p', { class: 'muted' }, 'No text was stored for this edit (code level "noCode").'),
  );
}
