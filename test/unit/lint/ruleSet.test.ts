/**
 * Keeps the rule-set version honest: the rules' findings on the whole rule corpus are digested, and the digest is
 * recorded beside `RULE_SET_REVISION`. A change to what any rule finds fails here until the revision is bumped (so
 * stored history gets re-scored) and the new digest is recorded.
 */
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { languageIdForFileName } from '../../../src/core/lint/languages.js';
import { RULE_SET_CORPUS_DIGEST, RULE_SET_REVISION } from '../../../src/core/lint/ruleSet.js';
import { hashSeed } from '../../../src/core/util/random.js';
import { linter, repoRoot } from './lintHarness.js';

async function files(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await files(p)));
    else out.push(p);
  }
  return out;
}

describe('rule-set revision', () => {
  it('is bumped whenever the findings on the rule corpus change', async function () {
    this.timeout(120_000);
    const corpus = path.join(repoRoot, 'test', 'corpus');
    const lines: string[] = [];
    for (const file of (await files(corpus)).sort()) {
      const language = languageIdForFileName(file);
      const result = await linter().lintText(await readFile(file, 'utf8'), language);
      const rel = path.relative(corpus, file).split(path.sep).join('/');
      for (const f of result.findings) lines.push(`${rel}:${f.ruleId}:${f.range.start.line}:${f.range.start.character}`);
    }
    let digest = '';
    for (let i = 0; i < 2; i++) digest += hashSeed(`${i}\n${lines.join('\n')}`).toString(16).padStart(8, '0');
    assert.equal(
      digest,
      RULE_SET_CORPUS_DIGEST,
      `the rules' findings on test/corpus changed (${lines.length} findings, digest ${digest}): bump RULE_SET_REVISION (now ${RULE_SET_REVISION}) in src/core/lint/ruleSet.ts and set RULE_SET_CORPUS_DIGEST to '${digest}'`,
    );
  });
});
