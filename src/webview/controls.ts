/** Range, granularity and filters. Native selects: keyboard and screen-reader support come for free. */
import { RANGES, type PanelData, type PanelQuery } from '../core/panel/panelData.js';
import { h } from './dom.js';

const RANGE_LABEL: Record<(typeof RANGES)[number], string> = { '7d': 'Last 7 days', '30d': 'Last 30 days', '90d': 'Last 90 days', all: 'All time' };

function select(testid: string, label: string, options: [string, string][], value: string, onChange: (v: string) => void): HTMLElement {
  const id = `ctl-${testid}`;
  const sel = h('select', { testid, attrs: { id }, on: { change: () => onChange(sel.value) } }, ...options.map(([v, text]) => h('option', { attrs: { value: v, selected: v === value } }, text)));
  sel.value = value;
  return h('label', { class: 'control', attrs: { for: id } }, h('span', {}, label), sel);
}

/** Filter choices: what the data offers, plus the current value even if it has no data in this range. */
function choices(values: readonly string[], current: string | undefined, allLabel: string): [string, string][] {
  const set = new Set(values);
  if (current !== undefined) set.add(current);
  return [['', allLabel], ...[...set].sort().map((v): [string, string] => [v, v])];
}

export function renderControls(q: PanelQuery, d: PanelData | undefined, onChange: (q: PanelQuery) => void): HTMLElement {
  const set = (patch: Partial<PanelQuery>) => {
    const next: PanelQuery = { ...q, ...patch };
    for (const k of ['assistant', 'model', 'language'] as const) if (next[k] === '') delete next[k];
    onChange(next);
  };
  const opts = d?.options ?? { assistants: [], models: [], languages: [] };
  return h(
    'form',
    { class: 'controls', attrs: { 'aria-label': 'Range and filters' }, on: { submit: (e) => e.preventDefault() } },
    select('range-select', 'Range', RANGES.map((r) => [r, RANGE_LABEL[r]]), q.range, (v) => set({ range: v as PanelQuery['range'] })),
    select('granularity-select', 'Per', [['auto', 'Auto'], ['day', 'Day'], ['week', 'Week']], q.granularity, (v) => set({ granularity: v as PanelQuery['granularity'] })),
    select('filter-assistant', 'Assistant', choices(opts.assistants, q.assistant, 'All assistants'), q.assistant ?? '', (v) => set({ assistant: v })),
    select('filter-model', 'Model', choices(opts.models, q.model, 'All models'), q.model ?? '', (v) => set({ model: v })),
    select('filter-language', 'Language', choices(opts.languages, q.language, 'All languages'), q.language ?? '', (v) => set({ language: v })),
  );
}
