/**
 * The "TypeScript / JavaScript" section of every rule page shows real behaviour: its first "Bad" example makes the
 * rule report, and its "Good" example (when it is code) does not.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ruleMeta } from '../../../../src/core/lint/ruleCatalog.js';
import { jsRules } from '../../../../src/core/lint/rules/js/jsRules.js';
import { repoRoot } from '../lintHarness.js';
import { lintJs, type JsLanguage } from './jsHarness.js';

interface Example {
  readonly code: string;
  readonly language: JsLanguage;
}

function examples(section: string, label: 'Bad' | 'Good'): Example | null {
  const at = section.indexOf(`${label}:`);
  if (at < 0) return null;
  const m = /```(ts|js|tsx|jsx)\n([\s\S]*?)```/.exec(section.slice(at));
  if (!m || section.slice(at, at + (m.index ?? 0)).includes(label === 'Bad' ? 'Good:' : 'Bad:')) return null;
  const language: JsLanguage = m[1] === 'js' ? 'javascript' : m[1] === 'jsx' ? 'javascriptreact' : m[1] === 'tsx' ? 'typescriptreact' : 'typescript';
  return { code: m[2]!, language };
}

describe('rule pages: TypeScript / JavaScript examples', () => {
  const ids = [...new Set(jsRules.map((r) => r.id))];
  for (const id of ids) {
    it(id, async () => {
      const page = readFileSync(path.join(repoRoot, ruleMeta(id)!.docPath), 'utf8');
      const section = page.slice(page.indexOf('## TypeScript / JavaScript'));
      const bad = examples(section, 'Bad');
      assert.ok(bad, `${id}: the TS/JS section has a Bad example`);
      const found = await lintJs(bad.code, id, bad.language);
      assert.ok(found.length > 0, `${id}: the Bad example is reported`);
      const good = examples(section, 'Good');
      if (good) assert.deepEqual((await lintJs(good.code, id, good.language)).map((f) => f.message), [], `${id}: the Good example is clean`);
    });
  }
});
