import assert from 'node:assert/strict';
import { DEMO_DRIFT, demoHistory } from '../../../src/core/demo/demoHistory.js';
import { buildPanelData } from '../../../src/core/panel/buildPanelData.js';
import { PanelData, type PanelQuery } from '../../../src/core/panel/panelData.js';
import { bucketStarts, rangeStart, resolveGranularity, weekStart } from '../../../src/core/panel/periods.js';
import { collectRecentEdits } from '../../../src/core/panel/recentEdits.js';
import { RecentEdit } from '../../../src/core/panel/panelData.js';
import type { AssistantEditEvent, DriftEvent, EditRef } from '../../../src/core/schema/events.js';
import { applyToRollups, type DailyRollup } from '../../../src/core/store/rollup.js';

let seq = 0;
/** A minimal edit with its outcome, survival@5 min, score and findings, at local time `iso` with offset `tz`. */
function edit(o: { iso: string; tz: number; assistant?: string; model?: string; language?: string; score: number; outcome?: 'accepted' | 'rejected' | 'modified'; unchanged?: boolean; findings?: number; lines?: number; fixed?: boolean }): DriftEvent[] {
  const local = Date.parse(`${o.iso}Z`);
  const ts = local - o.tz * 60_000;
  const id = `e${++seq}`;
  const lines = o.lines ?? 10;
  const e: AssistantEditEvent = {
    schema: 1, id, ts, tz: o.tz, kind: 'assistant-edit', provenance: 'ai-inline', channel: 'inline-heuristic',
    assistant: o.assistant ?? 'copilot', ...(o.model ? { model: o.model } : {}), language: o.language ?? 'python', file: `f${seq}.py`,
    range: { start: { line: 3, character: 0 }, end: { line: 3 + lines, character: 0 } }, linesAdded: lines, linesRemoved: 0, charsInserted: 100, charsReplaced: 0,
  };
  const ref: EditRef = { editId: id, editTs: ts, editTz: o.tz, assistant: e.assistant, ...(o.model ? { model: o.model } : {}), language: e.language };
  const env = (k: number) => ({ schema: 1 as const, id: `${id}-${k}`, ts: ts + k * 1000, tz: o.tz });
  const out: DriftEvent[] = [
    e,
    { ...env(1), kind: 'edit-outcome', ref, outcome: o.outcome ?? 'accepted' },
    { ...env(2), kind: 'survival', ref, checkpoint: 300, distanceRatio: 0, unchanged: o.unchanged ?? true, fourGramSurvival: 1, regionDeleted: false },
    { ...env(3), kind: 'edit-score', ref, score: o.score, components: { lint: o.score, survival: 100 }, linesChanged: lines, final: true },
  ];
  for (let f = 0; f < (o.findings ?? 0); f++) {
    out.push({ ...env(10 + f), kind: 'finding', ref, findingKey: `k${f}`, ruleId: 'loop.manual-index', severity: 'info', range: e.range, status: 'open', at: 0 });
  }
  if (o.fixed) out.push({ ...env(20), kind: 'follow-up-fix', ref, fixIndex: 1, provenance: 'typed', charsChanged: 4, msSinceEdit: 1000 });
  return out;
}

function rollupsOf(events: DriftEvent[]): DailyRollup[] {
  const m = new Map<string, DailyRollup>();
  for (const e of events) applyToRollups(m, e);
  return [...m.values()];
}

const Q: PanelQuery = { range: '7d', granularity: 'day' };

describe('panel periods', () => {
  it('starts weeks on Monday, across month and year boundaries', () => {
    assert.equal(weekStart('2025-06-30'), '2025-06-30'); // a Monday
    assert.equal(weekStart('2025-07-06'), '2025-06-30'); // the Sunday after
    assert.equal(weekStart('2025-01-01'), '2024-12-30');
    assert.deepEqual(bucketStarts('2025-06-25', '2025-07-08', 'week'), ['2025-06-23', '2025-06-30', '2025-07-07']);
  });

  it('computes inclusive range starts and switches to weeks beyond 92 days', () => {
    assert.equal(rangeStart('7d', '2025-06-30', undefined), '2025-06-24');
    assert.equal(rangeStart('90d', '2025-06-30', undefined), '2025-04-02');
    assert.equal(rangeStart('all', '2025-06-30', '2024-01-05'), '2024-01-05');
    assert.equal(rangeStart('all', '2025-06-30', undefined), '2025-06-30');
    assert.equal(resolveGranularity('auto', '2025-04-02', '2025-06-30'), 'day');
    assert.equal(resolveGranularity('auto', '2024-06-30', '2025-06-30'), 'week');
    assert.equal(resolveGranularity('day', '2024-06-30', '2025-06-30'), 'day');
  });
});

