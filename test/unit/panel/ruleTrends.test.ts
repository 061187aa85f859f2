import assert from 'node:assert/strict';
import { DEMO_DRIFT, demoHistory } from '../../../src/core/demo/demoHistory.js';
import { buildPanelData } from '../../../src/core/panel/buildPanelData.js';
import { PanelData, type PanelQuery } from '../../../src/core/panel/panelData.js';
import { periodDays } from '../../../src/core/panel/periods.js';
import { buildRuleTrends } from '../../../src/core/panel/ruleTrends.js';
import { applyToRollups, type DailyRollup } from '../../../src/core/store/rollup.js';

const END = Date.parse('2025-06-30T17:00:00Z');
const TODAY = '2025-06-30';

function rollups(): DailyRollup[] {
  const m = new Map<string, DailyRollup>();
  for (const e of demoHistory({ days: 60, endTs: END, seed: 4, drift: DEMO_DRIFT, tz: 0 })) applyToRollups(m, e);
  return [...m.values()];
}

describe('per-rule trends (dashboard)', () => {
  const all = rollups();

  it('lists the rules that found most, aligned with the panel series, and agrees with the rule table', () => {
    const query: PanelQuery = { range: '30d', granularity: 'day' };
    const data = buildPanelData({ rollups: all, query, today: TODAY });
    const trends = buildRuleTrends(all, query, TODAY);
    assert.ok(trends.length > 0 && trends.length <= 8);
    for (let i = 1; i < trends.length; i++) assert.ok(trends[i - 1]!.total >= trends[i]!.total, 'most findings first');
    for (const t of trends) {
      assert.equal(t.values.length, data.series.buckets.length);
      const row = data.rules.find((r) => r.ruleId === t.ruleId);
      assert.equal(t.total, row?.open, `${t.ruleId}: the trend's total is the rule table's count`);
      assert.equal(t.severity, row?.severity);
    }
    // By hand, for the top rule on one day: open findings over all assistant lines that day, per 100.
    const top = trends[0]!;
    const day = data.series.buckets[20]!;
    let open = 0;
    let lines = 0;
    for (const b of Object.values(all.find((r) => r.day === day)!.buckets)) {
      lines += b.linesAdded;
      open += b.findings[top.ruleId]?.open ?? 0;
    }
    assert.ok(lines > 0);
    assert.ok(Math.abs(top.values[20]! - (100 * open) / lines) < 1e-3, `${top.values[20]} vs ${(100 * open) / lines}`);
    assert.ok(PanelData.safeParse({ ...data, ruleTrends: trends }).success, 'the wide answer passes the webview schema');
  });

  it('applies the filters and shows a period without assistant lines as a gap, not a zero', () => {
    const query: PanelQuery = { range: '90d', granularity: 'day', assistant: 'claude-code' };
    const trends = buildRuleTrends(all, query, TODAY);
    const data = buildPanelData({ rollups: all, query, today: TODAY });
    for (const t of trends) assert.equal(t.total, data.rules.find((r) => r.ruleId === t.ruleId)?.open);
    // The demo history is 60 days: the first 30 days of a 90-day range have no lines.
    assert.ok(trends.every((t) => t.values[0] === null && t.values.slice(-20).some((v) => v !== null)));
    assert.deepEqual(buildRuleTrends(all, { ...query, assistant: 'nobody' }, TODAY), []);
  });

  it('maps a chart period to its days, never past today', () => {
    assert.deepEqual(periodDays('2025-06-24', 'day', TODAY), ['2025-06-24']);
    assert.deepEqual(periodDays('2025-06-23', 'week', TODAY), ['2025-06-23', '2025-06-24', '2025-06-25', '2025-06-26', '2025-06-27', '2025-06-28', '2025-06-29']);
    assert.deepEqual(periodDays('2025-06-30', 'week', TODAY), ['2025-06-30']);
    assert.deepEqual(periodDays('2025-06-26', 'week', '2025-06-24'), ['2025-06-23', '2025-06-24'], 'a mid-week day maps to its Monday');
  });
});
