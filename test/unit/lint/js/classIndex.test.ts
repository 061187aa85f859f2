import assert from 'node:assert/strict';
import { ClassIndex, indexKey, lineageSources, moduleCandidates, normalizePath, replaceRuleFindings, summarizeClasses, type FileClassSummary } from '../../../../src/core/lint/js/classIndex.js';
import type { Finding } from '../../../../src/core/lint/rule.js';
import { lines, linter } from '../lintHarness.js';

const RULE = 'oop.method-not-using-self';

/** The class summary of real source, taken the way the CLI takes it (the engine's `inspect` hook after the lint). */
async function summary(source: string, languageId = 'javascript'): Promise<FileClassSummary> {
  let out: FileClassSummary | undefined;
  const r = await linter().lintText(source, languageId, { inspect: (ctx) => (out = summarizeClasses(ctx)) });
  assert.equal(r.skipped, undefined);
  assert.ok(out, 'inspect was called');
  return out;
}

async function indexOf(files: Record<string, string>): Promise<ClassIndex> {
  const entries: Array<[string, FileClassSummary]> = [];
  for (const [file, text] of Object.entries(files)) entries.push([file, await summary(text, file.endsWith('.ts') ? 'typescript' : 'javascript')]);
  return new ClassIndex(entries);
}

