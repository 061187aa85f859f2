/** Single stored lines: garbage, mutated valid records, extreme numbers and dates, future versions. */
import assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { decodeLine } from '../../../src/core/store/recordCodec.js';
import { recordRangeProblem } from '../../../src/core/store/recordLimits.js';
import { applyToRollups, type DailyRollup } from '../../../src/core/store/rollup.js';
import type { FuzzFamily } from '../registry.js';
import { validRecord, extremeNumber } from './records.js';

/** A valid record with one field replaced by something odd (an extreme number, a wrong type, a deep object). */
const mutated = fc
  .tuple(validRecord, fc.string({ maxLength: 12 }), fc.oneof(extremeNumber, fc.anything({ maxDepth: 3 })), fc.boolean())
  .map(([rec, key, value, nested]) => {
    const copy = JSON.parse(JSON.stringify(rec)) as Record<string, unknown>;
    const keys = Object.keys(copy);
    const target = keys[key.length % keys.length] ?? 'ts';
    if (nested && typeof copy['ref'] === 'object') (copy['ref'] as Record<string, unknown>)['editTs'] = value;
    else copy[target] = value;
    return JSON.stringify(copy) ?? 'null';
  });

export const storeLines: FuzzFamily<string> = {
  name: 'store.lines',
  runs: 3000,
  arbitrary: fc.oneof(
    fc.string({ maxLength: 300 }),
    fc.string({ unit: 'binary', maxLength: 300 }),
    mutated,
    validRecord.map((r) => JSON.stringify(r)),
    validRecord.map((r) => JSON.stringify({ ...r, schema: 2 + (r.ts % 5) })),
    fc.json({ maxDepth: 4 }),
  ),
  check(line) {
    const d = decodeLine(line);
    assert.ok(['event', 'future', 'corrupt'].includes(d.type));
    if (d.type === 'event') {
      // A record that decodes is safe to use everywhere: range-checked, and it rolls up without throwing.
      assert.equal(recordRangeProblem(d.event), undefined);
      applyToRollups(new Map<string, DailyRollup>(), d.event);
    }
  },
};
