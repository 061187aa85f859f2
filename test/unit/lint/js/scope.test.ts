/** The JS scope table and value-kind inference that the rules build on. */
import assert from 'node:assert/strict';
import type { RuleContext } from '../../../../src/core/lint/rule.js';
import type { Rule } from '../../../../src/core/lint/rule.js';
import { scopeTable } from '../../../../src/core/lint/js/scope.js';
import { kindOf } from '../../../../src/core/lint/js/types.js';
import { Linter } from '../../../../src/core/lint/engine.js';
import { TreeSitterRuntime } from '../../../../src/core/lint/treeSitter.js';
import { NodeWasmSource } from '../../../../src/node/grammarFiles.js';
import { repoRoot } from '../lintHarness.js';

/** Runs `probe` inside a real lint of `source` (the rule context only exists during a lint). */
async function withContext<T>(source: string, languageId: string, probe: (ctx: RuleContext) => T): Promise<T> {
  let out: T | undefined;
  const rule: Rule = { id: 'loop.manual-index', languages: ['typescript', 'javascript'], create: (ctx) => ((out = probe(ctx)), {}) };
  const linter = new Linter(new TreeSitterRuntime(NodeWasmSource.forRoot(repoRoot)), [rule]);
  await linter.lintText(source, languageId);
  return out as T;
}

function identifierAt(ctx: RuleContext, name: string, occurrence = 0) {
  const node = ctx.syntax().ofType('identifier').filter((n) => n.text === name)[occurrence];
  assert.ok(node, `identifier ${name}#${occurrence}`);
  return node;
}

describe('JS scope table', () => {
  it('resolves var to the function, let/const to the block, and params to their function', async () => {
    const src = 'function f(a) {\n  { var v = 1; let l = 2; }\n  return v + a + l;\n}\n';
    const kinds = await withContext(src, 'javascript', (ctx) => {
      const t = scopeTable(ctx);
      return [t.resolve(identifierAt(ctx, 'v', 1))?.kind, t.resolve(identifierAt(ctx, 'a', 1))?.kind, t.resolve(identifierAt(ctx, 'l', 1))?.kind];
    });
    // `l` is used outside its block: it does not resolve to the block's binding.
    assert.deepEqual(kinds, ['var', 'param', undefined]);
  });

  it('records writes (assignments, updates, for-in heads) but not the declaration itself', async () => {
    const src = 'let c = 0;\nc++;\nc = 5;\nfor (c of xs) {}\nconst k = 1;\n';
    const counts = await withContext(src, 'javascript', (ctx) => {
      const t = scopeTable(ctx);
      return [t.resolve(identifierAt(ctx, 'c'))?.writes.length, t.resolve(identifierAt(ctx, 'k'))?.writes.length];
    });
    assert.deepEqual(counts, [3, 0]);
  });

  it('marks bindings declared in a loop header', async () => {
    const src = 'for (let i = 0; i < 3; i++) {}\nfor (const x of xs) {}\nlet y;\n';
    const headers = await withContext(src, 'javascript', (ctx) => {
      const t = scopeTable(ctx);
      return ['i', 'x', 'y'].map((n) => t.resolve(identifierAt(ctx, n))?.loopHeader?.type ?? null);
    });
    assert.deepEqual(headers, ['for_statement', 'for_in_statement', null]);
  });
});

describe('JS value kinds', () => {
  it('reads declared types and initialisers', async () => {
    const src = [
      'const a: string[] = g();',
      'const s = new Set<number>();',
      "let t = '';",
      'const m: ReadonlyMap<string, number> = g();',
      'const k = Object.keys(o);',
      'const u = g();',
      'const b = a.map(String);',
      'a; s; t; m; k; u; b;',
    ].join('\n');
    const kinds = await withContext(src, 'typescript', (ctx) => ['a', 's', 't', 'm', 'k', 'u', 'b'].map((n) => kindOf(ctx, identifierAt(ctx, n, n === 'a' ? 2 : 1))));
    assert.deepEqual(kinds, ['array', 'set', 'string', 'map', 'array', 'unknown', 'array']);
  });
});
