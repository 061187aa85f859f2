/** Bad input for the JS-family rules: syntax errors, partial code, JSX, huge nesting. */
import assert from 'node:assert/strict';
import { jsRules } from '../../../../src/core/lint/rules/js/jsRules.js';
import { linter } from '../lintHarness.js';

describe('JS rules on bad input', () => {
  it('reports nothing inside ERROR nodes but still lints the intact part of the file', async () => {
    const intact = "let a = '';\nfor (const x of xs) { a += x; }\n";
    // The same loop twice, broken so that tree-sitter wraps the `+=` in ERROR nodes.
    const broken = ["let b = '';\nfunction f( { for (const x of xs) { b += x; } }\n", "let c = '';\nfor (const x of xs) { c += x <<>> ; }\n"];
    const RULE = 'loop.string-concat-in-loop';
    const ok = await linter().lintText(intact + broken.join(''), 'typescript', { rules: [RULE] });
    assert.equal(ok.hasSyntaxErrors, true);
    assert.deepEqual(ok.findings.map((f) => f.range.start.line + 1), [2], 'only the intact loop is reported');
    // Control: the broken snippets, repaired, are reported.
    const repaired = await linter().lintText("let b = '';\nfunction f() { for (const x of xs) { b += x; } }\n", 'typescript', { rules: [RULE] });
    assert.deepEqual(repaired.findings.map((f) => f.range.start.line + 1), [2]);
  });

  it('reports nothing on a node whose only error is an anonymous MISSING token (absent from the node model)', async () => {
    const RULE = 'loop.string-concat-in-loop';
    // tree-sitter repairs `(x;` with a MISSING ")" token inside the `+=`: no ERROR node, no named MISSING node.
    const broken = await linter().lintText("let a = '';\nfor (const x of xs) { a += (x; }\n", 'typescript', { rules: [RULE] });
    assert.equal(broken.hasSyntaxErrors, true);
    assert.deepEqual(broken.findings, []);
    // Control: the same loop, complete, is reported.
    const whole = await linter().lintText("let a = '';\nfor (const x of xs) { a += (x); }\n", 'typescript', { rules: [RULE] });
    assert.deepEqual(whole.findings.map((f) => f.range.start.line + 1), [2]);
  });

  it('survives half-written code an assistant might leave mid-edit, in every JS grammar', async () => {
    const fragments = [
      'class A extends {',
      'for (let i = 0; i < xs.length; i++',
      'const x = [...',
      'class B { constructor() { super(',
      'xs.map((x) => users.find((u) => u.id ===',
      'export default class { static',
      '<div onClick={() => {',
      'for await (const',
    ];
    for (const languageId of ['typescript', 'typescriptreact', 'javascript', 'javascriptreact']) {
      for (const text of fragments) {
        const result = await linter().lintText(text, languageId);
        assert.equal(result.skipped, undefined, `${languageId}: ${text}`);
        assert.ok(Array.isArray(result.findings));
      }
    }
  });

  it('runs every JS rule without throwing on a file that mixes every construct', async () => {
    const warnings: string[] = [];
    const { Linter } = await import('../../../../src/core/lint/engine.js');
    const { TreeSitterRuntime } = await import('../../../../src/core/lint/treeSitter.js');
    const { NodeWasmSource } = await import('../../../../src/node/grammarFiles.js');
    const { repoRoot } = await import('../lintHarness.js');
    const strict = new Linter(new TreeSitterRuntime(NodeWasmSource.forRoot(repoRoot)), jsRules, { warn: (m) => warnings.push(m) });
    const src = [
      '@Dec() export abstract class A<T> extends B<T> implements C { static #p = []; declare x: T; accessor y = 1;',
      '  constructor(private readonly z: T, @Inject() w: number) { super(); }',
      '  abstract m(): void; get g() { return this.z; } set g(v) {} static { A.#p.push(1); } [Symbol.iterator]() {}',
      '  override async *gen(this: A<T>, ...r: T[]) { for await (const q of r as any) yield q; } }',
      'label: for (var i = 0, n = xs.length; i < n; i++) { for (const [k, , v] of Object.entries(o)) { if (k) continue label; } }',
      'const f = async <T,>(x: T) => { try { await x; } catch { return; } finally {} };',
      'switch (true) { case a instanceof B: break; default: }',
      'export default class {}',
      'const q = xs?.filter?.((x) => x)?.[0] ?? ys!.map((y) => y).flat();',
    ].join('\n');
    for (const languageId of ['typescript', 'typescriptreact'] as const) {
      const result = await strict.lintText(src, languageId);
      assert.equal(result.skipped, undefined);
    }
    assert.deepEqual(warnings, [], 'no rule threw');
  });

  it('lints JSX and TSX, and reports inside JSX expressions', async () => {
    const src = [
      'export function List({ posts, users }) {',
      '  return <ul>{posts.map((p) => <li key={p.id}>{users.find((u) => u.id === p.userId).name}</li>)}</ul>;',
      '}',
    ].join('\n');
    for (const languageId of ['javascriptreact', 'typescriptreact']) {
      const result = await linter().lintText(src, languageId, { rules: ['loop.nested-linear-search'] });
      assert.deepEqual(result.findings.map((f) => f.range.start.line + 1), [2], languageId);
    }
  });
});
