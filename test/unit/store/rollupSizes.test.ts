import assert from 'node:assert/strict';
import type { DriftEvent } from '../../../src/core/schema/events.js';
import { applyToRollups, bucketKey, type DailyRollup } from '../../../src/core/store/rollup.js';
import { editSizeClass } from '../../../src/core/store/editSize.js';
import { editInput, refOf } from '../../support/builders.js';

const T = Date.UTC(2026, 10, 20, 10);

function rollOne(events: unknown[]): DailyRollup {
  const map = new Map<string, DailyRollup>();
  for (const e of events) applyToRollups(map, { schema: 1, tz: 0, ...(e as object) } as DriftEvent);
  return map.get('2026-11-20')!;
}

describe('rollup edit-size strata', () => {
  it('classes edits by lines added: 1–2 small, 3–15 medium, 16+ large', () => {
    assert.deepEqual([0, 1, 2, 3, 15, 16, 400].map(editSizeClass), ['s', 's', 's', 'm', 'm', 'l', 'l']);
  });

  it('puts a sized edit and every record about it in the same size bucket', () => {
    const e = { id: 'e1', ts: T };
    const r = rollOne([
      editInput({ ...e, linesAdded: 20, sized: true }),
      { kind: 'finding', id: 'f', ts: T + 1, ref: { ...refOf(e), lines: 20 }, findingKey: 'k', ruleId: 'loop.manual-index', severity: 'info', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, status: 'open', at: 0 },
      { kind: 'edit-outcome', id: 'o', ts: T + 2, ref: { ...refOf(e), lines: 20 }, outcome: 'accepted' },
    ]);
    assert.deepEqual(Object.keys(r.buckets), [bucketKey('copilot', undefined, 'python', 'l')]);
    const b = Object.values(r.buckets)[0]!;
    assert.equal(b.size, 'l');
    assert.equal(b.edits, 1);
    assert.equal(b.findings['loop.manual-index']?.open, 1);
    assert.equal(b.outcomes.accepted, 1);
  });

  it('keeps records written before sizes existed in the unsized bucket, under the old key', () => {
    const e = { id: 'e2', ts: T };
    const r = rollOne([editInput({ ...e, linesAdded: 20 }), { kind: 'edit-outcome', id: 'o', ts: T + 2, ref: refOf(e), outcome: 'accepted' }]);
    assert.deepEqual(Object.keys(r.buckets), [`copilot\u0001\u0001python`]);
    assert.equal(Object.values(r.buckets)[0]!.size, undefined);
  });
});
