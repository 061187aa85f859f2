import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ALL_RULES } from '../../../src/core/lint/registry.js';
import { allRuleMeta } from '../../../src/core/lint/ruleCatalog.js';
import { repoRoot } from './lintHarness.js';

describe('rule catalogue and docs', () => {
  it('has one page per rule id with what / why / Python / TypeScript sections', () => {
    for (const meta of allRuleMeta()) {
      const file = path.join(repoRoot, meta.docPath);
      assert.ok(existsSync(file), `missing ${meta.docPath}`);
      const text = readFileSync(file, 'utf8');
      for (const heading of ['## What it catches', '## Why it costs', '## Python', '## TypeScript / JavaScript']) assert.ok(text.includes(heading), `${meta.docPath} lacks "${heading}"`);
      assert.ok(text.startsWith(`# \`${meta.id}\``), `${meta.docPath} starts with its id`);
    }
  });

  it('registers only catalogued rule ids, each Python id at most once', () => {
    const ids = new Set(allRuleMeta().map((m) => m.id));
    for (const r of ALL_RULES) assert.ok(ids.has(r.id), `unknown rule id ${r.id}`);
    const python = ALL_RULES.filter((r) => r.languages.includes('python')).map((r) => r.id);
    assert.equal(new Set(python).size, python.length);
    // Every id Python can express has a Python implementation (misdeclared-constructor cannot be expressed).
    assert.deepEqual([...ids].filter((id) => !python.includes(id)), ['oop.misdeclared-constructor']);
  });
});
