import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { firstIndex } from '../../../src/core/util/search.js';

describe('firstIndex (binary search)', () => {
  it('finds the first item the predicate stops holding for, as a linear scan does', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -50, max: 50 })), fc.integer({ min: -60, max: 60 }), (xs, at) => {
        const sorted = [...xs].sort((a, b) => a - b);
        const linear = sorted.findIndex((x) => !(x < at));
        assert.equal(firstIndex(sorted, (x) => x < at), linear < 0 ? sorted.length : linear);
      }),
      { seed: 5 },
    );
  });

  it('answers 0 for an empty list and the length when the predicate always holds', () => {
    assert.equal(firstIndex([], () => true), 0);
    assert.equal(firstIndex([1, 2, 3], () => true), 3);
    assert.equal(firstIndex([1, 2, 3], () => false), 0);
  });
});
