import assert from 'node:assert/strict';
import { DEMO_DRIFT, demoHistory, generateDemoHistory } from '../../../src/core/demo/demoHistory.js';
import { demoWorkspaceFiles } from '../../../src/core/demo/demoWorkspace.js';
import { DriftEvent, type AssistantEditEvent, type EditScoreEvent } from '../../../src/core/schema/events.js';
import { dayOf } from '../../../src/core/time/day.js';

const END = Date.parse('2025-06-30T17:00:00Z');

describe('demo history', () => {
  const events = demoHistory({ days: 90, endTs: END, seed: 7, drift: DEMO_DRIFT });

  it('is deterministic for the same options and differs for another seed', () => {
    assert.deepEqual(demoHistory({ days: 10, endTs: END, seed: 7 }), demoHistory({ days: 10, endTs: END, seed: 7 }));
    assert.notDeepEqual(demoHistory({ days: 10, endTs: END, seed: 7 }), demoHistory({ days: 10, endTs: END, seed: 8 }));
  });

  it('emits only schema-valid records, every kind, none after endTs, within the requested days', () => {
    const kinds = new Set<string>();
    for (const e of events) {
      const parsed = DriftEvent.safeParse(e);
      assert.ok(parsed.success, `${e.kind} invalid: ${parsed.success ? '' : parsed.error.message}`);
      assert.ok(e.ts <= END, `${e.kind} at ${new Date(e.ts).toISOString()} is after the end`);
      kinds.add(e.kind);
    }
    assert.deepEqual([...kinds].sort(), ['arc', 'assistant-edit', 'assistant-version', 'diagnostics', 'edit-outcome', 'edit-score', 'feedback', 'finding', 'follow-up-fix', 'human-activity', 'proposal', 'survival']);
    const days = new Set(events.map((e) => dayOf(e.ts, e.tz)));
    assert.equal(days.size, 90);
    assert.equal(new Set(events.map((e) => e.id)).size, events.length, 'ids are unique');
  });

  it('edits point at real regions of the demo workspace with the region text', () => {
    const files = new Map(demoWorkspaceFiles().map((f) => [f.path, f.text.split('\n')]));
    const edits = events.filter((e): e is AssistantEditEvent => e.kind === 'assistant-edit');
    assert.ok(edits.length > 3000, `only ${edits.length} edits`);
    for (const e of edits.slice(0, 200)) {
      const lines = files.get(e.file);
      assert.ok(lines, e.file);
      assert.equal(lines.slice(e.range.start.line, e.range.end.line + 1).join('\n'), e.text);
    }
  });

  it('plants a score drop for the drifting assistant after its version change only', () => {
    const cut = END - DEMO_DRIFT.daysAgo * 86_400_000;
    const mean = (assistant: string, after: boolean): number => {
      const s = events.filter((e): e is EditScoreEvent => e.kind === 'edit-score' && e.ref.assistant === assistant && e.ref.editTs >= cut - 86_400_000 === after && (after || e.ref.editTs >= cut - 35 * 86_400_000));
      return s.reduce((a, e) => a + e.score, 0) / s.length;
    };
    assert.ok(mean('claude-code', false) - mean('claude-code', true) > 8, `claude-code ${mean('claude-code', false)} → ${mean('claude-code', true)}`);
    assert.ok(Math.abs(mean('copilot', false) - mean('copilot', true)) < 4, `copilot ${mean('copilot', false)} → ${mean('copilot', true)}`);
    const marker = events.find((e) => e.kind === 'assistant-version' && e.version === '1.0.31');
    assert.ok(marker && marker.kind === 'assistant-version' && marker.previousVersion === '1.0.30' && marker.assistant === 'claude-code');
  });

  it('lean detail emits only the records the series need, without code text', () => {
    const kinds = new Set<string>();
    for (const e of generateDemoHistory({ days: 5, endTs: END, detail: 'lean' })) {
      kinds.add(e.kind);
      assert.ok(!('text' in e));
    }
    assert.deepEqual([...kinds].sort(), ['assistant-edit', 'edit-outcome', 'edit-score', 'finding', 'follow-up-fix', 'survival']);
  });
});
