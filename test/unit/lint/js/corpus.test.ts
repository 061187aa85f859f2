/**
 * Runs the labelled TS/JS/TSX corpus (test/corpus/{typescript,javascript,tsx}) through the real engine: every
 * `expect:` line must get its finding, and the file's own rule (its folder) must report nothing else.
 */
import assert from 'node:assert/strict';
import { jsRules } from '../../../../src/core/lint/rules/js/jsRules.js';
import { corpusFiles, runCorpusFile } from './jsCorpus.js';

const JS_RULE_IDS = jsRules.map((r) => r.id);

describe('TS/JS rule corpus', () => {
  const files = corpusFiles();

  it('has positive and negative cases for every JS-family rule', () => {
    for (const id of JS_RULE_IDS) {
      const own = files.filter((f) => f.folderRule === id);
      assert.ok(own.some((f) => [...f.expected].some((k) => k.startsWith(`${id}@`))), `${id}: no positive case`);
      assert.ok(own.some((f) => ![...f.expected].some((k) => k.startsWith(`${id}@`))), `${id}: no negative case`);
    }
  });

  for (const file of files) {
    it(file.relative, async () => {
      // The folder's rule plus every rule the file marks: those are the file's labels.
      const labelled = new Set([file.folderRule, ...[...file.expected].map((k) => k.slice(0, k.indexOf('@')))]);
      const ids = JS_RULE_IDS.filter((id) => labelled.has(id));
      const outcome = await runCorpusFile(file, ids);
      assert.deepEqual(outcome.missed, [], `expected findings not reported in ${file.relative}`);
      assert.deepEqual(
        outcome.unexpected.map((u) => `${u.key} ${u.message}`),
        [],
        `findings on unlabelled lines in ${file.relative}`,
      );
    });
  }
});
