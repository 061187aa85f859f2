import assert from 'node:assert/strict';
import { demoHistory } from '../../../src/core/demo/demoHistory.js';
import { buildPanelData } from '../../../src/core/panel/buildPanelData.js';
import { applyToRollups, type DailyRollup } from '../../../src/core/store/rollup.js';
import { describeRejection, ToHost, ToWebview } from '../../../src/protocol/messages.js';

describe('host ↔ webview protocol', () => {
  it('accepts every well-formed message in both directions', () => {
    const ok: unknown[] = [
      { type: 'ready' },
      { type: 'query', id: 'r1', query: { range: '30d', granularity: 'week', assistant: 'copilot' } },
      { type: 'openEdit', id: 'r2', editId: 'demo5-1a' },
      { type: 'openRuleDoc', ruleId: 'loop.await-in-loop' },
      { type: 'dismissDrift', key: 'claude-code@1.0.31' },
      { type: 'reportRejected', detail: 'data: today invalid' },
      { type: 'query', id: 'r3', query: { range: '90d' }, wide: true },
      { type: 'periodEdits', id: 'r4', query: { range: '30d', granularity: 'day', language: 'python' }, period: '2025-06-24', granularity: 'week' },
      { type: 'openDashboard' },
      { type: 'openWalkthrough' },
      { type: 'prepareDriftReport', assistant: 'claude-code' },
    ];
    for (const m of ok) assert.ok(ToHost.safeParse(m).success, JSON.stringify(m));
    const map = new Map<string, DailyRollup>();
    for (const e of demoHistory({ days: 20, endTs: Date.parse('2025-06-30T17:00:00Z'), seed: 2 })) applyToRollups(map, e);
    const data = buildPanelData({ rollups: [...map.values()], query: { range: '30d', granularity: 'auto' }, today: '2025-06-30' });
    assert.ok(ToWebview.safeParse({ type: 'data', id: 'r1', data }).success);
    assert.ok(ToWebview.safeParse({ type: 'openResult', id: 'r2', ok: false, reason: 'missing-file', file: 'a.py', storedText: 'x = 1' }).success);
    assert.ok(ToWebview.safeParse({ type: 'periodEdits', id: 'r4', since: '2025-06-23', until: '2025-06-29', rows: data.recentEdits, total: 0 }).success);
  });

  it('rejects hostile or malformed messages from the webview', () => {
    const bad: unknown[] = [
      undefined,
      null,
      'ready',
      [],
      { type: 'ready ' },
      { type: '__proto__' },
      { type: 'query', id: '', query: { range: '7d' } },
      { type: 'query', id: 'x'.repeat(65), query: { range: '7d' } },
      { type: 'query', id: 'r', query: { range: '7d', assistant: 'a'.repeat(201) } },
      { type: 'query', id: 'r', query: { range: 'forever' } },
      { type: 'openEdit', id: 'r', editId: 7 },
      { type: 'openRuleDoc', ruleId: '../../../etc/passwd' },
      { type: 'openRuleDoc', ruleId: 'LOOP.Bad' },
      { type: 'dismissDrift', key: '' },
      { type: 'reportRejected', detail: 'x'.repeat(301) },
      { type: 'periodEdits', id: 'r', query: { range: '7d' }, period: '../2025', granularity: 'day' },
      { type: 'periodEdits', id: 'r', query: { range: '7d' }, period: '2025-06-24', granularity: 'month' },
      { type: 'periodEdits', id: 'r', period: '2025-06-24', granularity: 'day' },
      { type: 'periodEdits', id: 'r', query: { range: '7d' }, period: '2025-13-40', granularity: 'day' },
      { type: 'prepareDriftReport', assistant: '' },
      { type: 'prepareDriftReport', assistant: 'a'.repeat(201) },
      { type: 'prepareDriftReport' },
      { type: 'query', id: 'r', query: { range: '7d' }, wide: 'yes' },
    ];
    for (const m of bad) assert.equal(ToHost.safeParse(m).success, false, JSON.stringify(m));
  });

  it('rejects malformed host messages in the webview: wrong types, non-finite numbers, oversize text', () => {
    const bad: unknown[] = [
      { type: 'data', id: 'r1', data: {} },
      { type: 'openResult', id: 'r1', ok: 'yes' },
      { type: 'openResult', id: 'r1', ok: false, storedText: 'x'.repeat(200_001) },
      { type: 'recent', id: 'r1', rows: [{ id: 'e', ts: Number.NaN, file: 'a', line: 0, assistant: 'a', language: 'py', outcome: 'accepted', score: 1, findings: 0, lines: 1 }] },
      { type: 'error', id: 'r1', message: 5 },
    ];
    for (const m of bad) assert.equal(ToWebview.safeParse(m).success, false, JSON.stringify(m).slice(0, 80));
  });

  it('describes a rejection in one short line naming the message type and the first problem', () => {
    const raw = { type: 'query', id: 'r', query: { range: 'forever' } };
    const parsed = ToHost.safeParse(raw);
    assert.ok(!parsed.success);
    assert.match(describeRejection(parsed.error, raw), /^query: query\.range /);
    const s = ToHost.safeParse('hello');
    assert.ok(!s.success);
    assert.match(describeRejection(s.error, 'hello'), /^string: \(root\)/);
  });
});
