import { strict as assert } from 'node:assert';
import { editDistance, fourGrams, fourGramSurvival, measureSurvival, UNCHANGED_THRESHOLD } from '../../../src/core/capture/survival.js';

describe('capture/survival', () => {
  it('counts character 4-grams with multiplicity', () => {
    assert.deepEqual([...fourGrams('abcab')], [['abca', 1], ['bcab', 1]]);
    assert.deepEqual([...fourGrams('aaaaa')], [['aaaa', 2]]);
    assert.deepEqual([...fourGrams('ab')], [['ab', 1]]);
  });

  it('computes 4-gram survival by hand-checked cases', () => {
    // "return x;" has 6 grams: retu etur turn urn_ rn_x n_x;  → "return y;" keeps retu etur turn urn_ rn_  (4 of 6? see below)
    // grams of "return x;": "retu","etur","turn","urn ","rn x","n x;" ; of "return y;": "retu","etur","turn","urn ","rn y","n y;"
    assert.equal(fourGramSurvival('return x;', 'return y;'), 4 / 6);
    assert.equal(fourGramSurvival('abcdef', 'abcdef'), 1);
    assert.equal(fourGramSurvival('abcdef', ''), 0);
    // Multiplicity: "aaaaa" has two "aaaa"; "aaaa" keeps only one of them.
    assert.equal(fourGramSurvival('aaaaa', 'aaaa'), 0.5);
    assert.equal(fourGramSurvival('ab', 'xxabxx'), 1);
  });

  it('uses Levenshtein distance / inserted length with the 0.33 threshold', () => {
    assert.equal(editDistance('kitten', 'sitting'), 3);
    const s = measureSurvival('kitten', 'sitting');
    assert.equal(s.distanceRatio, 0.5);
    assert.equal(s.unchanged, false);
    // 1 edit in 10 chars = 0.1 → unchanged.
    const t = measureSurvival('0123456789', '0123456780');
    assert.equal(t.distanceRatio, 0.1);
    assert.equal(t.unchanged, true);
    // Exactly at the threshold boundary: 33 edits in 100 chars.
    const base = 'x'.repeat(100);
    assert.equal(measureSurvival(base, 'y'.repeat(33) + 'x'.repeat(67)).unchanged, true);
    assert.equal(measureSurvival(base, 'y'.repeat(34) + 'x'.repeat(66)).unchanged, false);
    assert.equal(UNCHANGED_THRESHOLD, 0.33);
  });

  it('treats a deleted region as fully gone', () => {
    const s = measureSurvival('const a = 1;', '');
    assert.equal(s.distanceRatio, 1);
    assert.equal(s.fourGramSurvival, 0);
    assert.equal(s.unchanged, false);
  });

  it('stays near-linear for very long texts by measuring on lines', () => {
    const lines = Array.from({ length: 3000 }, (_, i) => `line number ${i} with some code;`);
    const a = lines.join('\n');
    const b = [...lines.slice(0, 1500), 'CHANGED', ...lines.slice(1501)].join('\n');
    const started = Date.now();
    const d = editDistance(a, b);
    assert.ok(Date.now() - started < 2000);
    // One line replaced: the line distance of the pair (plus its newline) — small relative to the text.
    assert.ok(d > 0 && d < 40, `distance ${d}`);
  });
});
