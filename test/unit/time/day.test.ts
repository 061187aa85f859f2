import assert from 'node:assert/strict';
import { addDays, dayOf, dayRange, daysBetween, isDay } from '../../../src/core/time/day.js';

describe('days', () => {
  it('takes the local day from the recorded UTC offset, not the machine time zone', () => {
    const t = Date.UTC(2026, 10, 20, 23, 30);
    assert.equal(dayOf(t, 0), '2026-11-20');
    assert.equal(dayOf(t, 60), '2026-11-21');
    assert.equal(dayOf(t, -600), '2026-11-20');
    assert.equal(dayOf(Date.UTC(2026, 10, 21, 0, 30), -60), '2026-11-20');
  });
  it('does day arithmetic across month, year and leap-day boundaries', () => {
    assert.equal(addDays('2026-12-31', 1), '2027-01-01');
    assert.equal(addDays('2028-03-01', -1), '2028-02-29');
    assert.equal(daysBetween('2026-01-01', '2026-12-31'), 364);
    assert.deepEqual(dayRange('2026-02-27', '2026-03-02'), ['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02']);
  });
  it('recognises valid days only', () => {
    assert.ok(isDay('2026-11-27'));
    assert.ok(!isDay('2026-11-27.jsonl'));
    assert.ok(!isDay('2026-13-01'));
    assert.ok(!isDay('../etc'));
  });
});
