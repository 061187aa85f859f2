/**
 * The changed range of a text between two lints, found by comparing only the region the change events can have
 * touched (`narrowKnownEdits` + `changedRange(old, new, known)`): on random texts and random sequences of change
 * events it must be exactly the range a comparison of the whole texts finds.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { changedRange, narrowKnownEdits, type KnownEdits } from '../../../../src/core/lint/incremental/unitLint.js';
import { applyTextChanges } from '../../../../src/core/lint/worker/lintWorkerSession.js';
import { changeAt } from './workerHarness.js';

const textArb = fc.string({ unit: fc.constantFrom('a', 'b', '\n', ' '), maxLength: 60 });
const editArb = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), len: fc.nat({ max: 4 }), insert: fc.string({ unit: fc.constantFrom('a', 'b', '\n'), maxLength: 4 }) });

describe('changed range from the known edits', () => {
  it('equals the real difference for any sequence of change events', () => {
    fc.assert(
      fc.property(textArb, fc.array(editArb, { minLength: 0, maxLength: 6 }), (base, edits) => {
        let text = base;
        let known: KnownEdits = { prefix: base.length, suffix: base.length };
        for (const e of edits) {
          const at = Math.min(text.length, Math.floor(e.at * (text.length + 1)));
          const change = changeAt(text, at, Math.min(e.len, text.length - at), e.insert);
          known = narrowKnownEdits(known, text.length, [change]);
          text = applyTextChanges(text, [change]);
        }
        // Exactly what comparing the whole texts finds.
        const r = changedRange(base, text, known);
        assert.deepEqual(r, changedRange(base, text));
        assert.equal(base.slice(0, r.start), text.slice(0, r.start));
        assert.equal(base.slice(r.oldEnd), text.slice(r.newEnd));
      }),
      { numRuns: 2000, seed: 77 },
    );
  });
});