describe('buildPanelData', () => {
  it('aggregates a day bucket: mean score, acceptance, survival, fix rate, findings per 100 lines, rejections', () => {
    const events = [
      ...edit({ iso: '2025-06-30T10:00:00', tz: 0, score: 80, findings: 2 }),
      ...edit({ iso: '2025-06-30T11:00:00', tz: 0, score: 60, outcome: 'rejected', unchanged: false, fixed: true }),
      ...edit({ iso: '2025-06-30T12:00:00', tz: 0, score: 100, outcome: 'modified', lines: 20 }),
    ];
    const d = buildPanelData({ rollups: rollupsOf(events), query: Q, today: '2025-06-30' });
    assert.equal(d.series.buckets.length, 7);
    assert.equal(d.series.buckets.at(-1), '2025-06-30');
    assert.equal(d.series.edits.at(-1), 3);
    assert.equal(d.series.score.at(-1), 80);
    assert.equal(d.series.acceptance.at(-1), 0.6667); // accepted + modified of 3 outcomes
    assert.equal(d.series.survival5m.at(-1), 0.6667);
    assert.equal(d.series.fixRate.at(-1), 0.3333);
    assert.equal(d.series.findingsPer100.at(-1), 5); // 2 findings in 40 lines
    assert.equal(d.series.rejected.at(-1), 1);
    assert.equal(d.series.components.lint.at(-1), 80);
    assert.equal(d.series.score[0], null, 'empty days are gaps, not zeros');
    assert.equal(d.headline.todayScore, 80);
    assert.equal(d.headline.todayEdits, 3);
    assert.ok(PanelData.safeParse(d).success);
  });

  it('puts records on the local day of capture whatever the offset (time zones at midnight)', () => {
    const events = [
      // 23:30 local on the 29th at UTC+02:00 is 21:30 UTC on the 29th.
      ...edit({ iso: '2025-06-29T23:30:00', tz: 120, score: 50 }),
      // 00:15 local on the 30th at UTC+02:00 is 22:15 UTC on the 29th — still the 30th for the user.
      ...edit({ iso: '2025-06-30T00:15:00', tz: 120, score: 90 }),
      // 21:00 local on the 29th at UTC−05:00 is 02:00 UTC on the 30th — the 29th for the user.
      ...edit({ iso: '2025-06-29T21:00:00', tz: -300, score: 70 }),
    ];
    const d = buildPanelData({ rollups: rollupsOf(events), query: Q, today: '2025-06-30' });
    assert.deepEqual(d.series.edits.slice(-2), [2, 1]);
    assert.deepEqual(d.series.score.slice(-2), [60, 90]);
  });

  it('sums days into Monday weeks, splitting at the week boundary', () => {
    const events = [
      ...edit({ iso: '2025-06-29T10:00:00', tz: 0, score: 40 }), // Sunday
      ...edit({ iso: '2025-06-30T10:00:00', tz: 0, score: 80 }), // Monday
      ...edit({ iso: '2025-07-01T10:00:00', tz: 0, score: 100 }),
    ];
    const d = buildPanelData({ rollups: rollupsOf(events), query: { range: '30d', granularity: 'week' }, today: '2025-07-01' });
    assert.equal(d.granularity, 'week');
    assert.deepEqual(d.series.buckets.slice(-2), ['2025-06-23', '2025-06-30']);
    assert.deepEqual(d.series.edits.slice(-2), [1, 2]);
    assert.deepEqual(d.series.score.slice(-2), [40, 90]);
  });

  it('applies assistant, model and language filters to series, breakdowns and headline but not to the filter choices', () => {
    const events = [
      ...edit({ iso: '2025-06-30T10:00:00', tz: 0, assistant: 'copilot', model: 'gpt-4o', language: 'python', score: 90 }),
      ...edit({ iso: '2025-06-30T11:00:00', tz: 0, assistant: 'cursor', model: 'gpt-4.1', language: 'typescript', score: 50 }),
    ];
    const rollups = rollupsOf(events);
    const all = buildPanelData({ rollups, query: Q, today: '2025-06-30' });
    const cursor = buildPanelData({ rollups, query: { ...Q, assistant: 'cursor' }, today: '2025-06-30' });
    const py = buildPanelData({ rollups, query: { ...Q, language: 'python', model: 'gpt-4o' }, today: '2025-06-30' });
    assert.equal(all.series.score.at(-1), 70);
    assert.equal(cursor.series.score.at(-1), 50);
    assert.equal(py.series.score.at(-1), 90);
    assert.deepEqual(cursor.breakdowns.assistant.map((r) => r.key), ['cursor']);
    assert.deepEqual(cursor.options.assistants, ['copilot', 'cursor']);
    assert.deepEqual(all.breakdowns.language.map((r) => [r.key, r.edits]), [['python', 1], ['typescript', 1]]);
  });

  it('computes the 7-day vs prior-28-day change, version markers, rule precision and assistant share on demo data', () => {
    const end = Date.parse('2025-06-30T17:00:00Z');
    const rollups = rollupsOf(demoHistory({ days: 60, endTs: end, seed: 3, drift: DEMO_DRIFT }));
    const all = buildPanelData({ rollups, query: { range: '90d', granularity: 'auto' }, today: '2025-06-30' });
    assert.ok(PanelData.safeParse(all).success);
    assert.equal(all.since, '2025-04-02');
    assert.equal(all.granularity, 'day');
    assert.ok(all.hasData);
    const claude = buildPanelData({ rollups, query: { range: '30d', granularity: 'auto', assistant: 'claude-code' }, today: '2025-06-30' });
    assert.ok(claude.headline.change !== null && claude.headline.change < -5, String(claude.headline.change));
    assert.deepEqual(claude.markers.map((m) => m.label), ['claude-code 1.0.30 → 1.0.31']);
    assert.ok(all.markers.some((m) => m.kind === 'model' && m.label === 'copilot model gpt-4o → gpt-4.1'));
    const lazy = all.rules.find((r) => r.ruleId === 'oop.lazy-class');
    assert.ok(lazy && lazy.precision !== null && lazy.precision < 0.8, JSON.stringify(lazy));
    const strict = all.rules.find((r) => r.ruleId === 'oop.constructor-chaining');
    assert.ok(strict && strict.precision !== null && strict.precision > 0.9, JSON.stringify(strict));
    assert.ok(all.headline.assistantShare !== null && all.headline.assistantShare > 0 && all.headline.assistantShare < 1);
  });

  it('reports no data for an empty store', () => {
    const d = buildPanelData({ rollups: [], query: Q, today: '2025-06-30' });
    assert.equal(d.hasData, false);
    assert.equal(d.headline.todayScore, null);
    assert.deepEqual(d.series.edits, [0, 0, 0, 0, 0, 0, 0]);
    assert.ok(PanelData.safeParse(d).success);
  });
});

