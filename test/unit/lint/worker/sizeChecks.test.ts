/**
 * The lint worker's size checks after an edit read only the lines the edit touched (`skipBeforeParseAfterEdit`): on
 * random texts and random edits — long lines, and Python indentation staircases around the nesting limit — the answer
 * must be exactly the whole-text check's (`skipBeforeParse`), reason and detail.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { MAX_PYTHON_INDENT_DEPTH, skipBeforeParse, skipBeforeParseAfterEdit, widestIndentation, type PassedSizeChecks } from '../../../../src/core/lint/engine.js';
import type { LintLanguageId } from '../../../../src/core/lint/languages.js';
import type { KnownEdits } from '../../../../src/core/lint/incremental/unitLint.js';
import { applyRandomEdit } from './workerHarness.js';

const LIMITS = { maxChars: 600_000, maxLineLength: MAX_PYTHON_INDENT_DEPTH + 200 };

/** Text pieces: ordinary lines, over-long lines, comment lines, and indentation staircases (one more space a line). */
const pieceArb = fc.oneof(
  fc.record({ indent: fc.nat({ max: 12 }), width: fc.nat({ max: 40 }) }).map(({ indent, width }) => ' '.repeat(indent) + 'x'.repeat(width) + '\n'),
  fc.nat({ max: 300 }).map((extra) => 'y'.repeat(LIMITS.maxLineLength - 150 + extra) + '\n'),
  fc.nat({ max: 8 }).map((indent) => '\t'.repeat(indent) + '# note\n'),
  fc.record({ from: fc.nat({ max: 40 }), steps: fc.integer({ min: MAX_PYTHON_INDENT_DEPTH - 30, max: MAX_PYTHON_INDENT_DEPTH + 30 }) }).map(({ from, steps }) => {
    let s = '';
    for (let i = 0; i < steps; i++) s += ' '.repeat(from + i) + 'if a:\n';
    return s;
  }),
);
const textArb = fc.array(pieceArb, { maxLength: 5 }).map((p) => p.join(''));
const editArb = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), len: fc.nat({ max: 3000 }), insert: fc.oneof(fc.constantFrom('', 'z', '\n', '  ', 'def f():\n'), pieceArb) });

describe('size checks after an edit', () => {
  for (const languageId of ['python', 'typescript'] as LintLanguageId[]) {
    it(`answer as the whole-text check does (${languageId})`, function () {
      this.timeout(120_000);
      let regional = 0;
      fc.assert(
        fc.property(textArb, fc.array(editArb, { minLength: 1, maxLength: 5 }), (base, edits) => {
          let text = base;
          let checked: { text: string; passed: PassedSizeChecks } | undefined;
          const first = skipBeforeParse(text, languageId, LIMITS);
          if (!first) checked = { text, passed: { indentBound: widestIndentation(text) } };
          let known: KnownEdits = { prefix: text.length, suffix: text.length };
          for (const e of edits) {
            ({ text, known } = applyRandomEdit(text, known, e));
            const whole = skipBeforeParse(text, languageId, LIMITS);
            if (checked) {
              const from = Math.min(known.prefix, text.length);
              const r = skipBeforeParseAfterEdit(text, from, Math.max(from, text.length - known.suffix), checked.passed, languageId, LIMITS);
              regional++;
              assert.deepEqual('skipped' in r ? r.skipped : undefined, whole);
              if ('passed' in r) assert.ok(languageId !== 'python' || r.passed.indentBound >= widestIndentation(text), 'the bound stays an upper bound');
              checked = 'passed' in r ? { text, passed: r.passed } : undefined;
            } else checked = whole ? undefined : { text, passed: { indentBound: widestIndentation(text) } };
            known = { prefix: text.length, suffix: text.length };
          }
        }),
        { numRuns: 400, seed: 4101 },
      );
      assert.ok(regional > 400, `the regional check ran ${regional} times`);
    });
  }

  it('a Python staircase one level past the limit is caught by an edit that adds the level', () => {
    let text = '';
    for (let i = 0; i <= MAX_PYTHON_INDENT_DEPTH; i++) text += ' '.repeat(i) + 'if a:\n';
    assert.equal(skipBeforeParse(text, 'python', LIMITS), undefined);
    const passed = { indentBound: widestIndentation(text) };
    const next = text + ' '.repeat(MAX_PYTHON_INDENT_DEPTH + 1) + 'pass\n';
    const r = skipBeforeParseAfterEdit(next, text.length, next.length, passed, 'python', LIMITS);
    assert.ok('skipped' in r);
    assert.equal(r.skipped.reason, 'too-deep');
    assert.deepEqual(r.skipped, skipBeforeParse(next, 'python', LIMITS));
  });

  it('a line at the length limit is caught when one character is typed into its middle', () => {
    const line = 'q'.repeat(LIMITS.maxLineLength);
    const text = `a\n${line}\nb\n`;
    assert.equal(skipBeforeParse(text, 'typescript', LIMITS), undefined);
    const at = 2 + LIMITS.maxLineLength / 2;
    const next = text.slice(0, at) + 'w' + text.slice(at);
    const r = skipBeforeParseAfterEdit(next, at, at + 1, { indentBound: 0 }, 'typescript', LIMITS);
    assert.ok('skipped' in r);
    assert.deepEqual(r.skipped, { reason: 'minified', detail: `line 2 has ${LIMITS.maxLineLength + 1} characters (limit ${LIMITS.maxLineLength})` });
  });
});
