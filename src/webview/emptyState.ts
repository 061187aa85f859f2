/**
 * The first-run view: what Driftwatch will show, how data gets here (each way named by the command that sets it up),
 * and the walkthrough one click away (matches the manifest's viewsWelcome).
 */
import { h } from './dom.js';

export function renderEmptyState(openWalkthrough: () => void): HTMLElement {
  return h(
    'section',
    { class: 'empty', testid: 'empty-state', attrs: { 'aria-label': 'No data yet' } },
    h('h2', {}, 'No assistant edits recorded yet'),
    h('p', {}, 'Accept a suggestion from Copilot, Claude Code, Cursor or another assistant and it appears here: a score per edit, what you kept, what you fixed by hand, and which rules it broke.'),
    h(
      'ul',
      {},
      h('li', {}, 'Inline completions and chat/agent edits in this editor are recorded automatically.'),
      h('li', {}, 'Agents that write files themselves (Claude Code, Cursor): run “Driftwatch: Connect Claude Code” or “Driftwatch: Connect Cursor” in a workspace.'),
      h('li', {}, 'Everything stays on this machine; nothing is uploaded.'),
      h('li', {}, 'The trend needs a few days of edits; drift alerts need about five weeks to compare against.'),
    ),
    h('button', { testid: 'empty-walkthrough', attrs: { type: 'button' }, on: { click: openWalkthrough } }, 'Open the Driftwatch walkthrough'),
  );
}
