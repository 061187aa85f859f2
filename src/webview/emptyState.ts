/** The first-run view: what Driftwatch records and how data gets here (matches the manifest's viewsWelcome). */
import { h } from './dom.js';

export function renderEmptyState(): HTMLElement {
  return h(
    'section',
    { class: 'empty', testid: 'empty-state', attrs: { 'aria-label': 'No data yet' } },
    h('h2', {}, 'No assistant edits recorded yet'),
    h('p', {}, 'Accept a suggestion from Copilot, Claude Code, Cursor or another assistant and it appears here: a score per edit, what you kept, what you fixed by hand, and which rules it broke.'),
    h(
      'ul',
      {},
      h('li', {}, 'Inline completions and chat/agent edits in this editor are recorded automatically.'),
      h('li', {}, 'Everything stays on this machine; nothing is uploaded.'),
      h('li', {}, 'The trend and drift alerts need a few days of edits.'),
    ),
  );
}