describe('collectRecentEdits', () => {
  it('lists the newest edits first with their outcome, score and distinct findings', () => {
    const events = [
      ...edit({ iso: '2025-06-30T10:00:00', tz: 0, score: 80, findings: 2 }),
      ...edit({ iso: '2025-06-30T12:00:00', tz: 0, score: 40, outcome: 'rejected' }),
      ...edit({ iso: '2025-06-30T11:00:00', tz: 0, score: 60 }),
    ];
    const { rows, edits } = collectRecentEdits(events, 2);
    assert.deepEqual(rows.map((r) => [r.score, r.outcome, r.findings, r.line]), [[40, 'rejected', 0, 3], [60, 'accepted', 0, 3]]);
    assert.equal(edits.size, 2);
    const all = collectRecentEdits(events, 10).rows;
    assert.equal(all.at(-1)!.findings, 2);
  });

  it('names the channel that proved each edit (and the decisions that confirmed it), then lists rejected proposals', () => {
    const events = edit({ iso: '2025-06-30T10:00:00', tz: 0, score: 80 });
    const e = events[0] as AssistantEditEvent;
    const at = e.ts + 5_000;
    const proposal = (id: string, decision: 'accepted' | 'rejected', extra: Record<string, unknown>): DriftEvent =>
      ({ schema: 1, id, ts: at, tz: 0, kind: 'proposal', proposalId: id, channel: 'otlp', assistant: 'claude-code', decision, decisionSource: 'signal', ...extra }) as DriftEvent;
    const rows = collectRecentEdits([...events, proposal('p1', 'accepted', { matchedEditId: e.id }), proposal('p2', 'rejected', { toolName: 'Edit' }), proposal('p3', 'rejected', { channel: 'hook', file: 'src/x.ts', linesProposed: 3 })], 10).rows;
    assert.deepEqual(rows.map((r) => [r.proposal ?? false, r.channel, r.confirmedBy, r.file, r.outcome]), [
      [false, 'inline-heuristic', ['otlp'], e.file, 'accepted'],
      [true, 'hook', undefined, 'src/x.ts', 'rejected'],
      [true, 'otlp', undefined, '', 'rejected'],
    ]);
    assert.ok(rows.every((r) => RecentEdit.safeParse(r).success));
  });
});
