/**
 * Every labelled Python case in test/corpus/python: a line ending in `# expect: <rule-id>` must get exactly that
 * finding; a file's folder rule must report nothing else in it (the tricky negatives).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { engineWarnings, linter, repoRoot } from './lintHarness.js';

const corpus = path.join(repoRoot, 'test', 'corpus', 'python');
const MARKER = /#\s*expect:\s*([a-z]+\.[a-z0-9-]+(?:\s*,\s*[a-z]+\.[a-z0-9-]+)*)/;

describe('Python rules on the labelled corpus', () => {
  for (const ruleDir of readdirSync(corpus).sort()) {
    describe(ruleDir, () => {
      for (const file of readdirSync(path.join(corpus, ruleDir)).filter((f) => f.endsWith('.py')).sort()) {
        it(file, async () => {
          const text = readFileSync(path.join(corpus, ruleDir, file), 'utf8');
          const expected = new Set<string>();
          text.split('\n').forEach((line, i) => {
            const m = MARKER.exec(line);
            if (m) for (const id of (m[1] as string).split(',')) expected.add(`${id.trim()}:${i + 1}`);
          });
          const rules = new Set([ruleDir, ...[...expected].map((e) => e.slice(0, e.indexOf(':')))]);
          engineWarnings.length = 0;
          // All rules run (not only this folder's), so a rule that throws on any case fails the test.
          const result = await linter().lintText(text, 'python');
          assert.deepEqual(engineWarnings, [], 'no rule threw');
          const got = new Set(result.findings.filter((f) => rules.has(f.ruleId)).map((f) => `${f.ruleId}:${f.range.start.line + 1}`));
          assert.deepEqual([...got].sort(), [...expected].sort());
        });
      }
    });
  }
});
