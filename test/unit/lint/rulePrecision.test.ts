import assert from 'node:assert/strict';
import { rulePrecision } from '../../../src/core/lint/rulePrecision.js';
import type { DriftEvent } from '../../../src/core/schema/events.js';
import { applyToRollups, type DailyRollup } from '../../../src/core/store/rollup.js';

const ts = Date.UTC(2026, 10, 20, 12);
const ref = { editId: 'e1', editTs: ts, editTz: 0, assistant: 'copilot', language: 'python' };

function finding(id: string, ruleId: string, status: 'open' | 'fixed'): DriftEvent {
  return { schema: 1, id, ts, tz: 0, kind: 'finding', ref, findingKey: `${ruleId}@1:0`, ruleId, severity: 'warning', range: { start: { line: 1, character: 0 }, end: { line: 1, character: 4 } }, status, at: 0 };
}
function feedback(id: string, ruleId: string, dayOffset = 0): DriftEvent {
  return { schema: 1, id, ts: ts + dayOffset * 86_400_000, tz: 0, kind: 'feedback', ruleId, verdict: 'not-a-problem', language: 'python' };
}

describe('rule precision from feedback', () => {
  it('is 1 − notAProblem / findings, summed over days and buckets', () => {
    const rollups = new Map<string, DailyRollup>();
    for (const e of [
      finding('a', 'loop.try-in-loop', 'open'),
      finding('b', 'loop.try-in-loop', 'open'),
      finding('c', 'loop.try-in-loop', 'open'),
      finding('d', 'loop.try-in-loop', 'open'),
      finding('e', 'loop.try-in-loop', 'fixed'),
      finding('f', 'oop.god-class', 'open'),
      feedback('g', 'loop.try-in-loop'),
      feedback('h', 'loop.try-in-loop', 1),
    ]) {
      applyToRollups(rollups, e);
    }
    const p = rulePrecision([...rollups.values()]);
    assert.deepEqual(p.get('loop.try-in-loop'), { ruleId: 'loop.try-in-loop', findings: 4, notAProblem: 2, precision: 0.5 });
    assert.equal(p.get('oop.god-class')?.precision, 1);
  });

  it('has no precision for a rule with feedback but no recorded findings, and never goes below 0', () => {
    const rollups = new Map<string, DailyRollup>();
    applyToRollups(rollups, feedback('x', 'oop.lazy-class'));
    applyToRollups(rollups, finding('y', 'loop.manual-index', 'open'));
    applyToRollups(rollups, feedback('z', 'loop.manual-index'));
    applyToRollups(rollups, feedback('w', 'loop.manual-index'));
    const p = rulePrecision([...rollups.values()]);
    assert.equal(p.get('oop.lazy-class')?.precision, undefined);
    assert.equal(p.get('loop.manual-index')?.precision, 0);
  });
});