describe('cross-file class index (lint/js/classIndex.ts)', () => {
  it('summarises ES imports and exports, CommonJS require and module.exports, and re-exports', async () => {
    const s = await summary(
      [
        "import B, { C as D } from './b';",
        "import * as ns from './n';",
        "const X = require('./x'), { Y, Z: W } = require('./y');",
        "const Q = require('./q').Q;",
        'export class A extends B { run() {} static make() {} constructor() { super(); } }',
        'export default class E extends ns.Base { get size() { return 1; } field = 1; }',
        'export { A as F };',
        "export { G } from './g';",
        "export * from './h';",
        'module.exports.K = A;',
        'exports.L = E;',
        'module.exports = { M: A, E };',
      ].join('\n'),
    );
    assert.deepEqual(s.imports, {
      B: { source: './b', imported: 'default' },
      D: { source: './b', imported: 'C' },
      ns: { source: './n', imported: '*' },
      X: { source: './x', imported: '*' },
      Y: { source: './y', imported: 'Y' },
      W: { source: './y', imported: 'Z' },
      Q: { source: './q', imported: 'Q' },
    });
    assert.deepEqual(s.classes, [
      { name: 'A', extendsName: 'B', members: ['run'] },
      { name: 'E', extendsName: 'ns.Base', members: ['size', 'field'] },
    ]);
    assert.deepEqual(s.exports, { A: 'A', default: 'E', F: 'A', K: 'A', L: 'E', M: 'A', E: 'E' });
    assert.deepEqual(s.reexports, [
      { source: './g', imported: 'G', exported: 'G' },
      { source: './h', imported: '*', exported: '*' },
    ]);
    assert.deepEqual(lineageSources(s).sort(), ['./b', './g', './h', './n']);
  });

  it('summarises `module.exports = class …` (named or anonymous) as the default export', async () => {
    assert.deepEqual((await summary('module.exports = class TokenStore { a() {} };')).exports, { default: 'TokenStore' });
    const anon = await summary('module.exports = class { a() {} };');
    assert.equal(anon.exports.default, anon.classes[0]?.name);
  });

  it('resolves relative specifiers the way Node and TypeScript do, and only those', async () => {
    assert.equal(normalizePath('/a/b/../c/./d'), '/a/c/d');
    assert.equal(indexKey('C:\\src\\a.js'), 'C:/src/a.js');
    assert.deepEqual(moduleCandidates('/p/a.js', 'pkg'), []);
    const index = await indexOf({ '/p/src/a.js': 'class A {}', '/p/src/lib/index.ts': 'export class I {}', '/p/src/m.ts': 'export class M {}', '/p/b.mjs': 'export class B {}' });
    assert.equal(index.resolveModule('/p/src/x.js', './a'), '/p/src/a.js');
    assert.equal(index.resolveModule('/p/src/x.js', './a.js'), '/p/src/a.js');
    assert.equal(index.resolveModule('/p/src/x.ts', './m.js'), '/p/src/m.ts', 'a .js specifier names the .ts source');
    assert.equal(index.resolveModule('/p/src/x.ts', './lib'), '/p/src/lib/index.ts');
    assert.equal(index.resolveModule('/p/src/deep/x.js', '../../b'), '/p/b.mjs');
    assert.equal(index.resolveModule('/p/src/x.js', './missing'), undefined);
    assert.equal(index.resolveModule('/p/src/x.js', 'a'), undefined, 'a package specifier is not a file of the run');
  });

  it('answers whether an ancestor in another file declares a member: ES modules through an index re-export', async () => {
    const index = await indexOf({
      '/p/base.js': 'export class Root { root() {} }\nexport class Base extends Root { shared() {} _hook() {} }',
      '/p/index.js': "export { Base } from './base.js';\nexport * from './other.js';",
      '/p/other.js': 'export class Other { o() {} }',
      '/p/child.js': "import { Base } from './index.js';\nimport * as all from './index.js';\nexport class Child extends Base { helper() { return 1; } }",
    });
    assert.equal(index.ancestryDeclares('/p/child.js', 'Base', 'shared'), 'declared');
    assert.equal(index.ancestryDeclares('/p/child.js', 'Base', 'root'), 'declared', 'the grandparent in the same file');
    assert.equal(index.ancestryDeclares('/p/child.js', 'Base', 'helper'), 'absent');
    assert.equal(index.ancestryDeclares('/p/child.js', 'all.Other', 'o'), 'declared', 'namespace member through export *');
    assert.equal(index.ancestryDeclares('/p/child.js', 'all.Nothing', 'o'), 'unknown');
    assert.equal(index.improves('/p/child.js'), true);
    assert.equal(index.improves('/p/base.js'), false, 'in-file parents need no index');
  });

  it('follows CommonJS: require of a module.exports class, destructured require, and compiled-TS namespace access', async () => {
    const index = await indexOf({
      '/p/token-store/index.js': 'module.exports = class TokenStore { getTokens() {} };',
      '/p/source-code.js': "const TokenStore = require('./token-store');\nclass SourceCode extends TokenStore { text() { return 1; } }\nmodule.exports = { SourceCode };",
      '/p/ExemplarReservoir.js': 'class FixedBase { reset() {} }\nexports.FixedBase = FixedBase;',
      '/p/Simple.js': 'const ExemplarReservoir_1 = require("./ExemplarReservoir");\nclass Simple extends ExemplarReservoir_1.FixedBase { getRandomInt() {} }',
      '/p/sub.js': "const { SourceCode } = require('./source-code');\nclass Sub extends SourceCode {}",
    });
    assert.equal(index.ancestryDeclares('/p/source-code.js', 'TokenStore', 'getTokens'), 'declared');
    assert.equal(index.ancestryDeclares('/p/source-code.js', 'TokenStore', 'text'), 'absent');
    assert.equal(index.ancestryDeclares('/p/Simple.js', 'ExemplarReservoir_1.FixedBase', 'getRandomInt'), 'absent');
    assert.equal(index.ancestryDeclares('/p/Simple.js', 'ExemplarReservoir_1.FixedBase', 'reset'), 'declared');
    assert.equal(index.ancestryDeclares('/p/sub.js', 'SourceCode', 'getTokens'), 'declared', 'two files up');
  });

  it('says unknown for ancestors outside the run (packages, globals) and for cycles, and stops on long lineages', async () => {
    const index = await indexOf({
      '/p/a.js': "const { B } = require('./b');\nclass A extends B {}\nmodule.exports = { A };",
      '/p/b.js': "const { A } = require('./a');\nclass B extends A {}\nmodule.exports = { B };",
      '/p/pkg.js': "import { ReportBase } from 'istanbul-lib-report';\nexport class Mid extends ReportBase {}",
      '/p/leaf.js': "import { Mid } from './pkg.js';\nclass Leaf extends Mid { helper() {} }\nclass E extends Error { helper() {} }",
    });
    assert.equal(index.ancestryDeclares('/p/a.js', 'B', 'x'), 'unknown');
    assert.equal(index.ancestryDeclares('/p/leaf.js', 'Mid', 'helper'), 'unknown');
    assert.equal(index.ancestryDeclares('/p/leaf.js', 'Error', 'helper'), 'unknown');
    assert.equal(index.improves('/p/leaf.js'), false);
    const chain: Record<string, string> = { '/c/0.js': 'export class C0 {}' };
    for (let i = 1; i <= 80; i++) chain[`/c/${i}.js`] = `import { C${i - 1} } from './${i - 1}.js';\nexport class C${i} extends C${i - 1} {}`;
    const long = await indexOf(chain);
    assert.equal(long.ancestryDeclares('/c/80.js', 'C79', 'x'), 'unknown', 'past MAX_LINEAGE the answer is unknown');
    assert.equal(long.ancestryDeclares('/c/10.js', 'C9', 'x'), 'absent');
  });

  it('lets oop.method-not-using-self judge helpers of subclasses of a sibling-file class, and only with the index', async () => {
    const base = "export class Base {\n  render(x) { return this.wrap(x); }\n  wrap(x) { return x; }\n  _hook() { return this; }\n}";
    const child = [
      "import { Base } from './base.js';",
      'export class Spec extends Base {',
      '  wrap(x) { return x + 1; }', // override: the parent declares it
      '  _hook() { return 1; }', // override of a conventionally private member
      '  url(s) { return "#" + s; }', // helper: the parent does not declare it
      '  color(c) { return this.palette[c]; }',
      '}',
    ].join('\n');
    const index = await indexOf({ '/p/base.js': base, '/p/spec.js': child });
    const alone = (await linter().lintText(child, 'javascript', { rules: [RULE] })).findings;
    assert.deepEqual(lines(alone), [4], 'alone: public methods may be overrides, only the _private one is judged');
    const project = (await linter().lintText(child, 'javascript', { rules: [RULE], project: { file: '/p/spec.js', classes: index } })).findings;
    assert.deepEqual(lines(project), [5], 'with the index: the helper is judged and the overrides are not');
    assert.match(project[0]?.message ?? '', /Spec\.url/);
  });

  it('replaces one rule\'s findings of a file and keeps the engine order', () => {
    const f = (line: number, ruleId: string): Finding => ({ ruleId, severity: 'info', range: { start: { line, character: 0 }, end: { line, character: 1 } }, message: '', hint: '' });
    const merged = replaceRuleFindings([f(1, 'loop.a'), f(3, RULE), f(5, 'loop.b')], [f(2, RULE), f(4, RULE)], [RULE]);
    assert.deepEqual(merged.map((x) => `${x.range.start.line}:${x.ruleId}`), ['1:loop.a', `2:${RULE}`, `4:${RULE}`, '5:loop.b']);
  });
});
