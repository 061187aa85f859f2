/**
 * The changed range of a text between two lints, found by comparing only the region the change events can have
 * touched (`narrowKnownEdits` + `changedRange(old, new, known)`): on random texts and random sequences of change
 * events it must be exactly the range a comparison of the whole texts finds.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { changedRange, classUsesChanged, type KnownEdits } from '../../../../src/core/lint/incremental/unitLint.js';
import { applyRandomEdit } from './workerHarness.js';

const textArb = fc.string({ unit: fc.constantFrom('a', 'b', '\n', ' '), maxLength: 60 });
const editArb = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), len: fc.nat({ max: 4 }), insert: fc.string({ unit: fc.constantFrom('a', 'b', '\n'), maxLength: 4 }) });

describe('changed range from the known edits', () => {
  it('equals the real difference for any sequence of change events', () => {
    fc.assert(
      fc.property(textArb, fc.array(editArb, { minLength: 0, maxLength: 6 }), (base, edits) => {
        let text = base;
        let known: KnownEdits = { prefix: base.length, suffix: base.length };
        for (const e of edits) ({ text, known } = applyRandomEdit(text, known, e));
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

/**
 * A unit's uses of the file's class names (`Name` / `Name(` counts, oop.abstract-class-misuse's "the file instantiates
 * it") compared around the edit only (`classUsesChanged`): it must say "changed" exactly when counting the whole
 * declaration text before and after does (the reference below is the whole-text count).
 */
describe('class-name uses compared around an edit', () => {
  const NAMES = new Set(['Sub', 'Base', 'S']);
  const whole = (text: string): string => {
    const counts = new Map<string, number>();
    for (const m of text.matchAll(/[A-Za-z_]\w*/g)) {
      if (!NAMES.has(m[0])) continue;
      let j = m.index + m[0].length;
      while (j < text.length && /\s/.test(text.charAt(j))) j++;
      const k = text.charAt(j) === '(' ? `${m[0]}(` : m[0];
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    return [...counts].map(([k, n]) => `${k}:${n}`).sort().join(' ');
  };
  const piece = fc.constantFrom('Sub', 'Base', 'S', 'Subx', 'xSub', '_S', 'S1', '1S', ' ', '  ', '\n', '(', ')', '.', ':', 'a', 'b', '# ');
  const textArb = fc.array(piece, { maxLength: 30 }).map((p) => p.join(''));

  it('says changed exactly when the whole declaration counts differ', () => {
    let changed = 0;
    fc.assert(
      fc.property(textArb, textArb, textArb, textArb, textArb, fc.nat({ max: 6 }), fc.nat({ max: 6 }), (outerL, left, mid, right, insert, cutL, cutR) => {
        // The declaration is [declStart, declEnd) of the text; the edit replaces `mid` (inside it) with `insert`.
        const head = outerL.slice(0, cutL);
        const oldText = head + left + mid + right + outerL.slice(cutR);
        const newText = head + left + insert + right + outerL.slice(cutR);
        const start = head.length + left.length;
        const decl = { start: head.length, oldEnd: start + mid.length + right.length, newEnd: start + insert.length + right.length };
        const expected = whole(oldText.slice(decl.start, decl.oldEnd)) !== whole(newText.slice(decl.start, decl.newEnd));
        const got = classUsesChanged(oldText, newText, { start, oldEnd: start + mid.length, newEnd: start + insert.length }, decl, NAMES);
        if (expected) changed++;
        assert.equal(got, expected, JSON.stringify({ oldText, newText, decl }));
      }),
      { numRuns: 20_000, seed: 5150 },
    );
    assert.ok(changed > 2000, `${changed} of the edits changed the uses`);
  });
});
